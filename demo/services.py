"""The demo council's service directory: /services/ and 60-odd services across the taxonomy,
run by the council, the NHS trust and local charities (invented names), at the demo hubs and at
libraries, clinics and community centres of their own, with a mix of ages, costs, referral
routes and ways of getting help (in person, online, by phone, at home). Two reviewed long ago,
so the stale-content report has something to show.

Each service says what a family would be told at the door: what happens, what to bring, who it
is for, how to get a place, and when it runs at each place. Sessions at a hub fall inside the
hub's opening hours (demo/hubs.py); a service with no sessions at a hub runs whenever the
hub is open (directory.opening_hours.held_at).

The services themselves are demo/data/services.toml. Like every demo loader it creates what is
missing and leaves what exists alone."""

from dataclasses import dataclass, field
from datetime import time, timedelta
from decimal import Decimal

from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify

from directory import taxonomy_seed
from directory.models import (
    FamilyHubPage,
    Organisation,
    ServiceContact,
    ServiceIndexPage,
    ServiceLocation,
    ServicePage,
    ServiceSession,
    Taxonomy,
    TaxonomyTerm,
)

from .site import add_navigation_link, ensure_child_page
from .tables import Session, read, weekly_sessions

ORGANISATIONS = {
    "council": (
        "Wulfrun Borough Council",
        "The council's family hubs, early help and youth services.",
        "https://www.wulfrun.example/",
        "0121 496 0100",
    ),
    "nhs": (
        "Black Country Community Healthcare NHS Trust (Wulfrun)",
        "Health visitors, midwives, speech and language therapy and school nurses.",
        "https://nhs.wulfrun.example/",
        "0121 496 0300",
    ),
    "bumps": (
        "Bumps and Babies Wulfrun",
        "A charity of trained volunteers supporting parents in pregnancy and the first year.",
        "https://bumps.wulfrun.example/",
        "0121 496 0400",
    ),
    "safe": (
        "Safe Haven Wulfrun",
        "Domestic abuse support, refuges and recovery programmes.",
        "https://safehaven.wulfrun.example/",
        "0800 555 0500",
    ),
    "sendiass": (
        "Wulfrun SEND Information, Advice and Support",
        "Free, impartial advice for families of children with SEND.",
        "https://sendiass.wulfrun.example/",
        "0121 496 0600",
    ),
    "money": (
        "Wulfrun Money Matters",
        "A charity giving free advice on benefits, debt and housing.",
        "https://moneymatters.wulfrun.example/",
        "0121 496 0700",
    ),
    "youth": (
        "Wulfrun Youth Trust",
        "Youth clubs, mentoring and holiday activities for young people.",
        "https://youthtrust.wulfrun.example/",
        "0121 496 0800",
    ),
}

# Places that are not hubs: (name, address line, town, postcode, latitude, longitude).
PLACES = {
    "central-library": ("Central Library", "Snow Hill", "Wulfrun", "WV2 4AA", 52.5834, -2.1262),
    "penn-library": ("Penn Library", "Coalway Road", "Penn", "WV3 7AA", 52.5700, -2.1600),
    "ashmore-clinic": (
        "Ashmore Park Clinic",
        "Griffiths Drive",
        "Wednesfield",
        "WV11 2AA",
        52.6110,
        -2.0650,
    ),
    "phoenix-centre": (
        "Phoenix Community Centre",
        "Parkfield Road",
        "Ettingshall",
        "WV4 6AA",
        52.5620,
        -2.1110,
    ),
    "willenhall-pool": (
        "Bentley Leisure Centre",
        "Bentley Lane",
        "Willenhall",
        "WV12 4AA",
        52.6000,
        -2.0400,
    ),
    "codsall-hall": ("Codsall Village Hall", "Church Road", "Codsall", "WV8 1AA", 52.6280, -2.1950),
}


def p(*paragraphs: str) -> str:
    return "".join(f"<p>{escape(text)}</p>" for text in paragraphs)


def h2(text: str) -> str:
    return f"<h2>{escape(text)}</h2>"


def ul(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


@dataclass(frozen=True)
class Contact:
    """A role to ask for (ORUK "contact"), not a private person."""

    name: str
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class DemoService:
    title: str
    summary: str
    description: str  # HTML, from the rows of services.toml (description_html)
    categories: tuple[str, ...]
    organisation: str
    # Where families go (hub slugs and PLACES keys), each with its weekly sessions there; an
    # empty list: whenever that place is open, or by appointment.
    places: dict[str, list[Session]] = field(default_factory=dict)
    # Sessions of a service nobody travels to: a phone line's hours.
    remote_hours: list[Session] = field(default_factory=list)
    # Ages are the child's (or young person's) age in years; the parent's go in `eligibility`.
    minimum_age: int | None = None
    maximum_age: int | None = None
    pregnancy: bool = False
    eligibility: str = ""
    cost: Decimal | None = None  # None: free
    cost_description: str = ""
    self_referral: bool = True
    referral: str = ""
    online: bool = False
    by_phone: bool = False
    at_home: bool = False
    phone: str = ""
    email: str = ""
    website: str = ""
    contacts: tuple[Contact, ...] = ()
    languages: str = "en"
    accessibility: str = ""
    closed_on_bank_holidays: bool = True
    # One page per place ("Stay and play, Bilston"): a paragraph for one place's page, and the
    # languages spoken there when they differ.
    place_notes: dict[str, str] = field(default_factory=dict)
    place_languages: dict[str, str] = field(default_factory=dict)
    # One page per place, run by the hub's own team: the hub's phone and email.
    hub_contact: bool = False


def description_html(blocks: list[dict]) -> str:
    """A service's description from its rows in services.toml: paragraphs, headings, lists."""
    html = []
    for block in blocks:
        if "paragraphs" in block:
            html.append(p(*block["paragraphs"]))
        elif "heading" in block:
            html.append(h2(block["heading"]))
        else:
            html.append(ul(*block["list"]))
    return "".join(html)


def demo_service(row: dict) -> DemoService:
    fields = dict(row)
    fields["description"] = description_html(fields.pop("description", []))
    fields["categories"] = tuple(row["categories"])
    fields["places"] = {key: weekly_sessions(rows) for key, rows in row.get("places", {}).items()}
    fields["remote_hours"] = weekly_sessions(row.get("remote_hours", []))
    fields["contacts"] = tuple(Contact(**contact) for contact in row.get("contacts", []))
    if "cost" in row:
        fields["cost"] = Decimal(row["cost"])
    return DemoService(**fields)


_TABLE = read("services")
SERVICES = [demo_service(row) for row in _TABLE["service"]]

# Most services are one page for all their places; these are listed once per place ("Stay and
# play, Bilston"), as councils' directories do for sessions that differ from place to place.
PER_PLACE = {
    "Stay and play",
    "Baby clinic",
    "Youth club",
    "Breastfeeding cafe",
    "Chatterbox early language group",
    "Speech and language drop-in",
    "Benefits and debt advice",
}
STALE = {"Brushing for life", "Baby bank"}


@dataclass(frozen=True)
class DemoPage:
    """One service page: the service, its title, and the places it lists."""

    service: DemoService
    title: str
    places: tuple[str, ...]


def slug_for(text: str) -> str:
    return slugify(text)


def ensure_organisations() -> dict[str, Organisation]:
    organisations = {}
    for key, (name, description, website, phone) in ORGANISATIONS.items():
        organisations[key], _ = Organisation.objects.get_or_create(
            name=name,
            defaults={"description": description, "website": website, "phone": phone},
        )
    return organisations


def ensure_index(home) -> ServiceIndexPage:
    return ensure_child_page(home, ServiceIndexPage(**_TABLE["index"]))[0]


def sessions_for(page: DemoPage, hubs) -> list[ServiceSession]:
    """Each place's sessions, held at its hub when it is one. A session not tied to a hub is
    held at each of the page's places, so only a page with one place may have them."""
    service = page.service
    if not page.places:
        weekly = [(None, session) for session in service.remote_hours]
    else:
        weekly = [
            (hubs.get(key), session) for key in page.places for session in service.places[key]
        ]
    if len(page.places) > 1 and any(hub is None for hub, _ in weekly):
        raise ValueError(f"{page.title}: a session at a place that is not a hub, among several")
    return [
        ServiceSession(
            weekday=day, opens=time.fromisoformat(opens), closes=time.fromisoformat(closes), hub=hub
        )
        for hub, (day, opens, closes) in weekly
    ]


def description_for(page: DemoPage) -> str:
    """The service's description, with what is particular to this page's place after its
    opening paragraphs (before "What to bring" and the like)."""
    service = page.service
    notes = p(*(service.place_notes[key] for key in page.places if key in service.place_notes))
    opening, heading, rest = service.description.partition("<h2>")
    return opening + notes + heading + rest


def build_service(page: DemoPage, hubs, organisations, terms, today) -> ServicePage:
    spec = page.service
    own_hub = hubs[page.places[0]] if spec.hub_contact else None
    service = ServicePage(
        title=page.title,
        slug=slug_for(page.title),
        summary=spec.summary,
        description=description_for(page),
        organisation=organisations[spec.organisation],
        minimum_age=spec.minimum_age,
        maximum_age=spec.maximum_age,
        pregnancy=spec.pregnancy,
        eligibility_description=spec.eligibility,
        is_free=spec.cost is None,
        cost_amount=spec.cost,
        cost_description=spec.cost_description,
        self_referral=spec.self_referral,
        referral_description=spec.referral,
        in_person=bool(page.places),
        online=spec.online,
        by_phone=spec.by_phone,
        at_home=spec.at_home,
        phone=own_hub.phone if own_hub else spec.phone,
        email=own_hub.email if own_hub else spec.email,
        website=spec.website,
        languages=next(
            (spec.place_languages[key] for key in page.places if key in spec.place_languages),
            spec.languages,
        ),
        accessibility=spec.accessibility,
        closed_on_bank_holidays=spec.closed_on_bank_holidays,
        last_reviewed=today - timedelta(days=500 if spec.title in STALE else 30),
    )
    service.categories = [terms[code] for code in spec.categories]
    service.hubs = [hubs[key] for key in page.places if key in hubs]
    service.locations = [
        ServiceLocation(
            name=PLACES[key][0],
            address_line_1=PLACES[key][1],
            town=PLACES[key][2],
            postcode=PLACES[key][3],
            latitude=PLACES[key][4],
            longitude=PLACES[key][5],
        )
        for key in page.places
        if key in PLACES
    ]
    service.opening_sessions = sessions_for(page, hubs)
    service.contacts = [
        ServiceContact(name=contact.name, phone=contact.phone, email=contact.email)
        for contact in spec.contacts
    ]
    return service


def place_name(key: str, hubs) -> str:
    if key in hubs:
        return hubs[key].title.removesuffix(" Family Hub")
    return PLACES[key][0]


def demo_pages(hubs) -> list[DemoPage]:
    """Every demo service page, with the places it lists (those that exist)."""
    pages = []
    for service in SERVICES:
        places = tuple(key for key in service.places if key in hubs or key in PLACES)
        if service.title in PER_PLACE:
            pages.extend(
                DemoPage(service, f"{service.title}, {place_name(key, hubs)}", (key,))
                for key in places
            )
        else:
            pages.append(DemoPage(service, service.title, places))
    return pages


def load(site) -> None:
    home = site.root_page.specific
    index = ensure_index(home)
    add_navigation_link(site, index, position=1)
    organisations = ensure_organisations()
    # Seeded by a migration; again here for a database emptied since (the browser tests').
    taxonomy_seed.seed(Taxonomy, TaxonomyTerm)
    terms = {term.code: term for term in TaxonomyTerm.objects.all()}
    hubs = {hub.slug: hub for hub in FamilyHubPage.objects.all()}
    today = timezone.localdate()
    existing = set(index.get_children().values_list("slug", flat=True))
    for page in demo_pages(hubs):
        if slug_for(page.title) in existing:
            continue
        ensure_child_page(index, build_service(page, hubs, organisations, terms, today))
