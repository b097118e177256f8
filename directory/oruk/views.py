"""The Open Referral UK 3.0 API at /api/openreferral/v3/: open to anyone, no key, readable from
any web page (Access-Control-Allow-Origin: *). Bad input gets a JSON error with a 4xx status.
Views read parameters (params), fetch (queries) and shape (mapping)."""

import functools

from django.http import Http404, HttpRequest, JsonResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control

from directory import postcodes
from directory.models import FamilyHubPage, locate
from search.geo import haversine_miles

from . import params, queries, schema, to_oruk, vocabulary

METRES_PER_MILE = 1609.344


class NotFound(Exception):
    pass


def answer(data: dict, status: int = 200) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response


def oruk_view(view):
    """GET (and HEAD) only; BadParameter is a 400, NotFound a 404, both as JSON."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            response = answer({"error": "Only GET is supported"}, 405)
            response["Allow"] = "GET, HEAD"
            return response
        try:
            return view(request, *args, **kwargs)
        except params.BadParameter as error:
            return answer({"error": str(error)}, 400)
        except (NotFound, Http404) as error:
            return answer({"error": str(error) or "Not found"}, 404)

    return wrapped


def one(queryset, text: str, what: str):
    """The record with this ORUK id, or 400 (not a UUID) / 404 (no such record)."""
    found = queryset.filter(oruk_id=params.oruk_id(text)).first()
    if found is None:
        raise NotFound(f"No {what} has the id {text}")
    return found


def page_of(request, items, shape, prepare=None) -> JsonResponse:
    """One page of a queryset, with ORUK's page fields. `prepare(rows)` loads what shaping
    them needs, for all of them at once."""
    paging = params.paging(request.GET)
    total = items.count()
    rows = list(items[paging.offset : paging.offset + paging.per_page])
    if prepare is not None:
        prepare(rows)
    contents = [shape(row) for row in rows]
    return answer({**paging.fields(total, len(contents)), "contents": contents})


def service_filters(request) -> dict:
    query = request.GET
    return {
        "words": params.search_words(query.get("search")),
        "taxonomy_term_id": params.oruk_id(query.get("taxonomy_term_id"), "taxonomy_term_id"),
        "taxonomy_id": params.oruk_id(query.get("taxonomy_id"), "taxonomy_id"),
        "organization_id": params.oruk_id(query.get("organization_id"), "organization_id"),
        "modified_after": params.moment(query.get("modified_after")),
    }


@oruk_view
def api_details(request):
    openapi_url = request.build_absolute_uri(reverse("directory:oruk:openapi"))
    return answer(to_oruk.api_details(openapi_url))


@oruk_view
def openapi(request):
    return answer(schema.openapi_document())


@oruk_view
def services(request):
    full = params.flag(request.GET.get("full"), "full")
    found = queries.filtered_services(queries.live_services(), **service_filters(request))
    if full:
        found = queries.with_everything(found)
        return page_of(
            request,
            found,
            lambda s: to_oruk.service(s, page_url=s.get_full_url(request)),
            prepare=load_hub_schedules,
        )
    return page_of(
        request, found, lambda s: to_oruk.service_summary(s, page_url=s.get_full_url(request))
    )


@oruk_view
def service(request, oruk_id):
    found = one(queries.with_everything(queries.live_services()), oruk_id, "service")
    load_hub_schedules([found])
    return answer(to_oruk.service(found, page_url=found.get_full_url(request)))


def load_hub_schedules(services) -> None:
    """The opening times of the services' hubs, at once: a hub's closures are published with
    the sessions held there."""
    FamilyHubPage.load_schedules(
        place.hub
        for service in services
        for place in service.delivery_places()
        if place.hub is not None
    )


def named(request, found):
    """Those whose name holds every word of ?search= (ORUK's search on a list of things)."""
    for word in params.search_words(request.GET.get("search")):
        found = found.filter(name__icontains=word)
    return found


@oruk_view
def organizations(request):
    return page_of(request, named(request, queries.organisations()), to_oruk.organization)


@oruk_view
def organization(request, oruk_id):
    org = one(queries.organisations(), oruk_id, "organization")
    services = queries.live_services().filter(organisation=org)
    return answer(to_oruk.organization(org, services=services))


@oruk_view
def taxonomies(request):
    return page_of(request, named(request, queries.taxonomies()), to_oruk.taxonomy)


@oruk_view
def taxonomy(request, oruk_id):
    found = one(queries.taxonomies(), oruk_id, "taxonomy")
    terms = queries.taxonomy_terms().filter(taxonomy=found)
    return answer(to_oruk.taxonomy(found, terms=terms))


@oruk_view
def taxonomy_terms(request):
    query = request.GET
    found = named(request, queries.taxonomy_terms())
    taxonomy_id = params.oruk_id(query.get("taxonomy_id"), "taxonomy_id")
    if taxonomy_id:
        found = found.filter(taxonomy__oruk_id=taxonomy_id)
    parent_id = params.oruk_id(query.get("parent_id"), "parent_id")
    if parent_id:
        found = found.filter(parent__oruk_id=parent_id)
    if params.flag(query.get("top_only"), "top_only"):
        found = found.filter(parent__isnull=True)
    return page_of(request, found, to_oruk.taxonomy_term)


@oruk_view
def taxonomy_term(request, oruk_id):
    return answer(to_oruk.taxonomy_term(one(queries.taxonomy_terms(), oruk_id, "taxonomy term")))


def located(request):
    """The postcode's location (never stored or logged), or None without one."""
    text = request.GET.get("postcode", "").strip()
    if not text:
        if request.GET.get("proximity"):
            raise params.BadParameter("proximity needs a postcode to measure from")
        return None
    try:
        return locate(text)
    except postcodes.PostcodeNotFound as error:
        raise NotFound(str(error)) from None
    except postcodes.PostcodeError as error:
        raise params.BadParameter(str(error)) from None


def kept_private(response: JsonResponse) -> JsonResponse:
    """The URL held a postcode: keep the answer out of every cache."""
    add_never_cache_headers(response)
    patch_cache_control(response, private=True, no_store=True)
    return response


def service_at_location_json(request, service, place_oruk_id) -> dict:
    place = next(p for p in service.delivery_places() if p.oruk_id == place_oruk_id)
    summary = to_oruk.service_summary(service, page_url=service.get_full_url(request))
    return to_oruk.service_at_location(service, place, with_service=summary)


def services_at(keys: list[queries.PlaceKey]) -> dict:
    """The services of these keys, with their places, by pk."""
    pks = {key.service_pk for key in keys}
    return {s.pk: s for s in queries.with_places(queries.live_services().filter(pk__in=pks))}


@oruk_view
def service_at_locations(request):
    metres = params.proximity(request.GET.get("proximity"))
    origin = located(request)
    found = queries.filtered_services(queries.live_services(), **service_filters(request))
    keys = queries.place_keys(found)
    if origin is not None:
        measured = [(distance_metres(origin, key), key) for key in keys if key.latitude is not None]
        if metres is not None:
            measured = [item for item in measured if item[0] <= metres]
        measured.sort(key=lambda item: item[0])
        keys = [key for _, key in measured]
    paging = params.paging(request.GET)
    chosen = keys[paging.offset : paging.offset + paging.per_page]
    services = services_at(chosen)
    contents = [
        service_at_location_json(request, services[key.service_pk], key.place_oruk_id)
        for key in chosen
    ]
    response = answer({**paging.fields(len(keys), len(contents)), "contents": contents})
    return kept_private(response) if origin is not None else response


def distance_metres(origin, key) -> float:
    miles = haversine_miles(origin.latitude, origin.longitude, key.latitude, key.longitude)
    return miles * METRES_PER_MILE


@oruk_view
def service_at_location(request, oruk_id):
    wanted = str(params.oruk_id(oruk_id))
    for key in queries.place_keys(queries.live_services()):
        if vocabulary.service_at_location_id(key.service_oruk_id, key.place_oruk_id) == wanted:
            service = services_at([key])[key.service_pk]
            return answer(service_at_location_json(request, service, key.place_oruk_id))
    raise NotFound(f"No service at location has the id {oruk_id}")
