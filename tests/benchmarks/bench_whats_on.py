"""What's on: /whats-on/ (this week, a filtered day, a later page), a hub's calendar feed, a
topic page's "Sessions this week" and a hub page with its week, render time and SQL queries as
hubs, services and sessions grow, up to the issue's size: 200 hubs, 20,000 services and 5,000
sessions a week. The topic page lists its services by name, and nearest first near a postcode.

Each hub hosts SERVICES_PER_HUB services (stay and play, for ages from 0), each with
SESSIONS_PER_SERVICE weekly sessions there (200 hubs: 5,000 sessions a week), a Christmas
closure on every hub, and one one-off event; SERVICES_PER_HUB_WITHOUT_SESSIONS more services
per hub (200 hubs: 19,000, for 20,000 in all) are added in bulk as bench_services does, the
directory's other services that hold no sessions. Figures are with the shared content cache
warm (as after the first request since the last publish); `first_after_publish` times the
request that builds the week after a new content generation. The query counts must be the same
at every size. Sizes: WHATS_ON_BENCH_HUBS="20,200".

With ELASTICSEARCH_URL, the topic page is also timed on Elasticsearch at the largest size.
Run it with REDIS_URL set, as production keeps the shared content in Redis: without it, Django's
memory cache keeps 300 entries, and at this size the schedules of the services alone push the
timetable's days out before the next request reads them."""

import os
import random
import re
import time as clock
from datetime import time, timedelta

from django.test import Client
from django.utils import timezone

from demo import site as site_content
from demo.events import ensure_whats_on_page
from demo.hubs import ensure_index
from demo.postcodes import ensure_demo_postcodes
from demo.services import ensure_index as ensure_service_index
from demo.topics import TOPICS, build_topic
from demo.topics import ensure_index as ensure_topic_index
from directory import geo
from directory import opening_hours as hours
from directory.models import (
    FamilyHubPage,
    HubDateException,
    HubEvent,
    HubSession,
    ServicePage,
    ServiceSession,
    TaxonomyTerm,
)
from tests.benchmarks.bench_search import elasticsearch_for_benchmark, rebuild
from tests.benchmarks.bench_services import bulk_create_services
from tests.benchmarks.harness import Report, get_ok, time_calls
from website import generations
from website.bulk_loads import bulk_load

SERVICES_PER_HUB = 5
SESSIONS_PER_SERVICE = 5
SERVICES_PER_HUB_WITHOUT_SESSIONS = 95
TOPIC_SLUG = "babies-and-toddlers"


def add_hubs(index, services_index, count: int, today) -> None:
    start = FamilyHubPage.objects.count()
    stay_and_play = TaxonomyTerm.objects.get(code="stay-and-play")
    for number in range(start, start + count):
        hub = FamilyHubPage(
            title=f"Benchmark Hub {number:03d}",
            slug=f"benchmark-hub-{number:03d}",
            address_line_1=f"{number} High Street",
            town="Wulfrun",
            postcode="WV1 1SH",
            location=geo.format_point(52.58 + number / 10000, -2.12 - number / 10000),
        )
        hub.opening_sessions = [
            HubSession(weekday=day, opens=time(9), closes=time(17)) for day in range(6)
        ]
        hub.opening_exceptions = [
            HubDateException(start_date=today + timedelta(days=17), reason="Christmas")
        ]
        hub.events = [
            HubEvent(
                title="Fun day",
                date=today + timedelta(days=number % 28),
                starts=time(10),
                ends=time(14),
            )
        ]
        index.add_child(instance=hub)
        hub.save_revision().publish()
        for service_number in range(SERVICES_PER_HUB):
            service = ServicePage(
                title=f"Group {service_number} at hub {number:03d}",
                slug=f"group-{service_number}-hub-{number:03d}",
                minimum_age=0,
                maximum_age=service_number * 4,
                live=True,
            )
            # Parental relations: saved with the page.
            service.hubs = [hub]
            service.categories = [stay_and_play]
            services_index.add_child(instance=service)
            ServiceSession.objects.bulk_create(
                ServiceSession(
                    page=service,
                    weekday=session % 6,
                    opens=time(9 + session),
                    closes=time(10 + session),
                    hub=hub,
                    sort_order=session,
                )
                for session in range(SESSIONS_PER_SERVICE)
            )


def add_topic(home) -> str:
    index = ensure_topic_index(home)
    spec = next(topic for topic in TOPICS if topic.slug == TOPIC_SLUG)
    topic = build_topic(spec)
    index.add_child(instance=topic)
    topic.save_revision().publish()
    return topic.url


def first_after_publish(client, url: str, runs: int = 5) -> dict:
    """The request that builds what it shows afresh: after a new content generation."""
    samples = []
    for _ in range(runs):
        generations.advance()
        started = clock.perf_counter()
        get_ok(client, url)()
        samples.append((clock.perf_counter() - started) * 1000)
    ordered = sorted(samples)
    return {
        "runs": runs,
        "median_ms": round(ordered[runs // 2], 2),
        "max_ms": round(ordered[-1], 2),
    }


def shown_count(client, url: str) -> str:
    """What the page says it shows: a check that the timetable does real work."""
    html = client.get(url).content.decode()
    found = re.search(r'role="status">([^<]*)<', html)
    return " ".join(found.group(1).split()) if found else ""


def run() -> None:
    report = Report("whats_on")
    site = site_content.load()
    home = site.root_page.specific
    index = ensure_index(home)
    services_index = ensure_service_index(home)
    page = ensure_whats_on_page(home)
    topic_url = add_topic(home)
    ensure_demo_postcodes()
    rng = random.Random(23)
    client = Client()
    today = timezone.localdate(timezone=hours.LONDON)
    tomorrow = (today + timedelta(days=1)).isoformat()
    sizes = [int(size) for size in os.environ.get("WHATS_ON_BENCH_HUBS", "20,200").split(",")]
    for target in sizes:
        with bulk_load():
            add_hubs(index, services_index, target - FamilyHubPage.objects.count(), today)
            without = target * SERVICES_PER_HUB_WITHOUT_SESSIONS - (
                ServicePage.objects.count()
                - ServiceSession.objects.values("page").distinct().count()
            )
            if without > 0:
                bulk_create_services(services_index, without, rng)
        sessions = ServiceSession.objects.count()
        services = ServicePage.objects.count()
        hub = FamilyHubPage.objects.order_by("title").first()
        prefix = f"{target}_hubs_{services}_services_{sessions}_weekly_sessions"
        # Enough that the 95th percentile is not the second-slowest run.
        runs = 60
        week_url = page.url
        filtered_url = f"{page.url}?date={tomorrow}&age=3&category=early-years-and-childcare"
        later_url = f"{page.url}?from={(today + timedelta(days=7)).isoformat()}&page=5"
        report.add(f"whats_on_week_shows_{prefix}", shown_count(client, week_url))
        report.add(f"whats_on_filtered_shows_{prefix}", shown_count(client, filtered_url))
        for name, url in [
            ("whats_on_week", week_url),
            ("whats_on_filtered_day", filtered_url),
            ("whats_on_later_week_page_5", later_url),
            ("hub_feed", f"{page.url}calendar/?hub={hub.slug}"),
            ("topic_page_sessions_this_week", topic_url),
            ("topic_page_near_a_postcode", f"{topic_url}?postcode=WV1+1SH"),
            ("hub_page", hub.url),
        ]:
            report.add(f"{name}_{prefix}", time_calls(get_ok(client, url), runs=runs).summary())
        report.add(
            f"whats_on_week_first_after_publish_{prefix}", first_after_publish(client, week_url)
        )
    report.write()
    url = os.environ.get("ELASTICSEARCH_URL")
    if not url:
        print("  (set ELASTICSEARCH_URL for the topic page's figures on Elasticsearch)")
        return
    # Production's engine: the topic page's services from Elasticsearch, at the largest size.
    with elasticsearch_for_benchmark(url):
        report.add(f"elasticsearch_rebuild_{prefix}", rebuild("default"))
        for name, topic_page in [
            ("topic_page", topic_url),
            ("topic_page_near_a_postcode", f"{topic_url}?postcode=WV1+1SH"),
        ]:
            if b"less complete" in client.get(topic_page).content:
                raise RuntimeError("the topic page fell back to the database")
            report.add(
                f"elasticsearch_{name}_{prefix}",
                time_calls(get_ok(client, topic_page), runs=60).summary(),
            )
    report.write()
