"""Opening-hours arithmetic, in Europe/London time. Plain Python, no database: which hours apply
on a date, whether a place is open at a moment, when it next opens or closes, and the sentences
families read ("Open now, closes at 5pm"). `sittings_status_at` is the one answer to "is it
open?" that every page, listing, feed and API gives.

Its modules, by what changes together: `rules` (weekly sessions, dated exceptions, bank
holidays, a service's sessions held at a hub), `status` (open now, and the status line),
`wording` (the sentences and tables families read), `schema_org` (for search engines), `kept`
(status lines kept per minute) and `validation` (what editors type). Import their names from
here."""

from .kept import (
    KEPT_ANSWERS,
    kept_status_at,
    kept_status_segments_json,
)
from .rules import (
    LONDON,
    LOOKAHEAD_DAYS,
    UTC,
    WEEKDAYS,
    DatedException,
    DayHours,
    Interval,
    Schedule,
    Session,
    Sitting,
    Status,
    Venue,
    england_and_wales_bank_holidays,
    held_at,
    intersect_intervals,
    load_bank_holidays,
    local_datetime,
    merge_intervals,
    not_at_venues,
)
from .schema_org import (
    opening_hours_specification,
    special_opening_hours_specification,
)
from .status import (
    DayLine,
    closed_text,
    days_ahead,
    sittings_status_at,
    status_at,
    status_segments,
    status_segments_json,
    status_true_until,
)
from .validation import (
    ExceptionRow,
    Problem,
    SessionRow,
    exception_problems,
    session_problems,
)
from .wording import (
    UpcomingChange,
    describe_dates,
    describe_intervals,
    format_date,
    format_time,
    no_hours_text,
    upcoming_changes,
    weekday_name,
    weekly_table,
    when,
)

__all__ = [
    "KEPT_ANSWERS",
    "LONDON",
    "LOOKAHEAD_DAYS",
    "UTC",
    "WEEKDAYS",
    "DatedException",
    "DayHours",
    "DayLine",
    "ExceptionRow",
    "Interval",
    "Problem",
    "Schedule",
    "Session",
    "SessionRow",
    "Sitting",
    "Status",
    "UpcomingChange",
    "Venue",
    "closed_text",
    "days_ahead",
    "describe_dates",
    "describe_intervals",
    "england_and_wales_bank_holidays",
    "exception_problems",
    "format_date",
    "format_time",
    "held_at",
    "intersect_intervals",
    "kept_status_at",
    "kept_status_segments_json",
    "load_bank_holidays",
    "local_datetime",
    "merge_intervals",
    "no_hours_text",
    "not_at_venues",
    "opening_hours_specification",
    "session_problems",
    "sittings_status_at",
    "special_opening_hours_specification",
    "status_at",
    "status_segments",
    "status_segments_json",
    "status_true_until",
    "upcoming_changes",
    "weekday_name",
    "weekly_table",
    "when",
]
