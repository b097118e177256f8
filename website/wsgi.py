"""WSGI entry point for production servers (gunicorn website.wsgi): Django, nothing in front of
it in Python. Pages are cached by Varnish in front of gunicorn (docs/deployment.md)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.production")

application = get_wsgi_application()

# Before gunicorn forks its workers (preload_app): each starts warm (website/warm_up.py).
from website.warm_up import freeze_what_is_loaded, prepare_process  # noqa: E402 (needs the application set up)

prepare_process()
freeze_what_is_loaded()
