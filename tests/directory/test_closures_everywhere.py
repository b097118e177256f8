"""One answer to "is it open?", everywhere a family reads it: a hub closed for snow cancels the
sessions held there, with the hub's reason, on the service's page, its card in /services/, the
hub's own list of services, the Open Referral UK schedules and the structured data; and the bulk
closure says what it cancels before the editor confirms."""

import json
from datetime import timedelta

from django.test import Client
from django.utils import timezone

import pytest
import time_machine

from tests.directory.factories import WEEKDAYS_9_TO_5, hub_index, make_hub
from tests.directory.service_factories import add_postcode, make_service, service_index
from tests.html import soup
from website.models import AlertBanner

pytestmark = pytest.mark.django_db

MONDAY_8AM = "2026-11-23 08:00 +0000"
TUE = 1
BULK_URL = "/admin/hub-closures/"
SNOW_LINE = "Closed for snow at Bilston Family Hub, opens Tuesday 1 December at 9:30am"


def status_lines(response) -> list[str]:
    return [p.get_text(strip=True) for p in soup(response).select("[data-opening-status]")]


@pytest.fixture
def hubs(home_page):
    index = hub_index(home_page)
    return {
        name: make_hub(index, f"{name} Family Hub", sessions=WEEKDAYS_9_TO_5)
        for name in ("Bilston", "Penn")
    }


@pytest.fixture
def clinic(home_page, hubs):
    """A baby clinic on Tuesday mornings at Bilston, and Tuesday afternoons at Penn."""
    return make_service(
        service_index(home_page),
        "Baby clinic",
        hubs=[hubs["Bilston"], hubs["Penn"]],
        sessions=[(TUE, "09:30", "11:30", hubs["Bilston"]), (TUE, "13:00", "15:00", hubs["Penn"])],
        summary="Weigh your baby.",
    )


@pytest.fixture
def bilston_clinic(home_page, hubs):
    return make_service(
        service_index(home_page),
        "Baby clinic, Bilston",
        slug="baby-clinic-bilston",
        hubs=[hubs["Bilston"]],
        sessions=[(TUE, "09:30", "11:30")],
        summary="Weigh your baby at Bilston.",
    )


def close_for_snow(admin_client, hubs, days=(1, 2)):
    """Tuesday and Wednesday, through the admin's bulk closure, confirmed."""
    today = timezone.localdate()
    return admin_client.post(
        BULK_URL,
        {
            "hubs": [hub.pk for hub in hubs],
            "start_date": (today + timedelta(days=days[0])).isoformat(),
            "end_date": (today + timedelta(days=days[1])).isoformat(),
            "reason": "snow",
            "confirm": "True",
        },
    )


@time_machine.travel(MONDAY_8AM, tick=False)
def test_a_hub_closed_for_snow_closes_its_services_on_every_surface(
    admin_client, client, hubs, bilston_clinic, clinic
):
    assert status_lines(client.get(bilston_clinic.url))[0] == ("Closed, opens tomorrow at 9:30am")

    assert close_for_snow(admin_client, [hubs["Bilston"]]).status_code == 302
    admin_client.logout()

    # The service's own page: its status line, and the coming changes.
    page = client.get(bilston_clinic.url)
    assert status_lines(page)[0] == SNOW_LINE
    changes = [li.get_text(" ", strip=True) for li in soup(page).select(".changes li")]
    assert "Tuesday 24 November : no session (snow at Bilston Family Hub)" in changes

    # Its card in the directory.
    listing = client.get("/services/")
    cards = {
        card.h3.get_text(strip=True): card.select_one("[data-opening-status]").get_text(strip=True)
        for card in soup(listing).select(".service-card")
    }
    assert cards["Baby clinic, Bilston"] == SNOW_LINE
    # Held at Penn too: open there, and the line says where.
    assert cards["Baby clinic"] == "Closed, opens at Penn Family Hub tomorrow at 1pm"

    # The hub's list of its services.
    hub_page = soup(client.get(hubs["Bilston"].url))
    listed = {
        item.a.get_text(strip=True): item.select_one("[data-opening-status]").get_text(strip=True)
        for item in hub_page.select(".service-list li")
    }
    assert listed["Baby clinic, Bilston"] == SNOW_LINE
    assert listed["Baby clinic"].startswith("Closed for snow at Bilston Family Hub")
    # Penn's list: unaffected.
    penn = soup(client.get(hubs["Penn"].url))
    penn_lines = [
        line.get_text(strip=True) for line in penn.select(".service-list [data-opening-status]")
    ]
    assert penn_lines == ["Closed, opens tomorrow at 1pm"]

    # Structured data: the closure as special opening hours of the place.
    data = json.loads(soup(page).select_one('script[type="application/ld+json"]').string)
    location = data["availableChannel"][0]["serviceLocation"]
    assert {
        "validFrom": "2026-11-24",
        "validThrough": "2026-11-24",
        "description": "snow at Bilston Family Hub",
        "opens": "00:00",
        "closes": "00:00",
    }.items() <= location["specialOpeningHoursSpecification"][0].items()

    # Open Referral UK: the session at the hub, and the hub's closure, dated.
    oruk = client.get(f"/api/openreferral/v3/services/{bilston_clinic.oruk_id}").json()
    dated = [s for s in oruk["schedules"] if s.get("valid_from") == "2026-11-24"]
    assert [s["description"] for s in dated] == ["Closed for snow at Bilston Family Hub"]
    assert dated[0]["service_at_location_id"]


@time_machine.travel(MONDAY_8AM, tick=False)
def test_the_bulk_closure_says_what_it_cancels_before_anything_changes(
    admin_client, hubs, bilston_clinic, clinic, home_page
):
    # Wednesday's closure cancels nothing: the clinic is on Tuesdays.
    phone_line = make_service(
        service_index(home_page),
        "Advice line",
        hubs=[hubs["Bilston"]],
        in_person=False,
        by_phone=True,
        sessions=[(TUE, "09:00", "17:00")],
    )
    today = timezone.localdate()
    data = {
        "hubs": [hubs["Bilston"].pk],
        "start_date": (today + timedelta(days=1)).isoformat(),
        "reason": "snow",
    }

    response = admin_client.post(BULK_URL, data)

    assert response.status_code == 200
    page = soup(response)
    assert "This cancels the sessions of 2 services" in page.get_text(" ", strip=True)
    rows = [row.get_text(" ", strip=True) for row in page.select("table.listing tbody tr")]
    assert rows == ["Baby clinic Bilston Family Hub", "Baby clinic, Bilston Bilston Family Hub"]
    assert phone_line.title not in page.get_text()
    # Nothing has changed yet.
    assert not hubs["Bilston"].opening_exceptions.exists()
    # The form comes back with everything it needs to confirm.
    assert page.select_one('input[name="confirm"]')["value"] == "True"

    wednesday = admin_client.post(
        BULK_URL, {**data, "start_date": (today + timedelta(days=2)).isoformat()}
    )
    assert "No service has a session at these hubs on those days" in wednesday.content.decode()


@time_machine.travel(MONDAY_8AM, tick=False)
def test_the_bulk_closure_can_publish_an_alert_banner_until_the_hubs_reopen(
    admin_client, client, hubs, bilston_clinic
):
    today = timezone.localdate()
    confirm = admin_client.post(
        BULK_URL,
        {
            "hubs": [hubs["Bilston"].pk, hubs["Penn"].pk],
            "start_date": (today + timedelta(days=1)).isoformat(),
            "reason": "snow",
        },
    )
    offered = soup(confirm).select_one('textarea[name="banner_message"]').get_text(strip=True)
    assert offered == (
        "Bilston and Penn family hubs are closed on Tuesday 24 November for snow. "
        "Sessions there are cancelled."
    )

    response = admin_client.post(
        BULK_URL,
        {
            "hubs": [hubs["Bilston"].pk, hubs["Penn"].pk],
            "start_date": (today + timedelta(days=1)).isoformat(),
            "reason": "snow",
            "confirm": "True",
            "publish_banner": "on",
            "banner_message": "Bilston and Penn are closed tomorrow for snow.",
        },
    )
    assert response.status_code == 302
    banner = AlertBanner.objects.get()
    assert banner.live
    assert banner.expire_at.isoformat() == "2026-11-25T00:00:00+00:00"
    admin_client.logout()

    for url in ("/services/", bilston_clinic.url, hubs["Penn"].url):
        shown = soup(client.get(url)).select_one(".alert-banner")
        assert "Bilston and Penn are closed tomorrow for snow." in shown.get_text()
        assert shown.a["href"] == "/family-hubs/"

    with time_machine.travel("2026-11-25 00:00:01 +0000", tick=False):
        assert not soup(client.get("/services/")).select(".alert-banner")


@time_machine.travel(MONDAY_8AM, tick=False)
def test_services_card_and_page_carry_the_lines_for_the_coming_hours(client, bilston_clinic):
    """A cached page stays right: the browser picks the line for the time it is read."""
    page = soup(client.get(bilston_clinic.url))
    segments = json.loads(page.select_one("[data-opening-status]")["data-segments"])
    assert [text for _, text, _ in segments["segments"]][:3] == [
        "Closed, opens tomorrow at 9:30am",
        "Closed, opens today at 9:30am",
        "Open now, closes at 11:30am",
    ]
    card = soup(client.get("/services/")).select_one(".service-card [data-opening-status]")
    assert json.loads(card["data-segments"])["segments"][0][1] == (
        "Closed, opens tomorrow at 9:30am"
    )


@pytest.fixture(params=["database", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)])
def engine(request):
    if request.param == "elasticsearch":
        request.getfixturevalue("elasticsearch")
    return request.param


@time_machine.travel(MONDAY_8AM, tick=False)
def test_the_directory_says_so_on_both_engines(admin_client, client, hubs, bilston_clinic, engine):
    add_postcode("WV1 1SH", 52.5870, -2.1296)
    close_for_snow(admin_client, [hubs["Bilston"]])
    admin_client.logout()

    for params in ({}, {"q": "baby clinic"}, {"postcode": "WV1 1SH", "radius": "any"}):
        listing = client.get("/services/", params)
        assert listing.status_code == 200
        card = soup(listing).select_one(".service-card")
        assert card.h3.get_text(strip=True) == "Baby clinic, Bilston", params
        assert card.select_one("[data-opening-status]").get_text(strip=True) == SNOW_LINE


def shared_lifetime(response) -> tuple[int, int]:
    """(max-age, s-maxage) from Cache-Control."""
    words = dict(
        word.strip().split("=") for word in response["Cache-Control"].split(",") if "=" in word
    )
    return int(words["max-age"]), int(words["s-maxage"])


def test_no_cache_keeps_a_status_line_past_the_moment_it_changes(hubs, bilston_clinic, client):
    """Varnish and browsers keep a page only until its opening status changes (here the
    service opens at 9:30), so a page kept at 08:58 is never served after 09:30."""
    with time_machine.travel("2026-11-24 08:58 +0000", tick=False):
        page = client.get(bilston_clinic.url)
        assert status_lines(page)[0] == "Closed, opens today at 9:30am"
        assert shared_lifetime(page) == (60, 32 * 60)
        assert shared_lifetime(client.get(hubs["Bilston"].url))[1] <= 32 * 60
        assert shared_lifetime(client.get("/services/"))[1] <= 32 * 60
    with time_machine.travel("2026-11-24 09:29:30 +0000", tick=False):
        assert shared_lifetime(client.get(bilston_clinic.url)) == (30, 30)


def test_a_closure_published_at_0859_is_shown_at_0900(
    admin_client, hubs, bilston_clinic, frontend_cache, django_capture_on_commit_callbacks
):
    client = Client()  # a member of the public (admin_client is the `client` fixture, signed in)
    with (
        time_machine.travel("2026-11-24 08:59 +0000", tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        close_for_snow(admin_client, [hubs["Bilston"]], days=(0, 0))
    assert ("BAN", "testserver", "/") in frontend_cache.received
    with time_machine.travel("2026-11-24 09:00 +0000", tick=False):
        shown = client.get(bilston_clinic.url)
        assert status_lines(shown)[0] == SNOW_LINE
        card = soup(client.get("/services/")).select_one(".service-card [data-opening-status]")
        assert card.get_text(strip=True) == SNOW_LINE


def test_a_session_can_only_be_held_at_one_of_the_services_hubs(admin_client, hubs, bilston_clinic):
    from django.urls import reverse

    from tests.admin_forms import page_form_values, set_inline_rows

    values = page_form_values(admin_client, bilston_clinic)
    set_inline_rows(
        values,
        "opening_sessions",
        [{"weekday": "1", "opens": "09:30", "closes": "11:30", "hub": str(hubs["Penn"].pk)}],
    )
    values["action-publish"] = "action"

    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[bilston_clinic.pk]), values
    )

    assert response.status_code == 200
    assert "Row 1: Penn Family Hub is not one of this service&#x27;s hubs" in (
        response.content.decode()
    )
    session = bilston_clinic.opening_sessions.get()
    assert session.hub_id is None, "nothing saved"
