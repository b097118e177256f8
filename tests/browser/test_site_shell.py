"""The site's shell in a real browser: pages load cleanly, the keyboard reaches the navigation,
and axe-core finds nothing at WCAG 2.2 AA."""

import pytest

from tests.browser.conftest import READING_BROWSER_TEST

pytestmark = READING_BROWSER_TEST

PAGES = ["/", "/about-family-hubs/", "/contact-us/", "/no-such-page/"]


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_without_console_errors_and_passes_axe(browser_page, reading_demo, axe, path):
    response = browser_page.goto(reading_demo + path)

    assert response.status == (404 if path == "/no-such-page/" else 200)
    assert browser_page.locator("h1").count() == 1
    axe(browser_page)
    assert browser_page.problems == [] or path == "/no-such-page/", browser_page.problems


def test_keyboard_reaches_main_navigation_after_the_skip_link(browser_page, reading_demo):
    browser_page.goto(reading_demo + "/")

    browser_page.keyboard.press("Tab")
    assert browser_page.evaluate("document.activeElement.textContent") == "Skip to main content"
    for _ in range(5):
        browser_page.keyboard.press("Tab")
        if browser_page.evaluate(
            "document.activeElement.closest('nav[aria-label=\"Main\"]') !== null"
        ):
            break
    else:
        pytest.fail("Tab never reached the main navigation")
    assert browser_page.evaluate("document.activeElement.textContent") == "Family hubs"
    outline = browser_page.evaluate("getComputedStyle(document.activeElement).backgroundColor")
    assert outline == "rgb(255, 221, 0)", "the focused link shows the yellow focus state"


def test_skip_link_moves_focus_to_the_main_content(browser_page, reading_demo):
    browser_page.goto(reading_demo + "/about-family-hubs/")

    browser_page.keyboard.press("Tab")
    browser_page.keyboard.press("Enter")

    assert browser_page.evaluate("document.activeElement.id") == "main-content"


def test_small_screen_folds_navigation_behind_a_menu_button(browser, reading_demo, axe):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(reading_demo + "/")
    toggle = page.get_by_role("button", name="Menu")
    nav_link = page.get_by_role("link", name="About family hubs")

    assert toggle.is_visible()
    assert not nav_link.is_visible()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert nav_link.is_visible()
    axe(page)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, "no sideways scrolling at 320px"
    context.close()


def test_pages_work_without_javascript(browser, reading_demo):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(reading_demo + "/")

    assert page.get_by_role("link", name="About family hubs").is_visible()
    assert not page.get_by_role("button", name="Menu").is_visible()
    context.close()


def test_the_accessibility_check_catches_a_real_problem(browser_page, reading_demo, axe):
    """Guard against a harness that passes everything: an unlabelled input must fail."""
    browser_page.goto(reading_demo + "/")
    browser_page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend', '<input type=text>')"
    )

    with pytest.raises(AssertionError, match="label"):
        axe(browser_page)
