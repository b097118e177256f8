from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = "Family hubs and services"
    demo_module = "directory.demo"

    def ready(self):
        from . import views  # noqa: F401 - registers the page views (website.page_views)
