"""The anonymous page cache (website/page_cache.py): pages come from the cache without a query,
and anything the public can see changing purges them at once."""

import os
import shutil
import socket
import subprocess
import sys
import time

from django.core.cache import caches
from django.http import HttpResponse
from django.template import RequestContext, Template
from django.urls import path

import pytest

from tests.conftest import unavailable
from website.models import CouncilSettings, StandardPage
from website.settings.env import redis_cache

pytestmark = pytest.mark.django_db

CACHE_HEADER = "X-Page-Cache"


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_BROWSER_SECONDS = 60
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "page-cache-tests",
        }
    }
    caches["default"].clear()
    yield
    caches["default"].clear()


def test_an_anonymous_page_is_served_from_the_cache_without_a_query(
    client, site, page_cache_on, django_assert_num_queries
):
    first = client.get("/about-family-hubs/")
    with django_assert_num_queries(0):
        second = client.get("/about-family-hubs/")

    assert first[CACHE_HEADER] == "miss"
    assert second[CACHE_HEADER] == "hit"
    assert second.status_code == 200
    assert second.content == first.content
    assert second["Content-Type"] == "text/html; charset=utf-8"
    assert second["Cache-Control"] == "public, max-age=60"


@pytest.mark.parametrize(
    "header", ["Content-Security-Policy", "Content-Security-Policy-Report-Only"]
)
def test_a_cached_page_carries_the_security_policy_it_was_made_with_in_either_mode(
    client, site, page_cache_on, settings, header
):
    if header.endswith("Report-Only"):
        settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = settings.CONTENT_SECURITY_POLICY
        settings.CONTENT_SECURITY_POLICY = None
    other = ({"Content-Security-Policy", "Content-Security-Policy-Report-Only"} - {header}).pop()

    first = client.get("/about-family-hubs/")
    second = client.get("/about-family-hubs/")

    assert (first[CACHE_HEADER], second[CACHE_HEADER]) == ("miss", "hit")
    assert "script-src 'self'" in first[header]
    assert second[header] == first[header]
    assert other not in first
    assert other not in second
    assert second["Permissions-Policy"] == first["Permissions-Policy"]


def test_a_changed_security_policy_applies_at_once_to_cached_pages(
    client, site, page_cache_on, settings
):
    client.get("/about-family-hubs/")
    assert client.get("/about-family-hubs/")[CACHE_HEADER] == "hit"

    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {
            **settings.CONTENT_SECURITY_POLICY["DIRECTIVES"],
            "frame-src": ["'self'", "https://video.example.gov.uk"],
        }
    }
    response = client.get("/about-family-hubs/")

    assert response[CACHE_HEADER] == "miss"
    assert "frame-src 'self' https://video.example.gov.uk" in response["Content-Security-Policy"]


def test_a_cached_page_costs_one_round_trip_to_the_cache(client, site, page_cache_on, monkeypatch):
    """The generation and the page are read together (Redis: one MGET)."""
    from django.core.cache.backends.locmem import LocMemCache

    reads, inside = [], []
    for name in ("get", "get_many"):
        original = getattr(LocMemCache, name)

        def counted(self, *args, _original=original, _name=name, **kwargs):
            if not inside:  # the memory cache's get_many calls get: count the outer call
                reads.append(_name)
            inside.append(_name)
            try:
                return _original(self, *args, **kwargs)
            finally:
                inside.pop()

        monkeypatch.setattr(LocMemCache, name, counted)
    client.get("/about-family-hubs/")
    reads.clear()

    assert client.get("/about-family-hubs/")[CACHE_HEADER] == "hit"
    assert reads == ["get_many"]


def test_a_cached_page_has_the_headers_of_a_fresh_one(client, site, page_cache_on):
    miss = client.get("/")
    hit = client.get("/")

    assert (miss[CACHE_HEADER], hit[CACHE_HEADER]) == ("miss", "hit")
    assert {**hit.headers, CACHE_HEADER: ""} == {**miss.headers, CACHE_HEADER: ""}
    assert hit["X-Frame-Options"] == "SAMEORIGIN"
    assert hit["X-Content-Type-Options"] == "nosniff"


def page_with_a_form(request):
    return HttpResponse(
        Template('<form method="post">{% csrf_token %}</form>').render(RequestContext(request))
    )


# For the test below, which serves this module as the site's URLs.
urlpatterns = [path("form/", page_with_a_form)]


@pytest.mark.urls(__name__)
def test_a_page_with_a_csrf_token_is_never_kept(client, page_cache_on):
    # The token is tied to the visitor's cookie; the second request sends that cookie back, as
    # a browser would, and must get a page of its own, not the first visitor's.
    for _ in range(2):
        response = client.get("/form/")
        assert b"csrfmiddlewaretoken" in response.content
        assert CACHE_HEADER not in response


def test_publishing_a_change_shows_at_once(client, site, page_cache_on):
    client.get("/about-family-hubs/")
    page = StandardPage.objects.get(slug="about-family-hubs")
    page.title = "All about family hubs"
    page.save_revision().publish()

    response = client.get("/about-family-hubs/")

    assert response[CACHE_HEADER] == "miss"
    assert "All about family hubs" in response.content.decode()


def test_a_saved_draft_does_not_purge(client, site, page_cache_on):
    client.get("/about-family-hubs/")
    page = StandardPage.objects.get(slug="about-family-hubs")
    page.title = "Draft title"
    page.save_revision()

    response = client.get("/about-family-hubs/")

    assert response[CACHE_HEADER] == "hit"
    assert "Draft title" not in response.content.decode()


def test_unpublishing_or_deleting_a_page_removes_it_and_its_links_at_once(
    client, site, page_cache_on
):
    assert 'href="/about-family-hubs/"' in client.get("/").content.decode()
    client.get("/about-family-hubs/")
    page = StandardPage.objects.get(slug="about-family-hubs")

    page.unpublish()

    assert client.get("/about-family-hubs/").status_code == 404
    assert 'href="/about-family-hubs/"' not in client.get("/").content.decode()

    client.get("/contact-us/")
    StandardPage.objects.get(slug="contact-us").delete()
    assert client.get("/contact-us/").status_code == 404


def test_moving_a_page_purges(client, site, page_cache_on):
    about = StandardPage.objects.get(slug="about-family-hubs")
    contact = StandardPage.objects.get(slug="contact-us")
    client.get("/contact-us/")

    contact.move(about, pos="last-child")

    # Wagtail leaves a redirect from the old address.
    assert client.get("/contact-us/")["Location"] == "/about-family-hubs/contact-us/"
    assert client.get("/about-family-hubs/contact-us/").status_code == 200


def test_changing_site_settings_purges(client, site, page_cache_on):
    client.get("/contact-us/")
    council = CouncilSettings.for_site(site)
    council.phone = "01902 000 9999"
    council.save()

    response = client.get("/contact-us/")

    assert response[CACHE_HEADER] == "miss"
    assert "01902 000 9999" in response.content.decode()


def test_signed_in_editors_never_get_or_fill_the_cache(admin_client, site, page_cache_on):
    first = admin_client.get("/about-family-hubs/")
    second = admin_client.get("/about-family-hubs/")

    assert CACHE_HEADER not in first
    assert CACHE_HEADER not in second


# A postcode and a word that the demo content does not contain: the cache holds that content.
@pytest.mark.parametrize(
    "url",
    [
        "/search/?q=speech+WV10+9AA",
        "/family-hubs/nearest/?postcode=WV10+9AA",
        "/about-family-hubs/?postcode=WV10+9AA",
        "/about-family-hubs/?q=zqxjkv",
    ],
)
def test_what_people_type_is_never_kept_in_the_cache(client, site, page_cache_on, url):
    client.get(url)
    client.get(url)

    assert not any(
        b"WV10 9AA" in str(value).encode() or b"zqxjkv" in str(value).encode()
        for value in caches["default"]._cache.values()
    ), "a typed query or postcode is in the cache"
    assert client.get(url).get(CACHE_HEADER) is None


def test_errors_and_posts_are_not_cached(client, site, page_cache_on):
    client.get("/no-such-page/")
    assert client.get("/no-such-page/").get(CACHE_HEADER) is None
    assert client.post("/about-family-hubs/").get(CACHE_HEADER) is None


def test_query_strings_are_part_of_the_key(client, site, page_cache_on):
    client.get("/about-family-hubs/?page=2")

    assert client.get("/about-family-hubs/?page=2")[CACHE_HEADER] == "hit"
    assert client.get("/about-family-hubs/?page=3")[CACHE_HEADER] == "miss"


def test_a_cache_server_that_is_down_does_not_take_the_site_down(client, site, settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.CACHES = {"default": redis_cache(f"redis://127.0.0.1:{closed_port()}/0", "down")}

    response = client.get("/about-family-hubs/")

    assert response.status_code == 200
    assert "About family hubs" in response.content.decode()


def test_a_purge_in_another_process_reaches_this_one_through_redis(
    client, site, settings, redis_url
):
    """As when the scheduler publishes an embargoed release while web workers serve pages."""
    prefix = f"test-{time.monotonic_ns()}"
    settings.PAGE_CACHE_SECONDS = 600
    settings.CACHES = {"default": redis_cache(redis_url, prefix)}
    client.get("/about-family-hubs/")
    assert client.get("/about-family-hubs/")[CACHE_HEADER] == "hit"

    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from website import page_cache; page_cache.purge_all()",
        ],
        env={**os.environ, "REDIS_URL": redis_url, "CACHE_KEY_PREFIX": prefix},
        cwd=settings.BASE_DIR,
        check=True,
        timeout=300,
    )

    assert client.get("/about-family-hubs/")[CACHE_HEADER] == "miss"


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    """A real Redis server of our own, on a free port, for this test session."""
    server = shutil.which("redis-server")
    if server is None:
        unavailable("redis-server is not installed (apt-get install redis-server)")
    port = closed_port()
    process = subprocess.Popen(
        [server, "--port", str(port), "--save", "", "--appendonly", "no", "--bind", "127.0.0.1"],
        cwd=tmp_path_factory.mktemp("redis"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if time.monotonic() > deadline:
                process.kill()
                pytest.fail("redis-server did not start")
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    process.terminate()
    process.wait(timeout=10)


def test_healthz_reports_a_cache_server_that_is_down_as_degraded(client, settings, db):
    settings.CACHES = {"default": redis_cache(f"redis://127.0.0.1:{closed_port()}/0", "down")}

    response = client.get("/healthz/")

    assert response.status_code == 503
    assert client.get("/healthz/live/").status_code == 200, "still serving: keep it in rotation"
    body = response.json()
    assert body["status"] == "degraded"
    assert body["checks"]["cache"] == {
        "status": "unavailable",
        "backend": "django_redis",
        "error": "ConnectionError",
    }


def test_healthz_reports_a_real_redis_as_ok(client, settings, db, redis_url):
    settings.CACHES = {"default": redis_cache(redis_url, "health")}

    body = client.get("/healthz/").json()

    assert body["checks"]["cache"] == {"status": "ok", "backend": "django_redis"}
