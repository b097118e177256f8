"""The service directory in a real browser: a family searches "speech" near a demo postcode,
ticks a category, opens a service; axe-core at WCAG 2.2 AA on every page; the filters work
with the keyboard alone and without JavaScript."""

from urllib.parse import parse_qs, urlsplit

from tests.browser.conftest import READING_BROWSER_TEST

pytestmark = READING_BROWSER_TEST


def test_a_family_searches_near_their_postcode_ticks_a_category_and_opens_a_service(
    browser_page, reading_demo, axe
):
    page = browser_page
    page.goto(reading_demo + "/")
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


def test_the_filters_work_with_the_keyboard_alone(browser_page, reading_demo):
    page = browser_page
    page.goto(reading_demo + "/services/")
    page.locator("#q").focus()
    page.keyboard.type("group")
    # Tab through the form to the "Free services only" box and tick it with the space bar, then
    # back up to "Apply filters" at the top of the filters.
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "free":
            break
    assert page.evaluate("document.activeElement.id") == "free"
    page.keyboard.press("Space")
    for _ in range(200):
        page.keyboard.press("Shift+Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Apply filters":
            break
    page.keyboard.press("Enter")
    page.wait_for_url("**free=1**")
    query = parse_qs(urlsplit(page.url).query)
    assert query["q"] == ["group"] and query["free"] == ["1"]
    assert page.locator(".service-card").count() >= 1
    assert page.locator(".service-card .tag", has_text="£").count() == 0


def test_the_directory_works_without_javascript(browser, reading_demo):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(reading_demo + "/services/?category=youth&age=14")
    assert page.locator(".service-card").count() >= 1
    page.get_by_text("Filter results").click()
    page.get_by_label("Age of child").fill("abc")
    page.get_by_role("button", name="Apply filters").click()
    assert "whole number from 0 to 25" in page.locator(".error-summary").inner_text()
    # The filters come back open, so the error summary's link lands on the field.
    assert page.get_by_label("Age of child").is_visible()
    context.close()


def test_on_a_phone_results_come_first_and_the_filters_fold_behind_one_control(
    browser, reading_demo
):
    """At 390px, without JavaScript: the results start on the first screen; the filters open
    from "Filter results", with the count and "Apply filters" at their top."""
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(reading_demo + "/services/")
    first_result = page.locator(".service-card").first
    assert first_result.bounding_box()["y"] < 844, "the first result is on the first screen"
    assert not page.get_by_label("Postcode").is_visible()

    page.get_by_text("Filter results").click()
    apply = page.get_by_role("button", name="Apply filters")
    count = page.locator(".filter-panel__count")
    assert count.inner_text() == page.locator("#results-heading").inner_text()
    assert count.inner_text().endswith("services found")
    first_filter = page.get_by_label("Postcode")
    assert apply.bounding_box()["y"] < first_filter.bounding_box()["y"]

    page.get_by_label("Free services only").check()
    apply.click()
    page.wait_for_url("**free=1**")
    assert page.get_by_text("Filter results (1 selected)").is_visible()
    assert page.locator(".service-card").first.bounding_box()["y"] < 844
    context.close()


def test_a_domestic_abuse_service_offers_exit_this_page(browser, reading_demo, settings, axe):
    """GOV.UK Frontend's "Exit this page": three presses of Shift leave for a neutral site
    (settings.EXIT_THIS_PAGE_URL); other services do not show it."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.route(
        settings.EXIT_THIS_PAGE_URL,
        lambda route: route.fulfill(body="<title>Weather</title>", content_type="text/html"),
    )
    page.goto(reading_demo + "/services/antenatal-classes/")
    assert page.locator(".govuk-exit-this-page").count() == 0

    page.goto(reading_demo + "/services/domestic-abuse-helpline/")
    button = page.get_by_role("button", name="Emergency Exit this page")
    assert button.is_visible()
    assert button.get_attribute("href") == settings.EXIT_THIS_PAGE_URL
    axe(page)
    page.locator("body").click()
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(settings.EXIT_THIS_PAGE_URL)
    context.close()
