"""The council's own copy of UK postcode locations (the ONS Postcode Directory), so finding the
nearest hub never calls an outside service. Full postcodes and the centroids of their sectors
and districts share one table, keyed by the normalised text."""

from django.db import models

from directory import postcodes
from directory.postcodes import Kind


class PostcodeLocation(models.Model):
    postcode = models.CharField(max_length=8, primary_key=True)  # "WV1 1SH", "WV1 1", "WV1"
    kind = models.CharField(max_length=8, choices=[(kind.value, kind.value) for kind in Kind])
    outward = models.CharField(max_length=4)
    latitude = models.FloatField()
    longitude = models.FloatField()
    # The month the Royal Mail stopped using it (ONSPD's doterm); old letters and documents
    # still carry terminated postcodes, so they still resolve.
    terminated = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = "postcode"
        # A plain index: Django's db_index would add a second, pattern-matching one on
        # PostgreSQL that no query uses and every import pays for.
        indexes = [models.Index(fields=["outward"], name="directory_postcode_outward")]

    def __str__(self) -> str:
        return self.postcode


def locate(text: str | None) -> PostcodeLocation:
    """Where a full or partial postcode is, or PostcodeError with what to tell the person.
    Terminated postcodes still resolve: letters and documents still carry them."""
    parsed = postcodes.parse(text)
    # Not .first(): its ORDER BY is no use on the primary key, and costs the lookup a sixth.
    found = next(iter(PostcodeLocation.objects.filter(pk=parsed.text)[:1]), None)
    if found is None:
        district_exists = PostcodeLocation.objects.filter(pk=parsed.outward).exists()
        raise postcodes.PostcodeNotFound(postcodes.not_found_message(parsed, district_exists))
    return found
