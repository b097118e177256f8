"""RSS 2.0 and Atom feeds of news releases, for all news and for one topic, built on Django's
syndication framework (which writes well-formed, escaped XML). Served by the news index's routes:
/news/feed/, /news/feed/atom/, /news/topics/<slug>/feed/ and /news/topics/<slug>/feed/atom/."""

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed

from wagtail.images import get_image_model

from website.models import CouncilSettings
from website.sharing import absolute_url

from .renditions import SHARE_IMAGE_SPEC

# Feed readers poll often; the latest 50 releases cover months of news.
FEED_LENGTH = 50


class NewsReleaseRssFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "en-gb"

    def __init__(self, news_index, topic=None):
        super().__init__()
        self.news_index = news_index
        self.topic = topic
        self.request = None

    def get_object(self, request, *args, **kwargs):
        self.request = request
        self.council = CouncilSettings.for_request(request)
        return None

    def title(self) -> str:
        subject = (
            f"{self.news_index.title}: {self.topic.name}" if self.topic else self.news_index.title
        )
        return f"{subject} | {self.council.council_name}"

    def link(self) -> str:
        listing = self.news_index.get_full_url(self.request)
        return f"{listing}?topic={self.topic.slug}" if self.topic else listing

    def feed_url(self) -> str:
        return absolute_url(self.request, self.request.path)

    def description(self) -> str:
        if self.topic and self.topic.description:
            return self.topic.description
        return self.news_index.summary or f"News releases from {self.council.council_name}"

    def subtitle(self) -> str:  # Atom's name for the description
        return self.description()

    def author_name(self) -> str:
        return self.council.council_name

    def items(self):
        releases = self.news_index.releases()
        if self.topic is not None:
            releases = releases.filter(topics=self.topic)
        rendition_model = get_image_model().get_rendition_model()
        return list(
            releases.select_related("hero_image").prefetch_related(
                "topics",
                Prefetch(
                    "hero_image__renditions",
                    queryset=rendition_model.objects.filter(filter_spec=SHARE_IMAGE_SPEC),
                    to_attr="prefetched_renditions",
                ),
            )[:FEED_LENGTH]
        )

    def item_title(self, release) -> str:
        return release.title

    def item_description(self, release) -> str:
        return release.summary

    def item_link(self, release) -> str:
        return release.get_full_url(self.request)

    def item_pubdate(self, release):
        return release.release_date

    def item_updateddate(self, release):
        return release.last_published_at or release.release_date

    def item_categories(self, release) -> list[str]:
        return [topic.name for topic in release.topics.all()]

    def item_enclosures(self, release) -> list[Enclosure]:
        rendition = release.share_image()
        if rendition is None:
            return []
        try:
            length = rendition.file.size
        except OSError:
            return []
        return [
            Enclosure(
                url=absolute_url(self.request, rendition.url),
                length=str(length),
                mime_type="image/jpeg",
            )
        ]


class NewsReleaseAtomFeed(NewsReleaseRssFeed):
    feed_type = Atom1Feed
