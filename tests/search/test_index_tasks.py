"""The index tasks and what queues them, without an Elasticsearch node: Elasticsearch is
configured at a closed port, and tasks go to the durable (database) queue."""

import logging
from datetime import timedelta

from django.utils import timezone

from wagtail.models import Page

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from demo.site import StandardPage, ensure_child_page
from search.tasks import SearchIndexUnavailable, sync_search_document
from tests.conftest import elasticsearch_backend_settings
from tests.website.test_health import closed_port

pytestmark = pytest.mark.django_db


@pytest.fixture
def durable_queue(settings, site):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.WAGTAILSEARCH_BACKENDS = elasticsearch_backend_settings(
        f"http://127.0.0.1:{closed_port()}", "harbour_down_", timeout=1
    )
    DBTaskResult.objects.all().delete()


def queued(task_name: str) -> list[DBTaskResult]:
    return list(
        DBTaskResult.objects.filter(
            task_path=f"search.tasks.{task_name}", status=TaskResultStatus.READY
        ).order_by("enqueued_at")
    )


def test_saving_a_page_queues_its_index_update(durable_queue, home_page):
    page, _ = ensure_child_page(home_page, StandardPage(title="Toy library", slug="toy-library"))

    args = [task.args_kwargs["args"] for task in queued("sync_search_document")]
    assert ["website.standardpage", str(page.pk)] in args


def test_deleting_a_page_queues_its_removal(durable_queue):
    privacy = Page.objects.get(slug="privacy")
    DBTaskResult.objects.all().delete()

    privacy.delete()

    args = [task.args_kwargs["args"] for task in queued("sync_search_document")]
    assert ["website.standardpage", str(privacy.pk)] in args


def test_moving_a_page_queues_its_subtree(durable_queue):
    contact = Page.objects.get(slug="contact-us")
    DBTaskResult.objects.all().delete()

    contact.move(Page.objects.get(slug="about-family-hubs"), pos="last-child")

    assert [task.args_kwargs["args"] for task in queued("sync_search_subtree")] == [
        [str(contact.pk)]
    ]


def test_nothing_of_ours_is_queued_without_elasticsearch(settings, home_page):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    ensure_child_page(home_page, StandardPage(title="Toy library", slug="toy-library"))

    assert queued("sync_search_document") == []


def test_a_failed_update_raises_and_queues_itself_again_later(durable_queue):
    privacy = Page.objects.get(slug="privacy")
    DBTaskResult.objects.all().delete()

    with pytest.raises(SearchIndexUnavailable, match="ConnectionError"):
        sync_search_document.call("wagtailcore.page", str(privacy.pk), attempt=3)

    [retry] = queued("sync_search_document")
    assert retry.args_kwargs == {
        "args": ["wagtailcore.page", str(privacy.pk)],
        "kwargs": {"attempt": 4},
    }
    expected = timezone.now() + timedelta(seconds=40)  # 10 s doubled after attempts 1 and 2
    assert abs((retry.run_after - expected).total_seconds()) < 5


def test_after_the_last_attempt_it_gives_up_and_says_so(durable_queue, settings, caplog):
    settings.SEARCH_INDEX_MAX_ATTEMPTS = 5
    DBTaskResult.objects.all().delete()

    with caplog.at_level(logging.ERROR), pytest.raises(SearchIndexUnavailable, match="gave up"):
        sync_search_document.call("wagtailcore.page", "1", attempt=5)

    assert queued("sync_search_document") == []
    assert "update_index" in caplog.text
