"""Synonyms (editors' list and British/American spellings) and "Did you mean", on both
backends: Elasticsearch applies synonyms in its analyzer; the database backend rewrites the
query with the same list. Elasticsearch suggests spellings from its index, the database backend
from the site's titles and summaries (search.spelling)."""

import pytest

from search.models import SearchSynonym
from tests.search.conftest import DATABASE_ONLY, ELASTICSEARCH_ONLY, add_page
from tests.search.test_search_page import result_titles, soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def local_pages(engine, home_page, searchable):
    add_page(
        home_page,
        "Nursery places",
        "Free nursery places for two, three and four year olds.",
        "Apply for up to 30 hours of nursery for your child.",
    )
    add_page(
        home_page,
        "SEND local offer",
        "Support for children with SEND in Wulfrun schools.",
        "Our SEND team works with schools and families.",
    )
    add_page(
        home_page,
        "Colour and play sessions",
        "Messy play with paint and colour for toddlers.",
    )
    add_page(
        home_page,
        "Paediatric first aid course",
        "Learn first aid for babies and young children.",
    )
    searchable()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("childcare", "Nursery places"),
        ("early years", "Nursery places"),
        ("special educational needs", "SEND local offer"),
        ("mother", "Breastfeeding and you"),
        ("infant feeding", "Breastfeeding and you"),
        ("color", "Colour and play sessions"),
        ("pediatric first aid", "Paediatric first aid course"),
    ],
)
def test_synonyms_find_pages_that_use_the_other_word(
    client, local_pages, home_page, searchable, query, expected
):
    add_page(
        home_page,
        "Breastfeeding and you",
        "Support for mums who breastfeed, from pregnancy onwards.",
    )
    searchable()

    titles = result_titles(client.get("/search/", {"q": query}))

    assert expected in titles[:3], titles


def test_an_editors_new_synonym_applies_after_the_rebuild(
    client, engine, local_pages, home_page, searchable
):
    add_page(home_page, "Stay and play", "Songs, toys and games for under-fives.")
    searchable()
    assert "Stay and play" not in result_titles(client.get("/search/", {"q": "playgroup"}))

    SearchSynonym.objects.create(terms="playgroup, stay and play")
    # Saving queues a rebuild of Elasticsearch's index (the tests' in-process task backend
    # runs it at once); the database backend reads synonyms as it searches.
    searchable()

    assert "Stay and play" in result_titles(client.get("/search/", {"q": "playgroup"}))[:3]


def test_misspelt_query_suggests_the_right_spelling(client, engine, services_and_news):
    response = client.get("/search/", {"q": "breastfeading"})

    suggestion = soup(response).select_one(".search-suggestion")
    assert suggestion.get_text(" ", strip=True) == "Did you mean breastfeeding ?"
    assert suggestion.select_one("a")["href"] == "?q=breastfeeding"


def test_a_misspelt_word_beside_a_good_one_is_still_corrected(client, engine, services_and_news):
    response = client.get("/search/", {"q": "breastfeading cafe"})

    # "cafe" alone finds a result, but the query as typed found nothing.
    assert soup(response).select_one(".search-suggestion a").get_text() == "breastfeeding cafe"


def test_following_the_suggestion_runs_that_search(client, engine, services_and_news):
    typed = client.get("/search/", {"q": "brestfeeding", "type": "service"})
    href = soup(typed).select_one(".search-suggestion a")["href"]

    assert href == "?q=breastfeeding&type=service"
    followed = client.get(f"/search/{href}")
    assert result_titles(followed) == ["Baby feeding support group"]
    assert soup(followed).select_one("#search-query")["value"] == "breastfeeding"
    assert not soup(followed).select(".search-suggestion")


@pytest.mark.parametrize(
    "query",
    [
        "breastfeeding",  # found, if only twice: a real word is never corrected
        "speech therapy",
        "xyzzy",  # nothing on the site is near it
        "todler",  # near nothing the site uses
    ],
)
def test_no_suggestion_for_real_words_or_words_near_nothing(
    client, engine, services_and_news, query
):
    response = client.get("/search/", {"q": query})

    assert not soup(response).select(".search-suggestion")


def test_no_suggestion_when_the_query_finds_plenty(client, engine, services_and_news):
    response = client.get("/search/", {"q": "family hubs"})

    assert not soup(response).select(".search-suggestion")


def test_a_private_pages_words_are_never_suggested(client, engine, home_page, searchable):
    from wagtail.models import PageViewRestriction

    private = add_page(
        home_page, "Safeguarding panel minutes", "Minutes of the Zephyrine case review."
    )
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    add_page(home_page, "Zephyr room", "Book the zephyr room for a meeting.")
    searchable()

    response = client.get("/search/", {"q": "zephyrinne"})

    assert "Zephyrine" not in response.content.decode()
    assert not soup(response).select(".search-suggestion")


def test_the_demos_misspellings_are_corrected(client, whole_demo, engine):
    for typed, expected in [
        ("brestfeeding", "breastfeeding"),
        ("antinatal classes", "antenatal classes"),
        ("speach therapy", "speech therapy"),
    ]:
        response = client.get("/search/", {"q": typed})
        assert soup(response).select_one(".search-suggestion a").get_text() == expected


@ELASTICSEARCH_ONLY
def test_changing_synonyms_queues_a_rebuild_for_later(settings, engine):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    SearchSynonym.objects.create(terms="playgroup, stay and play")
    SearchSynonym.objects.create(terms="buggy, pushchair")

    rebuilds = DBTaskResult.objects.filter(task_path="search.tasks.rebuild_search_index")
    assert rebuilds.count() == 1, "a run of edits makes one rebuild"
    delay = (rebuilds.get().run_after - rebuilds.get().enqueued_at).total_seconds()
    assert delay == pytest.approx(settings.SEARCH_SYNONYMS_REBUILD_DELAY_SECONDS, abs=5)


@DATABASE_ONLY
def test_the_sites_words_are_kept_with_the_shared_content(
    client, engine, services_and_news, home_page, searchable, monkeypatch
):
    """The database backend's vocabulary is built once, not for each search, and built again
    after a publish: a new page's words are suggested at once."""
    from search import ranking

    builds = []
    build_vocabulary = ranking.build_vocabulary

    def counting(pages):
        builds.append(1)
        return build_vocabulary(pages)

    monkeypatch.setattr(ranking, "build_vocabulary", counting)

    client.get("/search/", {"q": "breastfeading"})
    client.get("/search/", {"q": "brestfeeding"})
    assert len(builds) == 1

    add_page(home_page, "Stammering support group", "For children who stammer.")
    searchable()
    response = client.get("/search/", {"q": "stammerring"})
    assert soup(response).select_one(".search-suggestion a").get_text() == "stammering"
    assert len(builds) == 2
