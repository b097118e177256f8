"""What a shared cache in front of the site (Varnish, a CDN) may keep, and for how long: one rule
for every page, in one middleware, told in Cache-Control.

A page an anonymous visitor may see is `public`, kept by browsers for BROWSER_CACHE_SECONDS and
by the shared cache for SHARED_CACHE_SECONDS (s-maxage): the shared cache is purged when an
editor changes something (website/frontend_cache.py), browsers cannot be, so their time is
short. Some pages stop being true at a known moment: an "Open now" line at closing time. The
code that puts such a line on a page notes the moment (`content_true_until`), and the page's
lifetime, in browsers and in the shared cache, ends there. This module knows nothing of what the
moment means: the apps note it.

Never `public`: anything but GET and HEAD; an answer to someone signed in, or with a session
(Django's session cookie: an editor, or a visitor who gave a page's password); an answer that
sets a cookie (a form's CSRF token); anything a view already marked private, no-store or
no-cache (what someone typed: website.middleware.PrivateQueryMiddleware); anything but 200,
a permanent redirect, or a missing page (404 and 410, briefly)."""

import math
from contextvars import ContextVar
from datetime import datetime

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.utils import timezone
from django.utils.cache import patch_cache_control

KEPT_STATUSES = frozenset({200, 301, 308})
MISSING_STATUSES = frozenset({404, 410})
UNCACHEABLE_WORDS = ("private", "no-store", "no-cache")


class ContentLifetime:
    """The earliest moment noted while one request was answered."""

    __slots__ = ("until",)

    def __init__(self):
        self.until: datetime | None = None


_lifetime: ContextVar[ContentLifetime | None] = ContextVar("harbour_content_lifetime", default=None)


def content_true_until(moment: datetime | None) -> None:
    """Note that what the current request shows stops being true at `moment` (an aware
    datetime): no cache keeps the answer beyond it. None (no such moment) and calls outside a
    request (a management command, a task) change nothing."""
    lifetime = _lifetime.get()
    if lifetime is None or moment is None:
        return
    if lifetime.until is None or moment < lifetime.until:
        lifetime.until = moment


def seconds_until(moment: datetime | None, now: datetime) -> int | None:
    """Whole seconds from `now` to `moment` (rounded up, never below 0), or None for no moment.

    >>> from datetime import UTC, timedelta
    >>> now = datetime(2026, 12, 7, 8, 59, 30, tzinfo=UTC)
    >>> seconds_until(now + timedelta(seconds=29.2), now), seconds_until(now, now)
    (30, 0)
    """
    if moment is None:
        return None
    return max(0, math.ceil((moment - now).total_seconds()))


def is_private_request(request: HttpRequest) -> bool:
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return True
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


def cache_control_for(
    request: HttpRequest, response: HttpResponseBase, lifetime_seconds: int | None
) -> None:
    """Set the response's Cache-Control by the rules above (in place)."""
    if request.method not in ("GET", "HEAD"):
        return
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in UNCACHEABLE_WORDS):
        return
    if is_private_request(request) or response.cookies:
        patch_cache_control(response, private=True)
        return
    if response.status_code in KEPT_STATUSES:
        browser, shared = settings.BROWSER_CACHE_SECONDS, settings.SHARED_CACHE_SECONDS
    elif response.status_code in MISSING_STATUSES:
        # Briefly: a page published at that address is purged anyway, and a short life keeps
        # made-up addresses from crowding the cache.
        browser, shared = 0, settings.SHARED_CACHE_MISSING_SECONDS
    else:
        if "max-age" not in control:
            patch_cache_control(response, no_cache=True)
        return
    if "max-age" in control:
        # A view that chose its own lifetime (static files: a year) keeps it, shortened only
        # by a noted moment.
        browser = shared = None
    if lifetime_seconds is not None:
        browser = min(browser if browser is not None else lifetime_seconds, lifetime_seconds)
        shared = min(shared if shared is not None else lifetime_seconds, lifetime_seconds)
    changes = {"public": True}
    if browser is not None:
        changes["max_age"] = browser
    if shared is not None:
        changes["s_maxage"] = shared
    patch_cache_control(response, **changes)


class SharedCacheMiddleware:
    """First in MIDDLEWARE: it sees the answer as it leaves, with every cookie and header the
    other middleware set, and it spans the whole request, so whatever the view or a template
    noted with content_true_until is counted."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        lifetime = ContentLifetime()
        token = _lifetime.set(lifetime)
        try:
            response = self.get_response(request)
        finally:
            _lifetime.reset(token)
        cache_control_for(request, response, seconds_until(lifetime.until, timezone.now()))
        return response
