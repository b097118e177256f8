"""A schedule as schema.org opening hours, for search engines (directory.structured_data)."""

from __future__ import annotations

from datetime import date, time

from .rules import (
    WEEKDAYS,
    Schedule,
)
from .wording import upcoming_changes


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
