"""schema.org data for search engines about hubs and services, as plain dictionaries (rendered as
JSON-LD by the `json_ld` template tag). A hub is a CivicStructure; a service is a Service
offered at places. Both give each place's address and its hours, with the closures and special
hours of the coming year. It reads the pages it is given and imports no model."""

from datetime import date, datetime

from django.utils import timezone

from directory import opening_hours as hours

# How far ahead the closures and special hours go: a year, whatever its length.
SPECIAL_HOURS_DAYS = 366


def postal_address(place) -> dict:
    """A hub, a service's own location or a DeliveryPlace: each has the same address fields."""
    return {
        "@type": "PostalAddress",
        "streetAddress": ", ".join(filter(None, [place.address_line_1, place.address_line_2])),
        "addressLocality": place.town,
        "postalCode": place.postcode,
        "addressCountry": "GB",
    }


def special_hours(schedule: hours.Schedule, today: date) -> dict:
    """{"specialOpeningHoursSpecification": ...} when the coming year has closures or special
    hours, else {}."""
    special = hours.special_opening_hours_specification(schedule, today, days=SPECIAL_HOURS_DAYS)
    return {"specialOpeningHoursSpecification": special} if special else {}


def phone_and_email(page) -> dict:
    """A hub's or a service's own phone and email, those it has."""
    return {
        key: value for key, value in (("telephone", page.phone), ("email", page.email)) if value
    }


def london_today(now: datetime | None) -> date:
    return timezone.localdate(now or timezone.now(), timezone=hours.LONDON)


def hub(page, request, now: datetime) -> dict:
    """A family hub as a CivicStructure with its opening hours."""
    schedule = page.get_schedule()
    data = {
        "@context": "https://schema.org",
        "@type": "CivicStructure",
        "name": page.title,
        "url": page.get_full_url(request),
        "address": postal_address(page),
        "openingHoursSpecification": hours.opening_hours_specification(schedule),
        **special_hours(schedule, london_today(now)),
    }
    if page.summary:
        data["description"] = page.summary
    data.update(phone_and_email(page))
    if page.has_location:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": page.latitude,
            "longitude": page.longitude,
        }
    return data


def service(page, request, now: datetime | None = None) -> dict:
    """A Service, its provider, and where and when it is offered: each place families go to
    with its hours there (its hub's closures included)."""
    data = {
        "@context": "https://schema.org",
        "@type": "Service",
        "name": page.title,
        "url": page.get_full_url(request),
        "isAccessibleForFree": page.is_free,
    }
    if page.summary:
        data["description"] = page.summary
    if page.organisation_id:
        provider = {"@type": "Organization", "name": page.organisation.name}
        if page.organisation.website:
            provider["url"] = page.organisation.website
        data["provider"] = provider
    if page.categories.exists():
        data["category"] = [term.name for term in page.categories.all()]
    today = london_today(now)
    channels = []
    places = page.delivery_places() if page.in_person else []
    for place, sitting in zip(places, page.sittings() if places else [], strict=True):
        location = {"@type": "Place", "name": place.name, "address": postal_address(place)}
        schedule = sitting.schedule
        if schedule.has_hours:
            location["openingHoursSpecification"] = hours.opening_hours_specification(schedule)
            location.update(special_hours(schedule, today))
        channels.append({"@type": "ServiceChannel", "serviceLocation": location})
    if channels:
        data["availableChannel"] = channels
    data.update(phone_and_email(page))
    if page.language_codes:
        data["availableLanguage"] = page.language_names
    return data


def event_structured_data(entries_: list, request) -> list[dict]:
    """schema.org Event JSON-LD for the one-off events among What's on's entries
    (directory.whats_on.Entry)."""
    data = []
    for entry in entries_:
        if not entry.is_event:
            continue
        event = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": entry.title,
            "startDate": entry.starts_at.isoformat(),
            "endDate": entry.ends_at.isoformat(),
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "eventStatus": "https://schema.org/EventCancelled"
            if entry.sitting.cancelled
            else "https://schema.org/EventScheduled",
            "location": {
                "@type": "Place",
                "name": entry.place,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": entry.extra.get("address", ""),
                    "addressLocality": entry.extra.get("town", ""),
                    "postalCode": entry.extra.get("postcode", ""),
                    "addressCountry": "GB",
                },
            },
            "isAccessibleForFree": entry.extra.get("is_free", False),
        }
        if entry.description:
            event["description"] = entry.description
        if entry.url:
            event["url"] = entry.url
        data.append(event)
    return data
