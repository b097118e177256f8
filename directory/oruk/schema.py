"""Validation against the Open Referral UK 3.0 JSON schemas kept beside this module.

The schemas refer to each other by their published URLs; a `referencing` registry maps every
such URL to the local file, and any other reference fails instead of being fetched."""

import json
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource

SCHEMA_DIR = Path(__file__).resolve().parent / "schema"
SCHEMA_BASE_URL = "https://openreferraluk.org/specifications/3.0/schema/"
OPENAPI_FILE = SCHEMA_DIR / "openapi.json"

# The OpenAPI file's jsonSchemaDialect: the schemas themselves do not name one.
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _load(name: str) -> dict:
    return json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))


def _retrieve(uri: str) -> Resource:
    """Only the standard's own schema URLs resolve, and only to the local copies."""
    if not uri.startswith(SCHEMA_BASE_URL):
        raise NoSuchResource(ref=uri)
    name = uri.removeprefix(SCHEMA_BASE_URL)
    if "/" in name or not (SCHEMA_DIR / name).is_file():
        raise NoSuchResource(ref=uri)
    return Resource.from_contents(_load(name), default_specification=_specification())


@cache
def _specification():
    from referencing.jsonschema import specification_with

    return specification_with(DIALECT)


@cache
def validator(name: str) -> Draft202012Validator:
    """A validator for one schema file, e.g. `validator("service.json")`."""
    registry = Registry(retrieve=_retrieve)
    schema = {"$id": SCHEMA_BASE_URL + name, **_load(name)}
    return Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())


def problems(instance, name: str) -> list[str]:
    """Every way `instance` breaks the schema, as short sentences naming the field, e.g.
    "contacts/0/id: 'x' is not a 'uuid'"; empty when it is valid."""
    found = []
    for error in sorted(validator(name).iter_errors(instance), key=lambda e: list(e.path)):
        where = "/".join(str(part) for part in error.absolute_path) or "(top level)"
        found.append(f"{where}: {error.message}")
    return found


def openapi_document() -> dict:
    return _load("openapi.json")
