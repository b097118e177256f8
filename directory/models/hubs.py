"""Family hubs: the index at /family-hubs/ and one page per hub."""

import uuid
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Site
from wagtail.search import index

from modelcluster.fields import ParentalKey

from directory import ages, geo, postcodes, structured_data
from directory import opening_hours as hours
from directory.panels import LocationPanel, page_edit_handler
from website import content_cache
from website.blocks import BaseStreamBlock
from website.images import picture
from website.models import PAGE_LINK_FIELDS, BasePage
from website.page_views import serve_page

from .opening_hours import (
    DateException,
    OpeningHoursMixin,
    OpeningHoursPageForm,
    OpeningTimesPreviewMixin,
    WeeklySession,
    opening_hours_panels,
)
from .postcodes import cleaned_postcode, locate
from .settings import notice_days

# Structured facilities, in the order the page lists them: (field name, what the page says).
# Each has an icon of the same name (templates/directory/includes/facility_icon.html).
FACILITIES = [
    ("step_free_access", _("Step-free access")),
    ("accessible_toilet", _("Accessible toilet")),
    ("baby_change", _("Baby changing")),
    ("breastfeeding_space", _("Quiet space for breastfeeding")),
    ("parking", _("Parking")),
    ("buggy_storage", _("Buggy park")),
    ("free_wifi", _("Free Wi-Fi")),
    ("hearing_loop", _("Hearing loop")),
]


@dataclass(frozen=True)
class Facility:
    name: str  # the field's, and its icon's
    label: str


# How long a cached page can go on showing the right open/closed line: the browser picks the
# line for "now" from these many hours of precomputed status lines.
HUB_PAGE_STATUS_HOURS = 24 * 14
HUB_LIST_STATUS_HOURS = 36
# Each gallery photo, as the page shows it: cropped to 3:2, at these widths, in WebP with a
# JPEG fallback for browsers without it.
GALLERY_WIDTHS = (480, 720, 960)
GALLERY_FORMATS = ("webp", "jpeg")
# The gallery's column: the whole screen on a phone, a third of the page's width beyond.
GALLERY_SIZES = "(min-width: 641px) 320px, 100vw"
# In the name the photos are kept under: raised when what is kept changes (the rendition, the
# fields), so a release never reads what the one before kept.
PHOTOS_FORMAT = 2


def gallery_specs(width: int, height: int) -> list[str]:
    """The rendition specs for a photo `width` by `height` pixels: only the 3:2 crops it can
    give, since Wagtail never enlarges and a srcset must not list one width twice."""
    largest = min(width, height * 3 // 2)
    widths = sorted({w for w in GALLERY_WIDTHS if w < largest} | {min(largest, GALLERY_WIDTHS[-1])})
    return [f"fill-{w}x{w * 2 // 3}|format-{fmt}" for w in widths for fmt in GALLERY_FORMATS]


class FamilyHubIndexPage(RoutablePageMixin, BasePage):
    intro = RichTextField(blank=True, features=["bold", "italic", "link", "ul"])

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    parent_page_types = ["website.HomePage"]
    subpage_types = ["directory.FamilyHubPage"]
    max_count = 1

    class Meta:
        verbose_name = "family hub index"

    def live_hubs(self) -> list["FamilyHubPage"]:
        hubs = list(FamilyHubPage.objects.child_of(self).live().public().order_by("title"))
        FamilyHubPage.load_schedules(hubs)
        return hubs

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        hubs = self.live_hubs()
        for hub in hubs:
            hub.status = hub.opening_status(now)
            hub.status_segments = hub.status_segments_json(now, HUB_LIST_STATUS_HOURS)
        context["hubs"] = hubs
        context["map"] = map_settings([hub.map_marker(request) for hub in hubs if hub.has_location])
        return context

    @path("nearest/", name="nearest")
    def nearest(self, request):
        """The hubs nearest a postcode (directory.views.nearest_hubs)."""
        return serve_page(self, request, "nearest")


class FamilyHubPage(OpeningTimesPreviewMixin, OpeningHoursMixin, BasePage):
    # The hub's id as an ORUK location (services delivered here are "services at location").
    oruk_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    address_line_1 = models.CharField("address line 1", max_length=120)
    address_line_2 = models.CharField("address line 2", max_length=120, blank=True)
    town = models.CharField("town or city", max_length=80)
    postcode = models.CharField(max_length=10)
    location = models.CharField(
        max_length=250,
        blank=True,
        help_text="Drag the pin, or leave blank to place the hub at its postcode.",
    )
    # Derived from `location` on save: plain numbers the database can range-query.
    latitude = models.FloatField(null=True, blank=True, editable=False)
    longitude = models.FloatField(null=True, blank=True, editable=False)

    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)
    # A place that hosts sessions without being a hub: its page and sessions stay, but a
    # family asking for their nearest hub is not sent to a library's meeting room.
    outreach_base = models.BooleanField(
        default=False,
        help_text="A library, a church hall or another place that hosts sessions but is not a "
        "family hub. It is not offered as anyone's nearest family hub.",
    )

    step_free_access = models.BooleanField(default=False)
    accessible_toilet = models.BooleanField(default=False)
    baby_change = models.BooleanField("baby changing", default=False)
    parking = models.BooleanField(default=False)
    buggy_storage = models.BooleanField("buggy park", default=False)
    hearing_loop = models.BooleanField(default=False)
    free_wifi = models.BooleanField("free Wi-Fi", default=False)
    breastfeeding_space = models.BooleanField("quiet space for breastfeeding", default=False)
    accessibility_notes = models.TextField(
        blank=True, help_text="Anything else about access, in plain words."
    )
    how_to_get_there = models.TextField(
        blank=True, help_text="Buses, trains, parking, and which door to use."
    )

    serves_pregnancy = models.BooleanField(
        default=True, help_text="Support during pregnancy, before the baby is born."
    )
    min_age = models.PositiveSmallIntegerField("youngest age (years)", default=0)
    max_age = models.PositiveSmallIntegerField("oldest age (years)", default=19)
    max_age_send = models.PositiveSmallIntegerField(
        "oldest age with SEND (years)",
        null=True,
        blank=True,
        default=25,
        help_text="For young people with special educational needs and disabilities.",
    )

    body = StreamField(BaseStreamBlock(), blank=True, verbose_name="what happens here")

    base_form_class = OpeningHoursPageForm

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("address_line_1"),
                FieldPanel("address_line_2"),
                FieldRowPanel([FieldPanel("town"), FieldPanel("postcode")]),
                LocationPanel("location"),
                FieldPanel("outreach_base"),
            ],
            heading="Address and location",
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("phone"), FieldPanel("email")])], heading="Contact"
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("serves_pregnancy"), FieldPanel("min_age"), FieldPanel("max_age")]
                ),
                FieldPanel("max_age_send"),
            ],
            heading="Who the hub is for",
        ),
        FieldPanel("body"),
        InlinePanel("gallery_images", heading="Photos", label="Photo"),
        InlinePanel("events", heading="One-off events", label="Event"),
    ]
    opening_panels = opening_hours_panels(
        "Add one row per session. A day with a lunch break has two rows, for example "
        "Monday 9:00 to 12:30 and Monday 13:30 to 17:00. Days without rows are closed.",
        sessions="Weekly opening times",
        exceptions="Closures and special hours",
        exception="Closure or special hours",
        help_text="For a holiday closure, a training day or different hours on a date.",
    )
    access_panels = [
        MultiFieldPanel([FieldPanel(name) for name, _ in FACILITIES], heading="Facilities"),
        FieldPanel("accessibility_notes"),
        FieldPanel("how_to_get_there"),
    ]
    edit_handler = page_edit_handler(
        ObjectList(content_panels, heading="Content"),
        ObjectList(opening_panels, heading="Opening times"),
        ObjectList(access_panels, heading="Access"),
    )

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("address_line_1"),
        index.SearchField("address_line_2"),
        index.SearchField("town", boost=2),
        index.SearchField("postcode"),
        index.SearchField("body"),
        index.FilterField("latitude"),
        index.FilterField("longitude"),
        index.FilterField("outreach_base"),
    ]
    search_type_label = "Family hub"
    # Hubs and services above news and pages for service words (docs/search.md).
    search_boost = 2.0

    # A copy is another hub, with an id of its own.
    exclude_fields_in_copy = ["oruk_id"]

    def search_dependents(self):
        """The services delivered here: their search documents hold its location while it is
        live, for "near a postcode" (search.indexing)."""
        return self.services.all()

    parent_page_types = ["directory.FamilyHubIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "family hub"

    def clean(self):
        super().clean()
        self.postcode = cleaned_postcode(self.postcode)
        if self.location and geo.parse_point(self.location) is None:
            raise ValidationError({"location": "Choose the hub's location on the map."})
        if self.max_age < self.min_age:
            raise ValidationError(
                {"max_age": "The oldest age must be the same as or more than the youngest."}
            )

    def save(self, *args, **kwargs):
        if not self.location and self.postcode:
            self.location = self.location_from_postcode()
        point = geo.parse_point(self.location) if self.location else None
        self.latitude, self.longitude = point if point else (None, None)
        super().save(*args, **kwargs)

    def location_from_postcode(self) -> str:
        """The map widget's text for the hub's postcode, from our postcode store; empty when
        the store does not know it (the editor then places the pin by hand)."""
        try:
            found = locate(self.postcode)
        except postcodes.PostcodeError:
            return ""
        return geo.format_point(found.latitude, found.longitude)

    @property
    def has_location(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def address_lines(self) -> list[str]:
        return [
            line
            for line in (self.address_line_1, self.address_line_2, self.town, self.postcode)
            if line
        ]

    @property
    def address(self) -> str:
        """One line, without the postcode: "Bilston Library, Mount Pleasant, Bilston"."""
        return ", ".join(self.address_lines[:-1])

    @property
    def facilities(self) -> list[Facility]:
        return [Facility(name, label) for name, label in FACILITIES if getattr(self, name)]

    @property
    def ages_served(self) -> str:
        """For example "Pregnancy to 19 years, or 25 for young people with SEND"."""
        return ages.hub_ages_text(
            self.min_age, self.max_age, self.serves_pregnancy, self.max_age_send
        )

    @cached_property
    def directions_url(self) -> str:
        return geo.directions_url(self.latitude, self.longitude, self.postcode)

    def status_segments_json(self, now: datetime, hours_ahead: int) -> str:
        """The status lines for the coming hours as JSON, for the browser to pick from (see
        directory/static/directory/js/opening-status.js)."""
        return hours.kept_status_segments_json(self.get_schedule(), now, hours_ahead)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if not getattr(request, "is_preview", False):
            # The live rows, as remembered with the shared content (a preview shows the draft's).
            FamilyHubPage.load_schedules([self])
        now = timezone.now()
        context["status"] = self.opening_status(now)
        context["status_segments"] = self.status_segments_json(now, HUB_PAGE_STATUS_HOURS)
        context["changes"] = self.upcoming_changes(
            timezone.localdate(now, timezone=hours.LONDON), notice_days(request)
        )
        context["structured_data"] = self.structured_data(request, now)
        context["map"] = map_settings([self.map_marker(request)] if self.has_location else [])
        context["services"] = self.services_here(request, now)
        context["photos"] = self.photos(request)
        return context

    def photos(self, request) -> list[dict]:
        """The gallery: each photo's `<picture>` markup (its renditions, alt text) and caption.
        Kept with the shared content for the live page: the photos change only when the page
        is published or an image is saved or deleted, and each starts a new generation there.
        Read afresh, they cost a query and a cache round trip per photo for its rendition."""

        def read() -> list[dict]:
            photos = []
            for photo in self.gallery_images.select_related("image"):
                if photo.image is None:  # a draft's photo whose image was deleted since
                    continue
                # A missing original file gives Wagtail's "not found" renditions, as the image
                # tag would: a broken image, not a broken page. Wagtail escapes the attributes.
                markup = picture(
                    photo.image,
                    gallery_specs(photo.image.width, photo.image.height),
                    {"alt": photo.alt_text, "sizes": GALLERY_SIZES, "loading": "lazy"},
                )
                photos.append({"picture": str(markup), "caption": photo.caption})
            return photos

        if getattr(request, "is_preview", False):
            return read()  # the draft's photos
        return content_cache.remember(f"hub-photos:{PHOTOS_FORMAT}:{self.pk}", read)

    def service_links(self, request) -> list[dict]:
        """The live, public, active services delivered here: title, link, summary, and what
        their status here needs (their own schedules are loaded apart), kept with the shared
        content (a service's publish starts a new generation there)."""

        def read() -> list[dict]:
            services = (
                self.services.live()
                .public()
                .filter(status="active")
                .order_by("title")
                .only(*PAGE_LINK_FIELDS, "summary", "in_person", "closed_on_bank_holidays")
            )
            return [
                {
                    "pk": service.pk,
                    "title": service.title,
                    "url": service.get_url(request),
                    "summary": service.summary,
                    "in_person": service.in_person,
                    "closed_on_bank_holidays": service.closed_on_bank_holidays,
                }
                for service in services
            ]

        # A link is relative on its own site and absolute from another: the site is in the name.
        site = Site.find_for_request(request)
        return content_cache.remember(f"hub-services:{site.pk if site else 0}:{self.pk}", read)

    def services_here(self, request, now: datetime) -> list[dict]:
        """service_links, each with its status here: its sessions at this hub, which this
        hub's closures cancel (directory.opening_hours.held_at). No status for a service that
        families do not come here for (a phone line, home visits), or that has no times here."""
        service_model = self._meta.get_field("services").related_model
        links = self.service_links(request)
        services = [
            service_model(pk=link["pk"], closed_on_bank_holidays=link["closed_on_bank_holidays"])
            for link in links
        ]
        service_model.load_schedules(services)
        venue = hours.Venue(self.pk, self.title, self.get_schedule())
        for link, service in zip(links, services, strict=True):
            schedule = hours.held_at(service.get_schedule(), venue)
            if link["in_person"] and schedule.has_hours:
                link["status"] = hours.kept_status_at(schedule, now)
                link["segments"] = hours.kept_status_segments_json(
                    schedule, now, HUB_LIST_STATUS_HOURS
                )
        return links

    def map_marker(self, request) -> dict:
        return {
            "name": self.title,
            "url": self.get_url(request),
            "address": self.address,
            "latitude": self.latitude,
            "longitude": self.longitude,
        }

    def structured_data(self, request, now: datetime) -> dict:
        """schema.org JSON-LD (directory.structured_data)."""
        return structured_data.hub(self, request, now)


class HubSession(WeeklySession):
    page = ParentalKey(FamilyHubPage, on_delete=models.CASCADE, related_name="opening_sessions")


class HubDateException(DateException):
    page = ParentalKey(FamilyHubPage, on_delete=models.CASCADE, related_name="opening_exceptions")


class HubGalleryImage(Orderable):
    page = ParentalKey(FamilyHubPage, on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey("wagtailimages.Image", on_delete=models.CASCADE, related_name="+")
    alt_text = models.CharField(
        max_length=200, help_text="Describe the photo for people who cannot see it."
    )
    caption = models.CharField(max_length=250, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption")]


def map_settings(markers: list[dict]) -> dict | None:
    """What the map script needs, or None when there is nothing to show or no tile server."""
    if not markers or not settings.MAP_TILE_URL:
        return None
    return {
        "tiles": settings.MAP_TILE_URL,
        "attribution": settings.MAP_TILE_ATTRIBUTION,
        "markers": markers,
    }
