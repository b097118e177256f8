"""What a demo service is, and the small HTML helpers its descriptions are written with."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.html import escape

MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY = range(7)
WEEKDAYS = range(5)
EVERY_DAY = range(7)

# Weekly sessions: (weekday, opens, closes).
Session = tuple[int, str, str]


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
    description: str  # HTML: p(), h2(), ul()
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
