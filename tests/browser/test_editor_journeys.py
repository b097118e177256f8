"""Editors' journeys in a real browser, each as a user with only their group's permissions
(tests/directory/admin_roles.py): a hub editor changes hours for a date and closes two hubs for
snow, then changes the closure; a directory editor adds a service with categories and hubs.
axe checks what these screens add (Wagtail's own markup aside: the scans are scoped to ours).
Each journey counts its clicks, for the issue's before-and-after note."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from directory.models import (
    BulkClosure,
    FamilyHubIndexPage,
    FamilyHubPage,
    ServiceIndexPage,
    ServicePage,
)
from tests.browser.conftest import BROWSER_TEST, WCAG_22_AA_TAGS
from tests.directory.admin_roles import directory_editor, hub_editor

pytestmark = BROWSER_TEST

PASSWORD = "a long test password"


class Clicks:
    """Counts the clicks (and ticks) a journey takes."""

    def __init__(self):
        self.count = 0

    def __call__(self, locator):
        self.count += 1
        locator.click()


def sign_in(page, server, username):
    page.goto(server + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(server + "/admin/")


def no_axe_violations(page, selector):
    results = Axe().run(
        page,
        context={"include": [[selector]]},
        options={"runOnly": {"type": "tag", "values": WCAG_22_AA_TAGS}},
    )
    violations = results.response["violations"]
    assert not violations, results.generate_report()


def test_hub_editor_changes_hours_for_a_date_and_closes_two_hubs_for_snow(
    browser_page, demo_server
):
    page, click = browser_page, Clicks()
    hub_editor(get_user_model(), FamilyHubIndexPage.objects.get())
    sign_in(page, demo_server, "hubeditor")
    FamilyHubPage.objects.filter(slug="bilston").update(
        first_published_at=timezone.now() - timedelta(days=400)
    )

    # The dashboard: opening times to check, with "Mark as reviewed".
    page.reload()
    panel = page.locator(".opening-times-panel")
    expect(panel).to_contain_text("Hub: Bilston Family Hub")
    no_axe_violations(page, ".opening-times-panel")
    click(panel.locator("tr", has_text="Bilston Family Hub").get_by_role("button"))
    expect(page.locator(".messages")).to_contain_text("marked as reviewed")
    expect(page.locator(".opening-times-panel table").first).not_to_contain_text(
        "Bilston Family Hub"
    )

    # Special hours at Wednesfield on one date.
    hub = FamilyHubPage.objects.get(slug="wednesfield")
    day = timezone.localdate() + timedelta(days=10)
    page.goto(f"{demo_server}/admin/pages/{hub.pk}/edit/")
    click.count += 3  # Pages, Family hubs, the hub: the explorer's way there
    click(page.get_by_role("tab", name="Opening times"))
    click(page.get_by_role("button", name="Add closure or special hours"))
    rows = page.locator("[id^='inline_child_opening_exceptions-']:not([id$='__prefix__'])")
    row = rows.last
    row.locator("input[name$='-start_date']").fill(day.isoformat())
    click(row.get_by_label("Closed"))
    row.locator("input[name$='-opens']").fill("12:00")
    row.locator("input[name$='-closes']").fill("15:00")
    row.locator("input[name$='-reason']").fill("a staff meeting")
    # The week as families will see it, before publishing: Wagtail's preview, in its
    # opening-times mode.
    click(page.get_by_role("button", name="Toggle preview"))
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.locator("h1")).to_have_text("Wednesfield Family Hub")  # the panel is ready
    page.get_by_label("Preview mode").select_option(FamilyHubPage.OPENING_TIMES_PREVIEW)
    click.count += 1
    expect(preview.locator(".opening-times-preview__changed").first).to_contain_text(
        "midday to 3pm (a staff meeting)"
    )
    no_axe_violations(next(f for f in page.frames if "/preview/" in f.url), "main")
    click(page.get_by_role("button", name="More actions"))
    click(page.get_by_role("button", name="Publish", exact=True))
    page.wait_for_url(f"{demo_server}/admin/pages/{hub.get_parent().pk}/")
    exception = FamilyHubPage.objects.get(pk=hub.pk).opening_exceptions.get(start_date=day)
    assert (exception.closed, str(exception.opens), exception.reason) == (
        False,
        "12:00:00",
        "a staff meeting",
    )
    hours_clicks = click.count

    # Close two hubs for snow.
    click(page.get_by_role("link", name="Close hubs"))
    click(page.get_by_label("Bilston Family Hub"))
    click(page.get_by_label("Tettenhall Family Hub"))
    snow_day = timezone.localdate() + timedelta(days=2)
    page.get_by_label("Start date").fill(snow_day.isoformat())
    page.get_by_label("Reason").fill("snow")
    click(page.get_by_role("button", name="Continue"))
    click(page.get_by_role("button", name="Close these hubs"))
    expect(page.locator(".messages")).to_contain_text("2 hubs closed")
    close_clicks = click.count - hours_clicks

    # Change it: Tettenhall stays open, Wednesfield closes, and it lasts two days.
    click(page.get_by_role("link", name="Change Closed for snow"))
    # A click on a link does not wait for the next page: expect() does.
    expect(page.locator(".closure-now")).to_be_visible()
    no_axe_violations(page, ".closure-now")
    click(page.get_by_label("Tettenhall Family Hub"))
    click(page.get_by_label("Wednesfield Family Hub"))
    page.get_by_label("End date").fill((snow_day + timedelta(days=1)).isoformat())
    click(page.get_by_role("button", name="Continue"))
    expect(page.locator("main")).to_contain_text("Reopening: Tettenhall Family Hub")
    click(page.get_by_role("button", name="Change the closure"))
    expect(page.locator(".messages")).to_contain_text("Changed: Closed for snow")
    change_clicks = click.count - hours_clicks - close_clicks

    closure = BulkClosure.objects.get()
    assert sorted(closure.hubs.values_list("slug", flat=True)) == ["bilston", "wednesfield"]
    assert closure.end_date == snow_day + timedelta(days=1)
    assert not FamilyHubPage.objects.get(slug="tettenhall").opening_exceptions.filter(
        bulk_closure=closure
    )
    print(f"CLICKS hours={hours_clicks} close={close_clicks} change={change_clicks}")
    assert page.problems == []


def test_directory_editor_adds_a_service_with_categories_and_hubs(browser_page, demo_server):
    page, click = browser_page, Clicks()
    refused = []
    page.on("response", lambda r: refused.append(r.url) if r.status >= 400 else None)
    index = ServiceIndexPage.objects.get()
    directory_editor(get_user_model(), index)
    sign_in(page, demo_server, "directoryeditor")

    page.goto(f"{demo_server}/admin/pages/{index.pk}/")
    click.count += 2  # Pages, Find a service: the explorer's way there
    click(page.get_by_role("link", name="Add child page").first)
    page.wait_for_url("**/add/directory/servicepage/**")
    page.locator("#id_title").fill("Chatterbox toddler talk")
    tree = page.locator("[data-category-tree]")
    no_axe_violations(page, "[data-category-tree]")
    tree.get_by_label("Filter categories").fill("speech")
    visible = tree.locator("[data-category-option]:visible")
    assert 1 <= visible.count() < 5, "the filter narrows the tree"
    click(visible.first.locator("input"))
    tree.get_by_label("Filter categories").fill("play")
    click(tree.locator("[data-category-option]:visible").first.locator("input"))
    click(page.get_by_role("tab", name="Where"))
    click(page.get_by_label("Bilston Family Hub"))
    click(page.get_by_label("Low Hill Family Hub"))
    click(page.get_by_role("button", name="More actions"))
    click(page.get_by_role("button", name="Publish", exact=True))
    page.wait_for_url(f"{demo_server}/admin/pages/{index.pk}/")

    service = ServicePage.objects.get(title="Chatterbox toddler talk")
    assert service.live
    assert len(service.categories.all()) == 2
    assert sorted(hub.slug for hub in service.hubs.all()) == ["bilston", "low-hill"]
    print(f"CLICKS add-service={click.count}")
    # Wagtail's live preview checks the half-filled form as it is typed (400 until it is
    # valid), and the publish POST shows as "failed" when the redirect supersedes it: the
    # service above was saved once. Nothing else may fail.
    assert all("/preview/" in url for url in refused), refused
    assert [
        problem
        for problem in page.problems
        if not problem.startswith("request failed") and "400 (Bad Request)" not in problem
    ] == []
