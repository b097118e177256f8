"""Site search with 20,000 pages: query times through Django's test client and full rebuild
throughput, on the database backend and (with ELASTICSEARCH_URL) on Elasticsearch.

Pages are generated from a family-hub vocabulary (titles, summaries and two paragraphs each),
added with plain INSERTs (tests/bulk_pages.py), then indexed by `update_index`: the rebuild
figure is pages per second for that full rebuild (PostgreSQL is then ANALYZEd, as autovacuum
would soon do). The vocabulary is small, so common words match about half the pages: harder on
the database backend than a real council's site. Each query is timed after warming up; the
median and 95th percentile are over every request of every query."""

import os
import random
import statistics
import time
import uuid

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
ACTIVITIES = [
    "Baby massage",
    "Stay and play",
    "Speech and language drop-in",
    "Breastfeeding support",
    "Infant feeding clinic",
    "Parenting course",
    "Toddler music",
    "Health visitor clinic",
    "Money advice",
    "Housing help",
    "Youth club",
    "SEND coffee morning",
    "Dads' group",
    "Antenatal class",
    "Sleep clinic",
    "Story time",
    "Messy play",
    "Family learning",
    "Relationship support",
    "Young carers group",
    "Childcare and nursery places",
    "Special educational needs advice",
    "Mental health support for parents",
    "Holiday activities",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
SENTENCES = [
    "Sessions are free and you do not need to book.",
    "Bring your baby, a blanket and a bottle of water.",
    "Our trained staff and volunteers will make you welcome.",
    "Ask your health visitor if you are not sure which group suits your child.",
    "There is step-free access, a changing room and space for buggies.",
    "Grandparents, carers and dads are welcome too.",
    "We can help with forms for childcare funding and benefits.",
    "Children with special educational needs and disabilities are very welcome.",
    "The session is led by a speech and language therapist.",
    "You can drop in at any time during the session.",
    "Tea, coffee and fruit for the children are provided.",
    "Places are limited, so please arrive in good time.",
    "Interpreters can be arranged if you ask us a week before.",
    "Follow the signs from the main entrance of the family hub.",
]


def generated_pages(count: int, rng: random.Random):
    for number in range(count):
        activity, place, day = rng.choice(ACTIVITIES), rng.choice(PLACES), rng.choice(DAYS)
        title = f"{activity} in {place} ({day}s) {number}"
        paragraphs = [" ".join(rng.sample(SENTENCES, 4)), " ".join(rng.sample(SENTENCES, 3))]
        yield {
            "title": title,
            "slug": f"{slugify(activity)}-{number}",
            "summary": f"{activity} at {place} family hub every {day}. {rng.choice(SENTENCES)}",
            "body": [
                ("heading", {"text": f"About {activity.lower()}", "level": "h2"}),
                ("paragraph", "".join(f"<p>{text}</p>" for text in paragraphs)),
            ],
        }


def time_queries(client, path: str, queries: list[str]) -> dict:
    samples = []
    for query in queries:
        for _ in range(3):  # warm up
            client.get(path, {"q": query})
        for _ in range(RUNS_PER_QUERY):
            started = time.perf_counter()
            response = client.get(path, {"q": query})
            samples.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise RuntimeError(f"{path}?q={query} answered {response.status_code}")
    ordered = sorted(samples)
    return {
        "requests": len(ordered),
        "median_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(ordered[max(0, round(0.95 * len(ordered)) - 1)], 2),
        "max_ms": round(ordered[-1], 2),
    }


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

    from search.engines import reset_fallback_state
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
        report.add("elasticsearch_rebuild", rebuild("default"))
        check_degraded(client)
        report.add("elasticsearch_search", time_queries(client, "/search/", QUERIES))
        report.add(
            "elasticsearch_autocomplete",
            time_queries(client, "/search/suggest/", AUTOCOMPLETE_QUERIES),
        )
        check_degraded(client)
    finally:
        from search.engines import elasticsearch_backend

        es = elasticsearch_backend().es
        for name in es.indices.get(index=f"{prefix}*", expand_wildcards="all"):
            es.indices.delete(index=name)
    report.write()
