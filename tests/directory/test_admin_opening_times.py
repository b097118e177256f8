"""Hub editors' dashboard: "Opening times to check" lists hubs and services whose hours nobody
has checked for 6 months and the closures of the next 2 weeks; "Mark as reviewed" records the
check (POST, CSRF, permission-checked) in the page's history."""

from datetime import timedelta

from django.test import Client
from django.utils import timezone

from wagtail.models import PageLogEntry

import pytest
from bs4 import BeautifulSoup

from directory.models import FamilyHubPage, OpeningHoursReview
from tests.directory.admin_roles import directory_editor, hub_editor
from tests.directory.factories import WEEKDAYS_9_TO_5, hub_index, make_hub
from tests.directory.service_factories import make_service, reviewed, service_index

pytestmark = pytest.mark.django_db


def published_long_ago(hub, days=400):
    FamilyHubPage.objects.filter(pk=hub.pk).update(
        first_published_at=timezone.now() - timedelta(days=days)
    )


@pytest.fixture
def index(home_page):
    return hub_index(home_page)


@pytest.fixture
def old_hub(index):
    hub = make_hub(index, "Bilston", sessions=WEEKDAYS_9_TO_5)
    published_long_ago(hub)
    return hub


@pytest.fixture
def new_hub(index):
    return make_hub(index, "Penn", sessions=WEEKDAYS_9_TO_5)


@pytest.fixture
def editor(client, django_user_model, index):
    client.force_login(hub_editor(django_user_model, index))
    return client


def panel(client) -> BeautifulSoup:
    response = client.get("/admin/")
    assert response.status_code == 200
    found = BeautifulSoup(response.content.decode(), "html.parser").find(
        "section", class_="opening-times-panel"
    )
    assert found is not None, "no Opening times to check panel"
    return found


def listed(section) -> list[str]:
    table = section.find("table")
    if table is None or "Last checked" not in table.get_text():
        return []
    return [row.find("td").get_text(" ", strip=True) for row in table.tbody.find_all("tr")]


def test_hubs_and_services_not_checked_for_six_months_are_listed_oldest_first(
    editor, old_hub, new_hub, home_page, django_user_model
):
    admin_client = Client()
    admin_client.force_login(django_user_model.objects.create_superuser("admin", "a@b.example"))
    services = service_index(home_page)
    make_service(
        services,
        "Stay and play",
        hubs=[old_hub],
        sessions=[(1, "10:00", "11:30")],
        last_reviewed=reviewed(years_ago=2),
    )
    make_service(
        services, "Baby massage", sessions=[(2, "10:00", "11:00")], last_reviewed=reviewed()
    )
    make_service(services, "Helpline", last_reviewed=reviewed(years_ago=3))  # no sessions

    section = panel(admin_client)

    assert listed(section) == ["Service: Stay and play", "Hub: Bilston"]
    assert "Closures in the next 14 days" in section.get_text()
    assert listed(panel(editor)) == ["Hub: Bilston"], "a hub editor sees the pages they edit"


def test_mark_as_reviewed_takes_the_hub_off_the_list_and_logs_it(editor, old_hub):
    section = panel(editor)
    form = section.find("form")
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"}) is not None

    response = editor.post(form["action"], {"next": "/admin/"})

    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    review = OpeningHoursReview.objects.get(page=old_hub)
    assert review.reviewed_by.username == "hubeditor"
    assert PageLogEntry.objects.filter(
        page=old_hub, action="directory.opening_hours_reviewed"
    ).exists()
    assert listed(panel(editor)) == []
    history = editor.get(f"/admin/pages/{old_hub.pk}/history/").content.decode()
    assert "Opening times checked and marked as reviewed" in history


def test_mark_as_reviewed_needs_post_and_csrf(django_user_model, index, old_hub):
    client = Client(enforce_csrf_checks=True)
    client.force_login(hub_editor(django_user_model, index))
    url = f"/admin/opening-times/{old_hub.pk}/reviewed/"

    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 403, "no CSRF token"
    assert not OpeningHoursReview.objects.exists()


def test_mark_as_reviewed_is_refused_to_editors_of_other_pages(
    client, django_user_model, old_hub, home_page
):
    client.force_login(directory_editor(django_user_model, service_index(home_page)))

    response = client.post(f"/admin/opening-times/{old_hub.pk}/reviewed/")

    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] == "/admin/", "Wagtail's permission-denied redirect"
    assert not OpeningHoursReview.objects.exists()


def test_mark_as_reviewed_only_for_hubs_and_services(editor, index):
    assert editor.post(f"/admin/opening-times/{index.pk}/reviewed/").status_code in (302, 403)
    assert editor.post("/admin/opening-times/999999/reviewed/").status_code == 404
    assert not OpeningHoursReview.objects.exists()


def test_an_unsafe_next_address_is_not_followed(editor, old_hub):
    response = editor.post(
        f"/admin/opening-times/{old_hub.pk}/reviewed/", {"next": "https://evil.example/"}
    )

    assert response["Location"] == "/admin/"


def test_closures_in_the_next_two_weeks_are_listed(editor, index):
    today = timezone.localdate()
    make_hub(
        index,
        "Bilston",
        sessions=WEEKDAYS_9_TO_5,
        closures=[
            (today + timedelta(days=3), today + timedelta(days=4), "staff training"),
            (today + timedelta(days=30), None, "far away"),
            (today - timedelta(days=5), None, "already over"),
        ],
    )

    text = panel(editor).get_text(" ", strip=True)

    assert "staff training" in text
    assert "far away" not in text
    assert "already over" not in text


def test_the_panel_is_not_shown_to_users_who_edit_no_hub_or_service(client, django_user_model):
    from django.contrib.auth.models import Group, Permission

    user = django_user_model.objects.create_user("reader", password="a long test password")
    group = Group.objects.create(name="Admin only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    client.force_login(user)

    response = client.get("/admin/")

    assert response.status_code == 200
    assert "Opening times to check" not in response.content.decode()
