"""Before publishing, a hub editor can preview the opening times their changes give, day by
day, as families will read them: a preview mode of Wagtail's own preview, which builds the page
from the editor's unsaved form."""

from datetime import time, timedelta

from django.utils import timezone

import pytest

from directory import opening_hours as hours
from directory.models import FamilyHubPage, HubDateException, HubSession
from tests.directory.factories import WEEKDAYS_9_TO_5, hub_index, make_hub
from tests.html import soup

pytestmark = pytest.mark.django_db

MODE = FamilyHubPage.OPENING_TIMES_PREVIEW


def preview_rows(response) -> dict[str, str]:
    rows = soup(response).select(".opening-times-preview tbody tr")
    return {row.th.get_text(strip=True): row.td.get_text(" ", strip=True) for row in rows}


def test_the_preview_shows_unsaved_changes_day_by_day_and_saves_nothing(home_page):
    hub = make_hub(hub_index(home_page), "Bilston", sessions=WEEKDAYS_9_TO_5)
    today = timezone.localdate(timezone=hours.LONDON)
    # A weekday at least a week ahead, clear of bank holidays: the editor's special hours.
    day = today + timedelta(days=8)
    while day.weekday() > 4 or hours.england_and_wales_bank_holidays().get(day):
        day += timedelta(days=1)
    closed_day = day + timedelta(days=1)
    while closed_day.weekday() > 4 or hours.england_and_wales_bank_holidays().get(closed_day):
        closed_day += timedelta(days=1)

    # What the editor's form builds: the page with its rows in memory, nothing saved.
    draft = FamilyHubPage.objects.get(pk=hub.pk)
    draft.opening_sessions = [
        *draft.opening_sessions.all(),
        HubSession(weekday=5, opens=time(10), closes=time(12)),
    ]
    draft.opening_exceptions = [
        HubDateException(
            start_date=day, closed=False, opens=time(12), closes=time(15), reason="a staff meeting"
        ),
        HubDateException(start_date=closed_day, closed=True, reason="snow"),
    ]
    response = draft.make_preview_request(preview_mode=MODE)

    assert response.status_code == 200
    rows = preview_rows(response)
    assert len(rows) == 28
    assert rows[day.strftime("%A %-d %B")] == "midday to 3pm (a staff meeting) Not the usual hours"
    assert rows[closed_day.strftime("%A %-d %B")] == "Closed for snow Not the usual hours"
    usual = soup(response).select_one(".govuk-list").get_text(" ", strip=True)
    assert "Saturday : 10am to midday" in usual
    # Nothing saved: the live page and the database keep the old hours.
    assert not HubDateException.objects.filter(page=hub).exists()
    assert not HubSession.objects.filter(page=hub, weekday=5).exists()
    live_rows = preview_rows(
        FamilyHubPage.objects.get(pk=hub.pk).make_preview_request(preview_mode=MODE)
    )
    assert live_rows[day.strftime("%A %-d %B")] == "9am to 5pm"


def test_the_editor_offers_the_opening_times_preview(admin_client, home_page):
    hub = make_hub(hub_index(home_page), "Bilston", sessions=WEEKDAYS_9_TO_5)
    response = admin_client.get(f"/admin/pages/{hub.pk}/edit/")
    assert response.status_code == 200
    assert "Opening times, day by day for 4 weeks" in response.content.decode()
    assert admin_client.get(f"/admin/pages/{hub.pk}/edit/preview/", {"mode": MODE}).status_code in (
        200,
        302,
    )
