"""The test harness for the Open Referral UK API: every response is checked against the
standard's JSON schemas (resolved locally by directory.oruk.schema, never over the network)."""

from directory.oruk import schema

PAGE_FIELDS = {
    "total_items": int,
    "total_pages": int,
    "page_number": int,
    "size": int,
    "first_page": bool,
    "last_page": bool,
    "empty": bool,
}

# Each endpoint's schema, as the standard's OpenAPI file names it.
ENDPOINT_SCHEMAS = {
    "": "api_details.json",
    "services": "service_list.json",
    "services/{id}": "service.json",
    "organizations": "organization_list.json",
    "organizations/{id}": "organization.json",
    "service_at_locations": "service_at_location_list.json",
    "service_at_locations/{id}": "service_at_location.json",
    "taxonomies": "taxonomy_list.json",
    "taxonomies/{id}": "taxonomy.json",
    "taxonomy_terms": "taxonomy_term_list.json",
    "taxonomy_terms/{id}": "taxonomy_term.json",
}


def assert_valid(data, schema_name: str) -> None:
    problems = schema.problems(data, schema_name)
    assert not problems, f"invalid against {schema_name}:\n" + "\n".join(problems)


def assert_valid_page(data, schema_name: str) -> None:
    """A list response: valid, and carrying every page field the schema defines, typed."""
    assert_valid(data, schema_name)
    for name, kind in PAGE_FIELDS.items():
        assert isinstance(data.get(name), kind), f"page field {name!r} missing or not {kind}"
    assert isinstance(data["contents"], list)
    assert data["size"] == len(data["contents"])
    assert data["empty"] == (data["total_items"] == 0)
