"""Page types for the tests only, shaped like the domain apps' (built elsewhere): a service with
a location and a higher search boost, and a news release with a date. They follow the page-type
contract in docs/search.md exactly as the directory and news apps will."""

from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from website.models import BasePage


class ExampleServicePage(BasePage):
    description = models.TextField(blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)

    search_type_label = "Service"
    search_boost = 2.0
    search_fields = [*BasePage.search_fields, index.SearchField("description")]
    content_panels = [*BasePage.content_panels, FieldPanel("description")]
    parent_page_types = ["website.HomePage", "website.StandardPage"]
    template = "website/standard_page.html"


class ExampleNewsPage(BasePage):
    release_date = models.DateField()
    description = models.TextField(blank=True)

    search_type_label = "News release"
    search_date_field = "release_date"
    search_recency_half_life_days = 365
    search_fields = [*BasePage.search_fields, index.SearchField("description")]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("release_date"),
        FieldPanel("description"),
    ]
    parent_page_types = ["website.HomePage", "website.StandardPage"]
    template = "website/standard_page.html"
