"""Queries per page must not grow with the amount of content."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from website.models import StandardPage

pytestmark = pytest.mark.django_db


def count_queries(client, url: str) -> int:
    client.get(url)  # warm per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def add_pages(parent, count: int) -> None:
    start = parent.get_children().count()
    for number in range(start, start + count):
        parent.add_child(instance=StandardPage(title=f"Page {number}", slug=f"page-{number}"))


@pytest.mark.parametrize("url", ["/", "/about-family-hubs/"])
def test_queries_per_page_do_not_grow_with_the_site(client, home_page, url):
    before = count_queries(client, url)
    add_pages(home_page, 40)
    add_pages(StandardPage.objects.get(slug="about-family-hubs"), 20)

    assert count_queries(client, url) == before
