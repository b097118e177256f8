"""Nearest first: "text plus filters near a point", for the service directory and the hub finder
(the postcode lookup turns a postcode into the point; nothing here sees the postcode).

    from search.nearby import nearest
    for hub, miles in nearest(FamilyHubPage.objects.live(), 52.58, -2.13, text="baby clinic",
                              radius_miles=5, limit=10):
        ...

The model needs a location (docs/search.md: `latitude` and `longitude` fields, or
`search_location_fields`), and its queryset's filters must be on `index.FilterField`s, as for
any Wagtail search. On Elasticsearch the index's `geo_point` filters and sorts; on the database
(or when Elasticsearch does not answer) the exact great-circle distance (search.geo) filters and
orders them, after a latitude/longitude box has narrowed the rows (without `text`) or the text
search has (with it)."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Model, QuerySet

from . import geo, page_types
from .engines import with_fallback
from .query_slots import database_query
from .query_text import clean_query

DEFAULT_LIMIT = 20


@dataclass(frozen=True)
class Nearby:
    object: Model
    distance_miles: float

    def __iter__(self):
        # So that `for obj, miles in nearest(...)` reads naturally.
        return iter((self.object, self.distance_miles))


def nearest(
    queryset_or_model,
    latitude: float,
    longitude: float,
    *,
    text: str | None = None,
    limit: int = DEFAULT_LIMIT,
    radius_miles: float | None = None,
    load: Callable[[list], dict] | None = None,
) -> list[Nearby]:
    """Objects from the queryset that match `text` (all of them when it is empty), nearest
    first, with their distance in miles; at most `limit`, none further than `radius_miles`.
    `load(pks)`, when given, returns {pk: object} for what was found, and those objects are
    the answer (say, something smaller kept in a cache), on either engine; it must leave out
    what the queryset would."""
    queryset = _as_queryset(queryset_or_model)
    fields = page_types.location_fields(queryset.model)
    if fields is None:
        raise ValueError(
            f"{queryset.model.__name__} has no location: give it latitude and longitude fields "
            "or set search_location_fields (docs/search.md)"
        )
    if not geo.valid_coordinates(latitude, longitude):
        raise ValueError("latitude must be within ±90 and longitude within ±180")
    if radius_miles is not None and radius_miles < 0:
        raise ValueError("radius_miles must not be negative")
    words = clean_query(text or "")

    def on_elasticsearch(backend) -> list[Nearby]:
        found = backend.nearest(
            queryset=queryset,
            latitude=latitude,
            longitude=longitude,
            text=words or None,
            limit=limit,
            radius_miles=radius_miles,
        )
        pks = [pk for pk, _ in found]
        if load is not None:
            to_pk = queryset.model._meta.pk.to_python
            objects = {str(pk): obj for pk, obj in load([to_pk(pk) for pk in pks]).items()}
        else:
            objects = {str(obj.pk): obj for obj in queryset.filter(pk__in=pks)}
        return [Nearby(objects[str(pk)], miles) for pk, miles in found if str(pk) in objects]

    def on_database(backend) -> list[Nearby]:
        found = _nearest_on_database(
            backend, queryset, fields, latitude, longitude, words, limit, radius_miles
        )
        if load is None:
            return found
        objects = load([nearby.object.pk for nearby in found])
        return [
            Nearby(objects[nearby.object.pk], nearby.distance_miles)
            for nearby in found
            if nearby.object.pk in objects
        ]

    results, _degraded = with_fallback(on_elasticsearch, on_database, purpose="a nearest search")
    return results


def _as_queryset(queryset_or_model) -> QuerySet:
    if isinstance(queryset_or_model, QuerySet):
        return queryset_or_model
    return queryset_or_model._default_manager.all()


def _nearest_on_database(
    backend, queryset, fields, latitude, longitude, words, limit, radius_miles
) -> list[Nearby]:
    latitude_field, longitude_field = fields
    if words:
        # A search backend filters only on the model's FilterFields, which a location need not
        # be: search first, then measure the matches.
        from .models import synonym_groups

        candidates = backend.search(database_query(words, synonym_groups()), queryset)
    else:
        candidates = queryset.filter(
            **{f"{latitude_field}__isnull": False, f"{longitude_field}__isnull": False}
        )
        if radius_miles is not None:
            box = geo.bounding_box(latitude, longitude, radius_miles)
            candidates = candidates.filter(
                **{
                    f"{latitude_field}__gte": box.min_latitude,
                    f"{latitude_field}__lte": box.max_latitude,
                    f"{longitude_field}__gte": box.min_longitude,
                    f"{longitude_field}__lte": box.max_longitude,
                }
            )
    measured = []
    for obj in candidates:
        point = page_types.location(obj)
        if point is None:
            continue
        miles = geo.haversine_miles(latitude, longitude, *point)
        if radius_miles is None or miles <= radius_miles:
            measured.append(Nearby(obj, miles))
    measured.sort(key=lambda nearby: (nearby.distance_miles, str(nearby.object.pk)))
    return measured[:limit]
