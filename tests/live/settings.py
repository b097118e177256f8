"""Production settings for the site the live tests serve under gunicorn (tests/live/stack.py),
with one change: static files are served from the apps' folders, as collected files would be,
so that the stack starts without `collectstatic` (compressing every file takes a minute)."""

from website.settings.production import *  # noqa: F403

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
}
WHITENOISE_USE_FINDERS = True
