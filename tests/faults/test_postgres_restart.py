"""Fault drill: PostgreSQL goes away mid-run and comes back.

The site is served over HTTP (tests/faults/server.py: a real WSGI server and Django's handler,
in this process), and its database connections go through a TCP proxy in front of the real
PostgreSQL server (tests/faults/proxy.py). Cutting the proxy drops every open connection and
refuses new ones, which is what clients see while PostgreSQL restarts; the shared server itself
is never touched. While it is cut, every page is the site's 503 page with Retry-After, at once,
with no traceback (Varnish, in front, serves what it keeps in the app's place); once it is
back, the same server process answers normally again (Django's persistent connection fails its
health check and is replaced: CONN_HEALTH_CHECKS)."""

from django.db import connection, connections

import pytest

from demo import site as site_content
from tests.conftest import unavailable
from tests.faults.proxy import CuttableProxy
from tests.faults.server import SiteServer
from website.views import DATABASE_RETRY_AFTER_SECONDS

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres]

# Every page needs the database at the origin: Wagtail routes each request through its page
# tree. While PostgreSQL is down the app answers a fast 503, and Varnish serves what it has in
# the app's place (the grace drill in tests/faults/test_cache_faults.py).
NEEDS_THE_DATABASE = [
    "/",
    "/about-family-hubs/",
    "/search/?q=family+hubs",
    "/search/suggest/?q=ab",
]
PAGES = NEEDS_THE_DATABASE
# Refused connections fail at once; this bounds a whole request, error page included. A request
# that waited on the database would take tens of seconds (a TCP connect timeout); the bound
# leaves room for a loaded CI machine, where a first error page once took 2.4 s.
FAST_SECONDS = 5.0
OUTAGES = 2


@pytest.fixture
def database_behind_proxy():
    """New connections (the server thread's) go through the proxy; this thread keeps its own
    direct connection, so the test can set up and clean up while the proxy is cut."""
    if connection.vendor != "postgresql":
        unavailable("PostgreSQL only (DATABASE_URL): SQLite has no server to restart")
    connection.ensure_connection()
    database = connections.settings["default"]
    before = {key: database.get(key) for key in ("HOST", "PORT")}
    proxy = CuttableProxy(before["HOST"] or "127.0.0.1", int(before["PORT"] or 5432)).start()
    database.update(HOST="127.0.0.1", PORT=str(proxy.port))
    try:
        yield proxy
    finally:
        database.update(before)
        proxy.close()


def test_pages_are_a_fast_503_while_postgresql_is_down_and_recover_without_a_restart(
    database_behind_proxy, settings
):
    settings.CONN_MAX_AGE = 60  # persistent connections, as production runs (the default)
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
    site_content.load()

    with SiteServer() as site:
        for outage in range(1, OUTAGES + 1):
            for path in PAGES:
                assert site.get(path).status == 200, f"before outage {outage}: {path}"
            assert site.get("/healthz/").status == 200

            database_behind_proxy.cut()

            for path in NEEDS_THE_DATABASE:
                answer = site.get(path)
                assert answer.status == 503, f"outage {outage}: {path} gave {answer.status}"
                assert answer.seconds < FAST_SECONDS, f"{path} took {answer.seconds:.2f}s"
                assert answer.headers["retry-after"] == str(DATABASE_RETRY_AFTER_SECONDS)
                assert "no-store" in answer.headers["cache-control"]
                assert "Sorry, the service is unavailable" in answer.body
                assert "Traceback" not in answer.body
                assert "OperationalError" not in answer.body
            health = site.get("/healthz/")
            assert health.status == 503
            assert '"status": "down"' in health.body
            assert health.seconds < FAST_SECONDS

            database_behind_proxy.restore()

            # The very first request after PostgreSQL is back is answered normally.
            for path in PAGES:
                answer = site.get(path)
                assert answer.status == 200, f"after outage {outage}: {path} gave {answer.status}"
            assert '"status": "ok"' in site.get("/healthz/").body
