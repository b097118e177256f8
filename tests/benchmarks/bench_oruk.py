"""Open Referral UK API: /api/openreferral/v3/services?per_page=100 with 3,000 live services.

Each service has an organisation (one of 20), one or two categories, a hub or a place of its
own, a contact and two weekly sessions, so the nested answers do real work. Reports the list
(one-to-one fields, as the standard's list schema has them), the same page fully nested
(`full=true`), a page deep in the list, one service, and service_at_locations near a postcode.
The query counts must not grow with the page size (related rows are prefetched)."""

import uuid
from datetime import date, time

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.test import Client
from django.utils import timezone

from wagtail.models import Page

from demo import site as site_content
from demo.hubs import ensure_index
from directory import geo
from directory.models import (
    FamilyHubPage,
    Organisation,
    PostcodeLocation,
    ServiceContact,
    ServiceIndexPage,
    ServiceLocation,
    ServicePage,
    ServiceSession,
    TaxonomyTerm,
)
from tests.benchmarks.harness import Report, get_ok, time_calls
from tests.bulk_pages import batched

SERVICES = 3000
API = "/api/openreferral/v3"


def service_index(home) -> ServiceIndexPage:
    existing = ServiceIndexPage.objects.first()
    if existing:
        return existing
    index = ServiceIndexPage(title="Find a service", slug="services")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def add_hubs(home, count: int = 10) -> list[FamilyHubPage]:
    index = ensure_index(home)
    hubs = []
    for number in range(count):
        hub = FamilyHubPage(
            title=f"Bench Hub {number:02d}",
            slug=f"bench-hub-{number:02d}",
            address_line_1=f"{number} Hub Street",
            town="Wulfrun",
            postcode="WV1 1SH",
            location=geo.format_point(52.55 + number / 100, -2.15 + number / 100),
        )
        index.add_child(instance=hub)
        hub.save_revision().publish()
        hubs.append(hub)
    return hubs


@transaction.atomic
def add_services(index: ServiceIndexPage, hubs: list[FamilyHubPage], count: int) -> None:
    """Plain INSERTs, as tests/bulk_pages.py does for standard pages: live pages without
    revisions, and their related rows."""
    organisations = Organisation.objects.bulk_create(
        [Organisation(name=f"Bench Organisation {n:02d}") for n in range(20)]
    )
    terms = list(TaxonomyTerm.objects.filter(parent__isnull=False))
    parent = Page.objects.get(pk=index.pk)
    content_type = ContentType.objects.get_for_model(ServicePage)
    depth, now = parent.depth + 1, timezone.now()
    step = (parent.get_last_child()._get_lastpos_in_path() + 1) if parent.numchild else 1
    local_fields = ServicePage._meta.local_concrete_fields
    for batch in batched(range(count), 500):
        pages = []
        for number in batch:
            slug = f"bench-service-{number:05d}"
            pages.append(
                ServicePage(
                    title=f"Bench service {number:05d}",
                    draft_title=f"Bench service {number:05d}",
                    slug=slug,
                    summary="Songs, stories and play for babies and toddlers.",
                    description="<p>Songs, stories and play.</p><p>Bring a snack.</p>",
                    organisation=organisations[number % len(organisations)],
                    minimum_age=0,
                    maximum_age=5,
                    is_free=number % 3 != 0,
                    cost_amount=None if number % 3 else 2,
                    languages="en",
                    last_reviewed=date(2026, 1, 1),
                    path=Page._get_path(parent.path, depth, step),
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
                )
            )
            step += 1
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
        ServicePage._base_manager._insert(pages, fields=local_fields, using=parent._state.db)
        ServicePage.categories.through.objects.bulk_create(
            [
                ServicePage.categories.through(
                    servicepage_id=page.pk, taxonomyterm_id=terms[(page.pk + n) % len(terms)].pk
                )
                for page in pages
                for n in range(1 + page.pk % 2)
            ],
            ignore_conflicts=True,
        )
        ServicePage.hubs.through.objects.bulk_create(
            [
                ServicePage.hubs.through(
                    servicepage_id=page.pk, familyhubpage_id=hubs[page.pk % len(hubs)].pk
                )
                for page in pages
                if page.pk % 2
            ]
        )
        ServiceLocation.objects.bulk_create(
            [
                ServiceLocation(
                    page_id=page.pk,
                    name=f"Library {page.pk}",
                    address_line_1="Library Street",
                    town="Wulfrun",
                    postcode="WV1 1SH",
                    latitude=52.5 + (page.pk % 200) / 1000,
                    longitude=-2.2 + (page.pk % 300) / 1000,
                    sort_order=0,
                )
                for page in pages
                if not page.pk % 2
            ]
        )
        ServiceContact.objects.bulk_create(
            [
                ServiceContact(page_id=page.pk, name="Duty worker", phone="01902 000000")
                for page in pages
            ]
        )
        ServiceSession.objects.bulk_create(
            [
                ServiceSession(page_id=page.pk, weekday=day, opens=time(10), closes=time(11, 30))
                for page in pages
                for day in (1, 3)
            ]
        )
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + count)


def run() -> None:
    report = Report("oruk")
    site = site_content.load()
    home = site.root_page.specific
    PostcodeLocation.objects.update_or_create(
        postcode="WV1 1SH",
        defaults={"kind": "unit", "outward": "WV1", "latitude": 52.587, "longitude": -2.1296},
    )
    index = service_index(home)
    add_services(index, add_hubs(home), SERVICES)
    report.add("services", ServicePage.objects.live().count())
    client = Client()
    one = ServicePage.objects.order_by("title").first()
    for key, url, runs in (
        ("services_per_page_100", f"{API}/services?per_page=100", 30),
        ("services_per_page_100_full", f"{API}/services?per_page=100&full=true", 20),
        ("services_per_page_10_full", f"{API}/services?per_page=10&full=true", 20),
        ("services_page_25_per_page_100", f"{API}/services?per_page=100&page=25", 30),
        ("one_service", f"{API}/services/{one.oruk_id}", 50),
        (
            "service_at_locations_near_postcode_5km",
            f"{API}/service_at_locations?postcode=WV1+1SH&proximity=5000&per_page=100",
            10,
        ),
    ):
        report.add(key, time_calls(get_ok(client, url), runs=runs, warmup=2).summary())
    report.write()
