"""/search/: what a family sees, on both backends."""

import pytest

from tests.html import soup
from tests.search.conftest import DATABASE_ONLY, ELASTICSEARCH_ONLY, add_page

pytestmark = pytest.mark.django_db


def result_titles(response) -> list[str]:
    return [link.get_text(strip=True) for link in soup(response).select(".search-result__link")]


def test_search_page_without_a_query_shows_the_form(client, site):
    response = client.get("/search/")

    assert response.status_code == 200
    page = soup(response)
    assert page.select_one("form[role=search] input[name=q]")["type"] == "search"
    assert page.select_one("label[for=search-query]").get_text(strip=True) == "Search this site"
    assert not page.select(".search-result")


def test_finds_a_page_by_a_word_in_its_title(client, engine):
    response = client.get("/search/", {"q": "privacy"})

    assert response.status_code == 200
    assert result_titles(response)[0] == "Privacy notice"
    assert soup(response).select_one("#search-query")["value"] == "privacy"


def test_results_show_type_label_title_and_summary(client, engine):
    response = client.get("/search/", {"q": "accessibility"})

    result = soup(response).select_one(".search-result")
    assert result.select_one(".search-result__type").get_text(strip=True) == "Page"
    assert result.select_one(".search-result__link")["href"] == "/accessibility/"
    summary = result.select_one(".search-result__summary").get_text()
    assert summary == "How accessible this website is, and how to report a problem."


@ELASTICSEARCH_ONLY
def test_elasticsearch_highlights_the_matched_words(client, engine):
    response = client.get("/search/", {"q": "report a problem"})

    summary = soup(response).select_one(".search-result__summary")
    assert {"report", "problem"} <= {mark.get_text() for mark in summary.select("mark")}


@DATABASE_ONLY
def test_database_summary_is_plain(client, engine):
    response = client.get("/search/", {"q": "accessible"})

    assert not soup(response).select(".search-result__summary mark")


def test_no_results_says_so(client, engine):
    response = client.get("/search/", {"q": "zebra crossing"})

    assert response.status_code == 200
    assert (
        soup(response)
        .select_one(".search-results__count")
        .get_text(" ", strip=True)
        .startswith("No results")
    )


def test_summary_markup_from_editors_is_escaped(client, engine, home_page, searchable):
    add_page(home_page, "Toy library", "Borrow toys <script>alert(1)</script> for free.")
    searchable()

    response = client.get("/search/", {"q": "toy library"})

    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
