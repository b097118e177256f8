"""Our directory records as Open Referral UK 3.0 objects (the API at /oruk/).

Plain functions over plain attribute access (model instances in the site, simple objects in the
unit tests): no queries, no requests. Views pass prefetched instances. What export and import
share is in directory.oruk.vocabulary.
"""

from datetime import date

from django.utils import timezone

from directory.opening_hours import LONDON, upcoming_changes

from .vocabulary import (
    CHANGES_PUBLISHED_DAYS,
    CLOSED_PREFIX,
    FEATURE_TERMS,
    FEATURES_TAXONOMY_ID,
    FEATURES_TAXONOMY_NAME,
    HSDS_VERSION,
    ORUK_WEEKDAYS,
    PROFILE_URL,
    clock,
    derived_id,
    feature_term_id,
    plain_text,
    service_at_location_id,
    timestamp,
    without_empty,
)


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
