"""Which search backend answers, and what to do when Elasticsearch does not.

Site search asks Elasticsearch (when configured) and, on any error or timeout, answers from the
database backend instead: the caller gets the results and a flag saying they may be less
complete. After a failure, requests skip Elasticsearch for `SEARCH_FALLBACK_SECONDS`, so a
cluster that hangs costs one timeout, not one per request.

Backends are cached per configuration: Wagtail's `get_search_backend` builds a new client (and
connection pool) on every call, which a search page cannot afford."""

import json
import logging
import threading
import time
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings

from wagtail.search.backends import get_search_backend

from elastic_transport import TransportError
from elasticsearch import ApiError

logger = logging.getLogger("search")

T = TypeVar("T")

ELASTICSEARCH_MODULE = "search.backends.elasticsearch"
DATABASE_MODULE = "search.backends.database"
FALLBACK_BACKEND_NAME = "database"
# Errors that mean "Elasticsearch cannot answer now": connection refused, timeouts, a missing
# index (never built), a cluster without shards. Our own bugs are not in this list.
UNAVAILABLE_ERRORS = (TransportError, ApiError)

_backends: dict[str, object] = {}
_unavailable_until: dict[str, float] = {}
_lock = threading.Lock()


def backend_config(name: str = "default") -> dict | None:
    return settings.WAGTAILSEARCH_BACKENDS.get(name)


def _config_key(config: dict) -> str:
    return json.dumps(config, sort_keys=True, default=str)


def is_elasticsearch_config(config: dict | None) -> bool:
    return bool(config) and config.get("BACKEND", "").startswith(ELASTICSEARCH_MODULE)


def _cached_backend(name: str, config: dict):
    key = _config_key(config)
    backend = _backends.get(key)
    if backend is None:
        with _lock:
            backend = _backends.get(key)
            if backend is None:
                backend = get_search_backend(name)
                _backends[key] = backend
    return backend


def elasticsearch_backend():
    """Our Elasticsearch backend when the default backend is one, else None."""
    config = backend_config()
    return _cached_backend("default", config) if is_elasticsearch_config(config) else None


def database_backend():
    """The database backend: the default without Elasticsearch, the fallback with it."""
    config = backend_config()
    if config and not is_elasticsearch_config(config):
        return _cached_backend("default", config)
    fallback = backend_config(FALLBACK_BACKEND_NAME)
    if fallback is None:
        # Not configured: searching still works (on PostgreSQL, against an index Wagtail keeps
        # only for configured backends, so it may be empty). docs/search.md says to configure it.
        fallback = {"BACKEND": DATABASE_MODULE}
        return _cached_backend(DATABASE_MODULE, fallback)
    return _cached_backend(FALLBACK_BACKEND_NAME, fallback)


def queued_backend_names() -> list[str]:
    """The configured backends that our task queue keeps up to date (Elasticsearch ones)."""
    return [
        name
        for name, config in settings.WAGTAILSEARCH_BACKENDS.items()
        if is_elasticsearch_config(config)
    ]


def named_backend(name: str):
    return _cached_backend(name, settings.WAGTAILSEARCH_BACKENDS[name])


def _elasticsearch_is_resting() -> bool:
    config = backend_config()
    until = _unavailable_until.get(_config_key(config)) if config else None
    return until is not None and time.monotonic() < until


def _rest_elasticsearch() -> None:
    config = backend_config()
    _unavailable_until[_config_key(config)] = time.monotonic() + settings.SEARCH_FALLBACK_SECONDS


def reset_fallback_state() -> None:
    """Forget past failures (tests, and after an operator fixes the cluster)."""
    _unavailable_until.clear()


def with_fallback(
    on_elasticsearch: Callable[[object], T], on_database: Callable[[object], T], purpose: str
) -> tuple[T, bool]:
    """Run `on_elasticsearch(backend)` if Elasticsearch is configured and answering, else
    `on_database(backend)`. Returns (result, degraded): degraded is True when Elasticsearch is
    configured but the answer came from the database.

    The warning names the error's type only: an error's message can quote the query, and what
    people type (postcodes among it) is never logged."""
    backend = elasticsearch_backend()
    if backend is None:
        return on_database(database_backend()), False
    if not _elasticsearch_is_resting():
        try:
            return on_elasticsearch(backend), False
        except UNAVAILABLE_ERRORS as error:
            status = getattr(error, "status_code", None) or getattr(
                getattr(error, "meta", None), "status", None
            )
            logger.warning(
                "Elasticsearch did not answer %s (%s%s); answering from the database for the next "
                "%g seconds",
                purpose,
                type(error).__name__,
                f" {status}" if status else "",
                settings.SEARCH_FALLBACK_SECONDS,
            )
            _rest_elasticsearch()
    return on_database(database_backend()), True
