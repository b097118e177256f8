"""System checks for settings that would make the site wrong rather than fail to start."""

from django.conf import settings
from django.core import checks

PROCESS_LOCAL_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


@checks.register(checks.Tags.caches)
def page_cache_is_shared(app_configs, **kwargs):
    """With a cache each process keeps to itself, a publish (in the admin's process, or the
    scheduler's) would purge that process's pages only: others would serve the old page."""
    if not settings.PAGE_CACHE_SECONDS:
        return []
    backend = settings.CACHES[settings.PAGE_CACHE_ALIAS]["BACKEND"]
    if backend in PROCESS_LOCAL_CACHES:
        return [
            checks.Warning(
                "The page cache is on, but its cache is local to each process, so a publish "
                "does not reach other processes' cached pages.",
                hint="Set REDIS_URL, or PAGE_CACHE_SECONDS=0.",
                id="website.W001",
            )
        ]
    return []


@checks.register(checks.Tags.caches)
def content_cache_is_shared(app_configs, **kwargs):
    """The same for the shared content (website/content_cache.py): another process would go on
    showing the old navigation, settings or routes after a change."""
    if not settings.CONTENT_CACHE_SECONDS:
        return []
    backend = settings.CACHES[settings.PAGE_CACHE_ALIAS]["BACKEND"]
    if backend in PROCESS_LOCAL_CACHES:
        return [
            checks.Warning(
                "The content cache is on, but its cache is local to each process, so a change "
                "does not reach other processes.",
                hint="Set REDIS_URL, or CONTENT_CACHE_SECONDS=0.",
                id="website.W002",
            )
        ]
    return []
