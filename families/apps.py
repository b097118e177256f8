from django.apps import AppConfig


class FamiliesConfig(AppConfig):
    """Pages that bring the domains together for families: help by life stage and need."""

    name = "families"
    verbose_name = "Help by life stage and need"

    def ready(self):
        from . import views  # noqa: F401 - registers the page views (website.page_views)
