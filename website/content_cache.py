"""Data that every page shows and that only an editor's change can change: the list of sites,
the council's and the navigation settings, the header and footer links, and which sections
have view restrictions.

Read afresh, they cost every page view five or six queries before its own content (on this
project's reference machine about 2 ms each, most of it Python). Here each is kept in Django's
cache with the page cache's generation (website/page_cache.py), one round trip per read: every
publish, unpublish, move or delete of a page, and every save or delete of a snippet, setting,
site or view restriction, starts a new generation, so nothing is read stale after a change.

Only with a cache every process shares (Redis, by REDIS_URL), or in a single process (the
tests): with a memory cache in each of several processes, a change made in one (the admin, the
scheduler) would not reach the others. CONTENT_CACHE_SECONDS = 0 turns it off, and every value
is then read afresh as before."""

import logging
from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

from django.conf import settings

from . import page_cache

logger = logging.getLogger(__name__)

Value = TypeVar("Value")
Id = TypeVar("Id", bound=Hashable)
MISSING = object()


def kept_unless_none(value) -> bool:
    return value is not None


def remember(
    name: str, build: Callable[[], Value], keep: Callable[[Value], bool] = kept_unless_none
) -> Value:
    """build()'s answer, built once per generation and shared by every request until then.
    `name` must say everything the answer depends on (e.g. the site's id). An answer that
    `keep` refuses (by default None) is built again each time: a path that names no page, say,
    must not fill the cache."""
    if not settings.CONTENT_CACHE_SECONDS:
        return build()
    key = f"content:{name}"
    try:
        generation, value = page_cache.lookup(key, MISSING)
    except Exception:  # a cache server that is down must not take the site down
        logger.warning("content cache unavailable", exc_info=True)
        return build()
    if value is MISSING:
        value = build()
        if not keep(value):
            return value
        try:
            page_cache.keep(key, generation, value, settings.CONTENT_CACHE_SECONDS)
        except Exception:
            logger.warning("content cache unavailable", exc_info=True)
    return value


def remember_many(
    prefix: str, ids: Iterable[Id], build_missing: Callable[[list[Id]], dict[Id, Value]]
) -> dict[Id, Value]:
    """{id: value} for each of `ids` (say, page ids), each kept under "<prefix>:<id>" and read
    in one round trip; `build_missing(ids)` builds the ones not kept for this generation, all
    at once (say, in one query), and they are kept for the next request. The prefix must say
    everything the values depend on but the id, as `remember`'s name does."""
    ids = list(ids)
    if not settings.CONTENT_CACHE_SECONDS or not ids:
        return build_missing(ids)
    keys = {f"content:{prefix}:{id_}": id_ for id_ in ids}
    try:
        generation, found = page_cache.lookup_many(list(keys), MISSING)
    except Exception:  # a cache server that is down must not take the site down
        logger.warning("content cache unavailable", exc_info=True)
        return build_missing(ids)
    values = {keys[key]: value for key, value in found.items() if value is not MISSING}
    missing = [id_ for id_ in ids if id_ not in values]
    if missing:
        built = build_missing(missing)
        values.update(built)
        try:
            page_cache.keep_many(
                {f"content:{prefix}:{id_}": value for id_, value in built.items()},
                generation,
                settings.CONTENT_CACHE_SECONDS,
            )
        except Exception:
            logger.warning("content cache unavailable", exc_info=True)
    return values
