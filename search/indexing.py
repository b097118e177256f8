"""Signal handlers that queue Elasticsearch index updates (search.tasks).

Publishing, unpublishing and editing a page all save it, so `post_save` covers them; deleting
sends `post_delete` for the page (and each descendant); moving a page changes the tree paths
of everything below it without saving each, so `post_page_move` queues the whole subtree.

Queued inside the request's transaction, as a row in the database: if the change rolls back, so
does the update, and if the change commits, the update cannot be lost."""

from django.db.models.signals import post_delete, post_save

from wagtail.search.index import class_is_indexed, get_indexed_models
from wagtail.signals import post_page_move

from .engines import queued_backend_names


def queue_document_sync(instance) -> None:
    if not queued_backend_names() or not class_is_indexed(type(instance)):
        return
    from .tasks import sync_search_document

    sync_search_document.enqueue(instance._meta.label_lower, str(instance.pk))


def saved_handler_uid(model) -> str:
    """The dispatch uid of `on_saved` for a model (website.bulk_saves pauses it)."""
    return f"search-saved-{model._meta.label}"


def on_saved(sender, instance, raw: bool = False, **kwargs) -> None:
    if raw:  # loading fixtures: the data is not final yet
        return
    queue_document_sync(instance)


def on_deleted(sender, instance, **kwargs) -> None:
    queue_document_sync(instance)


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
    from django.apps import apps

    if not apps.is_installed("django_tasks_db"):
        return False
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from .tasks import rebuild_search_index

    return DBTaskResult.objects.filter(
        status=TaskResultStatus.READY, task_path=rebuild_search_index.module_path
    ).exists()


def connect_signal_handlers() -> None:
    for model in get_indexed_models():
        if getattr(model, "search_auto_update", True):
            post_save.connect(on_saved, sender=model, dispatch_uid=saved_handler_uid(model))
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
