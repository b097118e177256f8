"""Editors add one-off events on a hub page (its "One-off events" panel); they appear in What's
on once published, and an event that ends before it starts is refused by name."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest

from directory.models import WhatsOnPage
from tests.admin_forms import page_form_values, set_inline_rows
from tests.directory.factories import WEEKDAYS_9_TO_5, hub_index, make_hub

pytestmark = pytest.mark.django_db


@pytest.fixture
def hub(home_page):
    page = WhatsOnPage(title="What's on", slug="whats-on")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return make_hub(hub_index(home_page), "Bilston Family Hub", sessions=WEEKDAYS_9_TO_5)


def post_events(admin_client, hub, rows):
    values = page_form_values(admin_client, hub)
    set_inline_rows(values, "events", rows)
    values["action-publish"] = "action"
    return admin_client.post(reverse("wagtailadmin_pages:edit", args=[hub.pk]), values)


def event_row(**changes) -> dict:
    day = timezone.localdate() + timedelta(days=3)
    return {
        "title": "Have your say: new play area",
        "date": day.isoformat(),
        "starts": "15:30",
        "ends": "17:30",
        "description": "See the plans.",
        "booking": "drop-in",
        "booking_url": "",
        "is_free": "on",
        "cost": "",
        **changes,
    }


def test_editor_adds_an_event_and_it_shows_in_whats_on(admin_client, client, hub):
    response = post_events(admin_client, hub, [event_row()])
    assert response.status_code == 302
    assert hub.events.get().title == "Have your say: new play area"
    page = client.get("/whats-on/").content.decode()
    assert "Have your say: new play area" in page
    assert "See the plans." in page


def test_an_event_that_ends_before_it_starts_is_refused(admin_client, client, hub):
    response = post_events(admin_client, hub, [event_row(starts="17:30", ends="15:30")])
    assert response.status_code == 200
    assert "The end time must be after the start time." in response.content.decode()
    assert not hub.events.exists()
    response = post_events(admin_client, hub, [event_row(is_free="", cost="")])
    assert "Say what it costs, or tick &#x27;free&#x27;." in response.content.decode()
