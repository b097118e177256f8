"""What the ORUK API publishes, as querysets: only live, public services, with the related rows
each answer needs fetched in a fixed number of queries (prefetch), whatever the page size."""

from typing import NamedTuple
from uuid import UUID

from django.db.models import Prefetch, Q, QuerySet

from directory.models import (
    FamilyHubPage,
    Organisation,
    ServiceLocation,
    ServicePage,
    Taxonomy,
    TaxonomyTerm,
)


def live_services() -> QuerySet:
    return (
        ServicePage.objects.live().public().select_related("organisation").order_by("title", "pk")
    )


def with_everything(services: QuerySet) -> QuerySet:
    """For nested services: every related row in one query per relation."""
    return services.prefetch_related(
        Prefetch(
            "categories",
            queryset=TaxonomyTerm.objects.select_related("taxonomy", "parent").order_by(
                "sort_order", "name"
            ),
        ),
        "contacts",
        "locations",
        Prefetch("hubs", queryset=FamilyHubPage.objects.live().public().order_by("title")),
        "opening_sessions",
        "opening_exceptions",
    )


def with_places(services: QuerySet) -> QuerySet:
    return services.prefetch_related(
        "locations",
        Prefetch("hubs", queryset=FamilyHubPage.objects.live().public().order_by("title")),
    )


def terms_and_children(term_oruk_id) -> QuerySet:
    """A category and, for a top-level one, the categories under it."""
    return TaxonomyTerm.objects.filter(Q(oruk_id=term_oruk_id) | Q(parent__oruk_id=term_oruk_id))


def in_terms(services: QuerySet, terms: QuerySet) -> QuerySet:
    links = ServicePage.categories.through.objects.filter(taxonomyterm__in=terms)
    return services.filter(pk__in=links.values("servicepage_id"))


def filtered_services(
    services: QuerySet,
    *,
    words=(),
    taxonomy_term_id=None,
    taxonomy_id=None,
    organization_id=None,
    modified_after=None,
) -> QuerySet:
    """ORUK's list filters. `search` matches every word in the name, summary, description or
    organisation name (the database's plain matching: the same on every backend)."""
    for word in words:
        services = services.filter(
            Q(title__icontains=word)
            | Q(summary__icontains=word)
            | Q(description__icontains=word)
            | Q(organisation__name__icontains=word)
        )
    if taxonomy_term_id:
        services = in_terms(services, terms_and_children(taxonomy_term_id))
    if taxonomy_id:
        services = in_terms(services, TaxonomyTerm.objects.filter(taxonomy__oruk_id=taxonomy_id))
    if organization_id:
        services = services.filter(organisation__oruk_id=organization_id)
    if modified_after:
        services = services.filter(last_modified__gte=modified_after)
    return services


def organisations() -> QuerySet:
    return Organisation.objects.order_by("name", "pk")


def taxonomies() -> QuerySet:
    return Taxonomy.objects.order_by("name", "pk")


def taxonomy_terms() -> QuerySet:
    return TaxonomyTerm.objects.select_related("taxonomy", "parent").order_by(
        "taxonomy__name", "sort_order", "name", "pk"
    )


class PlaceKey(NamedTuple):
    """One service at one place, light enough to list every one of them: the page of
    service_at_locations is chosen from these, and only its services are then loaded."""

    service_pk: int
    service_oruk_id: UUID
    place_oruk_id: UUID
    latitude: float | None
    longitude: float | None


def place_keys(services: QuerySet) -> list[PlaceKey]:
    """Every (service, place) of these services, in service order, then as
    ServicePage.delivery_places() orders them: hubs by title, then the service's own places.
    Four plain queries, however many services."""
    order = {
        pk: (position, oruk_id)
        for position, (pk, oruk_id) in enumerate(services.values_list("pk", "oruk_id"))
    }
    public_hubs = FamilyHubPage.objects.live().public().values("pk")
    at_hubs = (
        ServicePage.hubs.through.objects.filter(
            servicepage_id__in=list(order), familyhubpage_id__in=public_hubs
        )
        .order_by("familyhubpage__title")
        .values_list(
            "servicepage_id",
            "familyhubpage__oruk_id",
            "familyhubpage__latitude",
            "familyhubpage__longitude",
        )
    )
    own = (
        ServiceLocation.objects.filter(page_id__in=list(order))
        .order_by("sort_order", "pk")
        .values_list("page_id", "oruk_id", "latitude", "longitude")
    )
    rows = [(0, row) for row in at_hubs] + [(1, row) for row in own]
    # A stable sort keeps hubs before own places, each in its own order, within a service.
    rows.sort(key=lambda item: (order[item[1][0]][0], item[0]))
    return [
        PlaceKey(pk, order[pk][1], place_id, latitude, longitude)
        for _, (pk, place_id, latitude, longitude) in rows
    ]
