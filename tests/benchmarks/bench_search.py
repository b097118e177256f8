"""Site search with 20,000 pages: query times through Django's test client and full rebuild
throughput, on the database backend and (with ELASTICSEARCH_URL) on Elasticsearch.

Pages are generated from a family-hub vocabulary (titles, summaries and two paragraphs each),
added with plain INSERTs (tests/bulk_pages.py), then indexed by `update_index`: the rebuild
figure is pages per second for that full rebuild (PostgreSQL is then ANALYZEd, as autovacuum
would soon do). Each page is about one of 18 activities, in one of 12 places: a service word
matches about one page in eighteen, a place one in twelve. Each query is timed after warming up; the
median and 95th percentile are over every request of every query."""

import os
import random
import statistics
import time
import uuid
from contextlib import contextmanager

from django.utils.text import slugify

from tests.benchmarks.harness import Report

PAGE_COUNT = int(os.environ.get("BENCH_SEARCH_PAGES", "20000"))
RUNS_PER_QUERY = 30
QUERIES = [
    "speech therapy",
    "breastfeeding",
    "send support bilston",
    "nursery",
    "childcare",
    "baby massage",
    "health visitor",
    "parenting course",
    "money advice",
    "youth club",
    "special educational needs",
    "stay and play wednesday",
]
AUTOCOMPLETE_QUERIES = ["spe", "breast", "nurs", "baby ma", "heal", "par"]

PLACES = [
    "Bilston",
    "Whitmore Reans",
    "Wednesfield",
    "Tettenhall",
    "Low Hill",
    "Heath Town",
    "Blakenhall",
    "Penn",
    "Ettingshall",
    "Bushbury",
    "Fallings Park",
    "Graiseley",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
# Each page is about one activity: its own words appear in its pages only, as on a real site
# (a search for "speech therapy" should not match half the site).
ACTIVITIES = {
    "Baby massage": ["Learn gentle massage strokes to soothe your baby.", "Bring a towel."],
    "Stay and play": ["Toys, songs and messy play for under-fives.", "Meet other families."],
    "Speech and language drop-in": [
        "A speech and language therapist answers questions about talking.",
        "Speech therapy advice for toddlers who are late to talk.",
    ],
    "Breastfeeding support": [
        "Peer supporters help with breastfeeding and latching.",
        "Infant feeding advice, whether you breastfeed or bottle feed.",
    ],
    "Health visitor clinic": ["Weigh your baby and talk to a health visitor.", "Red book checks."],
    "Parenting course": ["A ten-week parenting course on routines and behaviour.", "Free crèche."],
    "Toddler music": ["Rhymes, rhythm and instruments for toddlers.", "Dancing encouraged."],
    "Money advice": ["Money advice on benefits, debt and budgeting.", "Help with forms."],
    "Housing help": ["Advice if you are worried about your home or rent.", "Tenancy support."],
    "Youth club": ["A youth club for 11 to 19 year olds with games and trips.", "Free snacks."],
    "SEND coffee morning": [
        "Parents of children with SEND share advice with our SEND team.",
        "Information about special educational needs support in schools.",
    ],
    "Dads' group": ["A group for dads and male carers and their children.", "Saturday mornings."],
    "Antenatal class": [
        "Get ready for birth with a midwife-led antenatal class.",
        "Partners welcome.",
    ],
    "Sleep clinic": ["Advice on sleep routines for babies and toddlers.", "Bedtime tips."],
    "Story time": ["Picture books and rhymes for little ones.", "Library cards available."],
    "Nursery places": [
        "Find a nursery place and apply for funded childcare.",
        "Up to 30 hours of free childcare for working families.",
    ],
    "Family learning": ["Learn together: cooking, crafts and English classes.", "Certificates."],
    "Young carers group": ["Support and breaks for young carers.", "Talk to someone who gets it."],
}
GENERAL_SENTENCES = [
    "Sessions are free and you do not need to book.",
    "Our trained staff and volunteers will make you welcome.",
    "There is step-free access, a changing room and space for buggies.",
    "Grandparents and carers are welcome too.",
    "You can drop in at any time during the session.",
    "Tea, coffee and fruit for the children are provided.",
    "Places are limited, so please arrive in good time.",
    "Interpreters can be arranged if you ask us a week before.",
    "Follow the signs from the main entrance.",
    "Call us if you need to know more.",
]


def generated_pages(count: int, rng: random.Random):
    activities = list(ACTIVITIES)
    for number in range(count):
        activity, place, day = rng.choice(activities), rng.choice(PLACES), rng.choice(DAYS)
        own = ACTIVITIES[activity]
        paragraphs = [
            " ".join([*own, *rng.sample(GENERAL_SENTENCES, 2)]),
            " ".join(rng.sample(GENERAL_SENTENCES, 3)),
        ]
        yield {
            "title": f"{activity} in {place} on {day}s ({number})",
            "slug": f"{slugify(activity)}-{number}",
            "summary": f"{activity} at {place} family hub every {day}. {own[0]}",
            "body": [
                ("heading", {"text": f"About {activity.lower()}", "level": "h2"}),
                ("paragraph", "".join(f"<p>{text}</p>" for text in paragraphs)),
            ],
        }


def time_queries(client, path: str, queries: list[str]) -> dict:
    samples = []
    for query in queries:
        params = {"q": query} if query else {}
        for _ in range(3):  # warm up
            client.get(path, params)
        for _ in range(RUNS_PER_QUERY):
            started = time.perf_counter()
            response = client.get(path, params)
            samples.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise RuntimeError(f"{path}?q={query} answered {response.status_code}")
    return summarise(samples)


def time_backend_requests(queries: list[str]) -> dict:
    from django.test import RequestFactory

    from search import page_types
    from search.engines import elasticsearch_backend
    from search.site_search import searchable_pages

    backend = elasticsearch_backend()
    pages = searchable_pages(RequestFactory().get("/search/"))
    boosts = {
        page_types.model_content_type_label(model): page_types.search_boost(model)
        for model in page_types.site_search_models()
    }
    samples = []
    for query in queries:
        for run in range(3 + RUNS_PER_QUERY):
            started = time.perf_counter()
            backend.site_search(
                queryset=pages,
                text=query,
                type_keys=None,
                newest_first=False,
                offset=0,
                size=10,
                boosts=boosts,
            )
            if run >= 3:
                samples.append((time.perf_counter() - started) * 1000)
    return summarise(samples)


def summarise(samples: list[float]) -> dict:
    ordered = sorted(samples)
    return {
        "requests": len(ordered),
        "median_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(ordered[max(0, round(0.95 * len(ordered)) - 1)], 2),
        "max_ms": round(ordered[-1], 2),
    }


@contextmanager
def elasticsearch_for_benchmark(url: str):
    """Search on the Elasticsearch node at `url`, in indexes of the benchmark's own (deleted
    afterwards), kept up to date only by `rebuild`; the database search again afterwards."""
    from django.conf import settings

    from search.engines import elasticsearch_backend, reset_fallback_state

    prefix = f"harbour_bench_{uuid.uuid4().hex[:8]}_"
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [url],
            "INDEX_PREFIX": prefix,
            "ATOMIC_REBUILD": True,
            "TIMEOUT": 10,
            "AUTO_UPDATE": False,
        },
        "database": settings.DATABASE_SEARCH_BACKEND,
    }
    reset_fallback_state()
    try:
        yield
    finally:
        es = elasticsearch_backend().es
        for name in es.indices.get(index=f"{prefix}*", expand_wildcards="all"):
            es.indices.delete(index=name)
        settings.WAGTAILSEARCH_BACKENDS = {"default": settings.DATABASE_SEARCH_BACKEND}
        reset_fallback_state()


def rebuild(backend_name: str) -> dict:
    from django.core.management import call_command
    from django.db import connection

    from wagtail.models import Page

    started = time.perf_counter()
    call_command("update_index", backend_name=backend_name, verbosity=0)
    seconds = time.perf_counter() - started
    if connection.vendor == "postgresql":
        # What autovacuum does soon after a bulk change; planning the searches needs it.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    pages = Page.objects.count()
    return {
        "pages": pages,
        "seconds": round(seconds, 1),
        "pages_per_second": round(pages / seconds),
    }


def check_degraded(client) -> None:
    response = client.get("/search/", {"q": "speech therapy"})
    if b"results may be less complete" in response.content:
        raise RuntimeError("search fell back to the database: Elasticsearch did not answer")


def run() -> None:
    import io

    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from wagtail.models import Site

    from tests.bulk_pages import bulk_create_standard_pages

    report = Report("search")
    call_command("load_demo", stdout=io.StringIO())
    home = Site.objects.get(is_default_site=True).root_page
    started = time.perf_counter()
    added = bulk_create_standard_pages(home, generated_pages(PAGE_COUNT, random.Random(7)))
    report.add(
        "pages_created", {"pages": added, "seconds": round(time.perf_counter() - started, 1)}
    )
    client = Client()

    # The embedded default: Wagtail's database backend.
    settings.WAGTAILSEARCH_BACKENDS = {"default": settings.DATABASE_SEARCH_BACKEND}
    report.add("database_rebuild", rebuild("default"))
    report.add("database_search", time_queries(client, "/search/", QUERIES))
    report.add(
        "database_autocomplete", time_queries(client, "/search/suggest/", AUTOCOMPLETE_QUERIES)
    )

    url = os.environ.get("ELASTICSEARCH_URL")
    if not url:
        print("  (set ELASTICSEARCH_URL for the Elasticsearch figures)")
        report.write()
        return
    with elasticsearch_for_benchmark(url):
        report.add("elasticsearch_rebuild", rebuild("default"))
        check_degraded(client)
        # For scale: the same page without a query (the site's header, footer and navigation
        # only), and Elasticsearch's part of a search (one request, as site search makes it).
        report.add("page_without_query", time_queries(client, "/search/", [""]))
        report.add("elasticsearch_request_alone", time_backend_requests(QUERIES))
        report.add("elasticsearch_search", time_queries(client, "/search/", QUERIES))
        report.add(
            "elasticsearch_autocomplete",
            time_queries(client, "/search/suggest/", AUTOCOMPLETE_QUERIES),
        )
        check_degraded(client)
    report.write()
