"""Fault drill: Elasticsearch stops mid-run and comes back.

The site is served over HTTP (tests/faults/server.py) and reaches the real Elasticsearch node
through a TCP proxy (tests/faults/proxy.py); cutting the proxy refuses every connection, as a
stopped node does, and the shared node itself is never stopped. Index updates go through the
durable task queue (django_tasks_db) and its real worker.

While it is down: every page and every search still answers (search from the database, saying
so), never a 5xx, and /healthz/ says "degraded". Pages published, unpublished and edited
meanwhile are searchable at once (from the database); their Elasticsearch updates fail, stay
queued, and arrive once it is back: nothing is lost, without a rebuild."""

import uuid
from datetime import timedelta

from django.conf import settings as django_settings
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Page

import pytest
import time_machine
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from demo import site as site_content
from search.engines import elasticsearch_backend, reset_fallback_state
from tests.conftest import unavailable
from tests.faults.proxy import CuttableProxy
from tests.faults.search_index import (
    delete_indexes,
    document,
    host_and_port,
    result_titles,
    run_worker,
    settings_through,
)
from tests.faults.server import SiteServer

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db(transaction=True)]

PUBLIC_PAGES = ["/", "/about-family-hubs/", "/contact-us/", "/no-such-page/"]
FELL_BACK = "results may be less complete"
# A refused connection fails at once; this bounds a whole page.
FAST_SECONDS = 3.0


@pytest.fixture
def elasticsearch_behind_proxy(settings):
    url = django_settings.TEST_ELASTICSEARCH_URL
    if not url:
        unavailable("No Elasticsearch node: set ELASTICSEARCH_URL (see README)")
    proxy = CuttableProxy(*host_and_port(url)).start()
    prefix = f"harbour_drill_{uuid.uuid4().hex[:8]}_"
    settings.WAGTAILSEARCH_BACKENDS = settings_through(proxy.port, prefix)
    try:
        yield proxy
    finally:
        proxy.restore()
        delete_indexes(elasticsearch_backend(), prefix)
        proxy.close()


def sync_tasks(status) -> list[DBTaskResult]:
    return list(
        DBTaskResult.objects.filter(status=status, task_path__startswith="search.tasks.sync_")
    )


def test_elasticsearch_down_then_back_loses_nothing(elasticsearch_behind_proxy, settings):
    site_content.load()  # in-process tasks: the database index is filled as pages are saved
    call_command("update_index", backend_name="default", verbosity=0)
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    backend = elasticsearch_backend()
    home = site_content.HomePage.objects.get()

    with SiteServer() as site:
        answer = site.get("/search/?q=privacy+notice")
        assert answer.status == 200 and FELL_BACK not in answer.body
        assert result_titles(answer.body)[0] == "Privacy notice"

        elasticsearch_behind_proxy.cut()

        # Everything answers, search from the database, and says so; nothing is a 5xx.
        for path in PUBLIC_PAGES:
            answer = site.get(path)
            assert answer.status in {200, 404}, f"{path} gave {answer.status}"
            assert answer.seconds < FAST_SECONDS
        answer = site.get("/search/?q=privacy+notice")
        assert answer.status == 200
        assert FELL_BACK in answer.body
        assert result_titles(answer.body)[0] == "Privacy notice"
        suggest = site.get("/search/suggest/?q=priv")
        assert suggest.status == 200 and '"degraded": true' in suggest.body
        health = site.get("/healthz/")
        assert health.status == 503
        assert '"status": "degraded"' in health.body
        assert site.get("/healthz/live/").status == 200, "load balancers keep it in rotation"

        # Editors carry on: publish, unpublish, edit.
        new_page, _ = site_content.ensure_child_page(
            home, site_content.StandardPage(title="Toddler swimming", slug="toddler-swimming")
        )
        privacy = Page.objects.get(slug="privacy")
        privacy.unpublish()
        contact = Page.objects.get(slug="contact-us").specific
        contact.title = "Contact the family hubs team"
        contact.save_revision().publish()

        run_worker()
        failed = sync_tasks(TaskResultStatus.FAILED)
        waiting = sync_tasks(TaskResultStatus.READY)
        assert failed and all("SearchIndexUnavailable" in t.exception_class_path for t in failed)
        assert len(waiting) == len(failed), "each failed update is queued again"
        assert all(task.run_after > timezone.now() for task in waiting)
        # The database answers searches with the changes already.
        assert result_titles(site.get("/search/?q=toddler+swimming").body) == ["Toddler swimming"]
        assert "Privacy notice" not in result_titles(site.get("/search/?q=privacy+notice").body)

        elasticsearch_behind_proxy.restore()
        # Back, but it has not heard of the changes yet.
        assert document(backend, new_page) is None
        assert document(backend, contact)["title"] == "Contact us"

        # The retries fall due; the worker runs them.
        with time_machine.travel(timezone.now() + timedelta(minutes=15)):
            run_worker()
            assert sync_tasks(TaskResultStatus.READY) == []

        assert document(backend, new_page)["title"] == "Toddler swimming"
        assert document(backend, privacy)["live_filter"] is False
        assert document(backend, contact)["title"] == "Contact the family hubs team"

        # Searches go to Elasticsearch again once the fallback period is over (30 seconds
        # in production; forgotten here rather than waited for).
        reset_fallback_state()
        answer = site.get("/search/?q=toddler+swimming")
        assert FELL_BACK not in answer.body
        assert result_titles(answer.body) == ["Toddler swimming"]
        answer = site.get("/search/?q=privacy+notice")
        assert FELL_BACK not in answer.body
        assert "Privacy notice" not in result_titles(answer.body)
        assert "Contact the family hubs team" in result_titles(
            site.get("/search/?q=family+hubs+team").body
        )
        health = site.get("/healthz/")
        assert health.status == 200 and '"status": "ok"' in health.body
