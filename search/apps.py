from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Site search"
    demo_module = "search.demo"

    def ready(self):
        from .checks import register_checks
        from .indexing import connect_signal_handlers

        connect_signal_handlers()
        register_checks()
