"""Opening-hours rules, in Europe/London time. Plain Python, no database: which hours apply on a
date and when a place is open.

A schedule is a weekly pattern of sessions (any number a day), dated exceptions (closed, or
special hours, for a day or a range of days) and, optionally, closure on England and Wales bank
holidays. Exceptions beat bank holidays, which beat the weekly pattern.

A service's sessions are held somewhere: `held_at` gives the schedule of its sessions at one
venue (a family hub), and the venue's closures and special hours beat the sessions, so a hub
closed for snow cancels everything held there, with the hub's reason. A service held at several
places has one such schedule per place (`Sitting`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

import holidays

LONDON = ZoneInfo("Europe/London")
UTC = ZoneInfo("UTC")
# Monday is 0, as datetime.weekday() counts. English, for code and admin choices; what families
# read uses Django's translated names (WEEKDAY_NAMES).
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# How far ahead to look for the next opening before saying we cannot tell.
LOOKAHEAD_DAYS = 400

Interval = tuple[time, time]


@dataclass(frozen=True)
class Session:
    """Open on `weekday` (0 is Monday) from `opens` until `closes`, every week."""

    weekday: int
    opens: time
    closes: time
    # Where it is held (a hub's page id), for a service delivered at several hubs; None: at
    # each of them, or wherever the schedule's owner is.
    venue_id: int | None = None


@dataclass(frozen=True)
class DatedException:
    """Closed, or open only `opens`-`closes`, on every day from `start` to `end` inclusive."""

    start: date
    end: date
    closed: bool = True
    opens: time | None = None
    closes: time | None = None
    reason: str = ""

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class DayHours:
    day: date
    intervals: tuple[Interval, ...]
    # Why the day differs from the weekly pattern ("Christmas Day", "staff training").
    reason: str = ""
    # True when an exception or a bank holiday set the hours, not the weekly pattern.
    special: bool = False
    # The venue whose closure or special hours set them ("Bilston Family Hub"), if it was not
    # the schedule's own.
    where: str = ""

    @property
    def closed(self) -> bool:
        return not self.intervals


@dataclass(frozen=True)
class Status:
    open_now: bool
    text: str
    # The next moment the place opens or closes (aware, Europe/London), if there is one.
    next_change: datetime | None


@cache
def england_and_wales_bank_holidays() -> holidays.HolidayBase:
    """Bank holidays in England and Wales (the same list for both), from the maintained
    `holidays` package; years are added as they are asked for."""
    return holidays.country_holidays("GB", subdiv="ENG")


def load_bank_holidays() -> None:
    """Before a server process's first request (website.warm_up): the `holidays` package
    imports a module for every country it knows on first use, and works out a year's dates the
    first time a day in it is asked about."""
    bank_holidays = england_and_wales_bank_holidays()
    this_year = date.today().year
    for year in (this_year, this_year + 1):
        bank_holidays.get(date(year, 1, 1))


@dataclass(frozen=True)
class Venue:
    """The building sessions are held in (a family hub), with its own opening times."""

    id: int | None
    name: str
    schedule: Schedule


@dataclass(frozen=True)
class Schedule:
    sessions: tuple[Session, ...] = ()
    exceptions: tuple[DatedException, ...] = ()
    closed_on_bank_holidays: bool = True
    # Injected by tests; None means England and Wales bank holidays.
    bank_holidays: Mapping[date, str] | None = None
    # Where the sessions are held (see held_at): its closures and special hours beat them.
    venue: Venue | None = None
    # Without sessions of its own, open whenever the venue is (a service that "runs whenever
    # the hub is open").
    whenever_venue_open: bool = False
    # hours_on's answers, kept: one page asks about the same days several ways (the status
    # line, the coming changes, the status for the next fortnight, a year of special dates).
    _days: dict[date, DayHours] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )

    @property
    def has_hours(self) -> bool:
        if self.sessions or any(not e.closed for e in self.exceptions):
            return True
        return self._follows_venue and self.venue.schedule.has_hours

    @property
    def _follows_venue(self) -> bool:
        return self.whenever_venue_open and self.venue is not None and not self.sessions

    def bank_holiday(self, day: date) -> str:
        source = self.bank_holidays
        if source is None:
            source = england_and_wales_bank_holidays()
        return source.get(day) or ""

    def days_that_may_differ(self, first: date, last: date) -> list[date]:
        """The days from `first` to `last` that an exception or a bank holiday covers (this
        schedule's or its venue's): every other day follows the weekly pattern, so a search for
        special days need look no further (a year of them is asked for in each hub page's
        structured data)."""
        days = set()
        for exception in self.exceptions:
            start, end = max(exception.start, first), min(exception.end, last)
            days.update(start + timedelta(days=n) for n in range((end - start).days + 1))
        if self.closed_on_bank_holidays:
            source = self.bank_holidays
            if source is None:
                source = england_and_wales_bank_holidays()
                for year in range(first.year, last.year + 1):
                    source.get(date(year, 1, 1))  # `holidays` adds a year when asked about it
            days.update(day for day in source if first <= day <= last)
        if self.venue is not None:
            days.update(self.venue.schedule.days_that_may_differ(first, last))
        return sorted(days)

    def weekly_intervals(self, weekday: int) -> tuple[Interval, ...]:
        if self._follows_venue:
            return self.venue.schedule.weekly_intervals(weekday)
        return merge_intervals((s.opens, s.closes) for s in self.sessions if s.weekday == weekday)

    def hours_on(self, day: date) -> DayHours:
        known = self._days.get(day)
        if known is None:
            known = self._days[day] = self._work_out_hours_on(day)
        return known

    def _work_out_hours_on(self, day: date) -> DayHours:
        own = self._own_hours_on(day)
        if self.venue is None or (own.special and own.closed):
            return own
        there = self.venue.schedule.hours_on(day)
        if not there.special:
            return own
        # The building is closed, or open special hours: no session outside them.
        intervals = intersect_intervals(own.intervals, there.intervals)
        return DayHours(day, intervals, there.reason, special=True, where=self.venue.name)

    def _own_hours_on(self, day: date) -> DayHours:
        covering = [e for e in self.exceptions if e.covers(day)]
        if covering:
            closures = [e for e in covering if e.closed]
            if closures:
                return DayHours(day, (), closures[0].reason, special=True)
            intervals = merge_intervals(
                (e.opens, e.closes) for e in covering if e.opens and e.closes
            )
            return DayHours(day, intervals, covering[0].reason, special=True)
        if self.closed_on_bank_holidays:
            holiday = self.bank_holiday(day)
            if holiday:
                return DayHours(day, (), holiday, special=True)
        return DayHours(day, self.weekly_intervals(day.weekday()))

    def open_periods(self, start: datetime, days: int) -> Iterator[tuple[datetime, datetime]]:
        """Opening periods (aware datetimes) that end after `start`, day by day for `days`."""
        first_day = start.astimezone(LONDON).date()
        for offset in range(days):
            day = first_day + timedelta(days=offset)
            for opens, closes in self.hours_on(day).intervals:
                opens_at, closes_at = local_datetime(day, opens), local_datetime(day, closes)
                if closes_at > start:
                    yield opens_at, closes_at


def held_at(schedule: Schedule, venue: Venue) -> Schedule:
    """The schedule of a service's sessions at one venue: those held there or at each of its
    places, cancelled when the venue is closed and cut to its special hours. A service with no
    sessions at all runs whenever the venue is open; one whose sessions are all elsewhere
    never runs here."""
    return Schedule(
        sessions=tuple(s for s in schedule.sessions if s.venue_id in (None, venue.id)),
        exceptions=schedule.exceptions,
        closed_on_bank_holidays=schedule.closed_on_bank_holidays,
        bank_holidays=schedule.bank_holidays,
        venue=venue,
        whenever_venue_open=not schedule.sessions,
    )


def not_at_venues(schedule: Schedule) -> Schedule:
    """The sessions not tied to one venue: what a service's own places (a library, a clinic)
    or its phone line keep."""
    return replace(schedule, sessions=tuple(s for s in schedule.sessions if s.venue_id is None))


@dataclass(frozen=True)
class Sitting:
    """Where a service happens and its schedule there. `place` is empty for a service with one
    place or none (a phone line): the status line then names no place."""

    place: str
    schedule: Schedule


def merge_intervals(intervals: Iterable[Interval]) -> tuple[Interval, ...]:
    """Sort, and join intervals that overlap or touch: 9-12:30 and 12:30-5 make 9-5."""
    merged: list[list[time]] = []
    for opens, closes in sorted(intervals):
        if merged and opens <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], closes)
        else:
            merged.append([opens, closes])
    return tuple((opens, closes) for opens, closes in merged)


def intersect_intervals(
    first: Iterable[Interval], second: Iterable[Interval]
) -> tuple[Interval, ...]:
    """The times in both: 9:30-11:30 within 10-2 is 10-11:30."""
    both = []
    for opens, closes in first:
        for other_opens, other_closes in second:
            start, end = max(opens, other_opens), min(closes, other_closes)
            if start < end:
                both.append((start, end))
    return merge_intervals(both)


def local_datetime(day: date, moment: time) -> datetime:
    """`day` at `moment` on the clock in London. A time that the clocks skip in spring is
    read as if the clocks had not gone forward yet (zoneinfo's fold=0), which no real opening
    time hits (the gap is 1am to 2am)."""
    return datetime.combine(day, moment, tzinfo=LONDON)
