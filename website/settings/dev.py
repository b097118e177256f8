"""`make run`: the embedded default on a developer's or an evaluator's machine."""

from .base import *  # noqa: F403
from .env import env_bool, env_str

DEBUG = env_bool("DEBUG", default=True)
# A fixed key is fine on a laptop; production.py refuses to start without a real one.
SECRET_KEY = env_str("SECRET_KEY") or "dev-only-not-secret-harbour-key"
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
