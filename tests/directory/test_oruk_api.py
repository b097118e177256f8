"""The Open Referral UK 3.0 API: every endpoint's real response validates against the
standard's schemas; paging, filters, the postcode search; bad input is a 4xx JSON answer."""

import uuid

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from directory.models import ServicePage, Taxonomy, TaxonomyTerm
from tests.directory.oruk_fixtures import CENTRE, build_directory
from tests.directory.oruk_schemas import assert_valid, assert_valid_page

API = "/api/openreferral/v3"


@pytest.fixture
def directory(home_page):
    return build_directory(home_page)


def get(client, path, **query):
    response = client.get(f"{API}{path}", query)
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Content-Type"] == "application/json"
    return response


def names(data):
    return [item.get("name") or item["service"]["name"] for item in data["contents"]]


def test_api_details(client, db):
    response = get(client, "/")
    assert response.status_code == 200
    assert_valid(response.json(), "api_details.json")
    assert response.json()["version"] == "HSDS 3.0"
    assert response.json()["openapi_url"] == "http://testserver/api/openreferral/v3/openapi.json"
    openapi = get(client, "/openapi.json")
    assert openapi.status_code == 200
    assert "/services" in openapi.json()["paths"]


def test_services_lists_only_live_public_services(client, directory):
    data = get(client, "/services").json()
    assert_valid_page(data, "service_list.json")
    assert names(data) == ["Baby swim", "Chatterbox speech group", "Online parenting course"]
    assert (data["total_items"], data["total_pages"], data["page_number"]) == (3, 1, 1)
    assert data["first_page"] and data["last_page"] and not data["empty"]
    swim = data["contents"][0]
    assert swim["organization"]["name"] == "Wulfrun Leisure"
    assert swim["url"] == "http://testserver/services/baby-swim/"


def test_full_services_nest_everything_and_stay_valid(client, directory):
    data = get(client, "/services", full="true").json()
    assert_valid_page(data, "service_list.json")
    for item in data["contents"]:
        assert_valid(item, "service.json")
    chatter = data["contents"][1]
    assert chatter["service_at_locations"][0]["location"]["name"] == "Central Hub"
    assert chatter["schedules"][0]["byday"] == "TU"
    assert chatter["contacts"][0]["name"] == "Asha Patel"


def test_one_service_in_full(client, directory):
    chatter = directory["live"][0]
    response = get(client, f"/services/{chatter.oruk_id}")
    assert response.status_code == 200
    data = response.json()
    assert_valid(data, "service.json")
    assert data["id"] == str(chatter.oruk_id)
    assert data["description"] == "Songs and games.\n\nBring a snack."
    assert data["minimum_age"] == 1 and data["maximum_age"] == 4
    assert [language["code"] for language in data["languages"]] == ["en", "pl"]
    assert data["cost_options"][0]["option"] == "Free"
    [at_hub] = data["service_at_locations"]
    assert at_hub["location"]["id"] == str(directory["hubs"][0].oruk_id)
    assert at_hub["location"]["addresses"][0]["postal_code"] == "WV1 1SH"
    assert [a["taxonomy_term"]["term"] for a in data["attributes"]] == [
        "speech-and-language",
        "in-person",
        "self-referral",
    ]
    closure = data["schedules"][1]
    assert (closure["valid_from"], closure["description"]) == ("2026-12-24", "Closed for Christmas")


def test_drafts_and_private_services_are_not_found(client, directory):
    for hidden in (directory["draft"], directory["private"]):
        response = get(client, f"/services/{hidden.oruk_id}")
        assert response.status_code == 404
        assert "No service has the id" in response.json()["error"]


def test_paging(client, directory):
    first = get(client, "/services", per_page=2).json()
    second = get(client, "/services", per_page=2, page=2).json()
    assert_valid_page(first, "service_list.json")
    assert_valid_page(second, "service_list.json")
    assert names(first) == ["Baby swim", "Chatterbox speech group"]
    assert names(second) == ["Online parenting course"]
    assert (first["total_pages"], first["first_page"], first["last_page"]) == (2, True, False)
    assert (second["first_page"], second["last_page"]) == (False, True)
    beyond = get(client, "/services", per_page=2, page=3).json()
    assert_valid_page(beyond, "service_list.json")
    assert beyond["contents"] == [] and beyond["size"] == 0


def test_filters(client, directory):
    assert names(get(client, "/services", search="SPEECH group").json()) == [
        "Chatterbox speech group"
    ]
    assert names(get(client, "/services", search="leisure").json()) == ["Baby swim"]
    term = TaxonomyTerm.objects.get(code="speech-and-language")
    assert names(get(client, "/services", taxonomy_term_id=str(term.oruk_id)).json()) == [
        "Chatterbox speech group"
    ]
    # A top-level category includes the categories under it.
    parenting = TaxonomyTerm.objects.get(code="parenting")
    assert names(get(client, "/services", taxonomy_term_id=str(parenting.oruk_id)).json()) == [
        "Baby swim",
        "Online parenting course",
    ]
    nhs = directory["organisation"]
    assert names(get(client, "/services", organization_id=str(nhs.oruk_id)).json()) == [
        "Chatterbox speech group"
    ]
    ServicePage.objects.filter(title="Baby swim").update(last_modified="2020-01-01T00:00Z")
    recent = get(client, "/services", modified_after="2021-01-01T00:00:00Z").json()
    assert "Baby swim" not in names(recent)
    assert len(recent["contents"]) == 2
    assert get(client, "/services", modified_after="2021-01-01").json()["total_items"] == 2
    unknown = get(client, "/services", taxonomy_term_id=str(uuid.uuid4())).json()
    assert_valid_page(unknown, "service_list.json")
    assert unknown["empty"] is True and unknown["total_pages"] == 0


BAD_INPUT = [
    ("/services", {"page": "0"}, 400, "page must be a whole number from 1"),
    ("/services", {"page": "abc"}, 400, "page must be a whole number from 1"),
    ("/services", {"per_page": "1000"}, 400, "per_page must be a whole number from 1 to 100"),
    ("/services", {"per_page": "-5"}, 400, "per_page must be a whole number from 1 to 100"),
    ("/services", {"taxonomy_term_id": "abc"}, 400, "taxonomy_term_id must be a UUID"),
    ("/services", {"organization_id": "1"}, 400, "organization_id must be a UUID"),
    ("/services", {"modified_after": "yesterday"}, 400, "modified_after must be a date-time"),
    ("/services", {"modified_after": "2026-13-45"}, 400, "modified_after must be a date-time"),
    ("/services", {"full": "maybe"}, 400, "full must be true or false"),
    ("/services/not-a-uuid", {}, 400, "id must be a UUID"),
    (f"/services/{uuid.uuid4()}", {}, 404, "No service has the id"),
    (f"/organizations/{uuid.uuid4()}", {}, 404, "No organization has the id"),
    ("/organizations/123", {}, 400, "id must be a UUID"),
    (f"/taxonomies/{uuid.uuid4()}", {}, 404, "No taxonomy has the id"),
    (f"/taxonomy_terms/{uuid.uuid4()}", {}, 404, "No taxonomy term has the id"),
    ("/taxonomy_terms", {"top_only": "perhaps"}, 400, "top_only must be true or false"),
    ("/taxonomy_terms", {"parent_id": "x"}, 400, "parent_id must be a UUID"),
    (f"/service_at_locations/{uuid.uuid4()}", {}, 404, "No service at location has the id"),
    ("/service_at_locations/xyz", {}, 400, "id must be a UUID"),
    ("/service_at_locations", {"postcode": "NOT A POSTCODE"}, 400, ""),
    ("/service_at_locations", {"postcode": "WV99 9ZZ"}, 404, ""),
    ("/service_at_locations", {"proximity": "1000"}, 400, "proximity needs a postcode"),
    (
        "/service_at_locations",
        {"postcode": "WV1 1SH", "proximity": "far"},
        400,
        "proximity must be a distance in metres",
    ),
    (
        "/service_at_locations",
        {"postcode": "WV1 1SH", "proximity": "-1"},
        400,
        "proximity must be a distance in metres",
    ),
]


def test_bad_input_is_a_json_4xx(client, directory):
    # One directory for every case: building it is the slow part.
    for path, query, status, message in BAD_INPUT:
        response = get(client, path, **query)
        case = f"{path} {query}"
        assert response.status_code == status, case
        assert message in response.json()["error"], case
        assert response.json()["error"], case


def test_only_get(client, db):
    response = client.post(f"{API}/services")
    assert response.status_code == 405
    assert response["Access-Control-Allow-Origin"] == "*"


def test_organizations(client, directory):
    data = get(client, "/organizations").json()
    assert_valid_page(data, "organization_list.json")
    assert names(data) == ["Wulfrun Leisure", "Wulfrun NHS Trust"]
    nhs = directory["organisation"]
    one = get(client, f"/organizations/{nhs.oruk_id}").json()
    assert_valid(one, "organization.json")
    assert one["services"] == [
        {"id": str(directory["live"][0].oruk_id), "name": "Chatterbox speech group"}
    ]
    assert names(get(client, "/organizations", search="nhs").json()) == ["Wulfrun NHS Trust"]


def test_taxonomies_and_terms(client, directory):
    data = get(client, "/taxonomies").json()
    assert_valid_page(data, "taxonomy_list.json")
    ours = Taxonomy.objects.get(name="Harbour family services")
    assert str(ours.oruk_id) in [item["id"] for item in data["contents"]]
    one = get(client, f"/taxonomies/{ours.oruk_id}").json()
    assert_valid(one, "taxonomy.json")
    assert len(one["taxonomy_terms"]) == TaxonomyTerm.objects.filter(taxonomy=ours).count()

    terms = get(client, "/taxonomy_terms", per_page=100).json()
    assert_valid_page(terms, "taxonomy_term_list.json")
    top = get(client, "/taxonomy_terms", top_only="true", per_page=100).json()
    assert top["total_items"] == TaxonomyTerm.objects.filter(parent=None).count()
    speech = TaxonomyTerm.objects.get(code="speech-and-language")
    children = get(client, "/taxonomy_terms", parent_id=str(speech.oruk_id)).json()
    assert {t["parent_id"] for t in children["contents"]} == {str(speech.oruk_id)}
    child = TaxonomyTerm.objects.filter(parent=speech).first()
    one_term = get(client, f"/taxonomy_terms/{child.oruk_id}").json()
    assert_valid(one_term, "taxonomy_term.json")
    assert (one_term["term"], one_term["parent_id"]) == (child.code, str(speech.oruk_id))
    assert one_term["taxonomy_id"] == str(ours.oruk_id)


def test_service_at_locations(client, directory):
    data = get(client, "/service_at_locations").json()
    assert_valid_page(data, "service_at_location_list.json")
    # The online course has no place; the private service's hub is not published with it.
    assert [(i["service"]["name"], i["location"]["name"]) for i in data["contents"]] == [
        ("Baby swim", "East Pool"),
        ("Chatterbox speech group", "Central Hub"),
    ]
    assert "Cache-Control" not in data
    for item in data["contents"]:
        one = get(client, f"/service_at_locations/{item['id']}").json()
        assert_valid(one, "service_at_location.json")
        assert one["id"] == item["id"]


def test_service_at_locations_near_a_postcode(client, directory):
    nearest = get(client, "/service_at_locations", postcode="wv11 1aa")
    assert "no-store" in nearest["Cache-Control"]
    data = nearest.json()
    assert_valid_page(data, "service_at_location_list.json")
    assert [i["location"]["name"] for i in data["contents"]] == ["East Pool", "Central Hub"]
    close = get(client, "/service_at_locations", postcode=CENTRE[0], proximity="1000").json()
    assert [i["location"]["name"] for i in close["contents"]] == ["Central Hub"]
    assert close["total_items"] == 1
    wide = get(client, "/service_at_locations", postcode=CENTRE[0], proximity="10000").json()
    assert wide["total_items"] == 2


def test_list_queries_do_not_grow_with_the_page(client, directory):
    get(client, "/services")  # the site's root paths are cached after the first request
    # The hubs' opening times (their closures are published with the sessions held there) are
    # kept with the shared content after the first full listing.
    get(client, "/services", per_page=100, full="true")
    with CaptureQueriesContext(connection) as small:
        get(client, "/services", per_page=1, full="true")
    with CaptureQueriesContext(connection) as large:
        get(client, "/services", per_page=100, full="true")
    assert len(large.captured_queries) == len(small.captured_queries)
    with CaptureQueriesContext(connection) as summary:
        get(client, "/services", per_page=100)
    assert len(summary.captured_queries) <= 6
    with CaptureQueriesContext(connection) as one_place:
        get(client, "/service_at_locations", per_page=1, postcode="WV1 1SH")
    with CaptureQueriesContext(connection) as all_places:
        get(client, "/service_at_locations", per_page=100, postcode="WV1 1SH")
    assert len(all_places.captured_queries) == len(one_place.captured_queries)
