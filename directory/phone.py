"""Is it a UK phone number? A plain rule, not a numbering plan: no maintained library is pinned,
and what editors get wrong is a digit too many or too few, letters, or an email address in the
phone box. Spaces, hyphens, dots and brackets are allowed anywhere; "+44" or "0044" may stand for
the leading 0."""

import re

SEPARATORS = re.compile(r"[\s\-.()]")
# National numbers: 0 then 9 or 10 digits (01902 551234, 0800 123456, 07700 900123). Short
# numbers families are given: 111 (NHS) and the 116 helplines (Samaritans, 116 123).
NATIONAL = re.compile(r"0\d{9,10}")
SHORT = re.compile(r"111|116\d{3}")

PROBLEM = (
    "Enter a UK phone number, such as 01902 551234 or 07700 900123: {problem}. "
    "Put extensions and opening hours in the description."
)


def phone_problem(text: str) -> str | None:
    """What is wrong with `text` as a UK phone number, in plain words; None when it is one (or
    empty: the field is optional)."""
    text = text.strip()
    if not text:
        return None
    digits = SEPARATORS.sub("", text)
    for prefix in ("+44", "0044"):
        if digits.startswith(prefix):
            digits = "0" + digits.removeprefix(prefix).removeprefix("0")
            break
    if not digits.isdigit():
        return PROBLEM.format(problem=f"'{text}' has characters other than digits")
    if NATIONAL.fullmatch(digits) or SHORT.fullmatch(digits):
        return None
    if not digits.startswith("0"):
        return PROBLEM.format(problem=f"'{text}' should start with 0 or +44")
    count = len(digits)
    return PROBLEM.format(problem=f"'{text}' has {count} digits, and UK numbers have 10 or 11")
