"""News: /news/ page 1, a filtered page, a release page and the RSS feed, with 50 then 5,000
releases.

The target (issue 6): with 5,000 releases, /news/ page 1 and a release page each render in under
50 ms median through Django's test client on PostgreSQL, with a number of SQL queries that does
not grow with the number of releases. Releases get realistic content: a body with headings, a
quote and a call to action, notes to editors, two topics each, a press contact, and one of a
dozen hero images (so the listing finds several images' renditions, as on the real site)."""

from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.test import Client
from django.utils import timezone

from demo import site as site_content
from demo.images import PALETTES, SCENES, ensure_demo_image
from news.models import NewsIndexPage, NewsReleasePage, NewsTopic, PressContact
from tests.benchmarks.harness import Report, get_ok, time_calls

TOPIC_NAMES = ["Cabinet decisions", "Consultations", "Inspections", "New hubs", "Funding"]
# Releases every nine hours: 5,000 of them span about five years, so every year has news.
SPACING = timedelta(hours=9)
BODY = [
    ("heading", {"text": "What this means for families", "level": "h2"}),
    ("paragraph", "<p>" + "Family hubs bring help together under one roof. " * 12 + "</p>"),
    (
        "quote",
        {"quote": "One front door for families.", "name": "A councillor", "role": "Cabinet"},
    ),
    ("paragraph", "<p>" + "Sessions are free and most need no booking. " * 10 + "</p>"),
]
NOTES = "<ol><li>Wulfrun Borough Council runs family hubs.</li><li>Photos on request.</li></ol>"


def make_images() -> list:
    combinations = [(scene, palette) for scene in SCENES for palette in PALETTES][:12]
    return [
        ensure_demo_image(
            title=f"Benchmark {scene} {palette}",
            description=f"An illustration: {scene}",
            scene=scene,
            palette=palette,
        )
        for scene, palette in combinations
    ]


@transaction.atomic
def add_releases(index, count: int, topics, contact, images) -> None:
    """Add `count` live releases, each older than the last. add_child in one transaction: a
    minute or so for 5,000 on PostgreSQL, which is fine for a benchmark's setup."""
    start = index.get_children().count()
    newest = timezone.now().replace(microsecond=0)
    for number in range(start, start + count):
        release = NewsReleasePage(
            title=f"Family hubs news release number {number}",
            slug=f"release-{number}",
            summary="A short summary of what happened and why it matters to families.",
            release_date=newest - number * SPACING,
            first_published_at=newest - number * SPACING,
            hero_image=images[number % len(images)],
            hero_image_alt="An illustration of a family hub",
            body=BODY,
            notes_to_editors=NOTES,
            press_contact=contact,
        )
        release.topics = [topics[number % len(topics)], topics[(number + 2) % len(topics)]]
        index.add_child(instance=release)


def refresh_planner_statistics() -> None:
    """After a bulk insert, PostgreSQL's planner still believes the tables are small until
    autovacuum catches up, and picks plans no live site would get. Do what autovacuum does."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def run() -> None:
    report = Report("news")
    # Search indexing is not what we measure, and would triple the set-up time.
    settings.WAGTAILSEARCH_BACKENDS["default"]["AUTO_UPDATE"] = False
    site = site_content.load()
    home = site.root_page.specific
    index = NewsIndexPage(title="News", slug="news", summary="News releases.")
    home.add_child(instance=index)
    index.save_revision().publish()
    topics = [
        NewsTopic.objects.create(name=name, slug=name.lower().replace(" ", "-"))
        for name in TOPIC_NAMES
    ]
    contact = PressContact.objects.create(name="Priya Raman", phone="01902 555 0142")
    images = make_images()
    client = Client()

    for target in (50, 5000):
        add_releases(index, target - index.get_children().count(), topics, contact, images)
        refresh_planner_statistics()
        # A release from the middle of the list, whatever the count.
        release = NewsReleasePage.objects.get(slug=f"release-{target // 2}")
        year = release.release_date.year
        urls = {
            "news_page_1": "/news/",
            "news_filtered": f"/news/?topic=consultations&year={year}",
            "news_release": release.url,
            "news_rss_feed": "/news/feed/",
        }
        for label, url in urls.items():
            timing = time_calls(get_ok(client, url))
            report.add(f"{label}_with_{target}_releases", timing.summary())
    # The same machine's speed for a page with no news on it: read the figures above against
    # this one when the machine is shared or slow.
    timing = time_calls(get_ok(client, "/about-family-hubs/"))
    report.add("baseline_standard_page", timing.summary())
    report.write()
