"""What a locked-out admin sign-in sees (django-axes calls locked_out_response): Wagtail's own
sign-in page, saying why and for how long, with status 429 Too Many Requests."""

from django.conf import settings
from django.shortcuts import render

from wagtail.admin.forms.auth import LoginForm


def cool_off_words(minutes: float) -> str:
    """15 → "15 minutes", 1 → "1 minute", 90 → "90 minutes"."""
    whole = max(1, round(minutes))
    return f"{whole} minute{'s' if whole != 1 else ''}"


def locked_out_response(request, original_response=None, credentials=None):
    username = (credentials or {}).get("username", "")
    form = LoginForm(request, initial={"username": username})
    minutes = settings.AXES_COOLOFF_TIME.total_seconds() / 60
    return render(
        request,
        "website/admin/locked_out.html",
        {
            "form": form,
            "next": request.POST.get("next", "") if request.method == "POST" else "",
            "cool_off": cool_off_words(minutes),
        },
        status=429,
    )
