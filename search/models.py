"""Editor-managed synonyms for site search."""

from django.core.exceptions import ValidationError
from django.db import models

from wagtail.admin.panels import FieldPanel

from .synonyms import BRITISH_AMERICAN_SPELLINGS, InvalidSynonyms, parse_terms


class SearchSynonym(models.Model):
    """One group of words or phrases that mean the same thing to the people searching: a search
    for any of them finds pages that use any of them."""

    terms = models.CharField(
        max_length=500,
        help_text=(
            "Words or phrases that mean the same thing, separated by commas, for example "
            "“nursery, childcare, early years”. Changes reach search within a few minutes."
        ),
    )

    panels = [FieldPanel("terms")]

    class Meta:
        ordering = ["terms"]
        verbose_name = "search synonym"

    def __str__(self) -> str:
        return self.terms

    def clean(self) -> None:
        try:
            self.terms = ", ".join(parse_terms(self.terms))
        except InvalidSynonyms as error:
            raise ValidationError({"terms": str(error)}) from error


def synonym_groups() -> list[tuple[str, ...]]:
    """Every group: the built-in spellings, then the editors' synonyms (read from the database)."""
    groups = list(BRITISH_AMERICAN_SPELLINGS)
    for synonym in SearchSynonym.objects.order_by("pk"):
        try:
            groups.append(tuple(parse_terms(synonym.terms)))
        except InvalidSynonyms:
            # Saved before a rule tightened: skip it rather than break every search.
            continue
    return groups
