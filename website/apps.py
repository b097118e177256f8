from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    name = "website"
    verbose_name = "Website"

    def ready(self):
        from . import checks, page_cache  # noqa: F401 - checks register themselves

        page_cache.purge_when_content_changes()
