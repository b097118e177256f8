"""Index updates deferred to the end of a bulk load (the demo council, imports).

Every save of a page or snippet updates Wagtail's reference index and the search indexes, and
a page is saved several times while it is created (the page, its revision, its publication):
loading the demo that way costs most of its time. Inside `deferred_index_updates()` those
updates are collected instead, and made once per object when the block ends: the search
indexes in bulk, per model, and the Elasticsearch queue (search.indexing) once per object,
with the objects whose documents hold data from them (`search_dependents()`).

Every bulk load runs inside it (registered with website.bulk_loads by SearchConfig.ready()).
Meant for a bulk load that runs on its own (a management command, a test fixture): the search
signal handlers are disconnected process-wide for the duration. Deletions are not deferred."""

from collections import defaultdict
from contextlib import contextmanager

from django.db.models.signals import post_save

from modelsearch.backends import get_search_backends
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import ReferenceIndex
from wagtail.search.index import get_indexed_models
from wagtail.signal_handlers import disable_reference_index_auto_update

from modelcluster.fields import ParentalKey

from .indexing import dependent_documents, on_saved, queue_document_sync, saved_handler_uid

COLLECTOR_UID = "search-bulk-saves"


@contextmanager
def deferred_index_updates():
    search_models = {
        model for model in get_indexed_models() if getattr(model, "search_auto_update", True)
    }
    to_index = defaultdict(set)  # model -> pks
    to_reference = defaultdict(set)

    def collect(sender, instance, raw=False, **kwargs):
        if raw:
            return
        if sender in search_models:
            to_index[sender].add(instance.pk)
        owner = _reference_owner(instance)
        if owner is not None and ReferenceIndex.is_indexed(type(owner)):
            to_reference[type(owner)].add(owner.pk)

    for model in search_models:
        post_save.disconnect(post_save_signal_handler, sender=model)
        post_save.disconnect(sender=model, dispatch_uid=saved_handler_uid(model))
    post_save.connect(collect, dispatch_uid=COLLECTOR_UID, weak=False)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.disconnect(dispatch_uid=COLLECTOR_UID)
        for model in search_models:
            post_save.connect(post_save_signal_handler, sender=model)
            post_save.connect(on_saved, sender=model, dispatch_uid=saved_handler_uid(model))
    _update_references(to_reference)
    _add_dependents(to_index)
    _update_search_indexes(to_index)


def _reference_owner(instance):
    """The object whose references a saved object belongs to: itself, or for an inline child
    (an opening session, a contact) the page or snippet it belongs to, as Wagtail does."""
    while True:
        parental_keys = [
            field for field in instance._meta.get_fields() if isinstance(field, ParentalKey)
        ]
        if not parental_keys:
            return instance
        instance = getattr(instance, parental_keys[0].name)
        if instance is None:
            return None


def _update_references(to_reference) -> None:
    for model, pks in to_reference.items():
        for instance in model.objects.filter(pk__in=pks):
            ReferenceIndex.create_or_update_for_object(instance)


def _add_dependents(to_index) -> None:
    """Objects whose documents hold data from a saved one (search.indexing) are updated too:
    an imported organisation's new name reaches its services' documents."""
    for model, pks in list(to_index.items()):
        if not hasattr(model, "search_dependents"):
            continue
        for instance in model.objects.filter(pk__in=pks):
            found = dependent_documents(instance)
            if found:
                dependent_model, dependent_pks = found
                to_index[dependent_model].update(dependent_pks)


def _update_search_indexes(to_index) -> None:
    backends = list(get_search_backends(with_auto_update=True))
    for model, pks in to_index.items():
        # Only the model's indexable objects (a draft page, say, is not in the index).
        objects = list(model.get_indexed_objects().filter(pk__in=pks))
        if not objects:
            continue
        for backend in backends:
            backend.add_bulk(model, objects)
        for instance in objects:
            queue_document_sync(instance)
