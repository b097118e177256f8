"""The site as production runs it, for the tests that must go through the real stack: gunicorn
(website.wsgi, gunicorn.conf.py, production settings: tests/live/settings.py) behind Varnish
(deploy/varnish/harbour.vcl), on Redis, with the task worker sending purges and bans, and a
database of its own filled by the demo loader and tests/live/content.py. Every server is real
and on a free port; one stack serves the whole test session (tests/conftest.py: `live_stack`).

On PostgreSQL (DATABASE_URL) the stack's database is `<name>_live` beside the tests'; otherwise
a SQLite file. With ELASTICSEARCH_URL set, it searches on Elasticsearch in indexes of its own.

Purges and bans reach Varnish through a TCP proxy in this process (tests/faults/proxy.py), so
that a drill can cut the app servers off from Varnish while Varnish keeps what it has."""

import contextlib
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from tests.faults.proxy import CuttableProxy
from tests.servers import (
    BASE_DIR,
    Fetched,
    Gunicorn,
    RedisServer,
    Varnish,
    fetch,
    free_port,
    varnish_home,
)

TOOLS = ("redis-server", "varnishd")


def url_path(path: str) -> str:
    """A path as a browser sends it: UTF-8, percent-encoded (/d%C5%B5r/ for /dŵr/)."""
    return quote(path, safe="/?&=%:+,;@")


@dataclass
class LiveStack:
    home: Path
    env: dict[str, str] = field(default_factory=dict)
    redis: RedisServer | None = None
    gunicorn: Gunicorn | None = None
    varnish: Varnish | None = None
    purge_proxy: CuttableProxy | None = None
    worker: subprocess.Popen | None = None
    database: tuple[str, str] | None = None  # (admin URL, name) of a PostgreSQL database we made

    @property
    def url(self) -> str:
        """Where visitors connect: Varnish."""
        return self.varnish.url

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self.varnish.port}"

    @property
    def gunicorn_log(self) -> Path:
        return self.home / "gunicorn.log"

    def get(self, path: str, method: str = "GET", origin: bool = False, **headers) -> Fetched:
        """`path` (not yet encoded) through Varnish, or straight from gunicorn."""
        base = self.gunicorn.url if origin else self.varnish.url
        host = f"127.0.0.1:{(self.gunicorn if origin else self.varnish).port}"
        return fetch(base + url_path(path), method=method, headers={"Host": host, **headers})

    def manage(self, *arguments: str, timeout: float = 600) -> str:
        finished = subprocess.run(
            [sys.executable, "manage.py", *arguments],
            env=self.env,
            cwd=BASE_DIR,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if finished.returncode != 0:
            raise RuntimeError(
                f"manage.py {' '.join(arguments)}:\n{finished.stdout}{finished.stderr}"
            )
        return finished.stdout

    def run_python(self, code: str) -> str:
        """Python in a process of the live site (an editor's change, say): its signals, tasks
        and caches are the site's own."""
        return self.manage("shell", "-c", code)

    def start(self) -> "LiveStack":
        self.redis = RedisServer(self.home / "redis").start()
        varnish_port, gunicorn_port = free_port(), free_port()
        self.purge_proxy = CuttableProxy("127.0.0.1", varnish_port).start()
        self.env = self._environment(varnish_port)
        self._prepare_database()
        self.gunicorn = Gunicorn(
            self.env, workers=2, port=gunicorn_port, log_path=self.gunicorn_log
        ).start()
        self.varnish = Varnish(varnish_home(), backend_port=gunicorn_port, port=varnish_port)
        self.varnish.start()
        self.varnish.wait_until_backend(healthy=True)
        # Loading the content queued hundreds of tasks (index updates, purges, bans). Run them
        # now, with Varnish up, so that none lands in the middle of a test: a late ban empties
        # the cache a drill is about to serve from.
        self.manage("db_worker", "--batch", "--no-reload", "--interval", "0")
        self.start_worker()
        return self

    def _environment(self, varnish_port: int) -> dict[str, str]:
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "PYTEST_", "ELASTICSEARCH_"))
        }
        varnish_url = f"http://127.0.0.1:{varnish_port}"
        env.update(
            DJANGO_SETTINGS_MODULE="tests.live.settings",
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS="127.0.0.1,localhost",
            SECURE_SSL_REDIRECT="false",
            REDIS_URL=self.redis.url,
            CACHE_KEY_PREFIX=f"live-{uuid.uuid4().hex[:8]}",
            # One release for every process of the stack, started early or late (the digest of
            # the code would differ if a file changed meanwhile, as in a rolling deploy).
            RELEASE=f"live-{uuid.uuid4().hex[:8]}",
            FRONTEND_CACHE_PURGE_URL=f"http://{self.purge_proxy.url_host}",
            # The demo site's address is Varnish's: what Wagtail purges is what visitors ask.
            WAGTAILADMIN_BASE_URL=varnish_url,
            MEDIA_ROOT=str(self.home / "media"),
            STATIC_ROOT=str(self.home / "static"),
            GUNICORN_ACCESS_LOG=str(self.home / "access.log"),
            LOG_LEVEL="WARNING",
            INVALIDATION_RETRY_FIRST_DELAY_SECONDS="1",
            INVALIDATION_RETRY_MAX_DELAY_SECONDS="3",
        )
        database_url = os.environ.get("DATABASE_URL", "")
        if database_url.startswith(("postgres://", "postgresql://")):
            base, _, name = database_url.rpartition("/")
            live_name = f"{name.split('?')[0]}_live_{os.environ.get('PYTEST_XDIST_WORKER', 'x')}"
            self.database = (database_url, live_name)
            env["DATABASE_URL"] = f"{base}/{live_name}"
        else:
            env["DATABASE_URL"] = f"sqlite:///{self.home / 'live.sqlite3'}"
        if os.environ.get("ELASTICSEARCH_URL"):
            env["ELASTICSEARCH_URL"] = os.environ["ELASTICSEARCH_URL"]
            env["ELASTICSEARCH_INDEX_PREFIX"] = f"harbour_live_{uuid.uuid4().hex[:8]}_"
        return env

    def _prepare_database(self) -> None:
        if self.database is not None:
            import psycopg

            admin_url, name = self.database
            with psycopg.connect(admin_url, autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                connection.execute(f'CREATE DATABASE "{name}"')
        self.manage("migrate", "--no-input", "-v0")
        self.manage("load_demo")
        self.run_python("from tests.live.content import add; add()")
        if "ELASTICSEARCH_URL" in self.env:
            self.manage("update_index", "-v0")

    def start_worker(self) -> None:
        """The task worker, as production runs it beside the app servers."""
        if self.worker is not None and self.worker.poll() is None:
            return
        log = open(self.home / "worker.log", "ab")  # noqa: SIM115 (the process keeps it)
        self.worker = subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--no-reload", "--interval", "0.2"],
            env=self.env,
            cwd=BASE_DIR,
            stdout=log,
            stderr=log,
        )

    def stop(self) -> None:
        if self.worker is not None and self.worker.poll() is None:
            self.worker.terminate()
            try:
                self.worker.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.worker.kill()
        for server in (self.varnish, self.gunicorn, self.redis):
            if server is not None:
                with contextlib.suppress(Exception):  # stop the rest whatever one says
                    server.stop()
        if self.purge_proxy is not None:
            self.purge_proxy.close()
        if "ELASTICSEARCH_INDEX_PREFIX" in self.env:
            self._delete_indexes()
        if self.database is not None:
            import psycopg

            admin_url, name = self.database
            with psycopg.connect(admin_url, autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        shutil.rmtree(self.home, ignore_errors=True)
        if self.varnish is not None:
            shutil.rmtree(self.varnish.home, ignore_errors=True)

    def _delete_indexes(self) -> None:
        prefix = self.env["ELASTICSEARCH_INDEX_PREFIX"]
        base = self.env["ELASTICSEARCH_URL"].split(",")[0].rstrip("/")
        fetch(f"{base}/{prefix}*?expand_wildcards=all", method="DELETE", timeout=30)

    def worker_tasks(self, lines: int = 30) -> str:
        """The end of the task worker's log, for a drill's failure message."""
        log = (self.home / "worker.log").read_text(errors="replace").splitlines()
        return "\n".join(line for line in log if "state=" in line or "Error" in line)[-4000:]

    def wait_for(self, check, seconds: float, interval: float = 0.2):
        """check()'s first true answer within `seconds` (polling), or its last false one."""
        deadline = time.monotonic() + seconds
        while True:
            answer = check()
            if answer or time.monotonic() > deadline:
                return answer
            time.sleep(interval)


def start_live_stack() -> LiveStack:
    home = Path(tempfile.mkdtemp(prefix="harbour-live-"))
    stack = LiveStack(home)
    try:
        return stack.start()
    except Exception:
        stack.stop()
        raise
