"""`make load`: the load test. gunicorn (2 workers, production settings) on PostgreSQL,
Elasticsearch and Redis, driven by wrk for a fixed time at increasing concurrency.

    DATABASE_URL=postgres://… ELASTICSEARCH_URL=http://… make load [LOAD_ARGS="--duration 60"]

It makes a database of its own (`<name>_load`, beside the one DATABASE_URL names) with the demo
content, an index prefix of its own, and a Redis server of its own on a free port; nothing you
use is touched. Steps:

1. the realistic mix (home, hub pages, the hub list, nearest hubs by postcode, service
   searches, site searches, news) at 4, 8, 16 and 32 connections;
2. one cached page (a news release) at 16 connections;
3. with the page cache off: hub pages, then nearest-hub searches, at 8 connections.

For each: requests per second, median, 95th and 99th percentile latency, and errors (refused,
timed out, or any 4xx/5xx answer). Figures are printed and written to
tests/benchmarks/results/load.json. It is a measurement, not a test: it never fails on a figure.
wrk runs on the same machine as the server, so the figures are a floor for a real deployment."""

import argparse
import json
import os
import platform
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

BASE_DIR = Path(__file__).resolve().parents[3]
RESULTS = BASE_DIR / "tests" / "benchmarks" / "results" / "load.json"
WORK_DIR = BASE_DIR / "test-results" / "load"
SCENARIO = Path(__file__).with_name("scenario.lua")
PYTHON = sys.executable

# The realistic mix: how many times each kind of request appears in the list wrk cycles through.
MIX_WEIGHTS = {
    "home": 15,
    "hub_page": 20,
    "hub_index": 5,
    "nearest": 10,
    "services_search": 15,
    "site_search": 10,
    "news_index": 10,
    "news_release": 15,
}
SEARCH_WORDS = ["speech", "breastfeeding", "send support", "stay and play", "parenting", "nursery"]
SERVICE_WORDS = ["speech", "feeding", "parenting", "youth", "money", ""]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=60, help="seconds per step (60)")
    parser.add_argument("--concurrency", default="4,8,16,32", help="steps for the mix")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (2)")
    arguments = parser.parse_args()
    for tool in ("wrk", "redis-server"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is not installed: apt-get install wrk redis-server")
    database_url = os.environ.get("DATABASE_URL", "")
    elasticsearch_url = os.environ.get("ELASTICSEARCH_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")) or not elasticsearch_url:
        sys.exit("Set DATABASE_URL (PostgreSQL) and ELASTICSEARCH_URL: the load test runs on both")

    WORK_DIR.mkdir(parents=True, exist_ok=True)
    with redis_server() as redis_url:
        env = server_environment(load_database(database_url), elasticsearch_url, redis_url)
        prepare_site(env)
        results = {"steps": []}
        with gunicorn(env, arguments.workers) as base_url:
            paths = site_paths(base_url)
            mix = mixed_paths(paths)
            warm_up(base_url, mix)
            for connections in [int(n) for n in arguments.concurrency.split(",")]:
                results["steps"].append(
                    run_step("mix", base_url, mix, connections, arguments.duration)
                )
            cached = [paths["news_release"][0]]
            warm_up(base_url, cached)
            results["steps"].append(
                run_step("cached_page", base_url, cached, 16, arguments.duration)
            )
        with gunicorn({**env, "PAGE_CACHE_SECONDS": "0"}, arguments.workers) as base_url:
            warm_up(base_url, paths["hub_page"] + paths["nearest"][:5])
            results["steps"].append(
                run_step("hub_page_uncached", base_url, paths["hub_page"], 8, arguments.duration)
            )
            results["steps"].append(
                run_step("nearest_hubs", base_url, paths["nearest"], 8, arguments.duration)
            )
    write_results(results, arguments)


def load_database(admin_url: str) -> str:
    import psycopg

    base, _, name = admin_url.rpartition("/")
    load_name = f"{name.split('?')[0]}_load"
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{load_name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{load_name}"')
    return f"{base}/{load_name}"


def server_environment(database_url: str, elasticsearch_url: str, redis_url: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
        "SECRET_KEY": "load-test-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        # Plain HTTP on loopback: no TLS proxy in front here.
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url,
        "ELASTICSEARCH_URL": elasticsearch_url,
        "ELASTICSEARCH_INDEX_PREFIX": "harbour_load_",
        "REDIS_URL": redis_url,
        "PAGE_CACHE_SECONDS": "600",
        "STATIC_ROOT": str(WORK_DIR / "static"),
        "MEDIA_ROOT": str(WORK_DIR / "media"),
        "GUNICORN_ACCESS_LOG": str(WORK_DIR / "access.log"),
        "LOG_LEVEL": "WARNING",
    }


def prepare_site(env: dict) -> None:
    print("Preparing: migrate, demo content, static files, search index")
    for command in (
        ["migrate", "--no-input", "-v0"],
        ["load_demo"],
        ["collectstatic", "--no-input", "-v0"],
        ["update_index"],
    ):
        subprocess.run(
            [PYTHON, "manage.py", *command],
            env=env,
            cwd=BASE_DIR,
            check=True,
            stdout=subprocess.DEVNULL,
        )


@contextmanager
def redis_server():
    port = free_port()
    folder = tempfile.mkdtemp(prefix="harbour-load-redis-")
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""],
        cwd=folder,
        stdout=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def gunicorn(env: dict, workers: int):
    port = free_port()
    process = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "website.wsgi", "-c", "gunicorn.conf.py"],
        env={**env, "WEB_CONCURRENCY": str(workers), "BIND": f"127.0.0.1:{port}"},
        cwd=BASE_DIR,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if fetch(f"{base_url}/healthz/", timeout=5).status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("gunicorn did not become healthy")
            time.sleep(0.5)
        yield base_url
    finally:
        process.terminate()
        process.wait(timeout=60)


def site_paths(base_url: str) -> dict[str, list[str]]:
    """Real addresses from the running site: its sitemap and its hubs API."""
    # Our own sitemap, from our own server on loopback.
    tree = ElementTree.fromstring(fetch(f"{base_url}/sitemap.xml").body)  # noqa: S314
    locations = [element.text for element in tree.iter() if element.tag.endswith("loc")]
    page_paths = [re.sub(r"^https?://[^/]+", "", url) for url in locations]
    hubs = json.loads(fetch(f"{base_url}/api/v1/hubs/").body)["results"]
    postcodes = [hub["postcode"] for hub in hubs if hub.get("postcode")]
    postcodes += ["WV1", "WV3", "WV10", "WV11", "WV14"]
    services = [
        path for path in page_paths if path.startswith("/services/") and path != "/services/"
    ]
    return {
        "home": ["/"],
        "hub_index": ["/family-hubs/"],
        "hub_page": [p for p in page_paths if re.fullmatch(r"/family-hubs/[^/]+/", p)],
        "nearest": [f"/family-hubs/nearest/?postcode={quote(pc)}" for pc in postcodes],
        "news_index": ["/news/", "/news/?topic=consultations", "/news/?year=2025"],
        "news_release": [p for p in page_paths if re.fullmatch(r"/news/[^/]+/", p)],
        "site_search": [f"/search/?q={quote(word)}" for word in SEARCH_WORDS],
        "services_search": [
            f"/services/?q={quote(word)}&postcode={quote(pc)}&radius=5"
            for word, pc in zip(SERVICE_WORDS, postcodes, strict=False)
        ]
        + services[:10],
    }


def quote(text: str) -> str:
    return urllib.parse.quote_plus(text)


def mixed_paths(paths: dict[str, list[str]]) -> list[str]:
    mix = []
    for kind, weight in MIX_WEIGHTS.items():
        choices = paths[kind]
        if not choices:
            raise RuntimeError(f"no {kind} addresses found on the load-test site")
        mix.extend(choices[number % len(choices)] for number in range(weight * 4))
    random.Random(2026).shuffle(mix)
    return mix


def warm_up(base_url: str, paths: list[str]) -> None:
    for path in dict.fromkeys(paths):
        fetch(base_url + path)


def run_step(name: str, base_url: str, paths: list[str], connections: int, seconds: int) -> dict:
    paths_file = WORK_DIR / f"{name}.paths"
    paths_file.write_text("\n".join(paths) + "\n")
    threads = min(2, connections)
    output = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "-s",
            str(SCENARIO),
            base_url,
        ],
        env={**os.environ, "HARBOUR_PATHS": str(paths_file)},
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    raw = json.loads(output.split("HARBOUR-RESULT ", 1)[1].splitlines()[0])
    seconds_run = raw["duration_us"] / 1_000_000
    errors = sum(raw["errors"].values())
    step = {
        "scenario": name,
        "connections": connections,
        "seconds": round(seconds_run, 1),
        "requests": raw["requests"],
        "requests_per_second": round(raw["requests"] / seconds_run, 1),
        "median_ms": raw["latency_us"]["p50"] / 1000,
        "p95_ms": raw["latency_us"]["p95"] / 1000,
        "p99_ms": raw["latency_us"]["p99"] / 1000,
        "max_ms": raw["latency_us"]["max"] / 1000,
        "errors": errors,
        "error_detail": raw["errors"],
        "distinct_paths": len(set(paths)),
    }
    print(
        f"  {name:<18} c={connections:<3} {step['requests_per_second']:>8.1f} req/s  "
        f"median {step['median_ms']:>7.1f} ms  p95 {step['p95_ms']:>7.1f} ms  "
        f"p99 {step['p99_ms']:>7.1f} ms  errors {errors}"
    )
    return step


def write_results(results: dict, arguments) -> None:
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    results.update(
        {
            "benchmark": "load",
            "server": f"gunicorn, {arguments.workers} workers (gthread), production settings",
            "backends": "PostgreSQL, Elasticsearch, Redis",
            "seconds_per_step": arguments.duration,
            "machine": f"{platform.machine()}, {os.cpu_count()} CPUs (wrk on the same machine)",
            "recorded_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        }
    )
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    print(f"wrote {RESULTS.relative_to(BASE_DIR)}")


@dataclass
class Fetched:
    status: int
    body: bytes


def fetch(url: str, timeout: float = 60) -> Fetched:
    """GET from the server under test (always http://127.0.0.1)."""
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310
        return Fetched(response.status, response.read())


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


if __name__ == "__main__":
    main()
