"""Opening-hours arithmetic, in Europe/London time. Plain Python, no database: which hours apply
on a date, whether a place is open at a moment, when it next opens or closes, and the sentences
families read ("Open now, closes at 5pm").

A schedule is a weekly pattern of sessions (any number a day), dated exceptions (closed, or
special hours, for a day or a range of days) and, optionally, closure on England and Wales bank
holidays. Exceptions beat bank holidays, which beat the weekly pattern.

A service's sessions are held somewhere: `held_at` gives the schedule of its sessions at one
venue (a family hub), and the venue's closures and special hours beat the sessions, so a hub
closed for snow cancels everything held there, with the hub's reason. A service held at several
places has one such schedule per place (`Sitting`); `sittings_status_at` is the one answer to
"is it open?" that every page, listing, feed and API gives."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from functools import cache, lru_cache
from itertools import pairwise
from zoneinfo import ZoneInfo

from django.utils import formats
from django.utils.dates import WEEKDAYS as WEEKDAY_NAMES
from django.utils.translation import get_language, gettext, pgettext

import holidays

from website.shared_cache import content_true_until

LONDON = ZoneInfo("Europe/London")
UTC = ZoneInfo("UTC")
# Monday is 0, as datetime.weekday() counts. English, for code and admin choices; what families
# read uses Django's translated names (WEEKDAY_NAMES).
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# How far ahead to look for the next opening before saying we cannot tell.
LOOKAHEAD_DAYS = 400

Interval = tuple[time, time]


def no_hours_text() -> str:
    return gettext("Opening times not published")


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


def closed_text(day: DayHours | None) -> str:
    """ "Closed for snow at Bilston Family Hub", "Closed for Christmas Day", "Closed"."""
    if day is None or not (day.reason or day.where):
        return gettext("Closed")
    if day.reason and day.where:
        return gettext("Closed for %(reason)s at %(place)s") % {
            "reason": day.reason,
            "place": day.where,
        }
    if day.reason:
        return gettext("Closed for %(reason)s") % {"reason": day.reason}
    return gettext("Closed at %(place)s") % {"place": day.where}


def _closure_before(schedule: Schedule, today: date, opens_on: date | None) -> DayHours | None:
    """Why a closed place is closed until it next opens: today's closure, or the first closure
    or bank holiday before then on a day it would have opened. None when it is only closed as
    every week (evenings, weekends)."""
    last = (opens_on - timedelta(days=1)) if opens_on else today
    for day in schedule.days_that_may_differ(today, max(today, last)):
        hours = schedule.hours_on(day)
        if not (hours.closed and hours.special):
            continue
        if day == today or schedule.weekly_intervals(day.weekday()):
            return hours
    return None


def status_at(schedule: Schedule, moment: datetime, place: str = "") -> Status:
    """Is the place open at `moment` (an aware datetime), and what should the status line say?
    `place` names the place in the line, for a service held at several."""
    if moment.tzinfo is None:
        raise ValueError("status_at needs an aware datetime")
    now = moment.astimezone(LONDON)
    periods = schedule.open_periods(now, LOOKAHEAD_DAYS)
    current_or_next = next(periods, None)
    if current_or_next is None:
        closure = _closure_before(schedule, now.date(), None)
        return Status(False, closed_text(closure) if closure else no_hours_text(), None)

    opens_at, closes_at = current_or_next
    if opens_at <= now:
        # Sessions that run into each other across days (rare) read as one opening.
        for next_opens, next_closes in periods:
            if next_opens > closes_at:
                break
            closes_at = max(closes_at, next_closes)
        closes = when(closes_at, now)
        if place:
            text = gettext("Open now at %(place)s, closes %(when)s") % {
                "place": place,
                "when": closes,
            }
        else:
            text = gettext("Open now, closes %(when)s") % {"when": closes}
        return Status(True, text, closes_at)

    closure = _closure_before(schedule, now.date(), opens_at.astimezone(LONDON).date())
    if closure is not None and place and closure.where == place:
        closure = replace(closure, where="")  # the line names the place once
    # After a holiday or a closure, "on Tuesday" is not enough: give the date.
    opens = when(opens_at, now, with_date=closure is not None, today_word=True)
    values = {"closed": closed_text(closure), "when": opens, "place": place}
    if place:
        text = gettext("%(closed)s, opens at %(place)s %(when)s") % values
    else:
        text = gettext("%(closed)s, opens %(when)s") % values
    return Status(False, text, opens_at)


def sittings_status_at(sittings: Sequence[Sitting], moment: datetime) -> Status | None:
    """The one status line for a service held in several places: open somewhere now (the place
    that stays open longest), or else the place that opens first. Places without published
    hours are left out; None when no place has any."""
    with_hours = [sitting for sitting in sittings if sitting.schedule.has_hours]
    if not with_hours:
        return None
    if len(with_hours) == 1:
        return status_at(with_hours[0].schedule, moment, with_hours[0].place)
    statuses = [status_at(sitting.schedule, moment, sitting.place) for sitting in with_hours]
    open_now = [status for status in statuses if status.open_now]
    if open_now:
        return max(open_now, key=lambda status: status.next_change)
    opening = [status for status in statuses if status.next_change is not None]
    if opening:
        return min(opening, key=lambda status: status.next_change)
    return statuses[0]


def status_true_until(sittings: Sequence[Sitting], moment: datetime) -> datetime:
    """Until when the status line given at `moment` stays true: the next moment any of the
    places opens or closes, or the next midnight in London, when its relative words ("today",
    "tomorrow", "on Monday") move on, whichever comes first.

    >>> nine = datetime(2026, 12, 7, 9, 0, tzinfo=LONDON)
    >>> weekdays = Schedule(sessions=(Session(0, time(9), time(17)),), bank_holidays={})
    >>> status_true_until([Sitting("", weekdays)], nine - timedelta(minutes=1)) == nine
    True
    >>> status_true_until([Sitting("", weekdays)], nine).isoformat()
    '2026-12-07T17:00:00+00:00'
    >>> status_true_until([Sitting("", weekdays)], nine + timedelta(hours=9)).isoformat()
    '2026-12-08T00:00:00+00:00'
    """
    local = moment.astimezone(LONDON)
    midnight = datetime.combine(local.date() + timedelta(days=1), time(0), tzinfo=LONDON)
    changes = [
        status_at(sitting.schedule, moment, sitting.place).next_change
        for sitting in sittings
        if sitting.schedule.has_hours
    ]
    return min([midnight, *(change for change in changes if change is not None)])


def format_time(moment: time) -> str:
    """GOV.UK style: 9am, 5:30pm, midday, midnight."""
    if moment == time(0, 0):
        return gettext("midnight")
    if moment == time(12, 0):
        return gettext("midday")
    hour = moment.hour % 12 or 12
    values = {"hour": hour, "minute": f"{moment.minute:02d}"}
    if moment.hour < 12:
        if moment.minute == 0:
            return gettext("%(hour)sam") % values
        return gettext("%(hour)s:%(minute)sam") % values
    if moment.minute == 0:
        return gettext("%(hour)spm") % values
    return gettext("%(hour)s:%(minute)spm") % values


def weekday_name(weekday: int) -> str:
    return str(WEEKDAY_NAMES[weekday])


def format_date(day: date, with_year: bool = False) -> str:
    """GOV.UK style: Tuesday 2 January (2024)."""
    return formats.date_format(day, "l j F Y" if with_year else "l j F")


def when(moment: datetime, now: datetime, with_date: bool = False, today_word=False) -> str:
    """How a family reads a coming time, relative to now: "at 5pm" ("today at 5pm" with
    `today_word`), "tomorrow at 9am", "on Monday at 9am" (within the week, unless
    `with_date`), "Tuesday 2 January at 9am"."""
    local = moment.astimezone(LONDON)
    days_ahead = (local.date() - now.astimezone(LONDON).date()).days
    clock = format_time(local.time())
    if days_ahead == 0:
        if today_word:
            return gettext("today at %(time)s") % {"time": clock}
        return gettext("at %(time)s") % {"time": clock}
    if days_ahead == 1:
        return gettext("tomorrow at %(time)s") % {"time": clock}
    if days_ahead < 7 and not with_date:
        return pgettext("on a weekday", "on %(day)s at %(time)s") % {
            "day": weekday_name(local.weekday()),
            "time": clock,
        }
    return gettext("%(date)s at %(time)s") % {
        "date": format_date(local.date(), with_year=days_ahead > 300),
        "time": clock,
    }


def describe_dates(first: date, last: date) -> str:
    """ "on Monday 7 December", "from Monday 7 December to Wednesday 9 December"."""
    if first == last:
        return gettext("on %(date)s") % {"date": format_date(first)}
    return gettext("from %(first)s to %(last)s") % {
        "first": format_date(first),
        "last": format_date(last),
    }


def describe_intervals(intervals: Iterable[Interval]) -> str:
    intervals = list(intervals)
    if not intervals:
        return gettext("Closed")
    return ", ".join(
        gettext("%(opens)s to %(closes)s") % {"opens": format_time(o), "closes": format_time(c)}
        for o, c in intervals
    )


def weekly_table(schedule: Schedule, days_with_hours_only: bool = False) -> list[tuple[str, str]]:
    """(day name, hours) for Monday to Sunday, for the page's weekly table; only the days with
    hours when `days_with_hours_only` (a service's sessions)."""
    return [
        (weekday_name(weekday), describe_intervals(intervals))
        for weekday in range(7)
        if (intervals := schedule.weekly_intervals(weekday)) or not days_with_hours_only
    ]


@dataclass(frozen=True)
class UpcomingChange:
    """Consecutive days whose hours differ from the weekly pattern in the same way."""

    first_day: date
    last_day: date
    intervals: tuple[Interval, ...]
    reason: str
    where: str = ""

    @property
    def dates(self) -> str:
        if self.first_day == self.last_day:
            return format_date(self.first_day)
        return gettext("%(first)s to %(last)s") % {
            "first": format_date(self.first_day),
            "last": format_date(self.last_day),
        }

    @property
    def hours(self) -> str:
        return describe_intervals(self.intervals)

    @property
    def closed(self) -> bool:
        return not self.intervals

    @property
    def why(self) -> str:
        """ "snow at Bilston Family Hub", "Christmas Day", or empty."""
        if self.reason and self.where:
            return gettext("%(reason)s at %(place)s") % {"reason": self.reason, "place": self.where}
        if self.where:
            return gettext("closed at %(place)s") % {"place": self.where}
        return self.reason


def upcoming_changes(schedule: Schedule, today: date, days: int = 14) -> list[UpcomingChange]:
    """Days in the next `days` (from today) whose hours differ from the usual week because of
    a closure, a bank holiday or special hours (the schedule's own or its venue's), grouped:
    days of the same change run on over days that are closed anyway (a Christmas closure over
    a weekend is one change)."""
    changes: list[UpcomingChange] = []
    for day in schedule.days_that_may_differ(today, today + timedelta(days=days - 1)):
        hours = schedule.hours_on(day)
        if not hours.special:
            continue
        if hours.intervals == schedule.weekly_intervals(day.weekday()):
            continue  # a closure or a bank holiday on a day it is closed anyway
        previous = changes[-1] if changes else None
        if (
            previous
            and (previous.intervals, previous.reason, previous.where)
            == (hours.intervals, hours.reason, hours.where)
            and _closed_every_day_between(schedule, previous.last_day, day)
        ):
            changes[-1] = replace(previous, last_day=day)
        else:
            changes.append(UpcomingChange(day, day, hours.intervals, hours.reason, hours.where))
    return changes


def _closed_every_day_between(schedule: Schedule, first: date, last: date) -> bool:
    day = first + timedelta(days=1)
    while day < last:
        if not schedule.hours_on(day).closed:
            return False
        day += timedelta(days=1)
    return True


def opening_hours_specification(schedule: Schedule) -> list[dict]:
    """schema.org OpeningHoursSpecification for the weekly pattern."""
    return [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": f"https://schema.org/{WEEKDAYS[weekday]}",
            "opens": opens.strftime("%H:%M"),
            "closes": closes.strftime("%H:%M"),
        }
        for weekday in range(7)
        for opens, closes in schedule.weekly_intervals(weekday)
    ]


def special_opening_hours_specification(schedule: Schedule, today: date, days: int) -> list[dict]:
    """schema.org specialOpeningHoursSpecification for closures and special hours in the next
    `days`. A closed day is opens = closes = 00:00, as schema.org suggests."""
    specification = []
    for change in upcoming_changes(schedule, today, days):
        period = {
            "@type": "OpeningHoursSpecification",
            "validFrom": change.first_day.isoformat(),
            "validThrough": change.last_day.isoformat(),
        }
        if change.why:
            period["description"] = change.why
        for opens, closes in change.intervals or ((time(0, 0), time(0, 0)),):
            specification.append(
                {**period, "opens": opens.strftime("%H:%M"), "closes": closes.strftime("%H:%M")}
            )
    return specification


def _change_points(sittings: Sequence[Sitting], start: datetime, end: datetime) -> list[datetime]:
    """The moments from `start` to `end` at which a status line can change: when a place opens
    or closes, and at midnight ("tomorrow" becomes "today")."""
    days = (end - start).days + 2
    points = {start}
    for sitting in sittings:
        for opens_at, closes_at in sitting.schedule.open_periods(start, days):
            if opens_at >= end:
                break
            points.update(p for p in (opens_at, closes_at) if start < p < end)
    first_day = start.astimezone(LONDON).date()
    for offset in range(1, days + 1):
        midnight = local_datetime(first_day + timedelta(days=offset), time(0, 0))
        if start < midnight < end:
            points.add(midnight)
    return sorted(points)


def status_segments(
    sittings: Sequence[Sitting] | Schedule, start: datetime, hours: int
) -> list[tuple[datetime, Status]]:
    """The status line for every stretch of time from `start` for `hours`: it changes when a
    place opens or closes, and at midnight. A cached page embeds these so the browser can show
    the line that is true when it is read."""
    if isinstance(sittings, Schedule):
        sittings = (Sitting("", sittings),)
    end = start + timedelta(hours=hours)
    segments: list[tuple[datetime, Status]] = []
    for point in _change_points(sittings, start, end):
        status = sittings_status_at(sittings, point)
        if status is None:
            break
        if segments and (segments[-1][1].text, segments[-1][1].open_now) == (
            status.text,
            status.open_now,
        ):
            continue
        segments.append((point, status))
    return segments


def status_segments_json(
    sittings: Sequence[Sitting] | Schedule, start: datetime, hours: int
) -> str:
    """status_segments as the JSON the browser picks from (directory/static/directory/js/
    opening-status.js): {"until": …, "segments": [[moment, text, open_now], …]}."""
    return json.dumps(
        {
            "until": (start + timedelta(hours=hours)).isoformat(),
            "segments": [
                [moment.isoformat(), status.text, status.open_now]
                for moment, status in status_segments(sittings, start, hours)
            ],
        }
    )


# Opening times are almost always whole minutes, and then every moment of a minute has the same
# status line and the same coming changes. A listing or a hub page asks for them again and again
# within the minute (every view, each hub in a finder's answer): each process keeps them by
# schedule and minute. The key is what defines the schedules (a bare copy of each, without the
# memo of worked-out days, which would be kept with it), the places and the language, never
# the page, so an edited schedule is never answered from what was kept for the old one. A
# minute passed is not asked for again, and falls out.
KEPT_ANSWERS = 2048


def kept_status_at(sittings: Sequence[Sitting] | Schedule, moment: datetime) -> Status | None:
    """sittings_status_at (status_at for one schedule), worked out once per schedule and
    minute in each process. The line goes on a page: the page is noted as true only until the
    line changes (website.shared_cache), so no cache keeps "Open now" past closing time."""
    sittings = _as_sittings(sittings)
    key = _kept_key(sittings)
    if key is None:
        content_true_until(status_true_until(sittings, moment))
        return sittings_status_at(sittings, moment)
    minute = _start_of_minute(moment)
    content_true_until(_true_until_in_minute(key, minute))
    return _status_in_minute(key, minute)


def kept_status_segments_json(
    sittings: Sequence[Sitting] | Schedule, start: datetime, hours: int
) -> str:
    """status_segments_json from the start of `start`'s minute, worked out once per schedule,
    minute and length in each process."""
    sittings = _as_sittings(sittings)
    # The browser picks the line for its clock from these; beyond them it has none.
    content_true_until(start + timedelta(hours=hours))
    key = _kept_key(sittings)
    if key is None:
        return status_segments_json(sittings, start, hours)
    return _segments_json_in_minute(key, _start_of_minute(start), hours)


def _as_sittings(sittings: Sequence[Sitting] | Schedule) -> tuple[Sitting, ...]:
    if isinstance(sittings, Schedule):
        return (Sitting("", sittings),)
    return tuple(sittings)


def _bare(schedule: Schedule) -> Schedule | None:
    """A copy without worked-out days (its venue's too), or None when its answers cannot be
    kept by the minute: bank holidays injected (by a test; not hashable), or a time with
    seconds (an imported feed's 23:59:59), at which the status changes within a minute."""
    if schedule.bank_holidays is not None:
        return None
    times = [moment for session in schedule.sessions for moment in (session.opens, session.closes)]
    times += [
        moment
        for exception in schedule.exceptions
        for moment in (exception.opens, exception.closes)
        if moment is not None
    ]
    if any(moment.second or moment.microsecond for moment in times):
        return None
    venue = schedule.venue
    if venue is not None:
        venue_schedule = _bare(venue.schedule)
        if venue_schedule is None:
            return None
        venue = replace(venue, schedule=venue_schedule)
    return replace(schedule, venue=venue)


def _kept_key(sittings: tuple[Sitting, ...]) -> tuple | None:
    bare = []
    for sitting in sittings:
        schedule = _bare(sitting.schedule)
        if schedule is None:
            return None
        bare.append(Sitting(sitting.place, schedule))
    return (get_language(), tuple(bare))


def _fresh(key: tuple) -> tuple[Sitting, ...]:
    """The key's sittings as new objects: what is worked out goes in their memo, not in the
    kept key's."""
    return tuple(Sitting(sitting.place, _bare(sitting.schedule)) for sitting in key[1])


def _start_of_minute(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("opening status needs an aware datetime")
    # In UTC: London's repeated hour in October is two different minutes there.
    return moment.astimezone(UTC).replace(second=0, microsecond=0)


@lru_cache(maxsize=KEPT_ANSWERS)
def _status_in_minute(key: tuple, minute: datetime) -> Status | None:
    return sittings_status_at(_fresh(key), minute)


@lru_cache(maxsize=KEPT_ANSWERS)
def _true_until_in_minute(key: tuple, minute: datetime) -> datetime:
    return status_true_until(_fresh(key), minute)


@lru_cache(maxsize=KEPT_ANSWERS)
def _segments_json_in_minute(key: tuple, minute: datetime, hours: int) -> str:
    return status_segments_json(_fresh(key), minute, hours)


# Validation of what editors type, named by row so the message says where the problem is.


@dataclass(frozen=True)
class Problem:
    """What is wrong with a row, and which of its fields to mark."""

    field: str
    message: str


@dataclass(frozen=True)
class SessionRow:
    """One row of the weekly opening times as the editor typed it (1-based `number`)."""

    number: int
    weekday: int
    opens: time
    closes: time


@dataclass(frozen=True)
class ExceptionRow:
    number: int
    start: date
    end: date | None
    closed: bool
    opens: time | None
    closes: time | None


def session_problems(rows: Iterable[SessionRow]) -> dict[int, Problem]:
    """Problems with weekly sessions, keyed by row number: a session that closes before it
    opens, or overlaps another session on the same day."""
    problems: dict[int, Problem] = {}
    valid = []
    for row in rows:
        day = WEEKDAYS[row.weekday]
        if row.closes <= row.opens:
            problems[row.number] = Problem(
                "closes",
                f"Row {row.number} ({day}): the closing time ({format_time(row.closes)}) "
                f"must be after the opening time ({format_time(row.opens)})",
            )
        else:
            valid.append(row)
    by_day = sorted(valid, key=lambda row: (row.weekday, row.opens, row.closes))
    for earlier, later in pairwise(by_day):
        if earlier.weekday == later.weekday and later.opens < earlier.closes:
            problems.setdefault(
                later.number,
                Problem(
                    "opens",
                    f"Row {later.number} ({WEEKDAYS[later.weekday]} {format_time(later.opens)} "
                    f"to {format_time(later.closes)}) overlaps row {earlier.number} "
                    f"({format_time(earlier.opens)} to {format_time(earlier.closes)})",
                ),
            )
    return problems


def exception_problems(rows: Iterable[ExceptionRow]) -> dict[int, Problem]:
    """Problems with dated exceptions, keyed by row number: a range that ends before it
    starts, or special hours without times or closing before they open."""
    problems: dict[int, Problem] = {}
    for row in rows:
        prefix = f"Row {row.number} ({format_date(row.start)})"
        if row.end is not None and row.end < row.start:
            problems[row.number] = Problem(
                "end_date",
                f"{prefix}: the end date ({format_date(row.end)}) is before the start date",
            )
        elif not row.closed and (row.opens is None or row.closes is None):
            problems[row.number] = Problem(
                "opens", f"{prefix}: enter the opening and closing times, or tick Closed"
            )
        elif not row.closed and row.closes <= row.opens:
            problems[row.number] = Problem(
                "closes",
                f"{prefix}: the closing time ({format_time(row.closes)}) must be after the "
                f"opening time ({format_time(row.opens)})",
            )
    return problems
