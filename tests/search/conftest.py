"""Fixtures for the search tests: run a test on both backends, and add realistic pages."""

import io

from django.core.management import call_command

import pytest

from demo.site import ensure_child_page, heading, paragraph
from website.models import StandardPage

# Decorate a test with one of these to run it on one backend only (what the other backend
# does not do, such as highlighting): they narrow the `engine` fixture's parameters.
ELASTICSEARCH_ONLY = pytest.mark.parametrize(
    "engine", [pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)], indirect=True
)
DATABASE_ONLY = pytest.mark.parametrize("engine", ["database"], indirect=True)


@pytest.fixture(params=["database", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)])
def engine(request, site):
    """The search backend under test, with the site-wide demo pages indexed: "database" or
    "elasticsearch" (the real node; skipped locally without one, failing in CI). Tests add the
    pages they search for; the relevance test loads the whole demo (`whole_demo`)."""
    if request.param == "elasticsearch":
        request.getfixturevalue("elasticsearch")
    return request.param


@pytest.fixture
def whole_demo(site):
    """Every app's demo content (hubs, services, news), as `make run` shows it."""
    call_command("load_demo", stdout=io.StringIO())


@pytest.fixture
def searchable(engine):
    """Call after changing content: makes the changes visible to the search under test
    (Elasticsearch shows changes after a refresh, by default within a second)."""

    def refresh():
        if engine == "elasticsearch":
            from search.engines import elasticsearch_backend

            elasticsearch_backend().refresh_indexes()

    return refresh


def add_page(parent, title: str, summary: str = "", *paragraphs: str, slug: str | None = None):
    body = [heading(title), paragraph(*paragraphs)] if paragraphs else []
    page, _ = ensure_child_page(
        parent,
        StandardPage(
            title=title, slug=slug or title.lower().replace(" ", "-"), summary=summary, body=body
        ),
    )
    return page


@pytest.fixture
def services_and_news(engine, home_page, searchable):
    """Two services and two news releases, shaped like the domain apps' page types
    (tests.testapp): the type filter, boosts, dates and geo are tested against them."""
    from datetime import date

    from tests.testapp.models import ExampleNewsPage, ExampleServicePage

    pages = {}
    for spec in [
        ExampleServicePage(
            title="Speech therapy drop-in",
            slug="speech-therapy-drop-in",
            summary="Speech and language therapists answer questions about your child's talking.",
            description="Every Tuesday at Bilston family hub. No appointment needed.",
            latitude=52.5660,
            longitude=-2.0730,
        ),
        ExampleServicePage(
            title="Baby feeding support group",
            slug="baby-feeding-support-group",
            summary="Help with breastfeeding and bottle feeding from trained peer supporters.",
            description="Thursdays at Whitmore Reans family hub.",
            latitude=52.5930,
            longitude=-2.1410,
        ),
        ExampleNewsPage(
            title="More speech therapy sessions this summer",
            slug="more-speech-therapy-sessions",
            summary="The speech therapy drop-in in Wulfrun opens on Saturdays from June.",
            release_date=date(2025, 3, 3),
        ),
        ExampleNewsPage(
            title="Breastfeeding cafe opens in Bilston",
            slug="breastfeeding-cafe-opens",
            summary="A weekly cafe in Wulfrun for breastfeeding mums and their babies.",
            release_date=date(2025, 5, 10),
        ),
    ]:
        page, _ = ensure_child_page(home_page, spec)
        pages[page.slug] = page
    searchable()
    return pages
