"""Fixtures for the search tests: run a test on both backends, and add realistic pages."""

import io

from django.core.management import call_command

import pytest

from website.demo import ensure_child_page, heading, paragraph
from website.models import StandardPage


@pytest.fixture(
    params=["database", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)]
)
def engine(request, site):
    """The search backend under test, with the demo content indexed: "database" or
    "elasticsearch" (the real node; skipped locally without one, failing in CI)."""
    call_command("load_demo", stdout=io.StringIO())
    if request.param == "elasticsearch":
        request.getfixturevalue("elasticsearch")
    return request.param


@pytest.fixture
def searchable(engine):
    """Call after changing content: makes the changes visible to the search under test
    (Elasticsearch shows changes after a refresh, by default within a second)."""

    def refresh():
        if engine == "elasticsearch":
            from search.engines import elasticsearch_backend

            elasticsearch_backend().refresh_indexes()

    return refresh


def add_page(parent, title: str, summary: str = "", *paragraphs: str, slug: str | None = None):
    body = [heading(title), paragraph(*paragraphs)] if paragraphs else []
    page, _ = ensure_child_page(
        parent,
        StandardPage(
            title=title, slug=slug or title.lower().replace(" ", "-"), summary=summary, body=body
        ),
    )
    return page
