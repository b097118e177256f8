"""WSGI entry point for production servers (gunicorn website.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

from website.page_cache import CachedPageApplication

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.production")

# A page the anonymous page cache kept is served before Django handles the request at all.
application = CachedPageApplication(get_wsgi_application())

# Before gunicorn forks its workers (preload_app): each starts warm (website/warm_up.py).
from website.warm_up import prepare_process  # noqa: E402 (needs the application set up)

prepare_process()
