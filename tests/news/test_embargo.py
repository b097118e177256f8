"""Embargo: a release scheduled for the future is nowhere on the site (its own address, the
listing and its filters, the feeds, the sitemap, search) until its go-live time; once
`publish_scheduled` has run after that, it is everywhere, and nobody has done anything else.
The clock is moved with time-machine; nothing sleeps."""

import io
import os
import signal
import threading
import time
from datetime import datetime, timedelta
from xml.etree import ElementTree
from zoneinfo import ZoneInfo

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page

import pytest
import time_machine
from bs4 import BeautifulSoup

from news.models import NewsReleasePage

from .factories import NewsIndexPageFactory, NewsReleasePageFactory, NewsTopicFactory, publish

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
GO_LIVE_AT = datetime(2026, 3, 2, 9, 0, tzinfo=LONDON)
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def xml(client, url) -> ElementTree.Element:
    response = client.get(url)
    assert response.status_code == 200, url
    return ElementTree.fromstring(response.content)  # noqa: S314 - our own output, in a test


def where_visible(client, slug: str, title: str, search_word: str) -> dict[str, bool]:
    """Every public surface a release can appear on, and whether it is there."""
    address = f"/news/{slug}/"
    full_url = f"http://testserver{address}"

    def listed(url: str) -> bool:
        html = BeautifulSoup(client.get(url).content, "html.parser")
        return title in [link.get_text() for link in html.select(".news-card .card__title a")]

    rss = xml(client, "/news/feed/")
    topic_rss = xml(client, "/news/topics/new-hubs/feed/")
    atom = xml(client, "/news/feed/atom/")
    sitemap = xml(client, "/sitemap.xml")
    return {
        "its own address": client.get(address).status_code == 200,
        "listing": listed("/news/"),
        "topic listing": listed("/news/?topic=new-hubs"),
        "year listing": listed("/news/?year=2026"),
        "RSS feed": full_url in [link.text for link in rss.iter("link")],
        "topic RSS feed": full_url in [link.text for link in topic_rss.iter("link")],
        "Atom feed": full_url
        in [
            link.get("href") for link in atom.iter(f"{ATOM}link") if link.get("rel") == "alternate"
        ],
        "sitemap": full_url in [loc.text for loc in sitemap.iter(f"{SITEMAP}loc")],
        "search": any(page.slug == slug for page in Page.objects.live().search(search_word)),
    }


@pytest.fixture
def embargoed(news_index):
    """An earlier release that is already out, and one approved to go out at 09:00 on
    2 March 2026, saved at 08:00 that morning."""
    new_hubs = NewsTopicFactory(name="New hubs", slug="new-hubs")
    with time_machine.travel(GO_LIVE_AT - timedelta(hours=1), tick=False):
        publish(
            NewsReleasePageFactory(
                parent=news_index,
                title="Already out",
                topics=[new_hubs],
                release_date=GO_LIVE_AT - timedelta(days=20),
            )
        )
        release = NewsReleasePageFactory(
            parent=news_index,
            title="Quanglewood family hub to open",
            slug="quanglewood-family-hub",
            summary="A new hub for Quanglewood.",
            topics=[new_hubs],
            release_date=None,
            live=False,
            go_live_at=GO_LIVE_AT,
        )
        return publish(release)


def test_a_scheduled_release_is_nowhere_until_its_time_then_everywhere(client, embargoed):
    surfaces = ("quanglewood-family-hub", "Quanglewood family hub to open", "Quanglewood")
    assert not embargoed.live
    assert embargoed.release_date is None

    with time_machine.travel(GO_LIVE_AT - timedelta(minutes=1), tick=False):
        call_command("publish_scheduled")  # a minute early: nothing is due
        before = where_visible(client, *surfaces)

    with time_machine.travel(GO_LIVE_AT + timedelta(seconds=40), tick=False):
        not_yet_run = where_visible(client, *surfaces)
        call_command("publish_scheduled")  # what the scheduler does every minute
        after = where_visible(client, *surfaces)

    assert before == dict.fromkeys(before, False), before
    assert not_yet_run == dict.fromkeys(not_yet_run, False), "going live needs the scheduler"
    assert after == dict.fromkeys(after, True), after


def test_once_live_the_release_is_dated_from_its_go_live_time(client, embargoed):
    with time_machine.travel(GO_LIVE_AT + timedelta(seconds=40), tick=False):
        call_command("publish_scheduled")
        html = BeautifulSoup(client.get("/news/quanglewood-family-hub/").content, "html.parser")
        listing = client.get("/news/").content.decode()

    release = NewsReleasePage.objects.get(pk=embargoed.pk)
    assert release.live
    assert release.release_date == GO_LIVE_AT, "not 09:00:40, when the scheduler ran"
    assert html.select_one(".news-release__date").get_text(" ", strip=True) == (
        "Published 2 March 2026"
    )
    assert listing.index("Quanglewood family hub to open") < listing.index("Already out")


def test_the_make_run_scheduler_publishes_what_is_due(embargoed):
    with time_machine.travel(GO_LIVE_AT - timedelta(seconds=30), tick=False):
        call_command("run_scheduler", "--once")
        assert not NewsReleasePage.objects.get(pk=embargoed.pk).live

    with time_machine.travel(GO_LIVE_AT + timedelta(seconds=30), tick=False):
        call_command("run_scheduler", "--once")
        assert NewsReleasePage.objects.get(pk=embargoed.pk).live


def test_an_embargoed_release_can_be_previewed_by_editors_but_not_seen(admin_client, embargoed):
    preview = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[embargoed.pk]))

    assert preview.status_code == 200
    html = BeautifulSoup(preview.content, "html.parser")
    assert html.h1.get_text() == "Quanglewood family hub to open"
    date = html.select_one(".news-release__date").get_text(" ", strip=True)
    assert date == "Published 2 March 2026", "the date it will go live"

    admin_client.logout()
    assert admin_client.get("/news/quanglewood-family-hub/").status_code == 404


@pytest.mark.elasticsearch
def test_elasticsearch_finds_the_release_only_once_it_is_live(client, embargoed, elasticsearch):
    def found() -> bool:
        elasticsearch.refresh_indexes()
        results = Page.objects.live().search("Quanglewood")
        return any(page.slug == "quanglewood-family-hub" for page in results)

    # The elasticsearch fixture indexed everything, the scheduled release included.
    assert not found()

    with time_machine.travel(GO_LIVE_AT + timedelta(seconds=40), tick=False):
        call_command("publish_scheduled")

    assert found()


@pytest.mark.django_db(transaction=True)
def test_the_scheduler_loop_publishes_on_time_and_stops_on_sigterm(site):
    """`make run`'s background loop, for real: a release due in half a second is published by
    the loop (every 0.2 seconds here), and SIGTERM stops it. Transactional, because the loop
    manages its database connection as a long-running process must."""
    index = NewsIndexPageFactory(parent=site.root_page)
    publish(index)
    release = publish(
        NewsReleasePageFactory(
            parent=index,
            slug="due-soon",
            live=False,
            release_date=None,
            go_live_at=timezone.now() + timedelta(seconds=0.5),
        )
    )
    assert not release.live
    stopper = threading.Timer(2.0, os.kill, (os.getpid(), signal.SIGTERM))
    stopper.start()
    started = time.monotonic()

    call_command("run_scheduler", "--interval", "0.2", stdout=io.StringIO())

    stopper.join()
    assert 1.5 < time.monotonic() - started < 10, "ran until SIGTERM, then stopped"
    assert NewsReleasePage.objects.get(pk=release.pk).live
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL, "handlers put back"
