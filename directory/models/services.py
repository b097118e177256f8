"""The family services directory, shaped like Open Referral UK (ORUK) 3.0 so the same rows
publish as open data: organisations and a taxonomy of categories (snippets), and one page per
service under the service index at /services/.

Every object the ORUK API names carries a stable `oruk_id` UUID. A service is delivered at
"places": each hub it lists and each of its own locations (ORUK's "service at location")."""

import uuid
from datetime import date, datetime
from decimal import Decimal

from django import forms
from django.conf import settings
from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from modelcluster.fields import ParentalKey, ParentalManyToManyField

from directory import ages, structured_data
from directory.panels import page_edit_handler
from directory.phone import phone_problem
from directory.widgets import CategoryTree
from website import content_cache
from website.models import BasePage
from website.page_views import PAGE_URL, serve_page

from .opening_hours import ServicePageForm, opening_hours_panels
from .service_places import (
    HUB_PLACE_FIELDS,  # noqa: F401 - importable from here, as before the split
    DeliveryPlace,
    hub_place,
    own_place,
    read_delivery_places,
)
from .service_schedule import (
    CARD_STATUS_HOURS,  # noqa: F401 - importable from here, as before the split
    PAGE_STATUS_HOURS,
    ServiceSchedule,
)
from .service_search_document import ServiceSearchDocument
from .settings import notice_days
from .taxonomy import (
    HARBOUR_TAXONOMY_ORUK_ID,  # noqa: F401 - importable from here, as before the split
    Organisation,
    TaxonomyTerm,
)

# Services filed under these categories (or their children) always show "Exit this page".
SENSITIVE_CATEGORIES = frozenset({"domestic-abuse"})


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


def language_name(code: str) -> str:
    return LANG_INFO.get(code, {}).get("name", code)


class ServicePage(ServiceSearchDocument, ServiceSchedule, BasePage):
    """A service. What the search engines hold about it is ServiceSearchDocument's; when and
    where it happens, ServiceSchedule's; its schema.org data, directory.structured_data's."""

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
        FieldPanel(
            "categories",
            widget=CategoryTree,
            help_text="Tick every category a family might look for it under. Chosen ones are "
            "listed first.",
        ),
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
        FieldPanel("hubs", widget=forms.CheckboxSelectMultiple),
        InlinePanel(
            "locations",
            heading="Other places",
            label="Place",
            help_text="Places that are not family hubs. Leave the coordinates blank to place "
            "them at the postcode.",
        ),
    ]
    opening_panels = opening_hours_panels(
        "Add one row per session, for example Tuesday 10:00 to 11:30. Leave empty if it "
        "runs whenever the hubs are open, or by appointment.",
        sessions="Weekly sessions",
        exceptions="Cancellations and special sessions",
        exception="Cancellation or special session",
    )
    edit_handler = page_edit_handler(
        ObjectList(content_panels, heading="Content"),
        ObjectList(where_panels, heading="Where"),
        ObjectList(opening_panels, heading="Sessions"),
    )

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
            errors["maximum_age"] = (
                f"The oldest age ({self.maximum_age}) is younger than the youngest age "
                f"({self.minimum_age}): check they are the right way round."
            )
        if problem := phone_problem(self.phone):
            errors["phone"] = problem
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
        return read_delivery_places(cls, pks)

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
        """schema.org JSON-LD (directory.structured_data)."""
        return structured_data.service(self, request, now)


def stale_before(today: date | None = None) -> date:
    """Services last reviewed before this date need reviewing (SERVICE_REVIEW_MONTHS ago)."""
    return months_before(
        today or timezone.localdate(), getattr(settings, "SERVICE_REVIEW_MONTHS", 12)
    )


def months_before(today: date, months: int) -> date:
    """The same day `months` months before `today`, or that month's last day."""
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

    def clean(self):
        super().clean()
        if problem := phone_problem(self.phone):
            raise ValidationError({"phone": problem})
