"""A comms editor drafts a release, sets its embargo and submits it for sign-off; an approver
approves it from their dashboard; the "News releases" listing then says "Embargoed until …".
Each as a user with only their comms group's permissions. axe-core checks the new listing and
the comms panels (scoped to them: Wagtail's own admin markup is Wagtail's to fix)."""

from datetime import timedelta

from django.contrib.auth.models import Group
from django.utils import timezone

import pytest
from axe_playwright_python.sync_playwright import Axe

from news.release_dates import go_live_wording
from news.workflow import COMMS_APPROVERS, COMMS_EDITORS
from tests.browser.conftest import BROWSER_TEST, WCAG_22_AA_TAGS
from tests.news.factories import NewsIndexPageFactory

pytestmark = BROWSER_TEST

PASSWORD = "a long comms password"


@pytest.fixture
def comms_server(live_server, home_page, django_user_model):
    index = NewsIndexPageFactory(parent=home_page, title="News", slug="news")
    index.save_revision().publish()
    for username, group in (("cara", COMMS_EDITORS), ("amir", COMMS_APPROVERS)):
        user = django_user_model.objects.create_user(
            username, f"{username}@example.gov.uk", PASSWORD
        )
        user.groups.add(Group.objects.get(name=group))
    return live_server.url


def axe_within(page, *selectors):
    results = Axe().run(
        page,
        context={"include": [[selector] for selector in selectors]},
        options={"runOnly": {"type": "tag", "values": WCAG_22_AA_TAGS}},
    )
    assert not results.response["violations"], results.generate_report()


class Clicks:
    """Counts what the user does: each click, and each field filled."""

    def __init__(self):
        self.count = 0

    def click(self, locator):
        self.count += 1
        locator.click()


def sign_in(page, server, username, clicks):
    page.goto(server + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    clicks.click(page.get_by_role("button", name="Sign in"))
    page.wait_for_url(server + "/admin/")


def test_comms_editor_embargoes_and_submits_an_approver_approves(browser, comms_server):
    go_live = (timezone.localtime() + timedelta(days=2)).replace(
        hour=9, minute=0, second=0, microsecond=0
    )
    context = browser.new_context(viewport={"width": 1280, "height": 900})

    # The comms editor: dashboard > News > News releases > Add > write > embargo > submit.
    editor = context.new_page()
    editor_clicks = Clicks()
    sign_in(editor, comms_server, "cara", editor_clicks)
    editor_clicks.click(editor.get_by_role("button", name="News"))
    editor_clicks.click(editor.get_by_role("link", name="News releases"))
    editor.wait_for_url("**/admin/news_releases/")
    editor_clicks.click(editor.get_by_role("link", name="Add news release"))
    editor.wait_for_url("**/add/news/newsreleasepage/**")
    editor.get_by_role("textbox", name="Headline").fill("Penn hub opens on Saturdays")
    editor.get_by_role("textbox", name="Summary").fill(
        "Penn Family Hub opens on Saturday mornings from January."
    )
    editor.get_by_role("textbox", name="Embargoed until").fill(go_live.strftime("%Y-%m-%d %H:%M"))
    editor.keyboard.press("Escape")  # close the date picker
    editor_clicks.click(editor.get_by_role("button", name="More actions"))
    editor_clicks.click(editor.get_by_role("button", name="Submit to Comms sign-off"))
    editor.wait_for_selector(".messages :text('submitted for moderation')")
    context.clear_cookies()

    # The approver: dashboard > the release in "Awaiting your sign-off" > Approve.
    approver = context.new_page()
    approver_clicks = Clicks()
    sign_in(approver, comms_server, "amir", approver_clicks)
    panel = approver.locator("#news-awaiting-sign-off-section")
    assert "Penn hub opens on Saturdays" in panel.inner_text()
    assert go_live_wording(go_live) in panel.inner_text()
    axe_within(approver, "#news-awaiting-sign-off-section", "#news-going-live-soon-section")
    approver_clicks.click(panel.get_by_role("link", name="Penn hub opens on Saturdays"))
    approver.wait_for_url("**/admin/pages/*/edit/")
    approver_clicks.click(approver.get_by_role("button", name="More actions"))
    approver_clicks.click(approver.get_by_role("button", name="Approve and Publish", exact=True))
    approver.wait_for_selector(
        f".messages :text('is scheduled to go live at {go_live_wording(go_live)}')"
    )

    approver.goto(comms_server + "/admin/news_releases/")
    row = approver.locator("table.listing tbody tr", has_text="Penn hub opens on Saturdays")
    assert f"Embargoed until {go_live_wording(go_live)}" in row.text_content()
    axe_within(approver, "table.listing")
    approver.goto(comms_server + "/admin/")
    going_live_soon = approver.locator("#news-going-live-soon-section").inner_text()
    assert "Penn hub opens on Saturdays" in going_live_soon

    print(f"clicks: comms editor {editor_clicks.count}, approver {approver_clicks.count}")
    context.close()
