"""Is a place open, and what its status line says ("Open now, closes at 5pm"): at a moment
(`status_at`; `sittings_status_at` is the one answer for a service held at several places, which
every page, listing, feed and API gives) and over the coming hours (`status_segments`, which a
cached page embeds for the browser)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from django.utils.translation import gettext

from .rules import (
    LONDON,
    LOOKAHEAD_DAYS,
    DayHours,
    Schedule,
    Sitting,
    Status,
    local_datetime,
)
from .wording import describe_intervals, no_hours_text, when


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


@dataclass(frozen=True)
class DayLine:
    """One date's hours as families read them that day."""

    day: date
    hours: str  # "9am to 5pm", "Closed for snow", "12pm to 3pm (a staff meeting)"
    # A closure, a bank holiday or special hours set them, not the usual week.
    changed: bool


def days_ahead(schedule: Schedule, first: date, days: int) -> list[DayLine]:
    """Each of `days` dates from `first`, with the hours that apply: the usual week, or the
    closure, bank holiday or special hours that change it. The opening-hours preview editors
    see before they publish."""
    lines = []
    for offset in range(days):
        hours = schedule.hours_on(first + timedelta(days=offset))
        changed = hours.special and hours.intervals != schedule.weekly_intervals(
            hours.day.weekday()
        )
        if hours.closed:
            text = closed_text(hours) if changed else describe_intervals(())
        elif changed and hours.reason:
            text = gettext("%(hours)s (%(reason)s)") % {
                "hours": describe_intervals(hours.intervals),
                "reason": hours.reason,
            }
        else:
            text = describe_intervals(hours.intervals)
        lines.append(DayLine(hours.day, text, changed))
    return lines


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
