"""The Content Security Policy in a real browser: the home page, a hub page with its Leaflet map
and tiles, the search box's autocomplete and the admin sign-in page all run with no violation
reported, and axe-core still passes. Violations are caught with the browser's own
`securitypolicyviolation` event, across page loads."""

from django.contrib.auth import get_user_model

import pytest

from tests.browser.conftest import READING_BROWSER_TEST

pytestmark = READING_BROWSER_TEST

LISTEN_FOR_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    const blocked = event.blockedURI || "inline";
    const where = event.documentURI;
    window.reportCspViolation(`${event.effectiveDirective} blocked ${blocked} on ${where}`);
});
"""


@pytest.fixture(scope="module")
def editor_account(reading_demo, django_db_blocker):
    """An editor the live server can see: saved outside the tests' rolled-back transactions."""
    with django_db_blocker.unblock():
        get_user_model().objects.create_superuser(
            "editor", "editor@example.com", "a-long-password-1"
        )


@pytest.fixture
def csp_page(browser_page):
    """The browser tab, recording every CSP violation any page in it reports."""
    browser_page.csp_violations = []
    browser_page.expose_function(
        "reportCspViolation", lambda text: browser_page.csp_violations.append(text)
    )
    browser_page.add_init_script(LISTEN_FOR_VIOLATIONS)
    return browser_page


def test_public_pages_run_under_the_policy_with_no_violation(csp_page, reading_demo, axe):
    response = csp_page.goto(reading_demo + "/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    # The site's script ran: it marks the page as having JavaScript.
    assert "js" in csp_page.locator("html").get_attribute("class").split()
    axe(csp_page)

    csp_page.goto(reading_demo + "/family-hubs/")
    csp_page.get_by_role("link", name="Bilston Family Hub").click()
    csp_page.locator(".leaflet-marker-icon").first.wait_for()
    csp_page.locator("img.leaflet-tile-loaded").first.wait_for()
    axe(csp_page)

    csp_page.get_by_label("Search this site").fill("bilston")
    suggestions = csp_page.get_by_role("listbox", name="Suggested pages")
    suggestions.wait_for(state="visible")
    assert suggestions.get_by_role("option").count() >= 1
    axe(csp_page)

    assert csp_page.csp_violations == []
    assert csp_page.problems == []


def test_the_policy_is_enforced_and_violations_are_seen(csp_page, reading_demo):
    """What the test above relies on: an inline style attribute is blocked and reported, while
    styles set through the CSSOM (as Leaflet does) are allowed."""
    csp_page.goto(reading_demo + "/")

    csp_page.evaluate(
        """() => {
            const allowed = document.createElement("div");
            allowed.id = "cssom-styled";
            allowed.style.width = "123px";
            document.body.append(allowed);
            const blocked = document.createElement("div");
            blocked.id = "attribute-styled";
            blocked.setAttribute("style", "width: 321px");
            document.body.append(blocked);
        }"""
    )
    # The event is queued as a task: give it a moment to arrive.
    csp_page.wait_for_timeout(300)

    assert csp_page.locator("#cssom-styled").evaluate("el => el.offsetWidth") == 123
    assert csp_page.locator("#attribute-styled").evaluate("el => el.offsetWidth") != 321
    assert any(v.startswith("style-src-attr blocked inline") for v in csp_page.csp_violations)


def test_admin_sign_in_runs_under_the_relaxed_policy(csp_page, reading_demo):
    response = csp_page.goto(reading_demo + "/admin/login/")

    assert "'unsafe-inline'" in response.headers["content-security-policy"]
    csp_page.get_by_label("Username").wait_for()
    assert csp_page.csp_violations == []


def test_editors_userbar_on_a_public_page_runs_under_the_public_policy(
    csp_page, reading_demo, editor_account
):
    """Signed-in editors see Wagtail's userbar on public pages, under the strict policy."""
    csp_page.goto(reading_demo + "/admin/login/")
    csp_page.get_by_label("Username").fill("editor")
    csp_page.get_by_label("Password").fill("a-long-password-1")
    csp_page.get_by_role("button", name="Sign in").click()
    csp_page.wait_for_url(reading_demo + "/admin/")

    csp_page.goto(reading_demo + "/")
    csp_page.locator("wagtail-userbar").wait_for(state="attached")
    csp_page.get_by_role("button", name="View Wagtail quick actions").click()
    csp_page.get_by_role("menuitem", name="Edit this page").wait_for()

    assert csp_page.csp_violations == []
