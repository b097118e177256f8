"""Shared fixtures. Real servers only: Elasticsearch tests use the node named by
ELASTICSEARCH_URL, and fail (not skip) when CI is set and it is missing or down."""

import os
import uuid
from contextlib import contextmanager

from django.conf import settings as django_settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import transaction

from wagtail.models import Site
from wagtail.search.backends import get_search_backend

import pytest

from demo import site as site_content
from demo.loader import load_all
from search.engines import reset_fallback_state
from tests.directory.services_data import build_directory
from tests.servers import CacheRequestLog, RedisServer, missing_tools
from website import content_cache
from website.redis_breaker import BREAKER

IN_CI = bool(os.environ.get("CI"))


def unavailable(reason: str):
    """Skip locally with a clear message; fail in CI, where every server must be there."""
    if IN_CI:
        pytest.fail(f"{reason} (CI is set, so this fails instead of skipping)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture
def site(db) -> Site:
    """The demo council's site: home page, standard pages, settings and navigation."""
    return site_content.load()


@pytest.fixture
def demo_site(db) -> Site:
    """The whole demo council: site-wide content and every app's (hubs, …)."""
    return load_all()


@contextmanager
def demo_loaded_once(django_db_blocker, index=False):
    """The whole demo council loaded once for many tests (loading it takes far longer than most
    tests), inside a transaction that is rolled back after the last one, so no other test sees
    it. Each test still runs in a savepoint of its own (the `db` fixture), and the caches are
    emptied around each (`empty_caches`), so what one test changes the next does not see."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            site = load_all()
            if index:
                call_command("update_index", verbosity=0)
            yield site
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture(scope="module")
def module_demo(django_db_setup, django_db_blocker):
    """For a module whose every test uses the demo: see `demo_loaded_once`."""
    with demo_loaded_once(django_db_blocker) as loaded:
        yield loaded


@pytest.fixture
def shared_demo_site(module_demo, db) -> Site:
    """The demo council, loaded once for the module (`module_demo`), and database access."""
    return module_demo


@pytest.fixture
def home_page(site):
    return site.root_page.specific


@pytest.fixture
def directory(home_page):
    """A small directory of services and hubs for searching and filtering
    (tests/directory/services_data.py)."""
    return build_directory(home_page)


@pytest.fixture(params=["database", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)])
def engine(request, directory):
    """Each test that asks for it runs twice: on the database search and on Elasticsearch."""
    if request.param == "elasticsearch":
        request.getfixturevalue("elasticsearch")
    return request.param


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.com", "pw")
    client.force_login(user)
    return client


def elasticsearch_backend_settings(url: str, index_prefix: str, timeout: float = 10) -> dict:
    """As production configures it (website/settings/base.py): Elasticsearch kept up to date by
    our task queue, and the database backend to fall back on."""
    return {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [url],
            "INDEX_PREFIX": index_prefix,
            "ATOMIC_REBUILD": True,
            "TIMEOUT": timeout,
            "AUTO_UPDATE": False,
            "OPTIONS": {"max_retries": 0, "retry_on_timeout": False},
        },
        "database": django_settings.DATABASE_SEARCH_BACKEND,
    }


@pytest.fixture(autouse=True)
def forget_stale_content_types():
    """A transactional test's flush recreates the content types with new ids, while Django's
    process-wide cache keeps the old ones: a later test on the same worker would then save
    pages with a content type that no longer exists."""
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()


@pytest.fixture(autouse=True)
def empty_caches():
    """Renditions, site root paths and the shared content (website/content_cache.py) are kept in
    the (in-memory) default cache, under keys that a rolled-back or flushed database hands out
    again: start every test from nothing (this process's copies of the shared content too)."""
    for cache in caches.all():
        cache.clear()
    content_cache.forget_local_copies()
    yield
    for cache in caches.all():
        cache.clear()
    content_cache.forget_local_copies()


@pytest.fixture(autouse=True)
def forget_redis_failures():
    """A test that points the cache at a closed port trips this process's Redis circuit
    breaker (website/redis_breaker.py): each test starts with it closed."""
    BREAKER.close()
    yield
    BREAKER.close()


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory):
    """A real Redis of our own for the session, on a free port, started by scripts/redis.sh
    with the project's settings (deploy/redis/harbour.conf)."""
    if missing_tools("redis-server"):
        unavailable("redis-server is not installed (apt-get install redis-server)")
    server = RedisServer(tmp_path_factory.mktemp("redis")).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def live_stack():
    """The site under gunicorn behind Varnish, on Redis, with the task worker
    (tests/live/stack.py): started once a session, by the first test that asks for it."""
    missing = missing_tools("redis-server", "varnishd")
    if missing:
        unavailable(f"{', '.join(missing)} not installed (apt-get install redis-server varnish)")
    from tests.live.stack import start_live_stack

    stack = start_live_stack()
    yield stack
    stack.stop()


# Tests of what works the same whatever the database and search engines: CI runs them once, on
# PostgreSQL + Elasticsearch, and leaves them out of its second pass on the embedded default
# (`make test-embedded`, which runs what can differ: search, the finder, the directory's and the
# news' queries, the demo, every public address's answer to bad input). `make test` without
# DATABASE_URL still runs everything on SQLite. They are the site's core over HTTP (headers,
# caching, security, logging, through Django's and Wagtail's ORM only) and the admin's forms.
SAME_ON_EVERY_ENGINE = (
    "tests/website/",
    "tests/news/test_admin",
    "tests/news/test_workflow.py",
    "tests/directory/test_hub_admin.py",
    "tests/directory/test_admin_",
    "tests/directory/test_whats_on_admin.py",
)
# Within tests/website/, what touches the engines: health checks name them, and query counts
# are the database's.
DIFFERS_BY_ENGINE = ("tests/website/test_health.py", "tests/website/test_query_counts.py")


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """First, before xdist's own hook reads the groups into the tests' ids. Every test that
    uses the live stack runs in one xdist worker (make test uses --dist loadgroup), so that the
    stack starts once; so do the tests of a module that share one
    loaded demo (`module_demo`, and `reading_demo` in tests/browser), so that it loads once."""
    for item in items:
        path = item.nodeid.split("::")[0]
        if path.startswith(SAME_ON_EVERY_ENGINE) and not path.startswith(DIFFERS_BY_ENGINE):
            item.add_marker(pytest.mark.same_on_every_engine)
        fixtures = getattr(item, "fixturenames", ())
        if "live_stack" in fixtures:
            item.add_marker(pytest.mark.xdist_group("live"))
            item.add_marker(pytest.mark.live)
        elif "reading_demo" in fixtures or "module_demo" in fixtures:
            item.add_marker(pytest.mark.xdist_group(item.module.__name__))


@pytest.fixture
def frontend_cache(settings, site):
    """The site's frontend cache (Varnish), played by a real HTTP server that notes the PURGE
    and BAN requests it is sent (tests/servers.py). Loading the demo site queued a ban for
    when the test's transaction commits, which it never does: forgotten, so that each test sees
    what its own change sends."""
    from django.db import connection

    connection.run_on_commit.clear()
    log = CacheRequestLog().start()
    settings.FRONTEND_CACHE_PURGE_URL = log.url
    settings.WAGTAILFRONTENDCACHE = {
        "default": {"BACKEND": "website.frontend_cache.PurgingBackend", "LOCATION": log.url}
    }
    yield log
    log.stop()


@pytest.fixture(autouse=True)
def forget_search_failures():
    """Site search rests Elasticsearch for a while after a failure; each test starts afresh."""
    reset_fallback_state()
    yield
    reset_fallback_state()


@pytest.fixture
def elasticsearch(settings):
    """Switch the site to the real Elasticsearch node for one test, in indexes of its own
    (created empty by an atomic rebuild), and delete them afterwards."""
    url = settings.TEST_ELASTICSEARCH_URL
    if not url:
        unavailable(
            "No Elasticsearch node: start one with scripts/elasticsearch.sh start and set "
            "ELASTICSEARCH_URL=http://127.0.0.1:9200"
        )
    prefix = f"harbour_test_{uuid.uuid4().hex[:10]}_"
    settings.WAGTAILSEARCH_BACKENDS = elasticsearch_backend_settings(url, prefix)
    backend = get_search_backend()
    healthy, detail = backend.check_health()
    if not healthy:
        unavailable(f"Elasticsearch at {url} is not answering: {detail}")
    # Elasticsearch only: Wagtail keeps the database index up to date as pages are saved.
    call_command("update_index", backend_name="default", verbosity=0)
    yield backend
    for index_name in backend.es.indices.get(index=f"{prefix}*", expand_wildcards="all"):
        backend.es.indices.delete(index=index_name)


def pytest_runtest_logreport(report):
    """Gather the relevance test's figures (tests/search/test_relevance.py), from whichever
    process ran it."""
    from tests.search.test_relevance import collect_figures

    collect_figures(report)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Top-1 accuracy and precision at 3 for each engine the relevance test ran on."""
    from tests.search.test_relevance import write_summary

    write_summary(terminalreporter)
