import socket

import pytest

from tests.conftest import elasticsearch_backend_settings

pytestmark = pytest.mark.django_db


def closed_port() -> int:
    """A local port with nothing listening on it."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_healthz_is_ok_on_the_embedded_default(client):
    response = client.get("/healthz/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"]["status"] == "ok"
    assert body["checks"]["search"] == {"status": "ok", "backend": "database"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_is_503_degraded_when_elasticsearch_is_unreachable(client, settings):
    """Monitoring sees the outage (503, "degraded"); the load balancers' probe, /healthz/live/,
    stays 200 as the site still serves everything from the database: a 5xx there would take
    every app server out of rotation at once (found by the Elasticsearch fault drill)."""
    settings.WAGTAILSEARCH_BACKENDS = elasticsearch_backend_settings(
        f"http://127.0.0.1:{closed_port()}", "harbour_unreachable_"
    )
    settings.WAGTAILSEARCH_BACKENDS["default"]["TIMEOUT"] = 1

    response = client.get("/healthz/")

    assert response.status_code == 503
    assert client.get("/healthz/live/").status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert body["checks"]["database"]["status"] == "ok"
    assert body["checks"]["search"]["status"] == "unavailable"
    assert body["checks"]["search"]["backend"] == "elasticsearch"


@pytest.mark.elasticsearch
def test_healthz_is_ok_with_a_real_elasticsearch_node(client, elasticsearch):
    response = client.get("/healthz/")

    assert response.status_code == 200
    search = response.json()["checks"]["search"]
    assert search["status"] == "ok"
    assert search["backend"] == "elasticsearch"
    assert search["cluster_status"] in {"green", "yellow"}
