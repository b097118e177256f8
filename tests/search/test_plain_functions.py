"""The plain functions under site search: no database, no Elasticsearch."""

import math

import pytest

from search import geo
from search.backends.elasticsearch_mapping import HIGHLIGHT_END as END
from search.backends.elasticsearch_mapping import HIGHLIGHT_START as START
from search.backends.elasticsearch_queries import corrected_text
from search.highlight import highlighted_html
from search.privacy import looks_like_personal_data, looks_like_postcode
from search.query_text import (
    MAX_QUERY_CHARACTERS,
    clean_query,
    inflections,
    printable,
    significant_words,
)
from search.retry import retry_delay_seconds
from search.synonyms import InvalidSynonyms, expand_words, parse_terms, solr_rules


@pytest.mark.parametrize(
    ("typed", "cleaned"),
    [
        ("Speech Therapy", "speech therapy"),
        ("  speech   therapy  ", "speech therapy"),
        ('" * ~ ( ) [ ] : \\ / AND OR NOT', "and or not"),
        ("<script>alert('x')</script>", "script alert x script"),
        ("'; DROP TABLE wagtailcore_page; --", "drop table wagtailcore page"),
        ("Mum's group", "mums group"),
        ("mum\u2019s group", "mums group"),  # a typographic apostrophe
        ("special-needs", "special needs"),
        ("naïve café", "naïve café"),
        ("ﬁrst aid", "first aid"),  # NFKC folds the ligature
        ("100% free", "100 free"),
        ("", ""),
        ("\x00", ""),
    ],
)
def test_clean_query_keeps_words_only(typed, cleaned):
    assert clean_query(typed) == cleaned


def test_clean_query_cuts_long_input():
    assert len(clean_query("x" * 1000)) == MAX_QUERY_CHARACTERS
    assert len(clean_query("word " * 500).split()) == 16


def test_significant_words_drops_stop_words_unless_nothing_is_left():
    assert significant_words("help with nursery places") == ["nursery", "places"]
    assert significant_words("who are we") == ["who", "are", "we"]


def test_inflections_give_singular_and_plural():
    assert inflections("mums") == ["mums", "mum"]
    assert inflections("nursery") == ["nursery", "nurseries"]
    assert inflections("nurseries") == ["nurseries", "nursery"]
    assert inflections("class") == ["class", "classes"]
    assert inflections("day") == ["day", "days"]
    assert inflections("a") == ["a"]
    assert inflections("wv1") == ["wv1"]


def test_printable_drops_control_characters_and_cuts():
    assert printable("a\x00b\x1fc\u2028d", 10) == "abc\u2028d"
    assert printable("x" * 300, 256) == "x" * 256


@pytest.mark.parametrize(
    "text",
    [
        "WV1 1SH",
        "wv11sh",
        "WV1  1SH",
        "SW1A 1AA",
        "M1 1AE",
        "B33 8TH",
        "CR2 6XH",
        "DN55 1PT",
        "EC1A 1BB",
        "GIR 0AA",
        "nursery near WV1 1SH",
        "WV1",
        "WV14",
        "wv14 7",
        "B1",
        "sw1a",
    ],
)
def test_postcodes_full_and_partial_are_recognised(text):
    assert looks_like_postcode(text)


@pytest.mark.parametrize(
    "text",
    [
        "speech therapy",
        "nursery",
        "send support bilston",
        "year 7 transfer",
        "covid19",
        "0 to 5",
        "under 5s",
        "",
    ],
)
def test_ordinary_queries_are_not_postcodes(text):
    assert not looks_like_postcode(text)


@pytest.mark.parametrize(
    ("text", "personal"),
    [
        ("help@example.com", True),
        ("call 01902 555 0100", True),
        ("+44 (0)1902 555010", True),
        ("WV10 6QE", True),
        ("30 hours free childcare", False),
        ("age 2 to 4", False),
    ],
)
def test_personal_data_is_recognised(text, personal):
    assert looks_like_personal_data(text) is personal


def test_haversine_is_zero_for_the_same_point_and_symmetric():
    assert geo.haversine_miles(52.58, -2.12, 52.58, -2.12) == 0
    there = geo.haversine_miles(52.58, -2.12, 51.50, -0.12)
    back = geo.haversine_miles(51.50, -0.12, 52.58, -2.12)
    assert there == pytest.approx(back)


def test_haversine_matches_known_distances():
    # Wolverhampton to Birmingham city centres: about 12 miles.
    assert geo.haversine_miles(52.5862, -2.1288, 52.4862, -1.8904) == pytest.approx(12.1, abs=0.1)
    # One degree of latitude: 69.1 miles.
    assert geo.haversine_miles(52, -2, 53, -2) == pytest.approx(69.09, abs=0.01)
    # Half the world round: pi times the radius.
    assert geo.haversine_miles(0, 0, 0, 180) == pytest.approx(math.pi * geo.EARTH_RADIUS_MILES)


def test_bounding_box_contains_every_point_within_the_radius():
    latitude, longitude, radius = 52.58, -2.12, 5
    box = geo.bounding_box(latitude, longitude, radius)
    for bearing in range(0, 360, 15):
        # A point just inside the radius, in every direction.
        d_lat = (radius * 0.999 / geo.MILES_PER_DEGREE_LATITUDE) * math.cos(math.radians(bearing))
        d_lon = (
            (radius * 0.999 / geo.MILES_PER_DEGREE_LATITUDE)
            * math.sin(math.radians(bearing))
            / math.cos(math.radians(latitude + d_lat))
        )
        point = (latitude + d_lat, longitude + d_lon)
        assert geo.haversine_miles(latitude, longitude, *point) <= radius
        assert box.contains(*point)
    assert not box.contains(latitude + 1, longitude)


def test_bounding_box_near_a_pole_spans_every_longitude():
    box = geo.bounding_box(89.99, 10, 5)
    assert (box.min_longitude, box.max_longitude) == (-180, 180)
    with pytest.raises(ValueError):
        geo.bounding_box(52, -2, -1)


def test_valid_coordinates():
    assert geo.valid_coordinates(52.5, -2.1)
    assert not geo.valid_coordinates(91, 0)
    assert not geo.valid_coordinates(0, 181)
    assert not geo.valid_coordinates(float("nan"), 0)


def test_retry_delays_double_up_to_the_maximum():
    assert [retry_delay_seconds(n, 10, 600) for n in range(1, 9)] == [
        10,
        20,
        40,
        80,
        160,
        320,
        600,
        600,
    ]
    assert retry_delay_seconds(10_000, 10, 600) == 600
    with pytest.raises(ValueError):
        retry_delay_seconds(0, 10, 600)


def test_parse_terms_normalises_and_refuses_what_the_analyzer_cannot_take():
    assert parse_terms(" Nursery ,  Childcare,early   years, nursery") == [
        "nursery",
        "childcare",
        "early years",
    ]
    assert parse_terms("SEND, special educational needs") == ["send", "special educational needs"]
    assert parse_terms("mum's group, mothers group") == ["mum's group", "mothers group"]
    for bad in ["nursery", "a => b", "a, b # c", "a, b; c", ", ,", "x, "]:
        with pytest.raises(InvalidSynonyms):
            parse_terms(bad)


def test_solr_rules():
    assert solr_rules([("a", "b"), ("c",), ("d", "e f")]) == ["a, b", "d, e f"]


def test_expand_words_finds_the_longest_phrase_first():
    groups = [("send", "special educational needs"), ("nursery", "childcare")]

    words = ["special", "educational", "needs", "in", "bilston"]
    assert expand_words(words, groups) == [
        ["special educational needs", "send"],
        ["in"],
        ["bilston"],
    ]
    assert expand_words(["childcare"], groups) == [["childcare", "nursery"]]
    assert expand_words([], groups) == []


def test_corrected_text_replaces_only_misspelt_words():
    entries = [
        {
            "text": "breastfeading",
            "offset": 0,
            "length": 13,
            "options": [{"text": "breastfeeding"}],
        },
        {"text": "group", "offset": 14, "length": 5, "options": []},
    ]
    assert corrected_text("breastfeading group", entries) == "breastfeeding group"
    assert corrected_text("group", [{"offset": 0, "length": 5, "options": []}]) is None


def test_highlighted_html_escapes_first_then_marks():
    html = highlighted_html(f'Help with {START}nursery{END} <b>places</b> & "fees"')
    assert html == (
        "Help with <mark>nursery</mark> &lt;b&gt;places&lt;/b&gt; &amp; &quot;fees&quot;"
    )
    # A marker in the text cannot smuggle markup in.
    assert highlighted_html(f"{START}<script>{END}") == "<mark>&lt;script&gt;</mark>"
