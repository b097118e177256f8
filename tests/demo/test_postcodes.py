"""The demo's national sample of postcodes (demo/data/demo_postcodes.csv): what `make run`
answers for postcodes across the UK, and the file itself."""

import csv
import re

import pytest
from bs4 import BeautifulSoup

from demo import postcodes as demo
from directory import local_authorities, postcodes
from directory.models import DirectorySettings, LocalAuthority, PostcodeLocation


def demo_rows() -> list[dict[str, str]]:
    with demo.DEMO_POSTCODES.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(line for line in file if not line.startswith("#")))


class TestTheFile:
    def test_it_says_where_it_came_from_and_that_it_is_approximate(self):
        text = demo.DEMO_POSTCODES.read_text(encoding="utf-8")
        header = " ".join(line[2:] for line in text.splitlines() if line.startswith("# "))

        for credit in (
            "Contains OS data (c) Crown copyright and database right 2025",
            "Contains Royal Mail data (c) Royal Mail copyright and database right 2025",
            "Contains National Statistics data (c) Crown copyright and database right 2025",
            "Open Government Licence v3.0",
            "APPROXIMATE",
            "For the demo only",
        ):
            assert credit in header

    def test_every_row_is_a_postcode_in_a_known_authority(self):
        rows = demo_rows()
        table = local_authorities.project_table()

        assert len({row["postcode"] for row in rows}) == len(rows)
        for row in rows:
            assert postcodes.parse(row["postcode"]).text == row["postcode"]
            assert row["local_authority"] in table, row
            assert 49.8 < float(row["latitude"]) < 60.9, row
            assert -8.2 < float(row["longitude"]) < 1.8, row

    def test_one_point_per_district_across_the_uk_and_small(self):
        districts = [row["postcode"] for row in demo_rows() if " " not in row["postcode"]]
        areas = {re.match("[A-Z]+", code).group() for code in districts}

        assert len(districts) > 2_800
        assert {"AB", "B", "BT", "CF", "EH", "SW", "WV", "ZE"} <= areas
        assert demo.DEMO_POSTCODES.stat().st_size < 200_000

    def test_it_carries_the_postcodes_the_issue_names(self):
        by_postcode = {row["postcode"]: row for row in demo_rows()}

        assert by_postcode["SW1A 1AA"]["local_authority"] == "E09000033"
        assert by_postcode["EH1 1YZ"]["local_authority"] == "S12000036"
        assert by_postcode["B1 1AA"]["local_authority"] == "E08000025"
        assert by_postcode["WV1"]["local_authority"] == demo.DEMO_COUNCIL_CODES
        assert by_postcode["WV14 9NP"]["local_authority"] == "E08000027"  # Coseley, Dudley
        assert by_postcode["AB10 1AA"]["terminated"] == "2016-10"


# What `make run` answers, postcode by postcode: (postcode, status, the first thing the page
# says about it, whether hubs are listed). Loading the whole demo takes a while, so these share
# one load.
ANSWERS = [
    ("SW1A 1AA", 200, "SW1A 1AA is in Westminster, outside the area", False),
    ("EH1 1YZ", 200, "EH1 1YZ is in City of Edinburgh, outside the area", False),
    ("B1 1AA", 200, "B1 1AA is in Birmingham, outside the area", False),
    ("CF10", 200, "Most of CF10 is in Cardiff, outside the area", False),
    ("BT1", 200, "Most of BT1 is in Belfast, outside the area", False),
    ("WV14 9NP", 200, "WV14 9NP is in Dudley, outside the area", True),
    ("WV13 1RT", 200, "WV13 1RT is in Walsall, outside the area", True),
    ("WV6 7XJ", 200, "WV6 7XJ is in South Staffordshire, outside the area", True),
    ("WV7 3PH", 200, "WV7 3PH is in Shropshire, outside the area", False),
    ("WV14 0AA", 200, "", True),
    ("WV11", 200, "", True),
    (
        "AB10 1AA",
        404,
        "AB10 1AA is no longer in use. Try the postcode you use now, or the first part, like AB10.",
        False,
    ),
]


@pytest.mark.django_db
def test_the_demo_finder_answers_across_the_uk(client, demo_site):
    for postcode, status, message, hubs in ANSWERS:
        response = client.get("/family-hubs/nearest/", {"postcode": postcode})

        assert response.status_code == status, postcode
        page = BeautifulSoup(response.content, "html.parser")
        said = page.select_one(".area-notice__message, .error-summary a")
        assert (said.get_text(" ", strip=True) if said else "").startswith(message), postcode
        if not message:
            assert said is None, postcode
        assert bool(page.select("ol.card-list > li")) is hubs, postcode


@pytest.mark.django_db
def test_loading_again_changes_nothing_an_editor_or_an_import_set(demo_site):
    settings = DirectorySettings.for_site(demo_site)
    assert settings.local_authority_codes == demo.DEMO_COUNCIL_CODES
    settings.local_authority_codes = "E08000031, E08000030"
    settings.save()
    before = list(PostcodeLocation.objects.order_by("pk").values_list())

    demo.load(demo_site)

    assert list(PostcodeLocation.objects.order_by("pk").values_list()) == before
    assert LocalAuthority.objects.count() == 361
    settings.refresh_from_db()
    assert settings.local_authority_codes == "E08000031, E08000030"


@pytest.mark.django_db
def test_points_an_earlier_demo_stored_get_their_authority_and_stay_put():
    PostcodeLocation.objects.create(
        postcode="WV12", kind="district", outward="WV12", latitude=52.6, longitude=-2.04
    )

    demo.ensure_demo_postcodes()

    stored = PostcodeLocation.objects.select_related("local_authority").get(pk="WV12")
    assert (stored.latitude, stored.local_authority.name) == (52.6, "Walsall")
