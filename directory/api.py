"""The hubs JSON API: /api/v1/hubs/. Read-only, open to anyone, never cached (the status
changes with the clock)."""

from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import postcodes
from .finder import MAX_LIMIT, nearest_hubs
from .models import FamilyHubPage, PostcodeLocation, locate


def hub_json(hub: FamilyHubPage, request: HttpRequest, now) -> dict:
    status = hub.opening_status(now)
    return {
        "id": hub.pk,
        "name": hub.title,
        "url": hub.get_full_url(request),
        "address": hub.address,
        "postcode": hub.postcode,
        "latitude": hub.latitude,
        "longitude": hub.longitude,
        "open_now": status.open_now,
        "status_text": status.text,
        "next_change": status.next_change.isoformat() if status.next_change else None,
    }


def live_hubs():
    return (
        FamilyHubPage.objects.live()
        .public()
        .order_by("title")
        .prefetch_related("opening_sessions", "opening_exceptions")
    )


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


def private(view):
    """Answers that carry a postcode stay out of shared caches, and out of every cache."""

    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        return response

    return wrapped


@require_GET
@never_cache
def hubs(request: HttpRequest) -> JsonResponse:
    now = timezone.now()
    results = [hub_json(hub, request, now) for hub in live_hubs()]
    return api_response({"count": len(results), "results": results})


@require_GET
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


@require_GET
@private
def nearest(request: HttpRequest) -> JsonResponse:
    """/api/v1/hubs/nearest/?postcode=WV1+1SH&limit=5: hubs nearest first, with distances."""
    limit_text = request.GET.get("limit", "5")
    if not limit_text.isdigit() or not 1 <= int(limit_text) <= MAX_LIMIT:
        return error_response(f"limit must be a whole number from 1 to {MAX_LIMIT}", 400)
    origin = located_postcode(request.GET.get("postcode", ""))
    if isinstance(origin, JsonResponse):
        return origin
    now = timezone.now()
    results = [
        {**hub_json(found.hub, request, now), "distance_miles": round(found.distance_miles, 2)}
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
