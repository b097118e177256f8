"""What an import sets on a service page (`apply_record`), and the same things read back so
two versions of a page compare (`state`): a field the one sets, the other reads."""

import uuid

from directory.models import (
    FamilyHubPage,
    ServiceContact,
    ServiceDateException,
    ServiceLocation,
    ServiceSession,
)

from .from_oruk import ServiceRecord
from .vocabulary import FEATURE_FIELDS, plain_text


def apply_record(page, record: ServiceRecord, organisation, categories, hub_ids: set) -> None:
    """Sets a service page to what the record says: its fields, organisation and categories,
    the hubs and other places it is delivered at (the feed's locations that are our hubs, by
    `hub_ids`), its contacts, sessions and exceptions. Rows keep their ORUK ids."""
    fields = dict(record.fields)
    current = plain_text(page.description) or page.summary
    if page.pk and plain_text(fields["description"]) == current:
        # ORUK has one description where we have a summary and a description: when the
        # feed's says what ours does, keep both as the editor wrote them.
        del fields["summary"], fields["description"]
    for name, value in fields.items():
        setattr(page, name, value)
    page.organisation = organisation
    page.categories = categories
    hubs, places = [], []
    current = {place.oruk_id: place for place in page.locations.all()}
    for place in record.locations:
        if place.oruk_id in hub_ids:
            hubs.append(place.oruk_id)
            continue
        oruk_id = place.oruk_id
        used = ServiceLocation.objects.filter(oruk_id=oruk_id).exclude(page__oruk_id=page.oruk_id)
        if used.exists():
            # ORUK lets services share a location; our rows belong to one service each.
            oruk_id = uuid.uuid5(page.oruk_id, str(place.oruk_id))
        row = current.get(oruk_id) or ServiceLocation(oruk_id=oruk_id)
        row.name, row.address_line_1 = place.name, place.address_line_1
        row.address_line_2, row.town, row.postcode = (
            place.address_line_2,
            place.town,
            place.postcode,
        )
        row.latitude, row.longitude = place.latitude, place.longitude
        if row.latitude is None:
            row.latitude, row.longitude = row.point_from_postcode()
        row.sort_order = len(places)
        places.append(row)
    page.locations = places
    page.hubs = list(FamilyHubPage.objects.filter(oruk_id__in=hubs)) if hubs else []
    current_contacts = {person.oruk_id: person for person in page.contacts.all()}
    contacts = []
    for person in record.contacts:
        row = current_contacts.get(person.oruk_id) or ServiceContact(oruk_id=person.oruk_id)
        row.name, row.title, row.phone, row.email = (
            person.name,
            person.title,
            person.phone,
            person.email,
        )
        row.sort_order = len(contacts)
        contacts.append(row)
    page.contacts = contacts
    page.opening_sessions = [
        ServiceSession(weekday=s.weekday, opens=s.opens, closes=s.closes, sort_order=n)
        for n, s in enumerate(record.sessions)
    ]
    page.opening_exceptions = [
        ServiceDateException(
            start_date=e.start_date,
            end_date=e.end_date,
            closed=e.closed,
            opens=e.opens,
            closes=e.closes,
            reason=e.reason,
            sort_order=n,
        )
        for n, e in enumerate(record.exceptions)
    ]


def state(page) -> tuple:
    """What an import sets on a service page, comparable between two versions of it."""
    fields = tuple(
        (name, getattr(page, name))
        for name in (
            "title",
            "summary",
            "description",
            "status",
            "website",
            "email",
            "phone",
            "minimum_age",
            "maximum_age",
            "eligibility_description",
            "referral_description",
            "languages",
            "accessibility",
            "is_free",
            "cost_amount",
            "cost_description",
            "last_reviewed",
            *FEATURE_FIELDS,
        )
    )
    return (
        fields,
        page.organisation_id,
        tuple(sorted(term.pk for term in page.categories.all())),
        tuple(sorted(hub.pk for hub in page.hubs.all())),
        tuple(
            (
                p.oruk_id,
                p.name,
                p.address_line_1,
                p.address_line_2,
                p.town,
                p.postcode,
                p.latitude,
                p.longitude,
            )
            for p in page.locations.all()
        ),
        tuple((c.oruk_id, c.name, c.title, c.phone, c.email) for c in page.contacts.all()),
        tuple((s.weekday, s.opens, s.closes) for s in page.opening_sessions.all()),
        tuple(
            (e.start_date, e.end_date, e.closed, e.opens, e.closes, e.reason)
            for e in page.opening_exceptions.all()
        ),
    )
