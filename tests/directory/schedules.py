"""Schedules and moments the opening-hours unit tests share."""

from datetime import datetime, time
from zoneinfo import ZoneInfo

from directory.opening_hours import Schedule, Session

LONDON = ZoneInfo("Europe/London")
UTC = ZoneInfo("UTC")
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


def at(text: str) -> datetime:
    """A moment on the clock in London: at("2026-11-24 09:30")."""
    return datetime.fromisoformat(text).replace(tzinfo=LONDON)


def weekdays(opens: str, closes: str) -> tuple[Session, ...]:
    return tuple(
        Session(day, time.fromisoformat(opens), time.fromisoformat(closes)) for day in range(5)
    )


NO_HOLIDAYS: dict = {}
NINE_TO_FIVE = Schedule(sessions=weekdays("09:00", "17:00"), bank_holidays=NO_HOLIDAYS)
LUNCH_BREAK = Schedule(
    sessions=weekdays("09:00", "12:30") + weekdays("13:30", "17:00"), bank_holidays=NO_HOLIDAYS
)
