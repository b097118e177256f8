"""A hub editor (only the group's permissions) changes a bulk closure's dates, reason and hubs:
the page says which services it cancels before and after, hubs taken off reopen, hubs added
close, each hub's history says what happened; bad input changes nothing."""

from datetime import date, timedelta

from django.utils import timezone

from wagtail.models import PageLogEntry

import pytest
from bs4 import BeautifulSoup

from directory import closures
from directory.models import BulkClosure, FamilyHubPage
from tests.directory.admin_roles import directory_editor, hub_editor
from tests.directory.factories import WEEKDAYS_9_TO_5, hub_index, make_hub
from tests.directory.service_factories import make_service, service_index

pytestmark = pytest.mark.django_db


def future(days: int) -> date:
    return timezone.localdate() + timedelta(days=days)


def next_weekday(weekday: int, after: int = 1) -> date:
    day = future(after)
    return day + timedelta(days=(weekday - day.weekday()) % 7)


@pytest.fixture
def index(home_page):
    return hub_index(home_page)


@pytest.fixture
def hubs(index):
    return [
        make_hub(index, name, sessions=WEEKDAYS_9_TO_5) for name in ("Alpha", "Bravo", "Charlie")
    ]


@pytest.fixture
def editor(client, django_user_model, index):
    user = hub_editor(django_user_model, index)
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def snow(hubs, editor):
    tuesday = next_weekday(1)
    return closures.close_hubs(hubs[:2], tuesday, tuesday, "snow", editor.user)


def change_url(closure) -> str:
    return f"/admin/hub-closures/{closure.pk}/"


def exceptions(hub) -> list[tuple]:
    return [
        (e.start_date, e.end_date, e.reason, e.bulk_closure_id)
        for e in FamilyHubPage.objects.get(pk=hub.pk).opening_exceptions.all()
    ]


def test_the_change_page_says_which_services_the_closure_cancels(editor, snow, hubs, home_page):
    services = service_index(home_page)
    make_service(services, "Stay and play", hubs=[hubs[0]], sessions=[(1, "10:00", "11:30")])
    make_service(services, "Thursday club", hubs=[hubs[0]], sessions=[(3, "10:00", "11:30")])

    response = editor.get(change_url(snow))

    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    summary = soup.find("section", class_="closure-now").get_text(" ", strip=True)
    assert "It cancels the sessions of 1 service" in summary
    assert "Stay and play" in summary
    assert "Thursday club" not in summary, "it meets on another day"
    assert soup.find("input", attrs={"name": "reason"})["value"] == "snow"
    ticked = {
        box["value"] for box in soup.find_all("input", attrs={"name": "hubs", "checked": True})
    }
    assert ticked == {str(hubs[0].pk), str(hubs[1].pk)}


def test_changing_dates_reason_and_hubs_shows_the_effect_first_then_applies_it(
    editor, snow, hubs, home_page
):
    services = service_index(home_page)
    make_service(services, "Wednesday rhyme time", hubs=[hubs[2]], sessions=[(2, "10:00", "11:00")])
    tuesday = snow.start_date
    data = {
        "hubs": [hubs[1].pk, hubs[2].pk],
        "start_date": tuesday.isoformat(),
        "end_date": (tuesday + timedelta(days=1)).isoformat(),
        "reason": "snow and ice",
    }

    check = editor.post(change_url(snow), data)

    assert check.status_code == 200
    text = BeautifulSoup(check.content.decode(), "html.parser").get_text(" ", strip=True)
    assert "Reopening: Alpha" in text
    assert "Charlie (closes too)" in text
    assert "This cancels the sessions of 1 service" in text and "Wednesday rhyme time" in text
    assert exceptions(hubs[0]) == [(tuesday, None, "snow", snow.pk)], "nothing changed yet"

    response = editor.post(change_url(snow), {**data, "confirm": "True"})

    assert response.status_code == 302
    wednesday = tuesday + timedelta(days=1)
    assert exceptions(hubs[0]) == []
    assert exceptions(hubs[1]) == [(tuesday, wednesday, "snow and ice", snow.pk)]
    assert exceptions(hubs[2]) == [(tuesday, wednesday, "snow and ice", snow.pk)]
    snow.refresh_from_db()
    assert (snow.start_date, snow.end_date, snow.reason) == (tuesday, wednesday, "snow and ice")
    assert set(snow.hubs.all()) == {hubs[1], hubs[2]}
    actions = {
        hub.title: list(
            PageLogEntry.objects.filter(page=hub, action__startswith="directory.bulk_closure")
            .order_by("pk")
            .values_list("action", flat=True)
        )
        for hub in hubs
    }
    assert actions == {
        "Alpha": ["directory.bulk_closure", "directory.bulk_closure_undone"],
        "Bravo": ["directory.bulk_closure", "directory.bulk_closure_changed"],
        "Charlie": ["directory.bulk_closure"],
    }
    history = editor.get(f"/admin/pages/{hubs[1].pk}/history/").content.decode()
    assert "Bulk closure changed to closed for snow and ice" in history
    assert "(was snow: " in history
    assert "bound method" not in history
    for hub in hubs[1:]:
        assert not FamilyHubPage.objects.get(pk=hub.pk).has_unpublished_changes, "published"


def test_a_changed_closure_can_still_be_undone(editor, snow, hubs):
    editor.post(
        change_url(snow),
        {
            "hubs": [hubs[0].pk],
            "start_date": snow.start_date.isoformat(),
            "reason": "a burst pipe",
            "confirm": "True",
        },
    )

    editor.post(f"/admin/hub-closures/{snow.pk}/undo/")

    assert all(exceptions(hub) == [] for hub in hubs)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"hubs": [], "reason": "snow"}, "Choose at least one hub. To reopen them all, undo"),
        ({"reason": ""}, "This field is required"),
        ({"end_date": "2020-01-01"}, "is before the start date"),
        ({"start_date": "2020-01-05", "end_date": ""}, "must start today or later"),
        ({"start_date": "soon"}, "Enter a valid date"),
        ({"hubs": ["999999"]}, "Select a valid choice"),
    ],
)
def test_bad_changes_are_explained_and_change_nothing(editor, snow, hubs, data, message):
    before = [exceptions(hub) for hub in hubs]
    values = {
        "hubs": [hubs[0].pk, hubs[1].pk],
        "start_date": snow.start_date.isoformat(),
        "reason": "snow",
        "confirm": "True",
        **data,
    }

    response = editor.post(change_url(snow), values)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert [exceptions(hub) for hub in hubs] == before
    snow.refresh_from_db()
    assert snow.reason == "snow"


def test_an_undone_closure_cannot_be_changed(editor, snow, hubs):
    closures.undo_closure(snow, editor.user)

    response = editor.post(
        change_url(snow),
        {
            "hubs": [hubs[0].pk],
            "start_date": snow.start_date.isoformat(),
            "reason": "x",
            "confirm": "True",
        },
    )

    assert response.status_code == 302
    assert exceptions(hubs[0]) == []


def test_changing_closures_needs_the_close_hubs_permission(
    client, django_user_model, snow, hubs, home_page
):
    client.force_login(directory_editor(django_user_model, service_index(home_page)))

    response = client.post(
        change_url(snow),
        {
            "hubs": [hubs[2].pk],
            "start_date": snow.start_date.isoformat(),
            "reason": "x",
            "confirm": "True",
        },
    )

    assert response.status_code in (302, 403)
    assert BulkClosure.objects.get().reason == "snow"
    assert exceptions(hubs[2]) == []


def test_unknown_closure_is_404(editor):
    assert editor.get("/admin/hub-closures/999999/").status_code == 404
