"""Filters with counts, sorting, dates, pagination and per-type boosts, on both backends."""

import pytest

from tests.search.conftest import add_page
from tests.search.test_search_page import result_titles, soup

pytestmark = pytest.mark.django_db


def type_links(response) -> dict[str, str]:
    return {
        link.get_text(" ", strip=True): link["href"]
        for link in soup(response).select(".search-filters nav:first-of-type a")
    }


def test_type_filter_lists_each_type_with_its_count(client, services_and_news):
    response = client.get("/search/", {"q": "speech therapy"})

    links = type_links(response)
    assert "Service (1)" in links
    assert "News release (1)" in links
    assert any(label.startswith("All results (") for label in links)


def test_filtering_by_type_shows_only_that_type_and_keeps_every_count(client, services_and_news):
    everything = client.get("/search/", {"q": "breastfeeding"})
    counts_before = set(type_links(everything))

    response = client.get("/search/", {"q": "breastfeeding", "type": "news-release"})

    assert result_titles(response) == ["Breastfeeding cafe opens in Bilston"]
    assert set(type_links(response)) == counts_before
    current = soup(response).select_one(".search-filters a[aria-current=true]")
    assert current.get_text(" ", strip=True) == "News release (1)"
    # The filter survives a new search from the box.
    assert (
        soup(response).select_one("form[role=search] input[name=type]")["value"] == "news-release"
    )


def test_news_results_show_their_date(client, services_and_news):
    response = client.get("/search/", {"q": "breastfeeding cafe"})

    first = soup(response).select_one(".search-result")
    assert first.select_one(".search-result__type").get_text() == "News release"
    assert first.select_one("time")["datetime"] == "2025-05-10"
    assert first.select_one("time").get_text() == "10 May 2025"


def test_services_rank_above_news_for_service_words(client, services_and_news):
    response = client.get("/search/", {"q": "speech therapy"})

    titles = result_titles(response)
    assert titles.index("Speech therapy drop-in") < titles.index(
        "More speech therapy sessions this summer"
    )


def test_newest_first_puts_the_latest_news_first(client, services_and_news):
    query = {"q": "wulfrun", "type": "news-release"}
    response = client.get("/search/", {**query, "sort": "newest"})

    assert result_titles(response) == [
        "Breastfeeding cafe opens in Bilston",  # 10 May 2025
        "More speech therapy sessions this summer",  # 3 March 2025
    ]
    current = soup(response).select("nav[aria-labelledby=sort-heading] a[aria-current=true]")
    assert [link.get_text() for link in current] == ["Newest"]


@pytest.fixture
def many_pages(engine, home_page, searchable):
    for number in range(1, 26):
        add_page(
            home_page,
            f"Holiday activity {number:02d}",
            f"Free holiday activity number {number} for children aged 5 to 16.",
            slug=f"holiday-activity-{number:02d}",
        )
    searchable()


def test_results_are_paginated(client, many_pages):
    first = client.get("/search/", {"q": "holiday activity"})
    third = client.get("/search/", {"q": "holiday activity", "page": 3})

    assert "25 results" in soup(first).select_one(".search-results__count").get_text()
    assert len(result_titles(first)) == 10
    assert len(result_titles(third)) == 5
    next_link = soup(first).select_one(".pagination a[rel=next]")["href"]
    assert "page=2" in next_link and "q=holiday+activity" in next_link
    assert soup(third).select_one("ol.search-results__list")["start"] == "21"
    assert not set(result_titles(first)) & set(result_titles(third))


@pytest.mark.parametrize(
    ("page", "expected_current"), [("-1", "1"), ("0", "1"), ("abc", "1"), ("99", "3")]
)
def test_out_of_range_pages_show_the_nearest_real_page(client, many_pages, page, expected_current):
    response = client.get("/search/", {"q": "holiday activity", "page": page})

    assert response.status_code == 200
    current = soup(response).select_one(".pagination a[aria-current=page]")
    assert current.get_text() == expected_current
    assert result_titles(response)


def test_unknown_type_and_sort_are_ignored(client, many_pages):
    response = client.get("/search/", {"q": "holiday activity", "type": "unknown", "sort": "x"})

    assert response.status_code == 200
    assert "25 results" in soup(response).select_one(".search-results__count").get_text()


def test_a_result_is_read_once_and_a_published_change_shows_at_once(
    client, services_and_news, searchable, monkeypatch
):
    """What a result shows of a page is kept with the shared content: the same search again
    reads no page, and a page published under a new title shows its new title at once."""
    from search import result_cards

    read = []
    read_result_cards = result_cards._read_result_cards

    def counting(pks, *args):
        read.extend(pks)
        return read_result_cards(pks, *args)

    monkeypatch.setattr(result_cards, "_read_result_cards", counting)
    query = {"q": "speech therapy"}

    first = result_titles(client.get("/search/", query))
    assert "Speech therapy drop-in" in first
    assert len(read) == len(first)
    read.clear()
    assert result_titles(client.get("/search/", query)) == first
    assert read == []

    page = services_and_news["speech-therapy-drop-in"].get_latest_revision_as_object()
    page.title = "Speech and language drop-in"
    page.save_revision().publish()
    searchable()
    titles = result_titles(client.get("/search/", query))
    assert "Speech and language drop-in" in titles
    assert "Speech therapy drop-in" not in titles
