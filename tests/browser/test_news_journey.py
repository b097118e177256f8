"""News in a real browser: open /news/, filter by a topic, open a release; axe-core finds
nothing at WCAG 2.2 AA on the way, and the filters work without JavaScript."""

from tests.browser.conftest import READING_BROWSER_TEST

pytestmark = READING_BROWSER_TEST


def test_a_reader_filters_the_news_by_topic_and_opens_a_release(browser_page, reading_demo, axe):
    page = browser_page

    response = page.goto(reading_demo + "/news/")
    assert response.status == 200
    assert page.locator("h1").inner_text() == "News"
    assert page.locator(".news-results__count[role=status]").inner_text().endswith("news releases")
    axe(page)

    page.get_by_label("Topic").select_option(label="Inspections")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**/news/?topic=inspections*")
    assert (
        page.locator(".news-results__count[role=status]").inner_text()
        == "2 news releases about Inspections"
    )
    headlines = page.locator(".news-card .card__title a")
    assert headlines.count() == 2
    axe(page)

    headline = headlines.first.inner_text()
    headlines.first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == headline
    assert page.locator(".news-release__date").inner_text().startswith("Published ")
    hero = page.locator(".news-release__hero img")
    assert hero.evaluate("image => image.complete && image.naturalWidth > 0"), "the hero loads"
    assert hero.evaluate("image => image.currentSrc").endswith(".webp"), "Chromium takes WebP"
    axe(page)
    assert page.problems == [], page.problems


def test_the_filters_work_without_javascript(browser, reading_demo, axe):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(reading_demo + "/news/")

    page.get_by_text("Filter news releases").click()
    page.get_by_label("Year").select_option("2024")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**/news/?topic=&year=2024")

    assert (
        page.locator(".news-results__count[role=status]").inner_text() == "3 news releases in 2024"
    )
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, "no sideways scrolling at 320px"
    context.close()
