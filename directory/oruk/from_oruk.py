"""Open Referral UK 3.0 objects back as our field values, checked by our own rules: what the
importer (directory.oruk.importer) saves, and compares with what is stored.

Plain functions over the JSON: no queries, no requests. A record that breaks a rule raises
`Invalid`, saying where. What export and import share is in directory.oruk.vocabulary.
"""

import uuid
from dataclasses import dataclass, field
from datetime import date, time
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email

from .vocabulary import (
    CLOSED_PREFIX,
    FEATURE_TERMS,
    FEATURES_TAXONOMY_ID,
    ORUK_WEEKDAYS,
    STATUSES,
    rich_text,
)


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
