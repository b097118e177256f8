"""The service directory in a real browser: a family searches "speech" near a demo postcode,
ticks a category, opens a service; axe-core at WCAG 2.2 AA on every page; the filters work
with the keyboard alone and without JavaScript."""

from urllib.parse import parse_qs, urlsplit

from tests.browser.conftest import BROWSER_TEST

pytestmark = BROWSER_TEST


def test_a_family_searches_near_their_postcode_ticks_a_category_and_opens_a_service(
    browser_page, demo_server, axe
):
    page = browser_page
    page.goto(demo_server + "/")
    page.get_by_role("link", name="Find a service").first.click()
    assert page.locator("h1").inner_text() == "Find a service"
    axe(page)

    page.get_by_label("What are you looking for?").fill("speech")
    page.get_by_label("Postcode").fill("wv14 0aa")
    page.get_by_role("button", name="Apply filters").click()
    # The results count (the header's search box has a status region of its own).
    status = page.locator("form.service-search [role=status]")
    assert "near WV14 0AA" in status.inner_text()
    before = int(status.inner_text().split()[0])
    assert before >= 2
    assert (
        page.locator(".service-card .card__distance").count()
        == page.locator(".service-card").count()
    )
    axe(page)

    page.get_by_label("Speech and language therapy").check()
    page.get_by_role("button", name="Apply filters").click()
    query = parse_qs(urlsplit(page.url).query)
    assert query["category"] == ["speech-and-language-therapy"]
    assert query["postcode"] == ["WV14 0AA"] or query["postcode"] == ["wv14 0aa"]
    after = int(page.locator("form.service-search [role=status]").inner_text().split()[0])
    assert 1 <= after <= before
    axe(page)

    first = page.locator(".service-card h3 a").first
    title = first.inner_text()
    first.click()
    assert page.locator("h1").inner_text() == title
    assert "Last reviewed" in page.locator("main").inner_text()
    axe(page)
    assert page.problems == []


def test_the_filters_work_with_the_keyboard_alone(browser_page, demo_server):
    page = browser_page
    page.goto(demo_server + "/services/")
    page.locator("#q").focus()
    page.keyboard.type("group")
    # Tab through the form to the "Free services only" box and tick it with the space bar.
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "free":
            break
    assert page.evaluate("document.activeElement.id") == "free"
    page.keyboard.press("Space")
    while page.evaluate("document.activeElement.textContent.trim()") != "Apply filters":
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**free=1**")
    query = parse_qs(urlsplit(page.url).query)
    assert query["q"] == ["group"] and query["free"] == ["1"]
    assert page.locator(".service-card").count() >= 1
    assert page.locator(".service-card .tag", has_text="£").count() == 0


def test_the_directory_works_without_javascript(browser, demo_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(demo_server + "/services/?category=youth&age=14")
    assert page.locator(".service-card").count() >= 1
    page.get_by_label("Age of child").fill("abc")
    page.get_by_role("button", name="Apply filters").click()
    assert "whole number from 0 to 25" in page.locator(".error-summary").inner_text()
    context.close()
