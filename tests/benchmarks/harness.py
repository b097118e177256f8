"""A small harness for `make bench`: a database of its own, timing through Django's test client,
SQL query counts, and a JSON file per benchmark in tests/benchmarks/results/.

Benchmarks are not tests: they print figures and never fail on a threshold. Run them on the
database you want figures for: DATABASE_URL=postgres://… make bench (a database named
`<name>_bench` is created beside the one the URL names), or the SQLite default."""

import json
import os
import platform
import statistics
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

RESULTS_DIR = Path(__file__).parent / "results"
BASE_DIR = Path(__file__).resolve().parents[2]


def configure_django() -> None:
    """Point Django at a benchmark database (never the one you use), migrate it, and set up
    the test environment (so the test client works)."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        base, _, name = url.rpartition("/")
        bench_url = f"{base}/{name.split('?')[0]}_bench"
        _create_postgres_database(url, bench_url.rpartition("/")[2])
    else:
        path = BASE_DIR / "test-results" / "bench.sqlite3"
        path.parent.mkdir(exist_ok=True)
        for leftover in path.parent.glob("bench.sqlite3*"):
            leftover.unlink()
        bench_url = f"sqlite:///{path}"
    os.environ["DATABASE_URL"] = bench_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.test")

    import django

    django.setup()
    from django.core.management import call_command

    # Not django.test.utils.setup_test_environment(): it makes every template render send a
    # signal (for the test client's response.context), a cost production does not pay and
    # that no benchmark reads. The test settings already allow any host and keep emails.
    call_command("migrate", verbosity=0)
    # As a production server process starts (website/wsgi.py): warm, and what is loaded left
    # out of the garbage collector's full collections.
    from website.warm_up import freeze_what_is_loaded, prepare_process

    prepare_process()
    freeze_what_is_loaded()


def _create_postgres_database(admin_url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


@dataclass
class Timing:
    samples_ms: list[float]
    queries: int

    def summary(self) -> dict:
        ordered = sorted(self.samples_ms)
        p95_index = max(0, round(0.95 * len(ordered)) - 1)
        return {
            "runs": len(ordered),
            "median_ms": round(statistics.median(ordered), 2),
            "p95_ms": round(ordered[p95_index], 2),
            "min_ms": round(ordered[0], 2),
            "queries": self.queries,
        }


def time_calls(call: Callable[[], object], runs: int = 50, warmup: int = 5) -> Timing:
    """Time `call` `runs` times after `warmup` calls; count the SQL queries of one call."""
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    for _ in range(warmup):
        call()
    # Each request empties the query log when it starts; begin from an empty log so the
    # captured slice is that request's queries.
    reset_queries()
    with CaptureQueriesContext(connection) as captured:
        call()
    # Read the count now: the next request empties the log that captured_queries reads.
    queries = len(captured.captured_queries)
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return Timing(samples, queries)


def get_ok(client, url: str) -> Callable[[], object]:
    def call():
        response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
        return response

    return call


def cpu_calibration_ms() -> float:
    """A fixed pure-Python workload, best of five, in milliseconds. The machines we benchmark
    on change speed from one minute to the next (shared hosts): this figure, taken when a
    benchmark starts and ends, says how fast the machine was while its figures were taken."""
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        sum(number * number for number in range(1_000_000))
        best = min(best, time.perf_counter() - started)
    return round(best * 1000, 1)


@dataclass
class Report:
    name: str
    figures: dict = field(default_factory=dict)
    calibration_at_start_ms: float = field(default_factory=cpu_calibration_ms)

    def add(self, key: str, value) -> None:
        self.figures[key] = value
        print(f"  {key}: {value}")

    def write(self) -> Path:
        from django.db import connection

        RESULTS_DIR.mkdir(exist_ok=True)
        path = RESULTS_DIR / f"{self.name}-{connection.vendor}.json"
        payload = {
            "benchmark": self.name,
            "database": connection.vendor,
            "search_backend": _search_backend_name(),
            "python": platform.python_version(),
            "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
            "recorded_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            # Lower is a faster machine (cpu_calibration_ms): compare figures across runs with it.
            "cpu_calibration_ms": {
                "start": self.calibration_at_start_ms,
                "end": cpu_calibration_ms(),
            },
            "figures": self.figures,
        }
        path.write_text(json.dumps(payload, indent=2) + "\n")
        print(f"  wrote {path.relative_to(BASE_DIR)}")
        return path


def _search_backend_name() -> str:
    from django.conf import settings

    return settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"].rsplit(".", 1)[-1]


@contextmanager
def section(title: str):
    print(f"\n== {title}")
    started = time.perf_counter()
    yield
    print(f"  ({time.perf_counter() - started:.1f}s)")
