"""The hubs JSON API: /api/v1/hubs/. Read-only, open to anyone, never cached (the status
changes with the clock)."""

from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .models import FamilyHubPage


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


@require_GET
@never_cache
def hubs(request: HttpRequest) -> JsonResponse:
    now = timezone.now()
    results = [hub_json(hub, request, now) for hub in live_hubs()]
    return api_response({"count": len(results), "results": results})
