"""What an editor's change invalidates, in every cache at once.

Any change the public can see starts a new content generation in Redis (website/generations.py)
and bans every site from the HTTP cache in front (website/frontend_cache.py): a page's title is
in the navigation, its summary in listings and search results, a hub's closure in the status of
every service held there, so no narrower rule would be always right. Wagtail's frontend cache
also purges a published or unpublished page's own URLs (its own signal handlers), which is what
a CDN that cannot ban gets. Both reach their cache later if it is down: they are retried by the
task worker until they land.

What counts: a page published, unpublished, moved or deleted (a draft saved is not visible);
any save or delete of a snippet, a site setting, a site, an image, a document, a redirect or a
view restriction (a restriction added to a section hides its pages, and takes them out of every
listing)."""

from django.db.models.signals import post_delete, post_save

from wagtail import signals

from . import frontend_cache, generations


def content_changed(**kwargs) -> None:
    generations.start_new_generation()
    # Once the change has committed (a ban sent before could be refilled from the old data),
    # and once per transaction (deleting a section deletes each page in it).
    generations.once_on_commit(frontend_cache.ban_every_site)


def connect_signals() -> None:
    for signal in (
        signals.page_published,
        signals.page_unpublished,
        signals.post_page_move,
        signals.published,
        signals.unpublished,
    ):
        signal.connect(content_changed, dispatch_uid=f"invalidation-{id(signal)}")
    post_save.connect(_on_save, dispatch_uid="invalidation-save")
    post_delete.connect(_on_delete, dispatch_uid="invalidation-delete")


# Saves that change nothing a visitor sees: Wagtail works out an image's or a document's size
# and hash the first time a page shows it, and saves them.
BOOKKEEPING_FIELDS = frozenset({"file_hash", "file_size"})


def _on_save(sender, update_fields=None, **kwargs) -> None:
    # Saving a page is not publishing it: the page signals above cover pages.
    if update_fields and set(update_fields) <= BOOKKEEPING_FIELDS:
        return
    if shown_on_pages(sender):
        content_changed()


def _on_delete(sender, **kwargs) -> None:
    from wagtail.models import Page

    if issubclass(sender, Page) or shown_on_pages(sender):
        content_changed()


def shown_on_pages(model) -> bool:
    """Whether a change to this model's rows can change public pages other than its own."""
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import PageViewRestriction, Site
    from wagtail.snippets.models import get_snippet_models

    shared = (
        BaseSiteSetting,
        BaseGenericSetting,
        Site,
        PageViewRestriction,
        Redirect,
        get_image_model(),
        get_document_model(),
    )
    return issubclass(model, shared) or model in get_snippet_models()
