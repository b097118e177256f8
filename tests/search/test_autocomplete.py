"""/search/suggest/: titles and addresses for the search box as people type, on both backends."""

import pytest

pytestmark = pytest.mark.django_db


def test_suggests_pages_whose_titles_start_with_what_was_typed(client, engine):
    response = client.get("/search/suggest/", {"q": "acces"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["query"] == "acces"
    assert body["degraded"] is False
    assert body["results"][0] == {
        "title": "Accessibility statement",
        "url": "/accessibility/",
        "type": "Page",
    }


def test_suggestions_cover_every_word_typed(client, engine, services_and_news):
    body = client.get("/search/suggest/", {"q": "speech ther"}).json()

    titles = [result["title"] for result in body["results"]]
    assert "Speech therapy drop-in" in titles
    assert all("speech" in title.lower() for title in titles)


def test_no_suggestions_for_one_letter(client, engine):
    assert client.get("/search/suggest/", {"q": "a"}).json()["results"] == []


def test_unpublished_pages_are_not_suggested(client, engine, searchable):
    from wagtail.models import Page

    Page.objects.get(slug="privacy").unpublish()
    searchable()

    assert client.get("/search/suggest/", {"q": "privacy"}).json()["results"] == []
