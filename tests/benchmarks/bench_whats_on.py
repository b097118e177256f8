"""What's on: /whats-on/ (four weeks, one day, one hub), a hub's calendar feed and a hub page
with its week, render time and SQL queries as hubs, services and sessions grow.

Each hub hosts SERVICES_PER_HUB services, each with SESSIONS_PER_SERVICE weekly sessions there
(200 hubs: 5,000 sessions a week), a Christmas closure on every hub, and one one-off event.
The query counts must be the same at every size. Sizes: WHATS_ON_BENCH_HUBS="20,200"."""

import os
from datetime import time, timedelta

from django.test import Client
from django.utils import timezone

from demo import site as site_content
from demo.events import ensure_whats_on_page
from demo.hubs import ensure_index
from demo.services import ensure_index as ensure_service_index
from directory import geo
from directory import opening_hours as hours
from directory.models import (
    FamilyHubPage,
    HubDateException,
    HubEvent,
    HubSession,
    ServicePage,
    ServiceSession,
)
from tests.benchmarks.harness import Report, get_ok, time_calls
from website.bulk_loads import bulk_load

SERVICES_PER_HUB = 5
SESSIONS_PER_SERVICE = 5


def add_hubs(index, services_index, count: int, today) -> None:
    start = FamilyHubPage.objects.count()
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
            services_index.add_child(instance=service)
            service.hubs.add(hub)
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


def run() -> None:
    report = Report("whats_on")
    site = site_content.load()
    home = site.root_page.specific
    index = ensure_index(home)
    services_index = ensure_service_index(home)
    page = ensure_whats_on_page(home)
    client = Client()
    today = timezone.localdate(timezone=hours.LONDON)
    tomorrow = (today + timedelta(days=1)).isoformat()
    sizes = [int(size) for size in os.environ.get("WHATS_ON_BENCH_HUBS", "20,200").split(",")]
    for target in sizes:
        with bulk_load():
            add_hubs(index, services_index, target - FamilyHubPage.objects.count(), today)
        sessions = ServiceSession.objects.count()
        hub = FamilyHubPage.objects.order_by("title").first()
        prefix = f"{target}_hubs_{sessions}_weekly_sessions"
        runs = 10 if target > 50 else 20
        report.add(
            f"whats_on_4_weeks_{prefix}",
            time_calls(get_ok(client, page.url), runs=runs, warmup=2).summary(),
        )
        report.add(
            f"whats_on_one_day_{prefix}",
            time_calls(get_ok(client, f"{page.url}?date={tomorrow}"), runs=runs).summary(),
        )
        report.add(
            f"whats_on_one_hub_{prefix}",
            time_calls(get_ok(client, f"{page.url}?hub={hub.slug}"), runs=runs).summary(),
        )
        report.add(
            f"hub_feed_{prefix}",
            time_calls(get_ok(client, f"{page.url}calendar/?hub={hub.slug}"), runs=runs).summary(),
        )
        report.add(f"hub_page_{prefix}", time_calls(get_ok(client, hub.url), runs=runs).summary())
    report.write()
