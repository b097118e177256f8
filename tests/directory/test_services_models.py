"""The services data model: the seeded taxonomy, delivery places, ORUK ids, staleness."""

import uuid
from datetime import date

from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from directory.models import (
    FamilyHubPage,
    ServicePage,
    Taxonomy,
    TaxonomyTerm,
    service_at_location_id,
    stale_before,
    term_oruk_id,
)
from directory.models.services import HARBOUR_TAXONOMY_ORUK_ID
from tests.directory.factories import hub_index, make_hub
from tests.directory.service_factories import add_postcode, make_service, service_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return service_index(home_page)


def test_the_family_services_vocabulary_is_seeded_with_stable_ids():
    taxonomy = Taxonomy.objects.get(oruk_id=HARBOUR_TAXONOMY_ORUK_ID)
    assert taxonomy.name == "Harbour family services"
    top = list(TaxonomyTerm.objects.filter(parent=None).values_list("code", flat=True))
    for code in ["parenting", "infant-feeding", "send", "speech-and-language", "youth"]:
        assert code in top
    speech = TaxonomyTerm.objects.get(code="speech-and-language-therapy")
    assert speech.parent.code == "speech-and-language"
    assert speech.oruk_id == term_oruk_id("speech-and-language-therapy")
    assert str(speech) == "Speech and language > Speech and language therapy"
    assert TaxonomyTerm.objects.count() >= 40


def test_a_new_term_gets_its_id_from_its_code():
    term = TaxonomyTerm.objects.create(
        taxonomy=Taxonomy.objects.get(), code="swimming", name="Swimming"
    )
    assert term.oruk_id == uuid.uuid5(
        uuid.uuid5(uuid.NAMESPACE_URL, "https://harbour.example/oruk/taxonomy/"), "swimming"
    )


def test_delivery_places_are_hubs_then_own_locations_geocoded_from_the_postcode(home_page, index):
    add_postcode("WV10 9AA", 52.62, -2.11)
    hubs = hub_index(home_page)
    bilston = make_hub(hubs, "Bilston Family Hub", point=(52.565, -2.073))
    service = make_service(
        index,
        "Baby massage",
        hubs=[bilston],
        locations=[
            {
                "name": "Low Hill Library",
                "address_line_1": "1 Showell Road",
                "town": "Wulfrun",
                "postcode": "WV10 9AA",
            },
            {
                "name": "Nowhere Hall",
                "address_line_1": "2 Lost Lane",
                "town": "Wulfrun",
                "postcode": "ZZ99 9ZZ",
            },
        ],
        categories=["parenting"],
    )
    places = service.delivery_places()
    assert [place.name for place in places] == [
        "Bilston Family Hub",
        "Low Hill Library",
        "Nowhere Hall",
    ]
    hub_place, library, nowhere = places
    assert hub_place.oruk_id == bilston.oruk_id and hub_place.hub == bilston
    assert (library.latitude, library.longitude) == (52.62, -2.11)
    assert library.address == "1 Showell Road, Wulfrun"
    assert not nowhere.has_location
    assert service.delivery_points() == [(52.565, -2.073), (52.62, -2.11)]
    assert tuple(library)[:5] == (
        library.oruk_id,
        "Low Hill Library",
        "1 Showell Road, Wulfrun",
        52.62,
        -2.11,
    )
    assert service_at_location_id(service.oruk_id, library.oruk_id) == service_at_location_id(
        service.oruk_id, library.oruk_id
    )


def test_listings_load_places_and_schedules_in_bulk_as_the_pages_would(home_page, index):
    hubs = hub_index(home_page)
    ettingshall = make_hub(hubs, "Ettingshall Family Hub", point=(52.57, -2.10))
    bilston = make_hub(hubs, "Bilston Family Hub", point=(52.565, -2.073))
    closed = make_hub(hubs, "Closed Family Hub", point=(52.6, -2.1))
    closed.unpublish()
    place = {"name": "Hall", "address_line_1": "1 Road", "town": "Wulfrun", "postcode": "WV1 1SH"}
    services = [
        make_service(
            index,
            "Stay and play",
            hubs=[ettingshall, bilston, closed],
            locations=[place],
            sessions=[(0, "09:00", "12:00"), (2, "13:00", "15:00")],
        ),
        make_service(index, "Online group", online=True),
        make_service(index, "Baby massage", hubs=[bilston], sessions=[(4, "10:00", "11:00")]),
    ]
    expected = {
        service.pk: (service.delivery_places(), service.get_schedule())
        for service in ServicePage.objects.filter(pk__in=[s.pk for s in services])
    }
    assert [p.name for p in expected[services[0].pk][0]] == [
        "Bilston Family Hub",
        "Ettingshall Family Hub",
        "Hall",
    ]

    fresh = list(ServicePage.objects.filter(pk__in=expected))
    with CaptureQueriesContext(connection) as captured:
        ServicePage.load_delivery_places(fresh)
        ServicePage.load_schedules(fresh)
    assert len(captured) == 5  # hub links, hubs, own places; sessions, exceptions
    with CaptureQueriesContext(connection) as captured:
        loaded = {
            service.pk: (service.delivery_places(), service.get_schedule()) for service in fresh
        }
    assert len(captured) == 0
    assert loaded == expected


def test_hubs_have_distinct_oruk_ids(home_page):
    hubs = hub_index(home_page)
    one = make_hub(hubs, "One Hub")
    two = make_hub(hubs, "Two Hub")
    assert one.oruk_id != two.oruk_id
    assert FamilyHubPage.objects.filter(oruk_id=one.oruk_id).count() == 1


def test_a_copied_service_gets_new_oruk_ids(index):
    add_postcode("WV10 9AA", 52.62, -2.11)
    service = make_service(
        index,
        "Stay and play",
        locations=[
            {
                "name": "Library",
                "address_line_1": "1 Road",
                "town": "Wulfrun",
                "postcode": "WV10 9AA",
            }
        ],
    )
    copy = service.copy(update_attrs={"slug": "stay-and-play-2", "title": "Stay and play 2"})
    copy = ServicePage.objects.get(pk=copy.pk)
    assert copy.oruk_id != service.oruk_id
    assert copy.locations.get().oruk_id != service.locations.get().oruk_id


def test_clean_checks_ages_costs_and_languages(index):
    service = ServicePage(
        title="x", minimum_age=5, maximum_age=2, is_free=True, cost_amount=3, languages="en, xx"
    )
    with pytest.raises(ValidationError) as raised:
        service.clean()
    assert set(raised.value.message_dict) == {"maximum_age", "cost_amount", "languages"}
    service = ServicePage(title="x", slug="x", languages="EN,pl , pa")
    service.clean()
    assert service.languages == "en, pl, pa"
    assert service.language_names == ["English", "Polish", "Punjabi"]


@pytest.mark.parametrize(
    ("today", "months", "expected"),
    [
        (date(2026, 11, 26), 12, date(2025, 11, 26)),
        (date(2026, 3, 31), 1, date(2026, 2, 28)),
        (date(2026, 1, 15), 6, date(2025, 7, 15)),
    ],
)
def test_stale_before(settings, today, months, expected):
    settings.SERVICE_REVIEW_MONTHS = months
    assert stale_before(today) == expected
