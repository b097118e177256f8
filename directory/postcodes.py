"""UK postcodes as people type them: normalise, check the format, say what is wrong in GOV.UK's
words. Plain functions, no database.

A full postcode is an outward code and an inward code: "WV1 1SH" is district "WV1", sector
"WV1 1", unit "WV1 1SH". People also type just the district or the sector; both are accepted and
looked up as areas."""

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext, gettext_noop

# The longest thing worth reading: "WV10 9AA" plus generous spacing. Anything longer is not a
# postcode, whatever it contains.
MAX_INPUT_LENGTH = 20

# The format rules of the UK Government Data Standards Catalogue (BS 7666), by position:
# areas never start with Q, V or X; the second letter of a two-letter area is never I, J or Z;
# the letter after a digit in the outward code comes from a short list; the inward code's two
# letters are never C, I, K, M, O or V. GIR 0AA is the one historic exception.
OUTWARD = (
    r"(?:[A-PR-UWYZ][0-9]{1,2}"
    r"|[A-PR-UWYZ][A-HK-Y][0-9]{1,2}"
    r"|[A-PR-UWYZ][0-9][A-HJKPSTUW]"
    r"|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])"
)
INWARD_LETTERS = "[ABD-HJLNP-UW-Z]"
UNIT_PATTERN = re.compile(rf"^(?:({OUTWARD}) ([0-9]{INWARD_LETTERS}{{2}})|(GIR) (0AA))$")
SECTOR_PATTERN = re.compile(rf"^({OUTWARD}) ([0-9])$")
DISTRICT_PATTERN = re.compile(rf"^({OUTWARD})$")

EXAMPLE = "WV1 1SH"
EXAMPLE_DISTRICT = "WV1"
# Marked for translation here, translated where they are raised (gettext needs a request's
# language, which a module constant would not have).
ENTER_A_POSTCODE = gettext_noop("Enter a postcode")
ENTER_A_REAL_POSTCODE = gettext_noop("Enter a real postcode, like WV1 1SH")

# Letters typed for digits where a digit is the only thing that can be there (the first
# character of the inward code), and digits typed for letters where only a letter can be (the
# first character of the postcode). Nothing else is guessed.
DIGIT_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
LETTER_LOOKALIKES = str.maketrans({"0": "O", "1": "I", "5": "S"})


class Kind(StrEnum):
    UNIT = "unit"
    SECTOR = "sector"
    DISTRICT = "district"


class PostcodeError(ValueError):
    """What to tell the person, in GOV.UK's words."""


class PostcodeNotFound(PostcodeError):
    """A well-formed postcode that is not in the postcode store."""


class PostcodeTerminated(PostcodeNotFound):
    """A postcode the Royal Mail no longer uses: not among the postcodes in use."""


@dataclass(frozen=True)
class Postcode:
    text: str  # normalised: "WV1 1SH", "WV1 1" or "WV1"
    kind: Kind

    @property
    def outward(self) -> str:
        return self.text.split(" ")[0]

    @property
    def sector(self) -> str:
        return self.text[: len(self.outward) + 2] if self.kind != Kind.DISTRICT else ""

    def __str__(self) -> str:
        return self.text


def squash(text: str) -> str:
    """Upper case, compatibility-normalised (full-width letters become plain ones), with every
    kind of space and punctuation people put in postcodes removed."""
    text = unicodedata.normalize("NFKC", text).upper()
    return "".join(character for character in text if character.isalnum())


def parse(text: str | None) -> Postcode:
    """A full or partial postcode from what someone typed, or PostcodeError saying what to do."""
    if text is None or not text.strip():
        raise PostcodeError(gettext(ENTER_A_POSTCODE))
    if len(text) > MAX_INPUT_LENGTH:
        raise PostcodeError(gettext(ENTER_A_REAL_POSTCODE))
    squashed = squash(text)
    if not squashed:
        raise PostcodeError(gettext(ENTER_A_REAL_POSTCODE))
    if not squashed.isascii():
        raise PostcodeError(gettext(ENTER_A_REAL_POSTCODE))
    squashed = squashed[0].translate(LETTER_LOOKALIKES) + squashed[1:]

    # A full postcode: the inward code is always the last three characters.
    if 5 <= len(squashed) <= 7:
        outward, inward = squashed[:-3], squashed[-3:]
        inward = inward[0].translate(DIGIT_LOOKALIKES) + inward[1:]
        candidate = f"{outward} {inward}"
        if UNIT_PATTERN.match(candidate):
            return Postcode(candidate, Kind.UNIT)
    # A sector: an outward code and one digit ("WV1 1"), typed with a space or without.
    spaced = " ".join(text.upper().split())
    if " " in spaced:
        outward, _, rest = spaced.rpartition(" ")
        candidate = f"{squash(outward)} {squash(rest)}"
        if SECTOR_PATTERN.match(candidate):
            return Postcode(candidate, Kind.SECTOR)
    # A district: the outward code alone ("WV1", "WV10").
    if DISTRICT_PATTERN.match(squashed):
        return Postcode(squashed, Kind.DISTRICT)
    raise PostcodeError(gettext(ENTER_A_REAL_POSTCODE))


def district_to_try(postcode: Postcode, district_known: bool) -> str:
    """What to try instead of a postcode we cannot use: its first part, when that is a district
    we know and not what was typed, else our example district."""
    if postcode.kind != Kind.DISTRICT and district_known:
        return postcode.outward
    return EXAMPLE_DISTRICT


def not_found_message(postcode: Postcode, district_exists: bool = True) -> str:
    """GOV.UK's pattern for a well-formed postcode that is not in our data."""
    hint = district_to_try(postcode, district_exists)
    return gettext(
        "We could not find %(postcode)s. Check the postcode, or try the first part only, "
        "like %(hint)s"
    ) % {"postcode": postcode.text, "hint": hint}


def terminated_message(postcode: Postcode, district_in_use: bool = True) -> str:
    """For a postcode the Royal Mail has stopped using (old letters still carry them)."""
    hint = district_to_try(postcode, district_in_use)
    return gettext(
        "%(postcode)s is no longer in use. Try the postcode you use now, or the first part, "
        "like %(hint)s."
    ) % {"postcode": postcode.text, "hint": hint}


def looks_like_a_postcode(text: str) -> bool:
    """True for anything that parses as a full or partial postcode: such text is personal data
    (where someone lives) and must not be stored or logged."""
    try:
        parse(text)
    except PostcodeError:
        return False
    return True
