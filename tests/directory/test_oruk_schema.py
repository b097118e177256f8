"""The schema harness itself: the standard's own examples pass, broken objects fail with a
message naming the field, and nothing is fetched over the network."""

import json
from pathlib import Path

import pytest

from directory.oruk import schema
from tests.directory.oruk_schemas import assert_valid

EXAMPLES = Path(__file__).resolve().parent / "oruk_examples"
EXAMPLE_SCHEMAS = [
    ("service_full.json", "service.json"),
    ("service_list.json", "service_list.json"),
    ("organization_full.json", "organization.json"),
    ("organization_list.json", "organization_list.json"),
    ("service_at_location_full.json", "service_at_location.json"),
    ("service_at_location_list.json", "service_at_location_list.json"),
    ("taxonomy.json", "taxonomy.json"),
    ("taxonomy_list.json", "taxonomy_list.json"),
    ("taxonomy_term.json", "taxonomy_term.json"),
    ("taxonomy_term_list.json", "taxonomy_term_list.json"),
]


def example(name: str):
    return json.loads((EXAMPLES / name).read_text())


@pytest.mark.parametrize(("example_name", "schema_name"), EXAMPLE_SCHEMAS)
def test_the_standards_examples_are_valid(example_name, schema_name):
    assert_valid(example(example_name), schema_name)


def test_a_broken_service_fails_naming_each_field():
    problems = schema.problems(
        {
            "id": "not-a-uuid",
            "name": 7,
            "status": "open",
            "organization": {"id": "3f7b145d-84af-42d7-8fae-eaca714b02b2"},
        },
        "service.json",
    )
    assert "id: 'not-a-uuid' is not a 'uuid'" in problems
    assert "name: 7 is not of type 'string'" in problems
    assert any(p.startswith("status: 'open' is not one of") for p in problems)
    # The nested organization is checked through the cross-file reference, resolved locally.
    assert "organization: 'name' is a required property" in problems


def test_list_items_are_checked():
    problems = schema.problems({"contents": [{"id": "x"}]}, "service_list.json")
    assert "contents/0: 'name' is a required property" in problems


def test_references_outside_the_standard_are_never_fetched():
    with pytest.raises(Exception, match="Unresolvable"):
        list(
            schema.validator("service.json")
            .evolve(schema={"$ref": "https://example.com/elsewhere.json"})
            .iter_errors({})
        )
