"""RSS 2.0 and Atom feeds: well-formed XML holding exactly the live releases, newest first,
each with title, link, summary, date and the hero image as an enclosure."""

from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from xml.etree import ElementTree
from zoneinfo import ZoneInfo

from django.utils import timezone

import pytest

from news.feeds import FEED_LENGTH

from .factories import NewsReleasePageFactory, NewsTopicFactory, publish

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
ATOM = "{http://www.w3.org/2005/Atom}"


def feed(client, url, content_type) -> ElementTree.Element:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == f"{content_type}; charset=utf-8"
    return ElementTree.fromstring(response.content)  # noqa: S314 - our own output, in a test


@pytest.fixture
def releases(news_index):
    """Three live releases (one without a picture), a draft, a scheduled one and a private
    one: the feeds must hold exactly the three."""
    consultations = NewsTopicFactory(name="Consultations")
    newest = NewsReleasePageFactory(
        parent=news_index,
        title="Newest <release> & more",
        summary="Summary with <b>angle brackets</b> & ampersands.",
        release_date=datetime(2026, 3, 2, 9, 0, tzinfo=LONDON),
        topics=[consultations],
    )
    middle = NewsReleasePageFactory(
        parent=news_index,
        title="Middle release",
        release_date=datetime(2025, 7, 1, 12, 0, tzinfo=LONDON),
        hero_image=None,
    )
    oldest = NewsReleasePageFactory(
        parent=news_index,
        title="Oldest release",
        release_date=datetime(2016, 2, 25, 10, 0, tzinfo=LONDON),
        topics=[consultations],
    )
    NewsReleasePageFactory(parent=news_index, title="Draft", live=False)
    publish(
        NewsReleasePageFactory(
            parent=news_index,
            title="Scheduled",
            live=False,
            release_date=None,
            go_live_at=timezone.now() + timedelta(hours=1),
        )
    )
    from wagtail.models import PageViewRestriction

    private = NewsReleasePageFactory(parent=news_index, title="Private")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    return [newest, middle, oldest]


def test_rss_holds_exactly_the_live_releases_newest_first(client, releases):
    channel = feed(client, "/news/feed/", "application/rss+xml").find("channel")

    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == [
        "Newest <release> & more",
        "Middle release",
        "Oldest release",
    ]
    assert channel.findtext("title") == "News | Wulfrun Borough Council"
    assert channel.findtext("link") == "http://testserver/news/"
    newest = items[0]
    assert newest.findtext("link") == "http://testserver/news/newest-release-more/"
    assert newest.findtext("description") == "Summary with <b>angle brackets</b> & ampersands."
    assert parsedate_to_datetime(newest.findtext("pubDate")) == datetime(
        2026, 3, 2, 9, 0, tzinfo=LONDON
    )
    assert [category.text for category in newest.findall("category")] == ["Consultations"]


def test_rss_enclosure_is_the_hero_image(client, releases):
    items = feed(client, "/news/feed/", "application/rss+xml").find("channel").findall("item")

    enclosure = items[0].find("enclosure")
    assert enclosure.get("type") == "image/jpeg"
    assert enclosure.get("url").startswith("http://testserver/media/images/")
    assert enclosure.get("url").endswith(".fill-1200x630.format-jpeg.jpg")
    assert int(enclosure.get("length")) > 0
    assert items[1].find("enclosure") is None, "no hero image, no enclosure"


def test_atom_holds_exactly_the_live_releases_newest_first(client, releases):
    root = feed(client, "/news/feed/atom/", "application/atom+xml")

    entries = root.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [
        "Newest <release> & more",
        "Middle release",
        "Oldest release",
    ]
    newest = entries[0]
    links = {link.get("rel"): link for link in newest.findall(f"{ATOM}link")}
    assert links["alternate"].get("href") == "http://testserver/news/newest-release-more/"
    assert links["enclosure"].get("type") == "image/jpeg"
    assert newest.findtext(f"{ATOM}summary") == "Summary with <b>angle brackets</b> & ampersands."
    assert newest.findtext(f"{ATOM}published") == "2026-03-02T09:00:00+00:00"
    assert root.find(f"{ATOM}author").findtext(f"{ATOM}name") == "Wulfrun Borough Council"
    self_link = [link for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert self_link[0].get("href") == "http://testserver/news/feed/atom/"


@pytest.mark.parametrize(
    ("url", "content_type", "item_path", "title_path"),
    [
        ("/news/topics/consultations/feed/", "application/rss+xml", "channel/item", "title"),
        (
            "/news/topics/consultations/feed/atom/",
            "application/atom+xml",
            f"{ATOM}entry",
            f"{ATOM}title",
        ),
    ],
)
def test_topic_feeds_hold_that_topics_releases(
    client, releases, url, content_type, item_path, title_path
):
    root = feed(client, url, content_type)

    titles = [item.findtext(title_path) for item in root.findall(item_path)]
    assert titles == ["Newest <release> & more", "Oldest release"]


def test_topic_feed_links_to_the_filtered_listing(client, releases):
    channel = feed(client, "/news/topics/consultations/feed/", "application/rss+xml").find(
        "channel"
    )

    assert channel.findtext("title") == "News: Consultations | Wulfrun Borough Council"
    assert channel.findtext("link") == "http://testserver/news/?topic=consultations"


@pytest.mark.parametrize(
    "url",
    ["/news/topics/no-such-topic/feed/", "/news/topics/no-such-topic/feed/atom/", "/news/feeds/"],
)
def test_unknown_feeds_are_not_found(client, news_index, url):
    assert client.get(url).status_code == 404


def test_a_feed_with_no_releases_is_still_valid(client, news_index):
    channel = feed(client, "/news/feed/", "application/rss+xml").find("channel")

    assert channel.findall("item") == []


def test_feeds_stop_at_the_latest_fifty(client, news_index):
    for number in range(FEED_LENGTH + 2):
        NewsReleasePageFactory(parent=news_index, hero_image=None, days_ago=number + 1)

    items = feed(client, "/news/feed/", "application/rss+xml").find("channel").findall("item")

    assert len(items) == FEED_LENGTH == 50
