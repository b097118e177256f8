"""The demo council's family hubs: an index at /family-hubs/ and ten hubs around Wulfrun, on
real postcodes in the WV area, with realistic weekly hours (one with a lunch break, one closed at
weekends, one mornings only) and a coming holiday closure.

Like every demo loader it creates what is missing and leaves what exists alone."""

import csv
from collections import defaultdict
from datetime import date, time, timedelta
from pathlib import Path
from typing import NamedTuple

from django.utils import timezone

from wagtail.models import Site

from website.demo import add_navigation_link, ensure_child_page, paragraph

from . import demo_events, demo_services, geo, postcodes
from . import opening_hours as hours
from .models import (
    DirectorySettings,
    FamilyHubIndexPage,
    FamilyHubPage,
    HubDateException,
    HubSession,
    LocalAuthority,
    PostcodeLocation,
)

WEEKDAYS = range(5)
MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY = range(7)


def sessions(days, opens: str, closes: str) -> list[tuple[int, str, str]]:
    return [(day, opens, closes) for day in days]


# Each hub's "what happens here" names only services the demo directory holds there
# (demo_services.py), on the days they run; their sessions fall inside these opening hours.
HUBS = [
    {
        "title": "Bilston Family Hub",
        "slug": "bilston",
        "summary": "Baby clinic, stay and play, SEND support and help with money in the heart "
        "of Bilston.",
        "address_line_1": "Mount Pleasant",
        "town": "Bilston",
        "postcode": "WV14 0AA",
        "point": (52.565235, -2.073602),
        "phone": "01902 555 0201",
        "facilities": ["step_free_access", "accessible_toilet", "baby_change", "buggy_storage"],
        # A lunch break every weekday, and Saturday mornings.
        "sessions": [
            *sessions(WEEKDAYS, "09:00", "12:30"),
            *sessions(WEEKDAYS, "13:30", "17:00"),
            (SATURDAY, "10:00", "13:00"),
        ],
        "body": (
            "Health visitors run the baby clinic on Tuesday mornings, and there is stay and "
            "play on Monday and Wednesday afternoons.",
            "For children with special educational needs and disabilities (SEND), there are "
            "calm sensory play sessions in our sensory room on Friday mornings, and a speech "
            "and language drop-in for under-fives on Thursday afternoons.",
            "Parents-to-be come to antenatal classes on Tuesday mornings. There is the "
            "Incredible Years parenting course, benefits and debt advice on Thursday mornings, "
            "and the Dads' Saturday club on Saturday mornings.",
            "The hub closes for lunch from 12:30pm to 1:30pm.",
        ),
        "how_to_get_there": "Buses stop on Mount Pleasant, outside the hub, and the tram stop "
        "is a 5-minute walk. There is no car park: the nearest is the town centre pay and "
        "display.",
    },
    {
        "title": "Wednesfield Family Hub",
        "slug": "wednesfield",
        "summary": "Midwife clinics, a breastfeeding cafe, stay and play and a youth club in "
        "Wednesfield.",
        "address_line_1": "High Street",
        "town": "Wednesfield",
        "postcode": "WV11 1AA",
        "point": (52.615855, -2.089476),
        "phone": "01902 555 0202",
        "facilities": ["step_free_access", "accessible_toilet", "baby_change", "parking"],
        # Closed at weekends; open late on Tuesdays for the youth club.
        "sessions": [
            *sessions([MONDAY, WEDNESDAY, THURSDAY, FRIDAY], "09:00", "17:00"),
            (TUESDAY, "09:00", "20:00"),
        ],
        "body": (
            "Midwives hold pregnancy check-ups on Monday mornings, while the breastfeeding "
            "cafe runs in the room next door.",
            "Stay and play is on Tuesday mornings and Thursday afternoons. Pick up a free "
            "Brushing for life toothbrush pack at reception.",
            "For young people, youth workers run a healthy relationships course after school "
            "on Mondays, and the youth club meets on Tuesday evenings, when the hub stays open "
            "until 8pm.",
        ),
        "how_to_get_there": "Buses stop on the High Street, a 2-minute walk away. Free car "
        "park behind the hub, with 4 blue badge spaces.",
    },
    {
        "title": "Tettenhall Family Hub",
        "slug": "tettenhall",
        "summary": "Speech and language support, and late opening for working parents on "
        "Tuesdays and Thursdays.",
        "address_line_1": "Lower Street",
        "town": "Tettenhall",
        "postcode": "WV6 8AA",
        "point": (52.586869, -2.173297),
        "phone": "01902 555 0203",
        "facilities": ["step_free_access", "baby_change", "hearing_loop"],
        "sessions": [
            *sessions([MONDAY, WEDNESDAY, FRIDAY], "09:30", "15:30"),
            *sessions([TUESDAY, THURSDAY], "09:30", "19:00"),
        ],
        "body": (
            "For under-fives, the Chatterbox early language group meets on Monday mornings, "
            "and speech and language therapists run a drop-in on Wednesday mornings for "
            "parents worried about their child's talking. Ready for school sessions on Monday "
            "afternoons help children about to start Reception.",
            "Late opening for working parents: on Tuesdays and Thursdays the hub is open until "
            "7pm. The baby clinic runs until 6:30pm on Thursdays, the Parenting teenagers "
            "course meets on Thursday evenings, and a support group for parents of autistic "
            "children or children with ADHD meets on Tuesday evenings.",
        ),
        "how_to_get_there": "Buses stop on Lower Street, outside the hub. Parking on the "
        "street nearby; the hub has no car park.",
    },
    {
        "title": "Whitmore Reans Family Hub",
        "slug": "whitmore-reans",
        "summary": "Baby clinic, midwives, parenting courses, English classes, and help in "
        "many languages.",
        "address_line_1": "Avenue Road",
        "town": "Whitmore Reans",
        "postcode": "WV6 0AA",
        "point": (52.593405, -2.145791),
        "phone": "01902 555 0204",
        "facilities": [
            "step_free_access",
            "accessible_toilet",
            "baby_change",
            "buggy_storage",
            "hearing_loop",
        ],
        "sessions": [*sessions(WEEKDAYS, "08:30", "18:00"), (SATURDAY, "09:00", "12:00")],
        "body": (
            "Health visitors run the baby clinic on Monday mornings, with a health visitor who "
            "speaks Punjabi, and midwives hold pregnancy check-ups on Tuesday mornings.",
            "English classes for parents (ESOL) run on Tuesday and Thursday mornings with a "
            "free creche. On Wednesday mornings the Incredible Years parenting course meets, "
            "and so does a support group for parents of autistic children or children with "
            "ADHD.",
            "Our staff speak Punjabi, Polish and Romanian, and we can book an interpreter for "
            "any other language. The hub opens at 8:30am on weekdays, and on Saturday mornings "
            "for families to drop in and use the play room.",
        ),
        "how_to_get_there": "Buses stop on Avenue Road, outside the hub. A small car park at "
        "the back, with 2 blue badge spaces.",
    },
    {
        "title": "Low Hill Family Hub",
        "slug": "low-hill",
        "summary": "Health visitor clinics, midwives, stay and play, and money and SEND advice.",
        "address_line_1": "Showell Road",
        "town": "Low Hill",
        "postcode": "WV10 9AA",
        "point": (52.595159, -2.121424),
        "phone": "01902 555 0205",
        "facilities": ["step_free_access", "accessible_toilet", "baby_change", "parking"],
        "sessions": [*sessions(range(4), "09:00", "17:00"), (FRIDAY, "09:00", "16:30")],
        "body": (
            "Health visitors run the baby clinic on Wednesday afternoons and baby massage "
            "courses on Monday afternoons, and midwives hold pregnancy check-ups on Thursday "
            "afternoons. Stay and play is on Monday and Friday mornings.",
            "For parents, there is the Incredible Years parenting course on Tuesday "
            "afternoons, benefits and debt advice on Wednesday afternoons, the stop smoking "
            "service on Monday afternoons, and SEND information and advice on Thursday "
            "mornings.",
            "Young people looking for college, an apprenticeship or a job can see a careers "
            "adviser on Wednesday mornings.",
        ),
        "how_to_get_there": "Buses stop on Showell Road, outside the hub. Free car park next "
        "to the hub.",
    },
    {
        "title": "Penn Family Hub",
        "slug": "penn",
        "summary": "Saturday sessions for dads and carers, a baby clinic, stay and play, and a "
        "garden.",
        "address_line_1": "Penn Road",
        "town": "Penn",
        "postcode": "WV4 5AA",
        "point": (52.566110, -2.139844),
        "phone": "01902 555 0206",
        "facilities": ["step_free_access", "accessible_toilet", "parking"],
        # Closed on Mondays and Sundays, open on Saturdays.
        "sessions": sessions([TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY], "10:00", "16:00"),
        "body": (
            "On Saturday mornings the Dads' Saturday club brings dads, granddads and male "
            "carers together with their children for breakfast, play and football.",
            "In the week there is the baby clinic on Friday mornings, stay and play on "
            "Wednesday mornings (out in the garden when it is dry), and the Mums' wellbeing "
            "group on Tuesday afternoons.",
            "The hub is closed on Mondays.",
        ),
        "how_to_get_there": "Buses stop on Penn Road, a 3-minute walk away. Free car park at "
        "the hub.",
    },
    {
        "title": "Ettingshall Family Hub",
        "slug": "ettingshall",
        "summary": "Mental health and wellbeing support for parents, and a baby bank.",
        "address_line_1": "Ettingshall Road",
        "town": "Ettingshall",
        "postcode": "WV2 2AA",
        "point": (52.566604, -2.095040),
        "phone": "01902 555 0207",
        "facilities": ["step_free_access", "accessible_toilet", "baby_change"],
        "sessions": sessions(WEEKDAYS, "09:00", "17:00"),
        "body": (
            "The Mums' wellbeing group meets on Thursday mornings, for mums feeling low or "
            "anxious in pregnancy or with a baby under 2, and the stop smoking service holds a "
            "clinic on Thursday mornings.",
            "The baby bank gives clothes, prams and cots to families referred by a "
            "professional, on Friday mornings.",
            "Family cooking on a budget runs on Wednesday mornings with a free creche. There "
            "is also the Chatterbox early language group on Wednesday mornings, a starting "
            "solids workshop on Thursday afternoons, and Ready for school sessions on Friday "
            "afternoons.",
        ),
        "how_to_get_there": "Buses stop on Ettingshall Road, outside the hub. Parking on the "
        "street nearby.",
        "staff_training_in_days": 5,
    },
    {
        "title": "Pendeford Family Hub",
        "slug": "pendeford",
        "summary": "Morning sessions for babies and toddlers in Pendeford, and a youth club "
        "on Wednesday evenings.",
        "address_line_1": "Whitburn Close",
        "town": "Pendeford",
        "postcode": "WV9 5AA",
        "point": (52.660615, -2.136169),
        "phone": "01902 555 0208",
        "facilities": ["baby_change", "parking", "buggy_storage"],
        # Mornings only, and Wednesday evenings for the youth club.
        "sessions": [*sessions(WEEKDAYS, "09:00", "13:00"), (WEDNESDAY, "17:30", "20:00")],
        "body": (
            "Every weekday morning there is something for babies, toddlers and parents-to-be: "
            "family cooking on a budget on Mondays, baby massage on Tuesdays, antenatal "
            "classes on Wednesdays, a starting solids workshop on Thursdays, and rhyme time on "
            "Fridays.",
            "The hub opens again on Wednesday evenings for the youth club.",
        ),
        "how_to_get_there": "Buses stop on Whitburn Close, outside the hub. Free car park at "
        "the hub. There is a step at the entrance: ring the bell and we will bring a ramp.",
    },
    {
        "title": "Bushbury Family Hub",
        "slug": "bushbury",
        "summary": "Youth work, relationship support and family mediation in Bushbury.",
        "address_line_1": "Bushbury Lane",
        "town": "Bushbury",
        "postcode": "WV10 8AA",
        "point": (52.628301, -2.115355),
        "phone": "01902 555 0209",
        "facilities": ["step_free_access", "accessible_toilet", "hearing_loop"],
        "sessions": sessions(WEEKDAYS, "09:00", "17:00"),
        "body": (
            "Youth workers run the youth club straight after school on Mondays and Wednesdays, "
            "and volunteer mentors meet young people here.",
            "The relationship support team sees parents by appointment, on their own or "
            "together, to help them argue less in front of their children, and offers family "
            "mediation to parents who have separated.",
            "Stay and play is on Thursday mornings.",
        ),
        "how_to_get_there": "Buses stop on Bushbury Lane, outside the hub. Parking on the "
        "street nearby.",
    },
    {
        "title": "City Centre Family Hub",
        "slug": "city-centre",
        "summary": "The central hub, open seven days a week, next to the Civic Centre.",
        "address_line_1": "St Peter's Square",
        "town": "Wulfrun",
        "postcode": "WV1 1SH",
        "point": (52.587041, -2.129579),
        "phone": "01902 555 0210",
        "facilities": [
            "step_free_access",
            "accessible_toilet",
            "baby_change",
            "buggy_storage",
            "hearing_loop",
        ],
        "sessions": [*sessions(range(6), "09:00", "17:00"), (SUNDAY, "10:00", "14:00")],
        "body": (
            "Advice for families: benefits and debt advice on Monday mornings, SEND "
            "information and advice on Tuesday mornings, and the housing advice surgery on "
            "Wednesday mornings. English classes for parents (ESOL) are on Wednesday "
            "afternoons.",
            "For parents-to-be and young children: antenatal classes and a speech and language "
            "drop-in on Saturday mornings, for parents who work in the week, the breastfeeding "
            "cafe on Friday mornings, and quiet sensory play sessions on Sunday mornings.",
            "For young people: the Young minds drop-in after school on Thursdays, the Young "
            "carers group on Saturday mornings, mentoring, and careers advice on Monday "
            "afternoons.",
            "Open on bank holidays, except over Christmas.",
        ),
        "how_to_get_there": "A 5-minute walk from the bus station and the railway station. "
        "Pay and display parking at the Civic Centre.",
        # Open on bank holidays, unlike the other hubs.
        "closed_on_bank_holidays": False,
    },
]


# Demo postcode data: a national sample (directory/data/demo_postcodes.csv: one point per
# postcode district, each with the local authority it is mainly in, and a few full postcodes in
# and around other councils), and the hubs' own postcodes at the hubs. Approximate, for the
# demo only: real sites load the ONS Postcode Directory (README: "Postcode data").
DEMO_POSTCODES = Path(__file__).parent / "data" / "demo_postcodes.csv"
# The demo council, Wulfrun, stands where Wolverhampton is.
DEMO_COUNCIL_CODES = "E08000031"


class DemoPoint(NamedTuple):
    kind: str
    latitude: float
    longitude: float
    local_authority: str
    terminated: date | None = None


def demo_postcode_points() -> dict[str, DemoPoint]:
    """{postcode: where it is, its local authority, when it was terminated} for the demo."""
    with DEMO_POSTCODES.open(encoding="utf-8", newline="") as file:
        rows = csv.DictReader(line for line in file if not line.startswith("#"))
        points = {
            row["postcode"]: DemoPoint(
                postcodes.parse(row["postcode"]).kind.value,
                float(row["latitude"]),
                float(row["longitude"]),
                row["local_authority"],
                date.fromisoformat(f"{row['terminated']}-01") if row["terminated"] else None,
            )
            for row in rows
        }
    for spec in HUBS:
        parsed = postcodes.parse(spec["postcode"])
        points[parsed.text] = DemoPoint("unit", *spec["point"], DEMO_COUNCIL_CODES)
        points.setdefault(parsed.sector, DemoPoint("sector", *spec["point"], DEMO_COUNCIL_CODES))
    return points


def ensure_demo_postcodes() -> None:
    """Add the demo postcode points that are missing, and their local authorities; never move
    one an import has stored."""
    authority_ids = LocalAuthority.add_missing_from_project_table()
    points = demo_postcode_points()
    existing = dict(
        PostcodeLocation.objects.filter(pk__in=points).values_list("pk", "local_authority_id")
    )
    PostcodeLocation.objects.bulk_create(
        (
            PostcodeLocation(
                postcode=code,
                kind=point.kind,
                outward=code.split(" ")[0],
                latitude=point.latitude,
                longitude=point.longitude,
                terminated=point.terminated,
                local_authority_id=authority_ids[point.local_authority],
            )
            for code, point in points.items()
            if code not in existing
        ),
        batch_size=500,
    )
    # Points an earlier demo stored before postcodes had authorities.
    without = defaultdict(list)
    for code, authority_id in existing.items():
        if authority_id is None:
            without[points[code].local_authority].append(code)
    for authority, codes in without.items():
        PostcodeLocation.objects.filter(pk__in=codes).update(
            local_authority_id=authority_ids[authority]
        )


def ensure_council_area(site: Site) -> None:
    """The demo council's area, unless one is set."""
    settings = DirectorySettings.for_site(site)
    if not settings.local_authority_codes:
        settings.local_authority_codes = DEMO_COUNCIL_CODES
        settings.save(update_fields=["local_authority_codes"])


def next_christmas_closure(today: date) -> tuple[date, date]:
    """Christmas Eve to New Year's Day, this year's or, once it is over, next year's."""
    year = today.year if today <= date(today.year, 12, 24) else today.year + 1
    return date(year, 12, 24), date(year + 1, 1, 1)


def ensure_index(home) -> FamilyHubIndexPage:
    index, _ = ensure_child_page(
        home,
        FamilyHubIndexPage(
            title="Family hubs",
            slug="family-hubs",
            summary="Find a family hub near you, see when it is open and what happens there.",
            intro="<p>Family hubs are open to every family in Wulfrun. You do not need an "
            "appointment for most sessions.</p>",
        ),
    )
    return index


def build_hub(spec: dict, today: date) -> FamilyHubPage:
    latitude, longitude = spec["point"]
    hub = FamilyHubPage(
        title=spec["title"],
        slug=spec["slug"],
        summary=spec["summary"],
        address_line_1=spec["address_line_1"],
        town=spec["town"],
        postcode=spec["postcode"],
        location=geo.format_point(latitude, longitude),
        phone=spec["phone"],
        email=f"{spec['slug']}.hub@wulfrun.example",
        closed_on_bank_holidays=spec.get("closed_on_bank_holidays", True),
        how_to_get_there=spec["how_to_get_there"],
        # The page gives "What happens here" its heading.
        body=[paragraph(*spec["body"])],
        **dict.fromkeys(spec["facilities"], True),
    )
    hub.opening_sessions = [
        HubSession(weekday=day, opens=time.fromisoformat(o), closes=time.fromisoformat(c))
        for day, o, c in spec["sessions"]
    ]
    christmas_start, christmas_end = next_christmas_closure(today)
    exceptions = [
        HubDateException(
            start_date=christmas_start, end_date=christmas_end, closed=True, reason="Christmas"
        )
    ]
    if "staff_training_in_days" in spec:
        training = today + timedelta(days=spec["staff_training_in_days"])
        exceptions.append(
            HubDateException(start_date=training, closed=True, reason="staff training")
        )
    hub.opening_exceptions = exceptions
    return hub


def load(site: Site) -> None:
    ensure_demo_postcodes()
    ensure_council_area(site)
    home = site.root_page.specific
    index = ensure_index(home)
    add_navigation_link(site, index, position=0)
    today = timezone.localdate(timezone=hours.LONDON)
    for spec in HUBS:
        ensure_child_page(index, build_hub(spec, today))
    demo_services.load(site)
    demo_events.load(site)
