"""Data that every page shows and that only an editor's change can change: the council's and the
navigation settings, the header and footer links, and what the apps remember beside them (opening
schedules, cards).

Read afresh, they cost every page view several queries before its own content (`make bench`
measures them). Here each is remembered in Django's cache with the content generation
(website/generations.py), one round trip per read: every publish, unpublish, move or delete of a
page, and every save or delete of a snippet, setting, site or view restriction, starts a new
generation, so nothing is read stale after a change.

Within a request, what is read a second time comes from this process's own copy: a request reads
the generation once (RequestGenerationMiddleware, website/generations.py), and a copy made in that
same generation is as current as the shared cache's. A page view that read six or seven pieces of
shared content made as many round trips to the cache; now it makes one. The copy is held pickled
and unpickled for each read, as the shared cache's values are: every request gets objects of its
own, which it may change.

Only with a cache every process shares (Redis, by REDIS_URL), or in a single process (the tests):
with a memory cache in each of several processes, a change made in one (the admin, the scheduler)
would not reach the others. CONTENT_CACHE_SECONDS = 0 turns it off, and every value is then read
afresh as before."""

import logging
import pickle
from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

from django.conf import settings

from . import generations

logger = logging.getLogger(__name__)

Value = TypeVar("Value")
Id = TypeVar("Id", bound=Hashable)
MISSING = object()

# {cache key: (generation, pickled value)}: this process's copies of what it read or built.
# Emptied when full (a new generation leaves every copy stale anyway).
_local_copies: dict[str, tuple[int, bytes]] = {}
LOCAL_COPIES = 4096


def forget_local_copies() -> None:
    _local_copies.clear()


def _remember_local_copies(values: dict[str, object], generation: int) -> None:
    if len(_local_copies) + len(values) > LOCAL_COPIES:
        _local_copies.clear()
    for key, value in values.items():
        _local_copies[key] = (generation, pickle.dumps(value, pickle.HIGHEST_PROTOCOL))


def _local_copies_of(keys: dict[str, Id], generation: int | None) -> dict[Id, object]:
    """{id: value} for the keys this process holds a copy of made in `generation`."""
    if generation is None:
        return {}
    values = {}
    for key, id_ in keys.items():
        copy = _local_copies.get(key)
        if copy is not None and copy[0] == generation:
            # Bytes this process pickled itself, never anything from outside it.
            values[id_] = pickle.loads(copy[1])  # noqa: S301
    return values


def is_not_none(value) -> bool:
    return value is not None


def remember(
    name: str, build: Callable[[], Value], remember_if: Callable[[Value], bool] = is_not_none
) -> Value:
    """build()'s answer, built once per generation and shared by every request until then.
    `name` must say everything the answer depends on (e.g. the site's id). An answer that
    `remember_if` refuses (by default None) is built again each time: an answer for a mistyped
    address, say, must not fill the cache."""
    return _remember({f"content:{name}": name}, lambda names: {name: build()}, remember_if)[name]


def remember_many(
    prefix: str, ids: Iterable[Id], build_missing: Callable[[list[Id]], dict[Id, Value]]
) -> dict[Id, Value]:
    """{id: value} for each of `ids` (say, page ids), each remembered under "<prefix>:<id>" and
    read in one round trip; `build_missing(ids)` builds the ones not remembered for this
    generation, all at once (say, in one query), and they are remembered for the next request.
    The prefix must say everything the values depend on but the id, as `remember`'s name
    does."""
    return _remember(
        {f"content:{prefix}:{id_}": id_ for id_ in ids},
        build_missing,
        remember_if=lambda value: True,
    )


def _remember(
    keys: dict[str, Id],
    build_missing: Callable[[list[Id]], dict[Id, Value]],
    remember_if: Callable[[Value], bool],
) -> dict[Id, Value]:
    """{id: value} for each cache key's id: those this process holds for the request's
    generation from its own copies, the other ones remembered for this generation read in one
    round trip, the rest built at once and remembered (those `remember_if` accepts) in one more."""
    if not settings.CONTENT_CACHE_SECONDS or not keys:
        return build_missing(list(keys.values()))
    values = _local_copies_of(keys, generations.request_generation())
    if len(values) == len(keys):
        return values
    keys = {key: id_ for key, id_ in keys.items() if id_ not in values}
    try:
        generation, found = generations.read_many(list(keys), MISSING)
    except Exception:  # a cache server that is down must not take the site down
        logger.warning("content cache unavailable", exc_info=True)
        values.update(build_missing(list(keys.values())))
        return values
    read = {key: value for key, value in found.items() if value is not MISSING}
    _remember_local_copies(read, generation)
    values.update((keys[key], value) for key, value in read.items())
    missing = [id_ for id_ in keys.values() if id_ not in values]
    if missing:
        built = build_missing(missing)
        values.update(built)
        to_remember = {
            key: built[id_] for key, id_ in keys.items() if id_ in built and remember_if(built[id_])
        }
        if to_remember:
            try:
                generations.write_many(to_remember, generation, settings.CONTENT_CACHE_SECONDS)
            except Exception:
                logger.warning("content cache unavailable", exc_info=True)
            else:
                _remember_local_copies(to_remember, generation)
    return values
