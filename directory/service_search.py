"""The service directory search at /services/: the filters (directory.service_filters) turned
into a faceted search (search.faceted: Elasticsearch when configured, the database otherwise),
and the results loaded for the page in a fixed number of queries, whatever their number.

The postcode is located in our postcode store for this request only: never stored or logged."""

import math
from dataclasses import dataclass, field, replace

from django.db.models import Q
from django.utils import timezone

from directory import opening_hours as hours
from search.faceted import SORT_NEAREST, FacetedQuery, faceted_search, nearest_distance
from website import content_cache
from website import pagination as pagination_bar
from website.models import PAGE_LINK_FIELDS

from . import postcodes
from .council_area import Area
from .models import (
    DeliveryPlace,
    FamilyHubPage,
    PostcodeLocation,
    ServicePage,
    TaxonomyTerm,
    locate_in_use,
)
from .models.service_search_document import CATEGORY_FACET
from .models.services import CARD_STATUS_HOURS
from .models.settings import council_codes_for_page
from .service_filters import (
    RESULTS_PER_PAGE,
    ServiceFilters,
    format_miles,
    parse_filters,
)

LISTED_STATUSES = [ServicePage.Status.ACTIVE, ServicePage.Status.TEMPORARILY_CLOSED]
MAX_PAGE = 10_000 // RESULTS_PER_PAGE  # Elasticsearch's result window
# How many of the services that reach families anywhere a postcode search shows apart.
REMOTE_SHOWN = 5


@dataclass
class ServiceResult:
    service: ServicePage
    distance_miles: float | None = None
    nearest_place: DeliveryPlace | None = None
    status: hours.Status | None = None
    status_segments: str = ""

    @property
    def distance_text(self) -> str:
        return format_miles(self.distance_miles) if self.distance_miles is not None else ""


@dataclass
class CategoryOption:
    code: str
    name: str
    count: int
    selected: bool
    children: list["CategoryOption"] = field(default_factory=list)


@dataclass
class ServiceSearch:
    filters: ServiceFilters
    location: PostcodeLocation | None = None
    postcode_not_found: bool = False
    # Whose area the postcode is in: the page says so when it is another council's.
    area: Area | None = None
    results: list[ServiceResult] = field(default_factory=list)
    total: int = 0
    page: int = 1
    page_count: int = 1
    categories: list[CategoryOption] = field(default_factory=list)
    degraded: bool = False
    engine: str = "database"
    # With a postcode: services that reach families anywhere (online, by phone, at home) and
    # are not near, listed apart and never with a distance (the first few; how many in all).
    remote_results: list[ServiceResult] = field(default_factory=list)
    remote_total: int = 0

    @property
    def first_number(self) -> int:
        return (self.page - 1) * RESULTS_PER_PAGE + 1

    @property
    def status_code(self) -> int:
        if self.postcode_not_found:
            return 404
        return 400 if self.filters.errors else 200


def listed_services(index_page):
    """The services the directory lists: live, public, under this index, not closed for good."""
    return (
        ServicePage.objects.live()
        .public()
        .descendant_of(index_page)
        .filter(status__in=LISTED_STATUSES)
    )


def filtered_services(index_page, filters: ServiceFilters):
    """Every filter but the text, the place and the categories (search.faceted does those)."""
    services = listed_services(index_page)
    if filters.free_only:
        services = services.filter(is_free=True)
    if filters.delivery:
        delivered = Q()
        for way in filters.delivery:
            delivered |= Q(**{way: True})
        services = services.filter(delivered)
    if filters.age is not None:
        services = services.filter(
            Q(minimum_age__isnull=True) | Q(minimum_age__lte=filters.age),
            Q(maximum_age__isnull=True) | Q(maximum_age__gte=filters.age),
        )
    return services


def run_service_search(index_page, params) -> ServiceSearch:
    # The category tree changes only by an editor's save (a snippet: a new generation).
    terms = content_cache.remember(
        "taxonomy-terms", lambda: list(TaxonomyTerm.objects.order_by("sort_order", "name"))
    )
    filters = parse_filters(params, [term.code for term in terms])
    search = ServiceSearch(filters=filters)
    if filters.postcode and "postcode" not in filters.errors:
        try:
            search.location = locate_in_use(filters.postcode)
            search.area = search.location.area(council_codes_for_page(index_page))
        except postcodes.PostcodeError as error:
            search.postcode_not_found = isinstance(error, postcodes.PostcodeNotFound)
            filters = replace(filters, errors={**filters.errors, "postcode": str(error)})
            search.filters = filters
    if not filters.is_valid:
        search.categories = category_options(terms, {}, filters.categories)
        return search

    point = (search.location.latitude, search.location.longitude) if search.location else None
    query = FacetedQuery(
        text=filters.query,
        point=point,
        radius_miles=filters.radius_miles if point else None,
        selected={CATEGORY_FACET: filters.categories},
        facets=(CATEGORY_FACET,),
        sort=SORT_NEAREST if filters.sort == SORT_NEAREST and point else "relevance",
        size=RESULTS_PER_PAGE,
    )
    page = min(filters.page, MAX_PAGE)
    services = filtered_services(index_page, filters)
    outcome = faceted_search(services, replace(query, offset=(page - 1) * RESULTS_PER_PAGE))
    page_count = max(1, min(MAX_PAGE, math.ceil(outcome.total / RESULTS_PER_PAGE)))
    if page > page_count:
        # Past the end (an old link, ?page=9999): the last page.
        page = page_count
        outcome = faceted_search(services, replace(query, offset=(page - 1) * RESULTS_PER_PAGE))
    counts = dict(outcome.facet_counts.get(CATEGORY_FACET, {}))

    if point is not None:
        # A radius is about where families go: what reaches them anywhere is listed apart.
        remote = faceted_search(
            services,
            replace(query, remote_only=True, sort="relevance", size=REMOTE_SHOWN, offset=0),
        )
        search.remote_total = remote.total
        if page == 1:
            search.remote_results = load_results(remote.pks, None)
        for code, count in remote.facet_counts.get(CATEGORY_FACET, {}).items():
            counts[code] = counts.get(code, 0) + count

    search.results = load_results(outcome.pks, point)
    search.total = outcome.total
    search.page, search.page_count = page, page_count
    search.categories = category_options(terms, counts, filters.categories)
    search.degraded, search.engine = outcome.degraded, outcome.engine
    return search


# What a result shows (templates/directory/includes/service_card.html) and what its opening
# status needs: the rest of a service (its description, contacts...) stays unread.
SERVICE_CARD_FIELDS = (
    *PAGE_LINK_FIELDS,
    "summary",
    "status",
    "organisation__name",
    "in_person",
    "online",
    "by_phone",
    "at_home",
    "is_free",
    "cost_amount",
    "cost_currency",
    "cost_description",
    "self_referral",
    "closed_on_bank_holidays",
)


def load_results(pks: list, point: tuple[float, float] | None) -> list[ServiceResult]:
    """The services of one results page, in order, with what the listing shows. What a card
    shows of a service is remembered with the shared content (a publish, or an organisation's save,
    starts a new generation there), so a service already listed is not read again."""
    services = content_cache.remember_many("service-card", pks, read_service_cards)
    ServicePage.load_schedules(services.values())
    ServicePage.load_delivery_places(services.values())
    # Their hubs' schedules, at once: a hub's closure cancels what is held there.
    FamilyHubPage.load_schedules(
        place.hub
        for service in services.values()
        for place in service.delivery_places()
        if place.hub is not None
    )
    now = timezone.now()
    results = []
    for pk in pks:
        service = services.get(pk)
        if service is None:
            continue  # unpublished since it was indexed
        result = ServiceResult(service)
        located = [
            place
            for place in (service.delivery_places() if service.in_person else [])
            if place.has_location
        ]
        if point is not None and located:
            result.nearest_place = min(
                located,
                key=lambda place: nearest_distance(point, [(place.latitude, place.longitude)]),
            )
            result.distance_miles = nearest_distance(
                point, [(place.latitude, place.longitude) for place in located]
            )
        add_status(result, now)
        results.append(result)
    return results


def add_status(result: ServiceResult, now) -> None:
    """The card's status line: at the place the card names (the nearest to the postcode), or
    the service's own across its places; with the lines for the coming hours, so a cached
    listing stays true."""
    service = result.service
    if result.nearest_place is not None:
        sitting = hours.Sitting("", service.schedule_at(result.nearest_place))
        if not sitting.schedule.has_hours:
            return
        result.status = hours.kept_status_at([sitting], now)
        result.status_segments = hours.kept_status_segments_json([sitting], now, CARD_STATUS_HOURS)
        return
    result.status = service.opening_status(now)
    if result.status is not None:
        result.status_segments = service.status_segments_json(now, CARD_STATUS_HOURS)


def read_service_cards(pks: list) -> dict:
    return (
        ServicePage.objects.select_related("organisation").only(*SERVICE_CARD_FIELDS).in_bulk(pks)
    )


def category_options(
    terms: list[TaxonomyTerm], counts: dict[str, int], selected: tuple[str, ...]
) -> list[CategoryOption]:
    """The category checkboxes: top-level terms, each with its children. A child is offered
    when something would be found with it, or it is ticked."""
    options = {
        term.pk: CategoryOption(
            term.code, term.name, counts.get(term.code, 0), term.code in selected
        )
        for term in terms
    }
    top = []
    for term in terms:
        option = options[term.pk]
        if term.parent_id is None:
            top.append(option)
        elif term.parent_id in options and (option.count or option.selected):
            options[term.parent_id].children.append(option)
    return top


def pagination(index_url: str, search: ServiceSearch) -> dict:
    return pagination_bar.pagination(
        search.page,
        search.page_count,
        lambda number: index_url + search.filters.query_string(number),
    )
