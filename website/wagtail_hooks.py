"""Admin additions: the two-factor sign-in pages and their link on the account page, and the
site-wide alert banners."""

from django.urls import reverse

from wagtail import hooks
from wagtail.admin.ui.tables import LiveStatusTagColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from website.models import AlertBanner
from website.two_factor import devices
from website.two_factor import urls as two_factor_urls


@hooks.register("register_admin_urls")
def two_factor_admin_urls():
    return two_factor_urls.urlpatterns


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    enabled = devices.has_two_factor(request.user)
    return {
        "url": reverse("two_factor_manage"),
        "label": "Two-factor sign-in",
        "help_text": (
            "On: signing in asks for a code from your authenticator app."
            if enabled
            else "Off: turn it on to ask for a code from your phone as well as your password."
        ),
    }


class AlertBannerViewSet(SnippetViewSet):
    model = AlertBanner
    icon = "warning"
    menu_label = "Alert banners"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["__str__", "severity", LiveStatusTagColumn(), "go_live_at", "expire_at"]
    list_filter = ["severity", "live"]


register_snippet(AlertBannerViewSet)
