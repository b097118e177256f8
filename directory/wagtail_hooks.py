from django.contrib.auth.decorators import permission_required
from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views
from .closures import CHANGE_ACTION, CLOSE_ACTION, UNDO_ACTION
from .hours_check import REVIEWED_ACTION, OpeningTimesPanel
from .models import Organisation, Taxonomy, TaxonomyTerm
from .stale import StaleServicesPanel, StaleServicesReportView

CLOSE_PERMISSION = "directory.close_hubs"


@hooks.register("register_admin_urls")
def register_bulk_closure_urls():
    close_view = permission_required(CLOSE_PERMISSION, raise_exception=True)(
        admin_views.BulkClosureView.as_view()
    )
    undo_view = permission_required(CLOSE_PERMISSION, raise_exception=True)(
        admin_views.undo_bulk_closure
    )
    change_view = permission_required(CLOSE_PERMISSION, raise_exception=True)(
        admin_views.BulkClosureChangeView.as_view()
    )
    return [
        path("hub-closures/", close_view, name="directory_bulk_closure"),
        path("hub-closures/<int:pk>/", change_view, name="directory_bulk_closure_edit"),
        path("hub-closures/<int:pk>/undo/", undo_view, name="directory_bulk_closure_undo"),
        path(
            "opening-times/<int:page_id>/reviewed/",
            admin_views.mark_opening_hours_reviewed,
            name="directory_opening_hours_reviewed",
        ),
    ]


class BulkClosureMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(CLOSE_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_bulk_closure_menu_item():
    return BulkClosureMenuItem(
        "Close hubs", reverse("directory_bulk_closure"), icon_name="calendar-alt", order=250
    )


def _log_formatter(label: str, describe) -> type[LogFormatter]:
    """A formatter whose message is built from the log entry's data. (Wagtail's shorter
    register_action(action, label, message) form never calls a callable message: the history
    would show the function itself.)"""
    return type(
        "ClosureLogFormatter",
        (LogFormatter,),
        {"label": label, "format_message": lambda self, entry: describe(entry.data)},
    )


@hooks.register("register_log_actions")
def register_closure_log_actions(actions):
    actions.register_action(CLOSE_ACTION)(
        _log_formatter(
            "Closed with other hubs",
            lambda data: f"Closed for {data['reason']}: {data['dates']} (bulk closure)",
        )
    )
    actions.register_action(UNDO_ACTION)(
        _log_formatter(
            "Bulk closure undone",
            lambda data: f"Bulk closure undone: {data['reason']}, {data['dates']}",
        )
    )
    actions.register_action(CHANGE_ACTION)(
        _log_formatter(
            "Bulk closure changed",
            lambda data: (
                f"Bulk closure changed to closed for {data['reason']}: {data['dates']} "
                f"(was {data['was_reason']}: {data['was_dates']})"
            ),
        )
    )
    actions.register_action(
        REVIEWED_ACTION, "Opening times reviewed", "Opening times checked and marked as reviewed"
    )


class OrganisationChooserViewSet(SnippetChooserViewSet):
    """The service form's organisation chooser, with a tab to add one that is not there yet
    (for editors who may add organisations)."""

    form_fields = ["name", "website", "email", "phone"]
    create_action_label = "Add a new organisation"
    creation_tab_label = "Add a new organisation"


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    chooser_viewset_class = OrganisationChooserViewSet
    icon = "group"
    menu_label = "Organisations"
    list_display = ["name", "website", "last_modified"]
    search_fields = ["name"]


class TaxonomyTermViewSet(SnippetViewSet):
    model = TaxonomyTerm
    icon = "tag"
    menu_label = "Categories"
    list_display = ["name", "parent", "code", "taxonomy"]
    list_filter = ["taxonomy"]
    search_fields = ["name", "code"]


class TaxonomyViewSet(SnippetViewSet):
    model = Taxonomy
    icon = "folder-open-1"
    menu_label = "Taxonomies"
    list_display = ["name", "version"]


class ServiceDirectoryViewSetGroup(SnippetViewSetGroup):
    items = (OrganisationViewSet, TaxonomyTermViewSet, TaxonomyViewSet)
    menu_icon = "list-ul"
    menu_label = "Services directory"
    menu_name = "services-directory"
    menu_order = 260


register_snippet(ServiceDirectoryViewSetGroup)


@hooks.register("register_admin_urls")
def register_stale_services_report_urls():
    return [
        path(
            "reports/services-to-review/",
            StaleServicesReportView.as_view(),
            name="directory_stale_services",
        ),
        path(
            "reports/services-to-review/results/",
            StaleServicesReportView.as_view(results_only=True),
            name="directory_stale_services_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_stale_services_menu_item():
    return MenuItem(
        "Services to review",
        reverse("directory_stale_services"),
        name="services-to-review",
        icon_name="warning",
        order=1400,
    )


@hooks.register("construct_homepage_panels")
def add_stale_services_panel(request, panels):
    panels.append(StaleServicesPanel())
    panels.append(OpeningTimesPanel())
