"""/whats-on/?postcode=…: the week's sessions near a postcode, nearest first with their
distance, online ones last; bad and unknown postcodes told in the directory's words; the
answer kept out of caches and the postcode out of the logs; queries flat as content grows."""

import logging
import math
from datetime import date, time, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
import time_machine

from directory import whats_on
from directory.models import PostcodeLocation
from tests.directory.factories import WEEKDAYS_9_TO_5, hub_index, make_hub
from tests.directory.service_factories import make_service, service_index
from tests.directory.test_whats_on_pages import add_event, entries, whats_on_page
from tests.html import soup

pytestmark = pytest.mark.django_db

MONDAY_8AM = "2026-11-23 08:00 +0000"
MONDAY = date(2026, 11, 23)
TUESDAY = MONDAY + timedelta(days=1)
TUE = 1

HUBS = {
    "Bilston": (52.5652, -2.0736),
    "Central": (52.5870, -2.1296),
    "Pendeford": (52.6606, -2.1362),
}
WV14_0AA = (52.565235, -2.073602)  # beside Bilston


def miles(a: tuple[float, float], b: tuple[float, float]) -> float:
    """The great-circle distance, written out again so the test does not trust the code
    under test."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 3958.7613 * math.asin(math.sqrt(h))


@pytest.fixture
def setup(home_page):
    PostcodeLocation.objects.create(
        postcode="WV14 0AA",
        kind="unit",
        outward="WV14",
        latitude=WV14_0AA[0],
        longitude=WV14_0AA[1],
    )
    index = hub_index(home_page)
    hubs = {
        name: make_hub(
            index,
            f"{name} Family Hub",
            slug=name.lower(),
            sessions=WEEKDAYS_9_TO_5,
            point=point,
        )
        for name, point in HUBS.items()
    }
    services = service_index(home_page)
    # Earliest first by the clock, furthest first by the map: nearest first must reorder them.
    make_service(
        services, "Toddler group", hubs=[hubs["Pendeford"]], sessions=[(TUE, "09:15", "10:15")]
    )
    make_service(
        services, "Stay and play", hubs=[hubs["Central"]], sessions=[(TUE, "09:30", "11:30")]
    )
    make_service(
        services, "Baby clinic", hubs=[hubs["Bilston"]], sessions=[(TUE, "13:00", "15:00")]
    )
    make_service(
        services,
        "Baby massage online",
        in_person=False,
        online=True,
        sessions=[(TUE, "09:00", "10:00")],
    )
    return {"page": whats_on_page(home_page), "services": services, **hubs}


def titles(response) -> list[str]:
    return [h.get_text(" ", strip=True) for h in soup(response).select(".whats-on__title")]


def distances(response) -> list[str]:
    return [
        " ".join(li.get_text(" ", strip=True).split())
        for li in soup(response).select(".whats-on__distance")
    ]


@time_machine.travel(MONDAY_8AM, tick=False)
def test_sessions_within_five_miles_nearest_first_then_online(client, setup):
    response = client.get("/whats-on/", {"postcode": "wv14 0aa", "date": TUESDAY.isoformat()})

    assert response.status_code == 200
    # Pendeford is further than the five miles a family is shown by default.
    assert miles(WV14_0AA, HUBS["Pendeford"]) > 5 > miles(WV14_0AA, HUBS["Central"])
    assert titles(response) == ["Baby clinic", "Stay and play", "Baby massage online"]
    central = miles(WV14_0AA, HUBS["Central"])
    assert distances(response) == ["Less than 0.1 miles away", f"{central:.1f} miles away"]
    assert "Within 5 miles of WV14 0AA, nearest first" in response.content.decode()
    assert soup(response).select_one("#postcode")["value"] == "WV14 0AA"


@time_machine.travel(MONDAY_8AM, tick=False)
def test_any_distance_lists_every_hub_nearest_first(client, setup):
    response = client.get(
        "/whats-on/", {"postcode": "WV14 0AA", "radius": "any", "date": TUESDAY.isoformat()}
    )

    assert response.status_code == 200
    assert titles(response) == [
        "Baby clinic",
        "Stay and play",
        "Toddler group",
        "Baby massage online",
    ]
    pendeford = miles(WV14_0AA, HUBS["Pendeford"])
    assert distances(response)[-1] == f"{pendeford:.1f} miles away"
    entry = entries(response)[-1]
    assert "Online" in entry and "away" not in entry


@time_machine.travel(MONDAY_8AM, tick=False)
def test_without_a_postcode_the_day_is_in_time_order_with_no_distance(client, setup):
    response = client.get("/whats-on/", {"date": TUESDAY.isoformat(), "postcode": ""})

    assert response.status_code == 200
    assert titles(response) == [
        "Baby massage online",
        "Toddler group",
        "Stay and play",
        "Baby clinic",
    ]
    assert not distances(response)
    assert "public" in response["Cache-Control"]


@time_machine.travel(MONDAY_8AM, tick=False)
def test_the_week_by_day_and_its_pages_keep_the_postcode(client, setup, monkeypatch):
    monkeypatch.setattr(whats_on, "PAGE_SIZE", 1)
    response = client.get("/whats-on/", {"postcode": "WV14 0AA"})

    assert response.status_code == 200
    assert titles(response) == ["Baby clinic"]
    links = {a.get_text(strip=True): a["href"] for a in soup(response).select(".whats-on__pages a")}
    assert "postcode=WV14+0AA" in links["Next page"]
    following = client.get(links["Next page"])
    assert titles(following) == ["Stay and play"]


@pytest.mark.parametrize(
    ("postcode", "status", "message"),
    [
        ("not a postcode", 400, "Enter a real postcode, like WV1 1SH"),
        (
            "WV9 9ZZ",
            404,
            "We could not find WV9 9ZZ. Check the postcode, or try the first part only, like WV1",
        ),
        ("<script>alert(1)</script>", 400, "Enter a real postcode, like WV1 1SH"),
    ],
)
@time_machine.travel(MONDAY_8AM, tick=False)
def test_a_bad_or_unknown_postcode_is_explained_and_the_rest_shown(
    client, setup, postcode, status, message
):
    response = client.get("/whats-on/", {"postcode": postcode, "date": TUESDAY.isoformat()})

    assert response.status_code == status
    page = soup(response)
    assert page.select_one(".error-summary a").get_text(strip=True) == message
    assert page.select_one(".error-summary a")["href"] == "#postcode"
    assert page.select_one("#postcode-error").get_text(" ", strip=True) == f"Error: {message}"
    assert "<script>alert(1)</script>" not in response.content.decode()
    # Everything else is still shown, in time order.
    assert len(titles(response)) == 4
    assert not distances(response)
    assert "no-store" in response["Cache-Control"]


@time_machine.travel(MONDAY_8AM, tick=False)
def test_a_distance_not_in_the_list_is_explained(client, setup):
    response = client.get(
        "/whats-on/", {"postcode": "WV14 0AA", "radius": "999", "date": TUESDAY.isoformat()}
    )

    assert response.status_code == 400
    assert soup(response).select_one(".error-summary a").get_text(strip=True) == (
        "Choose a distance from the list"
    )
    assert titles(response) == ["Baby clinic", "Stay and play", "Baby massage online"]


@time_machine.travel(MONDAY_8AM, tick=False)
def test_an_answer_with_a_postcode_is_kept_out_of_every_cache(client, setup):
    response = client.get("/whats-on/", {"postcode": "WV14 0AA"})

    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control
    assert "public" not in cache_control and "s-maxage" not in cache_control
    # The calendar feed it offers is not about the postcode.
    assert "WV14" not in soup(response).select_one(".subscribe").decode()


@time_machine.travel(MONDAY_8AM, tick=False)
def test_typed_postcodes_are_not_stored_or_logged(client, setup, caplog):
    before = PostcodeLocation.objects.count()
    with caplog.at_level(logging.DEBUG):
        client.get("/whats-on/", {"postcode": "WV14 0AA"})
        client.get("/whats-on/", {"postcode": "WV9 9ZZ"})
        client.get("/whats-on/", {"postcode": "WV14 0AA", "radius": "999"})

    assert PostcodeLocation.objects.count() == before
    logged = " ".join(record.getMessage() for record in caplog.records)
    for typed in ("WV14 0AA", "WV9 9ZZ", "WV14+0AA", "WV9+9ZZ", "WV14%200AA"):
        assert typed not in logged


def near_queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/whats-on/", {"postcode": "WV14 0AA", "radius": "any"})
        assert response.status_code == 200
    return len(captured)


@time_machine.travel(MONDAY_8AM, tick=False)
def test_queries_do_not_grow_with_hubs_and_services(client, setup, home_page):
    index = hub_index(home_page)

    def grow(to: int):
        for number in range(len(list(index.get_children())), to):
            hub = make_hub(
                index,
                f"Hub {number}",
                slug=f"hub-{number}",
                sessions=WEEKDAYS_9_TO_5,
                point=(52.55 + number / 1000, -2.1),
            )
            make_service(
                setup["services"],
                f"Play {number}",
                hubs=[hub],
                sessions=[(TUE, "10:00", "11:00")],
            )
            add_event(hub, title=f"Fun day {number}", date=MONDAY, starts=time(10), ends=time(12))

    grow(4)
    client.get("/whats-on/", {"postcode": "WV14 0AA", "radius": "any"})  # warms the cache
    with_4 = near_queries(client)
    grow(20)
    client.get("/whats-on/", {"postcode": "WV14 0AA", "radius": "any"})
    with_20 = near_queries(client)
    assert with_20 == with_4


@time_machine.travel(MONDAY_8AM, tick=False)
def test_home_page_asks_for_a_postcode_for_what_is_on_today(client, setup):
    form = soup(client.get("/")).find("form", attrs={"aria-label": "What is on today near you"})

    assert form["action"] == "/whats-on/"
    assert form["method"] == "get"
    assert form.find("input", attrs={"name": "date"})["value"] == MONDAY.isoformat()
    assert form.find("input", attrs={"name": "postcode", "autocomplete": "postal-code"})


def entry(title: str, point: tuple[float, float] | None, starts: int, online=False):
    sitting = whats_on.Sitting(TUESDAY, time(starts), time(starts + 1))
    latitude, longitude = point or (None, None)
    return whats_on.Entry(
        sitting,
        title,
        "",
        "Online" if online else title,
        None,
        "",
        "",
        latitude=latitude,
        longitude=longitude,
        online=online,
    )


def test_near_orders_by_distance_then_time_and_leaves_out_what_it_cannot_place():
    near = whats_on.Near("WV14 0AA", *WV14_0AA)
    found = near.arrange(
        [
            entry("Online", None, 9, online=True),
            entry("Central late", HUBS["Central"], 15),
            entry("Central early", HUBS["Central"], 10),
            entry("Bilston", HUBS["Bilston"], 16),
            entry("Pendeford", HUBS["Pendeford"], 9),
            entry("Nowhere known", None, 9),
        ]
    )

    assert [e.title for e in found] == ["Bilston", "Central early", "Central late", "Online"]
    measured = near.measure(found)
    assert measured[1].distance_miles == pytest.approx(miles(WV14_0AA, HUBS["Central"]))
    assert measured[-1].distance_miles is None
