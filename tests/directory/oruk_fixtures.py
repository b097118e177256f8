"""A small directory for the ORUK tests: two hubs, an organisation, services at hubs and at
their own places, one draft and one private service that must never be published."""

from datetime import date
from decimal import Decimal

from wagtail.models import PageViewRestriction

from directory.models import ServiceContact, ServiceDateException
from tests.directory.factories import WEEKDAYS_9_TO_5, hub_index, make_hub
from tests.directory.service_factories import (
    add_postcode,
    make_service,
    organisation,
    service_index,
)

# Central Wulfrun, and a postcode about 5 km east of it.
CENTRE = ("WV1 1SH", 52.5870, -2.1296)
EAST = ("WV11 1AA", 52.6000, -2.0560)


def build_directory(home_page) -> dict:
    add_postcode(*CENTRE)
    add_postcode(*EAST)
    hubs = hub_index(home_page)
    central_hub = make_hub(hubs, "Central Hub", sessions=WEEKDAYS_9_TO_5, point=CENTRE[1:])
    east_hub = make_hub(hubs, "East Hub", postcode=EAST[0], point=EAST[1:])
    index = service_index(home_page)
    nhs = organisation("Wulfrun NHS Trust")
    nhs.description = "Community health services."
    nhs.email = "hello@nhs.example"
    nhs.save()
    chatter = make_service(
        index,
        "Chatterbox speech group",
        summary="Songs and games that help toddlers talk.",
        description="<p>Songs and games.</p><p>Bring a snack.</p>",
        organisation=nhs,
        categories=["speech-and-language"],
        hubs=[central_hub],
        sessions=[(1, "10:00", "11:30")],
        minimum_age=1,
        maximum_age=4,
        languages="en, pl",
        accessibility="Step-free access.",
        last_reviewed=date(2026, 9, 1),
    )
    chatter.contacts = [ServiceContact(name="Asha Patel", title="Therapist", phone="01902 1")]
    chatter.opening_exceptions = [
        ServiceDateException(
            start_date=date(2026, 12, 24), end_date=date(2027, 1, 2), reason="Christmas"
        )
    ]
    chatter.save_revision().publish()
    swim = make_service(
        index,
        "Baby swim",
        summary="Swimming for babies.",
        organisation=organisation("Wulfrun Leisure"),
        categories=["parenting"],
        is_free=False,
        cost_amount=Decimal("3.50"),
        cost_description="per session",
        self_referral=False,
        referral_description="Ask your health visitor.",
        locations=[
            {
                "name": "East Pool",
                "address_line_1": "Pool Road",
                "town": "Wednesfield",
                "postcode": EAST[0],
                "latitude": EAST[1],
                "longitude": EAST[2],
            }
        ],
    )
    online = make_service(
        index,
        "Online parenting course",
        summary="At home.",
        online=True,
        in_person=False,
        categories=["parenting-courses"],
    )
    draft = make_service(index, "Draft service", summary="Not yet.", publish=False)
    private = make_service(index, "Private service", summary="Staff only.", hubs=[east_hub])
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    return {
        "hubs": [central_hub, east_hub],
        "organisation": nhs,
        "live": [chatter, swim, online],
        "draft": draft,
        "private": private,
    }
