"""The admin's two-factor pages. Thin: the work is in devices.py."""

import math

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

import django_otp

from website.two_factor import devices
from website.two_factor.forms import AppCodeForm, CodeForm

WRONG_CODE = "That code is not right. Check the code in your app, or use a backup code."
WRONG_APP_CODE = "That code is not right. Check your device's clock and enter the newest code."


def _next_url(request) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("wagtailadmin_home")


def _wait_message(locked_until) -> str:
    seconds = max(1, math.ceil((locked_until - timezone.now()).total_seconds()))
    unit = "second" if seconds == 1 else "seconds"
    return f"Too many wrong codes. Wait {seconds} {unit}, then try again."


def _code_error(check, wrong_message: str) -> str:
    return _wait_message(check.locked_until) if check.locked_until else wrong_message


def verify(request):
    """After the password: a code from the app, or a backup code."""
    user = request.user
    if user.is_verified() or not devices.has_two_factor(user):
        return redirect(_next_url(request))
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        check = devices.check_code(devices.sign_in_devices(user), form.cleaned_data["code"])
        if check.accepted:
            django_otp.login(request, check.device)
            return redirect(_next_url(request))
        form.add_error("code", _code_error(check, WRONG_CODE))
        status = 429 if check.locked_until else 200
    return TemplateResponse(
        request,
        "website/two_factor/verify.html",
        {"form": form, "next": _next_url(request)},
        status=status,
    )


def setup(request):
    """Pair an authenticator app: scan the QR code (or type the key), then confirm with a code."""
    user = request.user
    if devices.has_two_factor(user) and not user.is_verified():
        # Replacing a device needs the current one first: a password alone is not enough.
        return redirect(f"{reverse('two_factor_verify')}?next={reverse('two_factor_setup')}")
    device = devices.pending_app_device(user)
    form = AppCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        check = devices.check_code([device], form.cleaned_data["code"])
        if check.accepted:
            codes = devices.confirm_app_device(device)
            django_otp.login(request, device)
            return TemplateResponse(
                request,
                "website/two_factor/backup_codes.html",
                {"codes": codes, "just_enabled": True, "next": _next_url(request)},
            )
        form.add_error("code", _code_error(check, WRONG_APP_CODE))
    return TemplateResponse(
        request,
        "website/two_factor/setup.html",
        {
            "form": form,
            "qr_code": devices.qr_code_data_uri(device.config_url),
            "secret": devices.secret_for_manual_entry(device),
            "otpauth_uri": device.config_url,
            "required": settings.ADMIN_REQUIRE_2FA,
            "next": _next_url(request),
        },
    )


def manage(request):
    return _manage_page(request, CodeForm())


def _manage_page(request, form: CodeForm) -> TemplateResponse:
    """The two-factor settings page, with the code form as given (empty, or with its error)."""
    user = request.user
    return TemplateResponse(
        request,
        "website/two_factor/manage.html",
        {
            "enabled": devices.has_two_factor(user),
            "backup_codes_left": devices.backup_codes_left(user),
            "required": settings.ADMIN_REQUIRE_2FA,
            "form": form,
        },
    )


@require_POST
def new_backup_codes(request):
    if not devices.has_two_factor(request.user):
        return redirect("two_factor_manage")
    codes = devices.issue_backup_codes(request.user)
    return TemplateResponse(
        request, "website/two_factor/backup_codes.html", {"codes": codes, "just_enabled": False}
    )


@require_POST
def turn_off(request):
    user = request.user
    if settings.ADMIN_REQUIRE_2FA:
        messages.error(request, "Two-factor sign-in is required on this site: it cannot be off.")
        return redirect("two_factor_manage")
    form = CodeForm(request.POST)
    if form.is_valid():
        check = devices.check_code(devices.sign_in_devices(user), form.cleaned_data["code"])
        if check.accepted:
            devices.remove_devices(user)
            messages.success(request, "Two-factor sign-in is off.")
            return redirect("two_factor_manage")
        form.add_error("code", _code_error(check, WRONG_CODE))
    return _manage_page(request, form)
