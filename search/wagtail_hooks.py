"""Admin: the synonyms editors manage, and the search-terms report for editors (Wagtail's own
report is for administrators only)."""

from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem
from wagtail.contrib.search_promotions.views.reports import SearchTermsReportView
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from website.admin_reports import register_report

from .models import SearchSynonym

PROMOTION_PERMISSIONS = (
    "wagtailsearchpromotions.add_searchpromotion",
    "wagtailsearchpromotions.change_searchpromotion",
)


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "search"
    menu_label = "Search synonyms"
    add_to_settings_menu = True
    menu_order = 910
    list_display = ["terms"]
    search_fields = ["terms"]


register_snippet(SearchSynonymViewSet)


def can_see_search_terms(user) -> bool:
    return user.is_superuser or any(user.has_perm(name) for name in PROMOTION_PERMISSIONS)


class EditorSearchTermsReportView(SearchTermsReportView):
    """The most searched terms, for editors who choose promoted results. Queries that looked
    like personal data were never recorded (search.promotions)."""

    index_url_name = "search_terms_report"
    index_results_url_name = "search_terms_report_results"

    def dispatch(self, request, *args, **kwargs):
        if not can_see_search_terms(request.user):
            return permission_denied(request)
        # Skip Wagtail's superuser-only check in the parent class.
        return super(SearchTermsReportView, self).dispatch(request, *args, **kwargs)


class SearchTermsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_search_terms(request.user)


register_report(
    route="search-terms",
    view_class=EditorSearchTermsReportView,
    url_name="search_terms_report",
    label="Search terms",
    menu_item_class=SearchTermsMenuItem,
    name="site-search-terms",
    icon_name="search",
    order=1300,
)


@hooks.register("construct_reports_menu")
def hide_wagtails_admin_only_search_terms(request, menu_items):
    # Ours shows the same report to editors too; two "Search terms" items would confuse.
    menu_items[:] = [item for item in menu_items if item.name != "search-terms"]
