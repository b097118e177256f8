"""Opening-hours arithmetic, in Europe/London time. Plain Python, no database: which hours apply
on a date, whether a place is open at a moment, when it next opens or closes, and the sentences
families read ("Open now, closes at 5pm").

A schedule is a weekly pattern of sessions (any number a day), dated exceptions (closed, or
special hours, for a day or a range of days) and, optionally, closure on England and Wales bank
holidays. Exceptions beat bank holidays, which beat the weekly pattern."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cache, lru_cache
from itertools import pairwise
from zoneinfo import ZoneInfo

import holidays

LONDON = ZoneInfo("Europe/London")
UTC = ZoneInfo("UTC")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# How far ahead to look for the next opening before saying we cannot tell.
LOOKAHEAD_DAYS = 400
NO_HOURS_TEXT = "Opening times not published"

Interval = tuple[time, time]


@dataclass(frozen=True)
class Session:
    """Open on `weekday` (0 is Monday) from `opens` until `closes`, every week."""

    weekday: int
    opens: time
    closes: time
    # Where it is held (a hub's page id), for a service delivered at several hubs; None: at
    # each of them, or wherever the schedule's owner is.
    venue: int | None = None


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


@dataclass(frozen=True)
class Schedule:
    sessions: tuple[Session, ...] = ()
    exceptions: tuple[DatedException, ...] = ()
    closed_on_bank_holidays: bool = True
    # Injected by tests; None means England and Wales bank holidays.
    bank_holidays: Mapping[date, str] | None = None
    # hours_on's answers, kept: one page asks about the same days several ways (the status
    # line, the coming changes, the status for the next fortnight, a year of special dates).
    _days: dict[date, DayHours] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )

    @property
    def has_hours(self) -> bool:
        return bool(self.sessions) or any(not e.closed for e in self.exceptions)

    def bank_holiday(self, day: date) -> str:
        source = self.bank_holidays
        if source is None:
            source = england_and_wales_bank_holidays()
        return source.get(day) or ""

    def days_that_may_differ(self, first: date, last: date) -> list[date]:
        """The days from `first` to `last` that an exception or a bank holiday covers: every
        other day follows the weekly pattern, so a search for special days need look no
        further (a year of them is asked for in each hub page's structured data)."""
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
        return sorted(days)

    def weekly_intervals(self, weekday: int) -> tuple[Interval, ...]:
        return merge_intervals((s.opens, s.closes) for s in self.sessions if s.weekday == weekday)

    def hours_on(self, day: date) -> DayHours:
        known = self._days.get(day)
        if known is None:
            known = self._days[day] = self._work_out_hours_on(day)
        return known

    def _work_out_hours_on(self, day: date) -> DayHours:
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


def merge_intervals(intervals: Iterable[Interval]) -> tuple[Interval, ...]:
    """Sort, and join intervals that overlap or touch: 9-12:30 and 12:30-5 make 9-5."""
    merged: list[list[time]] = []
    for opens, closes in sorted(intervals):
        if merged and opens <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], closes)
        else:
            merged.append([opens, closes])
    return tuple((opens, closes) for opens, closes in merged)


def local_datetime(day: date, moment: time) -> datetime:
    """`day` at `moment` on the clock in London. A time that the clocks skip in spring is
    read as if the clocks had not gone forward yet (zoneinfo's fold=0), which no real opening
    time hits (the gap is 1am to 2am)."""
    return datetime.combine(day, moment, tzinfo=LONDON)


def status_at(schedule: Schedule, moment: datetime) -> Status:
    """Is the place open at `moment` (an aware datetime), and what should the status line say?"""
    if moment.tzinfo is None:
        raise ValueError("status_at needs an aware datetime")
    now = moment.astimezone(LONDON)
    periods = schedule.open_periods(now, LOOKAHEAD_DAYS)
    current_or_next = next(periods, None)
    if current_or_next is None:
        today = schedule.hours_on(now.date())
        text = f"Closed for {today.reason}" if today.reason else NO_HOURS_TEXT
        return Status(False, text, None)

    opens_at, closes_at = current_or_next
    if opens_at <= now:
        # Sessions that run into each other across days (rare) read as one opening.
        for next_opens, next_closes in periods:
            if next_opens > closes_at:
                break
            closes_at = max(closes_at, next_closes)
        return Status(True, f"Open now, closes {when(closes_at, now)}", closes_at)

    today = schedule.hours_on(now.date())
    closed_for_a_reason = today.closed and bool(today.reason)
    closed = f"Closed for {today.reason}" if closed_for_a_reason else "Closed"
    # After a holiday or a closure, "on Tuesday" is not enough: give the date.
    opens = when(opens_at, now, with_date=closed_for_a_reason)
    if opens.startswith("at "):
        opens = f"today {opens}"
    return Status(False, f"{closed}, opens {opens}", opens_at)


def format_time(moment: time) -> str:
    """GOV.UK style: 9am, 5:30pm, midday, midnight."""
    if moment == time(0, 0):
        return "midnight"
    if moment == time(12, 0):
        return "midday"
    hour = moment.hour % 12 or 12
    suffix = "am" if moment.hour < 12 else "pm"
    return f"{hour}{suffix}" if moment.minute == 0 else f"{hour}:{moment.minute:02d}{suffix}"


def format_date(day: date, with_year: bool = False) -> str:
    """GOV.UK style: Tuesday 2 January (2024)."""
    text = f"{WEEKDAYS[day.weekday()]} {day.day} {day.strftime('%B')}"
    return f"{text} {day.year}" if with_year else text


def when(moment: datetime, now: datetime, with_date: bool = False) -> str:
    """How a family reads a coming time, relative to now: "at 5pm", "tomorrow at 9am",
    "on Monday at 9am" (within the week, unless `with_date`), "Tuesday 2 January at 9am"."""
    local = moment.astimezone(LONDON)
    days_ahead = (local.date() - now.astimezone(LONDON).date()).days
    clock = format_time(local.time())
    if days_ahead == 0:
        return f"at {clock}"
    if days_ahead == 1:
        return f"tomorrow at {clock}"
    if days_ahead < 7 and not with_date:
        return f"on {WEEKDAYS[local.weekday()]} at {clock}"
    return f"{format_date(local.date(), with_year=days_ahead > 300)} at {clock}"


def describe_intervals(intervals: Iterable[Interval]) -> str:
    intervals = list(intervals)
    if not intervals:
        return "Closed"
    return ", ".join(f"{format_time(o)} to {format_time(c)}" for o, c in intervals)


def weekly_table(schedule: Schedule) -> list[tuple[str, str]]:
    """(day name, hours) for Monday to Sunday, for the page's weekly table."""
    return [
        (WEEKDAYS[weekday], describe_intervals(schedule.weekly_intervals(weekday)))
        for weekday in range(7)
    ]


@dataclass(frozen=True)
class UpcomingChange:
    """Consecutive days whose hours differ from the weekly pattern in the same way."""

    first_day: date
    last_day: date
    intervals: tuple[Interval, ...]
    reason: str

    @property
    def dates(self) -> str:
        if self.first_day == self.last_day:
            return format_date(self.first_day)
        return f"{format_date(self.first_day)} to {format_date(self.last_day)}"

    @property
    def hours(self) -> str:
        return describe_intervals(self.intervals)


def upcoming_changes(schedule: Schedule, today: date, days: int = 14) -> list[UpcomingChange]:
    """Days in the next `days` (from today) with special hours or closures, grouped."""
    changes: list[UpcomingChange] = []
    for day in schedule.days_that_may_differ(today, today + timedelta(days=days - 1)):
        hours = schedule.hours_on(day)
        if not hours.special:
            continue
        previous = changes[-1] if changes else None
        if (
            previous
            and previous.last_day == day - timedelta(days=1)
            and (previous.intervals, previous.reason) == (hours.intervals, hours.reason)
        ):
            changes[-1] = UpcomingChange(previous.first_day, day, hours.intervals, hours.reason)
        else:
            changes.append(UpcomingChange(day, day, hours.intervals, hours.reason))
    return changes


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
        if change.reason:
            period["description"] = change.reason
        for opens, closes in change.intervals or ((time(0, 0), time(0, 0)),):
            specification.append(
                {**period, "opens": opens.strftime("%H:%M"), "closes": closes.strftime("%H:%M")}
            )
    return specification


def status_segments(
    schedule: Schedule, start: datetime, hours: int
) -> list[tuple[datetime, Status]]:
    """The status line for every stretch of time from `start` for `hours`: it changes when the
    place opens or closes, and at midnight ("tomorrow" becomes "today"). A cached page embeds
    these so the browser can show the line that is true when it is read."""
    end = start + timedelta(hours=hours)
    days = hours // 24 + 2
    points = {start}
    for opens_at, closes_at in schedule.open_periods(start, days):
        points.update(p for p in (opens_at, closes_at) if start < p < end)
    first_day = start.astimezone(LONDON).date()
    for offset in range(1, days + 1):
        midnight = local_datetime(first_day + timedelta(days=offset), time(0, 0))
        if start < midnight < end:
            points.add(midnight)
    segments: list[tuple[datetime, Status]] = []
    for point in sorted(points):
        status = status_at(schedule, point)
        if segments and (segments[-1][1].text, segments[-1][1].open_now) == (
            status.text,
            status.open_now,
        ):
            continue
        segments.append((point, status))
    return segments


def status_segments_json(schedule: Schedule, start: datetime, hours: int) -> str:
    """status_segments as the JSON the browser picks from (directory/static/directory/js/
    opening-status.js): {"until": …, "segments": [[moment, text, open_now], …]}."""
    return json.dumps(
        {
            "until": (start + timedelta(hours=hours)).isoformat(),
            "segments": [
                [moment.isoformat(), status.text, status.open_now]
                for moment, status in status_segments(schedule, start, hours)
            ],
        }
    )


# Opening times are almost always whole minutes, and then every moment of a minute has the same
# status line and the same coming changes. A listing or a hub page asks for them again and again
# within the minute (every view, each hub in a finder's answer): each process keeps them by
# schedule and minute. The key is what defines the schedule, not the page, so an edited schedule
# is never answered from what was kept for the old one, and not the Schedule object either,
# whose memo of worked-out days would be kept with it. A minute passed is not asked for again,
# and falls out.
KEPT_ANSWERS = 2048


def kept_status_at(schedule: Schedule, moment: datetime) -> Status:
    """status_at, worked out once per schedule and minute in each process."""
    key = _kept_key(schedule)
    if key is None:
        return status_at(schedule, moment)
    return _status_in_minute(key, _start_of_minute(moment))


def kept_status_segments_json(schedule: Schedule, start: datetime, hours: int) -> str:
    """status_segments_json from the start of `start`'s minute, worked out once per schedule,
    minute and length in each process."""
    key = _kept_key(schedule)
    if key is None:
        return status_segments_json(schedule, start, hours)
    return _segments_json_in_minute(key, _start_of_minute(start), hours)


def _kept_key(schedule: Schedule) -> tuple | None:
    """What defines the schedule, or None when its answers cannot be kept by the minute: bank
    holidays injected (by a test; not hashable), or a time with seconds (an imported feed's
    23:59:59), at which the status changes within a minute."""
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
    return (schedule.sessions, schedule.exceptions, schedule.closed_on_bank_holidays)


def _start_of_minute(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("opening status needs an aware datetime")
    # In UTC: London's repeated hour in October is two different minutes there.
    return moment.astimezone(UTC).replace(second=0, microsecond=0)


@lru_cache(maxsize=KEPT_ANSWERS)
def _status_in_minute(key: tuple, minute: datetime) -> Status:
    return status_at(Schedule(*key), minute)


@lru_cache(maxsize=KEPT_ANSWERS)
def _segments_json_in_minute(key: tuple, minute: datetime, hours: int) -> str:
    return status_segments_json(Schedule(*key), minute, hours)


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
