"""Fault drill: pages published or unpublished while `update_index` rebuilds Elasticsearch.

An atomic rebuild fills a new index from the database, then moves the alias to it and deletes
the old one. A change made in between used to reach only the old index, and vanish with it.
The rebuild runs in a thread, on the real Elasticsearch node, and a hook pauses it at a known
point (the rebuild's own code, not Elasticsearch, is paused: nothing is mocked) while pages
change and the real task worker runs; then it finishes, and the index must have every change."""

import threading
from datetime import timedelta

from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from wagtail.models import Page

import pytest
import time_machine
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from demo import site as site_content
from search.backends.elasticsearch import HarbourAtomicIndexRebuilder, HarbourIndex
from tests.faults.search_index import document, run_worker

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db(transaction=True)]

WAIT_SECONDS = 120


class PausedRebuild:
    """`update_index` in a thread, held at one point until `resume()`."""

    def __init__(self):
        self.paused = threading.Event()
        self.resumed = threading.Event()
        self.errors: list[BaseException] = []
        self.thread = threading.Thread(target=self._run)

    def hold_here(self) -> None:
        """Called by the hooked method, in the rebuild's thread only."""
        if threading.current_thread() is self.thread and not self.paused.is_set():
            self.paused.set()
            assert self.resumed.wait(WAIT_SECONDS), "the test never resumed the rebuild"

    def _run(self) -> None:
        try:
            call_command("update_index", backend_name="default", verbosity=0)
        except BaseException as error:  # reported by the test's thread
            self.errors.append(error)
        finally:
            connection.close()
            self.paused.set()  # never leave the test waiting

    def start(self) -> None:
        self.thread.start()
        assert self.paused.wait(WAIT_SECONDS), "the rebuild never reached the pause"
        assert not self.errors, self.errors

    def finish(self) -> None:
        self.resumed.set()
        self.thread.join(WAIT_SECONDS)
        assert not self.thread.is_alive(), "the rebuild did not finish"
        assert not self.errors, self.errors


@pytest.fixture
def rebuild(elasticsearch, settings, monkeypatch):
    site_content.load()  # in-process tasks: indexed in Elasticsearch as pages are saved
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    return PausedRebuild()


def pause_before(monkeypatch, cls, method_name: str, rebuild: PausedRebuild, when=None) -> None:
    """Hold the rebuild when it calls `cls.method_name` (with arguments `when` accepts)."""
    original = getattr(cls, method_name)

    def paused(self, *args, **kwargs):
        if when is None or when(*args, **kwargs):
            rebuild.hold_here()
        return original(self, *args, **kwargs)

    monkeypatch.setattr(cls, method_name, paused)


def run_every_retry() -> None:
    """Run the worker now and once the re-queued updates fall due."""
    run_worker()
    with time_machine.travel(timezone.now() + timedelta(minutes=15)):
        run_worker()
        waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
        assert not waiting.exists(), list(waiting.values_list("task_path", flat=True))


def test_a_page_published_before_the_alias_moves_is_in_the_new_index(
    elasticsearch, rebuild, monkeypatch
):
    """The rebuild has copied every page and is about to swap the alias."""
    pause_before(monkeypatch, HarbourAtomicIndexRebuilder, "finish", rebuild)
    home = site_content.HomePage.objects.get()
    rebuild.start()

    page, _ = site_content.ensure_child_page(
        home, site_content.StandardPage(title="Toddler swimming", slug="toddler-swimming")
    )
    run_worker()  # the page's update runs while the rebuild is paused

    rebuild.finish()
    assert document(elasticsearch, page)["title"] == "Toddler swimming", "lost in the swap"

    run_every_retry()
    assert document(elasticsearch, page)["title"] == "Toddler swimming"


def test_a_page_unpublished_while_the_rebuild_holds_a_stale_copy_ends_up_unpublished(
    elasticsearch, rebuild, monkeypatch
):
    """The rebuild has read the pages (the privacy page still live) but not written them: its
    stale copy lands in the new index after the unpublish's update has run."""
    privacy = Page.objects.get(slug="privacy")

    def holds_privacy(model, items):
        return any(item.pk == privacy.pk for item in items)

    pause_before(monkeypatch, HarbourIndex, "add_items", rebuild, when=holds_privacy)
    rebuild.start()

    privacy.unpublish()
    run_worker()

    rebuild.finish()
    run_every_retry()
    assert document(elasticsearch, privacy)["live_filter"] is False
