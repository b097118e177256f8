"""Health checks for /healthz/: is each dependency that this deployment is configured to use
answering? Kept apart from the view so the checks can be reused (the search app's fallback and
the fault drills read the same answers)."""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connections

from wagtail.search.backends import get_search_backend


@dataclass
class CheckResult:
    name: str
    ok: bool
    detail: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {"status": "ok" if self.ok else "unavailable", **self.detail}


def check_database(alias: str = "default") -> CheckResult:
    connection = connections[alias]
    detail = {"engine": connection.vendor}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return CheckResult("database", False, {**detail, "error": type(error).__name__})
    return CheckResult("database", True, detail)


def check_search() -> CheckResult:
    """A backend may define `check_health()` returning (ok, detail); the database backend
    lives in the database, so it is as healthy as the database check says."""
    backend = get_search_backend()
    name = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"].rsplit(".", 1)[-1]
    check = getattr(backend, "check_health", None)
    if check is None:
        return CheckResult("search", True, {"backend": name})
    ok, detail = check()
    return CheckResult("search", ok, {"backend": name, **detail})


def check_cache(alias: str = "default") -> CheckResult:
    """Only a shared cache server (Redis) can be down. The site answers without it, slower
    (django-redis treats its errors as misses), so it is "degraded", never "down"."""
    backend = settings.CACHES[alias]["BACKEND"]
    detail = {"backend": backend.split(".")[0]}
    if "redis" not in backend:
        return CheckResult("cache", True, detail)
    try:
        client = caches[alias].client.get_client(write=True)
        client.ping()
    except Exception as error:  # any failure to reach it is the answer
        return CheckResult("cache", False, {**detail, "error": type(error).__name__})
    return CheckResult("cache", True, detail)


def run_checks() -> list[CheckResult]:
    return [check_database(), check_search(), check_cache()]
