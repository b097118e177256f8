"""Site-wide pages and settings: the home page, standard content pages, the council's details and
the main navigation. Other apps build their pages on `BasePage`."""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, Page, RevisionMixin, Site
from wagtail.search import index

from . import content_cache
from .blocks import BaseStreamBlock, LinkBlock
from .fields import optional_link

# What a link to a page needs (its text, its URL, whether it is live): for `.only()` in listings,
# so that building ten pages for ten links does not read every field of each.
PAGE_LINK_FIELDS = ("title", "url_path", "path", "depth", "live")


class BasePage(Page):
    """A page with a plain-text summary, used in listings, search results and as the meta
    description when the editor has not written one."""

    summary = models.TextField(
        blank=True,
        max_length=300,
        help_text="One or two sentences, shown in listings and search results.",
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.AutocompleteField("summary"),
    ]

    content_panels = [*Page.content_panels, FieldPanel("summary")]

    class Meta:
        abstract = True

    @property
    def meta_description(self) -> str:
        return self.search_description or self.summary

    # Site search reads these (docs/search.md, "The contract for page types"); each page type
    # overrides what differs. The label shown beside a result and in the type filter:
    search_type_label = "Page"
    # Multiplies this type's relevance: hubs and services use 2.0 to rank above news.
    search_boost = 1.0
    # A DateField or DateTimeField shown with each result and sorted by "Newest", e.g. a news
    # release's "release_date". None: "Newest" uses the last publication date.
    search_date_field = None


class HomePage(BasePage):
    hero_heading = models.CharField(
        max_length=120,
        blank=True,
        help_text="The big heading at the top of the page. Leave blank to use the title.",
    )
    hero_text = models.TextField(blank=True, max_length=400)
    body = StreamField(BaseStreamBlock(), blank=True)

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel([FieldPanel("hero_heading"), FieldPanel("hero_text")], heading="Hero"),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = "home page"


class StandardPage(BasePage):
    body = StreamField(BaseStreamBlock(), blank=True)
    exit_this_page = models.BooleanField(
        "show 'Exit this page'",
        default=False,
        help_text="A button that takes the reader straight to a neutral website, for pages "
        "someone may need to hide that they looked at (domestic abuse, for example).",
    )

    content_panels = [*BasePage.content_panels, FieldPanel("body"), FieldPanel("exit_this_page")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["website.HomePage", "website.StandardPage"]

    class Meta:
        verbose_name = "standard page"

    @property
    def shows_exit_this_page(self) -> bool:
        return self.exit_this_page


class SharedSiteSetting(BaseSiteSetting):
    """A site setting that every page shows, read for a request from the shared content cache
    (website/content_cache.py) instead of a query per page view. Editing it in the admin reads
    and saves the row itself (`for_site`), and a save starts a new cache generation."""

    class Meta:
        abstract = True

    @classmethod
    def for_request(cls, request):
        attribute = cls.get_cache_attr_name()
        if hasattr(request, attribute):
            return getattr(request, attribute)
        site = Site.find_for_request(request)
        if site is None:
            return super().for_request(request)
        name = f"{cls._meta.label_lower}:{site.pk}"
        instance = content_cache.remember(name, lambda: cls.for_site(site))
        instance._request = request  # as Wagtail's: page URLs are built for this request's site
        setattr(request, attribute, instance)
        return instance


@register_setting(icon="site")
class CouncilSettings(SharedSiteSetting):
    """Who runs the site, and how to reach them: shown in the header and footer."""

    council_name = models.CharField(max_length=120, default="Harbour Borough Council")
    service_name = models.CharField(
        max_length=120,
        default="Family Hubs",
        help_text="The name of the service, shown beside the council's name in the header.",
    )
    logo = optional_link(
        "wagtailimages.Image",
        help_text="Shown in the header. Its title is used as the alt text.",
    )
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)
    address = models.TextField(blank=True, help_text="The postal address, one line per row.")
    opening_hours_note = models.CharField(
        max_length=200,
        blank=True,
        help_text="When the contact line is answered, e.g. 'Monday to Friday, 9am to 5pm'.",
    )
    footer_links = StreamField([("link", LinkBlock())], blank=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("council_name"), FieldPanel("service_name"), FieldPanel("logo")],
            heading="Names",
        ),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("address"),
                FieldPanel("opening_hours_note"),
            ],
            heading="Contact details",
        ),
        FieldPanel("footer_links"),
    ]

    class Meta:
        verbose_name = "council details"


@register_setting(icon="list-ul")
class NavigationSettings(SharedSiteSetting):
    main_navigation = StreamField(
        [("link", LinkBlock())],
        blank=True,
        help_text="The links in the header, in order. Keep it to six or fewer.",
    )

    panels = [FieldPanel("main_navigation")]

    class Meta:
        verbose_name = "navigation"


class AlertBannerQuerySet(models.QuerySet):
    def showing(self, now):
        """Published, and within its start and end times (publishing puts a scheduled banner
        live at its start and takes it down at its end; the times are checked here too, so a
        page rendered between the scheduler's runs is right to the second)."""
        return (
            self.filter(live=True)
            .filter(models.Q(go_live_at__isnull=True) | models.Q(go_live_at__lte=now))
            .filter(models.Q(expire_at__isnull=True) | models.Q(expire_at__gt=now))
            .order_by("severity_order", "-last_published_at", "-pk")
        )


class AlertBanner(DraftStateMixin, RevisionMixin, models.Model):
    """A message shown at the top of every public page while it is live: snow closures, a
    strike, a phone line down. Published and scheduled as a news release is (start and end
    times in Europe/London); comms and directory editors can both publish one."""

    class Severity(models.TextChoices):
        URGENT = "urgent", _("Urgent: closures, safety")
        WARNING = "warning", _("Warning: disruption")
        INFORMATION = "information", _("Information")

    message = models.TextField(
        max_length=300,
        help_text=_("One or two sentences, in plain words. Shown on every page while live."),
    )
    link_page = optional_link(
        "wagtailcore.Page",
        verbose_name=_("link to a page"),
    )
    link_url = models.URLField(_("or link to a web address"), blank=True)
    link_text = models.CharField(
        max_length=80,
        blank=True,
        help_text=_("For example 'Which hubs are closed'. Needed when there is a link."),
    )
    severity = models.CharField(max_length=20, choices=Severity.choices, default=Severity.WARNING)
    # Urgent first when several are live (a choice's position, stored for ordering in SQL).
    severity_order = models.PositiveSmallIntegerField(default=1, editable=False)
    revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="content_type",
        object_id_field="object_id",
        for_concrete_model=False,
        related_query_name="alert_banner",
    )

    objects = AlertBannerQuerySet.as_manager()

    panels = [
        FieldPanel("message"),
        FieldPanel("severity"),
        MultiFieldPanel(
            [FieldPanel("link_page"), FieldPanel("link_url"), FieldPanel("link_text")],
            heading=_("Link (optional)"),
        ),
        # The start and end as plain fields in the form (not only behind the status panel's
        # scheduling dialog): when a banner shows matters as much as what it says.
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("go_live_at", heading=_("Show from")),
                        FieldPanel("expire_at", heading=_("Show until")),
                    ]
                )
            ],
            heading=_("When"),
            help_text=_(
                "Times are UK time (Europe/London). Leave both blank to show it as soon as it "
                "is published, until it is unpublished. Publish to confirm a schedule."
            ),
        ),
    ]

    class Meta:
        verbose_name = _("alert banner")
        verbose_name_plural = _("alert banners")

    def __str__(self) -> str:
        return Truncator(self.message).chars(60)

    def save(self, *args, **kwargs):
        self.severity_order = list(self.Severity.values).index(self.severity)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if (self.link_page_id or self.link_url) and not self.link_text:
            raise ValidationError({"link_text": _("Say what the link is about.")})
        if self.link_text and not (self.link_page_id or self.link_url):
            raise ValidationError({"link_page": _("Choose a page or give a web address.")})
        if self.link_page_id and self.link_url:
            raise ValidationError({"link_url": _("Choose a page or give a web address, not both.")})

    @property
    def link(self) -> str:
        if self.link_page_id:
            return self.link_page.url or ""
        return self.link_url
