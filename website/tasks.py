"""Cache invalidations that must not be lost, run by the task worker (`manage.py db_worker`) and
queued again, a few seconds later each time, until they land: a new content generation in
Redis, purges and bans in Varnish (or a CDN). Each is safe to run twice.

The worker goes round the Redis circuit breaker (website/redis_breaker.py): it retries as soon
as its delay is up, not when its own process's breaker would next let a call through."""

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from django_tasks import task

from . import frontend_cache, generations
from .redis_breaker import bypassing_breaker

logger = logging.getLogger(__name__)


def retry_delay_seconds(attempt: int) -> float:
    """Seconds to wait after failed attempt number `attempt` (1 for the first): doubling from
    INVALIDATION_RETRY_FIRST_DELAY_SECONDS, never more than INVALIDATION_RETRY_MAX_DELAY_SECONDS,
    so that a change lands within seconds of its cache coming back."""
    first = settings.INVALIDATION_RETRY_FIRST_DELAY_SECONDS
    return min(settings.INVALIDATION_RETRY_MAX_DELAY_SECONDS, first * 2 ** min(attempt - 1, 30))


def retry_later(task_to_retry, attempt: int, *args) -> str:
    """Queue the task again after a delay, or say why not."""
    if attempt >= settings.INVALIDATION_MAX_ATTEMPTS:
        logger.error("Gave up on %s after %s attempts", task_to_retry.name, attempt)
        return "gave up"
    if not task_to_retry.get_backend().supports_defer:
        # The in-process backend (tests) cannot wait: nothing queued.
        return "not queued again: the task backend cannot defer"
    delay = retry_delay_seconds(attempt)
    task_to_retry.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue(
        *args, attempt=attempt + 1
    )
    return f"queued again to run in {delay:g} seconds"


class InvalidationFailed(Exception):
    """A cache did not take a change; the task is queued again (see its message)."""


@task()
def start_new_generation(attempt: int = 1) -> str:
    """A new content generation (website/generations.py) that did not reach Redis. Until it
    lands, a page rendered from what Redis kept before the change may have gone into the HTTP
    cache in front: banned again once it has."""
    try:
        with bypassing_breaker():
            generations.advance()
    except generations.GenerationUnchanged as error:
        outcome = retry_later(start_new_generation, attempt)
        raise InvalidationFailed(
            f"new generation, attempt {attempt}: {error}; {outcome}"
        ) from error
    frontend_cache.ban_every_site()
    return "new generation stored"


def retry_what_failed(task_to_retry, attempt: int, asked: list[str], failed: list[str], what: str):
    """Queue the task again for the items that failed (of those `asked`), and fail this attempt
    saying how many: `what` names them ("URLs not purged")."""
    if failed:
        outcome = retry_later(task_to_retry, attempt, failed)
        raise InvalidationFailed(
            f"{len(failed)} of {len(asked)} {what}, attempt {attempt}: {outcome}"
        )


@task()
def purge_urls(urls: list[str], attempt: int = 1) -> str:
    """PURGE each URL from every frontend cache that serves its host."""
    retry_what_failed(purge_urls, attempt, urls, frontend_cache.purge_now(urls), "URLs not purged")
    return f"purged {len(urls)} URLs"


@task()
def ban_hosts(hosts: list[str], attempt: int = 1) -> str:
    """BAN everything kept for each host (but static files) from every frontend cache."""
    retry_what_failed(ban_hosts, attempt, hosts, frontend_cache.ban_now(hosts), "hosts not banned")
    return f"banned {', '.join(hosts)}"
