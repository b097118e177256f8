"""The ORUK API's query parameters, read and checked: plain functions that return the value or
raise BadParameter with a sentence the consumer can act on (the views answer 400 with it)."""

import math
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from django.utils.dateparse import parse_date, parse_datetime

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 100
# Far beyond any real directory, and small enough that page times per_page fits the databases'
# OFFSET (the bad input sweep found page=10**20 failing in SQLite).
MAX_PAGE = 1_000_000
MAX_PROXIMITY_METRES = 200_000
TRUE_WORDS = {"true": True, "1": True, "yes": True, "false": False, "0": False, "no": False}


class BadParameter(ValueError):
    pass


@dataclass(frozen=True)
class Paging:
    page: int
    per_page: int

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    def fields(self, total_items: int, size: int) -> dict:
        """The page fields the ORUK list schemas define."""
        total_pages = math.ceil(total_items / self.per_page)
        return {
            "total_items": total_items,
            "total_pages": total_pages,
            "page_number": self.page,
            "size": size,
            "first_page": self.page == 1,
            "last_page": self.page >= total_pages,
            "empty": total_items == 0,
        }


def whole_number(text: str, name: str, low: int, high: int | None = None) -> int:
    text = text.strip()
    # ASCII digits only: a superscript two is a digit to str.isdigit() but not to int(), and
    # an Arabic-Indic or full-width one would be read as 1, which no client meant.
    if (
        not (text.isascii() and text.isdigit())
        or int(text) < low
        or (high is not None and int(text) > high)
    ):
        upper = f" to {high}" if high is not None else " or more"
        raise BadParameter(f"{name} must be a whole number from {low}{upper}")
    return int(text)


def paging(query) -> Paging:
    page = whole_number(query.get("page", "1"), "page", 1, MAX_PAGE)
    per_page = whole_number(
        query.get("per_page", str(DEFAULT_PER_PAGE)), "per_page", 1, MAX_PER_PAGE
    )
    return Paging(page, per_page)


def oruk_id(text: str | None, name: str = "id") -> uuid.UUID | None:
    if text is None or text == "":
        return None
    try:
        return uuid.UUID(text.strip())
    except ValueError:
        raise BadParameter(
            f"{name} must be a UUID, such as 3f7b145d-84af-42d7-8fae-eaca714b02b2"
        ) from None


def moment(text: str | None, name: str = "modified_after") -> datetime | None:
    """An ISO 8601 date-time ("2026-01-31T09:00:00Z") or date ("2026-01-31", midnight UTC);
    a time without a zone is UTC."""
    if not text:
        return None
    text = text.strip().replace(" ", "+")  # an unencoded "+01:00" arrives as " 01:00"
    try:
        found = parse_datetime(text)
        if found is None:
            day = parse_date(text)
            found = datetime(day.year, day.month, day.day) if day else None
    except ValueError:
        found = None
    if found is None:
        raise BadParameter(f"{name} must be a date-time such as 2026-01-31T09:00:00Z")
    found = found if found.tzinfo else found.replace(tzinfo=UTC)
    try:
        return found.astimezone(UTC)
    except OverflowError:  # 0001-01-01T00:00:00+23:59 is before the first moment there is
        raise BadParameter(
            f"{name} must be a date-time between the years 1 and 9999, in UTC"
        ) from None


def flag(text: str | None, name: str) -> bool:
    if text is None or text == "":
        return False
    try:
        return TRUE_WORDS[text.strip().lower()]
    except KeyError:
        raise BadParameter(f"{name} must be true or false") from None


def proximity(text: str | None) -> float | None:
    """Metres from the postcode's centre."""
    if text is None or text == "":
        return None
    try:
        metres = float(text) if text.isascii() else math.nan
    except ValueError:
        metres = math.nan
    if not 0 < metres <= MAX_PROXIMITY_METRES:
        raise BadParameter(
            f"proximity must be a distance in metres, more than 0 and at most "
            f"{MAX_PROXIMITY_METRES}"
        )
    return metres


def search_words(text: str | None) -> list[str]:
    return (text or "").split()[:10]
