"""The hubs JSON API: /api/v1/hubs/. Read-only, open to anyone, never cached (the status
changes with the clock)."""

import json
from functools import cache, wraps
from pathlib import Path

from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from . import postcodes
from .finder import MAX_LIMIT, HubCard, nearest_hubs
from .models import FamilyHubPage, PostcodeLocation, locate


def hub_json(hub: FamilyHubPage | HubCard, full_url: str, now) -> dict:
    status = hub.opening_status(now)
    return {
        "id": hub.pk,
        "name": hub.title,
        "url": full_url,
        "address": hub.address,
        "postcode": hub.postcode,
        "latitude": hub.latitude,
        "longitude": hub.longitude,
        "open_now": status.open_now,
        "status_text": status.text,
        "next_change": status.next_change.isoformat() if status.next_change else None,
    }


def live_hubs() -> list[FamilyHubPage]:
    hubs = list(FamilyHubPage.objects.live().public().order_by("title"))
    FamilyHubPage.load_schedules(hubs)
    return hubs


def api_response(data: dict, status: int = 200) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response


def error_response(message: str, status: int) -> JsonResponse:
    return api_response({"error": message}, status=status)


def located_postcode(text: str) -> PostcodeLocation | JsonResponse:
    """The postcode's location, or the 400 (malformed) or 404 (unknown) answer."""
    try:
        return locate(text)
    except postcodes.PostcodeNotFound as error:
        return error_response(str(error), 404)
    except postcodes.PostcodeError as error:
        return error_response(str(error), 400)


def read_only(view):
    """GET (and HEAD) only: any other method gets a JSON 405 naming the allowed ones. These
    views change nothing, so CSRF protection has nothing to guard; left on, it would answer a
    POST with its 403 HTML page instead of the 405 a client of a read-only API expects."""

    @csrf_exempt
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method not in ALLOWED_METHODS:
            response = error_response("This API only answers GET requests", 405)
            response["Allow"] = ", ".join(ALLOWED_METHODS)
            return response
        return view(request, *args, **kwargs)

    return wrapped


ALLOWED_METHODS = ("GET", "HEAD")


def private(view):
    """Answers that carry a postcode stay out of shared caches, and out of every cache."""

    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        return response

    return wrapped


OPENAPI_DOCUMENT = Path(__file__).parent / "schema" / "openapi.json"


@cache
def openapi_document() -> dict:
    """The API's OpenAPI 3 description, kept by hand beside the code and checked against the
    real answers by schemathesis (tests/sweep/test_api_schema.py)."""
    return json.loads(OPENAPI_DOCUMENT.read_text(encoding="utf-8"))


@read_only
def openapi(request: HttpRequest) -> JsonResponse:
    """/api/v1/openapi.json"""
    return api_response(openapi_document())


@csrf_exempt
def not_found(request: HttpRequest, rest: str = "") -> JsonResponse:
    """Any other address under /api/v1/: a JSON answer for a JSON client, not the site's HTML
    404 page."""
    return error_response("There is nothing at this address in the API", 404)


@read_only
@never_cache
def hubs(request: HttpRequest) -> JsonResponse:
    now = timezone.now()
    results = [hub_json(hub, hub.get_full_url(request), now) for hub in live_hubs()]
    return api_response({"count": len(results), "results": results})


@read_only
@private
def postcode(request: HttpRequest, postcode: str) -> JsonResponse:
    """/api/v1/postcodes/<postcode>/: where a full or partial postcode is."""
    found = located_postcode(postcode)
    if isinstance(found, JsonResponse):
        return found
    return api_response(
        {
            "postcode": found.postcode,
            "latitude": found.latitude,
            "longitude": found.longitude,
            "terminated": found.terminated is not None,
        }
    )


@read_only
@private
def nearest(request: HttpRequest) -> JsonResponse:
    """/api/v1/hubs/nearest/?postcode=WV1+1SH&limit=5: hubs nearest first, with distances."""
    limit_text = request.GET.get("limit", "5")
    if not (limit_text.isascii() and limit_text.isdigit()) or not 1 <= int(limit_text) <= MAX_LIMIT:
        return error_response(f"limit must be a whole number from 1 to {MAX_LIMIT}", 400)
    origin = located_postcode(request.GET.get("postcode", ""))
    if isinstance(origin, JsonResponse):
        return origin
    now = timezone.now()
    results = [
        {
            **hub_json(found.hub, found.hub.full_url, now),
            "distance_miles": round(found.distance_miles, 2),
        }
        for found in nearest_hubs(origin, limit=int(limit_text))
    ]
    return api_response(
        {
            "postcode": origin.postcode,
            "latitude": origin.latitude,
            "longitude": origin.longitude,
            "results": results,
        }
    )
