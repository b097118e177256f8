"""Every public page type, on a phone (390px) and a desktop (1280px): a full-page screenshot into
test-results/screenshots/, and the layout asserted, so a broken stylesheet cannot pass unseen
(a missing brace once scoped every later rule inside one selector: no hub map, the sidebar below
the content, and no test noticed).

- A map, where the page has one, is drawn and at least 200px high.
- A sidebar sits beside the main column at 1280px (to its right) and below it at 390px.
- Filters sit beside the results at 1280px; at 390px they fold behind one control and the
  results come first.
- Nothing is wider than a 390px screen: no sideways scrolling, no element past the right edge.
- axe-core finds nothing at WCAG 2.2 AA, at both widths."""

import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

import pytest

from tests.browser.conftest import READING_BROWSER_TEST

pytestmark = READING_BROWSER_TEST

SCREENSHOTS = Path(settings.BASE_DIR) / "test-results" / "screenshots"
PHONE, DESKTOP = 390, 1280


@dataclass(frozen=True)
class PageType:
    name: str
    path: str
    status: int = 200
    map: bool = False
    sidebar: bool = False
    # The filters' column and the results' column, for pages that filter a list.
    filters: str = ""
    results: str = ""
    # Something the page must show, so a screenshot of an empty page cannot pass.
    shows: str = "main h1"


PAGE_TYPES = [
    PageType("home", "/", shows=".panel form"),
    PageType("standard-page", "/about-family-hubs/", shows=".prose p"),
    PageType("hub-index", "/family-hubs/", map=True, shows=".card-list .card"),
    PageType("hub-page", "/family-hubs/bilston/", map=True, sidebar=True, shows="table"),
    PageType(
        "hub-finder-results",
        "/family-hubs/nearest/?postcode=WV14+0AA",
        shows=".card--highlight",
    ),
    PageType(
        "service-index",
        "/services/",
        filters=".service-filters",
        results=".service-results",
        shows=".service-card",
    ),
    PageType(
        "service-index-filtered",
        "/services/?q=speech&postcode=WV14+0AA&category=speech-and-language",
        filters=".service-filters",
        results=".service-results",
        shows=".service-card",
    ),
    PageType("service-page", "/services/domestic-abuse-helpline/", sidebar=True, shows=".sidebar"),
    PageType("whats-on", "/whats-on/", shows=".whats-on__entry"),
    PageType("whats-on-filtered", "/whats-on/?hub=bilston&age=1", shows=".whats-on__entry"),
    PageType(
        "news-index",
        "/news/",
        filters=".news-filters",
        results=".news-results",
        shows=".news-card",
    ),
    PageType(
        "news-release",
        "/news/have-your-say-on-send-support-in-family-hubs/",
        shows=".news-release .prose",
    ),
    PageType(
        "search-results",
        "/search/?q=stay+and+play",
        filters=".search-filters",
        results=".search-results",
        shows=".search-result",
    ),
    PageType("topic-index", "/help/", shows=".topic-cards .topic-card"),
    PageType("topic-page", "/help/babies-and-toddlers/", shows=".topic-services .service-card"),
    PageType(
        "topic-page-near",
        "/help/babies-and-toddlers/?postcode=WV14+0AA",
        shows=".topic-services .card__distance",
    ),
    PageType("start-for-life-offer", "/help/start-for-life/", shows=".offer-service dl"),
    PageType("not-found", "/no-such-page/", status=404),
]

# Elements wider than the screen, or past its right edge, that the reader could scroll to. An
# element inside a box that clips (Leaflet's panes inside the map) cannot be scrolled to.
OVERFLOWING_ELEMENTS = """
(width) => {
    // The page itself scrolls (GOV.UK Frontend gives <html> overflow-y: scroll): only boxes
    // inside the body count as clipping.
    const clips = (element) => {
        for (
            let parent = element.parentElement;
            parent && parent !== document.body;
            parent = parent.parentElement
        ) {
            const style = getComputedStyle(parent);
            if (style.overflowX !== "visible" || style.clipPath !== "none") {
                return true;
            }
        }
        return false;
    };
    const found = [];
    for (const element of document.body.querySelectorAll("*")) {
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) {
            continue;
        }
        if ((box.right > width + 0.5 || box.left < -0.5) && !clips(element)) {
            const name = element.tagName.toLowerCase() +
                (element.id ? "#" + element.id : "") +
                (element.className && typeof element.className === "string"
                    ? "." + element.className.trim().split(/\\s+/).join(".") : "");
            found.push(`${name} spans ${Math.round(box.left)} to ${Math.round(box.right)}px`);
        }
    }
    return found;
}
"""


def box(locator) -> dict:
    found = locator.bounding_box()
    assert found, f"{locator} is not shown"
    return found


def layout_problems(page, page_type: PageType, width: int) -> list[str]:
    """What is wrong with the page's layout at this width: an empty list when all is well."""
    problems = []
    if page_type.map:
        container = page.locator("[data-hub-map]")
        if not container.is_visible():
            problems.append("the map is not shown")
        elif (height := container.bounding_box()["height"]) < 200:
            problems.append(f"the map is {height:.0f}px high, less than 200px")

    if page_type.sidebar:
        sidebar = page.locator(".sidebar")
        main_column = sidebar.locator("xpath=preceding-sibling::*[1]")
        side, main = box(sidebar), box(main_column)
        if width >= DESKTOP:
            if side["x"] < main["x"] + main["width"] - 1:
                problems.append(
                    f"the sidebar starts at {side['x']:.0f}px, inside the main column "
                    f"(which ends at {main['x'] + main['width']:.0f}px)"
                )
            if side["y"] > main["y"] + 200:
                problems.append("the sidebar is below the main column, not beside it")
        elif side["y"] < main["y"] + main["height"] - 1:
            problems.append("on a phone the sidebar comes before the end of the main column")

    if page_type.filters:
        filters, results = page.locator(page_type.filters), page.locator(page_type.results)
        panel = filters.locator("details")
        if width >= DESKTOP:
            left, right = box(filters), box(results)
            if right["x"] < left["x"] + left["width"] - 1 or abs(right["y"] - left["y"]) > 5:
                problems.append("the filters are not beside the results")
            if panel.count() and not panel.evaluate("details => details.open"):
                problems.append("the filters are folded away on a desktop")
        else:
            if panel.evaluate("details => details.open"):
                problems.append("the filters are open on a phone, above the results")
            first_result = results.locator("li, .news-results__empty").first
            if box(first_result)["y"] > 900:
                problems.append(
                    f"the first result starts {box(first_result)['y']:.0f}px down, "
                    "below the first screen"
                )

    if width <= PHONE:
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > width:
            problems.append(f"the page scrolls sideways: {scroll_width}px wide")
        problems += page.evaluate(OVERFLOWING_ELEMENTS, width)
    return problems


def show_every_image(page):
    """Below-the-fold images are lazy: load them all, so the screenshot shows the whole page."""
    page.evaluate(
        """() => Promise.all([...document.images].map((image) => {
            image.loading = "eager";
            return image.complete ? null : new Promise((done) => {
                image.addEventListener("load", done);
                image.addEventListener("error", done);
            });
        }))"""
    )


def open_page(browser, url: str, width: int, **context):
    browser_context = browser.new_context(viewport={"width": width, "height": 900}, **context)
    page = browser_context.new_page()
    page.problems = []
    page.on("pageerror", lambda error: page.problems.append(f"page error: {error}"))
    page.on(
        "console",
        # GOV.UK Frontend reports a component that failed to start with console.log.
        lambda message: (
            page.problems.append(f"console {message.type}: {message.text}")
            if message.type == "error" or (message.type == "log" and "Error" in message.text)
            else None
        ),
    )
    response = page.goto(url)
    return browser_context, page, response


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda page_type: page_type.name)
def test_every_page_type_is_laid_out_right(browser, reading_demo, axe, page_type):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width in (PHONE, DESKTOP):
        browser_context, page, response = open_page(browser, reading_demo + page_type.path, width)
        assert response.status == page_type.status
        page.locator(page_type.shows).first.wait_for()
        if page_type.map:
            page.locator(".leaflet-marker-icon").first.wait_for()
        show_every_image(page)
        page.screenshot(path=SCREENSHOTS / f"{page_type.name}-{width}.png", full_page=True)

        assert layout_problems(page, page_type, width) == [], f"at {width}px"
        axe(page)
        # GOV.UK Frontend's components report set-up errors to the console (a missing
        # breakpoint property, say): none may. A 404 page's own status is not a problem.
        problems = [p for p in page.problems if not (page_type.status == 404 and "404" in p)]
        assert problems == [], f"at {width}px"
        browser_context.close()


def test_the_layout_check_catches_a_missing_brace(browser, reading_demo):
    """Guard against a check that passes everything: the stylesheet with one closing brace
    taken out (near its start, as happened in harbour.css) must fail on the hub page."""

    def without_a_brace(route):
        css = route.fetch().text()
        start = css.index(".govuk-link{")
        brace = css.index("}", start)
        route.fulfill(body=css[:brace] + css[brace + 1 :], content_type="text/css")

    hub_page = next(p for p in PAGE_TYPES if p.name == "hub-page")
    browser_context = browser.new_context(viewport={"width": DESKTOP, "height": 900})
    page = browser_context.new_page()
    page.route(re.compile(r".*/harbour\.css$"), without_a_brace)
    page.goto(reading_demo + hub_page.path)
    page.locator(".leaflet-marker-icon").first.wait_for(state="attached")

    problems = layout_problems(page, hub_page, DESKTOP)

    assert any("map" in problem for problem in problems), problems
    assert any("sidebar" in problem for problem in problems), problems
    browser_context.close()


def test_the_overflow_check_catches_a_wide_element(browser, reading_demo):
    browser_context, page, _ = open_page(browser, reading_demo + "/about-family-hubs/", PHONE)
    page.evaluate(
        """() => {
            const wide = document.createElement("div");
            wide.id = "too-wide";
            wide.textContent = "x";
            wide.style.width = "600px";
            document.querySelector("main").append(wide);
        }"""
    )

    problems = layout_problems(page, PAGE_TYPES[1], PHONE)

    assert any("scrolls sideways" in problem for problem in problems), problems
    assert any(problem.startswith("div#too-wide") for problem in problems), problems
    browser_context.close()


def test_the_start_for_life_offer_prints_as_a_handout(browser, reading_demo):
    """Printed (or saved as PDF by the browser), the offer is the services alone: no header,
    navigation, breadcrumbs, footer, contents list or download link, and each service's
    address written out after its name, as paper cannot follow a link."""
    offer = next(p for p in PAGE_TYPES if p.name == "start-for-life-offer")
    browser_context, page, response = open_page(browser, reading_demo + offer.path, DESKTOP)
    assert response.status == 200
    page.emulate_media(media="print")
    page.screenshot(path=SCREENSHOTS / "start-for-life-offer-print.png", full_page=True)

    for left_out in (
        ".site-header",
        ".govuk-service-navigation",
        ".govuk-breadcrumbs",
        ".site-footer",
        ".offer__contents",
        ".offer__download",
    ):
        assert page.locator(left_out).first.is_hidden(), f"{left_out} is printed"
    first_service = page.locator(".offer-service__title .govuk-link[data-print-url]").first
    printed_after = first_service.evaluate("link => getComputedStyle(link, '::after').content")
    assert first_service.get_attribute("data-print-url") in printed_after
    assert page.locator(".offer-service dl").first.is_visible()
    browser_context.close()
