"""The demo's data tables: TOML files in demo/data/ (hubs, services, news), which the loaders
turn into pages. Content lives there rather than in Python so that one reader serves every
row, and a writer can change a hub or a service without reading code."""

import tomllib
from pathlib import Path

DATA = Path(__file__).parent / "data"
DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

# Weekly sessions: (weekday, opens, closes), Monday 0.
Session = tuple[int, str, str]


def read(name: str) -> dict:
    with (DATA / f"{name}.toml").open("rb") as file:
        return tomllib.load(file)


def weekday(name: str) -> int:
    if name not in DAY_NAMES:
        raise ValueError(f"{name!r} is not a day: write one of {', '.join(DAY_NAMES)}")
    return DAY_NAMES.index(name)


def weekdays(days: str) -> list[int]:
    """ "Mon-Fri" or "Mon,Wed" as weekday numbers."""
    if "-" in days:
        first, last = days.split("-")
        return list(range(weekday(first), weekday(last) + 1))
    return [weekday(name) for name in days.split(",")]


def weekly_sessions(rows: list[list[str]]) -> list[Session]:
    """[["Mon-Fri", "09:00", "17:00"], ...] as one session a day."""
    return [(day, opens, closes) for days, opens, closes in rows for day in weekdays(days)]
