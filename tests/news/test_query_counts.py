"""The news pages make the same number of SQL queries whatever the number of releases and
whatever the page size: no query per release (topics and thumbnails are prefetched)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from news.models import NewsIndexPage

from .factories import NewsReleasePageFactory, NewsTopicFactory, publish

pytestmark = pytest.mark.django_db


def count_queries(client, url: str) -> int:
    client.get(url)  # warm up: renditions are made, site root paths cached
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured.captured_queries)


@pytest.fixture
def topics():
    return [NewsTopicFactory(name=name) for name in ("Consultations", "Funding", "New hubs")]


def add_releases(news_index, topics, count: int) -> None:
    """Releases with two topics each and a hero image of their own (so each card has its own
    renditions to find)."""
    start = news_index.get_children().count()
    for number in range(start, start + count):
        NewsReleasePageFactory(
            parent=news_index,
            title=f"Release {number}",
            days_ago=number + 1,
            topics=[topics[number % 3], topics[(number + 1) % 3]],
        )


@pytest.mark.parametrize("url", ["/news/", "/news/?topic=funding", "/news/feed/"])
def test_listing_and_feed_queries_do_not_grow_with_the_number_of_releases(
    client, news_index, topics, url
):
    add_releases(news_index, topics, 3)
    with_3 = count_queries(client, url)

    add_releases(news_index, topics, 27)
    with_30 = count_queries(client, url)

    assert with_30 == with_3, f"{url}: {with_3} queries with 3 releases, {with_30} with 30"
    assert with_30 <= 20, f"{url}: {with_30} queries"


def test_listing_queries_do_not_grow_with_the_page_size(client, news_index, topics, monkeypatch):
    add_releases(news_index, topics, 30)

    monkeypatch.setattr(NewsIndexPage, "releases_per_page", 5)
    five_a_page = count_queries(client, "/news/")
    monkeypatch.setattr(NewsIndexPage, "releases_per_page", 25)
    twenty_five_a_page = count_queries(client, "/news/")

    assert twenty_five_a_page == five_a_page


def test_release_page_queries_do_not_grow_with_the_number_of_releases(client, news_index, topics):
    release = publish(NewsReleasePageFactory(parent=news_index, slug="the-release", topics=topics))
    add_releases(news_index, topics, 3)
    with_4 = count_queries(client, release.url)

    add_releases(news_index, topics, 27)
    with_31 = count_queries(client, release.url)

    assert with_31 == with_4
    assert with_31 <= 20, f"{with_31} queries"
