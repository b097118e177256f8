"""The timetable beyond /whats-on/: "What's on today" on the home page and a topic page's
"Sessions this week", both from directory.timetable, so a hub closure cancels a session in
every place a family reads it, with the same reason."""

from datetime import date, timedelta

import pytest
import time_machine
from bs4 import BeautifulSoup

from tests.directory.factories import WEEKDAYS_9_TO_5, hub_index, make_hub
from tests.directory.service_factories import make_service, service_index
from tests.directory.test_whats_on_pages import close, whats_on_page
from tests.families.factories import make_topic, topic_index

pytestmark = pytest.mark.django_db

TUESDAY_8AM = "2026-11-24 08:00 +0000"
TUESDAY = date(2026, 11, 24)
TUE, THU = 1, 3


def entries(response, section: str) -> list[str]:
    page = BeautifulSoup(response.content, "html.parser")
    return [
        " ".join(item.get_text(" ", strip=True).split())
        for item in page.select(f"{section} .whats-on__entry")
    ]


@pytest.fixture
def directory(home_page):
    hubs = hub_index(home_page)
    bilston = make_hub(hubs, "Bilston Family Hub", slug="bilston", sessions=WEEKDAYS_9_TO_5)
    penn = make_hub(hubs, "Penn Family Hub", slug="penn", sessions=WEEKDAYS_9_TO_5)
    services = service_index(home_page)
    make_service(
        services,
        "Baby clinic",
        hubs=[bilston, penn],
        sessions=[(TUE, "09:30", "11:30", bilston), (TUE, "13:00", "15:00", penn)],
        categories=["health-visiting"],
        minimum_age=0,
        maximum_age=1,
    )
    make_service(
        services,
        "Teen drop-in",
        hubs=[penn],
        sessions=[(TUE, "16:00", "18:00"), (THU, "16:00", "18:00")],
        categories=["youth-clubs"],
        minimum_age=13,
        maximum_age=19,
    )
    whats_on_page(home_page)
    return {"bilston": bilston, "penn": penn}


@time_machine.travel("2026-11-24 11:00 +0000", tick=False)
def test_home_page_lists_what_is_on_today_everywhere_with_closures(client, directory):
    close(directory["bilston"], TUESDAY, "snow")

    response = client.get("/")

    assert response.status_code == 200
    today = entries(response, ".whats-on-today")
    assert [entry.split(" ")[0] for entry in today] == ["9:30am", "1pm", "4pm"]
    assert "Cancelled Closed for snow at Bilston Family Hub" in today[0]
    assert "Cancelled" not in today[1] and "Penn Family Hub" in today[1]
    assert 'href="/whats-on/?date=2026-11-24"' in response.content.decode()
    # Kept by shared caches only until the next change: the cancelled session leaves at 11:30.
    assert "s-maxage=1800" in response["Cache-Control"]


@time_machine.travel("2026-11-24 17:30 +0000", tick=False)
def test_home_page_leaves_out_what_has_ended_today(client, directory):
    today = entries(client.get("/"), ".whats-on-today")

    assert len(today) == 1 and "Teen drop-in" in today[0]


@time_machine.travel(TUESDAY_8AM, tick=False)
def test_a_topic_shows_this_weeks_sessions_of_its_own_services_only(client, directory, home_page):
    babies = make_topic(
        topic_index(home_page), "Babies", categories=["health-visiting"], maximum_age=2
    )
    close(directory["penn"], TUESDAY + timedelta(days=7), "training")

    week = entries(client.get(babies.url), ".topic-week")

    assert week and all("Baby clinic" in entry for entry in week)
    assert not any("Teen drop-in" in entry for entry in week)
    # This Tuesday's two sessions; next Tuesday is outside the seven days.
    assert len(week) == 2


@time_machine.travel(TUESDAY_8AM, tick=False)
def test_a_busy_topic_lists_its_next_sessions_and_says_how_many_there_are(
    client, directory, home_page, monkeypatch
):
    from families import topic_content

    monkeypatch.setattr(topic_content, "WEEK_SHOWN", 1)
    babies = make_topic(
        topic_index(home_page), "Babies", categories=["health-visiting"], maximum_age=2
    )
    response = client.get(babies.url)
    week = entries(response, ".topic-week")
    assert len(week) == 1 and week[0].startswith("9:30am to 11:30am Baby clinic")
    section = BeautifulSoup(response.content, "html.parser").select_one(".topic-week")
    assert "The next 1 of 2 sessions in the next 7 days." in " ".join(section.get_text().split())
    assert section.find("a", string="See them all in What's on")["href"] == "/whats-on/"
