"""The directory's page views that need forms, the hub finder or the service search: the
service directory at /services/ and the hub finder at /family-hubs/nearest/.

Their page types (directory.models) serve them through website.page_views: the forms and
searches import the models, so the models do not import them (DirectoryConfig.ready() imports
this module, which registers each view)."""

from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control

from wagtail.models import Site

from website.models import BasePage
from website.page_views import serves

from . import service_filters
from .finder import find_hubs
from .forms import PostcodeForm
from .models import FamilyHubIndexPage, ServiceIndexPage
from .models.hubs import HUB_LIST_STATUS_HOURS
from .models.settings import council_codes_for_request
from .service_search import pagination, run_service_search

# Where each filter's message links to, in the order the form shows them.
ERROR_ANCHORS = {
    "postcode": "postcode",
    "radius": "radius",
    "category": "categories-legend",
    "age": "age",
    "delivery": "delivery-legend",
}


def error_list(errors: dict[str, str]) -> list[dict]:
    return [
        {"field": name, "anchor": anchor, "message": errors[name]}
        for name, anchor in ERROR_ANCHORS.items()
        if name in errors
    ]


def keep_out_of_caches(response) -> None:
    """For an answer whose URL holds a postcode."""
    add_never_cache_headers(response)
    patch_cache_control(response, private=True, no_store=True)


@serves(ServiceIndexPage)
def service_directory(page: ServiceIndexPage, request, *args, **kwargs):
    """/services/: the directory search, its filters from the query string."""
    search = run_service_search(page, request.GET)
    response = TemplateResponse(
        request,
        page.get_template(request, *args, **kwargs),
        {
            **page.get_context(request, *args, **kwargs),
            "search": search,
            "filters": search.filters,
            "error_list": error_list(search.filters.errors),
            "pagination": pagination(page.url, search),
            "radius_choices": service_filters.RADIUS_CHOICES,
            "delivery_choices": service_filters.DELIVERY_CHOICES,
            "sort_choices": service_filters.SORT_CHOICES,
            "remote_query_string": search.filters.query_string(
                postcode="",
                delivery=service_filters.REMOTE_DELIVERY,
                sort=service_filters.SORT_RELEVANCE,
            ),
            "max_age": service_filters.MAX_AGE,
        },
    )
    response.status_code = search.status_code
    if request.GET.get("postcode"):
        keep_out_of_caches(response)
    return response


@serves(FamilyHubIndexPage, "nearest")
def nearest_hubs(page: FamilyHubIndexPage, request):
    """The hubs nearest a postcode: /family-hubs/nearest/?postcode=WV1+1SH. Without a
    postcode, the form alone; with a bad one, the form again saying what is wrong."""
    form = PostcodeForm(request.GET if "postcode" in request.GET else None)
    results, status, area = [], 200, None
    if form.is_bound:
        if form.is_valid():
            now = timezone.now()
            site = Site.find_for_request(request)
            answer = find_hubs(form.location, council_codes_for_request(request))
            area = answer.area
            results = [
                {
                    "hub": found.hub,
                    "url": found.hub.url(site.pk if site else None),
                    # One decimal, as |floatformat:1 gives it (but for an exact half, which
                    # rounds to even: a twentieth of a mile), without a template filter per hub.
                    "miles": f"{found.distance_miles:.1f}",
                    "status": found.hub.opening_status(now),
                    "segments": found.hub.status_segments_json(now, HUB_LIST_STATUS_HOURS),
                }
                for found in answer.hubs
            ]
        else:
            status = 404 if form.not_found else 400
    # Not page.get_context(): the index page's own works out every hub's opening status and
    # map marker, which the finder does not show.
    context = {
        **BasePage.get_context(page, request),
        "form": form,
        "results": results,
        "area": area,
    }
    response = TemplateResponse(request, "directory/family_hub_finder.html", context, status=status)
    keep_out_of_caches(response)
    return response
