"""The admin URLs of a Wagtail report of our own (any app's wagtail_hooks registers them)."""

from django.urls import path


def report_urls(route: str, view_class, name: str) -> list:
    """A report's two admin URLs: its page at reports/<route>/, and the results alone at
    reports/<route>/results/ (named `<name>_results`), which its filters fetch."""
    return [
        path(f"reports/{route}/", view_class.as_view(), name=name),
        path(
            f"reports/{route}/results/",
            view_class.as_view(results_only=True),
            name=f"{name}_results",
        ),
    ]
