"""The JSON API against its OpenAPI document (directory/schema/openapi.json, served at
/api/v1/openapi.json): schemathesis generates requests from the document, valid ones and
invalid ones, sends them to the Django WSGI application, and checks every answer: no 5xx, the
status, content type, headers and body the document promises, invalid input refused with a 4xx.
The demo council is loaded, so valid postcodes find hubs (the document's examples name them)."""

from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections

import pytest
import schemathesis
from schemathesis.checks import CHECKS

from directory.api import OPENAPI_DOCUMENT, openapi_document

pytestmark = pytest.mark.django_db


# Loaded from the running application, as a client would (the document needs no database).
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())

# A string is a valid postcode to the document, but most strings are not UK postcodes: the
# API answers those with a 400 or 404 that the document describes, which is right.
NOT_APPLICABLE = ["positive_data_acceptance"]


@pytest.fixture
def test_connection_kept_between_requests():
    """A WSGI request closes the database connection when it ends, unless autocommit is on.
    The demo council lives in an open transaction, so the connection must survive each request,
    as Django's own test client arranges (on SQLite's in-memory database closing does nothing,
    which hid this)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@pytest.mark.usefixtures("test_connection_kept_between_requests")
def test_the_api_keeps_its_document(swept, case):
    case.call_and_validate(
        excluded_checks=[check for check in CHECKS.get_all() if check.__name__ in NOT_APPLICABLE]
    )


def test_the_document_is_served_as_it_is_kept(client):
    response = client.get("/api/v1/openapi.json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == openapi_document()
    assert OPENAPI_DOCUMENT.exists()


def test_an_unknown_api_address_answers_in_json(client):
    response = client.get("/api/v1/no-such-thing/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"error": "There is nothing at this address in the API"}
