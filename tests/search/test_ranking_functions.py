"""search.ranking and search.spelling: the plain functions behind relevance and "Did you mean",
without a database."""

import datetime

import pytest

from search import ranking, spelling
from search.ranking import Query, build_vocabulary, scoring_slots, text_relevance

NOW = datetime.datetime(2026, 12, 1, 12, 0, tzinfo=datetime.UTC)

SITE = build_vocabulary(
    [
        ("Stay and play, Bilston", "Songs, messy play and a chance to meet other families."),
        ("Stay and play, Penn", "Songs, messy play and a chance to meet other families."),
        ("Breastfeeding cafe, Wednesfield", "Peer supporters and a cup of tea while you feed."),
        ("Family cooking on a budget", "Six sessions of cheap, healthy family meals."),
        ("Council sets out family hubs budget", "The budget keeps every family hub open."),
        ("About family hubs", "What a family hub is, who it is for, and what to expect."),
        ("Bilston Family Hub", "Baby clinics and stay and play in Bilston."),
        ("Stammering support group", "A friendly group for children who stammer."),
    ]
)


def relevance(query: str, title: str, summary: str = "", body_share: float = 0.5) -> float:
    return text_relevance(Query.parse(query, []), title, summary, body_share, SITE)


@pytest.mark.parametrize(
    ("age_days", "expected"), [(-10, 1.0), (0, 1.0), (365, 0.75), (730, 0.625), (36500, 0.5)]
)
def test_recency_halves_towards_the_floor(age_days, expected):
    assert ranking.recency_factor(age_days, 365) == pytest.approx(expected, abs=1e-3)


def test_age_of_dates_and_datetimes():
    assert ranking.age_in_days(datetime.date(2026, 11, 1), NOW) == pytest.approx(30.5)
    assert ranking.age_in_days(NOW - datetime.timedelta(days=2), NOW) == pytest.approx(2)
    assert ranking.age_in_days(NOW + datetime.timedelta(days=2), NOW) == 0
    assert ranking.age_in_days(None, NOW) == 0


def test_an_exact_title_is_the_cleaned_query():
    assert ranking.is_exact_title("Dads' Saturday club", "dads saturday club")
    assert ranking.is_exact_title("Baby bank", "baby bank")
    assert not ranking.is_exact_title("Baby bank", "baby")
    assert not ranking.is_exact_title("Stay and play, Bilston", "stay and play")


def test_a_title_is_named_when_its_words_were_all_typed_in_either_number():
    assert ranking.is_title_named("Family hubs", "find a family hub near me")
    assert ranking.is_title_named("Contact us", "contact")
    assert not ranking.is_title_named("Bilston Family Hub", "find a family hub near me")
    assert not ranking.is_title_named("", "anything")


def test_every_word_in_the_title_or_summary():
    def has_every_word(title, summary, query, groups=()):
        return ranking.has_every_word(Query.parse(query, groups), title, summary)

    assert has_every_word("Breastfeeding cafe", "Peer support", "breastfeeding cafe")
    assert has_every_word("Cafe", "For breastfeeding mums", "breastfeeding cafes")
    # Stop words and request words ("help") need not be there.
    assert has_every_word("Breastfeeding cafe", "", "breastfeeding help")
    assert not has_every_word("Family cooking on a budget", "", "family hubs budget")
    assert has_every_word(
        "Infant feeding helpline", "", "breastfeeding", [("breastfeeding", "infant feeding")]
    )


@pytest.mark.parametrize(
    ("query", "text", "slop", "expected"),
    [
        ("stay and play", "stay and play bilston", 0, True),
        ("stay and play", "play and stay", 2, False),
        ("family hubs budget", "council sets out family hubs budget", 0, True),
        ("family hub budget", "family hubs budget", 0, True),  # either number
        ("family budget", "family hubs budget", 0, False),
        ("family budget", "family hubs budget", 1, True),
        # Out of order: Lucene's sloppy phrase, as Elasticsearch decides it.
        ("what is a family hub", "what a family hub is who it is for", 3, False),
        ("what is a family hub", "what a family hub is who it is for", 4, True),
        ("stay", "stay and play", 4, False),  # one word is not a phrase
    ],
)
def test_phrases_as_lucene_matches_them(query, text, slop, expected):
    slots = scoring_slots(query, [])
    assert ranking._is_phrase(slots, text.split(), slop) is expected


def test_scoring_slots_keep_stop_words_and_use_synonyms():
    slots = scoring_slots("money advice bilston", [("money advice", "debt advice")])
    assert [slot.typed for slot in slots] == [("money", "advice"), ("bilston",)]
    assert slots[0].forms == (("money", "advice"), ("debt", "advice"))
    assert slots[1].forms == (("bilston",), ("bilstons",))
    assert scoring_slots("the", [])[0].is_stop_word


def test_rare_words_count_more_than_common_ones():
    assert SITE.idf("stammering") > SITE.idf("family") > SITE.idf("and")
    assert SITE.idf("never-seen") > SITE.idf("stammering")


def test_a_title_outranks_a_summary_which_outranks_the_rest():
    in_title = relevance("stammering", "Stammering support group")
    in_summary = relevance("stammering", "Support group", "For children who have a stammering.")
    elsewhere = relevance("stammering", "Support group", "For children.", body_share=1.0)
    assert in_title > in_summary > elsewhere > 0


def test_every_word_in_the_title_outranks_some_of_them():
    assert relevance("family hubs budget", "Council sets out family hubs budget") > relevance(
        "family hubs budget", "Family cooking on a budget"
    )


def test_a_phrase_outranks_scattered_words():
    assert relevance("stay and play", "Stay and play, Bilston") > relevance(
        "stay and play", "Play, then stay for lunch"
    )


def test_the_database_score_counts_for_the_rest_of_the_text():
    assert relevance("budget", "Leaflet", "Leaflet", body_share=1.0) > relevance(
        "budget", "Leaflet", "Leaflet", body_share=0.2
    )


def test_spelling_corrects_a_word_the_site_does_not_use():
    assert spelling.suggestion("brestfeeding", SITE) == "breastfeeding"
    assert spelling.suggestion("breastfeading cafe", SITE) == "breastfeeding cafe"
    assert spelling.suggestion("stammerring group", SITE) == "stammering group"


@pytest.mark.parametrize(
    "query",
    [
        "breastfeeding",  # a word the site uses
        "cafes",  # the plural of one
        "xyzzy",  # nothing near it
        "isnt",  # too unlike "into" or anything else
        "caf",  # too short to tell a slip from another word
        "the",
        "2026",
    ],
)
def test_no_suggestion_for_words_the_site_uses_or_nothing_near(query):
    assert spelling.suggestion(query, SITE) is None


def test_a_correction_is_a_real_word_of_the_site_and_never_the_query():
    vocabulary = build_vocabulary([("Toddler group", "For toddlers.")])
    assert spelling.suggestion("todler", vocabulary) == "toddler"
    # Only a plural away: every engine finds it already.
    assert not spelling.acceptable("toddler", "toddlers")
    assert not spelling.acceptable("toddler", "toddler")
    assert spelling.acceptable("brestfeeding", "breastfeeding")
    assert not spelling.acceptable("isnt", "into")


def test_between_equally_close_words_the_more_used_wins():
    vocabulary = build_vocabulary(
        [("Parents", ""), ("Parents group", ""), ("Parents evening", ""), ("Patents", "")]
    )
    assert spelling.correction("parenst", vocabulary) == "parents"


def test_a_synonym_counts_a_little_less_than_the_word_typed():
    query = Query.parse("infant feeding", [("breastfeeding", "infant feeding")])
    typed = text_relevance(query, "Infant feeding helpline", "", 0.5, SITE)
    synonym = text_relevance(query, "Breastfeeding cafe, Penn", "", 0.5, SITE)
    assert typed > synonym > 0


def test_a_phrase_synonym_an_engine_would_shorten_to_one_word_is_not_asked():
    from search.query_slots import query_slots

    groups = [("isnt talking", "not talking", "late talking", "speech and language")]
    (slot,) = query_slots("isnt talking", groups)
    # PostgreSQL drops "not": "not talking" would be "talking", on every page that mentions it.
    assert slot == ["isnt talking", "late talking", "speech and language"]
