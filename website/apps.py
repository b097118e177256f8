from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    name = "website"
    verbose_name = "Website"

    def ready(self):
        from . import checks, invalidation  # noqa: F401 - checks register themselves

        invalidation.connect_signals()
