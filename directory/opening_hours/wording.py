"""How families read opening times: times, dates and hours in GOV.UK style ("9am to 5:30pm",
"tomorrow at 9am"), a schedule's weekly table, and its coming changes from the usual week."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from django.utils import formats
from django.utils.dates import WEEKDAYS as WEEKDAY_NAMES
from django.utils.translation import gettext, pgettext

from .rules import (
    LONDON,
    Interval,
    Schedule,
)


def no_hours_text() -> str:
    return gettext("Opening times not published")


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
