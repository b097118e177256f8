"""The demo's postcode points and the demo council's area. Approximate, for the demo only: real
sites load the ONS Postcode Directory (README: "Postcode data").

Like every demo loader it adds what is missing and changes nothing that exists."""

import csv
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import NamedTuple

from wagtail.models import Site

from directory import postcodes
from directory.models import DirectorySettings, LocalAuthority, PostcodeLocation

from .hubs import HUBS

# Demo postcode data: a national sample (demo/data/demo_postcodes.csv: one point per
# postcode district, each with the local authority it is mainly in, and a few full postcodes in
# and around other councils), and the hubs' own postcodes at the hubs. Approximate, for the
# demo only: real sites load the ONS Postcode Directory (README: "Postcode data").
DEMO_POSTCODES = Path(__file__).parent / "data" / "demo_postcodes.csv"
# The demo council, Wulfrun, stands where Wolverhampton is.
DEMO_COUNCIL_CODES = "E08000031"


class DemoPoint(NamedTuple):
    kind: str
    latitude: float
    longitude: float
    local_authority: str
    terminated: date | None = None


def demo_postcode_points() -> dict[str, DemoPoint]:
    """{postcode: where it is, its local authority, when it was terminated} for the demo."""
    with DEMO_POSTCODES.open(encoding="utf-8", newline="") as file:
        rows = csv.DictReader(line for line in file if not line.startswith("#"))
        points = {
            row["postcode"]: DemoPoint(
                postcodes.parse(row["postcode"]).kind.value,
                float(row["latitude"]),
                float(row["longitude"]),
                row["local_authority"],
                date.fromisoformat(f"{row['terminated']}-01") if row["terminated"] else None,
            )
            for row in rows
        }
    for spec in HUBS:
        parsed = postcodes.parse(spec["postcode"])
        points[parsed.text] = DemoPoint("unit", *spec["point"], DEMO_COUNCIL_CODES)
        points.setdefault(parsed.sector, DemoPoint("sector", *spec["point"], DEMO_COUNCIL_CODES))
    return points


def ensure_demo_postcodes() -> None:
    """Add the demo postcode points that are missing, and their local authorities; never move
    one an import has stored."""
    authority_ids = LocalAuthority.add_missing_from_project_table()
    points = demo_postcode_points()
    existing = dict(
        PostcodeLocation.objects.filter(pk__in=points).values_list("pk", "local_authority_id")
    )
    PostcodeLocation.objects.bulk_create(
        (
            PostcodeLocation(
                postcode=code,
                kind=point.kind,
                outward=code.split(" ")[0],
                latitude=point.latitude,
                longitude=point.longitude,
                terminated=point.terminated,
                local_authority_id=authority_ids[point.local_authority],
            )
            for code, point in points.items()
            if code not in existing
        ),
        batch_size=500,
    )
    # Points an earlier demo stored before postcodes had authorities.
    without = defaultdict(list)
    for code, authority_id in existing.items():
        if authority_id is None:
            without[points[code].local_authority].append(code)
    for authority, codes in without.items():
        PostcodeLocation.objects.filter(pk__in=codes).update(
            local_authority_id=authority_ids[authority]
        )


def ensure_council_area(site: Site) -> None:
    """The demo council's area, unless one is set."""
    settings = DirectorySettings.for_site(site)
    if not settings.local_authority_codes:
        settings.local_authority_codes = DEMO_COUNCIL_CODES
        settings.save(update_fields=["local_authority_codes"])


def load(site: Site) -> None:
    ensure_demo_postcodes()
    ensure_council_area(site)
