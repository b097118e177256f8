"""Signal handlers that queue Elasticsearch index updates (search.tasks).

Publishing, unpublishing and editing a page all save it, so `post_save` covers them; deleting
sends `post_delete` for the page (and each descendant); moving a page changes the tree paths
of everything below it without saving each, so `post_page_move` queues the whole subtree. An
object whose data other documents hold (a hub's location is in its services' documents) queues
those too: `search_dependents()` on its model.

Queued inside the request's transaction, as a row in the database: if the change rolls back, so
does the update, and if the change commits, the update cannot be lost."""

from django.db.models.signals import post_delete, post_save, pre_delete

from wagtail.search.index import class_is_indexed, get_indexed_models
from wagtail.signals import post_page_move

from .engines import queued_backend_names


def queue_document_sync(instance) -> None:
    if not queued_backend_names() or not class_is_indexed(type(instance)):
        return
    from .tasks import sync_search_document

    sync_search_document.enqueue(instance._meta.label_lower, str(instance.pk))


def _with_dependents(instance):
    """The instance as the model that says what depends on it: a page saved as a plain `Page`
    (some of Wagtail's actions do) is looked at as its own type."""
    from wagtail.models import Page

    if (
        isinstance(instance, Page)
        and type(instance) is Page
        and hasattr(instance.specific_class or Page, "search_dependents")
    ):
        return instance.specific_deferred
    return instance


def dependent_documents(instance) -> tuple[type, list] | None:
    """(model, pks) of the objects whose search documents hold some of this one's data:
    a service's document holds its hubs' locations, its organisation's name and its
    categories' names and codes. A model says so with a `search_dependents()` queryset;
    Elasticsearch does not follow relations, so they are updated with it."""
    instance = _with_dependents(instance)
    find = getattr(instance, "search_dependents", None)
    if find is None or instance.pk is None:
        return None
    dependents = find()
    pks = list(dependents.values_list("pk", flat=True))
    return (dependents.model, pks) if pks else None


def queue_dependents_sync(found: tuple[type, list] | None) -> None:
    if found:
        from .tasks import sync_search_documents

        model, pks = found
        args = [model._meta.label_lower, [str(pk) for pk in pks]]
        # Publishing saves a page twice (the revision, then the page): one update will do.
        if not _already_waiting(sync_search_documents, args):
            sync_search_documents.enqueue(*args)


def saved_handler_uid(model) -> str:
    """The dispatch uid of `on_saved` for a model (search.bulk_saves pauses it)."""
    return f"search-saved-{model._meta.label}"


def on_saved(sender, instance, raw: bool = False, **kwargs) -> None:
    if raw:  # loading fixtures: the data is not final yet
        return
    queue_document_sync(instance)
    queue_dependents_sync(dependent_documents(instance))


def on_deleting(sender, instance, **kwargs) -> None:
    """Before a delete, while its relations still exist: which documents will need updating."""
    instance._search_dependents = dependent_documents(instance)


def on_deleted(sender, instance, **kwargs) -> None:
    queue_document_sync(instance)
    # Queued after the delete: with a task backend that runs at once, the update must not
    # read the relations before they are gone.
    queue_dependents_sync(getattr(instance, "_search_dependents", None))


def on_page_moved(sender, instance, **kwargs) -> None:
    if not queued_backend_names():
        return
    from .tasks import sync_search_subtree

    sync_search_subtree.enqueue(str(instance.pk))


def on_synonyms_changed(sender, instance=None, **kwargs) -> None:
    """Synonyms are in the index's settings: rebuild, a little later, so that a run of edits
    costs one rebuild rather than one each."""
    if not queued_backend_names():
        return
    from datetime import timedelta

    from django.conf import settings
    from django.utils import timezone

    from .tasks import rebuild_search_index

    if _rebuild_already_waiting():
        return
    task = rebuild_search_index
    if task.get_backend().supports_defer:
        delay = timedelta(seconds=settings.SEARCH_SYNONYMS_REBUILD_DELAY_SECONDS)
        task = task.using(run_after=timezone.now() + delay)
    task.enqueue()


def _rebuild_already_waiting() -> bool:
    """A rebuild queued and not started yet will pick up this change too."""
    from .tasks import rebuild_search_index

    return _already_waiting(rebuild_search_index, [])


def _already_waiting(task, args: list) -> bool:
    """The same task with the same arguments is in the durable queue and not started yet: it
    reads the database when it runs, so it will pick up this change too."""
    from django.apps import apps

    if not apps.is_installed("django_tasks_db") or not task.get_backend().supports_defer:
        return False  # a backend that runs tasks at once, or keeps none waiting
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(
        status=TaskResultStatus.READY, task_path=task.module_path
    ).values_list("args_kwargs", flat=True)
    return any(args_kwargs.get("args", []) == args for args_kwargs in waiting)


def connect_signal_handlers() -> None:
    for model in get_indexed_models():
        if getattr(model, "search_auto_update", True):
            post_save.connect(on_saved, sender=model, dispatch_uid=saved_handler_uid(model))
            pre_delete.connect(
                on_deleting, sender=model, dispatch_uid=f"search-deleting-{model._meta.label}"
            )
            post_delete.connect(
                on_deleted, sender=model, dispatch_uid=f"search-deleted-{model._meta.label}"
            )
    post_page_move.connect(on_page_moved, dispatch_uid="search-page-moved")
    _connect_promotion_cache_handlers()
    from .models import SearchSynonym

    post_save.connect(
        on_synonyms_changed, sender=SearchSynonym, dispatch_uid="search-synonyms-saved"
    )
    post_delete.connect(
        on_synonyms_changed, sender=SearchSynonym, dispatch_uid="search-synonyms-deleted"
    )


def _connect_promotion_cache_handlers() -> None:
    """Promotions are cached (search.promotions); forget them when one changes, or when a page
    is published or unpublished (only live pages are promoted). A new search term is not a
    change: it cannot have promotions yet, and every search would otherwise clear the cache."""
    from wagtail.contrib.search_promotions.models import SearchPromotion
    from wagtail.signals import page_published, page_unpublished

    from .promotions import forget_cached_promotions

    post_save.connect(forget_cached_promotions, sender=SearchPromotion, dispatch_uid="search-promo")
    post_delete.connect(
        forget_cached_promotions, sender=SearchPromotion, dispatch_uid="search-promo-deleted"
    )
    page_published.connect(forget_cached_promotions, dispatch_uid="search-promo-published")
    page_unpublished.connect(forget_cached_promotions, dispatch_uid="search-promo-unpublished")
