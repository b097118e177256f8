"""A news release as the public sees it: headline, date, hero image, body, notes to editors,
press contact, topics, related pages, and what it tells search engines and social networks."""

import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.utils import timezone

from wagtail.models import Page

import pytest
from bs4 import BeautifulSoup

from news.models import NewsReleasePage, NewsReleaseRelatedPage
from website.models import StandardPage

from .factories import (
    ImageFactory,
    NewsReleasePageFactory,
    NewsTopicFactory,
    PressContactFactory,
    publish,
)

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


def get_html(client, url) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def meta(html: BeautifulSoup, key: str) -> str | None:
    tag = html.find("meta", attrs={"property": key}) or html.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def json_ld(html: BeautifulSoup) -> dict:
    scripts = html.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


@pytest.fixture
def release(news_index):
    consultations = NewsTopicFactory(name="Consultations")
    new_hubs = NewsTopicFactory(name="New hubs")
    about = StandardPage.objects.get(slug="about-family-hubs")
    release = NewsReleasePageFactory(
        parent=news_index,
        title="First family hub opens",
        slug="first-family-hub-opens",
        summary="The first hub is open six days a week.",
        release_date=datetime(2016, 2, 25, 9, 30, tzinfo=LONDON),
        hero_image=ImageFactory(title="Hub photo", description="Not used: the release says"),
        hero_image_alt="The hub's front door, painted yellow",
        hero_image_caption="Heath Lane family hub",
        hero_image_credit="Photo: Jo Bloggs",
        body=[
            ("paragraph", "<p>The hub opened on Monday.</p>"),
            (
                "quote",
                {"quote": "One front door.", "name": "Cllr Helen Okafor", "role": "Cabinet member"},
            ),
        ],
        notes_to_editors="<ol><li>Photographs are available on request.</li></ol>",
        press_contact=PressContactFactory(
            name="Priya Raman", role="Press officer", phone="01902 555 0142"
        ),
        topics=[new_hubs, consultations],
        related_pages=[NewsReleaseRelatedPage(page=about)],
    )
    return publish(release)


def test_release_page_shows_headline_date_summary_body_and_quote(client, release):
    html = get_html(client, "/news/first-family-hub-opens/")

    assert html.h1.get_text() == "First family hub opens"
    date = html.select_one(".news-release__date")
    assert date.get_text(" ", strip=True) == "Published 25 February 2016"
    assert date.time["datetime"] == "2016-02-25T09:30:00+00:00"
    assert html.select_one(".lead").get_text() == "The first hub is open six days a week."
    assert "The hub opened on Monday." in html.select_one(".prose").get_text()
    attribution = html.select_one(".quote__attribution").get_text(" ", strip=True)
    assert attribution == "Cllr Helen Okafor, Cabinet member"


def test_hero_image_is_responsive_webp_with_a_jpeg_fallback_not_lazy(client, release):
    html = get_html(client, "/news/first-family-hub-opens/")

    hero = html.select_one(".news-release__hero")
    source = hero.select_one("picture source")
    assert source["type"] == "image/webp"
    # The test image is 640 pixels wide: no 800 or 1200 (Wagtail never enlarges), and no two
    # candidates with the same width.
    assert [entry.split()[-1] for entry in source["srcset"].split(", ")] == ["480w", "640w"]
    image = hero.select_one("picture img")
    assert image["alt"] == "The hub's front door, painted yellow"
    assert image["src"].endswith(".jpg") and "srcset" in image.attrs and "sizes" in image.attrs
    assert "loading" not in image.attrs, "the hero is above the fold"
    caption = hero.figcaption.get_text(" ", strip=True)
    assert caption == "Heath Lane family hub Photo: Jo Bloggs"


def test_notes_to_editors_press_contact_topics_and_related_pages(client, release, news_index):
    draft = NewsReleasePageFactory(parent=news_index, title="Not yet published", live=False)
    NewsReleaseRelatedPage.objects.create(release=release, page=draft, sort_order=5)

    html = get_html(client, "/news/first-family-hub-opens/")

    notes = html.find(id="notes-to-editors").parent
    assert "Photographs are available on request." in notes.get_text()
    contact = html.select_one(".news-release__contact")
    assert "Priya Raman, Press officer" in contact.get_text()
    assert contact.find("a", href="tel:019025550142").get_text() == "01902 555 0142"
    assert contact.find("a", href="mailto:press@example.gov.uk")
    topics = [(link.get_text(), link["href"]) for link in html.select(".news-release__topics a")]
    assert topics == [
        ("Consultations", "/news/?topic=consultations"),
        ("New hubs", "/news/?topic=new-hubs"),
    ]
    related = [(link.get_text(), link["href"]) for link in html.select(".related a")]
    assert related == [("About family hubs", "/about-family-hubs/")], "drafts are left out"


def test_search_engine_and_sharing_tags(client, release):
    html = get_html(client, "/news/first-family-hub-opens/")

    url = "http://testserver/news/first-family-hub-opens/"
    assert meta(html, "description") == "The first hub is open six days a week."
    assert html.find("link", rel="canonical")["href"] == url
    assert meta(html, "og:type") == "article"
    assert meta(html, "og:title") == "First family hub opens"
    assert meta(html, "og:description") == "The first hub is open six days a week."
    assert meta(html, "og:url") == url
    image_url = meta(html, "og:image")
    assert image_url.startswith("http://testserver/media/images/")
    assert image_url.endswith(".fill-1200x630.format-jpeg.jpg")
    assert meta(html, "og:image:alt") == "The hub's front door, painted yellow"
    assert meta(html, "article:published_time") == "2016-02-25T09:30:00+00:00"
    assert meta(html, "twitter:card") == "summary_large_image"
    assert meta(html, "twitter:image") == image_url
    assert meta(html, "twitter:title") == "First family hub opens"


def test_news_article_structured_data(client, release):
    html = get_html(client, "/news/first-family-hub-opens/")

    article = json_ld(html)
    assert article["@context"] == "https://schema.org"
    assert article["@type"] == "NewsArticle"
    assert article["headline"] == "First family hub opens"
    assert article["description"] == "The first hub is open six days a week."
    assert article["datePublished"] == "2016-02-25T09:30:00+00:00"
    assert article["image"] == [meta(html, "og:image")]
    assert article["mainEntityOfPage"]["@id"] == "http://testserver/news/first-family-hub-opens/"
    assert article["publisher"] == {
        "@type": "GovernmentOrganization",
        "name": "Wulfrun Borough Council",
        "url": "http://testserver/",
    }
    assert article["keywords"] == ["Consultations", "New hubs"]


def test_text_in_structured_data_cannot_break_out_of_the_script(client, news_index):
    headline = 'Hubs </script><script>alert("x")</script> & <!-- more'
    publish(NewsReleasePageFactory(parent=news_index, title=headline, slug="tricky"))

    response = client.get("/news/tricky/")

    content = response.content.decode()
    assert '<script>alert("x")</script>' not in content
    html = BeautifulSoup(content, "html.parser")
    assert json_ld(html)["headline"] == headline
    assert html.h1.get_text() == headline
    assert meta(html, "og:title") == headline


def test_without_a_hero_image_the_card_is_a_summary(client, news_index):
    publish(NewsReleasePageFactory(parent=news_index, slug="plain", hero_image=None))

    html = get_html(client, "/news/plain/")

    assert html.select(".news-release__hero") == []
    assert meta(html, "og:image") is None
    assert meta(html, "twitter:card") == "summary"
    assert "image" not in json_ld(html)


def test_editors_search_description_overrides_the_summary_as_meta_description(client, release):
    release.search_description = "A shorter description for search engines."
    publish(release)

    html = get_html(client, "/news/first-family-hub-opens/")

    assert meta(html, "description") == "A shorter description for search engines."


def test_body_images_are_responsive_and_lazy(client, news_index):
    image = ImageFactory()
    publish(
        NewsReleasePageFactory(
            parent=news_index,
            slug="with-body-image",
            body=[
                (
                    "image",
                    {
                        "image": {"image": image, "alt_text": "A stay and play session"},
                        "caption": "Stay and play",
                        "credit": "",
                    },
                )
            ],
        )
    )

    html = get_html(client, "/news/with-body-image/")

    figure = html.select_one(".prose figure")
    assert figure.select_one("source")["type"] == "image/webp"
    image_tag = figure.select_one("img")
    assert image_tag["loading"] == "lazy"
    assert image_tag["alt"] == "A stay and play session"
    assert "srcset" in image_tag.attrs


def test_a_hero_image_needs_alt_text(news_index):
    release = NewsReleasePageFactory.build(
        title="No alt", slug="no-alt", hero_image=ImageFactory(), hero_image_alt="  "
    )

    with pytest.raises(ValidationError) as error:
        news_index.add_child(instance=release)

    assert "Add alt text for the hero image" in error.value.message_dict["hero_image_alt"][0]
    assert not NewsReleasePage.objects.filter(slug="no-alt").exists()


def test_the_feed_address_is_not_a_release_slug(news_index):
    release = NewsReleasePageFactory.build(title="Feed", slug="feed")

    with pytest.raises(ValidationError) as error:
        news_index.add_child(instance=release)

    assert "news feeds' web address" in error.value.message_dict["slug"][0]


def test_release_date_defaults_to_first_publication_and_stays_put(news_index):
    release = NewsReleasePageFactory(parent=news_index, slug="undated", live=False)
    NewsReleasePage.objects.filter(pk=release.pk).update(release_date=None)
    release.refresh_from_db()

    release = publish(release)
    first_date = release.release_date

    assert first_date == release.first_published_at
    # An editor changes the release later; the revision they start from was saved before
    # the release had a date. Publishing again must not move it.
    latest = release.get_latest_revision_as_object()
    latest.summary = "Corrected summary."
    latest.save_revision().publish()
    assert NewsReleasePage.objects.get(pk=release.pk).release_date == first_date


def test_an_editor_can_backdate_a_release(news_index):
    chosen = datetime(2019, 5, 1, 12, 0, tzinfo=LONDON)
    release = publish(
        NewsReleasePageFactory(parent=news_index, slug="backdated", release_date=chosen)
    )

    assert release.release_date == chosen


def test_a_preview_of_an_unpublished_release_shows_when_it_will_go_live(news_index):
    go_live_at = timezone.now() + timedelta(days=2)
    release = NewsReleasePage(title="Draft", slug="draft", go_live_at=go_live_at, live=False)

    assert release.display_date == go_live_at
    assert NewsReleasePage(title="Draft").display_date - timezone.now() < timedelta(seconds=5)


def test_releases_can_only_live_under_the_news_index(home_page, news_index):
    assert NewsReleasePage.can_create_at(news_index)
    assert not NewsReleasePage.can_create_at(home_page)
    assert not NewsReleasePage.can_create_at(Page.get_first_root_node())
