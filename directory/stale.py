"""Services nobody has checked for SERVICE_REVIEW_MONTHS (12 by default): a report under
Reports and a panel on the admin dashboard, oldest first, so editors know what to review."""

from django.urls import reverse

from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import ServicePage, stale_before

DASHBOARD_LIMIT = 5


def stale_services():
    """Services (live or draft) last reviewed before the cut-off, oldest first."""
    return (
        ServicePage.objects.filter(last_reviewed__lt=stale_before())
        .select_related("organisation")
        .order_by("last_reviewed", "title", "pk")
    )


class StaleServicesReportView(ReportView):
    page_title = "Services to review"
    header_icon = "warning"
    index_url_name = "directory_stale_services"
    index_results_url_name = "directory_stale_services_results"
    paginate_by = 50
    list_export = ["title", "last_reviewed", "organisation"]
    export_headings = {"title": "Service", "last_reviewed": "Last reviewed"}
    columns = [
        TitleColumn(
            "title",
            label="Service",
            url_name="wagtailadmin_pages:edit",
        ),
        DateColumn("last_reviewed", label="Last reviewed"),
        Column("organisation", label="Run by"),
    ]

    def get_queryset(self):
        return stale_services()

    def get_filename(self):
        return "services-to-review"


class StaleServicesPanel(Component):
    name = "stale_services"
    order = 150
    template_name = "directory/admin/stale_services_panel.html"

    def render_html(self, parent_context=None):
        user = parent_context["request"].user
        editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
        if not editable.type(ServicePage).exists():
            return ""  # only those who keep services can review them
        return super().render_html(parent_context)

    def get_context_data(self, parent_context=None):
        services = stale_services()
        return {
            "services": services[:DASHBOARD_LIMIT],
            "count": services.count(),
            "cut_off": stale_before(),
            "report_url": reverse("directory_stale_services"),
        }
