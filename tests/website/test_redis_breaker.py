"""Redis that hangs (website/redis_breaker.py): a real Redis server of our own, paused with
SIGSTOP, so that it accepts connections and never answers, as a hung or swapping server does.
A process waits for it once, then stops asking for a few seconds; a new content generation
that it could not take is retried by the task worker until it lands."""

import os
import subprocess
import sys
import time
import uuid
from datetime import timedelta

from django.core.cache import caches
from django.utils import timezone

import pytest
import time_machine
from django_tasks_db.models import DBTaskResult

from tests.faults.search_index import run_worker
from website import content_cache, generations
from website.redis_breaker import BREAKER, BreakerOpen
from website.settings.env import code_release, redis_cache

pytestmark = pytest.mark.django_db

SOCKET_TIMEOUT = 0.25


@pytest.fixture
def redis_cache_on(settings, redis_server):
    settings.CACHES = {
        "default": redis_cache(redis_server.url, f"t{uuid.uuid4().hex[:8]}", SOCKET_TIMEOUT)
    }
    settings.CONTENT_CACHE_SECONDS = 600
    settings.REDIS_BREAKER_SECONDS = 1.0
    yield redis_server
    redis_server.resume()
    caches["default"].close()


def timed(work) -> float:
    started = time.monotonic()
    work()
    return time.monotonic() - started


def test_a_paused_redis_costs_one_timeout_then_nothing_until_the_breaker_tries_again(
    redis_cache_on,
):
    cache = caches["default"]
    cache.set("greeting", "hello")
    redis_cache_on.pause()

    first = timed(lambda: cache.get("greeting"))
    assert cache.get("greeting") is None, "a miss, not an error"
    rest = timed(lambda: [cache.get("greeting") for _ in range(50)])

    assert SOCKET_TIMEOUT * 0.8 < first < SOCKET_TIMEOUT * 4
    assert rest < 0.1, "the breaker is open: Redis is not asked"
    with pytest.raises(BreakerOpen):
        cache.client.get_client(write=False).ping()

    redis_cache_on.resume()
    time.sleep(1.05)  # REDIS_BREAKER_SECONDS: one call tries again, finds Redis, closes it
    assert cache.get("greeting") == "hello"
    assert timed(lambda: [cache.get("greeting") for _ in range(50)]) < 1


def test_a_page_with_redis_paused_is_read_from_the_database(client, site, redis_cache_on):
    assert client.get("/about-family-hubs/").status_code == 200
    redis_cache_on.pause()

    answers = []
    for _ in range(5):
        started = time.monotonic()
        response = client.get("/about-family-hubs/")
        answers.append((response.status_code, time.monotonic() - started))

    assert all(status == 200 for status, _ in answers)
    assert sum(seconds for _, seconds in answers) < 2, answers
    assert client.get("/healthz/").json()["checks"]["cache"]["status"] == "unavailable"


# The task worker closes its database connection after a batch, as in production: that
# cannot happen inside a test's transaction on PostgreSQL.
@pytest.mark.django_db(transaction=True)
def test_a_generation_redis_could_not_take_is_retried_until_it_lands(
    settings, site, redis_cache_on, django_capture_on_commit_callbacks
):
    from django.db import connection

    connection.run_on_commit.clear()  # the demo site's, for a commit that never comes
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    before = content_cache.remember("phone", lambda: "0300 555 0100")
    generation = generations.current_generation()
    redis_cache_on.pause()

    with django_capture_on_commit_callbacks(execute=True):
        generations.start_new_generation()  # an editor's change, while Redis hangs
    retries = DBTaskResult.objects.filter(task_path="website.tasks.start_new_generation")
    assert retries.count() == 2, "one for the change, one for its commit"

    redis_cache_on.resume()
    BREAKER.close()
    # The increment that timed out may have reached Redis and run once it resumed, or not:
    # the retries move the generation on either way.
    resumed = generations.current_generation()
    with time_machine.travel(timezone.now() + timedelta(seconds=2), tick=False):
        run_worker()

    assert generations.current_generation() > max(resumed, generation)
    assert content_cache.remember("phone", lambda: "0300 555 0199") == "0300 555 0199"
    assert retries.filter(status="SUCCESSFUL").count() == 2
    assert before == "0300 555 0100"


def test_the_release_changes_with_the_code_unless_the_deployment_names_it(tmp_path, monkeypatch):
    monkeypatch.delenv("RELEASE", raising=False)
    (tmp_path / "website").mkdir()
    (tmp_path / "uv.lock").write_text("django==5.2\n")
    (tmp_path / "website" / "models.py").write_text("class Hub: pass\n")
    first = code_release(tmp_path)
    (tmp_path / "website" / "models.py").write_text("class Hub:\n    name = ''\n")
    second = code_release(tmp_path)
    (tmp_path / "uv.lock").write_text("django==5.2.1\n")
    third = code_release(tmp_path)

    assert len({first, second, third}) == 3
    monkeypatch.setenv("RELEASE", "2026.12.1")
    assert code_release(tmp_path) == "2026.12.1"


def test_every_redis_key_carries_the_release(settings):
    """As production configures the cache: a deploy never reads what an older release kept."""
    found = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.CACHES['default']['KEY_PREFIX'], settings.RELEASE)",
        ],
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "website.settings.dev",
            "REDIS_URL": "redis://127.0.0.1:1/0",
            "RELEASE": "2026.12.1",
        },
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()

    assert found == ["harbour:2026.12.1", "2026.12.1"]
