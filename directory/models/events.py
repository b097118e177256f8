"""What's on: the page at /whats-on/ (its timetable and calendar feeds are served by
directory.views) and the one-off events editors add to a hub page (a fun day, a consultation
drop-in)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from modelcluster.fields import ParentalKey

from directory import whats_on
from website.models import BasePage
from website.page_views import PAGE_URL, serve_page

from .hubs import FamilyHubPage

CALENDAR_ROUTE = "calendar"


class WhatsOnPage(RoutablePageMixin, BasePage):
    """/whats-on/: every session and event at the hubs for the next four weeks, with filters,
    and its calendar feed (/whats-on/calendar/, with the same filters; Wagtail's page addresses
    have no dots, so no .ics)."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link", "ul"])

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    parent_page_types = ["website.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "what's on page"

    @path("")
    def timetable(self, request):
        """The timetable (directory.views.whats_on)."""
        return serve_page(self, request, PAGE_URL)

    @path("calendar/", name=CALENDAR_ROUTE)
    def calendar(self, request):
        """The iCalendar feed (directory.views.whats_on_calendar)."""
        return serve_page(self, request, CALENDAR_ROUTE)


class HubEvent(Orderable):
    """A one-off event at a hub, on one day."""

    class Booking(models.TextChoices):
        DROP_IN = whats_on.DROP_IN, _("Drop in, no need to book")
        BOOK = whats_on.BOOK, _("Book a place")

    page = ParentalKey(FamilyHubPage, on_delete=models.CASCADE, related_name="events")
    title = models.CharField(max_length=120)
    date = models.DateField()
    starts = models.TimeField()
    ends = models.TimeField()
    description = models.TextField(blank=True, help_text="What happens, and who it is for.")
    booking = models.CharField(max_length=10, choices=Booking.choices, default=Booking.DROP_IN)
    booking_url = models.URLField(
        "where to book", blank=True, help_text="A web page to book a place, if there is one."
    )
    is_free = models.BooleanField("free", default=True)
    cost = models.CharField(
        max_length=120, blank=True, help_text="If it is not free, for example '£2 per child'."
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("starts"), FieldPanel("ends")]),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("booking"), FieldPanel("booking_url")]),
                FieldRowPanel([FieldPanel("is_free"), FieldPanel("cost")]),
            ],
            heading="Booking and cost",
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "event"

    def __str__(self) -> str:
        return self.title

    def clean(self):
        super().clean()
        if self.starts and self.ends and self.ends <= self.starts:
            raise ValidationError({"ends": "The end time must be after the start time."})
        if not self.is_free and not self.cost.strip():
            raise ValidationError({"cost": "Say what it costs, or tick 'free'."})
