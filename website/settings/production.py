"""Production: DEBUG off, a real SECRET_KEY required, HTTPS everywhere.
`manage.py check --deploy` passes with these settings."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .env import env_bool, env_int, env_str

DEBUG = env_bool("DEBUG", default=False)
if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("Set SECRET_KEY: a long random string kept out of the repository.")

# HTTPS: the site sits behind a TLS-terminating proxy or load balancer.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
# Probes (Varnish, load balancers) ask over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz/(live/)?$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 63_072_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
# "preload" only consents to the browsers' preload list; nothing is listed until someone
# submits the domain. Turn it off if the council's parent domain must stay off that list.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
# X-Frame-Options is SAMEORIGIN, not DENY, on purpose: Wagtail's preview shows the page in a frame
# of the admin on the same site. CSP's frame-ancestors 'self' says the same to modern browsers.
SILENCED_SYSTEM_CHECKS = ["security.W019"]

# Hashed, compressed static files with far-future cache headers, served by WhiteNoise.
MIDDLEWARE.insert(  # noqa: F405
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,  # noqa: F405
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
}

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "webmaster@localhost")
