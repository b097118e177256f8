"""What Open Referral UK export (directory.oruk.to_oruk) and import (directory.oruk.from_oruk)
share: the profile's version, the ids we derive, our "service features" vocabulary, ORUK's
weekdays and statuses, and text as ORUK carries it (plain, without markup).

Where ORUK has no field for something we hold, we use the wider HSDS 3.0 field of the same
meaning (`eligibility_description`, `application_process`, `phones`, a contact's `email`,
a language's `code`), or an attribute whose inline taxonomy term is one of our "service
features" (`FEATURE_TERMS`). The UK schemas allow extra properties, so every object still
validates, and our importer reads them all back.
"""

import html
import re
import uuid
from datetime import UTC, datetime, time
from html.parser import HTMLParser

HSDS_VERSION = "HSDS 3.0"
PROFILE_URL = "https://openreferraluk.org/specifications/3.0/"

# Ids of things we derive rather than store (a session's schedule, a contact's phone): uuid5
# of the owner's id and a name, so they are the same on every request and every site.
FEATURES_TAXONOMY_ID = uuid.uuid5(uuid.NAMESPACE_URL, "https://harbour.example/oruk/features/")
FEATURES_TAXONOMY_NAME = "Harbour service features"

# Yes/no facts about a service with no ORUK field, published as attributes: our field name,
# the term's code, its name, and the attribute's link_type.
FEATURE_TERMS = [
    ("in_person", "in-person", "Delivered in person", "delivery"),
    ("online", "online", "Delivered online", "delivery"),
    ("by_phone", "by-phone", "Delivered by phone", "delivery"),
    ("pregnancy", "pregnancy", "For pregnancy", "eligibility"),
    ("self_referral", "self-referral", "Families can refer themselves", "referral"),
]
FEATURE_FIELDS = [name for name, *_ in FEATURE_TERMS]

ORUK_WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]  # Monday is 0, as in our models
STATUSES = ["active", "inactive", "defunct", "temporarily closed"]
CLOSED_PREFIX = "Closed"
# How far ahead a service's schedules at its hubs carry the hubs' closures and special hours.
CHANGES_PUBLISHED_DAYS = 366


def derived_id(owner_id, name: str) -> str:
    return str(uuid.uuid5(uuid.UUID(str(owner_id)), name))


def feature_term_id(code: str) -> str:
    return str(uuid.uuid5(FEATURES_TAXONOMY_ID, code))


def service_at_location_id(service_id, place_id) -> str:
    """The same derivation as the models' (directory.models.service_at_location_id)."""
    return str(uuid.uuid5(uuid.UUID(str(service_id)), str(place_id)))


def timestamp(moment: datetime | None) -> str | None:
    """ORUK's date-times: UTC with milliseconds, "2023-03-15T10:30:45.123Z"."""
    if moment is None:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def clock(value: time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


def without_empty(data: dict) -> dict:
    """Leave out what we do not know rather than publish empty strings and nulls; the schemas
    require few fields, and a consumer can tell "absent" from "blank"."""
    return {key: value for key, value in data.items() if value not in (None, "", [])}


class _TextExtractor(HTMLParser):
    BLOCKS = {"p", "h2", "h3", "h4", "li", "br", "div", "ol", "ul"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        self.parts.append(data)


def plain_text(rich_text: str) -> str:
    """Rich text as plain paragraphs separated by blank lines (ORUK descriptions are text)."""
    if not rich_text:
        return ""
    extractor = _TextExtractor()
    extractor.feed(rich_text)
    lines = ("".join(extractor.parts)).split("\n")
    paragraphs = [" ".join(line.split()) for line in lines]
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)


def rich_text(text: str) -> str:
    """Plain text as rich-text paragraphs, escaped: a feed never supplies markup."""
    paragraphs = [" ".join(part.split()) for part in re.split(r"\n\s*\n", text or "")]
    return "".join(f"<p>{html.escape(part)}</p>" for part in paragraphs if part)
