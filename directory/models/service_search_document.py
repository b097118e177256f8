"""What the search engines hold about a service: its search fields (Wagtail's index, docs/search.md)
and its faceted document (search.faceted): the category facet holds each term's code and its
parent's, so a service filed under "Speech and language therapy" is found and counted under
"Speech and language" too; delivered online, by phone or at home, it is found at any distance.

ServicePage takes it as a mixin: change what a service is searched by here, and what a service is
in directory.models.services."""

from collections import defaultdict

from django.db.models import Q, QuerySet

from wagtail.search import index

from search.faceted import FacetDocument
from website.models import BasePage

from .service_places import ServiceLocation

# The faceted documents' one facet: the category codes a service is filed under, with their
# parents'.
CATEGORY_FACET = "category"


class ServiceSearchDocument:
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("description"),
        index.SearchField("eligibility_description"),
        index.SearchField("cost_description"),
        index.RelatedFields("categories", [index.SearchField("name")]),
        index.RelatedFields("organisation", [index.SearchField("name")]),
        index.FilterField("status"),
        index.FilterField("is_free"),
        index.FilterField("in_person"),
        index.FilterField("online"),
        index.FilterField("by_phone"),
        index.FilterField("at_home"),
        index.FilterField("self_referral"),
        index.FilterField("pregnancy"),
        index.FilterField("minimum_age"),
        index.FilterField("maximum_age"),
        index.FilterField("last_reviewed"),
    ]
    search_type_label = "Service"
    search_boost = 2.0

    @classmethod
    def get_indexed_objects(cls):
        return (
            super()
            .get_indexed_objects()
            .select_related("organisation")
            .prefetch_related("categories__parent", "hubs", "locations")
        )

    def faceted_document(self) -> FacetDocument:
        codes = []
        for term in self.categories.all():
            codes.append(term.code)
            if term.parent_id:
                codes.append(term.parent.code)
        return FacetDocument(
            points=tuple(self.delivery_points()) if self.in_person else (),
            facets={CATEGORY_FACET: tuple(sorted(set(codes)))},
            anywhere=self.reaches_anywhere,
        )

    @property
    def reaches_anywhere(self) -> bool:
        """Families need not go anywhere: online, by phone or at home. Found at any distance
        from a postcode, apart from what is near (search.faceted's `remote_only`)."""
        return self.online or self.by_phone or self.at_home

    @classmethod
    def facet_filter(cls, name: str, values) -> Q | None:
        """The services that faceted search would match on a facet's selected `values`, as SQL
        (search.faceted's database path; directory.timetable): filed under any of the
        categories or their sub-categories, as the documents' category facet says."""
        if name != CATEGORY_FACET:
            return None
        filed = cls.categories.through.objects.filter(
            Q(taxonomyterm__code__in=values) | Q(taxonomyterm__parent__code__in=values)
        )
        return Q(pk__in=filed.values("servicepage_id"))

    @classmethod
    def faceted_documents(cls, pks, with_facets: bool = True) -> dict:
        """{pk: FacetDocument} for many services, in a few queries (the database path). `pks`
        is a list, or a queryset of pks (then one query per relation, however many). Without
        facets, the documents' facets are empty and the categories are not read."""
        # Through a queryset, the services are those the last query below finds: no query of
        # their own.
        if isinstance(pks, QuerySet):
            chunks, anywhere = [pks], {}
        else:
            pks = list(pks)
            # Every pk asked for has a document, even one deleted since it was found.
            chunks, anywhere = _chunks(pks), dict.fromkeys(pks, False)
        codes, points = defaultdict(set), defaultdict(list)
        categories = cls.categories.through.objects
        hubs = cls.hubs.through.objects
        for chunk in chunks:
            filed = (
                categories.filter(servicepage_id__in=chunk) if with_facets else categories.none()
            )
            for pk, code, parent_code in filed.values_list(
                "servicepage_id", "taxonomyterm__code", "taxonomyterm__parent__code"
            ):
                codes[pk].update(filter(None, (code, parent_code)))
            # In delivery_places() order: hubs by title, then own locations.
            for pk, latitude, longitude in (
                hubs.filter(
                    servicepage_id__in=chunk,
                    familyhubpage__live=True,
                    familyhubpage__latitude__isnull=False,
                    familyhubpage__longitude__isnull=False,
                )
                .order_by("familyhubpage__title")
                .values_list(
                    "servicepage_id", "familyhubpage__latitude", "familyhubpage__longitude"
                )
            ):
                points[pk].append((latitude, longitude))
            for pk, latitude, longitude in (
                ServiceLocation.objects.filter(
                    page_id__in=chunk, latitude__isnull=False, longitude__isnull=False
                )
                .order_by("sort_order", "pk")
                .values_list("page_id", "latitude", "longitude")
            ):
                points[pk].append((latitude, longitude))
            for pk, in_person, online, by_phone, at_home in cls.objects.filter(
                pk__in=chunk
            ).values_list("pk", "in_person", "online", "by_phone", "at_home"):
                anywhere[pk] = online or by_phone or at_home
                if not in_person:
                    points[pk] = []  # nowhere families go: no distance is theirs
        return {
            pk: FacetDocument(
                points=tuple(points[pk]),
                facets={CATEGORY_FACET: tuple(sorted(codes[pk]))} if with_facets else {},
                anywhere=reaches_anywhere,
            )
            for pk, reaches_anywhere in anywhere.items()
        }

    def delivery_points(self) -> list[tuple[float, float]]:
        """(latitude, longitude) of every place with a location: the search index's geo
        points."""
        return [
            (place.latitude, place.longitude)
            for place in self.delivery_places()
            if place.has_location
        ]


def _chunks(items: list, size: int = 5000):
    for start in range(0, len(items), size):
        yield items[start : start + size]
