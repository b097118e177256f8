"""What the news listing's query string means, and which page numbers to link to. Plain
functions, no database: the index page turns their answers into a queryset and a 404."""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import MAXYEAR
from urllib.parse import urlencode

# Slugs as Django's `slug` path converter understands them.
TOPIC_SLUG = re.compile(r"^[-a-zA-Z0-9_]+$")
# A four-digit year; datetimes cannot start before year 1.
YEAR = re.compile(r"^[1-9][0-9]{3}$")
# Page numbers as people type them; the cap keeps absurd values out of the arithmetic.
PAGE_NUMBER = re.compile(r"^[1-9][0-9]{0,5}$")


class InvalidListingParameter(ValueError):
    """A query-string value that cannot name a topic, a year or a page: the listing answers
    404 rather than guessing what was meant."""

    def __init__(self, name: str, value: str):
        super().__init__(f"{name}={value!r} is not valid")
        self.name = name
        self.value = value


@dataclass(frozen=True)
class ListingFilters:
    topic: str = ""  # a topic's slug; empty for every topic
    year: int | None = None

    @property
    def is_filtered(self) -> bool:
        return bool(self.topic or self.year)

    def query_string(self, page: int = 1) -> str:
        """The query string for this selection at `page`, "" for the unfiltered first page, so
        that every listing has exactly one address."""
        params: dict[str, str | int] = {}
        if self.topic:
            params["topic"] = self.topic
        if self.year:
            params["year"] = self.year
        if page > 1:
            params["page"] = page
        return f"?{urlencode(params)}" if params else ""


def parse_filters(query: Mapping[str, str]) -> ListingFilters:
    """Read `topic` and `year`. Empty values mean "any", which is what the filter form sends
    for "All topics" and "All years"."""
    topic = (query.get("topic") or "").strip()
    if topic and not TOPIC_SLUG.match(topic):
        raise InvalidListingParameter("topic", topic)
    year_text = (query.get("year") or "").strip()
    # A year's releases run up to the start of the next year, which must be a datetime too.
    if year_text and (not YEAR.match(year_text) or int(year_text) >= MAXYEAR):
        raise InvalidListingParameter("year", year_text)
    return ListingFilters(topic=topic, year=int(year_text) if year_text else None)


def parse_page_number(raw: str | None) -> int:
    """`?page=`: 1 when absent or empty; a positive whole number otherwise."""
    text = (raw or "").strip()
    if not text:
        return 1
    if not PAGE_NUMBER.match(text):
        raise InvalidListingParameter("page", text)
    return int(text)
