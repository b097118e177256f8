"""A small service directory for the search tests: three hubs, three postcodes, seven listed
services and two that must never be listed (a draft, a defunct one)."""

from decimal import Decimal

from directory.models import PostcodeLocation, ServicePage
from tests.directory.factories import hub_index, make_hub
from tests.directory.service_factories import make_service, organisation, service_index

HUBS = {
    "Central": (52.5870, -2.1296),
    "Bilston": (52.5652, -2.0736),
    "Pendeford": (52.6606, -2.1362),
}
POSTCODES = {
    "WV1 1SH": (52.587041, -2.129579),  # at Central
    "WV14 0AB": (52.565442, -2.073366),  # beside Bilston
    "WV10 8AA": (52.628301, -2.115355),  # between Central and Pendeford
}


def build_directory(home_page) -> dict:
    for code, (latitude, longitude) in POSTCODES.items():
        PostcodeLocation.objects.create(
            postcode=code,
            kind="unit",
            outward=code.split()[0],
            latitude=latitude,
            longitude=longitude,
        )
    PostcodeLocation.objects.create(
        postcode="WV2", kind="district", outward="WV2", latitude=52.57, longitude=-2.12
    )
    hubs_index = hub_index(home_page)
    hubs = {
        name: make_hub(hubs_index, f"{name} Family Hub", point=point, slug=name.lower())
        for name, point in HUBS.items()
    }
    index = service_index(home_page)
    council = organisation("Wulfrun Council")
    nhs = organisation("Wulfrun NHS Trust")
    services = {
        "drop-in": make_service(
            index,
            "Speech and language drop-in",
            categories=["speech-and-language-therapy"],
            hubs=[hubs["Bilston"]],
            minimum_age=0,
            maximum_age=5,
            organisation=nhs,
            summary="Ask a therapist about your child's talking.",
            sessions=[(1, "10:00", "11:30")],
        ),
        "talking-tots": make_service(
            index,
            "Talking tots group",
            categories=["early-language-groups"],
            hubs=[hubs["Central"], hubs["Pendeford"]],
            minimum_age=1,
            maximum_age=3,
            summary="Songs and stories to get little ones chatting.",
        ),
        "clinic": make_service(
            index,
            "Speech therapy clinic",
            categories=["speech-and-language-therapy"],
            hubs=[hubs["Central"]],
            minimum_age=2,
            maximum_age=11,
            is_free=False,
            cost_amount=Decimal("5.00"),
            cost_description="per session",
            self_referral=False,
            organisation=nhs,
            locations=[
                {
                    "name": "Low Hill Clinic",
                    "address_line_1": "1 Showell Road",
                    "town": "Wulfrun",
                    "postcode": "WV10 8AA",
                }
            ],
        ),
        "cafe": make_service(
            index,
            "Breastfeeding cafe",
            categories=["breastfeeding"],
            hubs=[hubs["Central"]],
            pregnancy=True,
            minimum_age=0,
            maximum_age=1,
            organisation=council,
            summary="Peer supporters and cake.",
        ),
        "online-course": make_service(
            index,
            "Online parenting course",
            categories=["parenting-courses"],
            in_person=False,
            online=True,
            organisation=council,
            summary="Eight weeks, at home, in the evening.",
        ),
        "youth-club": make_service(
            index,
            "Youth club",
            categories=["youth-clubs"],
            hubs=[hubs["Pendeford"]],
            minimum_age=11,
            maximum_age=19,
            is_free=False,
            cost_amount=Decimal("1.00"),
            summary="Games, sport and trips.",
        ),
        "send-group": make_service(
            index,
            "SEND parent group",
            categories=["send-advice", "parent-peer-support"],
            hubs=[hubs["Bilston"]],
            summary="Meet other parents of children with SEND.",
        ),
    }
    make_service(
        index,
        "Secret speech service",
        categories=["speech-and-language"],
        hubs=[hubs["Central"]],
        publish=False,
    )
    make_service(
        index,
        "Old speech service",
        categories=["speech-and-language"],
        hubs=[hubs["Central"]],
        status=ServicePage.Status.DEFUNCT,
    )
    return {"index": index, "hubs": hubs, "services": services}
