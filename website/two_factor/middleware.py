"""Between the password and the admin: an editor with two-factor sign-in gives a code first; with
ADMIN_REQUIRE_2FA, an editor without it sets it up first. Only /admin/ is guarded: the public
site looks the same to everyone."""

from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import reverse

from website.middleware import is_admin_path
from website.two_factor.devices import has_two_factor

# What an editor part-way through signing in may still reach.
OPEN_URL_NAMES = (
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "two_factor_verify",
    "two_factor_setup",
)


def _open_paths() -> tuple[str, ...]:
    paths = []
    for name in OPEN_URL_NAMES:
        try:
            paths.append(reverse(name))
        except Exception:  # noqa: S112 - a URL name Wagtail may not have in every version
            continue
    return tuple(paths)


def _redirect(url_name: str, next_path: str) -> HttpResponseRedirect:
    return HttpResponseRedirect(f"{reverse(url_name)}?{urlencode({'next': next_path})}")


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.guard(request)
        return response if response is not None else self.get_response(request)

    def guard(self, request):
        path = request.path_info
        if not is_admin_path(path):
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if path in _open_paths():
            return None
        if has_two_factor(user):
            return _redirect("two_factor_verify", request.get_full_path())
        if settings.ADMIN_REQUIRE_2FA and user.has_perm("wagtailadmin.access_admin"):
            return _redirect("two_factor_setup", request.get_full_path())
        return None
