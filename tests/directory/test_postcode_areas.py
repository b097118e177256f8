"""Postcodes outside the council's area: the finder, the services directory and the API tell a
family which council's area they are in and where to look, show the nearest hubs to a family
just over the border, and say when a postcode is no longer in use."""

import logging
import math

import pytest
from bs4 import BeautifulSoup

from directory.council_area import BORDER_MILES
from directory.models import DirectorySettings, LocalAuthority, PostcodeLocation
from tests.directory.factories import WEEKDAYS_9_TO_5, hub_index, make_hub
from tests.directory.services_data import build_directory

pytestmark = pytest.mark.django_db

WOLVERHAMPTON = "E08000031"
FIND_LOCAL_COUNCIL = "https://www.gov.uk/find-local-council"
MILES_PER_DEGREE_OF_LATITUDE = 2 * math.pi * 3958.7613 / 360

HUBS = {
    "Central": (52.5870, -2.1296),
    "Bilston": (52.5652, -2.0736),
    "Pendeford": (52.6606, -2.1362),
}
NORTH_OF_PENDEFORD = HUBS["Pendeford"][0]
# Written for these tests: (kind, point, local authority, terminated).
POSTCODES = {
    "WV1 1SH": ("unit", (52.587041, -2.129579), WOLVERHAMPTON, None),
    "WV2": ("district", (52.573719, -2.118442), WOLVERHAMPTON, None),
    "WV2 9ZZ": ("unit", (52.566604, -2.095040), WOLVERHAMPTON, "2010-04-01"),
    "SW1A 1AA": ("unit", (51.501009, -0.141588), "E09000033", None),  # Westminster
    "EH1 1YZ": ("unit", (55.950776, -3.192924), "S12000036", None),  # City of Edinburgh
    "B1 1AA": ("unit", (52.479865, -1.909381), "E08000025", None),  # Birmingham, 9 miles off
    "WV14 9AA": ("unit", (52.5500, -2.0850), "E08000027", None),  # Dudley, 1.2 miles off
    "WV13": ("district", (52.585168, -2.058065), "E08000030", None),  # Walsall, 1.5 miles off
    "WV5": ("district", (52.534189, -2.210796), "E07000196", None),  # South Staffordshire
    # South Staffordshire, due north of Pendeford: just inside and just beyond the border
    # distance, as the crow flies.
    "WV9 9AA": (
        "unit",
        (NORTH_OF_PENDEFORD + (BORDER_MILES - 0.1) / MILES_PER_DEGREE_OF_LATITUDE, -2.1362),
        "E07000196",
        None,
    ),
    "WV9 9AB": (
        "unit",
        (NORTH_OF_PENDEFORD + (BORDER_MILES + 0.1) / MILES_PER_DEGREE_OF_LATITUDE, -2.1362),
        "E07000196",
        None,
    ),
}


def add_postcodes(postcodes: dict) -> None:
    ids = LocalAuthority.add_missing_from_project_table()
    for code, (kind, (latitude, longitude), authority, terminated) in postcodes.items():
        PostcodeLocation.objects.update_or_create(
            postcode=code,
            defaults={
                "kind": kind,
                "outward": code.split()[0],
                "latitude": latitude,
                "longitude": longitude,
                "local_authority_id": ids[authority],
                "terminated": terminated,
            },
        )


def set_council_area(site, codes: str) -> None:
    settings = DirectorySettings.for_site(site)
    settings.local_authority_codes = codes
    settings.save()


@pytest.fixture
def council(home_page, site):
    add_postcodes(POSTCODES)
    index = hub_index(home_page)
    for name, point in HUBS.items():
        make_hub(index, f"{name} Family Hub", point=point, sessions=WEEKDAYS_9_TO_5)
    set_council_area(site, WOLVERHAMPTON)
    return site


def finder(client, postcode: str):
    response = client.get("/family-hubs/nearest/", {"postcode": postcode})
    return response, BeautifulSoup(response.content, "html.parser")


def text(element) -> str:
    return element.get_text(" ", strip=True) if element else ""


def hub_titles(page) -> list[str]:
    return [card.h3.get_text(strip=True) for card in page.select("ol.card-list > li")]


class TestFinder:
    @pytest.mark.parametrize(
        ("postcode", "message"),
        [
            ("sw1a1aa", "SW1A 1AA is in Westminster, outside the area our family hubs serve."),
            ("EH1 1YZ", "EH1 1YZ is in City of Edinburgh, outside the area our family hubs serve."),
            ("B1 1AA", "B1 1AA is in Birmingham, outside the area our family hubs serve."),
        ],
    )
    def test_a_postcode_in_another_council_says_where_and_where_to_look(
        self, client, council, postcode, message
    ):
        response, page = finder(client, postcode)

        assert response.status_code == 200
        notice = page.select_one("#area-notice")
        assert text(notice.select_one(".area-notice__message")) == message
        normalised = message.split(" is in ")[0]
        link = notice.find("a", href=FIND_LOCAL_COUNCIL)
        assert text(link) == "Find your local council on GOV.UK"
        assert f"Find your local council on GOV.UK and enter {normalised} there." in text(notice)
        assert "Our nearest family hubs" not in text(notice)
        assert not page.select("ol.card-list"), "no hubs a family could not reasonably reach"
        assert "could not find" not in text(page)
        assert "no family hubs to show" not in text(page)
        assert not page.select(".error-summary")
        assert "no-store" in response["Cache-Control"]

    def test_just_over_the_border_the_nearest_hubs_are_shown_with_the_note(self, client, council):
        response, page = finder(client, "WV14 9AA")

        assert response.status_code == 200
        notice = page.select_one("#area-notice")
        assert text(notice.select_one(".area-notice__message")) == (
            "WV14 9AA is in Dudley, outside the area our family hubs serve."
        )
        assert "Our nearest family hubs are listed below." in text(notice)
        assert notice.find("a", href=FIND_LOCAL_COUNCIL)
        assert hub_titles(page) == [
            "Bilston Family Hub",
            "Central Family Hub",
            "Pendeford Family Hub",
        ]
        assert text(page.select_one(".card__distance")) == "1.2 miles away"

    def test_the_border_distance_is_measured_to_the_nearest_hub(self, client, council):
        _, inside = finder(client, "WV9 9AA")
        _, beyond = finder(client, "WV9 9AB")

        assert hub_titles(inside)[0] == "Pendeford Family Hub"
        assert text(inside.select_one(".card__distance")) == f"{BORDER_MILES - 0.1:.1f} miles away"
        assert "WV9 9AA is in South Staffordshire" in text(inside.select_one("#area-notice"))
        assert not hub_titles(beyond)
        assert "WV9 9AB is in South Staffordshire" in text(beyond.select_one("#area-notice"))

    def test_a_partial_postcode_is_said_to_be_mostly_in_an_authority(self, client, council):
        response, near = finder(client, "WV13")
        _, far = finder(client, "wv5")

        assert response.status_code == 200
        assert text(near.select_one(".area-notice__message")) == (
            "Most of WV13 is in Walsall, outside the area our family hubs serve."
        )
        assert hub_titles(near)[0] == "Bilston Family Hub"
        assert "enter your full postcode there" in text(near.select_one("#area-notice"))
        assert text(far.select_one(".area-notice__message")) == (
            "Most of WV5 is in South Staffordshire, outside the area our family hubs serve."
        )
        assert not hub_titles(far)

    def test_a_postcode_in_the_area_has_no_note(self, client, council):
        response, page = finder(client, "WV1 1SH")

        assert response.status_code == 200
        assert not page.select("#area-notice")
        assert hub_titles(page)[0] == "Central Family Hub"

    def test_a_terminated_postcode_says_so_and_suggests_its_district(self, client, council):
        response, page = finder(client, "WV2 9ZZ")

        assert response.status_code == 404
        message = (
            "WV2 9ZZ is no longer in use. Try the postcode you use now, or the first part, "
            "like WV2."
        )
        assert text(page.select_one(".error-summary a")) == message
        assert text(page.select_one(".error-message")) == f"Error: {message}"
        assert page.title.get_text().startswith("Error: ")
        assert not page.select("ol.card-list")
        assert not page.select("#area-notice")

    def test_without_a_council_area_every_postcode_is_ours(self, client, council):
        set_council_area(council, "")

        response, page = finder(client, "SW1A 1AA")

        assert response.status_code == 200
        assert not page.select("#area-notice")
        assert hub_titles(page)[0] == "Bilston Family Hub", "the most easterly, nearest London"

    def test_a_council_can_cover_several_authorities(self, client, council):
        set_council_area(council, f"{WOLVERHAMPTON}, E08000027")

        _, dudley = finder(client, "WV14 9AA")
        _, walsall = finder(client, "WV13")

        assert not dudley.select("#area-notice")
        assert "Walsall" in text(walsall.select_one("#area-notice"))

    @pytest.mark.parametrize(
        ("postcode", "status", "message"),
        [
            ("", 400, "Enter a postcode"),
            ("not a postcode", 400, "Enter a real postcode, like WV1 1SH"),
            ("SW1A 9ZZ", 404, "We could not find SW1A 9ZZ. Check the postcode, or try the "),
        ],
    )
    def test_bad_input_is_still_refused(self, client, council, postcode, status, message):
        response, page = finder(client, postcode)

        assert response.status_code == status
        assert text(page.select_one(".error-summary a")).startswith(message)
        assert not page.select("#area-notice")


class TestServicesDirectory:
    @pytest.fixture
    def directory(self, home_page, site):
        made = build_directory(home_page)
        add_postcodes({code: POSTCODES[code] for code in ("SW1A 1AA", "WV14 9AA", "WV2 9ZZ")})
        set_council_area(site, WOLVERHAMPTON)
        return made

    def services(self, client, postcode: str, **params):
        response = client.get("/services/", {"postcode": postcode, **params})
        return response, BeautifulSoup(response.content, "html.parser")

    def test_a_postcode_in_another_council_gets_the_note_not_an_error(self, client, directory):
        response, page = self.services(client, "SW1A 1AA")

        assert response.status_code == 200
        notice = page.select_one("#area-notice")
        assert text(notice.select_one(".area-notice__message")) == (
            "SW1A 1AA is in Westminster, outside the area our family hubs serve."
        )
        assert notice.find("a", href=FIND_LOCAL_COUNCIL)
        assert "enter SW1A 1AA there" in text(notice)
        assert not page.select(".error-summary")
        assert "could not find" not in text(page)

    def test_just_over_the_border_services_nearby_are_listed_with_the_note(self, client, directory):
        response, page = self.services(client, "WV14 9AA", radius="2")

        assert response.status_code == 200
        assert "WV14 9AA is in Dudley" in text(page.select_one("#area-notice"))
        count = text(page.select_one("#results-heading"))
        assert count.endswith("found near WV14 9AA"), count
        assert page.select(".service-results__list > li")

    def test_in_the_area_there_is_no_note(self, client, directory):
        response, page = self.services(client, "WV1 1SH")

        assert response.status_code == 200
        assert not page.select("#area-notice")

    def test_a_terminated_postcode_says_so(self, client, directory):
        response, page = self.services(client, "WV2 9ZZ")

        assert response.status_code == 404
        assert text(page.select_one(".error-summary a")) == (
            "WV2 9ZZ is no longer in use. Try the postcode you use now, or the first part, "
            "like WV2."
        )
        assert not page.select("#area-notice")

    def test_bad_input_is_still_refused(self, client, directory):
        response, page = self.services(client, "not a postcode")

        assert response.status_code == 400
        assert text(page.select_one(".error-summary a")) == "Enter a real postcode, like WV1 1SH"


class TestApi:
    def test_nearest_for_a_postcode_in_another_council(self, client, council):
        response = client.get("/api/v1/hubs/nearest/", {"postcode": "SW1A 1AA"})

        assert response.status_code == 200
        body = response.json()
        assert body["postcode"] == "SW1A 1AA"
        assert body["local_authority"] == {"code": "E09000033", "name": "Westminster"}
        assert body["in_area"] is False
        assert body["notice"] == (
            "SW1A 1AA is in Westminster, outside the area our family hubs serve. Your local "
            "council can tell you about family hubs and other help for families where you "
            "live: find your local council at https://www.gov.uk/find-local-council and enter "
            "SW1A 1AA there."
        )
        assert body["results"] == []
        assert {"private", "no-store"} <= {
            part.strip() for part in response["Cache-Control"].split(",")
        }

    def test_nearest_just_over_the_border(self, client, council):
        body = client.get("/api/v1/hubs/nearest/", {"postcode": "WV14 9AA", "limit": 2}).json()

        assert body["local_authority"] == {"code": "E08000027", "name": "Dudley"}
        assert body["in_area"] is False
        assert body["notice"].startswith("WV14 9AA is in Dudley, outside the area")
        assert [hub["name"] for hub in body["results"]] == [
            "Bilston Family Hub",
            "Central Family Hub",
        ]

    def test_nearest_in_the_area(self, client, council):
        body = client.get("/api/v1/hubs/nearest/", {"postcode": "WV1 1SH"}).json()

        assert body["local_authority"] == {"code": WOLVERHAMPTON, "name": "Wolverhampton"}
        assert body["in_area"] is True
        assert body["notice"] is None
        assert len(body["results"]) == 3

    def test_nearest_for_a_terminated_postcode(self, client, council):
        response = client.get("/api/v1/hubs/nearest/", {"postcode": "WV2 9ZZ"})

        assert response.status_code == 404
        assert response.json() == {
            "error": "WV2 9ZZ is no longer in use. Try the postcode you use now, or the first "
            "part, like WV2."
        }

    def test_the_postcode_lookup_names_the_authority(self, client, council):
        edinburgh = client.get("/api/v1/postcodes/EH11YZ/").json()
        terminated = client.get("/api/v1/postcodes/WV2 9ZZ/").json()

        assert edinburgh["local_authority"] == {"code": "S12000036", "name": "City of Edinburgh"}
        assert edinburgh["in_area"] is False
        assert edinburgh["notice"].startswith("EH1 1YZ is in City of Edinburgh")
        assert terminated["terminated"] is True, "the lookup still places old postcodes"
        assert terminated["in_area"] is True
        assert terminated["local_authority"]["code"] == WOLVERHAMPTON

    def test_bad_input_is_still_refused(self, client, council):
        assert client.get("/api/v1/hubs/nearest/", {"postcode": "nonsense"}).status_code == 400
        assert client.get("/api/v1/postcodes/nonsense/").status_code == 400


def test_typed_postcodes_are_not_stored_or_logged(client, council, caplog):
    before = (PostcodeLocation.objects.count(), LocalAuthority.objects.count())
    typed = ["SW1A 1AA", "WV14 9AA", "WV2 9ZZ", "WV13", "EH1 1YZ"]
    with caplog.at_level(logging.DEBUG):
        for postcode in typed:
            client.get("/family-hubs/nearest/", {"postcode": postcode})
            client.get("/services/", {"postcode": postcode})
            client.get("/api/v1/hubs/nearest/", {"postcode": postcode})
            client.get(f"/api/v1/postcodes/{postcode}/")

    assert (PostcodeLocation.objects.count(), LocalAuthority.objects.count()) == before
    logged = " ".join(record.getMessage() for record in caplog.records)
    for postcode in typed:
        for form in (postcode, postcode.replace(" ", "+"), postcode.replace(" ", "%20")):
            assert form not in logged


class TestTheSettingInTheAdmin:
    def url(self, site) -> str:
        return f"/admin/settings/directory/directorysettings/{site.pk}/"

    def test_editors_set_the_council_area(self, admin_client, site):
        response = admin_client.get(self.url(site))
        assert response.status_code == 200
        assert 'name="local_authority_codes"' in response.content.decode()

        response = admin_client.post(
            self.url(site), {"notice_weeks": "8", "local_authority_codes": "e08000031, E08000030"}
        )

        assert response.status_code == 302
        assert DirectorySettings.for_site(site).council_codes == (WOLVERHAMPTON, "E08000030")

    def test_a_wrong_code_is_shown_again_with_what_is_wrong(self, admin_client, site):
        response = admin_client.post(
            self.url(site), {"notice_weeks": "8", "local_authority_codes": "Wolverhampton"}
        )

        assert response.status_code == 200
        assert "WOLVERHAMPTON: enter local authority codes like E08000031" in (
            response.content.decode()
        )
        assert DirectorySettings.for_site(site).council_codes == ()
