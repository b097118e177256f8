"""What the site tells the HTTP cache in front of it (website/shared_cache.py), and what an
editor's change invalidates (website/invalidation.py): Cache-Control on every answer, and a BAN
(and Wagtail's PURGE) sent to the frontend cache, here a small real HTTP server that notes what
it is sent (tests/servers.py: CacheRequestLog). Varnish itself: tests/website/test_live_stack.py
and the fault drills."""

from datetime import UTC, datetime, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse
from django.template import RequestContext, Template
from django.urls import path

from wagtail.models import Page, PageViewRestriction

import pytest

from tests.servers import CacheRequestLog, free_port
from website import shared_cache
from website.models import CouncilSettings, StandardPage
from website.settings.env import redis_cache

pytestmark = pytest.mark.django_db


@pytest.fixture
def cache_times(settings):
    settings.BROWSER_CACHE_SECONDS = 60
    settings.SHARED_CACHE_SECONDS = 3600
    settings.SHARED_CACHE_MISSING_SECONDS = 60


def directives(response) -> set[str]:
    return {word.strip() for word in response.get("Cache-Control", "").split(",") if word.strip()}


def test_an_anonymous_page_may_be_kept_by_browsers_briefly_and_by_the_shared_cache_longer(
    client, site, cache_times
):
    response = client.get("/about-family-hubs/")

    assert response.status_code == 200
    assert directives(response) == {"public", "max-age=60", "s-maxage=3600"}


def test_a_head_request_gets_the_same_headers_and_no_body(client, site, cache_times):
    get, head = client.get("/about-family-hubs/"), client.head("/about-family-hubs/")

    assert head.status_code == 200
    assert head.content == b""
    assert directives(head) == directives(get)


def test_a_missing_page_is_kept_briefly_and_only_by_the_shared_cache(client, site, cache_times):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert directives(response) == {"public", "max-age=0", "s-maxage=60"}


def test_signed_in_editors_get_private_answers(admin_client, site, cache_times):
    response = admin_client.get("/about-family-hubs/")

    assert response.status_code == 200
    assert "private" in directives(response)
    assert not any(word.startswith("s-maxage") for word in directives(response))


def test_a_visitor_with_a_session_gets_private_answers(client, site, cache_times):
    client.cookies["sessionid"] = "a-visitor-who-gave-a-pages-password"

    assert "private" in directives(client.get("/about-family-hubs/"))


def page_with_a_form(request):
    return HttpResponse(
        Template('<form method="post">{% csrf_token %}</form>').render(RequestContext(request))
    )


def page_true_for_a_minute(request):
    shared_cache.content_true_until(datetime.now(UTC) + timedelta(seconds=59.5))
    shared_cache.content_true_until(None)  # "no such moment" changes nothing
    return HttpResponse("Open now, closes in a minute")


# For the tests below, which serve this module as the site's URLs.
urlpatterns = [path("form/", page_with_a_form), path("minute/", page_true_for_a_minute)]


@pytest.mark.urls(__name__)
def test_a_page_that_sets_a_cookie_is_private(client, cache_times):
    response = client.get("/form/")

    assert response.cookies
    assert "private" in directives(response)
    assert "public" not in directives(response)


@pytest.mark.urls(__name__)
def test_a_page_is_kept_no_longer_than_what_it_shows_stays_true(client, cache_times):
    assert directives(client.get("/minute/")) == {"public", "max-age=60", "s-maxage=60"}


def test_seconds_until_rounds_up_and_never_goes_below_zero():
    now = datetime(2026, 12, 7, 8, 59, 30, tzinfo=UTC)

    assert shared_cache.seconds_until(now + timedelta(seconds=29.2), now) == 30
    assert shared_cache.seconds_until(now - timedelta(seconds=5), now) == 0
    assert shared_cache.seconds_until(None, now) is None


def test_a_moment_noted_outside_a_request_changes_nothing():
    shared_cache.content_true_until(datetime.now(UTC))


def test_errors_and_posts_are_never_public(client, site, cache_times):
    assert "public" not in directives(client.post("/about-family-hubs/"))


@pytest.mark.parametrize(
    "url", ["/search/?q=speech+WV10+9AA", "/family-hubs/nearest/?postcode=WV10+9AA"]
)
def test_what_people_type_is_never_public(client, site, cache_times, url):
    assert {"private", "no-store"} <= directives(client.get(url))


BAN = ("BAN", "testserver", "/")


def test_publishing_a_page_purges_it_and_bans_the_site(
    site, frontend_cache, django_capture_on_commit_callbacks
):
    page = StandardPage.objects.get(slug="about-family-hubs")
    page.title = "All about family hubs"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    assert ("PURGE", "testserver", "/about-family-hubs/") in frontend_cache.received
    assert frontend_cache.received.count(BAN) == 1


def test_a_saved_draft_sends_nothing(site, frontend_cache, django_capture_on_commit_callbacks):
    page = StandardPage.objects.get(slug="about-family-hubs")
    page.title = "Draft title"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision()

    assert frontend_cache.received == []


@pytest.mark.parametrize(
    "change",
    ["unpublish", "delete", "move", "restrict", "settings"],
)
def test_every_change_the_public_sees_bans_the_site(
    site, frontend_cache, django_capture_on_commit_callbacks, change
):
    about = StandardPage.objects.get(slug="about-family-hubs")
    contact = StandardPage.objects.get(slug="contact-us")
    with django_capture_on_commit_callbacks(execute=True):
        if change == "unpublish":
            contact.unpublish()
        elif change == "delete":
            contact.delete()
        elif change == "move":
            contact.move(about, pos="last-child")
        elif change == "restrict":
            PageViewRestriction.objects.create(
                page=Page.objects.get(pk=about.pk), restriction_type="login"
            )
        else:
            council = CouncilSettings.for_site(site)
            council.phone = "01902 000 9999"
            council.save()

    assert frontend_cache.received.count(BAN) == 1


# The task worker closes its database connection after a batch, as in production: that
# cannot happen inside a test's transaction on PostgreSQL.
@pytest.mark.django_db(transaction=True)
def test_a_ban_that_cannot_reach_the_cache_is_retried_until_it_lands(
    site, settings, django_capture_on_commit_callbacks
):
    from django.db import connection
    from django.utils import timezone

    import time_machine
    from django_tasks_db.models import DBTaskResult

    from tests.faults.search_index import run_worker

    connection.run_on_commit.clear()  # the demo site's, as in the fixture above
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    down = CacheRequestLog(port=free_port())  # nothing listens there yet
    settings.WAGTAILFRONTENDCACHE = {
        "default": {"BACKEND": "website.frontend_cache.PurgingBackend", "LOCATION": down.url}
    }
    council = CouncilSettings.for_site(site)
    council.phone = "01902 000 9999"
    with django_capture_on_commit_callbacks(execute=True):
        council.save()

    run_worker()  # fails, and queues itself again a second later
    bans = DBTaskResult.objects.filter(task_path="website.tasks.ban_hosts")
    assert [task.status for task in bans.order_by("enqueued_at")] == ["FAILED", "READY"]
    back = down.start()
    try:
        with time_machine.travel(timezone.now() + timedelta(seconds=2), tick=False):
            run_worker()
    finally:
        back.stop()

    assert back.received == [BAN]
    assert bans.filter(status="SUCCESSFUL").count() == 1


def test_a_cache_server_that_is_down_does_not_take_the_site_down(client, site, settings):
    settings.CONTENT_CACHE_SECONDS = 600
    settings.CACHES = {"default": redis_cache(f"redis://127.0.0.1:{free_port()}/0", "down")}

    response = client.get("/about-family-hubs/")

    assert response.status_code == 200
    assert "About family hubs" in response.content.decode()


def test_healthz_reports_a_cache_server_that_is_down_as_degraded(client, settings, db):
    settings.CACHES = {"default": redis_cache(f"redis://127.0.0.1:{free_port()}/0", "down")}

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


def test_healthz_reports_a_real_redis_as_ok(client, settings, db, redis_server):
    settings.CACHES = {"default": redis_cache(redis_server.url, "health")}

    body = client.get("/healthz/").json()

    assert body["checks"]["cache"] == {"status": "ok", "backend": "django_redis"}


def test_wagtail_noting_an_images_size_bans_nothing(site, frontend_cache):
    from wagtail.images import get_image_model

    from tests.website.test_security_uploads import png_bytes

    image = get_image_model().objects.create(
        title="Photo", file=SimpleUploadedFile("photo.png", png_bytes())
    )
    frontend_cache.received.clear()
    from django.db import connection

    connection.run_on_commit.clear()
    image.file_size = None
    image.save(update_fields=["file_size"])
    image.get_file_size()  # as a page that shows it does, the first time

    assert connection.run_on_commit == []
