"""The listing's query-string rules and pagination window: plain functions, no database."""

import pytest

from news.listing import (
    InvalidListingParameter,
    ListingFilters,
    parse_filters,
    parse_page_number,
)
from website.pagination import page_links


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, ListingFilters()),
        ({"topic": "", "year": ""}, ListingFilters()),
        ({"topic": "consultations"}, ListingFilters(topic="consultations")),
        ({"year": "2024"}, ListingFilters(year=2024)),
        ({"topic": " new-hubs ", "year": " 2023 "}, ListingFilters(topic="new-hubs", year=2023)),
    ],
)
def test_filters_are_read_from_the_query_string(query, expected):
    assert parse_filters(query) == expected


@pytest.mark.parametrize(
    "query",
    [
        {"year": "20x6"},
        {"year": "24"},
        {"year": "0999"},
        {"year": "20245"},
        {"year": "9999"},  # its end, 1 January 10000, is past the last datetime
        {"year": "\uff12\uff10\uff12\uff14"},  # full-width digits: isdigit() says yes
        {"topic": "<script>"},
        {"topic": "consultations/../admin"},
    ],
)
def test_values_that_name_nothing_are_refused(query):
    with pytest.raises(InvalidListingParameter):
        parse_filters(query)


@pytest.mark.parametrize(("raw", "expected"), [(None, 1), ("", 1), ("1", 1), ("12", 12)])
def test_page_numbers(raw, expected):
    assert parse_page_number(raw) == expected


@pytest.mark.parametrize("raw", ["abc", "0", "-1", "1.5", "9999999", "²"])
def test_page_numbers_that_are_not_page_numbers_are_refused(raw):
    with pytest.raises(InvalidListingParameter):
        parse_page_number(raw)


def test_query_string_keeps_filters_and_omits_the_first_page():
    filters = ListingFilters(topic="consultations", year=2024)

    assert filters.query_string() == "?topic=consultations&year=2024"
    assert filters.query_string(3) == "?topic=consultations&year=2024&page=3"
    assert ListingFilters().query_string() == ""
    assert ListingFilters().query_string(2) == "?page=2"


@pytest.mark.parametrize(
    ("current", "total", "expected"),
    [
        (1, 1, []),
        (1, 2, [1, 2]),
        (1, 5, [1, 2, None, 5]),
        (3, 5, [1, 2, 3, 4, 5]),
        (5, 10, [1, None, 4, 5, 6, None, 10]),
        (10, 10, [1, None, 9, 10]),
        (250, 250, [1, None, 249, 250]),
    ],
)
def test_pagination_shows_first_last_and_neighbours_with_gaps(current, total, expected):
    assert page_links(current, total) == expected
