"""Publishing, unpublishing, moving and deleting pages reach Elasticsearch through the task
queue; with the durable (database) queue they survive Elasticsearch being down."""

import io
from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Page, Site

import pytest
import time_machine
from django_tasks import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from demo import site as site_content
from search.engines import elasticsearch_backend
from tests.conftest import elasticsearch_backend_settings, unavailable
from tests.search.test_page_search import publish_standard_page_in_admin
from tests.search.test_search_page import result_titles, soup
from tests.website.test_health import closed_port

pytestmark = [pytest.mark.django_db, pytest.mark.elasticsearch]


def document(backend, page) -> dict | None:
    """The page's document in Elasticsearch, or None."""
    backend.refresh_indexes()
    index = backend.get_index_for_model(Page).name
    found = backend.es.options(ignore_status=404).get(index=index, id=str(page.pk))
    return found["_source"] if found.get("found") else None


def elasticsearch_titles(client, query: str) -> list[str]:
    response = client.get("/search/", {"q": query})
    assert not soup(response).select(".search-notice"), "answered by Elasticsearch"
    return result_titles(response)


def test_publishing_in_the_admin_reaches_elasticsearch(admin_client, home_page, elasticsearch):
    page = publish_standard_page_in_admin(
        admin_client, home_page, "Toddler swimming", "toddler-swimming", "Splash sessions"
    )

    assert document(elasticsearch, page)["title"] == "Toddler swimming"
    assert elasticsearch_titles(admin_client, "toddler swimming") == ["Toddler swimming"]


def test_unpublishing_removes_the_page_from_results(client, home_page, elasticsearch):
    privacy = Page.objects.get(slug="privacy")
    assert elasticsearch_titles(client, "privacy notice")[0] == "Privacy notice"

    privacy.unpublish()

    assert document(elasticsearch, privacy)["live_filter"] is False
    assert "Privacy notice" not in elasticsearch_titles(client, "privacy notice")


def test_moving_a_page_moves_it_and_its_children_in_the_index(home_page, elasticsearch):
    about = Page.objects.get(slug="about-family-hubs")
    contact = Page.objects.get(slug="contact-us").specific
    child = site_content.ensure_child_page(
        contact, site_content.StandardPage(title="Opening hours", slug="opening-hours")
    )[0]

    def found_under_about() -> list[str]:
        elasticsearch.refresh_indexes()
        return [page.title for page in Page.objects.descendant_of(about).search("opening hours")]

    assert "Opening hours" not in found_under_about()

    contact.move(about, pos="last-child")

    contact.refresh_from_db()
    child.refresh_from_db()
    assert document(elasticsearch, contact)["path_filter"] == contact.path
    assert document(elasticsearch, child)["path_filter"] == child.path
    assert "Opening hours" in found_under_about()


def test_deleting_a_page_deletes_its_document(home_page, elasticsearch):
    contact = Page.objects.get(slug="contact-us").specific
    child = site_content.ensure_child_page(
        contact, site_content.StandardPage(title="Opening hours", slug="opening-hours")
    )[0]
    assert document(elasticsearch, child) is not None

    contact.delete()

    assert document(elasticsearch, contact) is None
    assert document(elasticsearch, child) is None


def run_worker() -> None:
    """`manage.py db_worker --batch`, in this process: run every task that is due, then stop."""
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    ).run()


def sync_tasks(status) -> list[DBTaskResult]:
    return list(
        DBTaskResult.objects.filter(
            status=status, task_path="search.tasks.sync_search_document"
        ).order_by("enqueued_at")
    )


@pytest.mark.django_db(transaction=True)
def test_a_page_published_while_elasticsearch_is_down_reaches_it_when_it_is_back(
    settings, client, django_user_model
):
    """The durable queue, end to end: the database task backend and its real worker, the real
    Elasticsearch node, first unreachable, then back."""
    url = settings.TEST_ELASTICSEARCH_URL
    if not url:
        unavailable("No Elasticsearch node: set ELASTICSEARCH_URL (see README)")
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    call_command("load_demo", stdout=io.StringIO())
    home = Site.objects.get(is_default_site=True).root_page
    run_worker()  # Wagtail's own database index updates for the demo pages
    working = elasticsearch_backend_settings(
        url, f"harbour_test_durable_{timezone.now():%H%M%S%f}_"
    )
    settings.WAGTAILSEARCH_BACKENDS = working
    call_command("update_index", backend_name="default", verbosity=0)
    try:
        # Elasticsearch goes away.
        settings.WAGTAILSEARCH_BACKENDS = elasticsearch_backend_settings(
            f"http://127.0.0.1:{closed_port()}", working["default"]["INDEX_PREFIX"], timeout=1
        )
        admin = django_user_model.objects.create_superuser("editor", "e@example.com", "pw")
        client.force_login(admin)
        publish_standard_page_in_admin(
            client, home, "Toddler swimming", "toddler-swimming", "Splash sessions"
        )
        run_worker()

        failed = sync_tasks(TaskResultStatus.FAILED)
        waiting = sync_tasks(TaskResultStatus.READY)
        assert failed and all(
            "SearchIndexUnavailable" in task.exception_class_path for task in failed
        )
        assert waiting and all(task.run_after > timezone.now() for task in waiting)
        # Meanwhile, search answers from the database, and finds the new page.
        response = client.get("/search/", {"q": "toddler swimming"})
        assert result_titles(response) == ["Toddler swimming"]
        assert soup(response).select(".search-notice")

        # Elasticsearch is back: it has not heard of the page yet.
        settings.WAGTAILSEARCH_BACKENDS = working
        backend = elasticsearch_backend()
        assert document(backend, Page.objects.get(slug="toddler-swimming")) is None

        # The retries fall due; the worker runs them.
        with time_machine.travel(timezone.now() + timedelta(minutes=15)):
            run_worker()
            assert sync_tasks(TaskResultStatus.READY) == []

        assert document(backend, Page.objects.get(slug="toddler-swimming"))["title"] == (
            "Toddler swimming"
        )
        response = client.get("/search/", {"q": "toddler swimming"})
        assert result_titles(response) == ["Toddler swimming"]
        assert not soup(response).select(".search-notice")
    finally:
        backend = elasticsearch_backend()
        prefix = working["default"]["INDEX_PREFIX"]
        for name in backend.es.indices.get(index=f"{prefix}*", expand_wildcards="all"):
            backend.es.indices.delete(index=name)
