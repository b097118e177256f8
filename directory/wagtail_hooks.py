from django.contrib.auth.decorators import permission_required
from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views
from .closures import CLOSE_ACTION, UNDO_ACTION

CLOSE_PERMISSION = "directory.close_hubs"


@hooks.register("register_admin_urls")
def register_bulk_closure_urls():
    close_view = permission_required(CLOSE_PERMISSION, raise_exception=True)(
        admin_views.BulkClosureView.as_view()
    )
    undo_view = permission_required(CLOSE_PERMISSION, raise_exception=True)(
        admin_views.undo_bulk_closure
    )
    return [
        path("hub-closures/", close_view, name="directory_bulk_closure"),
        path("hub-closures/<int:pk>/undo/", undo_view, name="directory_bulk_closure_undo"),
    ]


class BulkClosureMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(CLOSE_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_bulk_closure_menu_item():
    return BulkClosureMenuItem(
        "Close hubs", reverse("directory_bulk_closure"), icon_name="calendar-alt", order=250
    )


@hooks.register("register_log_actions")
def register_closure_log_actions(actions):
    actions.register_action(
        CLOSE_ACTION,
        "Closed with other hubs",
        lambda data: f"Closed for {data['reason']}: {data['dates']} (bulk closure)",
    )
    actions.register_action(
        UNDO_ACTION,
        "Bulk closure undone",
        lambda data: f"Bulk closure undone: {data['reason']}, {data['dates']}",
    )
