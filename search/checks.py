"""System checks for the search settings that are easy to get wrong."""

from django.conf import settings
from django.core import checks

from .engines import FALLBACK_BACKEND_NAME, is_elasticsearch_config


def check_search_backends(app_configs, **kwargs):
    messages = []
    backends = settings.WAGTAILSEARCH_BACKENDS
    for name, config in backends.items():
        if is_elasticsearch_config(config) and config.get("AUTO_UPDATE", True):
            messages.append(
                checks.Warning(
                    f"Search backend {name!r} is Elasticsearch with Wagtail's AUTO_UPDATE on.",
                    hint="Set AUTO_UPDATE to False: search.tasks keeps it up to date, durably.",
                    id="search.W001",
                )
            )
    if is_elasticsearch_config(backends.get("default")) and FALLBACK_BACKEND_NAME not in backends:
        messages.append(
            checks.Warning(
                "Elasticsearch is the default search backend, but no 'database' backend is "
                "configured to fall back on.",
                hint="Add 'database': {'BACKEND': 'search.backends.database'} so that "
                "Wagtail keeps the database index that site search falls back to.",
                id="search.W002",
            )
        )
    return messages


def register_checks() -> None:
    checks.register(check_search_backends, checks.Tags.compatibility)
