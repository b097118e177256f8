"""An editor changes a hub's Tuesday hours in the admin, and the public page shows them."""

from django.contrib.auth import get_user_model

from directory.models import FamilyHubPage
from tests.browser.conftest import BROWSER_TEST

pytestmark = BROWSER_TEST


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
