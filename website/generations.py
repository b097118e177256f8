"""The generation of the shared content kept in Redis (website/content_cache.py): a number in the
cache that every entry is kept with. Any change the public can see starts a new generation
(website/invalidation.py), and every entry made before it is ignored from then on, in every
process, without working out which entries the change touched.

A new generation that cannot reach Redis (down, paused, a network blip) is not lost: it is
retried through the durable task queue, every few seconds, until it lands
(`website.tasks.start_new_generation`). Until then, a Redis that comes back could serve what was
kept before the change; the retry bounds that to seconds.

Within a request, the generation is read once (RequestGenerationMiddleware): what the request
reads again comes from this process's own copy, made in that generation."""

import logging
import time
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpRequest, HttpResponse

logger = logging.getLogger(__name__)

GENERATION_KEY = "content:generation"


def cache():
    return caches[settings.CONTENT_CACHE_ALIAS]


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
    """Gives each request its own RequestGeneration."""

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
        if generation is None:  # evicted again at once, or the cache is not answering
            generation = unused_generation()
    _note_generation(generation)
    return generation


def read_many(keys: list[str], missing=None) -> tuple[int, dict[str, object]]:
    """(the current generation, {key: what is written under it for that generation, or
    `missing`}), in one round trip to the cache: an entry holds the generation it was made in,
    and one made before the last change is ignored (and overwritten by the next `write_many`)."""
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


def write_many(values: dict[str, object], generation: int, timeout: int) -> None:
    """Write each value under its key for this generation (the one `read_many` said was
    current), in one round trip."""
    cache().set_many({key: (generation, value) for key, value in values.items()}, timeout)


class GenerationUnchanged(Exception):
    """The cache did not take a new generation (see the log); the change is retried."""


def advance() -> None:
    """Start a new generation now, or raise GenerationUnchanged. django-redis treats failures
    as misses, so a failed increment would look like success: its client, which raises, is
    asked directly."""
    backend = cache()
    client = getattr(backend, "client", None)
    try:
        if client is not None and hasattr(client, "get_client"):
            key = backend.make_and_validate_key(GENERATION_KEY)
            raw = client.get_client(write=True)
            if not raw.incr(key) > 1:
                # The key was gone (evicted, a new release): 1 could be an old number.
                raw.set(key, client.encode(unused_generation()))
        else:
            try:
                backend.incr(GENERATION_KEY)
            except ValueError:
                backend.set(GENERATION_KEY, unused_generation(), timeout=None)
    except Exception as error:
        raise GenerationUnchanged(f"{type(error).__name__}: {error}") from error
    # What this request read before the change is not current any more: read the generation
    # afresh with the next lookup.
    _note_generation(None)


def start_new_generation() -> None:
    """A change the public can see: every entry kept so far is stale from now on. If the cache
    cannot be reached, the durable task queue retries until it can."""
    if not settings.CONTENT_CACHE_SECONDS:
        return
    _advance_or_retry()
    # The change is only seen by other requests once its transaction commits: one rendered in
    # between would keep the old content under the new generation. A second new generation on
    # commit leaves it behind (one per transaction; rolled back, there is nothing to leave).
    once_on_commit(_advance_or_retry)


def once_on_commit(function) -> None:
    """transaction.on_commit(function), unless this same block already queued it."""
    connection = transaction.get_connection()
    if connection.in_atomic_block:
        block = set(connection.savepoint_ids)
        if any(
            queued is function and sids == block for sids, queued, _ in connection.run_on_commit
        ):
            return
    transaction.on_commit(function)


def _advance_or_retry() -> None:
    try:
        advance()
    except GenerationUnchanged as error:
        from website.tasks import start_new_generation as retry

        logger.warning("New content generation not stored (%s): queued to retry", error)
        retry.enqueue()
