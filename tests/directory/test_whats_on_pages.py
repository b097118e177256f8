"""/whats-on/, its calendar feeds and a hub's "What's on this week", as a family sees them: the
sessions of the next four weeks by day, filters (and what a bad one answers), a hub's closure
cancelling the sessions held there with its reason, one-off events, and the feeds parsed with
the icalendar library."""

import json
from datetime import date, time, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext

import icalendar
import pytest
import time_machine

from directory import whats_on
from directory.models import HubDateException, HubEvent, WhatsOnPage
from tests.directory.factories import WEEKDAYS_9_TO_5, hub_index, make_hub
from tests.directory.service_factories import make_service, service_index
from tests.html import soup

pytestmark = pytest.mark.django_db

# A Monday morning, before anything has started.
MONDAY_8AM = "2026-11-23 08:00 +0000"
MONDAY = date(2026, 11, 23)
TUESDAY = MONDAY + timedelta(days=1)
TUE = 1
SAT = 5


def entries(response) -> list[str]:
    return [
        " ".join(li.get_text(" ", strip=True).split())
        for li in soup(response).select(".whats-on__entry")
    ]


def days(response) -> list[str]:
    return [h.get_text(strip=True) for h in soup(response).select(".whats-on__day")]


def whole_timetable(client, path: str) -> list[str]:
    """Every entry of the four weeks, as a family reaches them: following "Next page" and
    "Next 7 days" from `path`."""
    found, url = [], path
    while url:
        response = client.get(url)
        assert response.status_code == 200
        found += entries(response)
        nav = soup(response).select_one(".whats-on__pages")
        links = {a.get_text(strip=True): a["href"] for a in nav.select("a")} if nav else {}
        url = links.get("Next page") or links.get("Next 7 days")
    return found


def whats_on_page(home_page) -> WhatsOnPage:
    existing = WhatsOnPage.objects.first()
    if existing:
        return existing
    page = WhatsOnPage(title="What's on", slug="whats-on")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def close(hub, day: date, reason: str):
    hub = hub.get_latest_revision_as_object()
    hub.opening_exceptions.add(HubDateException(start_date=day, closed=True, reason=reason))
    hub.save_revision().publish()


def add_event(hub, **fields):
    hub = hub.get_latest_revision_as_object()
    hub.events.add(HubEvent(**fields))
    hub.save_revision().publish()


@pytest.fixture
def setup(home_page):
    index = hub_index(home_page)
    hubs = {
        name: make_hub(index, f"{name} Family Hub", slug=name.lower(), sessions=WEEKDAYS_9_TO_5)
        for name in ("Bilston", "Penn")
    }
    services = service_index(home_page)
    make_service(
        services,
        "Baby clinic",
        hubs=[hubs["Bilston"], hubs["Penn"]],
        sessions=[(TUE, "09:30", "11:30", hubs["Bilston"]), (TUE, "13:00", "15:00", hubs["Penn"])],
        categories=["health-visiting"],
        minimum_age=0,
        maximum_age=1,
        booking="drop-in",
    )
    make_service(
        services,
        "Teen drop-in",
        hubs=[hubs["Penn"]],
        sessions=[(3, "16:00", "18:00")],
        minimum_age=13,
        maximum_age=19,
        is_free=False,
        cost_description="£1 a session",
    )
    make_service(
        services,
        "Parenting helpline",
        in_person=False,
        by_phone=True,
        sessions=[(0, "09:00", "17:00")],
    )
    return {"page": whats_on_page(home_page), **hubs}


@time_machine.travel(MONDAY_8AM, tick=False)
def test_timetable_lists_a_week_by_day_and_links_to_the_next_weeks(client, setup):
    response = client.get("/whats-on/")
    assert response.status_code == 200
    assert days(response) == ["Tuesday 24 November", "Thursday 26 November"]
    page = soup(response)
    assert page.select_one(".whats-on__range").get_text(strip=True) == (
        "Monday 23 November to Sunday 29 November"
    )
    assert page.select_one("#timetable [role=status]").get_text(strip=True) == (
        "3 sessions and events"
    )
    assert [a.get_text(strip=True) for a in page.select(".whats-on__pages")[0].select("a")] == [
        "Next 7 days"
    ]
    later = client.get("/whats-on/?from=2026-11-30")
    assert days(later) == ["Tuesday 1 December", "Thursday 3 December"]
    assert [
        a.get_text(strip=True) for a in soup(later).select(".whats-on__pages")[0].select("a")
    ] == [
        "Earlier days",
        "Next 7 days",
    ]
    # Four Tuesdays at each hub and four Thursdays in the four weeks: 12.
    assert len(whole_timetable(client, "/whats-on/")) == 12
    found = entries(response)
    assert (
        found[0] == "9:30am to 11:30am Baby clinic Bilston Family Hub Drop in, no need to book Free"
    )
    assert found[1].startswith("1pm to 3pm Baby clinic Penn Family Hub")
    assert "4pm to 6pm Teen drop-in Penn Family Hub £1 a session" in found[2]
    # A phone line's hours are when to call, not a session.
    assert not any("helpline" in entry for entry in found)
    assert "public" in response["Cache-Control"]


@time_machine.travel(MONDAY_8AM, tick=False)
def test_a_hub_closure_cancels_its_sessions_with_the_reason(client, setup):
    close(setup["Bilston"], TUESDAY, "snow")
    response = client.get("/whats-on/?date=2026-11-24")
    assert response.status_code == 200
    found = entries(response)
    assert found[0].startswith(
        "9:30am to 11:30am Baby clinic Cancelled Closed for snow at Bilston Family Hub"
    )
    assert "Cancelled" not in found[1]  # Penn is open
    cancelled = soup(response).select(".whats-on__entry--cancelled del")
    assert [element.get_text() for element in cancelled] == ["9:30am to 11:30am"]


@time_machine.travel(MONDAY_8AM, tick=False)
def test_a_long_week_is_shown_a_page_at_a_time(client, setup, monkeypatch):
    monkeypatch.setattr(whats_on, "PAGE_SIZE", 2)
    first = client.get("/whats-on/")
    status = soup(first).select_one("#timetable [role=status]").get_text(" ", strip=True)
    assert " ".join(status.split()) == "Showing 1 to 2 of 3 sessions and events"
    assert len(entries(first)) == 2
    links = {a.get_text(strip=True): a["href"] for a in soup(first).select(".whats-on__pages a")}
    assert links["Next page"] == "/whats-on/?page=2#timetable"
    second = client.get(links["Next page"])
    assert entries(second) == [entries(client.get("/whats-on/?date=2026-11-26"))[0]]
    assert "Previous page" in second.content.decode()
    # Past the last page: the last page, not an empty one.
    assert entries(client.get("/whats-on/?page=9")) == entries(second)
    # Filters and the week carry into the links.
    later = soup(client.get("/whats-on/?from=2026-11-30&category=health-and-wellbeing&age=0"))
    assert len(later.select(".whats-on__entry")) == 2
    hrefs = [a["href"] for a in later.select(".whats-on__pages a")]
    assert hrefs[:2] == [
        "/whats-on/?age=0&category=health-and-wellbeing#timetable",  # earlier: this week
        "/whats-on/?age=0&category=health-and-wellbeing&from=2026-12-07#timetable",
    ]


@time_machine.travel(MONDAY_8AM, tick=False)
def test_a_closure_published_after_the_timetable_was_read_shows_at_once(client, setup):
    assert "Cancelled" not in entries(client.get("/whats-on/"))[0]
    close(setup["Bilston"], TUESDAY, "a burst pipe")
    assert entries(client.get("/whats-on/"))[0].startswith(
        "9:30am to 11:30am Baby clinic Cancelled Closed for a burst pipe at Bilston Family Hub"
    )


@time_machine.travel(MONDAY_8AM, tick=False)
def test_filters_by_hub_age_and_date(client, setup):
    at_penn = whole_timetable(client, "/whats-on/?hub=penn")
    assert len(at_penn) == 8 and all("Penn Family Hub" in entry for entry in at_penn)
    teenagers = whole_timetable(client, "/whats-on/?age=15")
    assert len(teenagers) == 4 and all("Teen drop-in" in entry for entry in teenagers)
    babies = whole_timetable(client, "/whats-on/?age=0&hub=bilston")
    assert len(babies) == 4 and all("Baby clinic Bilston" in entry for entry in babies)
    thursday = client.get("/whats-on/?date=2026-11-26")
    assert days(thursday) == ["Thursday 26 November"]
    assert len(entries(thursday)) == 1
    assert entries(client.get("/whats-on/?age=pregnancy")) == []
    # A top-level category takes in the services filed under its children.
    health = whole_timetable(client, "/whats-on/?category=health-and-wellbeing")
    assert len(health) == 8 and all("Baby clinic" in entry for entry in health)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("date=31-02-2026", "Enter a date as year-month-day"),
        ("date=2027-03-01", "Choose a date from Monday 23 November to Sunday 20 December"),
        ("hub=atlantis", "Choose a family hub from the list"),
        ("age=%3Cb%3E", "Choose an age from the list"),
        ("age=99", "Choose an age from the list"),
        ("category=no-such-thing", "Choose a category from the list"),
        ("service=abc", "That service was not found"),
        ("from=2027-03-01", "Choose a date from Monday 23 November to Sunday 20 December"),
        ("from=soon", "Enter a date as year-month-day"),
        ("page=0", "That page of the timetable was not found"),
        ("page=two", "That page of the timetable was not found"),
    ],
)
@time_machine.travel(MONDAY_8AM, tick=False)
def test_bad_filters_answer_400_with_a_message_and_show_the_rest(client, setup, query, message):
    response = client.get(f"/whats-on/?{query}")
    assert response.status_code == 400
    summary = soup(response).select_one(".govuk-error-summary").get_text(" ", strip=True)
    assert message in summary
    assert len(entries(response)) == 3  # the bad filter left out, this week shown
    feed = client.get(f"/whats-on/calendar/?{query}")
    assert feed.status_code == 400
    assert message in feed.content.decode()


def parse_feed(response) -> icalendar.Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


@time_machine.travel(MONDAY_8AM, tick=False)
def test_hub_feed_parses_and_shows_a_closure_as_cancelled(client, setup):
    close(setup["Bilston"], TUESDAY, "snow")
    calendar = parse_feed(client.get("/whats-on/calendar/?hub=bilston"))
    assert str(calendar["X-WR-CALNAME"]) == "What's on at Bilston Family Hub"
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]
    events = calendar.walk("VEVENT")
    assert len(events) == 4
    first = events[0]
    assert first.decoded("DTSTART").isoformat() == "2026-11-24T09:30:00+00:00"
    assert str(first["DTSTART"].params["TZID"]) == "Europe/London"
    assert str(first["STATUS"]) == "CANCELLED"
    assert str(first["SUMMARY"]) == "Cancelled: Baby clinic"
    assert "Closed for snow at Bilston Family Hub" in str(first["DESCRIPTION"])
    assert {str(event["STATUS"]) for event in events[1:]} == {"CONFIRMED"}
    assert len({str(event["UID"]) for event in events}) == 4
    assert str(first["URL"]).startswith("http://testserver/services/baby-clinic/")


@time_machine.travel(MONDAY_8AM, tick=False)
def test_calendar_uids_are_named_by_the_sites_domain_and_stay_the_same(client, setup):
    from wagtail.models import Site

    def uids(host: str) -> list[str]:
        feed = parse_feed(client.get("/whats-on/calendar/?hub=penn", HTTP_HOST=host))
        return [str(event["UID"]) for event in feed.walk("VEVENT")]

    site = Site.objects.get(is_default_site=True)
    site.hostname = "families.wulfrun.gov.uk"
    site.save()
    named = uids("families.wulfrun.gov.uk")
    assert len(named) == 8
    assert all(uid.endswith("@families.wulfrun.gov.uk") for uid in named)
    assert uids("families.wulfrun.gov.uk") == named  # the same on every fetch
    # A site still called "localhost", served under the council's name: the request's host.
    site.hostname = "localhost"
    site.save()
    served = uids("hubs.example.org:8443")
    assert all(uid.endswith("@hubs.example.org") for uid in served)
    assert [uid.split("@")[0] for uid in served] == [uid.split("@")[0] for uid in named]


@time_machine.travel(MONDAY_8AM, tick=False)
def test_service_feed_and_filtered_feed(client, setup):
    from directory.models import ServicePage

    teen = ServicePage.objects.get(title="Teen drop-in")
    calendar = parse_feed(client.get(f"/whats-on/calendar/?service={teen.pk}"))
    assert str(calendar["X-WR-CALNAME"]) == "Teen drop-in: sessions"
    assert {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")} == {"Teen drop-in"}
    filtered = parse_feed(client.get("/whats-on/calendar/?age=0&date=2026-11-24"))
    assert [str(event["LOCATION"]) for event in filtered.walk("VEVENT")] == [
        "Bilston Family Hub",
        "Penn Family Hub",
    ]


@time_machine.travel(MONDAY_8AM, tick=False)
def test_one_off_event_shows_everywhere_with_event_structured_data(client, setup):
    saturday = MONDAY + timedelta(days=SAT)
    add_event(
        setup["Penn"],
        title="Winter fun day",
        date=saturday,
        starts=time(10),
        ends=time(14),
        description="Crafts and stories.",
        booking="book",
        is_free=False,
        cost="£2 per child",
    )
    response = client.get("/whats-on/?hub=penn")
    assert (
        "10am to 2pm Winter fun day Event Penn Family Hub Book a place £2 per child "
        "Crafts and stories." in entries(response)
    )
    data = [
        json.loads(tag.string)
        for tag in soup(response).select('script[type="application/ld+json"]')
    ]
    events = [
        item
        for block in data
        for item in (block if isinstance(block, list) else [block])
        if item.get("@type") == "Event"
    ]
    assert events[0]["name"] == "Winter fun day"
    assert events[0]["startDate"] == "2026-11-28T10:00:00+00:00"
    assert events[0]["location"]["name"] == "Penn Family Hub"
    assert events[0]["eventStatus"] == "https://schema.org/EventScheduled"

    hub_page = client.get("/family-hubs/penn/")
    week = soup(hub_page).select_one("#whats-on").find_parent("div")
    assert "Winter fun day" in week.get_text()
    calendar = parse_feed(client.get("/whats-on/calendar/?hub=penn"))
    assert "Winter fun day" in {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}
    # Events are for everyone at the hub, but not filed under a category of services.
    assert not any(
        "Winter fun day" in entry
        for entry in entries(client.get("/whats-on/?category=health-and-wellbeing"))
    )


@time_machine.travel(MONDAY_8AM, tick=False)
def test_event_cancelled_by_a_hub_closure(client, setup):
    saturday = MONDAY + timedelta(days=SAT)
    add_event(setup["Penn"], title="Fun day", date=saturday, starts=time(10), ends=time(14))
    close(setup["Penn"], saturday, "flooding")
    found = [entry for entry in entries(client.get("/whats-on/")) if "Fun day" in entry]
    assert found == [
        "10am to 2pm Fun day Event Cancelled Closed for flooding Penn Family Hub "
        "Drop in, no need to book Free"
    ]


@time_machine.travel(MONDAY_8AM, tick=False)
def test_hub_page_shows_this_week_and_subscribe_links(client, setup):
    close(setup["Bilston"], TUESDAY, "snow")
    response = client.get("/family-hubs/bilston/")
    assert response.status_code == 200
    page = soup(response)
    heading = page.select_one("#whats-on")
    assert heading.get_text(strip=True) == "What's on this week"
    week = [
        " ".join(li.get_text(" ", strip=True).split()) for li in page.select(".whats-on__entry")
    ]
    assert week == [
        "9:30am to 11:30am Baby clinic Cancelled Closed for snow at Bilston Family Hub "
        "Drop in, no need to book Free"
    ]
    links = {a.get_text(strip=True): a["href"] for a in page.select(".subscribe a")}
    assert links["Add to your calendar app"] == "webcal://testserver/whats-on/calendar/?hub=bilston"
    assert links["Calendar address (iCal) to copy into Google Calendar or Outlook"] == (
        "http://testserver/whats-on/calendar/?hub=bilston"
    )


@time_machine.travel(MONDAY_8AM, tick=False)
def test_service_page_and_whats_on_have_subscribe_links(client, setup):
    from directory.models import ServicePage

    teen = ServicePage.objects.get(title="Teen drop-in")
    page = soup(client.get(teen.url))
    assert (
        page.select_one(".subscribe a")["href"]
        == f"webcal://testserver/whats-on/calendar/?service={teen.pk}"
    )
    filtered = soup(client.get("/whats-on/?hub=penn&age=3"))
    assert (
        filtered.select_one(".subscribe a")["href"]
        == "webcal://testserver/whats-on/calendar/?hub=penn&age=3"
    )


@time_machine.travel("2026-11-24 10:45 +0000", tick=False)
def test_shared_cache_lifetime_ends_when_the_next_session_ends(client, setup):
    """At 10:45am on Tuesday the Bilston clinic (until 11:30am) is the next to end: then it
    leaves the timetable, so no cache keeps the page past it."""
    response = client.get("/whats-on/")
    assert "s-maxage=2700" in response["Cache-Control"]
    assert "public" in response["Cache-Control"]
    assert entries(response)[0].startswith("9:30am to 11:30am Baby clinic")
    later = "2026-11-24 11:31 +0000"
    with time_machine.travel(later, tick=False):
        assert not entries(client.get("/whats-on/"))[0].startswith("9:30am to 11:30am Baby clinic")


def timetable_queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@time_machine.travel(MONDAY_8AM, tick=False)
def test_queries_do_not_grow_with_hubs_and_services(client, setup, home_page):
    index = hub_index(home_page)
    services = service_index(home_page)

    def grow(to: int):
        for number in range(len(list(index.get_children())), to):
            hub = make_hub(index, f"Hub {number}", slug=f"hub-{number}", sessions=WEEKDAYS_9_TO_5)
            make_service(
                services, f"Stay and play {number}", hubs=[hub], sessions=[(TUE, "10:00", "11:00")]
            )
            add_event(
                hub,
                title=f"Fun day {number}",
                date=MONDAY + timedelta(days=5),
                starts=time(10),
                ends=time(12),
            )

    grow(2)
    client.get("/whats-on/")  # the shared content cache warms on the first request
    with_2 = timetable_queries(client, "/whats-on/")
    grow(20)
    client.get("/whats-on/")
    with_20 = timetable_queries(client, "/whats-on/")
    assert len(whole_timetable(client, "/whats-on/")) > 20 * 4
    assert with_20 == with_2


def test_migration_adds_the_page_under_the_home_page_once(client, home_page):
    from importlib import import_module

    from django.apps import apps

    from wagtail.models import Page

    migration = import_module("directory.migrations.0010_create_whats_on_page")
    WhatsOnPage.objects.all().delete()
    migration.create_whats_on_page(apps, None)
    migration.create_whats_on_page(apps, None)  # a second run adds nothing
    page = WhatsOnPage.objects.get()
    assert page.get_parent().pk == home_page.pk
    assert Page.find_problems() == ([], [], [], [], [])
    response = client.get("/whats-on/")
    assert response.status_code == 200
    assert soup(response).h1.get_text(strip=True) == "What's on"
