import json
import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
import time_machine
from bs4 import BeautifulSoup

from tests.directory.factories import WEEKDAYS_9_TO_5, hub_index, make_hub

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
# A Tuesday morning in November.
TUESDAY_10AM = datetime(2026, 11, 24, 10, 0, tzinfo=LONDON)


@pytest.fixture
def index(home_page):
    return hub_index(home_page)


@pytest.fixture
def bilston(index):
    return make_hub(
        index,
        "Bilston Family Hub",
        sessions=[(day, "09:00", "12:30") for day in range(5)]
        + [(day, "13:30", "17:00") for day in range(5)],
        closures=[(date(2026, 11, 26), None, "staff training")],
        summary="Baby clinics and stay and play.",
        phone="01902 555 0201",
        step_free_access=True,
        baby_change=True,
    )


# What Wagtail reads to find the site and a hub's page, and to check its view restrictions: the
# only queries a hub page served again makes.
WAGTAIL_ROUTING_TABLES = (
    "wagtailcore_site",
    "wagtailcore_page",
    "wagtailcore_pageviewrestriction",
    "website_homepage",
    "directory_familyhubindexpage",
    "directory_familyhubpage",
)


def beyond_routing(captured: CaptureQueriesContext) -> list[str]:
    """The captured queries that read a table other than Wagtail's routing ones."""
    return [
        query["sql"]
        for query in captured.captured_queries
        if set(re.findall(r'(?:FROM|JOIN) "(\w+)"', query["sql"])) - set(WAGTAIL_ROUTING_TABLES)
    ]


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@time_machine.travel(TUESDAY_10AM, tick=False)
def test_hub_page_shows_status_weekly_table_and_coming_closures(client, bilston):
    page = soup(client.get(bilston.url))

    status = page.select_one("[data-opening-status]")
    assert status.get_text(strip=True) == "Open now, closes at 12:30pm"
    assert "status--open" in status["class"]
    rows = [
        [cell.get_text(strip=True) for cell in row.find_all(["th", "td"])]
        for row in page.select("table.table tbody tr")
    ]
    assert rows[0] == ["Monday", "9am to 12:30pm, 1:30pm to 5pm"]
    assert rows[5] == ["Saturday", "Closed"]
    changes = [item.get_text(" ", strip=True) for item in page.select(".changes li")]
    # Eight weeks ahead (the default), bank holidays included.
    assert changes == [
        "Thursday 26 November : closed (staff training)",
        "Friday 25 December : closed (Christmas Day)",
        # Not Saturday 26 December (Boxing Day): the hub is closed on Saturdays anyway.
        "Monday 28 December : closed (Boxing Day (observed))",
        "Friday 1 January : closed (New Year's Day)",
    ]
    assert "Step-free access" in page.get_text()
    assert "Baby changing" in page.get_text()
    assert "Pregnancy to 19 years, or 25 for young people with SEND" in page.get_text()


@time_machine.travel(TUESDAY_10AM, tick=False)
def test_hub_page_embeds_the_status_lines_for_the_coming_days(client, bilston):
    page = soup(client.get(bilston.url))

    data = json.loads(page.select_one("[data-opening-status]")["data-segments"])
    texts = [text for _, text, _ in data["segments"]]
    assert texts[:3] == [
        "Open now, closes at 12:30pm",
        "Closed, opens today at 1:30pm",
        "Open now, closes at 5pm",
    ]
    assert "Closed for staff training, opens tomorrow at 9am" in texts
    assert datetime.fromisoformat(data["until"]) > datetime(2026, 12, 7, tzinfo=LONDON)


@time_machine.travel(TUESDAY_10AM, tick=False)
def test_hub_page_has_schema_org_opening_hours(client, bilston):
    page = soup(client.get(bilston.url))

    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@type"] == "CivicStructure"
    assert data["name"] == "Bilston Family Hub"
    assert data["address"]["postalCode"] == "WV1 1SH"
    assert {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": "https://schema.org/Monday",
        "opens": "13:30",
        "closes": "17:00",
    } in data["openingHoursSpecification"]
    special = data["specialOpeningHoursSpecification"]
    assert special[0] == {
        "@type": "OpeningHoursSpecification",
        "validFrom": "2026-11-26",
        "validThrough": "2026-11-26",
        "description": "staff training",
        "opens": "00:00",
        "closes": "00:00",
    }
    assert any(s["description"] == "Christmas Day" for s in special)


def test_json_ld_cannot_be_broken_out_of(client, index):
    hub = make_hub(index, "Hub", summary="</script><script>alert(1)</script>")

    html = client.get(hub.url).content.decode()

    assert "</script><script>alert(1)" not in html
    assert "\\u003C/script\\u003E" in html


@time_machine.travel(TUESDAY_10AM, tick=False)
def test_hub_index_lists_every_live_hub_with_status_and_address(client, index, bilston):
    make_hub(index, "Penn Family Hub", sessions=[(5, "10:00", "16:00")], address_line_1="Penn Road")
    make_hub(index, "Draft Hub", publish=False)

    page = soup(client.get(index.url))

    cards = page.select(".card")
    assert [card.h3.get_text(strip=True) for card in cards] == [
        "Bilston Family Hub",
        "Penn Family Hub",
    ]
    assert cards[1].select_one("[data-opening-status]").get_text(strip=True) == (
        "Closed, opens on Saturday at 10am"
    )
    assert "Penn Road, Wulfrun, WV1 1SH" in cards[1].get_text()
    assert page.select_one("h2#hub-list-heading").get_text(strip=True) == "All 2 family hubs"


def test_hub_index_map_is_optional_and_uses_the_tile_setting(client, index, bilston, settings):
    page = soup(client.get(index.url))
    map_data = json.loads(page.find("script", id="hub-map").string)
    assert map_data["tiles"] == settings.MAP_TILE_URL
    assert map_data["markers"][0]["name"] == "Bilston Family Hub"
    assert page.select_one("[data-hub-map]").has_attr("hidden"), "hidden until the script runs"

    settings.MAP_TILE_URL = ""
    page = soup(client.get(index.url))
    assert page.select_one("[data-hub-map]") is None
    assert len(page.select(".card")) == 1, "the list does not need the map"


def test_hub_index_queries_do_not_grow_with_the_number_of_hubs(client, index):
    for number in range(3):
        make_hub(
            index,
            f"Hub {number}",
            sessions=WEEKDAYS_9_TO_5,
            closures=[(date(2026, 12, 24), None, "Christmas")],
        )

    def queries() -> int:
        client.get(index.url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(index.url).status_code == 200
        return len(captured.captured_queries)

    with_three = queries()
    for number in range(3, 15):
        make_hub(
            index,
            f"Hub {number}",
            sessions=WEEKDAYS_9_TO_5,
            closures=[(date(2026, 12, 24), None, "Christmas")],
        )

    assert queries() == with_three


@time_machine.travel(TUESDAY_10AM, tick=False)
def test_hubs_api_gives_every_live_hub_with_the_pages_status(client, index, bilston):
    make_hub(index, "Draft Hub", publish=False)

    response = client.get("/api/v1/hubs/")

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    body = response.json()
    assert body["count"] == 1
    hub = body["results"][0]
    assert hub.pop("url") == bilston.get_full_url()
    assert bilston.get_full_url().endswith("/family-hubs/bilston-family-hub/")
    assert hub == {
        "id": bilston.pk,
        "name": "Bilston Family Hub",
        "address": "1 Test Street, Wulfrun",
        "postcode": "WV1 1SH",
        "latitude": 52.587,
        "longitude": -2.1296,
        "open_now": True,
        "status_text": "Open now, closes at 12:30pm",
        "next_change": "2026-11-24T12:30:00+00:00",
    }
    page_status = soup(client.get(bilston.url)).select_one("[data-opening-status]")
    assert page_status.get_text(strip=True) == hub["status_text"]


def test_hubs_api_refuses_other_methods(client, index):
    assert client.post("/api/v1/hubs/").status_code == 405


def test_location_outside_the_uk_is_refused(index):
    from django.core.exceptions import ValidationError

    hub = make_hub(index, "Somewhere")
    hub.location = "SRID=4326;POINT(52.58 -2.12)"  # latitude and longitude swapped
    with pytest.raises(ValidationError, match="location on the map"):
        hub.full_clean()


def test_the_hubs_services_cost_the_same_queries_however_many(client, home_page, bilston):
    """The list of services at a hub reads titles, summaries and URLs only: no query per
    service for a field left unread."""
    from tests.directory.service_factories import make_service, service_index

    services = service_index(home_page)
    make_service(services, "Baby massage", hubs=[bilston], summary="Soothing strokes.")

    def queries() -> tuple[int, str]:
        client.get(bilston.url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(bilston.url)
        assert response.status_code == 200
        return len(captured.captured_queries), response.content.decode()

    with_one, html = queries()
    assert "Baby massage</a>: Soothing strokes." in html
    for title in ("Stay and play", "Speech and language drop-in", "Infant feeding"):
        make_service(services, title, hubs=[bilston], summary="A session.")
    with_four, html = queries()
    assert with_four == with_one
    assert html.count('href="/services/') >= 4


def weekly_rows(page: BeautifulSoup) -> dict[str, str]:
    return {
        row.th.get_text(strip=True): row.td.get_text(strip=True)
        for row in page.select("table.table tbody tr")
    }


@time_machine.travel(TUESDAY_10AM, tick=False)
def test_a_hub_pages_hours_are_read_once_and_a_publish_shows_new_ones_at_once(client, rf, bilston):
    client.get(bilston.url)
    with CaptureQueriesContext(connection) as captured:
        page = soup(client.get(bilston.url))
    # Its hours, services and photos are shared content: only Wagtail's routing asks.
    assert beyond_routing(captured) == []
    assert weekly_rows(page)["Tuesday"] == "9am to 12:30pm, 1:30pm to 5pm"

    draft = bilston.get_latest_revision_as_object()
    draft.opening_sessions = [
        session for session in draft.opening_sessions.all() if session.weekday != 1
    ]
    draft.save_revision()
    # A draft is not live: the public page keeps the published hours...
    assert weekly_rows(soup(client.get(bilston.url)))["Tuesday"] == "9am to 12:30pm, 1:30pm to 5pm"
    # ...while its preview shows the draft's, although the live ones are cached.
    request = rf.get(bilston.url)
    request.user = AnonymousUser()
    preview = soup(draft.make_preview_request(request, draft.default_preview_mode))
    assert weekly_rows(preview)["Tuesday"] == "Closed"

    draft.save_revision().publish()
    assert weekly_rows(soup(client.get(bilston.url)))["Tuesday"] == "Closed"


def test_a_hub_pages_photos_are_shown_then_kept_and_a_change_shows_at_once(client, bilston):
    from directory.models import HubGalleryImage
    from tests.news.factories import ImageFactory

    def photos(response) -> list[tuple[str, str, str, str, str]]:
        return [
            (
                figure.img["src"],
                figure.img["width"],
                figure.img["height"],
                figure.img["alt"],
                figure.figcaption.get_text(strip=True) if figure.figcaption else "",
            )
            for figure in soup(response).select("ul.gallery figure")
        ]

    playroom, garden = ImageFactory(), ImageFactory()
    bilston.gallery_images = [
        HubGalleryImage(image=playroom, alt_text="The playroom, with a sand tray", caption="Play"),
        HubGalleryImage(image=garden, alt_text="The garden"),
    ]
    bilston.save_revision().publish()

    shown = photos(client.get(bilston.url))
    assert [photo[1:] for photo in shown] == [
        ("480", "320", "The playroom, with a sand tray", "Play"),
        ("480", "320", "The garden", ""),
    ]
    # WebP for the browsers that take it, with a JPEG fallback (tests/directory/test_hub_place.py).
    assert all(photo[0].endswith(".jpg") for photo in shown)
    with CaptureQueriesContext(connection) as captured:
        assert photos(client.get(bilston.url)) == shown
    assert beyond_routing(captured) == [], "the photos are kept with the shared content"

    # A publish shows the page's new photos at once...
    bilston.gallery_images = [HubGalleryImage(image=garden, alt_text="The garden in spring")]
    bilston.save_revision().publish()
    assert [photo[3] for photo in photos(client.get(bilston.url))] == ["The garden in spring"]
    # ...and so does an image deleted in the image library.
    garden.delete()
    page = soup(client.get(bilston.url))
    assert not page.select("ul.gallery"), "no photos left, and no empty gallery"


def test_a_photo_whose_file_is_missing_is_a_broken_image_not_a_broken_page(client, bilston):
    from directory.models import HubGalleryImage
    from tests.news.factories import ImageFactory

    lost = ImageFactory()
    lost.file.storage.delete(lost.file.name)  # say, a restore that missed the media folder
    bilston.gallery_images = [HubGalleryImage(image=lost, alt_text="The sensory room")]
    bilston.save_revision().publish()

    page = soup(client.get(bilston.url))

    assert [img["alt"] for img in page.select("ul.gallery img")] == ["The sensory room"]


def test_what_happens_here_is_said_once(client, index):
    """The demo's hubs begin their body with their own "What happens here" heading: the page
    does not add its own above it. A body that begins with text gets the page's heading."""
    own_heading = make_hub(
        index,
        "Penn Family Hub",
        body=[
            ("heading", {"text": "What happens here", "level": "h2"}),
            ("paragraph", "<p>Stay and play.</p>"),
        ],
    )
    no_heading = make_hub(index, "Low Hill Family Hub", body=[("paragraph", "<p>Baby clinic.</p>")])

    page = soup(client.get(own_heading.url))
    assert [h.get_text() for h in page.find_all("h2")].count("What happens here") == 1
    page = soup(client.get(no_heading.url))
    heading = page.find("h2", string="What happens here")
    assert heading is not None
    assert heading.find_next_sibling(class_="prose").get_text(strip=True) == "Baby clinic."
