"""Postcodes: importing a full-size ONSPD-shaped file, looking postcodes up, and the nearest-hub
API.

Generates an ONSPD-shaped CSV of BENCH_POSTCODE_ROWS rows (2.7 million, a full release, by
default; cached in test-results/), imports it with `manage.py import_postcodes` in a child
process (so its peak memory is its own), then times 10,000 lookups and the nearest-hub API.
Targets: 50,000 rows/s or better on PostgreSQL with peak memory under 300 MB; lookup median
under 1 ms; nearest-hub API median under 20 ms."""

import csv
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from django.test import Client

from demo import hubs, postcodes, services
from demo import site as site_content
from directory.models import PostcodeLocation, locate
from tests.benchmarks.harness import BASE_DIR, Report, get_ok, time_calls
from tests.directory.onspd_files import ONSPD_HEADER

ROWS = int(os.environ.get("BENCH_POSTCODE_ROWS", "2700000"))
AREAS = [
    "AB",
    "AL",
    "B",
    "BA",
    "BB",
    "BD",
    "BH",
    "BL",
    "BN",
    "BR",
    "BS",
    "CA",
    "CB",
    "CF",
    "CH",
    "CM",
    "CO",
    "CR",
    "CT",
    "CV",
    "CW",
    "DA",
    "DD",
    "DE",
    "DG",
    "DH",
    "DL",
    "DN",
    "DT",
    "DY",
]
UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


def generate(path: Path, rows: int) -> None:
    """Unique, well-formed postcodes over real-looking areas; 1% without a location, a third
    terminated, positions scattered over Great Britain."""
    random.seed(2025)
    filler = dict.fromkeys(ONSPD_HEADER, "E99999999")
    with path.open("w", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(ONSPD_HEADER)
        written = 0
        for area in AREAS:
            for district in range(1, 100):
                for sector in range(10):
                    for first in UNIT_LETTERS:
                        for second in UNIT_LETTERS:
                            if written >= rows:
                                return
                            pcds = f"{area}{district} {sector}{first}{second}"
                            located = random.random() > 0.01
                            row = {
                                **filler,
                                "pcd7": pcds.replace(" ", "")[:7],
                                "pcd8": pcds,
                                "pcds": pcds,
                                "dointr": "198001",
                                "doterm": "201001" if random.random() < 0.33 else "",
                                "lat": f"{random.uniform(50.0, 58.5):.6f}"
                                if located
                                else "99.999999",
                                "long": f"{random.uniform(-5.5, 1.7):.6f}"
                                if located
                                else "0.000000",
                            }
                            writer.writerow([row[column] for column in ONSPD_HEADER])
                            written += 1
    if written < rows:
        raise RuntimeError(f"the generator ran out of postcodes at {written:,}")


def run() -> None:
    report = Report("postcodes")
    source = BASE_DIR / "test-results" / f"onspd-bench-{ROWS}.csv"
    if not source.exists():
        print(f"  generating {ROWS:,} rows in {source.name}")
        generate(source, ROWS)
    report.add("file_rows", ROWS)
    report.add("file_megabytes", round(source.stat().st_size / 1e6, 1))

    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "manage.py", "import_postcodes", str(source), "--no-progress"],
        cwd=BASE_DIR,
        check=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "website.settings.test"},
    )
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    report.add("import_seconds", round(seconds, 1))
    report.add("import_rows_per_second", round(ROWS / seconds))
    report.add("import_peak_memory_mb", round(peak_mb))
    report.add("stored_postcodes", PostcodeLocation.objects.count())

    sample = list(
        PostcodeLocation.objects.filter(kind="unit")
        .order_by("?")
        .values_list("postcode", flat=True)[:10_000]
    )
    typed = [code.lower().replace(" ", "") for code in sample]  # as people type them
    timings = []
    for text in typed:
        lookup_started = time.perf_counter()
        locate(text)
        timings.append((time.perf_counter() - lookup_started) * 1000)
    report.add(
        "lookup",
        {
            "runs": len(timings),
            "median_ms": round(statistics.median(timings), 3),
            "p95_ms": round(sorted(timings)[int(0.95 * len(timings))], 3),
        },
    )

    site = site_content.load()
    postcodes.load(site)
    hubs.load(site)
    services.load(site)
    client = Client()
    nearest = get_ok(
        client, f"/api/v1/hubs/nearest/?postcode={sample[0].replace(' ', '+')}&limit=5"
    )
    report.add("nearest_hubs_api", time_calls(nearest, runs=100).summary())
    report.write()
