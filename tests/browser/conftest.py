"""Headless Chromium (Debian's package) driven by Playwright, with axe-core for accessibility.
The pages come from pytest-django's live server, in a real database."""

import os
from pathlib import Path

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connections
from django.test.utils import modify_settings

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright
from pytest_django.live_server_helper import LiveServer

from demo.loader import load_all
from tests.conftest import unavailable

# Playwright's sync API runs an event loop in the test thread; the ORM calls our fixtures make
# between page actions are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Quiet, offline, sandbox-free flags: CI runs as root, and the machine has no outside network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
WCAG_22_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


# Every browser test module sets `pytestmark = BROWSER_TEST`. The live server reads the database
# from another thread, so these tests commit, and the database is emptied after each one; the
# demo loader rebuilds Wagtail's page tree from nothing.
BROWSER_TEST = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Modules whose tests only read the demo (they look, click and search, and save nothing) set
# `pytestmark = READING_BROWSER_TEST` and ask for `reading_demo`: the demo is loaded once
# for the module rather than once a test, which is most of a browser test's time.
READING_BROWSER_TEST = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM_PATH).exists():
        unavailable(
            f"No Chromium at {CHROMIUM_PATH}: apt-get install chromium (or set CHROMIUM_PATH)"
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture
def browser_page(browser):
    """A fresh browser tab that records console errors and failed requests."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.problems = []
    page.on(
        "console",
        lambda message: (
            page.problems.append(f"console {message.type}: {message.text}")
            if message.type == "error"
            else None
        ),
    )
    page.on("pageerror", lambda error: page.problems.append(f"page error: {error}"))
    page.on(
        "requestfailed",
        lambda request: page.problems.append(f"request failed: {request.url}"),
    )
    yield page
    context.close()


@pytest.fixture
def demo_server(live_server):
    """The live server's URL, with the whole demo council loaded."""
    load_all()
    return live_server.url


@pytest.fixture(scope="session")
def reading_live_server():
    """A live server of our own for the reading modules. pytest-django's `live_server` makes
    every test that uses it transactional, emptying the database after each one; this one
    leaves the module's demo in place."""
    server = LiveServer("localhost")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def reading_demo(reading_live_server, django_db_setup, django_db_blocker):
    """The live server's URL, with the whole demo council loaded and committed once for the
    module, and the database put back as the module found it after its last test (the later
    tests on this worker expect what they would have found: Wagtail's first page and site, say).
    Each test runs in a transaction that is rolled back, so a test that wrote by mistake would
    change nothing the server shows; one that needs to write uses `demo_server`."""
    with django_db_blocker.unblock():
        found = {
            alias: connections[alias].creation.serialize_db_to_string() for alias in connections
        }
        load_all()
    with modify_settings(ALLOWED_HOSTS={"append": reading_live_server.thread.host}):
        yield reading_live_server.url
    with django_db_blocker.unblock():
        for alias, contents in found.items():
            # As Django's serialized rollback does: no post_migrate, whose content types and
            # permissions the saved contents hold already.
            call_command(
                "flush", database=alias, interactive=False, verbosity=0, inhibit_post_migrate=True
            )
            restore(connections[alias], contents)
    ContentType.objects.clear_cache()


def restore(connection, contents: str) -> None:
    """Put back what `serialize_db_to_string` saved, with the ids it had, then move each id
    sequence past them (as loaddata does), or the next row saved would reuse an id."""
    connection.creation.deserialize_db_from_string(contents)
    statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


@pytest.fixture
def axe():
    """Run axe-core on a page and fail with its report if it finds WCAG 2.2 A or AA problems."""
    engine = Axe()

    def check(page):
        results = engine.run(
            page,
            options={"runOnly": {"type": "tag", "values": WCAG_22_AA_TAGS}},
        )
        violations = results.response["violations"]
        assert not violations, results.generate_report()

    return check
