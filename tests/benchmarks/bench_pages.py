"""Home and standard pages: render time and SQL queries as the site grows.

The number of queries a page makes must not grow with the number of pages on the site. We render
the home page and a standard page with 10, then 200, then 1,000 sibling pages, and report the
median and 95th percentile time through Django's test client and the queries per request."""

from django.test import Client

from demo import site as site_content
from tests.benchmarks.harness import Report, get_ok, time_calls
from website.models import StandardPage


def add_standard_pages(parent, count: int) -> None:
    existing = parent.get_children().count()
    for number in range(existing, existing + count):
        page = StandardPage(
            title=f"Benchmark page {number}",
            slug=f"benchmark-page-{number}",
            summary="A page added by the benchmark.",
            body=[("paragraph", "<p>Benchmark content.</p>")],
        )
        parent.add_child(instance=page)


def run() -> None:
    report = Report("pages")
    site = site_content.load()
    home = site.root_page.specific
    about = StandardPage.objects.get(slug="about-family-hubs")
    client = Client()
    for target in (10, 200, 1000):
        add_standard_pages(home, target - home.get_children().count())
        for label, url in (("home", "/"), ("standard_page", about.url)):
            timing = time_calls(get_ok(client, url))
            report.add(f"{label}_with_{target}_pages", timing.summary())
    report.write()
