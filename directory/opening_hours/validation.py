"""Checks on the sessions and exceptions editors type, named by row so the message says where
the problem is."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time
from itertools import pairwise

from .rules import (
    WEEKDAYS,
)
from .wording import format_date, format_time


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
