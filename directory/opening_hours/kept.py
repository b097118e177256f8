"""Status lines and their segments, kept by schedule and minute in each process."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from functools import lru_cache

from django.utils.translation import get_language

from website.shared_cache import content_true_until

from .rules import (
    UTC,
    Schedule,
    Sitting,
    Status,
)
from .status import sittings_status_at, status_segments_json, status_true_until

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
