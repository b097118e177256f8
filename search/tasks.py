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

from modelsearch.backends import get_search_backends
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


def _sync_documents(model_label: str, pks: list[str], backends) -> tuple[int, int, bool]:
    """Make each object's document match the database in these backends: index the ones that
    exist and are indexable; in Elasticsearch, delete the others' documents.
    Returns (indexed, removed, an index is being rebuilt)."""
    model = apps.get_model(model_label)
    indexed = []
    for obj in model._default_manager.filter(pk__in=pks):
        instance = get_indexed_instance(obj)
        if instance is not None:
            indexed.append(instance)
    kept = {str(instance.pk) for instance in indexed}
    removed = [pk for pk in pks if str(pk) not in kept]
    # By type: a page may be indexed as a more specific model than it was queued as.
    by_model: dict[type, list] = {}
    for instance in indexed:
        by_model.setdefault(type(instance), []).append(instance)
    rebuilding = False
    for backend in backends:
        being_rebuilt = _indexes_being_rebuilt(backend, model)
        rebuilding = rebuilding or bool(being_rebuilt)
        for indexed_model, instances in by_model.items():
            backend.add_bulk(indexed_model, instances)
            for index in being_rebuilt:
                index.add_items(indexed_model, instances)
        if not hasattr(backend, "es"):
            continue  # the database backend: Wagtail removes what it no longer indexes
        index_names = [backend.get_index_for_model(model).name]
        index_names += [index.name for index in being_rebuilt]
        for pk in removed:
            for index_name in index_names:
                _delete_document(backend, index_name, pk)
    return len(indexed), len(removed), rebuilding


def _queued_backends() -> list:
    return [named_backend(name) for name in queued_backend_names()]


@task()
def sync_search_document(model_label: str, pk: str, attempt: int = 1) -> str:
    """Make Elasticsearch's document for one object match the database: index it if it exists
    (and is indexable), delete it otherwise."""
    if not queued_backend_names():
        return "no Elasticsearch backend configured"
    try:
        indexed, _, rebuilding = _sync_documents(model_label, [pk], _queued_backends())
    except UNAVAILABLE_ERRORS as error:
        outcome = _retry_later(sync_search_document, attempt, model_label, pk)
        raise SearchIndexUnavailable(
            f"{model_label} {pk}, attempt {attempt}: {type(error).__name__}; {outcome}"
        ) from error
    done = "indexed" if indexed else "removed"
    if rebuilding:
        outcome = _retry_later(sync_search_document, attempt, model_label, pk)
        return f"{done}, in the index being rebuilt too; {outcome}"
    return done


@task()
def sync_search_documents(model_label: str, pks: list[str], attempt: int = 1) -> str:
    """The same for many objects of one model, in bulk: the documents that hold data from an
    object that changed (search.indexing.dependent_documents), such as a hub's services. In
    every backend: Wagtail updates the database index for the object that changed, not for
    the objects that hold its data."""
    # The database backend first: it is there even while Elasticsearch is not.
    backends = [*get_search_backends(with_auto_update=True), *_queued_backends()]
    try:
        indexed, removed, rebuilding = _sync_documents(model_label, pks, backends)
    except UNAVAILABLE_ERRORS as error:
        outcome = _retry_later(sync_search_documents, attempt, model_label, pks)
        raise SearchIndexUnavailable(
            f"{len(pks)} of {model_label}, attempt {attempt}: {type(error).__name__}; {outcome}"
        ) from error
    done = f"indexed {indexed}, removed {removed}"
    if rebuilding:
        outcome = _retry_later(sync_search_documents, attempt, model_label, pks)
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
