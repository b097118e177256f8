"""What comes first, on both engines: services above news that match as well, an exact title
above everything, older news below newer, and a page with every word above a boosted one with
some (docs/search.md, "Relevance"). Page types from tests.testapp, shaped like the domain
apps'."""

from datetime import timedelta

from django.utils import timezone

import pytest

from demo.site import ensure_child_page
from tests.search.conftest import DATABASE_ONLY, add_page
from tests.search.test_search_page import result_titles

pytestmark = pytest.mark.django_db


def add_service(parent, title: str, summary: str = "", description: str = ""):
    from tests.testapp.models import ExampleServicePage

    page, _ = ensure_child_page(
        parent,
        ExampleServicePage(
            title=title,
            slug=title.lower().replace(" ", "-").replace(",", ""),
            summary=summary,
            description=description,
        ),
    )
    return page


def add_news(parent, title: str, summary: str, days_old: int, slug: str | None = None):
    from tests.testapp.models import ExampleNewsPage

    page, _ = ensure_child_page(
        parent,
        ExampleNewsPage(
            title=title,
            slug=slug or title.lower().replace(" ", "-"),
            summary=summary,
            release_date=(timezone.now() - timedelta(days=days_old)).date(),
        ),
    )
    return page


def test_services_come_before_news_that_match_as_well(client, engine, home_page, searchable):
    add_news(home_page, "Stay and play sessions", "Stay and play is back at every hub.", 10)
    add_service(home_page, "Stay and play, Penn", "Songs, messy play and stories.")
    searchable()

    assert result_titles(client.get("/search/", {"q": "stay and play"}))[:2] == [
        "Stay and play, Penn",
        "Stay and play sessions",
    ]


def test_an_exact_title_wins(client, engine, home_page, searchable):
    add_service(home_page, "Baby bank donations", "Give to the baby bank: clothes, cots, prams.")
    add_service(home_page, "Baby bank collection points", "Where to collect from the baby bank.")
    add_page(home_page, "Baby bank", "Free clothes and cots for families who need them.")
    searchable()

    assert result_titles(client.get("/search/", {"q": "baby bank"}))[0] == "Baby bank"


@pytest.mark.parametrize("older_added_first", [True, False])
def test_older_news_sinks_below_newer_news(
    client, engine, home_page, searchable, older_added_first
):
    # Added in both orders: each engine orders equals by when they were added, one way or the
    # other, and only their dates may decide here.
    releases = [
        ("Holiday club places", "Book holiday club places now.", 3 * 365, "old"),
        ("Holiday club places", "Book holiday club places now.", 20, "new"),
    ]
    for release in releases if older_added_first else reversed(releases):
        add_news(home_page, *release)
    searchable()

    response = client.get("/search/", {"q": "holiday club places"})

    slugs = [hit.card.url.strip("/").rsplit("/", 1)[-1] for hit in response.context["outcome"].hits]
    assert slugs.index("new") < slugs.index("old")


def test_a_page_with_every_word_in_its_title_beats_a_service_with_some(
    client, engine, home_page, searchable
):
    add_service(
        home_page,
        "Family cooking on a budget",
        "Six sessions of cheap, healthy family meals.",
        "Held at two family hubs.",
    )
    add_news(
        home_page,
        "Council sets out family hubs budget",
        "The budget keeps every family hub open.",
        3 * 365,
    )
    searchable()

    titles = result_titles(client.get("/search/", {"q": "family hubs budget"}))

    assert titles[0] == "Council sets out family hubs budget"
    assert "Family cooking on a budget" in titles


def test_a_page_named_by_the_words_typed_comes_first(client, engine, home_page, searchable):
    add_page(home_page, "Family hubs", "Find a family hub near you and see when it is open.")
    for place in ("Bilston", "Penn", "Tettenhall"):
        add_service(home_page, f"{place} Family Hub", f"Find a family hub in {place}.")
    searchable()

    assert result_titles(client.get("/search/", {"q": "find a family hub"}))[0] == "Family hubs"


@DATABASE_ONLY
def test_the_database_ranks_the_best_match_first_whatever_the_number_of_words(
    engine, home_page, settings
):
    """SQLite's bm25() is negative; Wagtail's backend multiplied (1 + score) once per required
    word, which turned the order upside down for two words (search/backends/database.py)."""
    from wagtail.models import Page

    from search.engines import database_backend
    from search.query_slots import database_query

    add_page(
        home_page,
        "About us",
        "Who we are.",
        "We run many services. " * 20 + "Some of them let you stay and play.",
    )
    add_page(home_page, "Stay and play", "Stay and play with your toddler: songs and play.")

    for text in ("play", "stay and play", "stay and play toddler"):
        found = database_backend().search(database_query(text, []), Page.objects.live())
        assert found[0].title == "Stay and play", text
