"""The data every page shares (website/content_cache.py): read once, then kept until an editor
changes something, and never stale after the change."""

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction, Site

import pytest

from directory.models import FamilyHubPage
from website import content_cache, generations
from website.models import CouncilSettings, NavigationSettings, StandardPage

pytestmark = pytest.mark.django_db

SHARED_TABLES = ("website_councilsettings", "website_navigationsettings")


def tables_read(client, url: str) -> set[str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return {table for table in SHARED_TABLES for query in queries if f'"{table}"' in query["sql"]}


def test_the_shared_data_is_read_once_then_kept(client, demo_site):
    hub = FamilyHubPage.objects.live().first()

    assert tables_read(client, hub.url) == set(SHARED_TABLES)
    assert tables_read(client, hub.url) == set()
    assert tables_read(client, "/family-hubs/") == set()


def test_with_the_cache_turned_off_every_page_view_reads_it(client, demo_site, settings):
    settings.CONTENT_CACHE_SECONDS = 0
    hub = FamilyHubPage.objects.live().first()
    client.get(hub.url)

    assert tables_read(client, hub.url) == set(SHARED_TABLES)


def test_a_change_to_the_councils_details_shows_at_once(client, site):
    assert "0300 555 0100" not in client.get("/").content.decode()
    council = CouncilSettings.for_site(site)
    council.phone = "0300 555 0100"
    council.save()

    assert "0300 555 0100" in client.get("/").content.decode()


def test_a_change_to_the_navigation_shows_at_once(client, site):
    client.get("/")
    navigation = NavigationSettings.for_site(site)
    navigation.main_navigation = [
        ("link", {"page": None, "url": "https://www.gov.uk/", "text": "GOV.UK"})
    ]
    navigation.save()

    assert 'href="https://www.gov.uk/"' in client.get("/").content.decode()


def test_a_renamed_page_shows_its_new_title_in_the_navigation_once_published(client, site):
    about = StandardPage.objects.get(slug="about-family-hubs")
    client.get("/")
    about.title = "All about family hubs"
    about.save_revision()

    assert "All about family hubs" not in client.get("/").content.decode()  # a draft

    about.get_latest_revision().publish()

    assert "All about family hubs" in client.get("/").content.decode()


def test_a_pages_published_change_shows_at_once(client, site):
    about = StandardPage.objects.get(slug="about-family-hubs")
    client.get(about.url)

    about.summary = "Everything about the hubs, in one place."
    about.save_revision()
    assert "in one place" not in client.get(about.url).content.decode()  # a draft
    about.get_latest_revision().publish()

    assert "in one place" in client.get(about.url).content.decode()


def test_a_section_made_private_is_private_at_once(client, demo_site):
    hub = FamilyHubPage.objects.live().order_by("title").first()
    assert client.get(hub.url).status_code == 200
    assert hub.title in client.get("/family-hubs/").content.decode()

    PageViewRestriction.objects.create(page=hub, restriction_type="login")

    assert client.get(hub.url).status_code == 302
    assert hub.title not in client.get("/family-hubs/").content.decode()

    PageViewRestriction.objects.filter(page=hub).delete()

    assert client.get(hub.url).status_code == 200
    assert hub.title in client.get("/family-hubs/").content.decode()


def test_a_new_site_answers_for_its_hostname_at_once(client, site, home_page):
    other_root = home_page.add_child(instance=StandardPage(title="Youth zone", slug="youth"))
    assert client.get("/", HTTP_HOST="youth.example").status_code == 200  # the default site

    Site.objects.create(hostname="youth.example", port=80, root_page=other_root)

    response = client.get("/", HTTP_HOST="youth.example")
    assert response.status_code == 200
    assert "<h1" in response.content.decode()
    assert "Youth zone" in response.content.decode().split("<h1", 1)[1]


def test_a_cache_that_is_down_means_reading_afresh_not_an_error(client, site, monkeypatch):
    class BrokenCache:
        def get(self, *args, **kwargs):
            raise ConnectionError("cache server gone")

        add = set = incr = get_many = set_many = get

    monkeypatch.setattr(generations, "cache", lambda: BrokenCache())

    assert content_cache.remember("answer", lambda: 42) == 42
    assert client.get("/").status_code == 200


def test_a_change_starts_another_generation_when_its_transaction_commits(
    site, django_capture_on_commit_callbacks
):
    """A page rendered between the change and its commit would keep the old content under the
    new generation: the generation moves on again on commit, leaving it behind."""
    from django.db import connection

    connection.run_on_commit.clear()  # the demo site's, for a commit that never comes
    before = generations.current_generation()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        council = CouncilSettings.for_site(site)
        council.phone = "0300 555 0199"
        council.save()
    during = generations.current_generation()
    for callback in callbacks:
        callback()

    assert before < during < generations.current_generation()


def test_a_moved_page_answers_at_its_new_address_at_once(client, site, home_page):
    about = StandardPage.objects.get(slug="about-family-hubs")
    contact = StandardPage.objects.get(slug="contact-us")
    assert client.get("/contact-us/").status_code == 200

    contact.move(about, pos="last-child")

    assert client.get("/about-family-hubs/contact-us/").status_code == 200
    # Wagtail leaves a redirect at the old address.
    assert client.get("/contact-us/")["Location"].endswith("/about-family-hubs/contact-us/")


def test_an_unpublished_page_is_gone_at_once(client, site):
    about = StandardPage.objects.get(slug="about-family-hubs")
    assert client.get("/about-family-hubs/").status_code == 200

    about.unpublish()

    assert client.get("/about-family-hubs/").status_code == 404


def test_a_content_cache_local_to_each_process_is_warned_about(settings):
    from website.checks import content_cache_is_shared

    settings.CONTENT_CACHE_SECONDS = 600
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert [warning.id for warning in content_cache_is_shared(None)] == ["website.W002"]

    settings.CACHES = {"default": {"BACKEND": "django_redis.cache.RedisCache"}}
    assert content_cache_is_shared(None) == []
    settings.CONTENT_CACHE_SECONDS = 0
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert content_cache_is_shared(None) == []


def reads_of_the_shared_cache(monkeypatch) -> list[list[str]]:
    """The keys of each round trip to the shared cache from now on."""
    shared = generations.cache()
    get_many = shared.get_many
    reads = []

    def counted(keys, *args, **kwargs):
        reads.append(list(keys))
        return get_many(keys, *args, **kwargs)

    monkeypatch.setattr(shared, "get_many", counted)
    return reads


def in_a_request(work):
    """work()'s answer, run as a view is: inside RequestGenerationMiddleware."""
    return generations.RequestGenerationMiddleware(lambda request: work())(
        RequestFactory().get("/")
    )


def test_a_page_view_makes_one_round_trip_to_the_shared_cache(client, demo_site, monkeypatch):
    hub = FamilyHubPage.objects.live().first()
    client.get(hub.url)
    reads = reads_of_the_shared_cache(monkeypatch)

    response = client.get(hub.url)

    assert response.status_code == 200
    assert hub.title in response.content.decode()
    assert len(reads) == 1


def test_within_a_request_a_second_read_is_a_copy_of_its_own_from_this_process(monkeypatch):
    built = []

    def build():
        built.append(1)
        return ["Bilston"]

    def read_twice():
        first = content_cache.remember("hubs", build)
        first.append("changed by the first reader")
        reads = reads_of_the_shared_cache(monkeypatch)
        return content_cache.remember("hubs", build), reads

    second, reads = in_a_request(read_twice)

    assert second == ["Bilston"]
    assert reads == []
    assert built == [1]


def test_outside_a_request_every_read_goes_to_the_shared_cache(monkeypatch):
    content_cache.remember("hubs", lambda: ["Bilston"])
    reads = reads_of_the_shared_cache(monkeypatch)

    content_cache.remember("hubs", lambda: ["Bilston"])
    content_cache.remember("hubs", lambda: ["Bilston"])

    assert len(reads) == 2


def test_a_change_within_the_request_is_read_afresh_in_it():
    def change_between_reads():
        content_cache.remember("phone", lambda: "0300 555 0100")
        generations.advance()
        return content_cache.remember("phone", lambda: "0300 555 0199")

    assert in_a_request(change_between_reads) == "0300 555 0199"


def test_another_process_change_is_seen_by_the_next_request():
    in_a_request(lambda: content_cache.remember("phone", lambda: "0300 555 0100"))
    generations.cache().incr(generations.GENERATION_KEY)  # a publish in the admin's process

    assert in_a_request(lambda: content_cache.remember("phone", lambda: "0300 555 0199")) == (
        "0300 555 0199"
    )


def test_a_cache_emptied_starts_a_generation_no_copy_was_made_in():
    """A restarted (or flushed) Redis has lost the generation: the next one must not be one that
    this process's copies were made in."""
    in_a_request(lambda: content_cache.remember("phone", lambda: "0300 555 0100"))
    generations.cache().clear()

    def read_after_the_generation():
        generations.current_generation()  # as a request's first lookup does
        return content_cache.remember("phone", lambda: "0300 555 0199")

    assert in_a_request(read_after_the_generation) == "0300 555 0199"
