"""Faceted search near a point: text, filters, a radius, and keyword facets with counts, for
directory pages such as services (docs/search.md, "Faceted search").

    from search.faceted import FacetedQuery, faceted_search
    outcome = faceted_search(
        ServicePage.objects.live().public().filter(is_free=True),
        FacetedQuery(text="speech", point=(52.58, -2.13), radius_miles=5,
                     selected={"category": ("speech-and-language",)}, sort=SORT_NEAREST),
    )
    outcome.pks, outcome.total, outcome.facet_counts["category"]

The page type declares, per object, a `FacetDocument` (`faceted_document()`, read when the
object is indexed in Elasticsearch) and, for many objects at once, `faceted_documents(pks)` (read
by the database path). A document has several points (a service delivered at several places):
its distance is that of its nearest point.

Both engines give the same results on the same data: the same filters (the queryset's, which
must be on `index.FilterField`s), the same text matching (below), the same facet
semantics (values of one facet are alternatives; facets combine; each facet's counts apply
every filter but its own selection), the same order for "nearest" (distance, then pk as
text) and, without text, for "relevance" (title, case-insensitive, then pk as text). With text,
"relevance" is each engine's ranking, and the text matching is the same on both: every word
(stop words aside) or one of its synonyms or its singular or plural, anywhere in the
document (`search.query_slots`). Stemming can still differ at the edges: SQLite does
not stem, PostgreSQL and Elasticsearch stem English each their own way."""

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import QuerySet

from website import content_cache

from . import geo
from .engines import with_fallback
from .models import synonym_groups
from .query_slots import database_query, query_slots
from .query_text import clean_query

SORT_RELEVANCE = "relevance"
SORT_NEAREST = "nearest"
SORTS = (SORT_RELEVANCE, SORT_NEAREST)
# Elasticsearch's default limit on from + size.
MAX_WINDOW = 10_000


@dataclass(frozen=True)
class FacetDocument:
    """What faceted search knows about one object besides its indexed fields."""

    points: tuple[tuple[float, float], ...] = ()
    # Facet name -> its values for this object ({"category": ("send", "short-breaks")}).
    facets: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Reaches people wherever they are (a service delivered online, by phone or at home):
    # what a query with `remote_only` finds.
    anywhere: bool = False


@dataclass(frozen=True)
class FacetedQuery:
    text: str = ""
    point: tuple[float, float] | None = None
    radius_miles: float | None = None
    selected: dict[str, tuple[str, ...]] = field(default_factory=dict)
    facets: tuple[str, ...] = ()  # the facets to count
    sort: str = SORT_RELEVANCE
    offset: int = 0
    size: int = 10
    # With a point, a document is found when one of its points is within the radius (any
    # point, without a radius). With `remote_only`, instead: when it reaches people anywhere
    # and none of its points is (what is "also available" to someone there).
    remote_only: bool = False


@dataclass
class FacetedOutcome:
    pks: list = field(default_factory=list)  # this page, in order
    total: int = 0
    facet_counts: dict[str, dict[str, int]] = field(default_factory=dict)
    degraded: bool = False
    engine: str = "database"


def faceted_search(queryset: QuerySet, query: FacetedQuery) -> FacetedOutcome:
    model = queryset.model
    if not hasattr(model, "faceted_documents") or not hasattr(model, "faceted_document"):
        raise ValueError(
            f"{model.__name__} takes no part in faceted search: give it faceted_document() and "
            "faceted_documents(pks) (docs/search.md)"
        )
    if query.point is not None and not geo.valid_coordinates(*query.point):
        raise ValueError("latitude must be within ±90 and longitude within ±180")
    if query.sort == SORT_NEAREST and query.point is None:
        raise ValueError("sorting by distance needs a point")
    query = FacetedQuery(
        text=clean_query(query.text or ""),
        point=query.point,
        radius_miles=query.radius_miles,
        selected={name: tuple(values) for name, values in query.selected.items() if values},
        facets=tuple(query.facets),
        sort=query.sort if query.sort in SORTS else SORT_RELEVANCE,
        offset=max(0, min(query.offset, MAX_WINDOW - query.size)),
        size=query.size,
        remote_only=query.remote_only,
    )

    # Every word must match on both engines (stop words aside): the same slots, so the same
    # pages. Site search's looser "three words in four" would find more on Elasticsearch.
    groups = content_cache.remember("synonym-groups", synonym_groups) if query.text else []
    slots = query_slots(query.text, groups) if query.text else []

    def on_elasticsearch(backend) -> FacetedOutcome:
        found = backend.faceted_search(queryset=queryset, query=query, required_slots=slots)
        return FacetedOutcome(
            pks=[_pk(model, pk) for pk in found["pks"]],
            total=found["total"],
            facet_counts=found["facet_counts"],
            engine="elasticsearch",
        )

    def on_database(backend) -> FacetedOutcome:
        return _database_faceted_search(backend, queryset, query, groups)

    outcome, degraded = with_fallback(
        on_elasticsearch, on_database, purpose="a faceted directory search"
    )
    outcome.degraded = degraded
    return outcome


def _pk(model, value):
    return model._meta.pk.to_python(value)


def nearest_distance(
    point: tuple[float, float], points: Iterable[tuple[float, float]]
) -> float | None:
    """Miles from `point` to the nearest of `points`, or None when there are none."""
    distances = [geo.haversine_miles(*point, *other) for other in points]
    return min(distances) if distances else None


def matches(document: FacetDocument, selected: dict[str, tuple[str, ...]], skip: str | None = None):
    """Whether the document has one of the selected values of every facet (but `skip`)."""
    return all(
        set(document.facets.get(name, ())) & set(values)
        for name, values in selected.items()
        if name != skip
    )


def count_facets(
    documents: dict, selected: dict[str, tuple[str, ...]], facets: Iterable[str]
) -> dict[str, dict[str, int]]:
    """Per facet, how many documents have each value, among those matching every other facet's
    selection (so ticking a box shows what the other boxes would add)."""
    counts = {}
    for name in facets:
        counter = Counter()
        for document in documents.values():
            if matches(document, selected, skip=name):
                counter.update(set(document.facets.get(name, ())))
        counts[name] = dict(counter)
    return counts


def _database_faceted_search(backend, queryset, query: FacetedQuery, groups) -> FacetedOutcome:
    model = queryset.model
    queryset, selected = _filter_uncounted_facets_in_sql(queryset, query)
    titles = dict(queryset.values_list("pk", "title"))
    if query.text:
        found = backend.search(database_query(query.text, groups), queryset.only("pk"))
        ranked = [obj.pk for obj in found]
        candidates = [pk for pk in ranked if pk in titles]
    else:
        candidates = sorted(titles, key=lambda pk: (titles[pk].lower(), str(pk)))
    # Only a place, "anywhere", a facet left to match or facets to count need the documents:
    # a listing in a few categories by name needs the titles alone.
    needs_documents = query.point is not None or query.remote_only or selected or query.facets
    if not needs_documents:
        return FacetedOutcome(
            pks=candidates[query.offset : query.offset + query.size],
            total=len(candidates),
            engine="database",
        )
    # Without text, every object of the (filtered) queryset is a candidate: read their
    # documents through it, in as many queries at 20,000 objects as at 20.
    documents = model.faceted_documents(
        queryset.values("pk") if not query.text else candidates,
        with_facets=bool(selected or query.facets),
    )
    # A page deleted between the two reads has no document: it is not a result.
    candidates = [pk for pk in candidates if pk in documents]
    distances = {}
    if query.point is not None:
        for pk in candidates:
            distances[pk] = nearest_distance(query.point, documents[pk].points)
    if query.point is not None:
        near = {
            pk
            for pk in candidates
            if distances[pk] is not None
            and (query.radius_miles is None or distances[pk] <= query.radius_miles)
        }
        if query.remote_only:
            candidates = [pk for pk in candidates if documents[pk].anywhere and pk not in near]
        else:
            candidates = [pk for pk in candidates if pk in near]
    elif query.remote_only:
        candidates = [pk for pk in candidates if documents[pk].anywhere]
    in_range = {pk: documents[pk] for pk in candidates}
    facet_counts = count_facets(in_range, selected, query.facets)
    results = [pk for pk in candidates if matches(documents[pk], selected)]
    if query.sort == SORT_NEAREST:
        results.sort(key=lambda pk: (_distance_key(distances[pk]), str(pk)))
    return FacetedOutcome(
        pks=results[query.offset : query.offset + query.size],
        total=len(results),
        facet_counts=facet_counts,
        engine="database",
    )


def _filter_uncounted_facets_in_sql(queryset, query: FacetedQuery):
    """The selections of facets nobody counts, as SQL filters when the page type can say them
    (`facet_filter(name, values)`, the same matching as its documents'): fewer objects to read
    and match in Python. Returns the queryset and the selections left to match by document."""
    facet_filter = getattr(queryset.model, "facet_filter", None)
    left = {}
    for name, values in query.selected.items():
        condition = (
            None if facet_filter is None or name in query.facets else facet_filter(name, values)
        )
        if condition is None:
            left[name] = values
        else:
            queryset = queryset.filter(condition)
    return queryset, left


def _distance_key(miles: float | None) -> float:
    return math.inf if miles is None else miles
