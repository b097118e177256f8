"""The JSON API against its OpenAPI document (directory/schema/openapi.json, served at
/api/v1/openapi.json): schemathesis generates requests from the document, valid ones and
invalid ones, sends them to the Django WSGI application, and checks every answer: no 5xx, the
status, content type, headers and body the document promises, invalid input refused with a 4xx.
The demo council is loaded, so valid postcodes find hubs (the document's examples name them)."""

from django.core.wsgi import get_wsgi_application

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


@schema.parametrize()
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
