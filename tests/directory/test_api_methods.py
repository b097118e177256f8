"""The JSON API is read-only: found by the bad input sweep (schemathesis), a POST used to get
the CSRF check's 403 HTML page, and an unknown /api/v1/ address the site's HTML 404 page."""

import pytest

pytestmark = pytest.mark.django_db

API_ADDRESSES = [
    "/api/v1/hubs/",
    "/api/v1/hubs/nearest/?postcode=WV1+1SH",
    "/api/v1/postcodes/WV1%201SH/",
    "/api/v1/openapi.json",
]


@pytest.mark.parametrize("address", API_ADDRESSES)
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options"])
def test_methods_other_than_get_are_refused_in_json(client, address, method):
    response = getattr(client, method)(address)

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"error": "This API only answers GET requests"}


@pytest.mark.parametrize("address", ["/api/v1/no-such-thing/", "/api/v1/hubs/1/", "/api/v1/"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_unknown_api_addresses_are_a_json_404(client, address, method):
    response = getattr(client, method)(address)

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"error": "There is nothing at this address in the API"}


def test_head_is_answered_like_get(client):
    response = client.head("/api/v1/hubs/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
