"""Nearest first: text plus filters near a point, on both backends (the directory's hub finder
and service search will call `search.nearby.nearest`)."""

import pytest

from demo.site import ensure_child_page
from search.geo import haversine_miles
from search.nearby import nearest
from tests.conftest import elasticsearch_backend_settings
from tests.testapp.models import ExampleServicePage
from tests.website.test_health import closed_port
from website.models import StandardPage

pytestmark = pytest.mark.django_db

# Wolverhampton city centre.
HERE = (52.5862, -2.1288)


@pytest.fixture
def services(engine, home_page, searchable):
    specs = [
        ("Bilston speech drop-in", "Speech and language help.", 52.5660, -2.0730),  # 2.7 mi
        ("Whitmore Reans baby clinic", "Weighing and advice.", 52.5930, -2.1410),  # 0.7 mi
        ("Wednesfield stay and play", "Play sessions for toddlers.", 52.6110, -2.0830),  # 2.4
        ("Penn speech therapy", "Speech therapy appointments.", 52.5640, -2.1640),  # 2.1 mi
        ("Telephone advice line", "Speech and language advice by phone.", None, None),
    ]
    for title, summary, latitude, longitude in specs:
        ensure_child_page(
            home_page,
            ExampleServicePage(
                title=title,
                slug=title.lower().replace(" ", "-"),
                summary=summary,
                latitude=latitude,
                longitude=longitude,
            ),
        )
    searchable()


def titles_and_miles(results) -> list[tuple[str, float]]:
    return [(page.title, round(miles, 1)) for page, miles in results]


def test_nearest_first_with_distances(services):
    results = nearest(ExampleServicePage.objects.live(), *HERE)

    assert [page.title for page, _ in results] == [
        "Whitmore Reans baby clinic",
        "Penn speech therapy",
        "Wednesfield stay and play",
        "Bilston speech drop-in",
    ], "nearest first; the telephone line has no location"
    for page, miles in results:
        assert miles == pytest.approx(
            haversine_miles(*HERE, page.latitude, page.longitude), abs=0.01
        )


def test_radius_limits_the_distance(services):
    results = nearest(ExampleServicePage.objects.live(), *HERE, radius_miles=2.2)

    assert [title for title, _ in titles_and_miles(results)] == [
        "Whitmore Reans baby clinic",
        "Penn speech therapy",
    ]


def test_text_and_filters_narrow_the_results(services):
    results = nearest(ExampleServicePage.objects.live(), *HERE, text="speech", limit=1)

    assert [title for title, _ in titles_and_miles(results)] == ["Penn speech therapy"]


def test_unpublished_pages_are_left_out(services, searchable):
    ExampleServicePage.objects.get(title="Whitmore Reans baby clinic").unpublish()
    searchable()

    results = nearest(ExampleServicePage.objects.live(), *HERE, limit=1)

    assert [page.title for page, _ in results] == ["Penn speech therapy"]


def test_answers_from_the_database_when_elasticsearch_is_down(services, settings):
    settings.WAGTAILSEARCH_BACKENDS = elasticsearch_backend_settings(
        f"http://127.0.0.1:{closed_port()}", "harbour_down_", timeout=1
    )

    results = nearest(ExampleServicePage.objects.live(), *HERE, text="speech")

    assert [page.title for page, _ in results] == ["Penn speech therapy", "Bilston speech drop-in"]


def test_a_model_without_a_location_is_refused(site):
    with pytest.raises(ValueError, match="no location"):
        nearest(StandardPage, *HERE)


def test_impossible_coordinates_are_refused(site):
    with pytest.raises(ValueError, match="latitude"):
        nearest(ExampleServicePage, 91, 0)
