"""Postcode normalisation and validation: plain unit tests, no database."""

import pytest

from directory.postcodes import (
    ENTER_A_POSTCODE,
    ENTER_A_REAL_POSTCODE,
    Kind,
    PostcodeError,
    looks_like_a_postcode,
    not_found_message,
    parse,
)


@pytest.mark.parametrize(
    ("typed", "normalised", "kind"),
    [
        ("WV1 1SH", "WV1 1SH", Kind.UNIT),
        ("wv1 1sh", "WV1 1SH", Kind.UNIT),
        ("WV11SH", "WV1 1SH", Kind.UNIT),
        ("  WV1   1SH  ", "WV1 1SH", Kind.UNIT),
        ("W V 1 1 S H", "WV1 1SH", Kind.UNIT),
        ("WV1-1SH", "WV1 1SH", Kind.UNIT),
        ("WV1\u00a01SH", "WV1 1SH", Kind.UNIT),  # a non-breaking space, pasted from a web page
        ("\uff37\uff36\uff11 \uff11\uff33\uff28", "WV1 1SH", Kind.UNIT),  # full-width letters
        ("WV1 ISH", "WV1 1SH", Kind.UNIT),  # I for 1 where only a digit can be
        ("WV1 OSH", "WV1 0SH", Kind.UNIT),  # O for 0 where only a digit can be
        ("0L1 1AA", "OL1 1AA", Kind.UNIT),  # 0 for O where only a letter can be
        ("WV14 0AA", "WV14 0AA", Kind.UNIT),
        ("EC1A 1BB", "EC1A 1BB", Kind.UNIT),
        ("W1A 0AX", "W1A 0AX", Kind.UNIT),
        ("M1 1AE", "M1 1AE", Kind.UNIT),
        ("B33 8TH", "B33 8TH", Kind.UNIT),
        ("CR2 6XH", "CR2 6XH", Kind.UNIT),
        ("DN55 1PT", "DN55 1PT", Kind.UNIT),
        ("GIR 0AA", "GIR 0AA", Kind.UNIT),
        ("WV1", "WV1", Kind.DISTRICT),
        ("wv14", "WV14", Kind.DISTRICT),
        ("EC1A", "EC1A", Kind.DISTRICT),
        ("WV1 1", "WV1 1", Kind.SECTOR),
        ("wv14  0", "WV14 0", Kind.SECTOR),
    ],
)
def test_good_postcodes_are_normalised(typed, normalised, kind):
    postcode = parse(typed)

    assert (postcode.text, postcode.kind) == (normalised, kind)


@pytest.mark.parametrize("typed", [None, "", "   ", "\t\n"])
def test_nothing_typed(typed):
    with pytest.raises(PostcodeError, match=f"^{ENTER_A_POSTCODE}$"):
        parse(typed)


@pytest.mark.parametrize(
    "typed",
    [
        "WV",  # an area alone is too big
        "QV1 1SH",  # Q never starts a postcode
        "WV1 1CI",  # C and I never end one
        "12345",
        "---",
        "WV1 1SH WV1 1SH",
        "not a postcode",
        "<script>alert(1)</script>",
        "WV1 1SH" + "x" * 993,  # 1,000 characters
        "x" * 1000,
        "Ω1 1SH",
        "💡",
    ],
)
def test_bad_postcodes_get_the_gov_uk_message(typed):
    with pytest.raises(PostcodeError, match=f"^{ENTER_A_REAL_POSTCODE}$"):
        parse(typed)


@pytest.mark.parametrize(
    ("typed", "normalised"),
    [
        # Spaces carry no meaning (GOV.UK's advice), so a misplaced one is ignored...
        ("WV1 11SH", "WV11 1SH"),
        # ...and so is punctuation, even when what is left only has a postcode's shape: the
        # lookup then says it cannot find it.
        ("' OR 1=1 --", "OR11"),
        ("WV1 1SH\x00", "WV1 1SH"),
    ],
)
def test_only_letters_and_digits_count(typed, normalised):
    assert parse(typed).text == normalised


def test_parts_of_a_postcode():
    postcode = parse("wv14 0aa")

    assert (postcode.outward, postcode.sector, str(postcode)) == ("WV14", "WV14 0", "WV14 0AA")


def test_not_found_messages_suggest_the_first_part():
    assert not_found_message(parse("WV9 9ZZ")) == (
        "We could not find WV9 9ZZ. Check the postcode, or try the first part only, like WV9"
    )
    assert not_found_message(parse("ZE9 9ZZ"), district_exists=False).endswith("like WV1")
    assert not_found_message(parse("ZE9")).endswith("like WV1")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("WV1 1SH", True), ("wv11sh", True), ("WV1", True), ("breastfeeding", False), ("", False)],
)
def test_looks_like_a_postcode(text, expected):
    assert looks_like_a_postcode(text) is expected
