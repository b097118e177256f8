from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.views.decorators.cache import never_cache

from .health import run_checks


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when every configured dependency answers; 503 otherwise, naming the one that does not.
    The site may still serve pages when search is down (it falls back to the database), so that
    state is "degraded"; without the database it is "down"."""
    checks = run_checks()
    failing = {check.name for check in checks if not check.ok}
    if not failing:
        status = "ok"
    elif "database" in failing:
        status = "down"
    else:
        status = "degraded"
    body = {"status": status, "checks": {check.name: check.as_dict() for check in checks}}
    return JsonResponse(body, status=200 if status == "ok" else 503)


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page, rendered without a request context: whatever failed (the database, say)
    must not be needed to say sorry."""
    template = loader.get_template("500.html")
    return HttpResponse(template.render(), status=500)
