"""pytest. DATABASE_URL picks the database (SQLite by default, PostgreSQL in CI). Search runs on
the database backend; tests that need Elasticsearch switch to it explicitly (tests/conftest.py)."""

from .base import *  # noqa: F403
from .env import env_str

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILSEARCH_BACKENDS = {"default": DATABASE_SEARCH_BACKEND}  # noqa: F405
# Tasks run in the test's own thread; the durability tests switch to the database queue and run
# its worker themselves.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Page types shaped like the domain apps' (a service with a location, a news release with a date),
# for the search tests only: search must not import the directory or news apps.
INSTALLED_APPS = [*INSTALLED_APPS, "tests.testapp"]  # noqa: F405
# The node the Elasticsearch tests use; they fail in CI and skip elsewhere when it is unset.
TEST_ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL")
# Each test process has its own database and its own memory cache, so shared data may be cached
# as in production (tests/conftest.py empties the caches before each test): website.W002 warns
# about memory caches shared by several processes, which a test process is not.
CONTENT_CACHE_SECONDS = 600
SILENCED_SYSTEM_CHECKS = ["website.W002"]
MEDIA_ROOT = BASE_DIR / "test-results" / "media"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# Tests point the client at closed ports on purpose; its retry warnings are noise there.
LOGGING["loggers"]["elastic_transport"] = {"level": "CRITICAL"}  # noqa: F405
# No outside tile server in tests: a tile of our own, so maps render offline.
MAP_TILE_URL = "/static/directory/map/test-tile.png"
GEO_WIDGET_LEAFLET_TILE_LAYER = MAP_TILE_URL
# The policies as they follow from the test tile server above (a path on our own site).
CONTENT_SECURITY_POLICY_SOURCES["map_tile_url"] = MAP_TILE_URL  # noqa: F405
PUBLIC_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": public_directives(**CONTENT_SECURITY_POLICY_SOURCES)  # noqa: F405
}
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": admin_directives(**CONTENT_SECURITY_POLICY_SOURCES)  # noqa: F405
}
CONTENT_SECURITY_POLICY = PUBLIC_CONTENT_SECURITY_POLICY
CONTENT_SECURITY_POLICY_REPORT_ONLY = None
