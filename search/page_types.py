"""The contract between site search and the page types it shows (docs/search.md, "The contract
for page types"). `search` imports no domain app: it reads what each page type declares.

A page type takes part in site search when it has a `search_type_label` (`website.BasePage`
gives every page "Page"). It may also declare:

- `search_type_label = "Family hub"`: shown beside each result; the type filter groups page
  types by this label, and its slug ("family-hub") is the filter's URL value.
- `search_boost = 2.0`: multiplies the relevance of this type's pages (hubs and services above
  news for service words). 1.0 when absent.
- `search_date_field = "release_date"`: a DateField or DateTimeField shown with each result and
  used by "Newest first". Without one, "Newest first" uses the page's last publication.
- `search_recency_half_life_days = 365`: older pages of this type sink: their relevance halves
  with each half-life of age (by the `search_date_field`), down to a floor (search.ranking).
  Pages of types without it do not age.
- `latitude` and `longitude` fields (or `search_location_fields = ("lat", "lng")`): the page
  gets a `location` geo_point in Elasticsearch, for `search.nearby.nearest`.
- `faceted_document()` and the classmethod `faceted_documents(pks)`: the page type takes part
  in faceted search (`search.faceted`): its places (several points), facet values and whether it
  is found at any distance, one object at a time (indexing) and many at once (the database).
  Optionally the classmethod `facet_filter(name, values)`: a facet's selection as SQL, so the
  database path reads fewer documents when nobody counts that facet.
"""

import datetime
from dataclasses import dataclass
from functools import cache

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.text import slugify

from wagtail.models import Page, get_page_models

DEFAULT_LOCATION_FIELDS = ("latitude", "longitude")


@dataclass(frozen=True)
class SearchType:
    """The page types that share one label in the type filter."""

    key: str  # the filter's URL value: the label's slug
    label: str
    models: tuple[type[Page], ...]

    @property
    def model_labels(self) -> list[str]:
        """`app_label.ModelName`, as Wagtail's Elasticsearch documents name content types."""
        return [model_content_type_label(model) for model in self.models]


def model_content_type_label(model: type[models.Model]) -> str:
    return f"{model._meta.app_label}.{model.__name__}"


def search_type_label(model: type[models.Model]) -> str | None:
    label = getattr(model, "search_type_label", None)
    return str(label) if label else None


def search_type_key(model: type[models.Model]) -> str | None:
    label = search_type_label(model)
    return slugify(label) if label else None


def search_boost(model: type[models.Model]) -> float:
    try:
        boost = float(getattr(model, "search_boost", 1.0))
    except (TypeError, ValueError):
        return 1.0
    return boost if boost > 0 else 1.0


def search_date_field(model: type[models.Model]) -> str | None:
    name = getattr(model, "search_date_field", None)
    if not name:
        return None
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return name if isinstance(field, models.DateField) else None  # DateTimeField included


def search_recency_half_life_days(model: type[models.Model]) -> float | None:
    """The half-life of this type's relevance, in days, for a type with a date; else None."""
    if search_date_field(model) is None:
        return None
    try:
        days = float(getattr(model, "search_recency_half_life_days", None) or 0)
    except (TypeError, ValueError):
        return None
    return days if days > 0 else None


def search_date(obj) -> datetime.date | datetime.datetime | None:
    """The date shown with a result (a news release's release date), or None."""
    name = search_date_field(type(obj))
    return getattr(obj, name, None) if name else None


def sort_date(obj) -> datetime.datetime | None:
    """The date "Newest first" sorts by: the declared date, else the last publication."""
    value = search_date(obj)
    if value is None:
        value = getattr(obj, "last_published_at", None) or getattr(obj, "first_published_at", None)
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        value = datetime.datetime.combine(value, datetime.time(), tzinfo=datetime.UTC)
    return value


def location_fields(model: type[models.Model]) -> tuple[str, str] | None:
    """The (latitude, longitude) field names of a model with a location, else None."""
    names = getattr(model, "search_location_fields", DEFAULT_LOCATION_FIELDS)
    try:
        for name in names:
            model._meta.get_field(name)
    except (FieldDoesNotExist, AttributeError):
        return None
    return tuple(names)  # type: ignore[return-value]


def location(obj) -> tuple[float, float] | None:
    names = location_fields(type(obj))
    if names is None:
        return None
    latitude, longitude = (getattr(obj, name) for name in names)
    if latitude is None or longitude is None:
        return None
    return float(latitude), float(longitude)


def site_search_models() -> list[type[Page]]:
    """Concrete page types with a search type label, in a stable order."""
    return sorted(
        (
            model
            for model in get_page_models()
            if model is not Page and not model._meta.abstract and search_type_label(model)
        ),
        key=lambda model: model._meta.label,
    )


@cache
def search_types() -> tuple[SearchType, ...]:
    """Every type in the type filter, by label. (Page types do not change while the site runs.)"""
    labels: dict[str, str] = {}
    grouped: dict[str, list[type[Page]]] = {}
    for model in site_search_models():
        key = search_type_key(model)
        labels.setdefault(key, search_type_label(model))
        grouped.setdefault(key, []).append(model)
    return tuple(
        sorted(
            (SearchType(key, labels[key], tuple(models)) for key, models in grouped.items()),
            key=lambda search_type: search_type.label,
        )
    )


def search_type_for_key(key: str) -> SearchType | None:
    return next((search_type for search_type in search_types() if search_type.key == key), None)


def search_type_for_model(model: type[models.Model]) -> SearchType | None:
    key = search_type_key(model)
    return search_type_for_key(key) if key else None


def faceted_document(obj):
    """The object's `search.faceted.FacetDocument`, or None for types without facets."""
    method = getattr(obj, "faceted_document", None)
    return method() if callable(method) else None
