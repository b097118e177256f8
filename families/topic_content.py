"""What a topic page pulls in without hand-picking: the directory's listed services in the
topic's categories and ages (nearest first when the family gave a postcode), and the latest
news on the topic's news topics. Built on the directory's own search (directory.service_search
on search.faceted: Elasticsearch when configured, the database otherwise) and the news index's
own listing, so a topic lists exactly what /services/ and /news/ would, in a fixed number of
queries whatever the number of services."""

from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from django.db.models import Q
from django.utils import timezone

from directory import opening_hours, timetable, whats_on
from directory.models import ServiceIndexPage, ServicePage
from directory.service_search import (
    CATEGORY_FACET,
    REMOTE_SHOWN,
    ServiceResult,
    listed_services,
    load_results,
)
from directory.taxonomy_seed import SEND_CATEGORY
from news.models import NewsIndexPage
from news.renditions import for_release_cards
from search.faceted import SORT_NEAREST, SORT_RELEVANCE, FacetedQuery, faceted_search

# How many services a topic page lists before linking to the directory for the rest.
SERVICES_SHOWN = 10
NEWS_SHOWN = 3
# A topic's week lists its next sessions, not every one: the rest are in What's on.
WEEK_SHOWN = 20


@dataclass
class TopicServices:
    results: list[ServiceResult] = field(default_factory=list)
    total: int = 0
    # With a postcode: services that reach families anywhere (online, by phone, at home),
    # listed apart, without a distance.
    remote_results: list[ServiceResult] = field(default_factory=list)
    remote_total: int = 0
    # The directory search for the same categories, for "See all".
    directory_url: str = ""
    engine: str = "database"
    degraded: bool = False


def ages_filter(minimum: int | None, maximum: int | None, pregnancy: bool) -> Q:
    """The services whose ages meet the topic's: their ranges overlap (a blank end is open).
    A service for parents-to-be only (pregnancy, no child's age) is in a topic that covers
    pregnancy, and only there. Positive conditions only, so Elasticsearch can filter on them."""
    overlaps = Q()
    if maximum is not None:
        overlaps &= Q(minimum_age__isnull=True) | Q(minimum_age__lte=maximum)
    if minimum:
        overlaps &= Q(maximum_age__isnull=True) | Q(maximum_age__gte=minimum)
    if pregnancy:
        return overlaps | Q(pregnancy=True)
    not_pregnancy_only = Q(pregnancy=False) | Q(maximum_age__isnull=False) | Q(minimum_age__gt=0)
    return overlaps & not_pregnancy_only


def topic_ages_filter(topic) -> Q:
    """The services for the topic's ages; with an oldest age with SEND, also those for older
    young people up to it that are filed under SEND or a sub-category of it: "to 19, or 25
    with SEND"."""
    within = ages_filter(topic.minimum_age, topic.maximum_age, topic.pregnancy)
    if topic.oldest_with_send is None or topic.maximum_age is None:
        return within
    # As the pages' paths, not a subquery: Elasticsearch filters only on indexed fields. Not
    # their ids either: a filter on a specific page type's id becomes one on its pointer to
    # the page, which Wagtail's search leaves out without a word.
    send = ServicePage.objects.filter(timetable.in_categories([SEND_CATEGORY]))
    send_paths = list(send.values_list("path", flat=True))
    older = ages_filter(topic.maximum_age + 1, topic.oldest_with_send, False)
    return within | (older & Q(path__in=send_paths))


def topic_services(topic, point: tuple[float, float] | None) -> TopicServices:
    """The topic's services, nearest to `point` first when there is one (then those that reach
    families anywhere apart), or by name."""
    codes = tuple(term.code for term in topic.categories.all())
    index = ServiceIndexPage.objects.live().first()
    if not codes or index is None:
        return TopicServices()
    services = listed_services(index).filter(topic_ages_filter(topic))
    query = FacetedQuery(
        point=point,
        selected={CATEGORY_FACET: codes},
        sort=SORT_NEAREST if point else SORT_RELEVANCE,
        size=SERVICES_SHOWN,
    )
    outcome = faceted_search(services, query)
    found = TopicServices(
        results=load_results(outcome.pks, point),
        total=outcome.total,
        directory_url=index.url + "?" + urlencode([("category", code) for code in codes]),
        engine=outcome.engine,
        degraded=outcome.degraded,
    )
    if point is not None:
        remote = faceted_search(
            services, replace(query, remote_only=True, sort=SORT_RELEVANCE, size=REMOTE_SHOWN)
        )
        found.remote_results = load_results(remote.pks, None)
        found.remote_total = remote.total
        found.degraded = found.degraded or remote.degraded
    return found


def topic_week(topic, request) -> dict:
    """The next sessions in the seven days from today of the topic's services (all of them,
    not only those the page lists), by day, from the same timetable as /whats-on/: at most
    WEEK_SHOWN of them, and how many there are in all."""
    codes = tuple(term.code for term in topic.categories.all())
    index = ServiceIndexPage.objects.live().first()
    if not codes or index is None:
        return {"days": [], "count": 0, "shown": 0}
    services = (
        listed_services(index)
        .filter(topic_ages_filter(topic))
        .filter(timetable.in_categories(codes))
    )
    now = timezone.now()
    today = timezone.localdate(now, timezone=opening_hours.LONDON)
    found = timetable.week_of(request, services, f"topic:{topic.pk}", today, now, WEEK_SHOWN)
    return {
        "days": whats_on.by_day(found.entries),
        "count": found.count,
        "shown": len(found.entries),
        "whats_on": timetable.whats_on_links(request).get("url", ""),
    }


def featured(service) -> ServiceResult | None:
    """The featured service as a card, with its opening status; None when it is not listed
    (unpublished, private or closed for good since an editor chose it)."""
    if service is None:
        return None
    index = ServiceIndexPage.objects.live().first()
    if index is None or not listed_services(index).filter(pk=service.pk).exists():
        return None
    results = load_results([service.pk], None)
    return results[0] if results else None


def latest_news(topic, count: int = NEWS_SHOWN) -> list:
    """The newest releases on any of the topic's news topics, as the news listing shows them."""
    topic_ids = [news_topic.pk for news_topic in topic.news_topics.all()]
    index = NewsIndexPage.objects.live().first()
    if not topic_ids or index is None:
        return []
    return latest_releases(index, topic_ids, count)


def latest_releases(index, topic_ids: list | None = None, count: int = NEWS_SHOWN) -> list:
    """The newest releases of the news index (on any of `topic_ids` when given), with what a
    release card shows loaded at once, as the news listing loads them."""
    releases = index.releases()
    if topic_ids:
        releases = releases.filter(topics__in=topic_ids).distinct()
    releases = for_release_cards(releases)
    return list(releases[:count])
