"""Our directory records as Open Referral UK 3.0 objects, and ORUK objects back as field values.

Plain functions over plain attribute access (model instances in the site, simple objects in the
unit tests): no queries, no requests. Views pass prefetched instances; the importer compares
the field values these functions read with what is stored.

Where ORUK has no field for something we hold, we use the wider HSDS 3.0 field of the same
meaning (`eligibility_description`, `application_process`, `phones`, a contact's `email`,
a language's `code`), or an attribute whose inline taxonomy term is one of our "service
features" (`FEATURE_TERMS`). The UK schemas allow extra properties, so every object still
validates, and our importer reads them all back.
"""

import html
import re
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from decimal import Decimal, InvalidOperation
from html.parser import HTMLParser

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils import timezone

from directory.opening_hours import LONDON, upcoming_changes

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
    """The same derivation as the models' (directory.models.services.service_at_location_id)."""
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


# Our records as ORUK objects -------------------------------------------------------------


def api_details(openapi_url: str) -> dict:
    return {"version": HSDS_VERSION, "profile": PROFILE_URL, "openapi_url": openapi_url}


def organization(org, *, services=None) -> dict:
    data = without_empty(
        {
            "id": str(org.oruk_id),
            "name": org.name,
            "description": org.description,  # required, may be empty
            "email": org.email,
            "website": org.website,
        }
    )
    data.setdefault("description", "")
    if org.phone:
        data["phones"] = [{"id": derived_id(org.oruk_id, "phone"), "number": org.phone}]
    if services is not None:
        data["services"] = [{"id": str(s.oruk_id), "name": s.title} for s in services]
    return data


def taxonomy(tax, *, terms=None) -> dict:
    data = without_empty(
        {
            "id": str(tax.oruk_id),
            "name": tax.name,
            "description": tax.description,
            "uri": tax.uri,
            "version": tax.version,
        }
    )
    data.setdefault("description", "")
    if terms is not None:
        data["taxonomy_terms"] = [taxonomy_term(term, tax) for term in terms]
    return data


def taxonomy_term(term, tax=None, parent_oruk_id=None) -> dict:
    """`tax` and the parent's id can be passed when the caller has them, to save a query."""
    tax = tax if tax is not None else term.taxonomy
    if parent_oruk_id is None and term.parent_id:
        parent_oruk_id = term.parent.oruk_id
    data = without_empty(
        {
            "id": str(term.oruk_id),
            "name": term.name,
            "description": term.description,
            "parent_id": str(parent_oruk_id) if parent_oruk_id else None,
            "taxonomy": tax.name,
            "taxonomy_id": str(tax.oruk_id),
            "term": term.code,
        }
    )
    data.setdefault("description", "")
    return data


def feature_term(code: str, name: str) -> dict:
    return {
        "id": feature_term_id(code),
        "name": name,
        "description": name,
        "taxonomy": FEATURES_TAXONOMY_NAME,
        "taxonomy_id": str(FEATURES_TAXONOMY_ID),
        "term": code,
    }


def service_attributes(service, categories) -> list[dict]:
    """Its categories, then each yes/no feature that is true."""
    attributes = [
        {
            "id": derived_id(service.oruk_id, f"category/{term.oruk_id}"),
            "link_id": str(service.oruk_id),
            "link_type": "service",
            "taxonomy_term_id": str(term.oruk_id),
            "taxonomy_term": taxonomy_term(term),
        }
        for term in categories
    ]
    for field_name, code, name, link_type in FEATURE_TERMS:
        if getattr(service, field_name):
            attributes.append(
                {
                    "id": derived_id(service.oruk_id, f"feature/{code}"),
                    "link_id": str(service.oruk_id),
                    "link_type": link_type,
                    "taxonomy_term_id": feature_term_id(code),
                    "taxonomy_term": feature_term(code, name),
                }
            )
    return attributes


def cost_options(service) -> list[dict]:
    option_id = derived_id(service.oruk_id, "cost")
    if service.is_free:
        return [
            without_empty(
                {
                    "id": option_id,
                    "option": "Free",
                    "amount": 0,
                    "currency": service.cost_currency or "GBP",
                    "amount_description": service.cost_description,
                }
            )
        ]
    option = without_empty(
        {
            "id": option_id,
            "amount": float(service.cost_amount) if service.cost_amount is not None else None,
            "currency": service.cost_currency or "GBP" if service.cost_amount is not None else "",
            "amount_description": service.cost_description,
        }
    )
    return [option] if len(option) > 1 else []


def weekly_schedule(service, session, at_location: str = "") -> dict:
    """A weekly session as a WEEKLY rule, at one service-at-location when it is held there."""
    day = ORUK_WEEKDAYS[session.weekday]
    opens, closes = clock(session.opens), clock(session.closes)
    name = f"session/{day}/{opens}/{closes}" + (f"/{at_location}" if at_location else "")
    schedule = {
        "id": derived_id(service.oruk_id, name),
        "service_id": str(service.oruk_id),
        "freq": "WEEKLY",
        "interval": 1,
        "byday": day,
        "opens_at": opens,
        "closes_at": closes,
    }
    if at_location:
        schedule["service_at_location_id"] = at_location
    return schedule


def schedules(service, sessions, exceptions) -> list[dict]:
    """Weekly sessions held at each of its places as WEEKLY rules, one per session; dated
    cancellations and special sessions as schedules valid for their dates (a closure has no
    opening time). Sessions held at one hub are that service-at-location's
    (`place_schedules`)."""
    found = [
        weekly_schedule(service, session)
        for session in sessions
        if getattr(session, "hub_id", None) is None
    ]
    for exception in exceptions:
        start = exception.start_date.isoformat()
        end = (exception.end_date or exception.start_date).isoformat()
        if exception.closed:
            description = f"{CLOSED_PREFIX} for {exception.reason}" if exception.reason else ""
            description = description or CLOSED_PREFIX
        else:
            description = exception.reason
        found.append(
            without_empty(
                {
                    "id": derived_id(service.oruk_id, f"exception/{start}/{end}"),
                    "service_id": str(service.oruk_id),
                    "valid_from": start,
                    "valid_to": end,
                    "dtstart": start,
                    "opens_at": None if exception.closed else clock(exception.opens),
                    "closes_at": None if exception.closed else clock(exception.closes),
                    "description": description,
                }
            )
        )
    return found


def place_schedules(service, place, schedule, today: date, days: int) -> list[dict]:
    """A service at one hub: the sessions held there, and, dated, what the hub's closures,
    bank holidays and special hours do to them in the next `days` (the same answer as the
    service's page: `schedule` is its schedule there, directory.opening_hours.held_at)."""
    at_location = service_at_location_id(service.oruk_id, place.oruk_id)
    found = [
        weekly_schedule(service, session, at_location)
        for session in schedule.sessions
        if session.venue_id is not None
    ]
    for change in upcoming_changes(schedule, today, days):
        if not change.where:
            continue  # the service's own: in its schedules already
        start, end = change.first_day.isoformat(), change.last_day.isoformat()
        description = f"{CLOSED_PREFIX} for {change.why}" if change.closed else change.why
        for opens, closes in change.intervals or ((None, None),):
            found.append(
                without_empty(
                    {
                        "id": derived_id(
                            service.oruk_id, f"change/{at_location}/{start}/{end}/{opens}"
                        ),
                        "service_id": str(service.oruk_id),
                        "service_at_location_id": at_location,
                        "valid_from": start,
                        "valid_to": end,
                        "dtstart": start,
                        "opens_at": clock(opens),
                        "closes_at": clock(closes),
                        "description": description,
                    }
                )
            )
    return found


def location(place, accessibility: str = "") -> dict:
    """A delivery place (a hub or one of the service's own locations) as an ORUK location."""
    place_id = str(place.oruk_id)
    data = without_empty(
        {
            "id": place_id,
            "location_type": "physical",
            "name": place.name,
            "latitude": place.latitude,
            "longitude": place.longitude,
        }
    )
    if place.address_line_1 or place.postcode:
        address = {
            "id": derived_id(place_id, "address"),
            "location_id": place_id,
            "address_1": place.address_line_1,
            "city": place.town,
            # Required by the schema; English addresses have no state or province.
            "state_province": "",
            "postal_code": place.postcode,
            "country": "GB",
            "address_type": "physical",
        }
        if place.address_line_2:
            address["address_2"] = place.address_line_2
        data["addresses"] = [address]
    if accessibility:
        data["accessibility"] = [
            {
                "id": derived_id(place_id, "accessibility"),
                "location_id": place_id,
                "description": accessibility,
            }
        ]
    return data


def service_at_location(service, place, *, with_service: dict | None = None) -> dict:
    data = {
        "id": service_at_location_id(service.oruk_id, place.oruk_id),
        "service_id": str(service.oruk_id),
        "location_id": str(place.oruk_id),
        "location": location(place, service.accessibility),
    }
    if with_service is not None:
        data["service"] = with_service
    return data


def service_summary(service, page_url: str = "") -> dict:
    """The one-to-one fields (the /services list, and each service_at_location's service)."""
    org = service.organisation
    data = without_empty(
        {
            "id": str(service.oruk_id),
            "organization_id": str(org.oruk_id) if org else None,
            "name": service.title,
            "description": plain_text(service.description) or service.summary,
            "url": service.website or page_url,
            "email": service.email,
            "status": service.status,
            "minimum_age": service.minimum_age,
            "maximum_age": service.maximum_age,
            "assured_date": service.last_reviewed.isoformat() if service.last_reviewed else None,
            "last_modified": timestamp(service.last_modified),
            "eligibility_description": service.eligibility_description,
            "application_process": service.referral_description,
        }
    )
    if org is not None:
        data["organization"] = organization(org)
    return data


def service(service, *, page_url: str = "", places=None) -> dict:
    """The whole service, nested as /services/{id} returns it. Reads the related rows through
    `.all()`: prefetch contacts, locations, hubs, categories, sessions and exceptions."""
    places = service.delivery_places() if places is None else places
    data = service_summary(service, page_url)
    data["schedules"] = schedules(
        service, service.opening_sessions.all(), service.opening_exceptions.all()
    )
    today = timezone.localdate(timezone=LONDON)
    for place in places if service.in_person else ():
        if getattr(place, "hub", None) is not None:
            data["schedules"] += place_schedules(
                service, place, service.schedule_at(place), today, CHANGES_PUBLISHED_DAYS
            )
    data["service_at_locations"] = [service_at_location(service, place) for place in places]
    data["languages"] = [
        {"id": derived_id(service.oruk_id, f"language/{code}"), "name": name, "code": code}
        for code, name in zip(service.language_codes, service.language_names, strict=True)
    ]
    data["cost_options"] = cost_options(service)
    data["contacts"] = [contact(service, person) for person in service.contacts.all()]
    if service.phone:
        data["phones"] = [{"id": derived_id(service.oruk_id, "phone"), "number": service.phone}]
    data["attributes"] = service_attributes(service, service.categories.all())
    return data


def contact(service, person) -> dict:
    data = without_empty(
        {
            "id": str(person.oruk_id),
            "service_id": str(service.oruk_id),
            "name": person.name,
            "title": person.title,
            "email": person.email,
        }
    )
    if person.phone:
        data["phones"] = [{"id": derived_id(person.oruk_id, "phone"), "number": person.phone}]
    return data


# ORUK objects back as our field values ----------------------------------------------------


class Invalid(ValueError):
    """Our own rules, beyond the schema: the message says which field and why."""


@dataclass
class LocationRecord:
    oruk_id: uuid.UUID
    name: str
    address_line_1: str
    address_line_2: str
    town: str
    postcode: str
    latitude: float | None
    longitude: float | None


@dataclass
class ContactRecord:
    oruk_id: uuid.UUID
    name: str
    title: str
    phone: str
    email: str


@dataclass
class SessionRecord:
    weekday: int
    opens: time
    closes: time


@dataclass
class ExceptionRecord:
    start_date: date
    end_date: date | None
    closed: bool
    opens: time | None
    closes: time | None
    reason: str


@dataclass
class TermRecord:
    oruk_id: uuid.UUID
    name: str
    description: str
    code: str
    parent_oruk_id: uuid.UUID | None
    taxonomy_oruk_id: uuid.UUID | None
    taxonomy_name: str


@dataclass
class ServiceRecord:
    """A service's field values, ready to compare with what is stored and to save."""

    oruk_id: uuid.UUID
    fields: dict
    organisation: dict | None = None
    locations: list[LocationRecord] = field(default_factory=list)
    contacts: list[ContactRecord] = field(default_factory=list)
    sessions: list[SessionRecord] = field(default_factory=list)
    exceptions: list[ExceptionRecord] = field(default_factory=list)
    categories: list[TermRecord] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what was left out, and why


def _text(value, limit: int | None = None) -> str:
    text = value.strip() if isinstance(value, str) else ""
    return text[:limit] if limit else text


def _uuid(value, where: str) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise Invalid(f"{where}: {value!r} is not a UUID") from None


def _age(value, where: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
        raise Invalid(f"{where}: {value!r} is not a whole number of years")
    if not 0 <= value <= 130:
        raise Invalid(f"{where}: {value!r} is not an age from 0 to 130")
    return int(value)


def _date(value, where: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise Invalid(f"{where}: {value!r} is not a date (YYYY-MM-DD)") from None


def _clock(value, where: str) -> time | None:
    if not value:
        return None
    try:
        return time.fromisoformat(str(value)).replace(tzinfo=None)
    except ValueError:
        raise Invalid(f"{where}: {value!r} is not a time (HH:MM)") from None


def _checked(value, validator, where: str, notes: list | None = None, limit: int = 200) -> str:
    """A web or email address we can link to, or "" (with a note) when it is not one."""
    text = _text(value)
    if not text:
        return ""
    try:
        if len(text) > limit:
            raise ValidationError("too long")
        validator(text)
    except ValidationError:
        if notes is not None:
            notes.append(f"{where}: {text!r} left out (not a valid address)")
        return ""
    return text


def _phone(item: dict) -> str:
    phones = item.get("phones") or []
    return _text(phones[0].get("number"), 40) if phones else ""


def organisation_fields(data: dict) -> dict:
    """An ORUK organization as our Organisation's field values (oruk_id included)."""
    return {
        "oruk_id": _uuid(data.get("id"), "organization/id"),
        "name": _text(data.get("name"), 200),
        "description": _text(data.get("description")),
        "website": _checked(data.get("website"), URLValidator(), "organization/website"),
        "email": _checked(data.get("email"), validate_email, "organization/email", limit=254),
        "phone": _phone(data),
    }


def term_record(data: dict, where: str = "taxonomy_term") -> TermRecord:
    name = _text(data.get("name"), 200)
    if not name:
        raise Invalid(f"{where}/name: a category needs a name")
    parent = data.get("parent_id")
    taxonomy_id = data.get("taxonomy_id")
    return TermRecord(
        oruk_id=_uuid(data.get("id"), f"{where}/id"),
        name=name,
        description=_text(data.get("description")),
        code=_text(data.get("term") or data.get("code")),
        parent_oruk_id=_uuid(parent, f"{where}/parent_id") if parent else None,
        taxonomy_oruk_id=_uuid(taxonomy_id, f"{where}/taxonomy_id") if taxonomy_id else None,
        taxonomy_name=_text(data.get("taxonomy"), 200),
    )


def _location_record(item: dict, where: str, valid_postcode) -> LocationRecord:
    place = item.get("location") or {}
    if not place:
        raise Invalid(f"{where}/location: the location is missing")
    where = f"{where}/location"
    addresses = place.get("addresses") or []
    physical = [a for a in addresses if a.get("address_type") != "virtual"]
    address = physical[0] if physical else {}
    postcode_text = _text(address.get("postal_code"))
    postcode = valid_postcode(postcode_text)
    if postcode is None:
        raise Invalid(f"{where}/addresses: {postcode_text!r} is not a UK postcode")
    latitude, longitude = place.get("latitude"), place.get("longitude")
    if (latitude is None) != (longitude is None):
        raise Invalid(f"{where}: give both latitude and longitude, or neither")
    if latitude is not None and not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise Invalid(f"{where}: ({latitude}, {longitude}) are not valid coordinates")
    address_1 = _text(address.get("address_1"), 120)
    if not address_1:
        raise Invalid(f"{where}/addresses: the address has no first line")
    return LocationRecord(
        oruk_id=_uuid(place.get("id"), f"{where}/id"),
        name=_text(place.get("name"), 200) or address_1,
        address_line_1=address_1,
        address_line_2=_text(address.get("address_2"), 120),
        town=_text(address.get("city"), 80),
        postcode=postcode,
        latitude=latitude,
        longitude=longitude,
    )


def _schedule_records(items: list[dict], record: ServiceRecord) -> None:
    for number, item in enumerate(items):
        where = f"schedules/{number}"
        opens = _clock(item.get("opens_at"), f"{where}/opens_at")
        closes = _clock(item.get("closes_at"), f"{where}/closes_at")
        freq, byday = item.get("freq"), _text(item.get("byday")).upper()
        interval = item.get("interval") or 1
        if freq == "WEEKLY" and byday and interval == 1 and not item.get("bymonthday"):
            if not (opens and closes) or closes <= opens:
                raise Invalid(f"{where}: a weekly session needs opens_at before closes_at")
            for day in byday.split(","):
                day = day.strip()[-2:]
                if day not in ORUK_WEEKDAYS:
                    raise Invalid(f"{where}/byday: {day!r} is not a weekday (MO to SU)")
                record.sessions.append(SessionRecord(ORUK_WEEKDAYS.index(day), opens, closes))
        elif not freq and item.get("valid_from") and item.get("service_at_location_id"):
            record.notes.append(
                f"{where}: left out (a dated change at one place; only the service's own are kept)"
            )
        elif not freq and item.get("valid_from"):
            start = _date(item.get("valid_from"), f"{where}/valid_from")
            end = _date(item.get("valid_to"), f"{where}/valid_to")
            if end and end < start:
                raise Invalid(f"{where}: valid_to is before valid_from")
            description = _text(item.get("description"))
            closed = not opens
            reason = description
            if closed and description.startswith(CLOSED_PREFIX):
                reason = description.removeprefix(CLOSED_PREFIX).strip().removeprefix("for ")
            record.exceptions.append(
                ExceptionRecord(
                    start_date=start,
                    end_date=end if end and end != start else None,
                    closed=closed,
                    opens=opens,
                    closes=closes if opens else None,
                    reason=reason[:100],
                )
            )
        else:
            record.notes.append(
                f"{where}: left out (only weekly sessions and dated changes are kept)"
            )


def _cost_fields(options: list[dict], fees: str) -> dict:
    priced = [o for o in options if isinstance(o.get("amount"), int | float) and o["amount"] > 0]
    free = [
        o
        for o in options
        if o.get("amount") == 0 or _text(o.get("option")).lower().startswith("free")
    ]
    if priced:
        chosen = priced[0]
        try:
            amount = Decimal(str(chosen["amount"])).quantize(Decimal("0.01"))
        except InvalidOperation:
            raise Invalid("cost_options: the amount is not a number") from None
        if amount >= Decimal("1000000"):
            raise Invalid("cost_options: the amount is more than £999,999.99")
        description = _text(chosen.get("amount_description") or chosen.get("option"))
        return {"is_free": False, "cost_amount": amount, "cost_description": description[:250]}
    if free:
        description = _text(free[0].get("amount_description"))
        return {"is_free": True, "cost_amount": None, "cost_description": description[:250]}
    description = ""
    if options:
        description = _text(options[0].get("amount_description") or options[0].get("option"))
    return {
        "is_free": False,
        "cost_amount": None,
        "cost_description": (description or _text(fees))[:250],
    }


def service_record(data: dict, *, valid_postcode, known_languages) -> ServiceRecord:
    """An ORUK service (already valid against the schema) as our field values, or Invalid
    with the first of our own rules it breaks. `valid_postcode(text)` gives the normalised
    UK postcode or None; `known_languages` is the set of two-letter codes we accept."""
    oruk_id = _uuid(data.get("id"), "id")
    name = _text(data.get("name"), 255)
    if not name:
        raise Invalid("name: a service needs a name")
    if data.get("status") not in STATUSES:
        raise Invalid(f"status: {data.get('status')!r} is not an ORUK status")
    minimum_age = _age(data.get("minimum_age"), "minimum_age")
    maximum_age = _age(data.get("maximum_age"), "maximum_age")
    if minimum_age is not None and maximum_age is not None and maximum_age < minimum_age:
        raise Invalid("maximum_age: it is less than minimum_age")
    description = _text(data.get("description"))
    features = {
        attribute["taxonomy_term"].get("term")
        for attribute in data.get("attributes") or []
        if isinstance(attribute.get("taxonomy_term"), dict)
        and attribute["taxonomy_term"].get("taxonomy_id") == str(FEATURES_TAXONOMY_ID)
    }
    codes = []
    for language in data.get("languages") or []:
        code = _text(language.get("code")).lower()[:2]
        if code and code in known_languages and code not in codes:
            codes.append(code)
    notes = []
    fields = {
        "title": name,
        "summary": first_sentences(description, 300),
        "description": rich_text(description),
        "status": data["status"],
        "website": _checked(data.get("url"), URLValidator(), "url", notes),
        "email": _checked(data.get("email"), validate_email, "email", notes, limit=254),
        "phone": _phone(data),
        "minimum_age": minimum_age,
        "maximum_age": maximum_age,
        "eligibility_description": _text(data.get("eligibility_description")),
        "referral_description": _text(data.get("application_process")),
        "languages": ", ".join(codes),
        "accessibility": "",
        **_cost_fields(data.get("cost_options") or [], data.get("fees")),
    }
    if features:
        # Our own feed says which features hold; absent ones are false.
        fields.update({name: code in features for name, code, *_ in FEATURE_TERMS})
    assured = _date(data.get("assured_date"), "assured_date")
    if assured:
        fields["last_reviewed"] = assured
    record = ServiceRecord(oruk_id=oruk_id, fields=fields, notes=notes)
    if isinstance(data.get("organization"), dict):
        record.organisation = organisation_fields(data["organization"])
    elif data.get("organization_id"):
        record.organisation = {"oruk_id": _uuid(data["organization_id"], "organization_id")}
    for number, item in enumerate(data.get("service_at_locations") or []):
        where = f"service_at_locations/{number}"
        place = _location_record(item, where, valid_postcode)
        record.locations.append(place)
        for access in (item.get("location") or {}).get("accessibility") or []:
            if not fields["accessibility"] and _text(access.get("description")):
                fields["accessibility"] = _text(access.get("description"))
    if not features:
        # Someone else's feed: in person where it has places, the rest as our defaults.
        fields["in_person"] = bool(record.locations)
    for number, person in enumerate(data.get("contacts") or []):
        where = f"contacts/{number}"
        person_name = _text(person.get("name"), 120)
        if not person_name:
            record.notes.append(f"{where}: left out (a contact needs a name)")
            continue
        record.contacts.append(
            ContactRecord(
                oruk_id=_uuid(person.get("id"), f"{where}/id"),
                name=person_name,
                title=_text(person.get("title"), 120),
                phone=_phone(person),
                email=_checked(person.get("email"), validate_email, f"{where}/email", notes, 254),
            )
        )
    _schedule_records(data.get("schedules") or [], record)
    for number, attribute in enumerate(data.get("attributes") or []):
        term = attribute.get("taxonomy_term")
        if not isinstance(term, dict) or term.get("taxonomy_id") == str(FEATURES_TAXONOMY_ID):
            continue
        record.categories.append(term_record(term, f"attributes/{number}/taxonomy_term"))
    return record


def first_sentences(text: str, limit: int) -> str:
    """A summary from a description: its first paragraph, cut at a sentence or word end."""
    first = text.split("\n\n")[0].strip()
    if len(first) <= limit:
        return first
    cut = first[: limit - 1]
    end = cut.rfind(". ")
    if end > limit // 2:
        return cut[: end + 1]
    return cut.rsplit(" ", 1)[0] + "…"
