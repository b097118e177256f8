"""Read settings from the environment: small helpers so that base.py stays declarative."""

import hashlib
import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return list(default or [])
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_float(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return float(raw)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a number, not {raw!r}") from error


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from error


def redis_cache(url: str, key_prefix: str, socket_timeout: float = 0.25) -> dict:
    """A Django cache in Redis that answers "miss" when Redis is down or slow, instead of
    failing the request (django-redis's IGNORE_EXCEPTIONS, per cache): one try per call, within
    `socket_timeout`, and none at all for a while after one failed (website/redis_breaker.py)."""
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    from website.redis_breaker import BreakerConnection

    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": key_prefix,
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": socket_timeout,
            "SOCKET_TIMEOUT": socket_timeout,
            "CONNECTION_POOL_KWARGS": {
                "connection_class": BreakerConnection,
                # redis-py would try a failed command again: a hung server then costs twice.
                "retry": Retry(NoBackoff(), 0),
            },
        },
    }


# What the release is made of: our code and the locked versions of everything it runs on.
RELEASE_SOURCES = ("website", "directory", "news", "search")


def code_release(project_dir: Path) -> str:
    """A short name for the code this process runs: RELEASE if the deployment sets it (a
    version or a commit), else a digest of the project's Python files and its lock file. It is
    part of every cache key, so objects pickled by one release are never read by another."""
    named = env_str("RELEASE")
    if named:
        return named
    digest = hashlib.sha256()
    files = [project_dir / "uv.lock"]
    for folder in RELEASE_SOURCES:
        files.extend(sorted((project_dir / folder).rglob("*.py")))
    for path in files:
        if path.is_file():
            digest.update(str(path.relative_to(project_dir)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
