"""What's on: the timetable of sessions and one-off events, day by day. Plain Python, no
database: the page, the hub page's week and the calendar feeds gather rows and pass them here.

Whether a session happens is never decided here: `Schedule.hours_on` (directory.opening_hours)
says what a day's hours are, with a hub's closures, bank holidays and a service's own
cancellations applied, and why. A session is cancelled when none of its usual time is left on
that day, cut when part of it is, and a special session is added when the day's hours hold time
the usual week does not."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from itertools import groupby
from urllib.parse import urlencode

from django.utils.translation import gettext

from search.geo import haversine_miles

from . import opening_hours as hours
from .service_filters import DEFAULT_RADIUS, RADIUS_CHOICES, format_miles, parse_age

# How far ahead the timetable looks: four weeks from today.
WINDOW_DAYS = 28
WEEK_DAYS = 7
# /whats-on/ shows a week at a time (from today, or from `from`), this many entries a page: a
# week of every hub's sessions is thousands of lines, more than anyone reads or a phone wants.
PAGE_SIZE = 50

BOOK = "book"
DROP_IN = "drop-in"
REFERRAL = "referral"
PREGNANCY = "pregnancy"


@dataclass(frozen=True)
class Sitting:
    """When something may happen, on a day: its usual time, and the time left once the day's
    closures and special hours are applied."""

    day: date
    starts: time
    ends: time
    cancelled: bool = False
    # "Closed for snow at Bilston Family Hub": why it is cancelled, cut or added.
    reason: str = ""
    # Its time differs from the usual week's (cut by special hours, or a special session).
    changed: bool = False


def sittings_between(schedule: hours.Schedule, first: date, last: date) -> Iterator[Sitting]:
    """The sittings of a schedule's weekly sessions from `first` to `last` inclusive, in time
    order, cancelled or cut as the schedule's hours for each day say."""
    day = first
    while day <= last:
        yield from sittings_on(schedule, day)
        day += timedelta(days=1)


def sittings_on(schedule: hours.Schedule, day: date) -> list[Sitting]:
    usual = schedule.weekly_intervals(day.weekday())
    today = schedule.hours_on(day)
    if not today.special:
        return [Sitting(day, starts, ends) for starts, ends in usual]
    reason = hours.closed_text(today) if today.closed else _why(today)
    sittings = []
    for starts, ends in usual:
        left = hours.intersect_intervals([(starts, ends)], today.intervals)
        if not left:
            sittings.append(Sitting(day, starts, ends, cancelled=True, reason=reason))
            continue
        for held_from, held_to in left:
            changed = (held_from, held_to) != (starts, ends)
            sittings.append(
                Sitting(day, held_from, held_to, reason=reason if changed else "", changed=changed)
            )
    for starts, ends in today.intervals:
        if not hours.intersect_intervals([(starts, ends)], usual):
            sittings.append(Sitting(day, starts, ends, reason=_why(today), changed=True))
    return sorted(sittings, key=lambda sitting: (sitting.starts, sitting.ends))


def _why(day: hours.DayHours) -> str:
    if day.reason and day.where:
        return gettext("%(reason)s at %(place)s") % {"reason": day.reason, "place": day.where}
    return day.reason


def event_sitting(
    venue_schedule: hours.Schedule | None, day: date, starts: time, ends: time
) -> Sitting:
    """A one-off event at a hub: cancelled when the hub is closed that day for a closure or a
    bank holiday (a fun day on a Saturday, when the hub is usually shut, still goes ahead)."""
    if venue_schedule is None:
        return Sitting(day, starts, ends)
    there = venue_schedule.hours_on(day)
    if there.special and not hours.intersect_intervals([(starts, ends)], there.intervals):
        return Sitting(day, starts, ends, cancelled=True, reason=hours.closed_text(there))
    return Sitting(day, starts, ends)


@dataclass(frozen=True)
class Entry:
    """One line of the timetable: a service's session or a one-off event, where and when."""

    sitting: Sitting
    title: str
    url: str
    # The hub's or place's name, or "Online".
    place: str
    hub_id: int | None
    cost: str
    booking: str
    description: str = ""
    # Stable across publishes: the calendar feeds' UID.
    uid: str = ""
    is_event: bool = False
    service_id: int | None = None
    place_url: str = ""
    extra: Mapping = field(default_factory=dict, compare=False, hash=False)
    # Where it happens (the hub's or the place's point), to measure a postcode's distance
    # from; None online or where the place has no location.
    latitude: float | None = None
    longitude: float | None = None
    online: bool = False
    # From the postcode a family gave, for this answer only (never kept with the entry).
    distance_miles: float | None = None

    @property
    def distance_text(self) -> str:
        return format_miles(self.distance_miles) if self.distance_miles is not None else ""

    @property
    def starts_at(self) -> datetime:
        return hours.local_datetime(self.sitting.day, self.sitting.starts)

    @property
    def ends_at(self) -> datetime:
        return hours.local_datetime(self.sitting.day, self.sitting.ends)

    @property
    def times(self) -> str:
        return gettext("%(starts)s to %(ends)s") % {
            "starts": hours.format_time(self.sitting.starts),
            "ends": hours.format_time(self.sitting.ends),
        }


def sort_key(entry: Entry) -> tuple:
    return (entry.sitting.day, entry.sitting.starts, entry.sitting.ends, entry.title, entry.place)


@dataclass(frozen=True)
class Day:
    day: date
    entries: list[Entry]

    @property
    def heading(self) -> str:
        return hours.format_date(self.day)


def by_day(entries: Iterable[Entry], key=sort_key) -> list[Day]:
    """The entries by day, each day in time order (`key`), or in the order given (the days
    still in turn) when `key` is None: nearest first."""
    ordered = sorted(entries, key=key) if key is not None else list(entries)
    return [Day(day, list(group)) for day, group in groupby(ordered, key=lambda e: e.sitting.day)]


# Near a postcode.


@dataclass(frozen=True)
class Near:
    """Sessions near a postcode's point: within `radius_miles` (None: any distance), nearest
    first. Never part of Filters, whose query string names what is kept in caches: the
    postcode a family typed is used for their answer and forgotten."""

    postcode: str  # normalised, to say "near WV14 0AA" and keep it in the page's own links
    latitude: float
    longitude: float
    radius: str = DEFAULT_RADIUS  # a value of service_filters.RADIUS_CHOICES

    @property
    def radius_miles(self) -> float | None:
        return None if self.radius == "any" else float(self.radius)

    def query_pairs(self) -> list[tuple[str, str]]:
        pairs = [("postcode", self.postcode)]
        if self.radius != DEFAULT_RADIUS:
            pairs.append(("radius", self.radius))
        return pairs

    def miles_to(self, entry: Entry) -> float | None:
        if entry.latitude is None or entry.longitude is None:
            return None
        # The directory's one distance: the great circle the hub finder and the service
        # directory measure on the database (search.geo).
        return haversine_miles(self.latitude, self.longitude, entry.latitude, entry.longitude)

    def arrange(self, entries: Iterable[Entry]) -> list[Entry]:
        """One day's entries at places within the radius, nearest first (a place's sessions
        together, in time order), then those online. Sessions at a place with no location
        are left out: nobody can say they are near."""
        measured: dict[tuple[float, float], float | None] = {}
        near, online = [], []
        for entry in entries:
            if entry.online:
                online.append(entry)
                continue
            point = (entry.latitude, entry.longitude)
            if point not in measured:
                measured[point] = self.miles_to(entry)
            miles = measured[point]
            if miles is None or (self.radius_miles is not None and miles > self.radius_miles):
                continue
            near.append((miles, entry))
        near.sort(key=lambda pair: (pair[0], sort_key(pair[1])))
        return [entry for _, entry in near] + sorted(online, key=sort_key)

    def measure(self, entries: Iterable[Entry]) -> list[Entry]:
        """The entries with their distance from the postcode, for the page shown."""
        return [replace(entry, distance_miles=self.miles_to(entry)) for entry in entries]


def parse_radius(params: Mapping[str, str]) -> tuple[str, str]:
    """The distance chosen (one of the service directory's), and a message when it cannot
    be used (then the default)."""
    radius = (params.get("radius") or "").strip() or DEFAULT_RADIUS
    if radius not in dict(RADIUS_CHOICES):
        return DEFAULT_RADIUS, gettext("Choose a distance from the list")
    return radius, ""


def true_until(entries: Iterable[Entry], now: datetime) -> datetime:
    """Until when a timetable shown at `now` stays true: the end of the next session that
    has not ended (it then leaves the list), or the next midnight in London (a new day comes
    into the window), whichever comes first. What an editor changes purges the page."""
    local = now.astimezone(hours.LONDON)
    midnight = hours.local_datetime(local.date() + timedelta(days=1), time(0))
    ends = [entry.ends_at for entry in entries if entry.ends_at > now]
    return min([midnight, *ends])


def cost_text(is_free: bool, amount, description: str) -> str:
    if is_free:
        return gettext("Free")
    if amount is not None:
        money = f"£{amount:,.2f}".replace(".00", "")
        return f"{money} {description}".strip()
    return description or gettext("There is a charge")


def booking_text(booking: str) -> str:
    return {
        BOOK: gettext("Book a place"),
        DROP_IN: gettext("Drop in, no need to book"),
        REFERRAL: gettext("You need a referral"),
    }.get(booking, "")


# Filters, from the query string.


@dataclass(frozen=True)
class Filters:
    day: date | None = None
    hub: str = ""
    age: int | None = None
    pregnancy: bool = False
    category: str = ""
    service: int | None = None
    # The first day of the week shown (None: today) and the page of it: where the timetable
    # is, not what it is filtered by, so neither is in query_pairs (the feeds' filters).
    start: date | None = None
    page: int = 1
    # {field: message} for values that could not be used.
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def is_filtered(self) -> bool:
        return bool(
            self.day
            or self.hub
            or self.age is not None
            or self.pregnancy
            or self.category
            or self.service is not None
        )

    def query_pairs(self) -> list[tuple[str, str]]:
        pairs = []
        if self.day:
            pairs.append(("date", self.day.isoformat()))
        if self.hub:
            pairs.append(("hub", self.hub))
        if self.pregnancy:
            pairs.append(("age", PREGNANCY))
        elif self.age is not None:
            pairs.append(("age", str(self.age)))
        if self.category:
            pairs.append(("category", self.category))
        if self.service is not None:
            pairs.append(("service", str(self.service)))
        return pairs

    def shown_days(self, today: date) -> tuple[date, date]:
        """The first and last day the timetable shows: the day chosen, or the week from
        `start` (today by default), cut at the end of the four weeks."""
        if self.day:
            return self.day, self.day
        first = self.start or today
        return first, min(first + timedelta(days=WEEK_DAYS - 1), window(today)[1])

    def link(self, start: date | None = None, page: int = 1) -> str:
        """The query string of this timetable from `start` (the week) at `page`."""
        pairs = self.query_pairs()
        if start is not None and not self.day:
            pairs.append(("from", start.isoformat()))
        if page > 1:
            pairs.append(("page", str(page)))
        return urlencode(pairs)


def window(today: date) -> tuple[date, date]:
    return today, today + timedelta(days=WINDOW_DAYS - 1)


def parse_filters(
    params: Mapping[str, str],
    today: date,
    hub_slugs: Iterable[str],
    category_codes: Iterable[str],
) -> Filters:
    """Read the query string: `date` (YYYY-MM-DD, within the next four weeks), `from` (the
    first day of the week shown, the same way), `page` (of that week's entries), `hub` (a hub's
    slug), `age` (whole years, or "pregnancy"), `category` (a category's code), `service` (a
    service's id, for its calendar feed). A value that cannot be used gets a message in
    `errors` and is not applied."""
    errors: dict[str, str] = {}
    first, last = window(today)

    day = _parse_day(params, "date", first, last, errors)

    hub = (params.get("hub") or "").strip()
    if hub and hub not in set(hub_slugs):
        errors["hub"] = gettext("Choose a family hub from the list")
        hub = ""

    age, pregnancy = None, False
    raw_age = (params.get("age") or "").strip()
    if raw_age == PREGNANCY:
        pregnancy = True
    elif raw_age:
        try:
            age = parse_age(raw_age)
        except ValueError:
            errors["age"] = gettext("Choose an age from the list")

    category = (params.get("category") or "").strip()
    if category and category not in set(category_codes):
        errors["category"] = gettext("Choose a category from the list")
        category = ""

    start = _parse_day(params, "from", first, last, errors)

    page = 1
    raw_page = (params.get("page") or "").strip()
    if raw_page:
        if raw_page.isdigit() and 0 < int(raw_page) < 10_000:
            page = int(raw_page)
        else:
            errors["page"] = gettext("That page of the timetable was not found")

    service = None
    raw_service = (params.get("service") or "").strip()
    if raw_service:
        if raw_service.isdigit():
            service = int(raw_service)
        else:
            errors["service"] = gettext("That service was not found")

    return Filters(day, hub, age, pregnancy, category, service, start, page, errors)


def _parse_day(
    params: Mapping[str, str], name: str, first: date, last: date, errors: dict[str, str]
) -> date | None:
    raw = (params.get(name) or "").strip()
    if not raw:
        return None
    try:
        day = date.fromisoformat(raw)
    except ValueError:
        errors[name] = gettext("Enter a date as year-month-day, for example %(example)s") % {
            "example": first.isoformat()
        }
        return None
    if not first <= day <= last:
        errors[name] = gettext("Choose a date from %(first)s to %(last)s") % {
            "first": hours.format_date(first),
            "last": hours.format_date(last),
        }
        return None
    return day


def calendar_links(feed_url: str, query: str) -> dict:
    """The feed's address for subscribing: webcal:// opens a phone's or computer's calendar
    app, https:// is for pasting into one."""
    https = feed_url + (f"?{query}" if query else "")
    return {"https": https, "webcal": "webcal://" + https.split("://", 1)[-1]}
