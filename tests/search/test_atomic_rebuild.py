"""`update_index` rebuilds into a new index and moves the alias in one step: searches served
during rebuilds all succeed, from Elasticsearch."""

import io
import threading
import time

from django.core.management import call_command
from django.db import connection

from wagtail.models import Site

import pytest

from search.engines import elasticsearch_backend
from tests.bulk_pages import bulk_create_standard_pages
from tests.html import soup
from tests.search.test_search_page import result_titles
from website.models import StandardPage

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db(transaction=True)]

REBUILDS = 3


def test_queries_served_during_rebuilds_never_fail(client, elasticsearch):
    call_command("load_demo", stdout=io.StringIO())
    home = Site.objects.get(is_default_site=True).root_page
    bulk_create_standard_pages(
        home,
        (
            {
                "title": f"Activity session {number}",
                "slug": f"activity-session-{number}",
                "summary": f"Session {number}: stay and play, baby massage and story time.",
            }
            for number in range(2000)
        ),
    )
    elasticsearch.refresh_indexes()
    backend = elasticsearch_backend()
    alias = backend.get_index_for_model(home.__class__).name
    indexes_before = set(backend.es.indices.get_alias(name=alias))

    errors: list[BaseException] = []
    done = threading.Event()

    def rebuild() -> None:
        try:
            for _ in range(REBUILDS):
                call_command("update_index", backend_name="default", verbosity=0)
        except BaseException as error:  # reported by the main thread
            errors.append(error)
        finally:
            connection.close()
            done.set()

    thread = threading.Thread(target=rebuild)
    thread.start()
    outcomes = []
    while not done.is_set():
        response = client.get("/search/", {"q": "privacy notice"})
        outcomes.append(
            (
                response.status_code,
                bool(soup(response).select(".search-notice")),
                result_titles(response)[:1],
            )
        )
        time.sleep(0.005)
    thread.join()

    assert errors == []
    print(f"{len(outcomes)} queries during {REBUILDS} rebuilds")
    assert len(outcomes) > 20, "queries kept coming throughout the rebuilds"
    failed = [outcome for outcome in outcomes if outcome != (200, False, ["Privacy notice"])]
    assert failed == [], f"{len(failed)} of {len(outcomes)} queries failed or fell back"
    indexes_after = set(backend.es.indices.get_alias(name=alias))
    assert len(indexes_after) == 1 and indexes_after != indexes_before, "a new index, swapped in"


def test_a_rebuilt_index_is_merged_into_one_segment(elasticsearch):
    """Searches walk every segment of an index: a rebuild hands over one."""
    call_command("load_demo", stdout=io.StringIO())
    home = Site.objects.get(is_default_site=True).root_page
    bulk_create_standard_pages(
        home,
        (
            {"title": f"Group {number}", "slug": f"group-{number}", "summary": "Stay and play."}
            for number in range(60)
        ),
    )
    pages = list(StandardPage.objects.all())
    index = elasticsearch.get_index_for_model(StandardPage)
    rebuilder = elasticsearch.rebuilder_class(index)
    new_index = rebuilder.start()
    new_index.add_model(StandardPage)
    for chunk in (pages[:20], pages[20:40], pages[40:]):
        new_index.add_items(StandardPage, chunk)
        new_index.refresh()  # a segment each, as a long bulk load leaves them

    def segment_count() -> int:
        shards = elasticsearch.es.indices.segments(index=new_index.name)["indices"][new_index.name]
        return sum(len(copy["segments"]) for copies in shards["shards"].values() for copy in copies)

    assert segment_count() >= 3
    rebuilder.finish()
    assert segment_count() == 1
    assert set(elasticsearch.es.indices.get_alias(name=index.name)) == {new_index.name}
