"""The service directory with 20,000 services: keyword + postcode + two filters searches of
/services/ (category counts included) through Django's test client, on the database backend
and (with ELASTICSEARCH_URL) on Elasticsearch.

Services are added with plain INSERTs (Page and ServicePage rows, categories, hubs and own
places in bulk: a page save each would take most of an hour), then indexed by `update_index`.
Each is one of the demo's service kinds with its categories, at one to three of the ten demo
hubs and, for a third of them, a place of its own scattered around Wulfrun; ages, costs and
delivery vary. Each query is timed after warming up; the median and 95th percentile are over
every request of every query. On Elasticsearch, searches asked only once (each query with
other ages) are timed as well: a repeated search is answered from Elasticsearch's request
cache."""

import os
import random
import time
import uuid
from decimal import Decimal

from django.utils.text import slugify

from tests.benchmarks.bench_search import elasticsearch_for_benchmark, rebuild, summarise
from tests.benchmarks.harness import Report

SERVICE_COUNT = int(os.environ.get("BENCH_SERVICES", "20000"))
RUNS_PER_QUERY = int(os.environ.get("BENCH_SERVICES_RUNS", "30"))
# The database path reads every candidate's places and categories: slower, so fewer runs.
DATABASE_RUNS_PER_QUERY = int(os.environ.get("BENCH_SERVICES_DATABASE_RUNS", "5"))
# Keyword + postcode + two filters (a category and an age, or free and an age).
QUERIES = [
    {"q": "speech", "postcode": "WV14 0AA", "category": "speech-and-language", "age": "3"},
    {"q": "breastfeeding", "postcode": "WV1 1SH", "category": "infant-feeding", "free": "1"},
    {"q": "youth club", "postcode": "WV11 1AA", "category": "youth", "age": "14"},
    {"q": "parenting", "postcode": "WV6 8AA", "radius": "2", "category": "parenting", "age": "4"},
    {"q": "advice", "postcode": "WV10 9AA", "radius": "10", "free": "1", "age": "8"},
    {"q": "stay and play", "postcode": "WV4 5AA", "sort": "nearest", "free": "1", "age": "2"},
]
PLAIN_LISTING = [{}]


def bulk_create_services(index, count: int, rng: random.Random) -> int:
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone

    from wagtail.models import Page

    from demo.services import SERVICES
    from directory.models import FamilyHubPage, ServiceLocation, ServicePage, TaxonomyTerm
    from tests.bulk_pages import batched

    terms = {term.code: term.pk for term in TaxonomyTerm.objects.all()}
    hubs = list(FamilyHubPage.objects.values_list("pk", flat=True))
    content_type = ContentType.objects.get_for_model(ServicePage)
    now = timezone.now()
    local_fields = ServicePage._meta.local_concrete_fields
    categories_through = ServicePage.categories.through
    hubs_through = ServicePage.hubs.through

    with transaction.atomic():
        parent = Page.objects.get(pk=index.pk)
        last_child = parent.get_last_child()
        next_step = last_child._get_lastpos_in_path() + 1 if last_child else 1
        depth = parent.depth + 1
        added = 0
        for numbers in batched(range(count), 500):
            pages = []
            specs = []
            for number in numbers:
                spec = rng.choice(SERVICES)
                title = f"{spec.title} {number}"
                slug = f"{slugify(spec.title)}-bench-{number}"
                low, high = spec.minimum_age, spec.maximum_age
                free = spec.cost is None or rng.random() < 0.5
                page = ServicePage(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    summary=spec.summary,
                    description=f"<p>{spec.summary}</p>",
                    path=Page._get_path(parent.path, depth, next_step),
                    depth=depth,
                    numchild=0,
                    url_path=f"{parent.url_path}{slug}/",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=now,
                    last_published_at=now,
                    content_type=content_type,
                    locale_id=parent.locale_id,
                    translation_key=uuid.uuid4(),
                    oruk_id=uuid.uuid4(),
                    minimum_age=low,
                    maximum_age=high,
                    pregnancy=spec.pregnancy,
                    is_free=free,
                    cost_amount=None if free else Decimal("2.50"),
                    self_referral=spec.self_referral,
                    in_person=True,
                    online=spec.online,
                    by_phone=spec.by_phone,
                    last_reviewed=now.date(),
                )
                next_step += 1
                pages.append(page)
                specs.append(spec)
            bases = Page.objects.bulk_create(
                [
                    Page(
                        **{
                            field.attname: getattr(page, field.attname)
                            for field in Page._meta.concrete_fields
                            if field.attname != "id"
                        }
                    )
                    for page in pages
                ]
            )
            for page, base in zip(pages, bases, strict=True):
                page.page_ptr_id = page.id = base.id
            ServicePage._base_manager._insert(pages, fields=local_fields, using=index._state.db)
            categories, places, locations = [], [], []
            for page, spec in zip(pages, specs, strict=True):
                categories += [
                    categories_through(servicepage_id=page.pk, taxonomyterm_id=terms[code])
                    for code in spec.categories
                ]
                places += [
                    hubs_through(servicepage_id=page.pk, familyhubpage_id=hub)
                    for hub in rng.sample(hubs, rng.randint(1, 3))
                ]
                if rng.random() < 0.33:
                    locations.append(
                        ServiceLocation(
                            page_id=page.pk,
                            oruk_id=uuid.uuid4(),
                            name="Community room",
                            address_line_1="1 High Street",
                            town="Wulfrun",
                            postcode="WV1 1SH",
                            latitude=52.58 + rng.uniform(-0.06, 0.06),
                            longitude=-2.12 + rng.uniform(-0.09, 0.09),
                        )
                    )
            categories_through.objects.bulk_create(categories)
            hubs_through.objects.bulk_create(places)
            ServiceLocation.objects.bulk_create(locations)
            added += len(pages)
        Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + added)
    return added


def time_searches(client, queries: list[dict], runs: int = RUNS_PER_QUERY) -> dict:
    samples = []
    for params in queries:
        for _ in range(3):  # warm up
            client.get("/services/", params)
        for _ in range(runs):
            started = time.perf_counter()
            response = client.get("/services/", params)
            samples.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise RuntimeError(f"/services/ {params} answered {response.status_code}")
    return summarise(samples)


def time_new_searches(client, queries: list[dict]) -> dict:
    """Each query with every other child's age from 0 to 11, each asked once: searches that
    Elasticsearch's request cache has not seen (the services they list may have been shown
    before, as on a live site)."""
    samples = []
    for params in queries:
        for age in range(12):
            if str(age) == params.get("age"):
                continue
            started = time.perf_counter()
            response = client.get("/services/", {**params, "age": str(age)})
            samples.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise RuntimeError(f"/services/ {params} answered {response.status_code}")
    return summarise(samples)


def result_counts(client) -> dict:
    """How many services each query finds: a check that the searches do real work."""
    import re

    counts = {}
    for params in QUERIES:
        html = client.get("/services/", params).content.decode()
        found = re.search(r"(\d+) services? found", html)
        counts[params["q"]] = int(found.group(1)) if found else 0
    return counts


def check_degraded(client) -> None:
    response = client.get("/services/", QUERIES[0])
    if b"simpler way than usual" in response.content:
        raise RuntimeError("the directory fell back to the database: Elasticsearch did not answer")


def run() -> None:
    import io

    from django.core.management import call_command
    from django.test import Client

    from directory.models import ServiceIndexPage

    report = Report("services")
    call_command("load_demo", stdout=io.StringIO())
    index = ServiceIndexPage.objects.get()
    started = time.perf_counter()
    added = bulk_create_services(index, SERVICE_COUNT, random.Random(11))
    report.add(
        "services_created",
        {"services": added, "seconds": round(time.perf_counter() - started, 1)},
    )
    client = Client()

    # Elasticsearch first (the target: median under 40 ms, 95th percentile under 80 ms), then
    # the database backend beside it; the figures are written after each.
    url = os.environ.get("ELASTICSEARCH_URL")
    if url:
        with elasticsearch_for_benchmark(url):
            report.add("elasticsearch_rebuild", rebuild("default"))
            check_degraded(client)
            report.add("elasticsearch_result_counts", result_counts(client))
            report.add("listing_without_filters", time_searches(client, PLAIN_LISTING))
            report.add("elasticsearch_search", time_searches(client, QUERIES))
            report.add("elasticsearch_search_asked_once", time_new_searches(client, QUERIES))
            check_degraded(client)
        report.write()
    else:
        print("  (set ELASTICSEARCH_URL for the Elasticsearch figures)")

    report.add("database_rebuild", rebuild("default"))
    report.add("database_result_counts", result_counts(client))
    report.add("database_search", time_searches(client, QUERIES, DATABASE_RUNS_PER_QUERY))
    report.write()
