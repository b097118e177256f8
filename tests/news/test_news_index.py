"""/news/: newest first, 20 a page, filters by topic and year in the query string, a count, an
empty state, and a 404 (never a 500) for parameters that name nothing."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from wagtail.images.rect import Rect
from wagtail.models import PageViewRestriction

import pytest
from bs4 import BeautifulSoup

from news.models import NewsIndexPage

from .factories import NewsReleasePageFactory, NewsTopicFactory

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


def at(year, month, day, hour=10):
    return datetime(year, month, day, hour, tzinfo=LONDON)


def get_html(client, url, status=200) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == status, url
    return BeautifulSoup(response.content, "html.parser")


def listed_titles(html: BeautifulSoup) -> list[str]:
    return [link.get_text(strip=True) for link in html.select(".news-card .card__title a")]


def result_count(html: BeautifulSoup) -> str:
    return html.select_one('[role="status"]').get_text(" ", strip=True)


def add_releases(news_index, count: int, **fields) -> list:
    return [
        NewsReleasePageFactory(parent=news_index, hero_image=None, days_ago=number, **fields)
        for number in range(1, count + 1)
    ]


def test_lists_live_releases_newest_first_with_date_summary_and_topics(client, news_index):
    consultations = NewsTopicFactory(name="Consultations")
    NewsReleasePageFactory(parent=news_index, title="Older release", release_date=at(2016, 2, 25))
    NewsReleasePageFactory(
        parent=news_index,
        title="Newer release",
        summary="What is new.",
        release_date=at(2024, 6, 3),
        topics=[consultations],
    )
    NewsReleasePageFactory(parent=news_index, title="Unpublished draft", live=False)

    html = get_html(client, "/news/")

    assert listed_titles(html) == ["Newer release", "Older release"]
    assert result_count(html) == "2 news releases"
    newest = html.select_one(".news-card")
    assert newest.select_one("a")["href"] == "/news/newer-release/"
    assert "Published 3 June 2024" in newest.get_text(" ", strip=True)
    assert newest.select_one("time")["datetime"] == "2024-06-03T10:00:00+01:00"
    assert "What is new." in newest.get_text()
    assert [tag.get_text() for tag in newest.select(".tag")] == ["Consultations"]
    assert "Published 25 February 2016" in html.select(".news-card")[1].get_text(" ", strip=True)


def test_card_thumbnails_are_responsive_webp_with_a_jpeg_fallback_and_lazy(client, news_index):
    NewsReleasePageFactory(parent=news_index, title="With a picture")

    html = get_html(client, "/news/")

    picture = html.select_one(".news-card picture")
    source = picture.select_one("source")
    assert source["type"] == "image/webp"
    assert " 240w" in source["srcset"] and " 480w" in source["srcset"]
    image = picture.select_one("img")
    assert image["src"].endswith(".jpg")
    assert image["loading"] == "lazy"
    assert image["alt"] == "", "decorative: the headline beside it names the release"


def test_twenty_a_page_with_pagination_links(client, news_index):
    add_releases(news_index, 25)

    first = get_html(client, "/news/")
    second = get_html(client, "/news/?page=2")

    assert len(listed_titles(first)) == 20
    assert len(listed_titles(second)) == 5
    assert set(listed_titles(first)).isdisjoint(listed_titles(second))
    assert result_count(second) == "25 news releases"
    navigation = first.select_one('nav[aria-label="Pagination"]')
    assert "Page 1 of 2" in navigation.get_text()
    assert navigation.select_one('a[rel="next"]')["href"] == "/news/?page=2"
    assert navigation.select_one('[aria-current="page"]').get_text() == "1"
    assert second.select_one('a[rel="prev"]')["href"] == "/news/"
    assert "(page 2 of 2)" in second.title.get_text()


def test_newest_first_across_pages(client, news_index):
    releases = add_releases(news_index, 22)  # days_ago 1..22: the first made is the newest

    first = listed_titles(get_html(client, "/news/"))
    second = listed_titles(get_html(client, "/news/?page=2"))

    assert first + second == [release.title for release in releases]


def test_filter_by_topic(client, news_index):
    consultations = NewsTopicFactory(name="Consultations")
    inspections = NewsTopicFactory(name="Inspections")
    NewsReleasePageFactory(
        parent=news_index, title="Have your say", topics=[consultations], days_ago=10
    )
    NewsReleasePageFactory(
        parent=news_index, title="Inspection result", topics=[inspections], days_ago=20
    )
    NewsReleasePageFactory(
        parent=news_index, title="Both", topics=[consultations, inspections], days_ago=30
    )

    html = get_html(client, "/news/?topic=consultations")

    assert listed_titles(html) == ["Have your say", "Both"]
    assert result_count(html) == "2 news releases about Consultations"
    assert html.select_one("#news-topic option[selected]")["value"] == "consultations"
    assert html.find("a", string="Clear filters")["href"] == "/news/"
    assert "News about consultations." in html.get_text(), "the topic's description"


def test_filter_by_year_uses_the_councils_time_zone(client, news_index):
    NewsReleasePageFactory(
        parent=news_index, title="New year's eve", release_date=at(2023, 12, 31, 23)
    )
    # 00:30 on 1 July 2024 in London is still 30 June in UTC: it belongs to 2024 either way,
    # but 00:30 on 1 January 2024 in London is the first half hour of 2024.
    NewsReleasePageFactory(
        parent=news_index, title="Just after midnight", release_date=at(2024, 1, 1, 0)
    )
    NewsReleasePageFactory(parent=news_index, title="Summer", release_date=at(2024, 7, 1, 0))
    NewsReleasePageFactory(parent=news_index, title="Next year", release_date=at(2025, 1, 1, 9))

    html = get_html(client, "/news/?year=2024")

    assert listed_titles(html) == ["Summer", "Just after midnight"]
    assert result_count(html) == "2 news releases in 2024"
    assert html.select_one("#news-year option[selected]")["value"] == "2024"
    years = [option["value"] for option in html.select("#news-year option")]
    assert years == ["", "2025", "2024", "2023"], "years with news, newest first"


def test_topic_and_year_together_and_pagination_keeps_the_filters(client, news_index):
    consultations = NewsTopicFactory(name="Consultations")
    for number in range(21):
        NewsReleasePageFactory(
            parent=news_index,
            title=f"Consultation {number}",
            release_date=at(2024, 3, 1) - timedelta(hours=number),
            hero_image=None,
            topics=[consultations],
        )
    NewsReleasePageFactory(
        parent=news_index,
        title="Other year",
        topics=[consultations],
        release_date=at(2022, 3, 1),
        hero_image=None,
    )
    NewsReleasePageFactory(
        parent=news_index, title="Other topic", release_date=at(2024, 3, 2), hero_image=None
    )

    first = get_html(client, "/news/?topic=consultations&year=2024")
    second = get_html(client, "/news/?topic=consultations&year=2024&page=2")

    assert result_count(first) == "21 news releases about Consultations in 2024"
    assert (
        first.select_one('a[rel="next"]')["href"] == "/news/?topic=consultations&year=2024&page=2"
    )
    assert listed_titles(second) == ["Consultation 20"]
    canonical = second.select_one('link[rel="canonical"]')["href"]
    assert canonical == "http://testserver/news/?topic=consultations&year=2024&page=2"


def test_the_filter_form_works_without_javascript(client, news_index):
    """A real GET form: labelled selects behind one "Filter news releases" control (a
    <details>, which needs no script), and a submit button, so the browser builds the same
    shareable URL the tests above use."""
    NewsTopicFactory(name="Consultations")
    NewsReleasePageFactory(parent=news_index, release_date=at(2024, 5, 1))

    html = get_html(client, "/news/")

    form = html.select_one("main form")
    assert form["method"] == "get" and form["action"] == "/news/"
    assert form.select_one("details summary").get_text(strip=True) == "Filter news releases"
    for name, label in (("topic", "Topic"), ("year", "Year")):
        select = form.select_one(f'select[name="{name}"]')
        assert form.select_one(f'label[for="{select["id"]}"]').get_text(strip=True) == label
        assert select.select_one("option")["value"] == "", "an 'All' choice that clears it"
    assert form.select_one('button[type="submit"]').get_text(strip=True) == "Apply filters"


def test_empty_state_when_a_filter_matches_nothing(client, news_index):
    NewsTopicFactory(name="Inspections")
    NewsReleasePageFactory(parent=news_index, release_date=at(2024, 5, 1))

    html = get_html(client, "/news/?topic=inspections&year=2024")

    assert result_count(html) == "0 news releases about Inspections in 2024"
    empty = html.select_one(".news-results__empty").get_text(" ", strip=True)
    assert "There are no news releases about Inspections from 2024." in empty
    assert html.find("a", string="see all news releases")["href"] == "/news/"
    assert html.select(".news-card") == []
    assert html.select('nav[aria-label="Pagination"]') == []


def test_empty_state_with_no_news_at_all(client, news_index):
    html = get_html(client, "/news/")

    assert result_count(html) == "0 news releases"
    assert "There are no news releases yet." in html.get_text()


@pytest.mark.parametrize(
    "query",
    [
        "page=abc",
        "page=0",
        "page=-1",
        "page=1.5",
        "page=9999",
        "page=2",  # one page of results only
        "page=99999999999999999999",
        "year=20x6",
        "year=99",
        "year=9999",  # found by the bad input sweep: was a 500
        "year=%00",
        "topic=no-such-topic",
        "topic=%3Cscript%3E",
        "topic=consultations&page=abc",
    ],
)
def test_parameters_that_name_nothing_are_not_found(client, news_index, query):
    NewsTopicFactory(name="Consultations")
    NewsReleasePageFactory(parent=news_index)

    html = get_html(client, f"/news/?{query}", status=404)

    assert html.h1.get_text() == "Page not found"


@pytest.mark.parametrize(
    "query",
    [
        "",
        "page=1",
        "page=",
        "topic=",
        "year=",
        "topic=&year=",
        "year=1999",  # a real year with no news: the empty state
        "utm_source=newsletter",  # parameters we do not use are ignored
        "topic=consultations&topic=consultations",
    ],
)
def test_harmless_parameters_give_a_normal_page(client, news_index, query):
    NewsTopicFactory(name="Consultations")
    NewsReleasePageFactory(parent=news_index)

    html = get_html(client, f"/news/?{query}")

    assert html.h1.get_text() == "News"


def test_releases_behind_a_privacy_setting_are_not_listed(client, news_index):
    NewsReleasePageFactory(parent=news_index, title="Public")
    private = NewsReleasePageFactory(parent=news_index, title="Staff only")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    assert listed_titles(get_html(client, "/news/")) == ["Public"]


def test_feeds_are_advertised_for_all_news_and_for_the_chosen_topic(client, news_index):
    NewsTopicFactory(name="Consultations")

    everything = get_html(client, "/news/")
    topic = get_html(client, "/news/?topic=consultations")

    assert [link["href"] for link in everything.select('link[rel="alternate"]')] == [
        "/news/feed/",
        "/news/feed/atom/",
    ]
    assert [link["href"] for link in topic.select('link[rel="alternate"]')][2:] == [
        "/news/topics/consultations/feed/",
        "/news/topics/consultations/feed/atom/",
    ]
    assert everything.select_one('link[type="application/rss+xml"]')


def test_only_one_news_index(home_page, news_index):
    assert not NewsIndexPage.can_create_at(home_page)


def test_a_release_is_listed_once_it_has_a_date(client, news_index):
    """Releases get their date as they first go live. Only a page made live in code, without
    publishing it, has none: it is left out of the listing rather than shown undated."""
    NewsReleasePageFactory(parent=news_index, title="Undated", release_date=None)
    NewsReleasePageFactory(parent=news_index, title="Dated", days_ago=400)

    assert listed_titles(get_html(client, "/news/")) == ["Dated"]


def test_cached_cards_show_changes_at_once(client, news_index):
    """Listing cards are cached by their content: an edit to the release, a renamed topic or a
    new focal point on the image shows on the next view."""
    topic = NewsTopicFactory(name="Consultations")
    release = NewsReleasePageFactory(parent=news_index, title="Before", topics=[topic])
    first = get_html(client, "/news/")
    first_thumbnail = first.select_one(".news-card img")["src"]

    release.title = "After"
    release.save()
    topic.name = "Have your say"
    topic.save()
    image = release.hero_image
    image.set_focal_point(Rect(0, 0, 100, 100))
    image.save()

    html = get_html(client, "/news/")
    assert listed_titles(html) == ["After"]
    assert [tag.get_text() for tag in html.select(".news-card .tag")] == ["Have your say"]
    assert html.select_one(".news-card img")["src"] != first_thumbnail
