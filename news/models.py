"""News releases: the news index at /news/ (listing, filters, feeds) and the releases under it.
The topics and press contacts they share are in news/snippets.py."""

import hashlib
from datetime import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Subquery
from django.http import Http404
from django.utils import timezone

from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TitleFieldPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from modelcluster.fields import ParentalKey, ParentalManyToManyField

from website.blocks import BaseStreamBlock
from website.fields import optional_link
from website.images import image_filter
from website.models import BasePage
from website.pagination import pagination
from website.sharing import SharingMetadata

from .feeds import NewsReleaseAtomFeed, NewsReleaseRssFeed
from .forms import NewsReleaseForm, ReleaseEditHandler
from .listing import (
    InvalidListingParameter,
    parse_filters,
    parse_page_number,
)
from .release_dates import default_release_date
from .release_metadata import release_metadata
from .release_state import ReleaseStateMixin
from .renditions import SHARE_IMAGE_SPEC, for_release_cards
from .snippets import NewsTopic, PressContact

# Slugs the news index's own routes use (/news/feed/): a release there would never be reached.
RESERVED_RELEASE_SLUGS = {"feed"}

NOTES_TO_EDITORS_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class NewsIndexPage(RoutablePageMixin, BasePage):
    """/news/: every live release, newest first, filtered by topic and year through the query
    string, 20 to a page; and the RSS and Atom feeds, for all news and for each topic."""

    releases_per_page = 20

    content_panels = BasePage.content_panels

    parent_page_types = ["website.HomePage"]
    subpage_types = ["news.NewsReleasePage"]
    max_count = 1

    search_type_label = "News"

    class Meta:
        verbose_name = "news index page"

    def releases(self):
        """The releases anyone may read, newest first: live (so never an embargoed one), not
        behind a privacy setting, and dated. A release gets its date as it first goes live;
        only a page made live in code, without publishing it, could lack one."""
        return (
            NewsReleasePage.objects.child_of(self)
            .live()
            .public()
            .filter(release_date__isnull=False)
            .order_by("-release_date", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        try:
            filters = parse_filters(request.GET)
            page_number = parse_page_number(request.GET.get("page"))
        except InvalidListingParameter as error:
            raise Http404(str(error)) from error

        topics = list(NewsTopic.objects.all())
        topic = next((topic for topic in topics if topic.slug == filters.topic), None)
        if filters.topic and topic is None:
            raise Http404(f"No news topic {filters.topic!r}")

        all_releases = self.releases()
        releases = all_releases
        if topic is not None:
            releases = releases.filter(topics=topic)
        if filters.year:
            releases = releases.filter(**year_range(filters.year))
        releases = for_release_cards(releases)
        paginator = Paginator(releases, self.releases_per_page)
        if page_number > paginator.num_pages:
            raise Http404(f"There is no page {page_number}")
        listing_page = paginator.page(page_number)

        years = self.years(all_releases, filters.year)

        context.update(
            filters=filters,
            topics=topics,
            selected_topic=topic,
            years=years,
            releases=listing_page.object_list,
            listing_page=listing_page,
            result_count=paginator.count,
            pagination=pagination(
                listing_page.number,
                paginator.num_pages,
                lambda number: self.url + filters.query_string(number),
            ),
            canonical_url=self.full_url + filters.query_string(page_number),
            feeds=self.feed_links(topic),
            sharing=SharingMetadata(
                title=self.seo_title or self.title,
                description=self.meta_description,
                url=self.full_url,
            ),
        )
        return context

    def years(self, releases, selected: int | None) -> list[int]:
        """Years for the filter, newest first: every year from the oldest release's to the
        newest's, and the selected one. The two ends cost one query of two index lookups;
        listing only the years that have news would read every release on every view."""
        dates = releases.values("release_date")
        ends = (
            NewsIndexPage.objects.filter(pk=self.pk)
            .annotate(
                newest=Subquery(dates[:1]),  # `releases` are newest first, along the index
                oldest=Subquery(dates.order_by("release_date", "pk")[:1]),
            )
            .values("newest", "oldest")
            .first()
        )
        years = set()
        if ends and ends["newest"] is not None:
            newest, oldest = (timezone.localtime(ends[end]).year for end in ("newest", "oldest"))
            years.update(range(oldest, newest + 1))
        if selected:
            years.add(selected)
        return sorted(years, reverse=True)

    def feed_links(self, topic: "NewsTopic | None" = None) -> list[dict]:
        """Feeds to advertise: all news, and the chosen topic's when there is one."""
        links = [
            {"title": f"{self.title}: RSS", "type": "rss", "href": self.feed_url("feed")},
            {"title": f"{self.title}: Atom", "type": "atom", "href": self.feed_url("atom_feed")},
        ]
        if topic is not None:
            kwargs = {"topic_slug": topic.slug}
            links += [
                {
                    "title": f"{self.title} about {topic.name}: RSS",
                    "type": "rss",
                    "href": self.feed_url("topic_feed", kwargs),
                },
                {
                    "title": f"{self.title} about {topic.name}: Atom",
                    "type": "atom",
                    "href": self.feed_url("topic_atom_feed", kwargs),
                },
            ]
        return links

    def feed_url(self, name: str, kwargs: dict | None = None) -> str:
        return self.url + self.reverse_subpage(name, kwargs=kwargs)

    def topic_or_404(self, topic_slug: str) -> NewsTopic:
        try:
            return NewsTopic.objects.get(slug=topic_slug)
        except NewsTopic.DoesNotExist as error:
            raise Http404(f"No news topic {topic_slug!r}") from error

    @path("feed/", name="feed")
    def rss_feed(self, request):
        return NewsReleaseRssFeed(self)(request)

    @path("feed/atom/", name="atom_feed")
    def atom_feed(self, request):
        return NewsReleaseAtomFeed(self)(request)

    @path("topics/<slug:topic_slug>/feed/", name="topic_feed")
    def topic_rss_feed(self, request, topic_slug: str):
        return NewsReleaseRssFeed(self, self.topic_or_404(topic_slug))(request)

    @path("topics/<slug:topic_slug>/feed/atom/", name="topic_atom_feed")
    def topic_atom_feed(self, request, topic_slug: str):
        return NewsReleaseAtomFeed(self, self.topic_or_404(topic_slug))(request)


def year_range(year: int) -> dict:
    """A filter for releases dated in `year`, in the site's time zone. A range on the column
    (rather than `__year`) lets the database use the index on release_date."""
    zone = timezone.get_current_timezone()
    return {
        "release_date__gte": datetime(year, 1, 1, tzinfo=zone),
        "release_date__lt": datetime(year + 1, 1, 1, tzinfo=zone),
    }


class NewsReleasePage(ReleaseStateMixin, BasePage):
    """A press release. Embargo it with "Embargoed until" (the page's go-live time, near the top
    of the form): until then it is nowhere on the site, and `publish_scheduled` (every minute)
    makes it live."""

    summary = models.TextField(
        max_length=300,
        help_text="One or two sentences of plain text: shown in the news listing, in feeds and "
        "to search engines.",
    )
    release_date = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Shown as 'Published 25 February 2026' and used to order the news. Leave "
        "blank to use the moment the release goes live (its go-live time, if embargoed).",
    )
    hero_image = optional_link("wagtailimages.Image")
    hero_image_alt = models.CharField(
        "alt text",
        max_length=250,
        blank=True,
        help_text="Required with an image: what the image shows, for people who cannot see it.",
    )
    hero_image_caption = models.CharField("caption", max_length=250, blank=True)
    hero_image_credit = models.CharField(
        "credit", max_length=120, blank=True, help_text="For example, 'Photo: Jo Bloggs'."
    )
    body = StreamField(BaseStreamBlock(), blank=True)
    notes_to_editors = RichTextField(
        blank=True,
        features=NOTES_TO_EDITORS_FEATURES,
        help_text="Background for journalists, shown at the end of the release.",
    )
    press_contact = optional_link(
        PressContact,
        related_name="news_releases",
        help_text="Who journalists should contact. Manage contacts under News > Press contacts.",
    )
    topics = ParentalManyToManyField(NewsTopic, blank=True, related_name="news_releases")

    content_panels = [
        TitleFieldPanel("title", heading="Headline"),
        FieldPanel("summary"),
        # The page's own go-live time, here rather than only behind the status panel's
        # scheduling dialog: the embargo is the first thing a comms officer sets.
        FieldPanel(
            "go_live_at",
            heading="Embargoed until",
            help_text="Europe/London time (the UK's clock, with summer time). Leave blank to "
            "publish as soon as it is approved. Until then the release is nowhere on the site.",
        ),
        FieldPanel("release_date"),
        MultiFieldPanel(
            [
                FieldPanel("hero_image"),
                FieldPanel("hero_image_alt"),
                FieldPanel("hero_image_caption"),
                FieldPanel("hero_image_credit"),
            ],
            heading="Hero image",
        ),
        FieldPanel("body"),
        FieldPanel("notes_to_editors"),
        FieldPanel("press_contact"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        InlinePanel(
            "related_pages",
            heading="Related pages",
            label="Related page",
            help_text="Family hubs, services or other releases worth reading next.",
        ),
    ]
    # The embargo is on the Content tab; the expiry stays here. (Wagtail's publishing panel would
    # add a second go-live field to the same form.)
    settings_panels = [
        FieldPanel("expire_at", heading="Take down at"),
        *Page.settings_panels[1:],
    ]
    base_form_class = NewsReleaseForm
    edit_handler = ReleaseEditHandler(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(BasePage.promote_panels, heading="Promote"),
            ObjectList(settings_panels, heading="Settings"),
        ],
        base_form_class=NewsReleaseForm,
    )
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.FilterField("release_date"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    search_type_label = "News release"
    # Site search shows each release's date and sorts "Newest" by it; older releases sink below
    # newer ones and below the services they announced (docs/search.md).
    search_date_field = "release_date"
    search_recency_half_life_days = 365

    class Meta:
        verbose_name = "news release"
        indexes = [
            # The listing's order, newest first: with it, page 1 of 5,000 releases reads 20
            # rows instead of sorting them all. Also serves the year filter's date range.
            models.Index(fields=["-release_date", "-page_ptr"], name="news_release_newest_first"),
        ]

    def clean(self):
        errors = {}
        try:
            super().clean()
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if self.hero_image_id and not self.hero_image_alt.strip():
            errors.setdefault("hero_image_alt", []).append(
                "Add alt text for the hero image: describe what it shows for people who cannot "
                "see it, or remove the image."
            )
        if self.slug in RESERVED_RELEASE_SLUGS:
            errors.setdefault("slug", []).append(
                f"'{self.slug}' is part of the news feeds' web address. Choose another slug."
            )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.release_date is None and self.live:
            # Going live with no date chosen: the release is dated from its go-live time or
            # first publication, and keeps that date, so editing it later never moves it.
            # (The admin saves a new page as live just before publishing it, when neither is
            # set yet: the publication that follows dates it.)
            self.release_date = default_release_date(self.go_live_at, self.first_published_at)
            update_fields = kwargs.get("update_fields")
            if self.release_date and update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "release_date"}
        return super().save(*args, **kwargs)

    def with_content_json(self, content):
        """Revisions saved before a release first went live carry no release date; the date it
        got on going live belongs to the release as a whole, like `first_published_at`."""
        page = super().with_content_json(content)
        if page.release_date is None:
            page.release_date = self.release_date
        return page

    @property
    def card_version(self) -> str:
        """Everything the listing card shows (templates/news/includes/release_card.html),
        hashed: the key of its cached HTML. Any change to the release, its topics or its hero
        image (a new file, a new focal point) makes a new key, so a card is never stale; the
        cache only saves rendering 20 cards on every view of the listing."""
        parts = [
            self.title,
            self.url_path,
            self.summary,
            self.release_date.isoformat() if self.release_date else "",
            *(f"{topic.pk}:{topic.name}" for topic in self.topics.all()),
        ]
        if image := self.hero_image:
            parts += [
                image.pk,
                image.file.name,
                image.width,
                image.height,
                image.focal_point_x,
                image.focal_point_y,
                image.focal_point_width,
                image.focal_point_height,
            ]
        text = "\x1f".join(str(part) for part in parts)
        return hashlib.sha256(text.encode()).hexdigest()[:32]

    @property
    def display_date(self) -> datetime:
        """The date to show: the release date; in a preview of a release not yet live, the
        moment it is due to go live (or now)."""
        return (
            self.release_date
            or default_release_date(self.go_live_at, self.first_published_at)
            or timezone.now()
        )

    def share_image(self):
        """The hero image's rendition for sharing and feeds, or None without one (or when its
        file is missing: better no picture than an error page)."""
        if self.hero_image is None:
            return None
        try:
            return self.hero_image.get_rendition(image_filter(SHARE_IMAGE_SPEC))
        except OSError:
            return None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        topics = list(self.topics.all())
        news_index = NewsIndexPage.objects.parent_of(self).first()
        sharing, structured_data = release_metadata(self, request, topics)
        context.update(
            topics=topics,
            related_pages=[
                link.page
                for link in self.related_pages.select_related("page")
                if link.page.live and link.page.pk != self.pk
            ],
            news_index=news_index,
            feeds=news_index.feed_links() if news_index else [],
            sharing=sharing,
            structured_data=structured_data,
        )
        return context


class NewsReleaseRelatedPage(Orderable):
    """A page worth reading after a release. Any page for now: once the directory app's hub and
    service pages exist, limit the chooser to them and to news releases."""

    release = ParentalKey(NewsReleasePage, on_delete=models.CASCADE, related_name="related_pages")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = "related page"
