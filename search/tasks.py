"""Durable index updates for Elasticsearch, run by the task worker (`manage.py db_worker`).

Wagtail's own index update (modelsearch's `insert_or_update_object_task`) catches and logs
Elasticsearch errors: a page published while the cluster is down would never reach it. These
tasks raise instead, and queue themselves again with a growing delay, so the change reaches
Elasticsearch once it is back, without a rebuild.

Each task reads the object's state when it runs, not when it was queued: running one twice, or
out of order, leaves the index right. Wagtail still keeps the database backend (the fallback)
up to date with its own task.

During an atomic rebuild (`update_index`: a new index is filled, then the alias moves to it),
an update goes to the index behind the alias and to the one being filled, and the task runs
once more after a delay: the rebuild may have read the object before the change and write its
stale copy after it, and the second run, after the alias has moved, puts it right."""

import contextlib
import logging
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Page
from wagtail.search.index import get_indexed_instance

from django_tasks import task
from elasticsearch import NotFoundError

from .engines import UNAVAILABLE_ERRORS, named_backend, queued_backend_names
from .retry import retry_delay_seconds

logger = logging.getLogger("search")
BULK_CHUNK = 500


class SearchIndexUnavailable(Exception):
    """Elasticsearch did not take an index update; the task is queued again (see the log)."""


def _retry_later(task_to_retry, attempt: int, *args) -> str:
    """Queue the task again after a delay, or say why not."""
    if attempt >= settings.SEARCH_INDEX_MAX_ATTEMPTS:
        logger.error(
            "Gave up on %s after %s attempts: run `manage.py update_index` once Elasticsearch "
            "answers",
            task_to_retry.name,
            attempt,
        )
        return "gave up"
    if not task_to_retry.get_backend().supports_defer:
        # The in-process backend (tests, or a misconfigured site) cannot wait: nothing queued.
        return "not queued again: the task backend cannot defer"
    delay = retry_delay_seconds(
        attempt,
        settings.SEARCH_INDEX_RETRY_FIRST_DELAY_SECONDS,
        settings.SEARCH_INDEX_RETRY_MAX_DELAY_SECONDS,
    )
    task_to_retry.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue(
        *args, attempt=attempt + 1
    )
    return f"queued again to run in {delay:g} seconds"


def _delete_document(backend, index_name: str, pk: str) -> None:
    with contextlib.suppress(NotFoundError):  # never indexed, or already gone
        backend.es.delete(index=index_name, id=str(pk))


def _indexes_being_rebuilt(backend, model) -> list:
    find = getattr(backend, "indexes_being_rebuilt", None)
    return find(model) if find else []


@task()
def sync_search_document(model_label: str, pk: str, attempt: int = 1) -> str:
    """Make Elasticsearch's document for one object match the database: index it if it exists
    (and is indexable), delete it otherwise."""
    backend_names = queued_backend_names()
    if not backend_names:
        return "no Elasticsearch backend configured"
    model = apps.get_model(model_label)
    obj = model._default_manager.filter(pk=pk).first()
    indexed = get_indexed_instance(obj) if obj is not None else None
    rebuilding = False
    try:
        for name in backend_names:
            backend = named_backend(name)
            being_rebuilt = _indexes_being_rebuilt(backend, model)
            rebuilding = rebuilding or bool(being_rebuilt)
            if indexed is not None:
                backend.add(indexed)
                for index in being_rebuilt:
                    index.add_item(indexed)
            else:
                for index_name in [backend.get_index_for_model(model).name] + [
                    index.name for index in being_rebuilt
                ]:
                    _delete_document(backend, index_name, pk)
    except UNAVAILABLE_ERRORS as error:
        outcome = _retry_later(sync_search_document, attempt, model_label, pk)
        raise SearchIndexUnavailable(
            f"{model_label} {pk}, attempt {attempt}: {type(error).__name__}; {outcome}"
        ) from error
    done = "indexed" if indexed is not None else "removed"
    if rebuilding:
        outcome = _retry_later(sync_search_document, attempt, model_label, pk)
        return f"{done}, in the index being rebuilt too; {outcome}"
    return done


@task()
def sync_search_subtree(page_pk: str, attempt: int = 1) -> str:
    """A moved page and everything below it: their tree paths changed, and Wagtail updates the
    descendants' rows without saving them one by one (so no save signal reaches us)."""
    backend_names = queued_backend_names()
    if not backend_names:
        return "no Elasticsearch backend configured"
    page = Page.objects.filter(pk=page_pk).first()
    if page is None:
        return "page no longer exists"
    by_model: dict[type, list] = {}
    for specific in (
        Page.objects.descendant_of(page, inclusive=True).specific().iterator(chunk_size=BULK_CHUNK)
    ):
        by_model.setdefault(type(specific), []).append(specific)
    count = sum(len(pages) for pages in by_model.values())
    rebuilding = False
    try:
        for name in backend_names:
            backend = named_backend(name)
            being_rebuilt = _indexes_being_rebuilt(backend, Page)
            rebuilding = rebuilding or bool(being_rebuilt)
            for model, pages in by_model.items():
                for start in range(0, len(pages), BULK_CHUNK):
                    chunk = pages[start : start + BULK_CHUNK]
                    backend.add_bulk(model, chunk)
                    for index in being_rebuilt:
                        index.add_items(model, chunk)
    except UNAVAILABLE_ERRORS as error:
        outcome = _retry_later(sync_search_subtree, attempt, page_pk)
        raise SearchIndexUnavailable(
            f"page {page_pk} and its {count - 1} descendants, attempt {attempt}: "
            f"{type(error).__name__}; {outcome}"
        ) from error
    if rebuilding:
        outcome = _retry_later(sync_search_subtree, attempt, page_pk)
        return f"indexed {count} pages, in the index being rebuilt too; {outcome}"
    return f"indexed {count} pages"


@task()
def rebuild_search_index(attempt: int = 1) -> str:
    """A full, atomic rebuild of each Elasticsearch backend: how new synonyms reach the index
    (they are part of the index's settings)."""
    backend_names = queued_backend_names()
    try:
        for name in backend_names:
            call_command("update_index", backend_name=name, verbosity=0)
    except UNAVAILABLE_ERRORS as error:
        outcome = _retry_later(rebuild_search_index, attempt)
        raise SearchIndexUnavailable(
            f"rebuild, attempt {attempt}: {type(error).__name__}; {outcome}"
        ) from error
    return f"rebuilt {', '.join(backend_names) or 'nothing (no Elasticsearch backend)'}"
