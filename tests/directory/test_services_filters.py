"""The directory's filters as plain functions: no database."""

from django.http import QueryDict

import pytest

from directory.service_filters import (
    AGE_MESSAGE,
    RADIUS_MESSAGE,
    format_miles,
    parse_age,
    parse_filters,
    parse_page,
)
from website.pagination import page_links

KNOWN = ["speech-and-language", "parenting", "youth-clubs"]


def parse(query: str):
    return parse_filters(QueryDict(query), KNOWN)


def test_a_full_query_string_round_trips():
    filters = parse(
        "q=speech++therapy&postcode=wv1+1sh&radius=2&category=parenting&category=youth-clubs"
        "&age=4&free=1&delivery=online&sort=nearest&page=3"
    )
    assert filters.is_valid
    assert filters.query == "speech therapy"
    assert filters.postcode == "WV1 1SH"
    assert filters.radius_miles == 2.0
    assert filters.categories == ("parenting", "youth-clubs")
    assert (filters.age, filters.free_only, filters.delivery) == (4, True, ("online",))
    assert (filters.sort, filters.page) == ("nearest", 3)
    assert parse(filters.query_string(3).lstrip("?")) == filters
    assert filters.query_string(1) == (
        "?q=speech+therapy&postcode=WV1+1SH&radius=2&category=parenting&category=youth-clubs"
        "&age=4&free=1&delivery=online"  # nearest first is the order once there is a postcode
    )
    relevance = parse("postcode=WV1&sort=relevance")
    assert relevance.sort == "relevance"
    assert relevance.query_string() == "?postcode=WV1&sort=relevance"


def test_defaults():
    filters = parse("")
    assert filters.is_valid and not filters.has_filters
    assert filters.radius_miles == 5.0
    assert filters.query_string() == ""
    assert parse("radius=any&postcode=WV1").radius_miles is None


@pytest.mark.parametrize("age", ["-1", "abc", "26", "4.5", "1e3", "٣"])
def test_bad_ages(age):
    filters = parse(f"age={age}")
    assert filters.errors == {"age": AGE_MESSAGE}
    with pytest.raises(ValueError, match="whole number from 0 to 25"):
        parse_age(age)


def test_good_ages():
    assert parse_age(" 0 ") == 0
    assert parse_age("25") == 25
    assert parse_age("") is None


def test_bad_radius_category_delivery_and_postcode():
    filters = parse("radius=999&category=nope&category=parenting&delivery=pigeon&postcode=xyz")
    assert filters.errors["radius"] == RADIUS_MESSAGE
    assert filters.errors["category"].startswith("There is no category called 'nope'")
    assert filters.categories == ("parenting",)
    assert "delivery" in filters.errors
    assert filters.errors["postcode"].startswith("Enter a real postcode")


@pytest.mark.parametrize(
    ("raw", "page"), [("0", 1), ("abc", 1), ("-2", 1), ("9999", 9999), ("", 1), ("99999999999", 1)]
)
def test_page_numbers(raw, page):
    assert parse_page(raw) == page


def test_nearest_needs_a_postcode_and_is_the_order_once_there_is_one():
    assert parse("sort=nearest").sort == "relevance"
    assert parse("").sort == "relevance"
    assert parse("postcode=WV1").sort == "nearest"
    assert parse("sort=sideways&postcode=WV1").sort == "nearest"


def test_page_links_and_miles():
    assert page_links(1, 1) == []
    assert page_links(5, 10) == [1, None, 4, 5, 6, None, 10]
    assert format_miles(0.01) == "less than 0.1 miles"
    assert format_miles(1.0) == "1 mile"
    assert format_miles(2.345) == "2.3 miles"
    assert format_miles(12.6) == "13 miles"
