"""Personal data in what people type: postcodes, email addresses, phone numbers, addresses.
Such queries are never stored (Wagtail's search-term counts) and never logged. Plain
functions, unit-tested.

A postcode is personal data here: with a family's search for a service it says where they live.
We err on the side of not recording: anything shaped like a postcode, or like the first half of
one ("WV1", "B14"), makes the whole query unrecorded, in any spacing ("W V 1 4 0 A A",
"WV140AAx"); so do an email address however it is written ("jane at example dot com") and a
house number with a street ("12 Acacia Avenue") or a name ("Jane Smith 12")."""

import re

# The shape of a UK postcode's outward code (area and district), from the Royal Mail's rules:
# A9, A99, AA9, AA99, A9A, AA9A (Q, V and X never start one; I, J and Z never come second).
_OUTWARD = (
    r"(?:[A-PR-UWYZ][0-9]{1,2}"
    r"|[A-PR-UWYZ][A-HK-Y][0-9]{1,2}"
    r"|[A-PR-UWYZ][0-9][A-HJKPSTUW]"
    r"|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])"
)
# The inward code: a sector digit and a unit of two letters (never C, I, K, M, O or V).
_INWARD = r"[0-9][ABD-HJLNP-UW-Z]{2}"

FULL_POSTCODE = re.compile(rf"\b{_OUTWARD}\s*{_INWARD}\b", re.IGNORECASE)
# "WV1 1" or "WV11" typed on the way to a full postcode, and the outward code alone.
PARTIAL_POSTCODE = re.compile(rf"\b{_OUTWARD}(?:\s+[0-9][A-Z]?)?\b", re.IGNORECASE)
GIRO_POSTCODE = re.compile(r"\bGIR\s*0AA\b", re.IGNORECASE)

# A full postcode inside a longer run of letters and digits, once spaces and punctuation are
# taken out ("WV140AAx", "W.V.1-4 0AA").
RUN_IN_POSTCODE = re.compile(rf"{_OUTWARD}{_INWARD}", re.IGNORECASE)
# Single letters and digits typed one by one ("W V 1 4"): joined up before looking again.
SPELT_OUT = re.compile(r"\b(\w)\s+(?=\w\b)")

EMAIL_ADDRESS = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+")
# "jane at example dot com", "jane (at) example [dot] co [dot] uk", "janeATexampleDOTcom".
_AT = r"(?:@|\W*\bat\b\W*|\(at\)|\[at\]|at)"
_DOT = r"(?:\.|\W*\bdot\b\W*|\(dot\)|\[dot\]|dot)"
SPELT_EMAIL = re.compile(
    rf"\w[\w.+-]*\s*{_AT}\s*\w[\w-]*\s*(?:{_DOT}\s*\w[\w-]*\s*)*{_DOT}\s*"
    r"(?:com|org|net|uk|gov|ac|co|io|info|me|edu|nhs|sch)\b",
    re.IGNORECASE,
)
# A house number with a street: "12 Acacia Avenue", "flat 3b", "Acacia Road 12".
_STREET = (
    r"(?:road|rd|street|st|avenue|ave|lane|ln|close|cl|drive|dr|way|crescent|cres|court|ct|"
    r"place|pl|grove|gdns|gardens|terrace|walk|square|sq|row|mews|rise|green|parade|hill|view)"
)
HOUSE_NUMBER = re.compile(
    rf"\b\d{{1,4}}[a-z]?\b(?:\W+\w+){{0,3}}\W+{_STREET}\b"
    rf"|\b{_STREET}\b\W+\d{{1,4}}[a-z]?\b"
    r"|\b(?:flat|apartment|apt|house|number|no)\.?\s*\d{1,4}[a-z]?\b",
    re.IGNORECASE,
)
# A name with a house number: two words with capitals, then a number ("Jane Smith 12").
NAME_AND_NUMBER = re.compile(r"\b[A-Z][a-z]+\s+[A-Z][a-z'-]+\s+\d{1,4}[a-z]?\b")
# Seven or more digits, allowing the spaces, dots, dashes and brackets people type in numbers.
PHONE_NUMBER = re.compile(r"(?:\+?\d[\s().-]*){7,}")


def looks_like_postcode(text: str) -> bool:
    """True if `text` contains a full UK postcode or anything shaped like the start of one.

    >>> looks_like_postcode("nursery near wv1 1sh")
    True
    >>> looks_like_postcode("WV14")
    True
    >>> looks_like_postcode("speech therapy")
    False
    """
    joined = SPELT_OUT.sub(r"\1", text)
    compact = re.sub(r"[\W_]+", "", text)
    return bool(
        FULL_POSTCODE.search(text)
        or GIRO_POSTCODE.search(text)
        or PARTIAL_POSTCODE.search(text)
        or PARTIAL_POSTCODE.search(joined)
        or RUN_IN_POSTCODE.search(compact)
        or GIRO_POSTCODE.search(compact)
    )


def looks_like_email_address(text: str) -> bool:
    """An email address, written out or spelt ("jane at example dot com").

    >>> looks_like_email_address("jane at example dot com"), looks_like_email_address("j@x.uk")
    (True, True)
    >>> looks_like_email_address("stay and play at the hub")
    False
    """
    without_spaces = re.sub(r"\s+", "", text)
    return bool(
        EMAIL_ADDRESS.search(text)
        or EMAIL_ADDRESS.search(without_spaces)
        or SPELT_EMAIL.search(text)
    )


def looks_like_address(text: str) -> bool:
    """A house number with a street or a name ("12 Acacia Avenue", "Jane Smith 12")."""
    return bool(HOUSE_NUMBER.search(text) or NAME_AND_NUMBER.search(text))


def looks_like_personal_data(text: str) -> bool:
    """A postcode, an email address, a phone number or an address, in any spacing."""
    return bool(
        looks_like_postcode(text)
        or looks_like_email_address(text)
        or looks_like_address(text)
        or PHONE_NUMBER.search(text)
        or PHONE_NUMBER.search(re.sub(r"\D+", "", text))
    )
