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
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)


class BreakerOpen(RedisConnectionError):
    """Not asked: Redis failed a moment ago (see the log)."""


class CircuitBreaker:
    def __init__(self):
        self._lock = threading.Lock()
        self._open_until = 0.0
        self.trips = 0

    def is_open(self) -> bool:
        return time.monotonic() < self._open_until

    def trip(self, error: BaseException, where: str) -> None:
        seconds = settings.REDIS_BREAKER_SECONDS
        with self._lock:
            already_open = self.is_open()
            self._open_until = time.monotonic() + seconds
            self.trips += 1
        if not already_open:
            logger.warning(
                "Redis at %s failed (%s): not asked again for %g s", where, error, seconds
            )

    def close(self) -> None:
        with self._lock:
            self._open_until = 0.0


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
        if not _bypass.get() and BREAKER.is_open():
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
            return super().read_response(*args, **kwargs)
        except UNREACHABLE as error:
            self._failed(error)
            raise
