"""Elasticsearch down, hanging or without its index: the same page answers from the database,
says results may be less complete, logs a warning (without what was typed), and /healthz/ says
degraded. Never a 500."""

import logging
import socket
import threading
import time
import uuid

import pytest

from tests.conftest import elasticsearch_backend_settings
from tests.search.test_search_page import result_titles, soup
from tests.website.test_health import closed_port

pytestmark = pytest.mark.django_db

NOTICE = "results may be less complete"


@pytest.fixture
def elasticsearch_down(settings, site):
    settings.WAGTAILSEARCH_BACKENDS = elasticsearch_backend_settings(
        f"http://127.0.0.1:{closed_port()}", "harbour_down_", timeout=1
    )


@pytest.fixture
def hanging_elasticsearch(settings, site):
    """A server that accepts connections and never answers: a cluster that hangs."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    accepted, stop = [], threading.Event()

    def accept():
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    settings.WAGTAILSEARCH_BACKENDS = elasticsearch_backend_settings(
        f"http://127.0.0.1:{listener.getsockname()[1]}", "harbour_hanging_", timeout=1
    )
    yield accepted
    stop.set()
    thread.join()
    for connection in accepted:
        connection.close()
    listener.close()


def test_search_answers_from_the_database_when_elasticsearch_is_down(
    client, elasticsearch_down, caplog
):
    with caplog.at_level(logging.WARNING):
        response = client.get("/search/", {"q": "privacy notice"})

    assert response.status_code == 200
    assert result_titles(response)[0] == "Privacy notice"
    notice = soup(response).select_one(".search-notice")
    assert NOTICE in notice.get_text()
    assert notice["role"] == "status"
    warnings = [record for record in caplog.records if record.name == "search"]
    assert len(warnings) == 1
    assert warnings[0].levelno == logging.WARNING
    assert "ConnectionError" in warnings[0].getMessage()
    assert "privacy" not in caplog.text.lower()


def test_healthz_reports_degraded_while_search_falls_back(client, elasticsearch_down):
    assert client.get("/search/", {"q": "contact"}).status_code == 200

    response = client.get("/healthz/")

    assert response.status_code == 503
    assert response.json()["status"] == "degraded"
    assert client.get("/healthz/live/").status_code == 200, "still serving: keep it in rotation"


def test_a_hanging_cluster_costs_one_short_timeout_then_none(client, hanging_elasticsearch):
    started = time.monotonic()
    first = client.get("/search/", {"q": "contact"})
    first_took = time.monotonic() - started

    started = time.monotonic()
    second = client.get("/search/", {"q": "accessibility"})
    second_took = time.monotonic() - started

    assert first.status_code == second.status_code == 200
    assert NOTICE in soup(first).select_one(".search-notice").get_text()
    assert NOTICE in soup(second).select_one(".search-notice").get_text()
    assert result_titles(first)[0] == "Contact us"
    assert 0.9 < first_took < 5, "waits for the configured 1 second timeout, no longer"
    assert second_took < 0.9, "skips the cluster it just saw fail"
    assert len(hanging_elasticsearch) == 1


def test_autocomplete_answers_from_the_database_when_elasticsearch_is_down(
    client, elasticsearch_down
):
    response = client.get("/search/suggest/", {"q": "priv"})

    assert response.status_code == 200
    assert response.json() == {
        "query": "priv",
        "results": [{"title": "Privacy notice", "url": "/privacy/", "type": "Page"}],
        "degraded": True,
    }


@pytest.mark.elasticsearch
def test_search_falls_back_when_the_index_was_never_built(
    client, settings, site, elasticsearch, caplog
):
    # The node answers, but nothing was ever indexed under this prefix.
    settings.WAGTAILSEARCH_BACKENDS = elasticsearch_backend_settings(
        settings.TEST_ELASTICSEARCH_URL, f"harbour_never_built_{uuid.uuid4().hex[:8]}_"
    )

    with caplog.at_level(logging.WARNING):
        response = client.get("/search/", {"q": "privacy"})

    assert response.status_code == 200
    assert result_titles(response)[0] == "Privacy notice"
    assert NOTICE in response.content.decode()
    assert "NotFoundError 404" in caplog.text


@pytest.mark.elasticsearch
def test_no_notice_when_elasticsearch_answers(client, site, elasticsearch):
    response = client.get("/search/", {"q": "privacy"})

    assert result_titles(response)[0] == "Privacy notice"
    assert not soup(response).select(".search-notice")
