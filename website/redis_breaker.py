"""A circuit breaker for Redis: after one timeout or refused connection, this process stops
asking Redis for REDIS_BREAKER_SECONDS, so that a request waits for a hung Redis at most once.

The cache is an optimisation. A Redis that has stopped answering (paused, swapping, a network
that drops packets) makes every call wait its full socket timeout, and a page makes dozens of
calls: pages took 20 to 30 s. With the breaker, the first call waits REDIS_SOCKET_TIMEOUT, and
every later one in this process, in any thread, fails at once (a miss: the page is read from
the database) until the breaker lets one call through to try again.

It works at the level of redis-py's connections (`BreakerConnection`, named in the cache's
CONNECTION_POOL_KWARGS by website.settings.env.redis_cache), so every use of the cache goes
through it: Django's and Wagtail's as well as ours. Only failures to reach Redis count; an
error that Redis answered (a wrong type, out of memory) says it is there.

Work that must reach Redis and is not in a hurry (the task worker's retries of a generation
change) goes round the breaker with `bypassing_breaker()`."""

import contextlib
import logging
import threading
import time
from contextvars import ContextVar

from django.conf import settings

from redis.connection import Connection
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import ResponseError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)


class BreakerOpen(RedisConnectionError):
    """Not asked: Redis failed a moment ago (see the log)."""


class CircuitBreaker:
    """Closed: every call goes to Redis. Open (after a failure): none does, for
    REDIS_BREAKER_SECONDS. Then one call, in one thread, tries; the others still fail at once
    until it answers (closed again) or fails (open again)."""

    def __init__(self):
        self._lock = threading.Lock()
        self._open_until = 0.0
        self._failing = False
        self._trying_thread: int | None = None
        self.trips = 0

    def allow(self) -> bool:
        if not self._failing:
            return True
        with self._lock:
            thread = threading.get_ident()
            if self._trying_thread == thread:
                return True
            now = time.monotonic()
            if now < self._open_until:
                return False
            # This thread tries; the others wait for its answer as if still open.
            self._open_until = now + settings.REDIS_BREAKER_SECONDS
            self._trying_thread = thread
            return True

    def succeeded(self) -> None:
        if self._failing:
            with self._lock:
                self._failing = False
                self._open_until = 0.0
                self._trying_thread = None
            logger.warning("Redis answers again")

    def trip(self, error: BaseException, where: str) -> None:
        seconds = settings.REDIS_BREAKER_SECONDS
        with self._lock:
            first = not self._failing
            self._failing = True
            self._open_until = time.monotonic() + seconds
            self._trying_thread = None
            self.trips += 1
        if first:
            logger.warning(
                "Redis at %s failed (%s): asked again once every %g s until it answers",
                where,
                error,
                seconds,
            )

    def close(self) -> None:
        with self._lock:
            self._failing = False
            self._open_until = 0.0
            self._trying_thread = None


BREAKER = CircuitBreaker()
_bypass: ContextVar[bool] = ContextVar("harbour_redis_breaker_bypass", default=False)


@contextlib.contextmanager
def bypassing_breaker():
    """Ask Redis even if the breaker is open (and do not trip it): for work that must reach
    Redis and can wait, such as the task worker's retries."""
    token = _bypass.set(True)
    try:
        yield
    finally:
        _bypass.reset(token)


class BreakerConnection(Connection):
    """redis-py's TCP connection, refusing at once while the breaker is open and tripping it
    when Redis cannot be reached or does not answer in time."""

    def _guard(self) -> None:
        if not _bypass.get() and not BREAKER.allow():
            raise BreakerOpen(f"Redis at {self.host}:{self.port} skipped: it failed a moment ago")

    def _failed(self, error: BaseException) -> None:
        if not _bypass.get() and not isinstance(error, BreakerOpen):
            BREAKER.trip(error, f"{self.host}:{self.port}")

    def connect_check_health(self, *args, **kwargs):
        self._guard()
        try:
            return super().connect_check_health(*args, **kwargs)
        except UNREACHABLE as error:
            self._failed(error)
            raise

    def send_packed_command(self, *args, **kwargs):
        self._guard()
        try:
            return super().send_packed_command(*args, **kwargs)
        except UNREACHABLE as error:
            self._failed(error)
            raise

    def read_response(self, *args, **kwargs):
        try:
            response = super().read_response(*args, **kwargs)
        except UNREACHABLE as error:
            self._failed(error)
            raise
        except ResponseError:
            BREAKER.succeeded()  # an error Redis answered: it is there
            raise
        BREAKER.succeeded()
        return response
