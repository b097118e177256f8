"""`manage.py import_oruk`: the standard's examples, idempotency, rejection reasons, malformed
files, drafts or --publish, a real HTTP feed, and a round trip through our own API."""

import json
from io import StringIO
from pathlib import Path

from django.core.management import CommandError, call_command

import pytest

from directory.models import (
    FamilyHubPage,
    Organisation,
    ServiceLocation,
    ServicePage,
    Taxonomy,
    TaxonomyTerm,
)
from directory.oruk import importer
from tests.directory.oruk_fixtures import build_directory
from tests.directory.oruk_schemas import assert_valid
from tests.directory.service_factories import add_postcode, service_index

EXAMPLES = Path(__file__).resolve().parent / "oruk_examples"
EXAMPLE_ORDER = [
    "organization_full.json",
    "organization_list.json",
    "taxonomy.json",
    "taxonomy_list.json",
    "taxonomy_term.json",
    "taxonomy_term_list.json",
    "service_list.json",
    "service_full.json",
    "service_at_location_list.json",
    "service_at_location_full.json",
]
EXAMPLE_SERVICE = "ac148810-d857-441c-9679-408f346de14b"
SERVICE_ID = "6f1c1f0e-64c0-4b58-9a43-3c1f1e9f8a01"


@pytest.fixture
def index(home_page):
    return service_index(home_page)


def run(source, *args) -> list[str]:
    out = StringIO()
    call_command("import_oruk", str(source), *args, stdout=out)
    return out.getvalue().splitlines()


def write(tmp_path, data, name="feed.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data))
    return path


def a_service(**fields) -> dict:
    return {
        "id": SERVICE_ID,
        "name": "Stay and play",
        "status": "active",
        "description": "Play sessions for under fives.\n\nCome along.",
        "minimum_age": 0,
        "maximum_age": 5,
        "organization": {
            "id": "0b7d4f7e-2a55-4f0e-9a37-1c2b3d4e5f60",
            "name": "Wulfrun Play",
            "description": "Play for all.",
        },
        "service_at_locations": [
            {
                "id": "7d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a",
                "location": {
                    "id": "3c4d5e6f-7a8b-4c0d-9e2f-3a4b5c6d7e8f",
                    "location_type": "physical",
                    "name": "Bilston Library",
                    "addresses": [
                        {
                            "id": "8e9f0a1b-2c3d-4e5f-8a7b-8c9d0e1f2a3b",
                            "address_1": "Mount Pleasant",
                            "city": "Bilston",
                            "state_province": "",
                            "postal_code": "wv14 7lu",
                            "country": "GB",
                            "address_type": "physical",
                        }
                    ],
                },
            }
        ],
        "schedules": [
            {
                "id": "9f0a1b2c-3d4e-4f5a-9b8c-9d0e1f2a3b4c",
                "freq": "WEEKLY",
                "byday": "MO,WE",
                "opens_at": "10:00:00",
                "closes_at": "11:30:00",
            }
        ],
        "contacts": [{"id": "4d5e6f7a-8b9c-4d1e-8f3a-4b5c6d7e8f90", "name": "Sam Jones"}],
        **fields,
    }


def test_the_standards_examples(index):
    lines = []
    for name in EXAMPLE_ORDER:
        lines += run(EXAMPLES / name)
    organisation = Organisation.objects.get(oruk_id="d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610")
    assert organisation.name == "Example Organization Inc."
    assert organisation.website == "http://example.com"
    taxonomy = Taxonomy.objects.get(oruk_id="5c4d79d7-cc55-470e-9f1f-8cad074e4892")
    term = TaxonomyTerm.objects.get(oruk_id="3f7b145d-84af-42d7-8fae-eaca714b02b2")
    assert (term.taxonomy, term.parent, term.code) == (taxonomy, None, "name")
    service = ServicePage.objects.get(oruk_id=EXAMPLE_SERVICE)
    assert service.live is False  # a draft for review
    assert (service.title, service.minimum_age, service.maximum_age) == (
        "Community Counselling",
        12,
        100,
    )
    assert service.organisation == organisation
    assert service.get_parent().specific == index
    assert "Organisation records: 1 created, 0 updated, 0 unchanged, 0 rejected" in lines
    assert "Service records: 1 created, 0 updated, 0 unchanged, 0 rejected" in lines
    # The full example's civic centre has an American address (and latitude 100).
    assert "  - service_at_locations/0/location/addresses: 'ABC 1234' is not a UK postcode" in lines
    # The service-at-location examples have no address, so no UK postcode.
    assert "  - service_at_locations/0/location/addresses: '' is not a UK postcode" in lines
    assert any("is imported as a top-level category" in line for line in lines)


def test_a_second_run_changes_nothing(index, tmp_path):
    add_postcode("WV14 7LU", 52.566, -2.073)
    source = write(tmp_path, [a_service()])
    first = run(source)
    assert "Service records: 1 created, 0 updated, 0 unchanged, 0 rejected" in first
    service = ServicePage.objects.get(oruk_id=SERVICE_ID)
    revisions = service.revisions.count()
    second = run(source)
    assert "Service records: 0 created, 0 updated, 1 unchanged, 0 rejected" in second
    assert "Organisation records: 0 created, 0 updated, 1 unchanged, 0 rejected" in second
    assert service.revisions.count() == revisions
    draft = service.get_latest_revision_as_object()
    assert [(s.weekday, str(s.opens)) for s in draft.opening_sessions.all()] == [
        (0, "10:00:00"),
        (2, "10:00:00"),
    ]
    [place] = draft.locations.all()
    assert (place.postcode, place.latitude) == ("WV14 7LU", 52.566)  # from the postcode store
    assert draft.summary == "Play sessions for under fives."
    assert draft.description == "<p>Play sessions for under fives.</p><p>Come along.</p>"

    changed = write(tmp_path, [a_service(maximum_age=4)])
    assert "Service records: 0 created, 1 updated, 0 unchanged, 0 rejected" in run(changed)
    assert (
        ServicePage.objects.get(oruk_id=SERVICE_ID).get_latest_revision_as_object().maximum_age == 4
    )


def test_publish(index, tmp_path):
    add_postcode("WV14 7LU", 52.566, -2.073)
    source = write(tmp_path, a_service())
    run(source)
    assert ServicePage.objects.get(oruk_id=SERVICE_ID).live is False
    assert "Service records: 0 created, 1 updated, 0 unchanged, 0 rejected" in run(
        source, "--publish"
    )
    service = ServicePage.objects.get(oruk_id=SERVICE_ID)
    assert service.live and not service.has_unpublished_changes
    assert service.locations.get().name == "Bilston Library"
    assert "Service records: 0 created, 0 updated, 1 unchanged, 0 rejected" in run(
        source, "--publish"
    )
    # A later import without --publish leaves the live page alone, as a draft to review.
    run(write(tmp_path, a_service(name="Stay and play (new)")))
    service.refresh_from_db()
    assert service.title == "Stay and play"
    assert service.has_unpublished_changes


def test_rejections_say_why_and_the_rest_still_load(index, tmp_path):
    add_postcode("WV14 7LU", 52.566, -2.073)
    bad_place = a_service(id="11111111-1111-4111-8111-111111111111", name="Nowhere")
    bad_place["service_at_locations"][0]["location"]["addresses"][0]["postal_code"] = "ZZ"
    lines = run(
        write(
            tmp_path,
            {
                "contents": [
                    a_service(),
                    {"id": "not-a-uuid", "name": "Broken", "status": "open"},
                    a_service(id="22222222-2222-4222-8222-222222222222", minimum_age=-1),
                    bad_place,
                    {"something": "else"},
                ]
            },
        )
    )
    assert "Service records: 1 created, 0 updated, 0 unchanged, 3 rejected" in lines
    assert "Rejected service not-a-uuid (Broken):" in lines
    assert "  - id: 'not-a-uuid' is not a 'uuid'" in lines
    assert any(line.startswith("  - status: 'open' is not one of") for line in lines)
    assert "  - minimum_age: -1 is not an age from 0 to 130" in lines
    assert "  - service_at_locations/0/location/addresses: 'ZZ' is not a UK postcode" in lines
    assert "  - not an ORUK service, organization, taxonomy or taxonomy term" in lines
    assert list(ServicePage.objects.values_list("title", flat=True)) == ["Stay and play"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "feed.json is not valid JSON (line 1, column 2"),
        ("42", "expected an ORUK object, a list of them, or a page with 'contents'"),
        ('[{"id": 1}, 2]', "expected an ORUK object, a list of them"),
    ],
)
def test_a_malformed_file_changes_nothing(index, tmp_path, content, message):
    path = tmp_path / "feed.json"
    path.write_text(content)
    with pytest.raises(CommandError) as raised:
        run(path)
    assert message in str(raised.value)
    assert str(raised.value).endswith("Nothing was changed.")
    assert not ServicePage.objects.exists()


def test_a_missing_file(db, tmp_path):
    with pytest.raises(CommandError, match=r"there is no file at .*nothing\.json"):
        run(tmp_path / "nothing.json")


def test_services_need_the_service_index(site, tmp_path):
    lines = run(write(tmp_path, {**a_service(), "service_at_locations": []}))
    assert "  - there is no service index page to put services under: create it first" in lines


def export(client) -> list[dict]:
    """Our whole API, as a consumer reads it: each page of /services, then each service."""
    found, page = [], 1
    while True:
        listing = client.get("/api/openreferral/v3/services", {"page": page}).json()
        for item in listing["contents"]:
            one = client.get(f"/api/openreferral/v3/services/{item['id']}").json()
            assert_valid(one, "service.json")
            found.append(one)
        if listing["last_page"]:
            return found
        page += 1


def comparable(services: list[dict]) -> list[dict]:
    """What must differ between two sites: when each record was last saved."""
    return [{k: v for k, v in service.items() if k != "last_modified"} for service in services]


def test_round_trip_through_an_empty_site(client, home_page, tmp_path):
    build_directory(home_page)
    before = export(client)
    assert len(before) == 3
    feed = write(tmp_path, before)
    # Empty the site: no services, hubs or organisations (categories are seeded by migration).
    for page in [*ServicePage.objects.all(), *FamilyHubPage.objects.all()]:
        page.delete()
    Organisation.objects.all().delete()
    assert export(client) == []

    lines = run(feed, "--publish")
    assert "Service records: 3 created, 0 updated, 0 unchanged, 0 rejected" in lines
    after = export(client)
    assert comparable(after) == comparable(before)
    # The hub the speech group met at is now a place of its own, with the hub's id.
    assert ServiceLocation.objects.filter(name="Central Hub").exists()
    assert "Service records: 0 created, 0 updated, 3 unchanged, 0 rejected" in run(
        feed, "--publish"
    )


@pytest.mark.django_db(transaction=True)
def test_a_feed_over_http(live_server, home_page, monkeypatch):
    """The URL mode against a real HTTP server (ours): it walks the pages of /services and
    fetches each service; everything is already here, so all is unchanged."""
    build_directory(home_page)
    monkeypatch.setattr(importer, "PER_PAGE", 2)  # three services: two pages
    lines = run(f"{live_server.url}/api/openreferral/v3/")
    assert "Service records: 0 created, 0 updated, 3 unchanged, 0 rejected" in lines
    with pytest.raises(CommandError, match=r"answered HTTP 404\. Nothing was changed\."):
        run(f"{live_server.url}/api/openreferral/v3/services/{SERVICE_ID}")


def test_an_unreachable_feed(db):
    with pytest.raises(CommandError, match=r"could not fetch .* \(ConnectionError\)"):
        run("http://127.0.0.1:9/api/openreferral/v3/")
