import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.views.decorators.cache import never_cache

from .health import run_checks


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """ "ok" when every configured dependency answers. Without the database the site cannot serve
    a page: "down", with a 503, so load balancers take this process out of rotation. Without
    Elasticsearch it still serves every page and search (from the database): "degraded", naming
    the failing check, with a 200, or every app server would be taken out of rotation at once
    for an outage the site rides out (docs/operations.md)."""
    checks = run_checks()
    failing = {check.name for check in checks if not check.ok}
    if not failing:
        status = "ok"
    elif "database" in failing:
        status = "down"
    else:
        status = "degraded"
    body = {"status": status, "checks": {check.name: check.as_dict() for check in checks}}
    return JsonResponse(body, status=503 if status == "down" else 200)


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
