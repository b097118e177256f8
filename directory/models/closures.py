"""Bulk closures: one action that closes many hubs for the same dates, recorded so it can be
changed or undone. The closures themselves live on each hub page, as dated exceptions. And
the record of when someone last checked a page's opening times."""

from django.conf import settings
from django.db import models

from directory import opening_hours as hours


class BulkClosure(models.Model):
    start_date = models.DateField()
    end_date = models.DateField()
    reason = models.CharField(max_length=100)
    hubs = models.ManyToManyField("directory.FamilyHubPage", related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    undone_at = models.DateTimeField(null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        permissions = [("close_hubs", "Can close many family hubs at once")]

    def __str__(self) -> str:
        return f"Closed for {self.reason}: {self.dates}"

    @property
    def dates(self) -> str:
        if self.start_date == self.end_date:
            return hours.format_date(self.start_date, with_year=True)
        return (
            f"{hours.format_date(self.start_date, with_year=True)} to "
            f"{hours.format_date(self.end_date, with_year=True)}"
        )


class OpeningHoursReview(models.Model):
    """When someone last checked a hub's or a service's opening times were right. Kept apart
    from the page, not in its revisions: marking the hours as checked is not an edit, and
    publishing an older draft must not undo it."""

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="opening_hours_review"
    )
    reviewed_at = models.DateTimeField()
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self) -> str:
        return f"Opening times of page {self.page_id} checked {self.reviewed_at:%Y-%m-%d}"
