"""System checks for settings that would make the site wrong rather than fail to start."""

from django.conf import settings
from django.core import checks

PROCESS_LOCAL_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


@checks.register(checks.Tags.caches)
def content_cache_is_shared(app_configs, **kwargs):
    """With a cache each process keeps to itself, a change made in one process (the admin, the
    scheduler) would not reach the others' copies of the shared content
    (website/content_cache.py): they would go on showing the old navigation, settings or
    routes."""
    if not settings.CONTENT_CACHE_SECONDS:
        return []
    backend = settings.CACHES[settings.CONTENT_CACHE_ALIAS]["BACKEND"]
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
