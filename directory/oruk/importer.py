"""Loading an Open Referral UK 3.0 feed or file into the directory (`manage.py import_oruk`).

Everything is read first (a file, or an API walked page by page); a source that cannot be read
or is not ORUK changes nothing. Then each record is checked against the standard's schema and
our own rules (from_oruk.service_record), and saved on its own: one bad record is rejected with
its reasons, the others still load. Records are matched on their ORUK ids, so running the
same import again reports everything unchanged. Services become draft pages under the service
index for an editor to review, unless `publish` is set."""

import json
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.text import slugify

import requests

from directory import postcodes
from directory.models import (
    FamilyHubPage,
    Organisation,
    ServiceIndexPage,
    ServicePage,
    Taxonomy,
    TaxonomyTerm,
)

from . import from_oruk, schema
from .service_fields import apply_record, state

TIMEOUT_SECONDS = 20
PER_PAGE = 100
MAX_PAGES = 1000
IMPORTED_TAXONOMY_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://harbour.example/oruk/import/")

SERVICE, ORGANISATION, TAXONOMY, TERM = "service", "organisation", "taxonomy", "category"
SCHEMAS = {
    SERVICE: "service.json",
    ORGANISATION: "organization.json",
    TAXONOMY: "taxonomy.json",
    TERM: "taxonomy_term.json",
}


class SourceError(Exception):
    """The source cannot be read, or is not ORUK: nothing was changed."""


@dataclass
class Outcome:
    kind: str
    oruk_id: str
    name: str
    result: str  # created, updated, unchanged, rejected
    reasons: list[str] = field(default_factory=list)


@dataclass
class Summary:
    outcomes: list[Outcome] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, kind, oruk_id, name, result, reasons=()) -> None:
        self.outcomes.append(Outcome(kind, str(oruk_id), name, result, list(reasons)))

    def counts(self, kind: str) -> Counter:
        return Counter(o.result for o in self.outcomes if o.kind == kind)

    @property
    def rejected(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.result == "rejected"]

    def lines(self) -> list[str]:
        lines = []
        for kind in (SERVICE, ORGANISATION, TAXONOMY, TERM):
            counts = self.counts(kind)
            if counts:
                lines.append(
                    f"{kind.capitalize()} records: {counts['created']} created, "
                    f"{counts['updated']} updated, {counts['unchanged']} unchanged, "
                    f"{counts['rejected']} rejected"
                )
        if not lines:
            lines.append("Nothing to import.")
        for outcome in self.rejected:
            lines.append(
                f"Rejected {outcome.kind} {outcome.oruk_id} ({outcome.name or 'no name'}):"
            )
            lines.extend(f"  - {reason}" for reason in outcome.reasons)
        lines.extend(f"Note: {note}" for note in self.notes)
        return lines


# Reading --------------------------------------------------------------------------------


def kind_of(item: dict) -> str | None:
    """Which ORUK object this is, from the fields only it has."""
    if "status" in item or "service_at_locations" in item:
        return SERVICE
    if "location" in item and isinstance(item.get("service"), dict):
        return "service_at_location"
    if "taxonomy_terms" in item or "version" in item:
        return TAXONOMY
    if {"term", "taxonomy", "taxonomy_id", "parent_id", "term_uri"} & item.keys():
        return TERM
    if {"name", "description"} <= item.keys() or "organization_identifiers" in item:
        return ORGANISATION
    return None


def items_from_json(data) -> list[dict]:
    """A single object, a list of objects, or a page ({"contents": [...]})."""
    if isinstance(data, dict) and isinstance(data.get("contents"), list):
        data = data["contents"]
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise SourceError("expected an ORUK object, a list of them, or a page with 'contents'")
    return data


def sorted_items(items: list[dict]) -> dict[str, list[dict]]:
    """Items by kind. A service at a location with its service nested becomes that service
    delivered at that location."""
    found = {SERVICE: [], ORGANISATION: [], TAXONOMY: [], TERM: [], "unknown": []}
    for item in items:
        kind = kind_of(item)
        if kind == "service_at_location":
            nested = dict(item["service"])
            nested.setdefault(
                "service_at_locations", [{"id": item.get("id"), "location": item["location"]}]
            )
            found[SERVICE].append(nested)
        else:
            found[kind or "unknown"].append(item)
    return found


def read_file(path: Path) -> list[dict]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise SourceError(f"cannot read {path}: {error.strerror}") from None
    except UnicodeDecodeError:
        raise SourceError(f"{path.name} is not UTF-8 text") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise SourceError(
            f"{path.name} is not valid JSON (line {error.lineno}, column {error.colno}: "
            f"{error.msg})"
        ) from None
    return items_from_json(data)


def _get_json(session: requests.Session, url: str):
    try:
        response = session.get(url, timeout=TIMEOUT_SECONDS, headers={"Accept": "application/json"})
    except requests.RequestException as error:
        raise SourceError(f"could not fetch {url} ({type(error).__name__})") from None
    if response.status_code != 200:
        raise SourceError(f"{url} answered HTTP {response.status_code}")
    try:
        return response.json()
    except ValueError:
        raise SourceError(f"{url} did not answer with JSON") from None


def read_url(url: str, session: requests.Session | None = None) -> tuple[list[dict], list[str]]:
    """An ORUK API (its base URL: walks /services page by page and fetches each service's
    details) or the URL of a JSON file. Returns the items and notes about what was skipped."""
    session = session or requests.Session()
    first = _get_json(session, url)
    if not (isinstance(first, dict) and "openapi_url" in first and "version" in first):
        return items_from_json(first), []
    base = url.rstrip("/")
    items, notes = [], []
    for page in range(1, MAX_PAGES + 1):
        listing = _get_json(session, f"{base}/services?page={page}&per_page={PER_PAGE}")
        contents = listing.get("contents") if isinstance(listing, dict) else None
        if not isinstance(contents, list):
            raise SourceError(f"{base}/services did not answer with a page of services")
        for summary in contents:
            service_id = summary.get("id") if isinstance(summary, dict) else None
            try:
                uuid.UUID(str(service_id))
            except ValueError:
                notes.append(f"{base}/services page {page}: an item without a valid id, skipped")
                continue
            try:
                items.append(_get_json(session, f"{base}/services/{service_id}"))
            except SourceError as error:
                notes.append(f"service {service_id}: skipped, {error}")
        if not contents or listing.get("last_page", True):
            break
    return items, notes


def read_source(source: str) -> tuple[list[dict], list[str]]:
    if urlsplit(source).scheme in ("http", "https"):
        return read_url(source)
    path = Path(source)
    if not path.is_file():
        raise SourceError(f"there is no file at {source}")
    return read_file(path), []


# Saving ---------------------------------------------------------------------------------


def valid_postcode(text: str) -> str | None:
    try:
        parsed = postcodes.parse(text)
    except postcodes.PostcodeError:
        return None
    # A district alone ("WV14") is not an address.
    return parsed.text if " " in parsed.text else None


class Importer:
    def __init__(self, *, publish: bool = False):
        self.publish = publish
        self.summary = Summary()
        self.index = ServiceIndexPage.objects.first()
        self.hub_ids = set(FamilyHubPage.objects.values_list("oruk_id", flat=True))
        self._done: set[tuple[str, str]] = set()  # (kind, id) already reported this run

    def run(self, items: list[dict]) -> Summary:
        found = sorted_items(items)
        for item in found["unknown"]:
            self.summary.add(
                "record",
                item.get("id", "?"),
                item.get("name", ""),
                "rejected",
                ["not an ORUK service, organization, taxonomy or taxonomy term"],
            )
        for item in found[ORGANISATION]:
            self._guarded(ORGANISATION, item, self.organisation)
        for item in found[TAXONOMY]:
            self._guarded(TAXONOMY, item, self.taxonomy)
        for item in found[TERM]:
            self._guarded(TERM, item, lambda data: self.term(from_oruk.term_record(data)))
        for item in found[SERVICE]:
            self._guarded(SERVICE, item, self.service)
        return self.summary

    def _guarded(self, kind: str, item: dict, load) -> None:
        """Schema first, then our rules and the save, in a savepoint of its own."""
        oruk_id, name = item.get("id", "?"), item.get("name", "")
        problems = schema.problems(item, SCHEMAS[kind])
        if problems:
            self.summary.add(kind, oruk_id, name, "rejected", problems[:5])
            return
        reported, done, notes = len(self.summary.outcomes), set(self._done), len(self.summary.notes)
        try:
            with transaction.atomic():
                load(item)
            return
        except from_oruk.Invalid as error:
            reasons = [str(error)]
        except ValidationError as error:
            # The page's own checks (Wagtail validates a page before saving a revision).
            if hasattr(error, "error_dict"):
                reasons = [
                    f"{name}: {message}" if name != "__all__" else message
                    for name, messages in error.message_dict.items()
                    for message in messages
                ]
            else:
                reasons = list(error.messages)
        except IntegrityError:
            reasons = ["an id in it already belongs to another record of a different kind"]
        # Everything it saved was rolled back: so are the outcomes it reported.
        del self.summary.outcomes[reported:]
        del self.summary.notes[notes:]
        self._done = done
        self.summary.add(kind, oruk_id, name, "rejected", reasons)

    def _report(self, kind, oruk_id, name, result) -> None:
        key = (kind, str(oruk_id))
        if key not in self._done:
            self._done.add(key)
            self.summary.add(kind, oruk_id, name, result)

    def _save_fields(self, kind, model, oruk_id, values: dict):
        existing = model.objects.filter(oruk_id=oruk_id).first()
        if existing is None:
            created = model.objects.create(oruk_id=oruk_id, **values)
            self._report(kind, oruk_id, values.get("name", ""), "created")
            return created
        changed = {k: v for k, v in values.items() if getattr(existing, k) != v}
        if changed:
            for name, value in changed.items():
                setattr(existing, name, value)
            existing.save()
        self._report(kind, oruk_id, existing.name, "updated" if changed else "unchanged")
        return existing

    def organisation(self, data: dict) -> Organisation:
        values = from_oruk.organisation_fields(data)
        oruk_id = values.pop("oruk_id")
        if not values["name"]:
            raise from_oruk.Invalid("organization/name: an organisation needs a name")
        return self._save_fields(ORGANISATION, Organisation, oruk_id, values)

    def taxonomy(self, data: dict) -> Taxonomy:
        oruk_id = from_oruk._uuid(data.get("id"), "id")
        values = {
            "name": from_oruk._text(data.get("name"), 200),
            "description": from_oruk._text(data.get("description")),
            "uri": from_oruk._text(data.get("uri"), 200),
            "version": from_oruk._text(data.get("version"), 40),
        }
        found = self._save_fields(TAXONOMY, Taxonomy, oruk_id, values)
        for number, term in enumerate(data.get("taxonomy_terms") or []):
            record = from_oruk.term_record(term, f"taxonomy_terms/{number}")
            record.taxonomy_oruk_id = oruk_id
            self.term(record)
        return found

    def _taxonomy_for(self, record: from_oruk.TermRecord) -> Taxonomy:
        if record.taxonomy_oruk_id:
            found = Taxonomy.objects.filter(oruk_id=record.taxonomy_oruk_id).first()
            if found:
                return found
            name = record.taxonomy_name or "Imported categories"
            return Taxonomy.objects.create(oruk_id=record.taxonomy_oruk_id, name=name)
        name = record.taxonomy_name or "Imported categories"
        oruk_id = uuid.uuid5(IMPORTED_TAXONOMY_NAMESPACE, name)
        found = Taxonomy.objects.filter(oruk_id=oruk_id).first()
        return found or Taxonomy.objects.create(oruk_id=oruk_id, name=name)

    def _free_code(self, wanted: str, record: from_oruk.TermRecord) -> str:
        code = slugify(wanted)[:80] or "category"
        taken = TaxonomyTerm.objects.filter(code=code).exclude(oruk_id=record.oruk_id)
        return f"{code}-{record.oruk_id.hex[:8]}" if taken.exists() else code

    def term(self, record: from_oruk.TermRecord) -> TaxonomyTerm:
        existing = TaxonomyTerm.objects.filter(oruk_id=record.oruk_id).first()
        parent = None
        if record.parent_oruk_id:
            parent = TaxonomyTerm.objects.filter(oruk_id=record.parent_oruk_id).first()
            if parent is None or parent.parent_id:
                self.summary.notes.append(
                    f"category {record.oruk_id} ({record.name}): its parent "
                    f"{record.parent_oruk_id} is not a top-level category here, so it is "
                    "imported as a top-level category"
                )
                parent = None
        values = {
            "name": record.name,
            "description": record.description,
            "parent": parent,
            "taxonomy": existing.taxonomy if existing else self._taxonomy_for(record),
        }
        if existing is None:
            values["code"] = self._free_code(record.code or record.name, record)
            values["sort_order"] = 0
        return self._save_fields(TERM, TaxonomyTerm, record.oruk_id, values)

    # Services

    def service(self, data: dict) -> None:
        if self.index is None:
            raise from_oruk.Invalid(
                "there is no service index page to put services under: create it first"
            )
        existing = ServicePage.objects.filter(oruk_id=data.get("id")).first()
        slug = existing.slug if existing else self._free_slug(from_oruk._text(data.get("name")))
        own_url = existing.get_full_url() if existing else f"{self.index.get_full_url()}{slug}/"
        if data.get("url") == own_url:
            # Our own feed gives a service without a website its page's address: that is not
            # a website of its own.
            data = {**data, "url": ""}
        record = from_oruk.service_record(
            data, valid_postcode=valid_postcode, known_languages=set(LANG_INFO)
        )
        organisation = self._service_organisation(record)
        categories = [self.term(term) for term in record.categories]
        if existing is None:
            page = ServicePage(oruk_id=record.oruk_id, live=False)
            before = None
        else:
            page = existing.get_latest_revision_as_object()
            before = state(page)
        apply_record(page, record, organisation, categories, self.hub_ids)
        name = record.fields["title"]
        self.summary.notes.extend(f"service {record.oruk_id}: {note}" for note in record.notes)
        if existing is None:
            page.slug = slug
            self.index.add_child(instance=page)
            revision = page.save_revision()
            if self.publish:
                revision.publish()
            self._report(SERVICE, record.oruk_id, name, "created")
            return
        needs_publishing = self.publish and (not existing.live or existing.has_unpublished_changes)
        if state(page) == before and not needs_publishing:
            self._report(SERVICE, record.oruk_id, name, "unchanged")
            return
        revision = page.save_revision()
        if self.publish:
            revision.publish()
        self._report(SERVICE, record.oruk_id, name, "updated")

    def _service_organisation(self, record: from_oruk.ServiceRecord):
        if record.organisation is None:
            return None
        if "name" in record.organisation:
            values = dict(record.organisation)
            oruk_id = values.pop("oruk_id")
            if values["name"]:
                return self._save_fields(ORGANISATION, Organisation, oruk_id, values)
        found = Organisation.objects.filter(oruk_id=record.organisation["oruk_id"]).first()
        if found is None:
            record.notes.append(
                f"organization {record.organisation['oruk_id']} is not known here: "
                "imported without an organisation"
            )
        return found

    def _free_slug(self, title: str) -> str:
        base = slugify(title)[:200] or "service"
        taken = set(
            self.index.get_children().filter(slug__startswith=base).values_list("slug", flat=True)
        )
        slug, number = base, 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        return slug


def import_source(source: str, *, publish: bool = False) -> Summary:
    """Read everything (SourceError if it cannot be, having changed nothing), then load."""
    items, notes = read_source(source)
    importer = Importer(publish=publish)
    importer.summary.notes.extend(notes)
    return importer.run(items)
