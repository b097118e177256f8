"""Settings shared by every environment. Everything that differs between machines comes from the
environment (see README.md, "Configuration"); dev.py, test.py and production.py only change
defaults and switch on what each mode needs."""

from datetime import timedelta
from pathlib import Path

import dj_database_url

from website.content_security import EMBED_FRAME_SOURCES, admin_directives, public_directives

from .env import code_release, env_bool, env_float, env_int, env_list, env_str, redis_cache

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

SECRET_KEY = env_str("SECRET_KEY")
DEBUG = env_bool("DEBUG", default=False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Ours. `website` is the project package (see README: why not `site/`).
    "website",
    "directory",
    "news",
    "search",
    # The demo council: only `manage.py load_demo` (and tests) run it; no models.
    "demo",
    # Wagtail
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtailgeowidget",
    "wagtail.contrib.redirects",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    # Security: CSP header, admin sign-in throttling, two-factor sign-in (docs/security.md).
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Its sitemap.xml template, rendered by wagtail.contrib.sitemaps at /sitemap.xml.
    "django.contrib.sitemaps",
]

# Query parameters that carry what a member of the public typed: a search, a postcode. An
# answer to them is never kept by any cache (website.middleware.PrivateQueryMiddleware).
PRIVATE_QUERY_PARAMETERS = ("q", "postcode", "search", "location")

MIDDLEWARE = [
    # Outermost: says in Cache-Control what Varnish or a CDN may keep, and for how long, from
    # the answer as it leaves (cookies and all) and what the page noted (website/shared_cache.py).
    "website.shared_cache.SharedCacheMiddleware",
    # Notes the content generation the request reads, so that the shared content it reads
    # again comes from this process's copy (website/content_cache.py).
    "website.generations.RequestGenerationMiddleware",
    # Answers to what someone typed (a search, a postcode) are marked private, no-store.
    "website.middleware.PrivateQueryMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # The Content Security Policy is the same for every visitor of a public page (website/
    # content_security.py), so a cached page keeps the one it was made with: built afresh it
    # cost a third of what serving a cached page costs in Python.
    "website.middleware.SiteCSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Marks a signed-in user verified once they gave a one-time code (request.user.is_verified).
    "django_otp.middleware.OTPMiddleware",
    # Sends admin users who have two-factor sign-in (or must have it) to the code page.
    "website.two_factor.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Turns a locked-out sign-in into the lockout page (django-axes).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "website.urls"
WSGI_APPLICATION = "website.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: DATABASE_URL (postgres://user:password@host:5432/name in production), else a SQLite
# file in the project folder: the embedded default.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(env_float("DATABASE_CONN_MAX_AGE", 60)),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server read while the scheduler or an import writes; IMMEDIATE
    # transactions wait for the write lock instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = False
else:
    # A database server that does not answer (a network fault, a host that is down) must fail
    # a request in seconds with the 503 page, not hold a worker for the system's TCP timeout.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", env_int("DATABASE_CONNECT_TIMEOUT", 5)
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-axes first: it refuses locked-out sign-ins before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# Where "Exit this page" (on pages about sensitive services) takes the reader: a neutral site
# that gives nothing away in the browser's history.
EXIT_THIS_PAGE_URL = env_str("EXIT_THIS_PAGE_URL") or "https://www.bbc.co.uk/weather"

# Static files and uploads
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT") or BASE_DIR / "static")
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Uploads (images, documents) in S3 or an S3-compatible store when a bucket is named: app servers
# then share nothing on disk. Credentials come from the usual AWS_* variables or the instance's
# role, never from settings files.
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_REGION_NAME = env_str("AWS_S3_REGION_NAME") or None
    AWS_S3_ENDPOINT_URL = env_str("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_CUSTOM_DOMAIN = env_str("AWS_S3_CUSTOM_DOMAIN") or None
    # Files are public by URL (they are on public pages); never overwrite an upload in place.
    AWS_QUERYSTRING_AUTH = False
    AWS_S3_FILE_OVERWRITE = False
    AWS_DEFAULT_ACL = None

# Caches: Redis when REDIS_URL is set (shared by every process), memory in this process
# otherwise. A cache server that goes away must not take the site down (Wagtail itself keeps
# its site root paths in the cache): django-redis treats its errors as misses, logged.
REDIS_URL = env_str("REDIS_URL")
# In every cache key: a deploy never reads what an older release pickled (website/settings/env.py).
RELEASE = code_release(BASE_DIR)
# Every call to Redis gives up after REDIS_SOCKET_TIMEOUT seconds; after one failure, this
# process leaves Redis alone for REDIS_BREAKER_SECONDS (website/redis_breaker.py).
REDIS_SOCKET_TIMEOUT = env_float("REDIS_SOCKET_TIMEOUT", 0.25)
REDIS_BREAKER_SECONDS = env_float("REDIS_BREAKER_SECONDS", 5.0)
if REDIS_URL:
    CACHES = {
        "default": redis_cache(
            REDIS_URL,
            f"{env_str('CACHE_KEY_PREFIX', 'harbour')}:{RELEASE}",
            socket_timeout=REDIS_SOCKET_TIMEOUT,
        )
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Reported by /healthz/ (website/health.py) rather than one traceback per request.
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = False
# The data every page shows (settings, navigation, sites, view restrictions, routes, schedules,
# cards), kept under a generation that every change the public can see moves on
# (website/content_cache.py, website/generations.py). Only with a shared cache: with memory
# caches each process would keep its own copy, and a change made in one process (the
# scheduler, the admin) would not reach the others. 0 turns it off.
CONTENT_CACHE_ALIAS = "default"
CONTENT_CACHE_SECONDS = env_int("CONTENT_CACHE_SECONDS", 600 if REDIS_URL else 0)
# What Varnish (or a CDN) in front may keep (website/shared_cache.py): public pages for
# SHARED_CACHE_SECONDS, or until what they show stops being true (an opening time), whichever is
# sooner; missing pages briefly. It is purged or banned when an editor changes something, but
# browsers cannot be, so they keep a page for BROWSER_CACHE_SECONDS only.
SHARED_CACHE_SECONDS = env_int("SHARED_CACHE_SECONDS", 3600)
SHARED_CACHE_MISSING_SECONDS = env_int("SHARED_CACHE_MISSING_SECONDS", 60)
BROWSER_CACHE_SECONDS = env_int("BROWSER_CACHE_SECONDS", 60)
# Varnish (or a CDN that speaks PURGE and BAN) in front: Wagtail purges a published page's URLs
# there, and every change the public can see bans the site (website/invalidation.py). What
# cannot reach it is retried by the task worker until it lands (website/tasks.py).
FRONTEND_CACHE_PURGE_URL = env_str("FRONTEND_CACHE_PURGE_URL")
FRONTEND_CACHE_TIMEOUT = env_float("FRONTEND_CACHE_TIMEOUT", 2.0)
if FRONTEND_CACHE_PURGE_URL:
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "website.frontend_cache.PurgingBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }
# Invalidations that did not reach Redis or Varnish are tried again this soon, doubling up to
# the maximum, so that a change lands within seconds of the cache coming back.
INVALIDATION_RETRY_FIRST_DELAY_SECONDS = env_float("INVALIDATION_RETRY_FIRST_DELAY_SECONDS", 1.0)
INVALIDATION_RETRY_MAX_DELAY_SECONDS = env_float("INVALIDATION_RETRY_MAX_DELAY_SECONDS", 5.0)
INVALIDATION_MAX_ATTEMPTS = env_int("INVALIDATION_MAX_ATTEMPTS", 20_000)

# Wagtail's page editor can post more fields than Django's default limit.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = env_str("WAGTAIL_SITE_NAME", "Harbour")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No Gravatar: it would send a hash of each editor's email address to an outside service on every
# admin page (and the admin's Content Security Policy does not allow it). Editors can upload an
# avatar in their account instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Uploads (docs/security.md). Images: raster formats only (an SVG can carry script), checked by
# content as well as by name, at most 10 MB and 40 megapixels (a bigger picture costs too much
# memory to resize). Documents: office and text formats only, never HTML or executables.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# Uploads must decode whole (website/image_uploads.py): a fake or truncated image is refused.
WAGTAILIMAGES_IMAGE_FORM_BASE = "website.image_uploads.ImageForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_int("WAGTAILIMAGES_MAX_UPLOAD_SIZE", 10 * 1024 * 1024)
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env_int("WAGTAILIMAGES_MAX_IMAGE_PIXELS", 40_000_000)
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
# Documents download as attachments, except PDFs and plain text, which people read in the
# browser; Wagtail serves those with a policy that blocks anything active inside them.
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf", "text/plain"]
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
# Request bodies held in memory: form posts (the page editor's big forms included) up to 10 MB;
# uploaded files beyond 2.5 MB stream to a temporary file instead of memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = int(2.5 * 1024 * 1024)

# Maps. Tiles come from MAP_TILE_URL (any XYZ tile server: OpenStreetMap's by default, or the
# council's own); empty turns maps off. Pages never depend on them: the addresses are the
# content. Leaflet itself is served from our static files, never a CDN.
MAP_TILE_URL = env_str("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env_str(
    "MAP_TILE_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
)
# The admin's map widget (wagtailgeowidget) uses the same tiles, centred on the council's area.
GEO_WIDGET_LEAFLET_TILE_LAYER = MAP_TILE_URL
GEO_WIDGET_LEAFLET_TILE_LAYER_OPTIONS = {"attribution": MAP_TILE_ATTRIBUTION}
GEO_WIDGET_DEFAULT_LOCATION = {
    "lat": env_float("MAP_CENTRE_LATITUDE", 52.5862),
    "lng": env_float("MAP_CENTRE_LONGITUDE", -2.1288),
}
GEO_WIDGET_ZOOM = 12
GEO_WIDGET_EMPTY_LOCATION = True

# Security headers (docs/security.md). Production adds HTTPS: HSTS, secure cookies, redirects.
ADMIN_URL_PREFIX = "/admin/"
# Wagtail's preview shows a page in a frame of the admin: same origin only.
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True

# Content Security Policy: no inline script or style on the public site, and no nonces either,
# so that a cached page is right for every visitor (website/content_security.py). Images may
# come from the map tile server, derived from MAP_TILE_URL. The environment variable
# CSP_REPORT_ONLY sends the same policy as Content-Security-Policy-Report-Only instead, to try a
# change without breaking pages. (A Django setting of that name would be django-csp 3's, which
# django-csp 4 refuses: hence CSP_ENFORCED.)
CSP_ENFORCED = not env_bool("CSP_REPORT_ONLY", default=False)
CSP_EXTRA_FRAME_SOURCES = env_list("CSP_EXTRA_FRAME_SOURCES")
CONTENT_SECURITY_POLICY_SOURCES = {
    "map_tile_url": MAP_TILE_URL,
    "media_url": MEDIA_URL,
    "static_url": STATIC_URL,
    "frame_sources": [*EMBED_FRAME_SOURCES, *CSP_EXTRA_FRAME_SOURCES],
    "report_uri": env_str("CSP_REPORT_URI"),
}
PUBLIC_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": public_directives(**CONTENT_SECURITY_POLICY_SOURCES)
}
# The Wagtail admin's own inline scripts and styles need 'unsafe-inline' there: only there.
ADMIN_CONTENT_SECURITY_POLICY = {"DIRECTIVES": admin_directives(**CONTENT_SECURITY_POLICY_SOURCES)}
CONTENT_SECURITY_POLICY = PUBLIC_CONTENT_SECURITY_POLICY if CSP_ENFORCED else None
CONTENT_SECURITY_POLICY_REPORT_ONLY = None if CSP_ENFORCED else PUBLIC_CONTENT_SECURITY_POLICY

# Browser features no page of ours uses, turned off for every page and every frame in it.
# Geolocation too: the hub finder asks for a postcode, never the device's location.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "ambient-light-sensor": [],
    "autoplay": [],
    "browsing-topics": [],
    "camera": [],
    "display-capture": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "usb": [],
    "xr-spatial-tracking": [],
    # Video embeds may go full screen.
    "fullscreen": ["self", *EMBED_FRAME_SOURCES, *CSP_EXTRA_FRAME_SOURCES],
}

# Admin sign-in throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one
# username from one address, that pair is locked out for AXES_COOLOFF_MINUTES. Unlock early with
# `manage.py axes_reset_username NAME` (docs/security.md).
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_float("AXES_COOLOFF_MINUTES", 15.0))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "website.sign_in.locked_out_response"
# The visitor's address as our proxies report it (website/client_ip.py): TRUSTED_PROXY_COUNT is
# how many proxies we run in front of the app (a load balancer: 1); 0 trusts REMOTE_ADDR alone.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "website.client_ip.client_ip_address"
# Failures and lockouts are still logged (username and address); this drops axes' start-up
# banner on every command and the user agent from its log lines.
AXES_VERBOSE = False
# The admin's "forgotten password" form sends an email each time: at most this many requests
# in the window from one address, and as many for one email address (website/password_reset.py).
PASSWORD_RESET_LIMIT = env_int("PASSWORD_RESET_LIMIT", 5)
PASSWORD_RESET_WINDOW_MINUTES = env_float("PASSWORD_RESET_WINDOW_MINUTES", 60.0)

# Two-factor sign-in for the admin (website/two_factor/): optional for each editor, or required
# for everyone with admin access when ADMIN_REQUIRE_2FA is on.
ADMIN_REQUIRE_2FA = env_bool("ADMIN_REQUIRE_2FA", default=False)
OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER", WAGTAIL_SITE_NAME)
# Wrong codes slow sign-in down: 1 s after the first, doubling each time (django-otp).
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1

# Search: Wagtail's database backend unless ELASTICSEARCH_URL names a cluster (comma-separated
# URLs for several nodes). ELASTICSEARCH_INDEX_PREFIX keeps several sites (or test runs) apart
# on one cluster. Rebuilds are atomic: a new index is filled, then an alias is swapped.
# With Elasticsearch, the database backend stays configured as "database": it is what site search
# answers from when the cluster is down (docs/search.md), so Wagtail keeps its index up to date.
# Elasticsearch itself is updated by our durable task queue (search/tasks.py), not by Wagtail's
# in-process updates, which drop changes when the cluster is unreachable: hence AUTO_UPDATE off.
ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL")
ELASTICSEARCH_TIMEOUT = env_float("ELASTICSEARCH_TIMEOUT", 3.0)
DATABASE_SEARCH_BACKEND = {
    # Wagtail's database backend, with SQLite's relevance corrected (search/backends/database.py).
    "BACKEND": "search.backends.database",
    # PostgreSQL: stem English words ("nurseries" finds "nursery"). Other databases ignore it.
    "SEARCH_CONFIG": "english",
}
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": env_list("ELASTICSEARCH_URL"),
            "INDEX_PREFIX": env_str("ELASTICSEARCH_INDEX_PREFIX", "harbour_"),
            "ATOMIC_REBUILD": True,
            "TIMEOUT": ELASTICSEARCH_TIMEOUT,
            "AUTO_UPDATE": False,
            "OPTIONS": {"max_retries": 1, "retry_on_timeout": False},
        },
        "database": DATABASE_SEARCH_BACKEND,
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": DATABASE_SEARCH_BACKEND}

# Site search (docs/search.md). After Elasticsearch fails, search goes straight to the database
# for this many seconds instead of waiting for the cluster's timeout on every request.
SEARCH_FALLBACK_SECONDS = env_float("SEARCH_FALLBACK_SECONDS", 30.0)
# Index updates that fail (Elasticsearch down) are retried with a growing delay, up to a day.
SEARCH_INDEX_RETRY_FIRST_DELAY_SECONDS = env_float("SEARCH_INDEX_RETRY_FIRST_DELAY_SECONDS", 10.0)
SEARCH_INDEX_RETRY_MAX_DELAY_SECONDS = env_float("SEARCH_INDEX_RETRY_MAX_DELAY_SECONDS", 600.0)
SEARCH_INDEX_MAX_ATTEMPTS = int(env_float("SEARCH_INDEX_MAX_ATTEMPTS", 150))
# Editors' synonym changes reach Elasticsearch by a rebuild, started this long after the last
# change so that a run of edits makes one rebuild.
SEARCH_SYNONYMS_REBUILD_DELAY_SECONDS = env_float("SEARCH_SYNONYMS_REBUILD_DELAY_SECONDS", 120.0)

# Tasks (index updates, rebuilds) are rows in the database, run by `manage.py db_worker`: they
# survive restarts, and failed index updates are queued again (docs/search.md).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Services not reviewed for this many months are listed for editors (Reports > Services to
# review, and the dashboard).
SERVICE_REVIEW_MONTHS = env_int("SERVICE_REVIEW_MONTHS", 12)
# Wagtail's search-term counts: keep a year of daily counts for the editors' report.
WAGTAILSEARCH_HITS_MAX_AGE = 365

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "filters": {
        # Request lines carry query strings, and so what people type (postcodes): never log them.
        "redact_query_strings": {"()": "website.logging_filters.RedactQueryStrings"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["redact_query_strings"],
        },
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # Django's own default sends its loggers, with DEBUG on (make run), to a console
        # handler of its own, which would print "Not Found: /WV14 0AA/" unredacted: ours only.
        "django": {
            "handlers": ["console"],
            "level": env_str("LOG_LEVEL", "INFO"),
            "propagate": False,
        },
        "elastic_transport": {"level": "WARNING"},
        # One line per task and per page action drowns out what matters; raise to see them.
        "django_tasks": {"level": env_str("TASKS_LOG_LEVEL", "WARNING")},
        "wagtail": {"level": env_str("WAGTAIL_LOG_LEVEL", "WARNING")},
    },
}
