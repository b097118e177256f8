"""Response headers that django-csp and Django's own middleware cannot decide alone."""

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.utils.cache import add_never_cache_headers, patch_cache_control

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config


def carries_what_people_type(request: HttpRequest) -> bool:
    """A search query or a postcode in the address (settings.PRIVATE_QUERY_PARAMETERS)."""
    return any(request.GET.get(name) for name in settings.PRIVATE_QUERY_PARAMETERS)


class PrivateQueryMiddleware:
    """An answer to what someone typed (a search, a postcode) is for them alone: no shared
    cache (ours, Varnish, a CDN) keeps it, and neither does the browser's. One rule for every
    page and API that takes one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if carries_what_people_type(request):
            add_never_cache_headers(response)
            patch_cache_control(response, private=True, no_store=True)
        return response


def is_admin_path(path: str) -> bool:
    return path.startswith(settings.ADMIN_URL_PREFIX)


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the relaxed policy (settings.ADMIN_CONTENT_SECURITY_POLICY)
    in place of the public one under the Wagtail admin, in whichever mode (enforced or
    report-only) the public policy is in."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        mode_setting = (
            "CONTENT_SECURITY_POLICY_REPORT_ONLY" if report_only else "CONTENT_SECURITY_POLICY"
        )
        # A view's own decorator (csp_override and friends) wins; otherwise the admin's policy
        # applies under /admin/ when the public one is on in this mode.
        if (
            parts.config is None
            and getattr(settings, mode_setting, None)
            and is_admin_path(request.path_info)
        ):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts
