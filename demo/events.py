"""Demo content for What's on: the page at /whats-on/, a few one-off events at the hubs, and
how to book some of the demo services' sessions. Dates are counted from the day the demo is
loaded, so there is always something coming up."""

from datetime import date, time, timedelta

from django.utils import timezone

from wagtail.models import Site

from directory import opening_hours as hours
from directory.models import FamilyHubPage, HubEvent, ServicePage, WhatsOnPage

from .site import add_navigation_link, ensure_child_page

# (hub slug, title, days from today, starts, ends, description, booking, cost or "")
EVENTS = [
    (
        "bilston",
        "Winter fun day",
        5,
        "10:00",
        "14:00",
        "Crafts, a story corner and a visit from the fire engine. Hot drinks for grown-ups. "
        "Everyone welcome, no need to book.",
        HubEvent.Booking.DROP_IN,
        "",
    ),
    (
        "wednesfield",
        "Have your say: new play area",
        9,
        "15:30",
        "17:30",
        "The council is planning a new play area beside the hub. Drop in to see the plans "
        "and tell us what your children would like.",
        HubEvent.Booking.DROP_IN,
        "",
    ),
    (
        "tettenhall",
        "First aid for parents",
        12,
        "18:00",
        "20:00",
        "A two-hour course with a paramedic: choking, burns, fevers and when to call 999. "
        "Babies welcome.",
        HubEvent.Booking.BOOK,
        "£5 per family",
    ),
    (
        "low-hill",
        "Baby clothes swap",
        3,
        "10:00",
        "12:00",
        "Bring clothes your baby has grown out of and take home what fits. Nothing to bring? "
        "Come anyway.",
        HubEvent.Booking.DROP_IN,
        "",
    ),
]

# Demo services (by the start of their title: one is split by place) whose sessions need
# booking, and those families drop in to.
BOOKING = {
    "Antenatal classes": "book",
    "Baby massage": "book",
    "Starting solids workshop": "book",
    "Incredible Years parenting course": "book",
    "Stay and play": "drop-in",
    "Rhyme time": "drop-in",
    "Breastfeeding cafe": "drop-in",
    "Speech and language drop-in": "drop-in",
}


def ensure_whats_on_page(home) -> WhatsOnPage:
    page, _ = ensure_child_page(
        home,
        WhatsOnPage(
            title="What's on",
            slug="whats-on",
            summary="Sessions and events at the family hubs for the next four weeks.",
            intro="<p>Stay and play, baby groups, courses and one-off events at every family "
            "hub. Most sessions are free and you can just drop in.</p>",
        ),
    )
    return page


def add_events(today: date) -> None:
    for slug, title, days, starts, ends, description, booking, cost in EVENTS:
        hub = FamilyHubPage.objects.filter(slug=slug).first()
        if hub is None or hub.events.filter(title=title).exists():
            continue
        hub = hub.get_latest_revision_as_object()
        hub.events.add(
            HubEvent(
                title=title,
                date=today + timedelta(days=days),
                starts=time.fromisoformat(starts),
                ends=time.fromisoformat(ends),
                description=description,
                booking=booking,
                is_free=not cost,
                cost=cost,
            )
        )
        hub.save_revision().publish()


def set_booking() -> None:
    for title, booking in BOOKING.items():
        for service in ServicePage.objects.filter(title__startswith=title, booking=""):
            service = service.get_latest_revision_as_object()
            service.booking = booking
            service.save_revision().publish()


def load(site: Site) -> None:
    home = site.root_page.specific
    page = ensure_whats_on_page(home)
    add_navigation_link(site, page)
    set_booking()
    add_events(timezone.localdate(timezone=hours.LONDON))
