"""`make load`: the load test. Varnish in front of gunicorn (2 workers, production settings) on
PostgreSQL, Elasticsearch and Redis, driven by wrk for a fixed time a step.

    DATABASE_URL=postgres://… ELASTICSEARCH_URL=http://… make load [LOAD_ARGS="--duration 60"]

It makes a database of its own (`<name>_load`, beside the one DATABASE_URL names) with the demo
content, an index prefix of its own, and a Redis server and a Varnish of their own on free
ports (scripts/redis.sh, scripts/varnish.sh); nothing you use is touched. Steps:

1. the realistic mix (home, hub pages, the hub list, nearest hubs by postcode, service
   searches, site searches, news) through Varnish at 4, 8, 16 and 32 connections (searches and
   postcodes are private: they always reach gunicorn);
2. one cached page through Varnish, and one static file from gunicorn and WhiteNoise, at 16
   connections;
3. the origin, every request a cache miss: hub pages, then nearest-hub searches, at 8
   connections, straight to gunicorn;
4. faults: Redis paused (SIGSTOP) for the length of a step while the origin serves hub pages
   and the finder; then gunicorn stopped while Varnish serves the site's pages.

For each: requests per second, median, 95th and 99th percentile latency, and errors (refused,
timed out, or any 4xx/5xx answer). Figures are printed and written to
tests/benchmarks/results/load.json. It is a measurement, not a test: it never fails on a figure.
wrk runs on the same machine as the servers, so the figures are a floor for a real deployment."""

import argparse
import json
import os
import platform
import random
import re
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path
from xml.etree import ElementTree

from tests.servers import Gunicorn, RedisServer, Varnish, fetch, missing_tools

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
# What Varnish can serve with the app stopped: everything but what people type.
CACHEABLE_KINDS = ("home", "hub_page", "hub_index", "news_index", "news_release", "service_page")
SEARCH_WORDS = ["speech", "breastfeeding", "send support", "stay and play", "parenting", "nursery"]
SERVICE_WORDS = ["speech", "feeding", "parenting", "youth", "money", ""]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=60, help="seconds per step (60)")
    parser.add_argument("--concurrency", default="4,8,16,32", help="steps for the mix")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (2)")
    parser.add_argument(
        "--fault-seconds", type=int, default=20, help="how long each fault lasts (20)"
    )
    parser.add_argument(
        "--reuse-site",
        action="store_true",
        help="keep the load-test database and index from the last run (quicker, when the "
        "demo content and the migrations have not changed)",
    )
    arguments = parser.parse_args()
    missing = missing_tools("wrk", "redis-server", "varnishd")
    if missing:
        sys.exit(f"{', '.join(missing)} not installed: apt-get install wrk redis-server varnish")
    database_url = os.environ.get("DATABASE_URL", "")
    elasticsearch_url = os.environ.get("ELASTICSEARCH_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")) or not elasticsearch_url:
        sys.exit("Set DATABASE_URL (PostgreSQL) and ELASTICSEARCH_URL: the load test runs on both")

    WORK_DIR.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="harbour-load-", dir=WORK_DIR))
    # Varnish compiles its VCL as its own unprivileged user, which must reach this folder.
    home.chmod(0o755)
    redis = RedisServer(home / "redis").start()
    origin = varnish = None
    results = {"steps": []}
    try:
        origin = Gunicorn({}, arguments.workers, log_path=WORK_DIR / "gunicorn.log")
        varnish = Varnish(home / "varnish", backend_port=origin.port, memory="256m")
        env = server_environment(
            load_database(database_url, reuse=arguments.reuse_site),
            elasticsearch_url,
            redis.url,
            varnish.url,
        )
        origin.env = env
        prepare_site(env, reuse=arguments.reuse_site)
        origin.start()
        varnish.start()
        paths = site_paths(origin.url)
        mix = mixed_paths(paths)
        steps = results["steps"]
        warm_up(varnish.url, mix)
        for connections in [int(n) for n in arguments.concurrency.split(",")]:
            steps.append(run_step("mix_varnish", varnish.url, mix, connections, arguments.duration))
        cached = [paths["news_release"][0]]
        warm_up(varnish.url, cached)
        steps.append(run_step("cached_page_varnish", varnish.url, cached, 16, arguments.duration))
        static = [static_path(origin.url)]
        steps.append(run_step("static_file_gunicorn", origin.url, static, 16, arguments.duration))
        warm_up(origin.url, paths["hub_page"] + paths["nearest"][:5])
        steps.append(
            run_step("hub_page_origin", origin.url, paths["hub_page"], 8, arguments.duration)
        )
        steps.append(
            run_step("nearest_hubs_origin", origin.url, paths["nearest"], 8, arguments.duration)
        )

        # Faults.
        origin_pages = paths["hub_page"] + paths["nearest"] + ["/", "/family-hubs/"]
        warm_up(origin.url, origin_pages)
        steps.append(
            with_fault(
                "redis_paused_origin",
                origin.url,
                origin_pages,
                8,
                arguments.fault_seconds,
                start=redis.pause,
                end=redis.resume,
            )
        )
        cacheable = [path for kind in CACHEABLE_KINDS for path in paths[kind]]
        warm_up(varnish.url, cacheable)
        steps.append(
            with_fault(
                "app_stopped_varnish",
                varnish.url,
                cacheable,
                16,
                arguments.fault_seconds,
                start=origin.stop,
                end=origin.start,
            )
        )
        varnish.wait_until_backend(healthy=True)
    finally:
        if varnish is not None:
            varnish.stop()
        if origin is not None:
            origin.stop()
        redis.stop()
    write_results(results, arguments)
    print_targets(results["steps"])


def with_fault(name, base_url, paths, connections, seconds, start, end) -> dict:
    """A step that runs for `seconds` with a fault started just before it; the fault ends
    after it."""
    start()
    try:
        step = run_step(name, base_url, paths, connections, seconds)
    finally:
        end()
    step["fault_seconds"] = seconds
    return step


def print_targets(steps: list[dict]) -> None:
    by_name = {step["scenario"]: step for step in steps}
    cached, static = by_name.get("cached_page_varnish"), by_name.get("static_file_gunicorn")
    if cached and static:
        ratio = cached["requests_per_second"] / max(static["requests_per_second"], 1)
        print(
            f"cached page through Varnish: {ratio:.1f} times a static file from gunicorn "
            f"(target 2), p95 {cached['p95_ms']:.1f} ms (target under 10), "
            f"{cached['errors']} errors"
        )


def load_database(admin_url: str, reuse: bool = False) -> str:
    import psycopg

    base, _, name = admin_url.rpartition("/")
    load_name = f"{name.split('?')[0]}_load"
    if reuse:
        return f"{base}/{load_name}"
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{load_name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{load_name}"')
    return f"{base}/{load_name}"


def server_environment(
    database_url: str, elasticsearch_url: str, redis_url: str, varnish_url: str
) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
        "SECRET_KEY": "load-test-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        # Plain HTTP on loopback: no TLS proxy in front here.
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url,
        "ELASTICSEARCH_URL": elasticsearch_url,
        # Named after the database: two load tests on one machine keep apart.
        "ELASTICSEARCH_INDEX_PREFIX": database_url.rsplit("/", 1)[-1].lower() + "_",
        "REDIS_URL": redis_url,
        "PAGE_CACHE_SECONDS": "0",
        # Purges and bans go to our Varnish; the demo site's address is Varnish's, so that
        # the URLs Wagtail purges are the ones visitors asked for.
        "FRONTEND_CACHE_PURGE_URL": varnish_url,
        "WAGTAILADMIN_BASE_URL": varnish_url,
        "STATIC_ROOT": str(WORK_DIR / "static"),
        "MEDIA_ROOT": str(WORK_DIR / "media"),
        "GUNICORN_ACCESS_LOG": str(WORK_DIR / "access.log"),
        "LOG_LEVEL": "WARNING",
    }


def prepare_site(env: dict, reuse: bool = False) -> None:
    commands = [
        ["migrate", "--no-input", "-v0"],
        ["load_demo"],
        ["collectstatic", "--no-input", "-v0"],
        ["update_index"],
    ]
    if reuse:
        commands = [["migrate", "--no-input", "-v0"], ["collectstatic", "--no-input", "-v0"]]
    print(f"Preparing: {', '.join(command[0] for command in commands)}")
    for command in commands:
        subprocess.run(
            [PYTHON, "manage.py", *command],
            env=env,
            cwd=BASE_DIR,
            check=True,
            stdout=subprocess.DEVNULL,
        )


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
        "service_page": services[:10],
        "services_search": [
            f"/services/?q={quote(word)}&postcode={quote(pc)}&radius=5"
            for word, pc in zip(SERVICE_WORDS, postcodes, strict=False)
        ]
        + services[:10],
    }


def static_path(base_url: str) -> str:
    """The site's stylesheet, as the home page links it (hashed name, served by WhiteNoise)."""
    found = re.search(r'href="(/static/[^"]+\.css)"', fetch(f"{base_url}/").text)
    if found is None:
        raise RuntimeError("no stylesheet linked from the home page")
    return found.group(1)


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


if __name__ == "__main__":
    main()
