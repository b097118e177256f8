"""Finding the nearest hubs from a postcode: the finder page, the JSON APIs, and the same order
on Elasticsearch and on the database."""

import logging
import math

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from bs4 import BeautifulSoup

from directory.finder import nearest_hubs
from directory.models import PostcodeLocation
from tests.directory.factories import WEEKDAYS_9_TO_5, hub_index, make_hub

pytestmark = pytest.mark.django_db
WV9_9ZZ_NOT_FOUND = (
    "We could not find WV9 9ZZ. Check the postcode, or try the first part only, like WV1"
)

# Three hubs and three postcodes, positioned for these tests.
HUBS = {
    "Central": (52.5870, -2.1296),
    "Bilston": (52.5652, -2.0736),
    "Pendeford": (52.6606, -2.1362),
}
POSTCODES = {
    "WV1 1SH": (52.587041, -2.129579),  # at Central
    "WV14 0AB": (52.565442, -2.073366),  # beside Bilston
    "WV10 8AA": (52.628301, -2.115355),  # between Central and Pendeford
}


def miles(a: tuple[float, float], b: tuple[float, float]) -> float:
    """The great-circle distance, written out again here so the test does not trust the code
    under test: haversine on a sphere of radius 3958.7613 miles."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 3958.7613 * math.asin(math.sqrt(h))


@pytest.fixture
def hubs(home_page):
    index = hub_index(home_page)
    for code, (latitude, longitude) in POSTCODES.items():
        PostcodeLocation.objects.create(
            postcode=code,
            kind="unit",
            outward=code.split()[0],
            latitude=latitude,
            longitude=longitude,
        )
    PostcodeLocation.objects.create(
        postcode="WV10", kind="district", outward="WV10", latitude=52.615, longitude=-2.115
    )
    PostcodeLocation.objects.create(
        postcode="WV2 9ZZ",
        kind="unit",
        outward="WV2",
        latitude=52.5666,
        longitude=-2.0950,
        terminated="2010-04-01",
    )
    made = {
        name: make_hub(index, f"{name} Family Hub", point=point, sessions=WEEKDAYS_9_TO_5)
        for name, point in HUBS.items()
    }
    make_hub(index, "Draft Hub", point=(52.6283, -2.1153), publish=False)
    return made


def expected_order(postcode: str) -> list[tuple[str, float]]:
    origin = POSTCODES[postcode]
    return sorted(
        ((f"{name} Family Hub", miles(origin, point)) for name, point in HUBS.items()),
        key=lambda x: x[1],
    )


@pytest.mark.parametrize("postcode", list(POSTCODES))
def test_nearest_order_and_distances_match_a_hand_computation(hubs, postcode):
    origin = PostcodeLocation.objects.get(pk=postcode)

    found = [(result.hub.title, result.distance_miles) for result in nearest_hubs(origin)]

    expected = expected_order(postcode)
    assert [name for name, _ in found] == [name for name, _ in expected]
    for (_, got), (_, want) in zip(found, expected, strict=True):
        assert got == pytest.approx(want, abs=0.01)


@pytest.mark.elasticsearch
@pytest.mark.parametrize("postcode", list(POSTCODES))
def test_elasticsearch_and_the_database_agree(hubs, postcode, settings, elasticsearch, caplog):
    origin = PostcodeLocation.objects.get(pk=postcode)
    on_elasticsearch = [(r.hub.pk, round(r.distance_miles, 2)) for r in nearest_hubs(origin)]
    assert not [r for r in caplog.records if r.name == "search"], "Elasticsearch answered"

    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
    on_database = [(r.hub.pk, round(r.distance_miles, 2)) for r in nearest_hubs(origin)]

    assert [pk for pk, _ in on_elasticsearch] == [pk for pk, _ in on_database]
    for (_, a), (_, b) in zip(on_elasticsearch, on_database, strict=True):
        assert a == pytest.approx(b, abs=0.02)


@pytest.mark.elasticsearch
def test_on_elasticsearch_a_hub_found_again_is_not_read_again_and_changes_show_at_once(
    client, hubs, elasticsearch
):
    def finder_titles() -> list[str]:
        response = client.get("/family-hubs/nearest/", {"postcode": "WV1 1SH"})
        page = BeautifulSoup(response.content, "html.parser")
        return [card.h3.get_text(strip=True) for card in page.select("ol.card-list > li")]

    def hub_reads() -> int:
        with CaptureQueriesContext(connection) as queries:
            titles = finder_titles()
        assert titles, "hubs were found"
        return sum('"directory_familyhubpage"' in query["sql"] for query in queries)

    assert hub_reads() == 1
    assert hub_reads() == 0

    central = hubs["Central"]
    central.title = "Central Family Hub (Civic Centre)"
    central.save_revision().publish()
    hubs["Bilston"].unpublish()

    assert finder_titles() == ["Central Family Hub (Civic Centre)", "Pendeford Family Hub"]


def test_finder_page_lists_hubs_nearest_first_with_the_nearest_highlighted(client, hubs):
    response = client.get("/family-hubs/nearest/", {"postcode": "wv10 8aa"})

    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    cards = page.select("ol.card-list > li")
    expected = expected_order("WV10 8AA")
    assert [card.h3.get_text(strip=True) for card in cards] == [name for name, _ in expected]
    assert [card.select_one(".card__distance").get_text(" ", strip=True) for card in cards] == [
        f"{distance:.1f} miles away" for _, distance in expected
    ]
    assert "card--highlight" in cards[0]["class"]
    assert cards[0].select_one(".tag").get_text() == "Nearest"
    assert "Nearest" not in cards[1].get_text()
    assert cards[0].select_one("[data-opening-status]").get_text(strip=True)
    directions = cards[0].select_one('a[href^="https://www.openstreetmap.org/directions"]')
    assert directions.get_text(" ", strip=True).startswith("Directions to")
    assert (
        page.select_one("h2#results-heading").get_text(strip=True) == "Family hubs nearest WV10 8AA"
    )
    assert page.find("input", attrs={"name": "postcode"})["value"] == "wv10 8aa", "as typed"
    assert "no-store" in response["Cache-Control"]


def test_finder_works_out_opening_times_only_for_the_hubs_it_shows(client, hubs, monkeypatch):
    """The finder is a view of the hub index: it must not also build the index's list of every
    hub, with their opening times, which it does not show."""
    from directory.finder import HubCard
    from directory.models import FamilyHubPage

    worked_out = []

    def counting(method):
        def counted(hub, *args, **kwargs):
            worked_out.append(hub.pk)
            return method(hub, *args, **kwargs)

        return counted

    monkeypatch.setattr(FamilyHubPage, "opening_status", counting(FamilyHubPage.opening_status))
    monkeypatch.setattr(HubCard, "opening_status", counting(HubCard.opening_status))
    response = client.get("/family-hubs/nearest/", {"postcode": "WV1 1SH"})

    cards = BeautifulSoup(response.content, "html.parser").select("ol.card-list > li")
    assert len(cards) == 3
    assert sorted(worked_out) == sorted(hub.pk for hub in hubs.values())


def test_finder_accepts_a_partial_postcode(client, hubs):
    response = client.get("/family-hubs/nearest/", {"postcode": "WV10"})

    assert response.status_code == 200
    assert "Family hubs nearest WV10" in response.content.decode()


def test_finder_resolves_a_terminated_postcode(client, hubs):
    response = client.get("/family-hubs/nearest/", {"postcode": "WV2 9ZZ"})

    assert response.status_code == 200
    assert (
        BeautifulSoup(response.content, "html.parser")
        .select_one("ol.card-list li h3")
        .get_text(strip=True)
        == "Bilston Family Hub"
    )


@pytest.mark.parametrize(
    ("postcode", "status", "message"),
    [
        ("", 400, "Enter a postcode"),
        ("not a postcode", 400, "Enter a real postcode, like WV1 1SH"),
        (
            "WV9 9ZZ",
            404,
            "We could not find WV9 9ZZ. Check the postcode, or try the first part only, like WV1",
        ),
        (
            "WV10 9ZZ",
            404,
            "We could not find WV10 9ZZ. Check the postcode, or try the first part only, like WV10",
        ),
        ("<script>alert(1)</script>", 400, "Enter a real postcode, like WV1 1SH"),
        ("x" * 1000, 400, "Enter a real postcode, like WV1 1SH"),
    ],
)
def test_finder_explains_bad_postcodes_and_keeps_what_was_typed(
    client, hubs, postcode, status, message
):
    response = client.get("/family-hubs/nearest/", {"postcode": postcode})

    assert response.status_code == status
    html = response.content.decode()
    page = BeautifulSoup(html, "html.parser")
    assert page.select_one(".error-summary a").get_text(strip=True) == message
    assert page.select_one(".error-message").get_text(" ", strip=True) == f"Error: {message}"
    assert page.title.get_text().startswith("Error: ")
    assert "<script>alert(1)</script>" not in html
    assert not page.select("ol.card-list")


def test_finder_without_a_postcode_shows_the_form(client, hubs):
    response = client.get("/family-hubs/nearest/")

    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert page.find("label", attrs={"for": "id_postcode"}).get_text() == "Postcode"
    assert not page.select(".error-summary")


def test_hub_index_and_home_page_carry_the_finder_form(client, hubs):
    for url in ("/", "/family-hubs/"):
        page = BeautifulSoup(client.get(url).content, "html.parser")
        form = page.find("form", attrs={"aria-label": "Find your nearest family hub"})
        assert form["action"] == "/family-hubs/nearest/"
        assert form["method"] == "get"
        assert form.find("input", attrs={"name": "postcode", "autocomplete": "postal-code"})


def test_typed_postcodes_are_not_stored_or_logged(client, hubs, caplog):
    from directory.models import PostcodeLocation as Store

    before = Store.objects.count()
    with caplog.at_level(logging.DEBUG):
        client.get("/family-hubs/nearest/", {"postcode": "WV14 0AB"})
        client.get("/family-hubs/nearest/", {"postcode": "WV9 9ZZ"})
        client.get("/api/v1/postcodes/WV9%209ZZ/")
        client.get("/api/v1/hubs/nearest/", {"postcode": "WV14 0AB"})

    assert Store.objects.count() == before
    logged = " ".join(record.getMessage() for record in caplog.records)
    for typed in ("WV14 0AB", "WV9 9ZZ", "WV14+0AB", "WV9%209ZZ"):
        assert typed not in logged


class TestPostcodeApi:
    def test_a_known_postcode(self, client, hubs):
        response = client.get("/api/v1/postcodes/wv11sh/")

        assert response.status_code == 200
        assert response.json() == {
            "postcode": "WV1 1SH",
            "latitude": 52.587041,
            "longitude": -2.129579,
            "terminated": False,
        }
        assert response["Access-Control-Allow-Origin"] == "*"
        assert response["Cache-Control"] == "private, no-store"

    def test_a_terminated_postcode_still_resolves(self, client, hubs):
        assert client.get("/api/v1/postcodes/WV2 9ZZ/").json()["terminated"] is True

    @pytest.mark.parametrize(
        ("path", "status", "error"),
        [
            (
                "WV9%209ZZ",
                404,
                WV9_9ZZ_NOT_FOUND,
            ),
            ("nonsense", 400, "Enter a real postcode, like WV1 1SH"),
            ("%20", 400, "Enter a postcode"),
            ("%3Cb%3E", 400, "Enter a real postcode, like WV1 1SH"),
            ("a" * 1000, 400, "Enter a real postcode, like WV1 1SH"),
            ("%F0%9F%92%A1", 400, "Enter a real postcode, like WV1 1SH"),
        ],
    )
    def test_bad_and_unknown_postcodes(self, client, hubs, path, status, error):
        response = client.get(f"/api/v1/postcodes/{path}/")

        assert response.status_code == status
        assert response.json() == {"error": error}


class TestNearestApi:
    def test_nearest_hubs_with_distances(self, client, hubs):
        response = client.get("/api/v1/hubs/nearest/", {"postcode": "WV14 0AB", "limit": "2"})

        assert response.status_code == 200
        body = response.json()
        assert (body["postcode"], body["latitude"], body["longitude"]) == (
            "WV14 0AB",
            52.565442,
            -2.073366,
        )
        expected = expected_order("WV14 0AB")[:2]
        assert [hub["name"] for hub in body["results"]] == [name for name, _ in expected]
        assert [hub["distance_miles"] for hub in body["results"]] == [
            round(d, 2) for _, d in expected
        ]
        assert set(body["results"][0]) == {
            "id",
            "name",
            "url",
            "address",
            "postcode",
            "latitude",
            "longitude",
            "open_now",
            "status_text",
            "next_change",
            "distance_miles",
        }

    def test_default_limit_is_five_and_draft_hubs_are_left_out(self, client, hubs):
        body = client.get("/api/v1/hubs/nearest/", {"postcode": "WV10 8AA"}).json()

        assert len(body["results"]) == 3
        assert "Draft Hub" not in [hub["name"] for hub in body["results"]]

    @pytest.mark.parametrize(
        ("query", "status", "error"),
        [
            (
                {"postcode": "WV1 1SH", "limit": "0"},
                400,
                "limit must be a whole number from 1 to 50",
            ),
            (
                {"postcode": "WV1 1SH", "limit": "51"},
                400,
                "limit must be a whole number from 1 to 50",
            ),
            (
                {"postcode": "WV1 1SH", "limit": "abc"},
                400,
                "limit must be a whole number from 1 to 50",
            ),
            (
                {"postcode": "WV1 1SH", "limit": "-1"},
                400,
                "limit must be a whole number from 1 to 50",
            ),
            *(
                (
                    {"postcode": "WV1 1SH", "limit": digit},
                    400,
                    "limit must be a whole number from 1 to 50",
                )
                for digit in ("\u00b2", "\u0661", "\uff11")
            ),
            ({}, 400, "Enter a postcode"),
            (
                {"postcode": "WV9 9ZZ"},
                404,
                WV9_9ZZ_NOT_FOUND,
            ),
        ],
    )
    def test_bad_input(self, client, hubs, query, status, error):
        response = client.get("/api/v1/hubs/nearest/", query)

        assert response.status_code == status
        assert response.json() == {"error": error}


def test_a_hub_saved_without_a_location_is_placed_at_its_postcode(home_page):
    PostcodeLocation.objects.create(
        postcode="WV14 0AB", kind="unit", outward="WV14", latitude=52.565442, longitude=-2.073366
    )

    hub = make_hub(hub_index(home_page), "Bilston", point=None, postcode="wv14 0ab")

    assert (hub.latitude, hub.longitude) == (52.565442, -2.073366)
    assert hub.location == "SRID=4326;POINT(-2.073366 52.565442)"


def test_a_hub_whose_postcode_is_unknown_keeps_no_location(home_page):
    hub = make_hub(hub_index(home_page), "Nowhere", point=None, postcode="WV99 9ZZ")

    assert hub.latitude is None
    assert hub.location == ""
