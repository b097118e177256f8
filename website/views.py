import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.views.decorators.cache import never_cache

from .health import run_checks


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """/healthz/, for monitoring: 200 and "ok" when every configured dependency answers, 503
    otherwise, naming the failing check: "degraded" while the site still serves everything
    (Elasticsearch or Redis down: pages and search come from the database), "down" without the
    database."""
    status, body = health_report()
    return JsonResponse(body, status=200 if status == "ok" else 503)


@never_cache
def healthz_live(request: HttpRequest) -> JsonResponse:
    """/healthz/live/, for load balancers: 503 only when this process cannot serve pages (no
    database). A degraded site still answers 200, or every app server would be taken out of
    rotation at once for an outage the site rides out (docs/operations.md)."""
    status, body = health_report()
    return JsonResponse(body, status=503 if status == "down" else 200)


def health_report() -> tuple[str, dict]:
    checks = run_checks()
    failing = {check.name for check in checks if not check.ok}
    if not failing:
        status = "ok"
    elif "database" in failing:
        status = "down"
    else:
        status = "degraded"
    return status, {"status": status, "checks": {check.name: check.as_dict() for check in checks}}


def server_error(request: HttpRequest) -> HttpResponse:
    """The error page, rendered without a request context: whatever failed must not be needed
    to say sorry. While the database is unreachable (a restart, a failover) it is the 503 page,
    with Retry-After; Django's connection health checks reconnect by themselves once it is
    back, so no process restart is needed."""
    if database_is_unreachable(sys.exc_info()[1]):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = str(DATABASE_RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
    return HttpResponse(loader.get_template("500.html").render(), status=500)


DATABASE_RETRY_AFTER_SECONDS = 10
CONNECTION_TROUBLE = (
    "connection",
    "server closed",
    "terminating",
    "could not connect",
    "the database system is",
    "timeout",
    "timed out",
)


def database_is_unreachable(error: BaseException | None) -> bool:
    """OperationalError also covers SQL mistakes ("no such table"): only connection trouble
    is an outage."""
    if isinstance(error, InterfaceError):
        return True
    if not isinstance(error, OperationalError):
        return False
    return any(words in str(error).lower() for words in CONNECTION_TROUBLE)
