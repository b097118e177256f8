from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = "Family hubs and services"

    def ready(self):
        from website.warm_up import before_first_request

        from . import views  # noqa: F401 - registers the page views (website.page_views)
        from .opening_hours import load_bank_holidays

        before_first_request(load_bank_holidays)
