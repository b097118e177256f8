"""Site search in a real browser: search from the header, filter by type, the autocomplete with
the keyboard, and axe-core at WCAG 2.2 AA on the way."""

import re
from datetime import date

import pytest

from demo.site import ensure_child_page
from tests.browser.conftest import READING_BROWSER_TEST
from tests.testapp.models import ExampleNewsPage, ExampleServicePage
from website.models import HomePage

pytestmark = READING_BROWSER_TEST


@pytest.fixture(scope="module")
def search_server(reading_demo, django_db_blocker):
    """The demo, with a service and a news page that both mention speech therapy, saved where the
    live server sees them."""
    with django_db_blocker.unblock():
        add_speech_therapy_pages(HomePage.objects.get())
    return reading_demo


def add_speech_therapy_pages(home):
    ensure_child_page(
        home,
        ExampleServicePage(
            title="Speech therapy drop-in",
            slug="speech-therapy-drop-in",
            summary="Speech and language therapists answer your questions.",
        ),
    )
    ensure_child_page(
        home,
        ExampleNewsPage(
            title="More speech therapy sessions",
            slug="more-speech-therapy-sessions",
            summary="The speech therapy drop-in opens on Saturdays.",
            release_date=date(2025, 3, 3),
        ),
    )


def test_search_from_the_header_then_filter_by_type(browser_page, search_server, axe):
    browser_page.goto(search_server + "/")
    browser_page.get_by_label("Search this site").fill("speech therapy")
    # Suggestions come as people type; let them arrive before the search leaves the page.
    browser_page.get_by_role("listbox", name="Suggested pages").wait_for(state="visible")
    browser_page.get_by_role("button", name="Search").click()

    browser_page.wait_for_url(lambda url: url.endswith("/search/?q=speech+therapy"))
    results = browser_page.locator(".search-result__link")
    assert results.count() >= 2
    assert browser_page.get_by_role("heading", level=1).inner_text() == "Search"
    assert browser_page.get_by_label("Search this site").input_value() == "speech therapy"
    axe(browser_page)

    news_filter = browser_page.get_by_role("link", name=re.compile(r"^News release \(\d+\)$"))
    news_count = int(re.search(r"\((\d+)\)", news_filter.inner_text()).group(1))
    news_filter.click()

    browser_page.wait_for_url(lambda url: "type=news-release" in url)
    titles = [title.strip() for title in results.all_inner_texts()]
    assert len(titles) == news_count
    assert "More speech therapy sessions" in titles
    assert (
        browser_page.locator(".search-result__type").all_inner_texts()
        == ["News release"] * news_count
    )
    ours = browser_page.locator(".search-result", has_text="More speech therapy sessions")
    assert ours.locator("time").inner_text() == "3 March 2025"
    axe(browser_page)
    assert browser_page.problems == []


def test_autocomplete_works_with_the_keyboard(browser_page, search_server, axe):
    browser_page.goto(search_server + "/search/")
    box = browser_page.get_by_role("combobox", name="Search this site")
    box.focus()
    browser_page.keyboard.type("acces")

    listbox = browser_page.get_by_role("listbox", name="Suggested pages")
    listbox.wait_for(state="visible")
    assert box.get_attribute("aria-expanded") == "true"
    options = listbox.get_by_role("option")
    assert options.first.inner_text().startswith("Accessibility statement")
    axe(browser_page)

    browser_page.keyboard.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert active == options.first.get_attribute("id")
    assert options.first.get_attribute("aria-selected") == "true"

    browser_page.keyboard.press("Enter")

    browser_page.wait_for_url("**/accessibility/")
    assert browser_page.get_by_role("heading", level=1).inner_text() == "Accessibility statement"
    assert browser_page.problems == []


def test_escape_closes_the_suggestions_and_enter_searches(browser_page, search_server):
    browser_page.goto(search_server + "/search/")
    box = browser_page.get_by_role("combobox", name="Search this site")
    box.focus()
    browser_page.keyboard.type("priv")
    browser_page.get_by_role("listbox").wait_for(state="visible")

    browser_page.keyboard.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    browser_page.keyboard.press("Enter")

    browser_page.wait_for_url(lambda url: url.endswith("/search/?q=priv"))


def test_search_works_without_javascript(browser, search_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(search_server + "/")
    page.get_by_label("Search this site").fill("privacy")
    page.get_by_role("button", name="Search").click()

    page.wait_for_url(lambda url: url.endswith("/search/?q=privacy"))
    assert page.locator(".search-result__link").first.inner_text() == "Privacy notice"
    assert page.get_by_role("searchbox", name="Search this site").input_value() == "privacy"
    context.close()


def test_search_page_is_usable_at_320_pixels(browser, search_server, axe):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(search_server + "/search/?q=speech+therapy")

    assert page.locator(".search-result").count() >= 2
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    axe(page)
    context.close()
