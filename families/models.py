"""Help by life stage and need: a topic index (its children, in the order editors give them in
the page tree, are the home page's topic cards) and one page per topic. A topic names the
directory categories and the ages it covers once; its page then lists the directory's services
and the news that fit, without hand-picking (families.topic_content)."""

from django.core.exceptions import ValidationError
from django.db import models

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from modelcluster.fields import ParentalKey, ParentalManyToManyField

from directory import ages
from directory.models import ServicePage, TaxonomyTerm
from news.models import NewsTopic
from website.fields import optional_link
from website.models import BasePage
from website.page_views import PAGE_URL, serve_page

from .panels import OfferReviewPanel

FEATURED_SERVICE_HELP = "A service to show first. Leave blank for none."


class TopicIndexPage(BasePage):
    """/help/: every topic as a card. The home page shows the same cards in the same order,
    and the service featured here."""

    introduction = RichTextField(blank=True, features=["bold", "italic", "link", "ul"])
    featured_service = optional_link(
        ServicePage,
        help_text="Shown on the home page and on this page. " + FEATURED_SERVICE_HELP,
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction"),
        FieldPanel("featured_service"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]

    parent_page_types = ["website.HomePage"]
    subpage_types = ["families.TopicPage", "families.StartForLifeOfferPage"]
    max_count = 1

    class Meta:
        verbose_name = "topic index page"

    def topics(self):
        """The topics families can read, in the editors' order in the page tree."""
        return TopicPage.objects.child_of(self).live().public().order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = self.topics().only("title", "summary", "url_path", "path", "depth")
        return context


class TopicPage(BasePage):
    """One life stage or need ("Babies and toddlers (0 to 2)", "Money, work and housing")."""

    introduction = RichTextField(features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])
    categories = ParentalManyToManyField(
        TaxonomyTerm,
        blank=True,
        related_name="+",
        help_text="The page lists the published services filed under any of these (a top-level "
        "category includes its sub-categories).",
    )
    minimum_age = models.PositiveSmallIntegerField(
        "youngest age",
        null=True,
        blank=True,
        help_text="In whole years. Leave both ages blank for services of every age.",
    )
    maximum_age = models.PositiveSmallIntegerField("oldest age", null=True, blank=True)
    pregnancy = models.BooleanField(
        "covers pregnancy",
        default=False,
        help_text="Also list services for parents-to-be, whatever their ages.",
    )
    oldest_with_send = models.PositiveSmallIntegerField(
        "oldest age with SEND",
        null=True,
        blank=True,
        help_text="Also list services up to this age for young people with special educational "
        "needs and disabilities: those filed under SEND (for example 25).",
    )
    news_topics = ParentalManyToManyField(
        NewsTopic,
        blank=True,
        related_name="+",
        help_text="The page shows the latest news releases on any of these topics.",
    )
    featured_service = optional_link(
        ServicePage,
        help_text=FEATURED_SERVICE_HELP,
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldPanel("categories"),
                FieldRowPanel([FieldPanel("minimum_age"), FieldPanel("maximum_age")]),
                FieldPanel("oldest_with_send"),
                FieldPanel("pregnancy"),
            ],
            heading="Which services it lists",
        ),
        FieldPanel("news_topics"),
        FieldPanel("featured_service"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]

    parent_page_types = ["families.TopicIndexPage"]
    subpage_types = []

    search_type_label = "Help by life stage and need"
    # A guide page, ranked as pages are: a service or hub that matches as well comes first.

    class Meta:
        verbose_name = "topic page"

    def clean(self):
        super().clean()
        if (
            self.minimum_age is not None
            and self.maximum_age is not None
            and self.maximum_age < self.minimum_age
        ):
            raise ValidationError(
                {"maximum_age": "The oldest age must be the same as or more than the youngest."}
            )
        if self.oldest_with_send is not None and (
            self.maximum_age is None or self.oldest_with_send <= self.maximum_age
        ):
            raise ValidationError(
                {"oldest_with_send": "Give an oldest age, and an oldest age with SEND above it."}
            )

    @property
    def ages_text(self) -> str:
        if self.oldest_with_send and self.maximum_age is not None:
            return ages.hub_ages_text(
                self.minimum_age or 0, self.maximum_age, self.pregnancy, self.oldest_with_send
            )
        return ages.age_range_text(self.minimum_age, self.maximum_age, self.pregnancy)

    def serve(self, request, *args, **kwargs):
        return serve_page(self, request, *args, **kwargs)


OFFER_PDF_ROUTE = "pdf"


class StartForLifeOfferPage(RoutablePageMixin, BasePage):
    """The council's Start for Life offer (support from pregnancy to age 2), assembled from the
    directory by section (families.offer): each section names a category, and lists the
    directory's services in it for pregnancy and the first two years, from the services' own
    fields. Printable as an A4 handout."""

    introduction = RichTextField(blank=True, features=["bold", "italic", "link", "ul"])
    last_reviewed = models.DateField(
        help_text="When the offer was last checked. Shown to families on the page and the handout."
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction"),
        FieldPanel("last_reviewed"),
        OfferReviewPanel(heading="What to review"),
        InlinePanel("sections", heading="Sections", label="Section", min_num=1),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]

    parent_page_types = ["website.HomePage", "families.TopicIndexPage"]
    subpage_types = []
    max_count = 1

    search_type_label = "Start for Life"

    class Meta:
        verbose_name = "Start for Life offer page"

    @path("")
    def offer(self, request):
        """The offer (families.views.start_for_life_offer)."""
        return serve_page(self, request, PAGE_URL)

    @path("pdf/", name=OFFER_PDF_ROUTE)
    def pdf(self, request):
        """The offer as a PDF (families.views.start_for_life_offer_pdf)."""
        return serve_page(self, request, OFFER_PDF_ROUTE)


class OfferSection(Orderable):
    """One part of the offer ("Infant feeding"): the directory's services in its category."""

    page = ParentalKey(StartForLifeOfferPage, on_delete=models.CASCADE, related_name="sections")
    heading = models.CharField(max_length=120)
    description = models.TextField(
        blank=True, max_length=500, help_text="One or two sentences about this part of the offer."
    )
    category = models.ForeignKey(
        TaxonomyTerm,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The section lists the published services in this category (with its "
        "sub-categories) for pregnancy or children up to 2.",
    )

    panels = [FieldPanel("heading"), FieldPanel("description"), FieldPanel("category")]
