"""A place with a latitude and a longitude, indexed like a family hub or a service would be: the
geo search contract (docs/search.md) is tested against it."""

from django.db import models

from wagtail.search import index


class Place(index.Indexed, models.Model):
    name = models.CharField(max_length=100)
    description = models.TextField(blank=True)
    kind = models.CharField(max_length=20, default="hub")
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)

    search_fields = [
        index.SearchField("name", boost=3),
        index.SearchField("description"),
        index.AutocompleteField("name"),
        index.FilterField("kind"),
    ]

    def __str__(self) -> str:
        return self.name
