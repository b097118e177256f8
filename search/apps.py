from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Site search"

    def ready(self):
        from website.bulk_loads import defer_during_bulk_loads

        from .bulk_saves import deferred_index_updates
        from .checks import register_checks
        from .indexing import connect_signal_handlers

        connect_signal_handlers()
        register_checks()
        defer_during_bulk_loads(deferred_index_updates)
