"""Model fields every app declares the same way."""

from django.db import models


def optional_link(to, *, related_name: str = "+", **options) -> models.ForeignKey:
    """A link an editor may leave empty (a logo, a hero image, a page, a contact): deleting what
    it points to empties it rather than deleting the row that holds it. No reverse accessor
    unless `related_name` asks for one."""
    return models.ForeignKey(
        to,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name=related_name,
        **options,
    )
