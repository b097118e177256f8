"""Editors: the opening-times panels refuse bad rows by name and save nothing; the bulk closure
closes exactly the chosen hubs, records it in their history, keeps drafts, and can be undone."""

from datetime import date, time, timedelta

from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageLogEntry

import pytest

from directory.models import BulkClosure, FamilyHubPage
from tests.admin_forms import page_form_values, set_inline_rows
from tests.directory.factories import WEEKDAYS_9_TO_5, hub_index, make_hub

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return hub_index(home_page)


@pytest.fixture
def hub(index):
    return make_hub(index, "Bilston Family Hub", sessions=WEEKDAYS_9_TO_5)


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def post_sessions(admin_client, page, rows, action="action-publish"):
    values = page_form_values(admin_client, page)
    set_inline_rows(values, "opening_sessions", rows)
    values[action] = "action"
    return admin_client.post(edit_url(page), values)


def test_editor_changes_tuesday_hours_and_publishes(admin_client, hub, client):
    rows = [{"weekday": str(day), "opens": "09:00", "closes": "17:00"} for day in (0, 2, 3, 4)]
    rows.append({"weekday": "1", "opens": "10:00", "closes": "19:30"})

    response = post_sessions(admin_client, hub, rows)

    assert response.status_code == 302
    hub = FamilyHubPage.objects.get(pk=hub.pk)
    tuesday = hub.opening_sessions.get(weekday=1)
    assert (tuesday.opens, tuesday.closes) == (time(10), time(19, 30))
    page = client.get(hub.url).content.decode()
    assert '<td class="govuk-table__cell">10am to 7:30pm</td>' in page


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (
            [{"weekday": "1", "opens": "17:00", "closes": "09:00"}],
            "Row 1 (Tuesday): the closing time (9am) must be after the opening time (5pm)",
        ),
        (
            [
                {"weekday": "0", "opens": "09:00", "closes": "13:00"},
                {"weekday": "0", "opens": "12:00", "closes": "17:00"},
            ],
            "Row 2 (Monday midday to 5pm) overlaps row 1 (9am to 1pm)",
        ),
    ],
)
def test_bad_session_rows_are_refused_by_name_and_nothing_is_saved(
    admin_client, hub, rows, message
):
    revisions_before = hub.revisions.count()

    response = post_sessions(admin_client, hub, rows)

    assert response.status_code == 200, "the form is shown again"
    html = response.content.decode()
    assert "The page could not be" in html
    assert message in html
    hub.refresh_from_db()
    assert hub.revisions.count() == revisions_before
    assert hub.opening_sessions.count() == 5
    assert not hub.has_unpublished_changes


def test_a_closure_range_that_ends_before_it_starts_is_refused(admin_client, hub):
    values = page_form_values(admin_client, hub)
    set_inline_rows(
        values,
        "opening_exceptions",
        [
            {
                "start_date": "2026-12-24",
                "end_date": "2026-12-20",
                "closed": "on",
                "reason": "Christmas",
            }
        ],
    )
    values["action-publish"] = "action"

    response = admin_client.post(edit_url(hub), values)

    assert response.status_code == 200
    assert (
        "Row 1 (Thursday 24 December): the end date (Sunday 20 December) is before the start date"
        in response.content.decode()
    )
    assert not FamilyHubPage.objects.get(pk=hub.pk).opening_exceptions.exists()


BULK_URL = "/admin/hub-closures/"


def future(days: int) -> date:
    return timezone.localdate() + timedelta(days=days)


def test_bulk_closure_closes_exactly_the_chosen_hubs(admin_client, index):
    chosen = [make_hub(index, name, sessions=WEEKDAYS_9_TO_5) for name in ("Alpha", "Bravo")]
    other = make_hub(index, "Charlie", sessions=WEEKDAYS_9_TO_5)

    response = admin_client.post(
        BULK_URL,
        {
            "hubs": [hub.pk for hub in chosen],
            "start_date": future(3).isoformat(),
            "end_date": future(4).isoformat(),
            "reason": "snow",
            "confirm": "True",
        },
    )

    assert response.status_code == 302
    for hub in chosen:
        exception = FamilyHubPage.objects.get(pk=hub.pk).opening_exceptions.get()
        assert (exception.start_date, exception.end_date, exception.reason) == (
            future(3),
            future(4),
            "snow",
        )
        assert PageLogEntry.objects.filter(page=hub, action="directory.bulk_closure").exists()
        assert not FamilyHubPage.objects.get(pk=hub.pk).has_unpublished_changes
    assert not FamilyHubPage.objects.get(pk=other.pk).opening_exceptions.exists()
    assert not PageLogEntry.objects.filter(page=other, action="directory.bulk_closure").exists()


def test_bulk_closure_of_all_hubs_reaches_the_public_pages(admin_client, client, index):
    hubs = [make_hub(index, name, sessions=WEEKDAYS_9_TO_5) for name in ("Alpha", "Bravo")]

    admin_client.post(
        BULK_URL,
        {
            "all_hubs": "on",
            "start_date": future(1).isoformat(),
            "reason": "snow",
            "confirm": "True",
        },
    )

    for hub in hubs:
        assert "(snow)" in client.get(hub.url).content.decode()


def test_bulk_closure_keeps_an_editors_waiting_draft(admin_client, index):
    hub = make_hub(index, "Alpha", sessions=WEEKDAYS_9_TO_5)
    draft = hub.get_latest_revision_as_object()
    draft.summary = "A new summary, not yet published"
    draft.save_revision()

    admin_client.post(
        BULK_URL,
        {
            "hubs": [hub.pk],
            "start_date": future(2).isoformat(),
            "reason": "snow",
            "confirm": "True",
        },
    )

    hub = FamilyHubPage.objects.get(pk=hub.pk)
    assert hub.opening_exceptions.get().reason == "snow", "live at once"
    assert hub.summary == "", "the draft's change is not published"
    assert hub.has_unpublished_changes
    latest = hub.get_latest_revision_as_object()
    assert latest.summary == "A new summary, not yet published"
    assert [e.reason for e in latest.opening_exceptions.all()] == ["snow"]


def test_bulk_closure_can_be_undone(admin_client, client, index):
    hub = make_hub(
        index, "Alpha", sessions=WEEKDAYS_9_TO_5, closures=[(future(30), None, "training")]
    )
    admin_client.post(
        BULK_URL,
        {
            "hubs": [hub.pk],
            "start_date": future(2).isoformat(),
            "reason": "snow",
            "confirm": "True",
        },
    )
    closure = BulkClosure.objects.get()

    response = admin_client.post(f"{BULK_URL}{closure.pk}/undo/")

    assert response.status_code == 302
    hub = FamilyHubPage.objects.get(pk=hub.pk)
    assert [e.reason for e in hub.opening_exceptions.all()] == ["training"], (
        "only the bulk one goes"
    )
    assert "(snow)" not in client.get(hub.url).content.decode()
    assert PageLogEntry.objects.filter(page=hub, action="directory.bulk_closure_undone").exists()
    closure.refresh_from_db()
    assert closure.undone_at is not None
    # Undoing twice changes nothing.
    admin_client.post(f"{BULK_URL}{closure.pk}/undo/")
    assert FamilyHubPage.objects.get(pk=hub.pk).opening_exceptions.count() == 1


def test_bulk_closure_shows_in_the_page_history(admin_client, index):
    hub = make_hub(index, "Alpha", sessions=WEEKDAYS_9_TO_5)
    admin_client.post(
        BULK_URL,
        {
            "hubs": [hub.pk],
            "start_date": future(2).isoformat(),
            "reason": "snow",
            "confirm": "True",
        },
    )

    response = admin_client.get(reverse("wagtailadmin_pages:history", args=[hub.pk]))

    assert response.status_code == 200
    assert "Closed for snow" in response.content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"start_date": "2030-01-02", "reason": "snow"},
            "Choose at least one hub, or tick All family hubs",
        ),
        (
            {
                "all_hubs": "on",
                "start_date": "2030-01-05",
                "end_date": "2030-01-02",
                "reason": "snow",
            },
            "is before the start date",
        ),
        (
            {"all_hubs": "on", "start_date": "2020-01-05", "reason": "snow"},
            "must start today or later",
        ),
        ({"all_hubs": "on", "start_date": "not a date", "reason": "snow"}, "Enter a valid date"),
        ({"all_hubs": "on", "start_date": "2030-01-02", "reason": ""}, "This field is required"),
        (
            {"hubs": ["999999"], "start_date": "2030-01-02", "reason": "snow"},
            "Select a valid choice",
        ),
    ],
)
def test_bulk_closure_form_explains_bad_input_and_closes_nothing(admin_client, hub, data, message):
    response = admin_client.post(BULK_URL, data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not BulkClosure.objects.exists()
    assert not FamilyHubPage.objects.get(pk=hub.pk).opening_exceptions.exists()


def test_bulk_closure_needs_permission(client, django_user_model, hub):
    user = django_user_model.objects.create_user("editor", password="pw")
    editors = Group.objects.create(name="Test editors")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(editors)
    client.force_login(user)

    # Wagtail turns "permission denied" into a redirect to the dashboard, with a message.
    assert client.get(BULK_URL)["Location"] == "/admin/"
    response = client.post(
        BULK_URL, {"all_hubs": "on", "start_date": future(1).isoformat(), "reason": "x"}
    )
    assert response["Location"] == "/admin/"
    assert not BulkClosure.objects.exists()

    editors.permissions.add(Permission.objects.get(codename="close_hubs"))
    assert client.get(BULK_URL).status_code == 200
