"""Personal data in what people type: postcodes, email addresses, phone numbers. Such queries
are never stored (Wagtail's search-term counts) and never logged. Plain functions, unit-tested.

A postcode is personal data here: with a family's search for a service it says where they live.
We err on the side of not recording: anything shaped like a postcode, or like the first half of
one ("WV1", "B14"), makes the whole query unrecorded."""

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

EMAIL_ADDRESS = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+")
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
    return bool(
        FULL_POSTCODE.search(text) or GIRO_POSTCODE.search(text) or PARTIAL_POSTCODE.search(text)
    )


def looks_like_personal_data(text: str) -> bool:
    """A postcode, an email address or a phone number."""
    return bool(
        looks_like_postcode(text) or EMAIL_ADDRESS.search(text) or PHONE_NUMBER.search(text)
    )
