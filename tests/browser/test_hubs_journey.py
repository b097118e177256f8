"""Family hubs in a real browser: the index and a hub page pass axe, the map draws from local
tiles, the open/closed line follows the reader's clock, and an editor changes Tuesday's hours."""

from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from directory import opening_hours as hours
from directory.models import FamilyHubPage
from tests.browser.conftest import BROWSER_TEST

pytestmark = BROWSER_TEST


def test_hub_index_and_hub_page_pass_axe_and_show_the_map(browser_page, demo_server, axe):
    browser_page.goto(demo_server + "/family-hubs/")

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


def test_hub_pages_work_without_javascript(browser, demo_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(demo_server + "/family-hubs/")

    assert page.locator(".card").count() == 10
    assert not page.locator("[data-hub-map]").is_visible(), "no empty map box"
    assert page.locator("[data-opening-status]").first.inner_text() != ""
    context.close()


def test_the_status_line_follows_the_readers_clock(browser, demo_server):
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
        page.goto(demo_server + hub.url)

        # The hub's own line, under its heading (its services' lines follow further down).
        assert page.locator("main > [data-opening-status]").inner_text() == expected
        context.close()


def test_editor_changes_tuesday_hours_and_the_public_page_shows_them(browser, demo_server):
    get_user_model().objects.create_superuser("editor", "editor@example.com", "a-long-password-1")
    hub = FamilyHubPage.objects.get(slug="wednesfield")
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(demo_server + "/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("a-long-password-1")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(demo_server + "/admin/")

    page.goto(f"{demo_server}/admin/pages/{hub.pk}/edit/")
    page.get_by_role("tab", name="Opening times").click()
    tuesday = hub.opening_sessions.get(weekday=1)
    row = hub.opening_sessions.order_by("sort_order").values_list("pk", flat=True)
    index = list(row).index(tuesday.pk)
    page.locator(f"#id_opening_sessions-{index}-opens").fill("10:00")
    page.locator(f"#id_opening_sessions-{index}-closes").fill("19:30")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish", exact=True).click()
    page.wait_for_url(f"{demo_server}/admin/pages/{hub.get_parent().pk}/")

    page.goto(demo_server + hub.url)
    tuesday_row = page.locator("table.table tbody tr").nth(1)
    assert tuesday_row.inner_text().split("\t") == ["Tuesday", "10am to 7:30pm"]
    context.close()
