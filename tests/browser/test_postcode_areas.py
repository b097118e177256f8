"""The finder for a postcode in another council's area, in a real browser on a phone and on a
desktop: the note and the GOV.UK link are seen, the page passes axe at WCAG 2.2 AA, nothing is
wider than the screen. Screenshots go to test-results/ to be looked at."""

from pathlib import Path

import pytest

from tests.browser.conftest import READING_BROWSER_TEST

pytestmark = READING_BROWSER_TEST

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "postcode-areas"


@pytest.mark.parametrize("width", [390, 1280])
def test_the_finder_tells_families_outside_the_area_where_to_look(
    browser, reading_demo, axe, width
):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for postcode, hubs_listed in (("SW1A 1AA", False), ("WV14 9NP", True)):
        page.goto(f"{reading_demo}/family-hubs/nearest/?postcode={postcode.replace(' ', '+')}")

        notice = page.locator("#area-notice")
        assert notice.is_visible()
        assert notice.locator(".area-notice__message").inner_text().startswith(f"{postcode} is in")
        link = notice.get_by_role("link", name="Find your local council on GOV.UK")
        assert link.is_visible()
        assert link.get_attribute("href") == "https://www.gov.uk/find-local-council"
        assert (page.locator("ol.card-list > li").count() > 0) is hubs_listed
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        axe(page)
        page.screenshot(
            path=SCREENSHOTS / f"finder-{postcode.replace(' ', '-')}-{width}.png", full_page=True
        )
    context.close()
