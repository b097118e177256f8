"""Family hubs in a real browser: the index and a hub page pass axe, the map draws from local
tiles, the open/closed line follows the reader's clock.
An editor changing the hours is in test_hub_hours_editing.py."""

from datetime import datetime, timedelta

from django.utils import timezone

from directory import opening_hours as hours
from directory.models import FamilyHubPage
from tests.browser.conftest import READING_BROWSER_TEST

pytestmark = READING_BROWSER_TEST


def test_hub_index_and_hub_page_pass_axe_and_show_the_map(browser_page, reading_demo, axe):
    browser_page.goto(reading_demo + "/family-hubs/")

    assert browser_page.locator(".card").count() == 10
    browser_page.locator(".leaflet-marker-icon").first.wait_for()
    assert browser_page.locator(".leaflet-marker-icon").count() == 10
    axe(browser_page)
    assert browser_page.problems == []

    browser_page.get_by_role("link", name="Bilston Family Hub").click()
    assert browser_page.locator("h1").inner_text() == "Bilston Family Hub"
    assert browser_page.get_by_role("table").is_visible()
    browser_page.locator(".leaflet-marker-icon").first.wait_for()
    axe(browser_page)
    assert browser_page.problems == []


def test_hub_pages_work_without_javascript(browser, reading_demo):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(reading_demo + "/family-hubs/")

    assert page.locator(".card").count() == 10
    assert not page.locator("[data-hub-map]").is_visible(), "no empty map box"
    assert page.locator("[data-opening-status]").first.inner_text() != ""
    context.close()


def test_the_status_line_follows_the_readers_clock(browser, reading_demo):
    hub = FamilyHubPage.objects.get(slug="wednesfield")  # weekdays 9am to 5pm
    schedule = hub.get_schedule()
    # Read the page at the next weekday 10am and 6pm, as a cached copy would be.
    day = timezone.localdate(timezone=hours.LONDON) + timedelta(days=1)
    while schedule.hours_on(day).closed:
        day += timedelta(days=1)
    for clock in ("10:00", "18:00"):
        moment = datetime.fromisoformat(f"{day.isoformat()} {clock}").replace(tzinfo=hours.LONDON)
        expected = hours.status_at(schedule, moment).text
        context = browser.new_context()
        page = context.new_page()
        page.clock.install(time=moment)
        page.goto(reading_demo + hub.url)

        # The hub's own line, under its heading (its services' lines follow further down).
        assert page.locator("main > [data-opening-status]").inner_text() == expected
        context.close()
