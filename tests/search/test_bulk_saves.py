"""search.bulk_saves: a bulk load indexes each object once, at the end, and loses nothing."""

from wagtail.models import ReferenceIndex
from wagtail.search.backends import get_search_backend

import pytest

from news.models import NewsReleasePage
from search.bulk_saves import deferred_index_updates
from website.bulk_loads import bulk_load
from website.models import StandardPage

pytestmark = pytest.mark.django_db


def test_the_demo_is_searchable_and_its_references_are_recorded(demo_site):
    release = NewsReleasePage.objects.live().exclude(press_contact=None).first()

    found = get_search_backend().search(release.title, NewsReleasePage)
    assert release.pk in [page.pk for page in found]
    press_contact = ReferenceIndex.get_references_for_object(release).filter(
        to_content_type__model="presscontact"
    )
    assert press_contact.exists(), "the release's press contact shows in the admin's usage"


def test_nothing_is_indexed_until_the_block_ends_and_everything_after(home_page):
    backend = get_search_backend()
    with deferred_index_updates():
        page = home_page.add_child(instance=StandardPage(title="Lantern evening", slug="lantern"))
        page.title = "Lantern evening in Bilston"
        page.save()
        assert not backend.search("lantern", StandardPage)

    found = list(backend.search("lantern", StandardPage))
    assert [item.title for item in found] == ["Lantern evening in Bilston"]


def test_every_bulk_load_defers_the_index_updates(home_page):
    """The search app registers its deferral with website.bulk_loads (SearchConfig.ready()),
    which the demo loader runs inside."""
    backend = get_search_backend()
    with bulk_load():
        home_page.add_child(instance=StandardPage(title="Lantern evening", slug="lantern"))
        assert not backend.search("lantern", StandardPage)

    assert [page.title for page in backend.search("lantern", StandardPage)] == ["Lantern evening"]


def test_saves_after_the_block_are_indexed_as_usual(home_page):
    with deferred_index_updates():
        pass
    home_page.add_child(instance=StandardPage(title="Kite making", slug="kites"))

    assert [page.title for page in get_search_backend().search("kite", StandardPage)] == [
        "Kite making"
    ]


def test_objects_that_hold_a_changed_objects_data_are_indexed_again(home_page):
    """A bulk import renames an organisation: its services are found by the new name."""
    from directory.models import ServicePage
    from tests.directory.service_factories import make_service, organisation, service_index

    provider = organisation("Wulfrun Play Trust")
    make_service(service_index(home_page), "Toy library", organisation=provider)

    with deferred_index_updates():
        provider.name = "Kaleidoscope Play"
        provider.save()

    found = get_search_backend().search("kaleidoscope", ServicePage)
    assert [page.title for page in found] == ["Toy library"]
