"""A page cache for anonymous visitors, in Django's cache (Redis in production, by REDIS_URL).

A press release shared widely, or a snow-day closure everyone checks, is the same HTML for every
anonymous visitor: serve it from the cache. A publish must show at once, and a listing shows
other pages' content (the news index shows its releases, the hub index its hubs), so instead of
working out which cached URLs a change touches, every cached page is kept with a "generation"
number, read with it in one round trip, and any publish, unpublish, move or delete of a page,
and any change to a snippet, site setting or view restriction, starts a new generation. That is
Wagtail's "purge on publish" for a cache inside the site; a CDN in front is purged through
wagtail.contrib.frontend_cache. The same generation keys the data every page shares
(website/content_cache.py).

What is never cached: anything but GET and HEAD; requests from signed-in users (or any request
carrying a session); requests carrying what people type (a search query, a postcode), which
must not sit in a shared cache; responses that set cookies; responses that say private,
no-store or no-cache; and anything but 200."""

import functools
import hashlib
import logging
import time
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.core.signals import setting_changed
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"
CACHE_HEADER = "X-Page-Cache"
# In every page's key: a release that changes what an entry holds (its headers, say) raises
# it, so that no page kept by the release before is served after it.
ENTRY_FORMAT = 3
# The cache is the outermost middleware, so a page is kept with every header the site sent it
# with (the security headers among them) but these, which belong to one response.
PER_RESPONSE_HEADERS = frozenset({"content-length", "set-cookie", "date", CACHE_HEADER.lower()})
# Settings that the kept headers come from: a change to any of them names other entries, so it
# applies to every page as soon as the servers restart with it.
HEADER_SETTINGS = (
    "CONTENT_SECURITY_POLICY",
    "CONTENT_SECURITY_POLICY_REPORT_ONLY",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "SECURE_SSL_REDIRECT",
    "PERMISSIONS_POLICY",
    "X_FRAME_OPTIONS",
    "PAGE_CACHE_BROWSER_SECONDS",
)


def cache():
    return caches[settings.PAGE_CACHE_ALIAS]


class RequestGeneration:
    """The generation the current request last read. Shared content that the request reads again
    can then come from this process's own copy (website/content_cache.py), without a round trip
    to the cache, as long as that copy was made in the same generation."""

    __slots__ = ("value",)

    def __init__(self):
        self.value: int | None = None


_request_generation: ContextVar[RequestGeneration | None] = ContextVar(
    "harbour_request_generation", default=None
)


def request_generation() -> int | None:
    """The generation this request has read so far; None outside a request (a management
    command, the task worker) or before its first read."""
    scope = _request_generation.get()
    return scope.value if scope is not None else None


def _note_generation(generation: int | None) -> None:
    scope = _request_generation.get()
    if scope is not None:
        scope.value = generation


class RequestGenerationMiddleware:
    """Gives each request its own RequestGeneration. Before the page cache, whose lookup is
    usually the request's first read of the generation."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _request_generation.set(RequestGeneration())
        try:
            return self.get_response(request)
        finally:
            _request_generation.reset(token)


def unused_generation() -> int:
    """A generation number not used before, for a cache that has lost its own (emptied, evicted
    or restarted). Not 1: a process may still hold copies made in an earlier generation 1
    (website/content_cache.py), and they must not look current."""
    return time.time_ns() // 1000


def current_generation() -> int:
    generation = cache().get(GENERATION_KEY)
    if generation is None:
        cache().add(GENERATION_KEY, unused_generation(), timeout=None)
        generation = cache().get(GENERATION_KEY)
        if generation is None:  # evicted again at once: the cache keeps nothing
            generation = unused_generation()
    _note_generation(generation)
    return generation


def lookup(key: str, missing=None) -> tuple[int, object]:
    """(the current generation, what is kept under `key` for it, or `missing`), in one round
    trip to the cache: an entry holds the generation it was made in, and one made before the
    last purge is ignored (and overwritten by the next `keep`)."""
    generation, values = lookup_many([key], missing)
    return generation, values[key]


def lookup_many(keys: list[str], missing=None) -> tuple[int, dict[str, object]]:
    """As `lookup`, for several keys in the same round trip."""
    found = cache().get_many([GENERATION_KEY, *keys])
    generation = found.get(GENERATION_KEY)
    if generation is None:
        return current_generation(), dict.fromkeys(keys, missing)
    _note_generation(generation)
    values = {}
    for key in keys:
        kept = found.get(key)
        current = isinstance(kept, tuple) and len(kept) == 2 and kept[0] == generation
        values[key] = kept[1] if current else missing
    return generation, values


def keep(key: str, generation: int, value, timeout: int) -> None:
    """Keep `value` under `key` for this generation (the one `lookup` said was current)."""
    cache().set(key, (generation, value), timeout)


def keep_many(values: dict[str, object], generation: int, timeout: int) -> None:
    """As `keep`, for several keys in one round trip."""
    cache().set_many({key: (generation, value) for key, value in values.items()}, timeout)


def purge_all(**kwargs) -> None:
    """Start a new generation: every page (and every piece of shared data, website.content_cache)
    cached so far is stale from now on."""
    next_generation()
    # The change is only seen by other requests once its transaction commits: one rendered in
    # between would keep the old content under the new generation. A second new generation on
    # commit leaves it behind. (Rolled back, there is nothing to leave behind.)
    transaction.on_commit(next_generation)


def next_generation() -> None:
    try:
        cache().incr(GENERATION_KEY)
    except ValueError:
        cache().set(GENERATION_KEY, unused_generation(), timeout=None)
    # What this request read before the change is not current any more: read the generation
    # afresh with the next lookup.
    _note_generation(None)
    logger.debug("page cache purged")


def cache_key(request: HttpRequest) -> str:
    url = request.build_absolute_uri()
    digest = hashlib.sha256(f"{header_settings_digest()}\n{url}".encode("utf-8", "surrogateescape"))
    return f"page-cache:{ENTRY_FORMAT}:{request.method}:{digest.hexdigest()}"


@functools.cache
def header_settings_digest() -> str:
    """A digest of HEADER_SETTINGS, worked out once a process (or when a test changes one)."""
    values = repr([getattr(settings, name, None) for name in HEADER_SETTINGS])
    return hashlib.sha256(values.encode()).hexdigest()


def _forget_header_settings_digest(setting: str, **kwargs) -> None:
    if setting in HEADER_SETTINGS:
        header_settings_digest.cache_clear()


setting_changed.connect(_forget_header_settings_digest, dispatch_uid="page-cache-header-settings")


def request_is_cacheable(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    # Static files are WhiteNoise's, after this cache: not worth a round trip to look for.
    if settings.STATIC_URL and request.path_info.startswith(settings.STATIC_URL):
        return False
    # What a member of the public typed: rendered for that person and never kept (privacy:
    # postcodes are not stored anywhere).
    if set(settings.PRIVATE_QUERY_PARAMETERS).intersection(request.GET):
        return False
    # Signing in starts a session: its cookie is what keeps signed-in editors out (this runs
    # before AuthenticationMiddleware, so there is no request.user to ask yet).
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


def response_is_cacheable(response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    control = response.get("Cache-Control", "").lower()
    # "Vary: Cookie" alone does not stop a page being kept: SessionMiddleware adds it whenever a
    # page reads the session, which for a visitor without a session cookie (the only ones this
    # cache serves) is empty, so the page is the same for all of them. A page whose content
    # does depend on a cookie, a form with a CSRF token, sets that cookie: refused above.
    return not any(word in control for word in ("private", "no-store", "no-cache"))


def look_up(request: HttpRequest) -> tuple[str, int, object] | None:
    """(key, generation, the kept page or None) for a request the cache may answer; None for
    one it may not, or cannot: an unknown host (Django answers it with a 400) or a cache server
    that is down (Django renders the page)."""
    if not settings.PAGE_CACHE_SECONDS or not request_is_cacheable(request):
        return None
    try:
        key = cache_key(request)
    except DisallowedHost:
        return None
    try:
        generation, kept = lookup(key)
    except Exception:  # a cache server that is down must not take the site down
        logger.warning("page cache unavailable", exc_info=True)
        return None
    return key, generation, kept


class AnonymousPageCacheMiddleware:
    """Serves cached pages to anonymous visitors. First in MIDDLEWARE (after
    RequestGenerationMiddleware): a page is kept with every header the middleware after it set,
    and a visitor with a session cookie is never served from the cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        found = look_up(request)
        if found is None:
            return self.get_response(request)
        key, generation, kept = found
        if kept is not None:
            content, headers = kept
            return HttpResponse(content, headers=served_headers(content, headers))

        response = self.get_response(request)
        if response_is_cacheable(response):
            patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_BROWSER_SECONDS)
            headers = {
                name: value
                for name, value in response.items()
                if name.lower() not in PER_RESPONSE_HEADERS
            }
            try:
                keep(key, generation, (response.content, headers), settings.PAGE_CACHE_SECONDS)
            except Exception:
                logger.warning("page cache unavailable", exc_info=True)
            response[CACHE_HEADER] = "miss"
        return response


def served_headers(content: bytes, kept: dict[str, str]) -> dict[str, str]:
    return {**kept, "Content-Length": str(len(content)), CACHE_HEADER: "hit"}


def purge_when_content_changes() -> None:
    """Connect purge_all to every change the public can see. Pages: publish, unpublish, move,
    delete (a draft saved is not visible, so it does not purge). Snippets, site settings, images,
    documents, sites and view restrictions: any save or delete, as any page may show them."""
    from django.db.models.signals import post_delete, post_save

    from wagtail import signals

    for signal in (
        signals.page_published,
        signals.page_unpublished,
        signals.post_page_move,
        signals.published,
        signals.unpublished,
    ):
        signal.connect(purge_all, dispatch_uid=f"page-cache-purge-{id(signal)}")
    post_save.connect(_purge_on_save, dispatch_uid="page-cache-purge-save")
    post_delete.connect(_purge_on_delete, dispatch_uid="page-cache-purge-delete")


def generations_in_use() -> bool:
    return bool(settings.PAGE_CACHE_SECONDS or settings.CONTENT_CACHE_SECONDS)


def _purge_on_save(sender, **kwargs) -> None:
    # Saving a page is not publishing it: the page signals above cover pages.
    if generations_in_use() and shown_on_pages(sender):
        purge_all()


def _purge_on_delete(sender, **kwargs) -> None:
    from wagtail.models import Page

    if generations_in_use() and (issubclass(sender, Page) or shown_on_pages(sender)):
        purge_all()


def shown_on_pages(model) -> bool:
    """Whether a change to this model's rows can change public pages other than its own. A view
    restriction added to a section hides its pages, and takes them out of every listing."""
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
        get_image_model(),
        get_document_model(),
    )
    return issubclass(model, shared) or model in get_snippet_models()
