"""Family hubs: hub page and hub index render time and SQL queries, with 10 and 200 hubs.

Each hub has a lunch-break schedule (10 weekly sessions), a Christmas closure and a training
day, so the opening-hours work is realistic. Target: hub page median under 30 ms on PostgreSQL;
the index's query count must not grow with the number of hubs.

It also says where a hub page's time goes at the origin (a request Varnish did not answer):
Wagtail's own site lookup, routing and view-restriction check, the page's context, and the rest
(template, middleware). Wagtail's share is the part we chose not to copy (docs/architecture.md)."""

from datetime import date, time

from django.test import Client, RequestFactory

from wagtail.models import Site

from demo import site as site_content
from demo.hubs import ensure_index
from directory import geo
from directory.models import FamilyHubPage, HubDateException, HubSession
from tests.benchmarks.harness import Report, get_ok, time_calls


def add_hubs(index, count: int) -> None:
    start = FamilyHubPage.objects.count()
    for number in range(start, start + count):
        hub = FamilyHubPage(
            title=f"Benchmark Hub {number:03d}",
            slug=f"benchmark-hub-{number:03d}",
            summary="Baby clinics, stay and play and SEND support.",
            address_line_1=f"{number} High Street",
            town="Wulfrun",
            postcode="WV1 1SH",
            location=geo.format_point(52.58 + number / 10000, -2.12 - number / 10000),
            phone="01902 555 0100",
        )
        hub.opening_sessions = [
            HubSession(weekday=day, opens=opens, closes=closes)
            for day in range(5)
            for opens, closes in ((time(9), time(12, 30)), (time(13, 30), time(17)))
        ]
        hub.opening_exceptions = [
            HubDateException(
                start_date=date(2026, 12, 24), end_date=date(2027, 1, 1), reason="Christmas"
            ),
            HubDateException(start_date=date(2026, 12, 3), reason="staff training"),
        ]
        index.add_child(instance=hub)
        hub.save_revision().publish()


def run() -> None:
    report = Report("hubs")
    site = site_content.load()
    index = ensure_index(site.root_page.specific)
    client = Client()
    for target in (10, 200):
        add_hubs(index, target - FamilyHubPage.objects.count())
        hub = FamilyHubPage.objects.order_by("title").first()
        report.add(f"hub_page_with_{target}_hubs", time_calls(get_ok(client, hub.url)).summary())
        report.add(
            f"hub_index_with_{target}_hubs",
            time_calls(get_ok(client, index.url), runs=20).summary(),
        )
        report.add(
            f"hubs_api_with_{target}_hubs",
            time_calls(get_ok(client, "/api/v1/hubs/"), runs=20).summary(),
        )
    report.add("hub_page_phases", hub_page_phases(hub))
    report.write()


def hub_page_phases(hub: FamilyHubPage) -> dict:
    """Median milliseconds of each step Wagtail takes to serve `hub`, each timed on its own
    with a fresh request, beside the whole page through the test client."""
    requests = RequestFactory()
    components = [part for part in hub.url.split("/") if part]

    def fresh_request():
        return requests.get(hub.url)

    def route():
        request = fresh_request()
        Site.find_for_request(request).root_page.specific.route(request, components)

    def median(call) -> float:
        return time_calls(call).summary()["median_ms"]

    phases = {
        "site_lookup_ms": median(lambda: Site.find_for_request(fresh_request())),
        "site_lookup_and_routing_ms": median(route),
        "view_restrictions_ms": median(hub.get_view_restrictions),
        "context_ms": median(lambda: hub.get_context(fresh_request())),
        "whole_page_ms": median(get_ok(Client(), hub.url)),
    }
    phases["template_and_middleware_ms"] = round(
        phases["whole_page_ms"]
        - phases["site_lookup_and_routing_ms"]
        - phases["view_restrictions_ms"]
        - phases["context_ms"],
        2,
    )
    return phases
