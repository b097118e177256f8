"""The demo council's family hubs: an index at /family-hubs/ and ten hubs around Wulfrun
(demo/data/hubs.toml), on real postcodes in the WV area, with realistic weekly hours (one with a
lunch break, one closed at weekends, one mornings only) and a coming holiday closure.

Like every demo loader it creates what is missing and leaves what exists alone."""

from datetime import date, time, timedelta

from django.utils import timezone

from wagtail.models import Site

from directory import geo
from directory import opening_hours as hours
from directory.models import (
    FamilyHubIndexPage,
    FamilyHubPage,
    HubDateException,
    HubGalleryImage,
    HubSession,
)

from .images import PALETTES, ensure_demo_image
from .site import add_navigation_link, ensure_child_page, paragraph
from .tables import read, weekly_sessions


def hub_spec(row: dict) -> dict:
    return {
        **row,
        "point": tuple(row["point"]),
        "sessions": weekly_sessions(row["sessions"]),
        "body": tuple(row["body"]),
    }


_TABLE = read("hubs")
HUBS = [hub_spec(row) for row in _TABLE["hub"]]


def next_christmas_closure(today: date) -> tuple[date, date]:
    """Christmas Eve to New Year's Day, this year's or, once it is over, next year's."""
    year = today.year if today <= date(today.year, 12, 24) else today.year + 1
    return date(year, 12, 24), date(year + 1, 1, 1)


def ensure_index(home) -> FamilyHubIndexPage:
    return ensure_child_page(home, FamilyHubIndexPage(**_TABLE["index"]))[0]


def hub_photos(spec: dict, seed: int) -> list[HubGalleryImage]:
    """Two drawn photos for the hub's gallery: the building and its garden, in a palette of
    its own so that no two hubs look alike."""
    palette = list(PALETTES)[seed % len(PALETTES)]
    title = spec["title"]
    photos = [
        ("building", f"The front of {title}", f"{title}: the way in"),
        ("garden", f"The garden and play area at {title}", ""),
    ]
    return [
        HubGalleryImage(
            image=ensure_demo_image(f"{title}: {scene}", alt_text, scene, palette, seed),
            alt_text=alt_text,
            caption=caption,
        )
        for scene, alt_text, caption in photos
    ]


def build_hub(spec: dict, today: date, seed: int = 0) -> FamilyHubPage:
    latitude, longitude = spec["point"]
    hub = FamilyHubPage(
        title=spec["title"],
        slug=spec["slug"],
        summary=spec["summary"],
        address_line_1=spec["address_line_1"],
        town=spec["town"],
        postcode=spec["postcode"],
        location=geo.format_point(latitude, longitude),
        phone=spec["phone"],
        email=f"{spec['slug']}.hub@wulfrun.example",
        closed_on_bank_holidays=spec.get("closed_on_bank_holidays", True),
        how_to_get_there=spec["how_to_get_there"],
        # The page gives "What happens here" its heading.
        body=[paragraph(*spec["body"])],
        **dict.fromkeys(spec["facilities"], True),
    )
    hub.gallery_images = hub_photos(spec, seed)
    hub.opening_sessions = [
        HubSession(weekday=day, opens=time.fromisoformat(o), closes=time.fromisoformat(c))
        for day, o, c in spec["sessions"]
    ]
    christmas_start, christmas_end = next_christmas_closure(today)
    exceptions = [
        HubDateException(
            start_date=christmas_start, end_date=christmas_end, closed=True, reason="Christmas"
        )
    ]
    if "staff_training_in_days" in spec:
        training = today + timedelta(days=spec["staff_training_in_days"])
        exceptions.append(
            HubDateException(start_date=training, closed=True, reason="staff training")
        )
    hub.opening_exceptions = exceptions
    return hub


def load(site: Site) -> None:
    home = site.root_page.specific
    index = ensure_index(home)
    add_navigation_link(site, index, position=0)
    today = timezone.localdate(timezone=hours.LONDON)
    for seed, spec in enumerate(HUBS):
        ensure_child_page(index, build_hub(spec, today, seed))
