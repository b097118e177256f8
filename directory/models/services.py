"""The family services directory, shaped like Open Referral UK (ORUK) 3.0 so the same rows
publish as open data: organisations and a taxonomy of categories (snippets), and one page per
service under the service index at /services/.

Every object the ORUK API names carries a stable `oruk_id` UUID. A service is delivered at
"places": each hub it lists and each of its own locations (ORUK's "service at location")."""

import uuid
from collections import defaultdict
from datetime import date, datetime
from decimal import Decimal
from typing import NamedTuple

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from modelcluster.fields import ParentalKey, ParentalManyToManyField

from directory import ages, postcodes, taxonomy_seed
from directory import opening_hours as hours
from search.faceted import FacetDocument
from website import content_cache
from website.models import PAGE_LINK_FIELDS, BasePage
from website.page_views import PAGE_URL, serve_page

from .hubs import HUB_LIST_STATUS_HOURS, HUB_PAGE_STATUS_HOURS, FamilyHubPage
from .opening_hours import DateException, OpeningHoursMixin, ServicePageForm, WeeklySession
from .postcodes import locate
from .settings import notice_days

# How many hours of status lines a page (and a listing's card) carries for the browser to pick
# the one true when it is read (opening-status.js).
PAGE_STATUS_HOURS = HUB_PAGE_STATUS_HOURS
CARD_STATUS_HOURS = HUB_LIST_STATUS_HOURS

# Our taxonomy terms' ORUK ids are uuid5(TAXONOMY_NAMESPACE, code): the same on every site
# and after every re-seed, so other councils' systems can keep pointing at them.
TAXONOMY_NAMESPACE = taxonomy_seed.TAXONOMY_NAMESPACE
HARBOUR_TAXONOMY_NAME = taxonomy_seed.TAXONOMY_NAME
HARBOUR_TAXONOMY_ORUK_ID = uuid.uuid5(TAXONOMY_NAMESPACE, "taxonomy")  # as seeded by 0006
# Services filed under these categories (or their children) always show "Exit this page".
SENSITIVE_CATEGORIES = frozenset({"domestic-abuse"})


def term_oruk_id(code: str) -> uuid.UUID:
    return uuid.uuid5(TAXONOMY_NAMESPACE, code)


def service_at_location_id(service_oruk_id: uuid.UUID, place_oruk_id: uuid.UUID) -> uuid.UUID:
    """ORUK's "service at location" id: derived, so it stays the same as long as both do."""
    return uuid.uuid5(service_oruk_id, str(place_oruk_id))


class Organisation(index.Indexed, models.Model):
    """Who runs a service: the council, an NHS trust, a charity."""

    oruk_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    website = models.URLField(blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    last_modified = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("website"),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = "organisation"

    def __str__(self) -> str:
        return self.name

    def search_dependents(self):
        """Its services: their search documents hold its name (search.indexing)."""
        return ServicePage.objects.filter(organisation=self)


class Taxonomy(models.Model):
    """A vocabulary of categories: ours ("Harbour family services"), or one an ORUK feed uses."""

    oruk_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    uri = models.URLField(blank=True, help_text="Where the vocabulary is published, if it is.")
    version = models.CharField(max_length=40, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("uri"),
        FieldPanel("version"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = "taxonomy"
        verbose_name_plural = "taxonomies"

    def __str__(self) -> str:
        return self.name


class TaxonomyTerm(index.Indexed, models.Model):
    """A category services are filed under, in a two-level tree ("Health and wellbeing" >
    "Mental health"). `code` is the stable id used in URLs (?category=speech-and-language)."""

    oruk_id = models.UUIDField(unique=True, editable=False, null=True)
    taxonomy = models.ForeignKey(Taxonomy, on_delete=models.PROTECT, related_name="terms")
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text="Leave blank for a top-level category.",
    )
    code = models.SlugField(
        max_length=100,
        unique=True,
        help_text="A stable id used in web addresses and open data. Do not change it once used.",
    )
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    panels = [
        FieldPanel("taxonomy"),
        FieldPanel("parent"),
        FieldPanel("name"),
        FieldPanel("code"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "category"
        verbose_name_plural = "categories"

    def __str__(self) -> str:
        return f"{self.parent.name} > {self.name}" if self.parent_id else self.name

    def save(self, *args, **kwargs):
        if self.oruk_id is None:
            self.oruk_id = term_oruk_id(self.code)
        super().save(*args, **kwargs)

    def search_dependents(self):
        """The services filed under it or under its children: their search documents hold its
        name, and its code as a facet (search.indexing)."""
        return ServicePage.objects.filter(
            models.Q(categories=self) | models.Q(categories__parent=self)
        ).distinct()

    def clean(self):
        super().clean()
        if self.parent_id and self.parent.parent_id:
            raise ValidationError({"parent": "Choose a top-level category as the parent."})
        if self.parent_id and self.parent_id == self.pk:
            raise ValidationError({"parent": "A category cannot be its own parent."})


class ServiceIndexPage(BasePage):
    """/services/: the directory search (directory.service_search), one child page per service."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link", "ul"])

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    parent_page_types = ["website.HomePage"]
    subpage_types = ["directory.ServicePage"]
    max_count = 1

    class Meta:
        verbose_name = "service index"

    def serve(self, request, *args, **kwargs):
        """The directory search (directory.views.service_directory)."""
        return serve_page(self, request, PAGE_URL, *args, **kwargs)


class DeliveryPlace(NamedTuple):
    """Where a service happens: one of its hubs or one of its own locations."""

    oruk_id: uuid.UUID
    name: str
    address: str  # one line, without the postcode
    latitude: float | None
    longitude: float | None
    address_line_1: str = ""
    address_line_2: str = ""
    town: str = ""
    postcode: str = ""
    hub: models.Model | None = None  # the FamilyHubPage, when it is a hub

    @property
    def has_location(self) -> bool:
        return self.latitude is not None and self.longitude is not None


def delivery_place(place, name: str, hub=None) -> DeliveryPlace:
    """A hub (named by its title, `hub` set) or a service's own location (by its name): both
    have the same address and location fields."""
    return DeliveryPlace(
        oruk_id=place.oruk_id,
        name=name,
        address=place.address,
        latitude=place.latitude,
        longitude=place.longitude,
        address_line_1=place.address_line_1,
        address_line_2=place.address_line_2,
        town=place.town,
        postcode=place.postcode,
        hub=hub,
    )


# What a hub's DeliveryPlace reads (its title, address and location, and its URL).
HUB_PLACE_FIELDS = (
    *PAGE_LINK_FIELDS,
    "closed_on_bank_holidays",  # for its schedule: a hub's closures cancel what is held there
    "oruk_id",
    "address_line_1",
    "address_line_2",
    "town",
    "postcode",
    "latitude",
    "longitude",
)


def hub_place(hub) -> DeliveryPlace:
    return delivery_place(hub, hub.title, hub=hub)


def own_place(location: "ServiceLocation") -> DeliveryPlace:
    return delivery_place(location, location.name)


def language_name(code: str) -> str:
    return LANG_INFO.get(code, {}).get("name", code)


class ServicePage(OpeningHoursMixin, BasePage):
    class Status(models.TextChoices):
        # ORUK 3.0's values, as stored and published.
        ACTIVE = "active", "Active"
        INACTIVE = "inactive", "Inactive"
        DEFUNCT = "defunct", "Defunct"
        TEMPORARILY_CLOSED = "temporarily closed", "Temporarily closed"

    oruk_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    description = RichTextField(
        blank=True, features=["h2", "h3", "bold", "italic", "link", "ol", "ul"]
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ACTIVE)
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="services",
        help_text="Who runs it.",
    )
    # ORUK's service "url". Not named `url`: that would hide Wagtail's Page.url.
    website = models.URLField(blank=True, help_text="The service's own website, if it has one.")
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)

    in_person = models.BooleanField(
        "in person", default=True, help_text="Families come to its hubs or other places."
    )
    online = models.BooleanField(default=False)
    by_phone = models.BooleanField("by phone", default=False)
    at_home = models.BooleanField(
        "at home", default=False, help_text="Someone visits the family at home."
    )
    exit_this_page = models.BooleanField(
        "show 'Exit this page'",
        default=False,
        help_text="A button that takes the reader straight to a neutral website, for services "
        "someone may need to hide that they looked at. Services under 'Domestic abuse' always "
        "show it.",
    )

    minimum_age = models.PositiveSmallIntegerField(
        "youngest age (years)", null=True, blank=True, help_text="Blank: no lower limit."
    )
    maximum_age = models.PositiveSmallIntegerField(
        "oldest age (years)", null=True, blank=True, help_text="Blank: no upper limit."
    )
    pregnancy = models.BooleanField(
        "for pregnancy", default=False, help_text="For parents-to-be, before the baby is born."
    )
    eligibility_description = models.TextField(
        "who it is for", blank=True, help_text="Anything else about who can use it."
    )

    is_free = models.BooleanField("free", default=True)
    cost_amount = models.DecimalField("cost", max_digits=8, decimal_places=2, null=True, blank=True)
    cost_currency = models.CharField(max_length=3, default="GBP", editable=False)
    cost_description = models.CharField(
        "about the cost",
        max_length=250,
        blank=True,
        help_text="For example 'per session' or 'free for families on Universal Credit'.",
    )

    self_referral = models.BooleanField(
        "families can refer themselves",
        default=True,
        help_text="Untick if it needs a referral from a professional (a health visitor, GP, "
        "school).",
    )
    referral_description = models.TextField("how to get a place", blank=True)
    booking = models.CharField(
        max_length=10,
        blank=True,
        choices=[("drop-in", "Drop in, no need to book"), ("book", "Book a place")],
        help_text="For its sessions. Leave blank if it depends.",
    )

    # ISO 639-1 codes, separated by commas ("en, pl, pa"): short, unambiguous, what ORUK's
    # language records carry, and named in English on the page from Django's language list.
    languages = models.CharField(
        max_length=200,
        blank=True,
        default="en",
        help_text="Two-letter language codes, separated by commas, for example 'en, pl, pa'.",
    )
    accessibility = models.TextField(
        blank=True, help_text="Step-free access, hearing loops, interpreters, and so on."
    )

    categories = ParentalManyToManyField(TaxonomyTerm, blank=True, related_name="services")
    hubs = ParentalManyToManyField(
        "directory.FamilyHubPage",
        blank=True,
        related_name="services",
        help_text="The hubs where it is delivered.",
    )

    last_reviewed = models.DateField(
        default=date.today, help_text="When someone last checked this page is right."
    )
    last_modified = models.DateTimeField(auto_now=True)

    base_form_class = ServicePageForm

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("status"), FieldPanel("last_reviewed")]),
        FieldPanel("organisation"),
        FieldPanel("categories"),
        FieldPanel("exit_this_page"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("minimum_age"), FieldPanel("maximum_age")]),
                FieldPanel("pregnancy"),
                FieldPanel("eligibility_description"),
            ],
            heading="Who it is for",
        ),
        MultiFieldPanel(
            [
                FieldPanel("is_free"),
                FieldRowPanel([FieldPanel("cost_amount"), FieldPanel("cost_description")]),
            ],
            heading="Cost",
        ),
        MultiFieldPanel(
            [
                FieldPanel("self_referral"),
                FieldPanel("referral_description"),
                FieldPanel("booking"),
            ],
            heading="Referral",
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("website"), FieldPanel("email"), FieldPanel("phone")])],
            heading="Contact",
        ),
        InlinePanel("contacts", heading="People to contact", label="Contact"),
        FieldPanel("languages"),
        FieldPanel("accessibility"),
    ]
    where_panels = [
        MultiFieldPanel(
            [
                FieldPanel("in_person"),
                FieldPanel("online"),
                FieldPanel("by_phone"),
                FieldPanel("at_home"),
            ],
            heading="How it is delivered",
        ),
        FieldPanel("hubs"),
        InlinePanel(
            "locations",
            heading="Other places",
            label="Place",
            help_text="Places that are not family hubs. Leave the coordinates blank to place "
            "them at the postcode.",
        ),
    ]
    opening_panels = [
        HelpPanel(
            "Add one row per session, for example Tuesday 10:00 to 11:30. Leave empty if it "
            "runs whenever the hubs are open, or by appointment."
        ),
        InlinePanel("opening_sessions", heading="Weekly sessions", label="Session"),
        FieldPanel("closed_on_bank_holidays"),
        InlinePanel(
            "opening_exceptions",
            heading="Cancellations and special sessions",
            label="Cancellation or special session",
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(where_panels, heading="Where"),
            ObjectList(opening_panels, heading="Sessions"),
            ObjectList(BasePage.promote_panels, heading="Promote"),
            ObjectList(BasePage.settings_panels, heading="Settings"),
        ]
    )

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("description"),
        index.SearchField("eligibility_description"),
        index.SearchField("cost_description"),
        index.RelatedFields("categories", [index.SearchField("name")]),
        index.RelatedFields("organisation", [index.SearchField("name")]),
        index.FilterField("status"),
        index.FilterField("is_free"),
        index.FilterField("in_person"),
        index.FilterField("online"),
        index.FilterField("by_phone"),
        index.FilterField("at_home"),
        index.FilterField("self_referral"),
        index.FilterField("pregnancy"),
        index.FilterField("minimum_age"),
        index.FilterField("maximum_age"),
        index.FilterField("last_reviewed"),
    ]
    search_type_label = "Service"
    search_boost = 2.0

    # A copy is a new service: new ORUK ids for it and its rows (see copy()).
    exclude_fields_in_copy = ["oruk_id"]

    parent_page_types = ["directory.ServiceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "service"
        indexes = [models.Index(fields=["last_reviewed"], name="directory_service_reviewed")]

    def clean(self):
        super().clean()
        errors = {}
        if (
            self.minimum_age is not None
            and self.maximum_age is not None
            and self.maximum_age < self.minimum_age
        ):
            errors["maximum_age"] = "The oldest age must be the same as or more than the youngest."
        if self.cost_amount is not None and self.cost_amount < Decimal(0):
            errors["cost_amount"] = "Enter a cost of £0 or more."
        if self.is_free and self.cost_amount:
            errors["cost_amount"] = "Leave the cost blank for a free service, or untick 'free'."
        unknown = [code for code in self.language_codes if code not in LANG_INFO]
        if unknown:
            errors["languages"] = (
                f"Use two-letter language codes, such as 'en' or 'pl': "
                f"{', '.join(unknown)} is not one."
            )
        else:
            self.languages = ", ".join(self.language_codes)
        if errors:
            raise ValidationError(errors)

    def copy(self, *args, **kwargs):
        process_child_object = kwargs.get("process_child_object")

        def fresh_ids(original, page_copy, child_relation, child_object):
            if hasattr(child_object, "oruk_id"):
                child_object.oruk_id = uuid.uuid4()
            if process_child_object:
                process_child_object(original, page_copy, child_relation, child_object)

        kwargs["process_child_object"] = fresh_ids
        return super().copy(*args, **kwargs)

    @property
    def shows_exit_this_page(self) -> bool:
        """Editors tick it, or the service is filed under a sensitive category (domestic
        abuse): the reader may need to leave the page at once."""
        if self.exit_this_page:
            return True
        return any(
            term.code in SENSITIVE_CATEGORIES
            or (term.parent_id and term.parent.code in SENSITIVE_CATEGORIES)
            for term in self.categories.all()
        )

    @property
    def language_codes(self) -> list[str]:
        return [code.strip().lower() for code in self.languages.split(",") if code.strip()]

    @property
    def language_names(self) -> list[str]:
        return [language_name(code) for code in self.language_codes]

    @property
    def is_stale(self) -> bool:
        return self.last_reviewed < stale_before()

    def delivery_places(self) -> list[DeliveryPlace]:
        """Each live hub (by title) and each own location, in that order. In listings, call
        `load_delivery_places` first."""
        loaded = getattr(self, "_loaded_delivery_places", None)
        if loaded is not None:
            return loaded
        hubs = sorted((hub for hub in self.hubs.all() if hub.live), key=lambda hub: hub.title)
        return [hub_place(hub) for hub in hubs] + [
            own_place(place) for place in self.locations.all()
        ]

    @classmethod
    def load_delivery_places(cls, services) -> None:
        """The delivery places of many live services, for listings: three queries for those
        not remembered with the shared content (a hub's or a service's publish starts a new
        generation there). Each hub is loaded once however many services it hosts (a prefetch
        would load it once per service, and build a queryset per service on the way)."""
        by_pk = {service.pk: service for service in services}
        places = content_cache.remember_many("delivery-places", by_pk, cls._read_delivery_places)
        for pk, service in by_pk.items():
            service._loaded_delivery_places = places[pk]

    @classmethod
    def _read_delivery_places(cls, pks: list) -> dict[int, list[DeliveryPlace]]:
        hub_pks = defaultdict(list)
        for service_pk, hub_pk in cls.hubs.through.objects.filter(
            servicepage_id__in=pks
        ).values_list("servicepage_id", "familyhubpage_id"):
            hub_pks[service_pk].append(hub_pk)
        hub_model = cls._meta.get_field("hubs").related_model
        hubs = (
            hub_model.objects.live()
            .only(*HUB_PLACE_FIELDS)
            .in_bulk({hub_pk for at_service in hub_pks.values() for hub_pk in at_service})
        )
        own_places = defaultdict(list)
        for location in ServiceLocation.objects.filter(page_id__in=pks):
            own_places[location.page_id].append(own_place(location))
        places = {}
        for pk in pks:
            at_hubs = sorted(
                (hubs[hub_pk] for hub_pk in hub_pks[pk] if hub_pk in hubs),
                key=lambda hub: hub.title,
            )
            places[pk] = [hub_place(hub) for hub in at_hubs] + own_places[pk]
        return places

    # Faceted search (search.faceted; docs/search.md): the category facet holds each term's
    # code and its parent's, so a service filed under "Speech and language therapy" is found
    # and counted under "Speech and language" too. Delivered online or by phone: found at any
    # distance.

    @classmethod
    def get_indexed_objects(cls):
        return (
            super()
            .get_indexed_objects()
            .select_related("organisation")
            .prefetch_related("categories__parent", "hubs", "locations")
        )

    def faceted_document(self) -> FacetDocument:
        codes = []
        for term in self.categories.all():
            codes.append(term.code)
            if term.parent_id:
                codes.append(term.parent.code)
        return FacetDocument(
            points=tuple(self.delivery_points()) if self.in_person else (),
            facets={"category": tuple(sorted(set(codes)))},
            anywhere=self.reaches_anywhere,
        )

    @property
    def reaches_anywhere(self) -> bool:
        """Families need not go anywhere: online, by phone or at home. Found at any distance
        from a postcode, apart from what is near (search.faceted's `remote_only`)."""
        return self.online or self.by_phone or self.at_home

    @classmethod
    def faceted_documents(cls, pks) -> dict:
        """{pk: FacetDocument} for many services, in a few queries (the database path)."""
        pks = list(pks)
        codes = {pk: set() for pk in pks}
        points = {pk: [] for pk in pks}
        anywhere = {}
        categories = cls.categories.through.objects
        hubs = cls.hubs.through.objects
        for chunk in _chunks(pks):
            for pk, code, parent_code in categories.filter(servicepage_id__in=chunk).values_list(
                "servicepage_id", "taxonomyterm__code", "taxonomyterm__parent__code"
            ):
                codes[pk].update(filter(None, (code, parent_code)))
            # In delivery_places() order: hubs by title, then own locations.
            for pk, latitude, longitude in (
                hubs.filter(
                    servicepage_id__in=chunk,
                    familyhubpage__live=True,
                    familyhubpage__latitude__isnull=False,
                    familyhubpage__longitude__isnull=False,
                )
                .order_by("familyhubpage__title")
                .values_list(
                    "servicepage_id", "familyhubpage__latitude", "familyhubpage__longitude"
                )
            ):
                points[pk].append((latitude, longitude))
            for pk, latitude, longitude in (
                ServiceLocation.objects.filter(
                    page_id__in=chunk, latitude__isnull=False, longitude__isnull=False
                )
                .order_by("sort_order", "pk")
                .values_list("page_id", "latitude", "longitude")
            ):
                points[pk].append((latitude, longitude))
            for pk, in_person, online, by_phone, at_home in cls.objects.filter(
                pk__in=chunk
            ).values_list("pk", "in_person", "online", "by_phone", "at_home"):
                anywhere[pk] = online or by_phone or at_home
                if not in_person:
                    points[pk] = []  # nowhere families go: no distance is theirs
        return {
            pk: FacetDocument(
                points=tuple(points[pk]),
                facets={"category": tuple(sorted(codes[pk]))},
                anywhere=anywhere.get(pk, False),
            )
            for pk in pks
        }

    @property
    def ages_text(self) -> str:
        """The ages it is for ("Pregnancy to 4 years", "Ages 11 to 19"). A service that sets no
        child's ages and whose "who it is for" says who gives only what is sure ("Pregnancy",
        or nothing): "All ages" beside "Anyone aged 16 or over affected by domestic abuse", or
        "Pregnancy and children of all ages" on antenatal classes, would not be true."""
        no_child_ages = self.minimum_age in (None, 0) and self.maximum_age is None
        if no_child_ages and self.eligibility_description.strip():
            return gettext("Pregnancy") if self.pregnancy else ""
        return ages.age_range_text(self.minimum_age, self.maximum_age, self.pregnancy)

    @property
    def cost_text(self) -> str:
        if self.is_free:
            return "Free"
        if self.cost_amount is not None:
            amount = f"£{self.cost_amount:,.2f}".replace(".00", "")
            return f"{amount} {self.cost_description}".strip()
        return self.cost_description or "There is a charge"

    @property
    def delivery_methods(self) -> list[str]:
        return [
            str(label)
            for flag, label in (
                (self.in_person, _("In person")),
                (self.online, _("Online")),
                (self.by_phone, _("By phone")),
                (self.at_home, _("At home")),
            )
            if flag
        ]

    # Where and when it happens, and whether it is open: the one answer every page, listing,
    # feed and API gives (directory.opening_hours.sittings_status_at).

    def sittings(self) -> list[hours.Sitting]:
        """Its schedule at each place families go to: at a hub, its sessions there, cancelled
        by the hub's closures; at one of its own places, its sessions not tied to a hub. One
        schedule, at no place, for a service not delivered in person (a phone line). Places
        are named only when there are several."""
        places = self.delivery_places() if self.in_person else []
        if not places:
            return [hours.Sitting("", self.get_schedule())]
        hubs = [place.hub for place in places if place.hub is not None]
        FamilyHubPage.load_schedules([hub for hub in hubs if not hasattr(hub, "_schedule")])
        named = len(places) > 1
        return [
            hours.Sitting(place.name if named else "", self.schedule_at(place)) for place in places
        ]

    def schedule_at(self, place: "DeliveryPlace") -> hours.Schedule:
        if place.hub is None:
            return hours.not_at_venues(self.get_schedule())
        venue = hours.Venue(place.hub.pk, place.name, place.hub.get_schedule())
        return hours.held_at(self.get_schedule(), venue)

    def has_hours(self, sittings: list[hours.Sitting] | None = None) -> bool:
        return any(sitting.schedule.has_hours for sitting in sittings or self.sittings())

    def opening_status(self, now: datetime | None = None) -> hours.Status | None:
        """Open now, or when it next opens and where; None when no place has published
        times."""
        sittings = self.sittings()
        if not self.has_hours(sittings):
            return None
        return hours.kept_status_at(sittings, now or timezone.now())

    def status_segments_json(self, now: datetime, hours_ahead: int) -> str:
        return hours.kept_status_segments_json(self.sittings(), now, hours_ahead)

    def times_by_place(self, now: datetime, notice_days: int) -> list[dict]:
        """For the page: each place with its sessions, its status line and its coming changes
        (the hub's closures included)."""
        sittings = self.sittings()
        places = self.delivery_places() if self.in_person else []
        today = timezone.localdate(now, timezone=hours.LONDON)
        times = []
        for position, sitting in enumerate(sittings):
            schedule = sitting.schedule
            single = hours.Sitting("", schedule)
            times.append(
                {
                    "place": places[position] if places else None,
                    "has_hours": schedule.has_hours,
                    "sessions": hours.weekly_table(schedule, days_with_hours_only=True),
                    "status": hours.kept_status_at([single], now) if schedule.has_hours else None,
                    "segments": hours.kept_status_segments_json([single], now, PAGE_STATUS_HOURS),
                    "changes": hours.upcoming_changes(schedule, today, notice_days),
                    "follows_hub": schedule.whenever_venue_open,
                }
            )
        return times

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        context["places"] = self.delivery_places()
        context["status"] = self.opening_status(now)
        if context["status"] is not None:
            context["status_segments"] = self.status_segments_json(now, PAGE_STATUS_HOURS)
        context["times"] = self.times_by_place(now, notice_days(request))
        context["structured_data"] = self.structured_data(request, now)
        return context

    def structured_data(self, request, now: datetime | None = None) -> dict:
        """schema.org JSON-LD: a Service, its provider, and where and when it is offered (each
        place's hours, with the closures of the coming year, its hub's included)."""
        data = {
            "@context": "https://schema.org",
            "@type": "Service",
            "name": self.title,
            "url": self.get_full_url(request),
            "isAccessibleForFree": self.is_free,
        }
        if self.summary:
            data["description"] = self.summary
        if self.organisation_id:
            provider = {"@type": "Organization", "name": self.organisation.name}
            if self.organisation.website:
                provider["url"] = self.organisation.website
            data["provider"] = provider
        if self.categories.exists():
            data["category"] = [term.name for term in self.categories.all()]
        today = timezone.localdate(now or timezone.now(), timezone=hours.LONDON)
        channels = []
        places = self.delivery_places() if self.in_person else []
        for place, sitting in zip(places, self.sittings() if places else [], strict=True):
            location = {
                "@type": "Place",
                "name": place.name,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": ", ".join(
                        filter(None, [place.address_line_1, place.address_line_2])
                    ),
                    "addressLocality": place.town,
                    "postalCode": place.postcode,
                    "addressCountry": "GB",
                },
            }
            schedule = sitting.schedule
            if schedule.has_hours:
                location["openingHoursSpecification"] = hours.opening_hours_specification(schedule)
                special = hours.special_opening_hours_specification(schedule, today, days=366)
                if special:
                    location["specialOpeningHoursSpecification"] = special
            channels.append({"@type": "ServiceChannel", "serviceLocation": location})
        if channels:
            data["availableChannel"] = channels
        if self.phone:
            data["telephone"] = self.phone
        if self.email:
            data["email"] = self.email
        if self.language_codes:
            data["availableLanguage"] = self.language_names
        return data

    def delivery_points(self) -> list[tuple[float, float]]:
        """(latitude, longitude) of every place with a location: the search index's geo
        points."""
        return [
            (place.latitude, place.longitude)
            for place in self.delivery_places()
            if place.has_location
        ]


def _chunks(items: list, size: int = 5000):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def stale_before(today: date | None = None) -> date:
    """Services last reviewed before this date need reviewing (SERVICE_REVIEW_MONTHS ago)."""
    today = today or timezone.localdate()
    months = getattr(settings, "SERVICE_REVIEW_MONTHS", 12)
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    month += 1
    # The same day of the month, or the month's last day (31 March - 1 month: 28/29 Feb).
    for day in range(today.day, 27, -1):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    return date(year, month, min(today.day, 28))


class ServiceContact(Orderable):
    """A named person or role to contact (ORUK "contact")."""

    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="contacts")
    oruk_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(max_length=120)
    title = models.CharField("role", max_length=120, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("title")]),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
    ]


class ServiceLocation(Orderable):
    """A place the service is delivered that is not a family hub (a library, a clinic)."""

    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="locations")
    oruk_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(max_length=200)
    address_line_1 = models.CharField("address line 1", max_length=120)
    address_line_2 = models.CharField("address line 2", max_length=120, blank=True)
    town = models.CharField("town or city", max_length=80)
    postcode = models.CharField(max_length=10)
    latitude = models.FloatField(
        null=True, blank=True, help_text="Leave blank to use the postcode's location."
    )
    longitude = models.FloatField(null=True, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("address_line_1"),
        FieldPanel("address_line_2"),
        FieldRowPanel([FieldPanel("town"), FieldPanel("postcode")]),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
    ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        try:
            self.postcode = postcodes.parse(self.postcode).text
        except postcodes.PostcodeError as error:
            raise ValidationError({"postcode": str(error)}) from None
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError({"longitude": "Give both coordinates, or neither."})

    def save(self, *args, **kwargs):
        if self.latitude is None or self.longitude is None:
            self.latitude, self.longitude = self.point_from_postcode()
        super().save(*args, **kwargs)

    def point_from_postcode(self) -> tuple[float | None, float | None]:
        try:
            found = locate(self.postcode)
        except postcodes.PostcodeError:
            return None, None
        return found.latitude, found.longitude

    @property
    def address(self) -> str:
        return ", ".join(
            line for line in (self.address_line_1, self.address_line_2, self.town) if line
        )


class ServiceSession(WeeklySession):
    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="opening_sessions")
    hub = models.ForeignKey(
        "directory.FamilyHubPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="at",
        help_text="Leave blank if it happens at each of the service's places.",
    )

    panels = [
        FieldRowPanel(
            [FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes"), FieldPanel("hub")]
        )
    ]

    def as_session(self) -> hours.Session:
        return hours.Session(self.weekday, self.opens, self.closes, venue_id=self.hub_id)


class ServiceDateException(DateException):
    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="opening_exceptions")
