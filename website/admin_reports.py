"""A Wagtail report of our own in the admin: its two URLs and its item in the Reports menu
(any app's wagtail_hooks registers one)."""

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem


def register_report(
    *, route: str, view_class, url_name: str, label: str, menu_item_class=MenuItem, **menu_options
) -> None:
    """Serve `view_class` at reports/<route>/ (named `url_name`) and its results alone, which
    its filters fetch, at reports/<route>/results/ (`<url_name>_results`); list it in the
    Reports menu as `label` (`menu_options`: name, icon_name, order)."""

    @hooks.register("register_admin_urls")
    def report_urls():
        return [
            path(f"reports/{route}/", view_class.as_view(), name=url_name),
            path(
                f"reports/{route}/results/",
                view_class.as_view(results_only=True),
                name=f"{url_name}_results",
            ),
        ]

    @hooks.register("register_reports_menu_item")
    def report_menu_item():
        return menu_item_class(label, reverse(url_name), **menu_options)
