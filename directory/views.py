"""The directory's page views that need forms, the hub finder or the service search: the
service directory at /services/, the hub finder at /family-hubs/nearest/, and what's on at
/whats-on/ with its calendar feed.

Their page types (directory.models) serve them through website.page_views: the forms and
searches import the models, so the models do not import them (DirectoryConfig.ready() imports
this module, which registers each view)."""

from datetime import timedelta
from urllib.parse import urlencode

from django.http import HttpResponse, HttpResponseBadRequest
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wagtail.models import Site

from website import content_cache
from website.models import BasePage
from website.page_views import serves
from website.shared_cache import content_true_until

from . import (
    calendar_feed,
    opening_hours,
    postcodes,
    service_filters,
    structured_data,
    timetable,
    whats_on,
)
from .finder import find_hubs
from .forms import PostcodeForm
from .models import FamilyHubIndexPage, ServiceIndexPage, ServicePage, WhatsOnPage
from .models.events import CALENDAR_ROUTE
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


def _whats_on_state(page: WhatsOnPage, request):
    """The filters from the query string, the choices they were checked against and the
    entries that fit, for the timetable and its feed alike."""
    now = timezone.now()
    today = timezone.localdate(now, timezone=opening_hours.LONDON)
    available = timetable.choices()
    filters = whats_on.parse_filters(
        request.GET, today, (hub.slug for hub in available.hubs), available.category_codes
    )
    first, last = whats_on.window(today)
    return now, available, filters, first, last


@serves(WhatsOnPage)
def whats_on_timetable(page: WhatsOnPage, request):
    """/whats-on/: a week of sessions and events (from today, or `from`), by day, a page at a
    time, with filters and links to the weeks before and after within the four weeks. A value
    that cannot be used is said at the top, and left out (400, so no cache keeps it)."""
    now, available, filters, first, last = _whats_on_state(page, request)
    today = first
    near, place_errors, not_found, area = _near_a_postcode(request)
    shown = timetable.timetable_page(request, filters, today, available, now, near)
    content_true_until(shown.true_until)
    feed_url = page.get_full_url(request) + page.reverse_subpage(CALENDAR_ROUTE)
    page_url = page.get_url(request)
    errors = {**place_errors, **filters.errors}
    context = {
        **page.get_context(request),
        "filters": filters,
        "near": near,
        "area": area,
        "postcode_typed": request.GET.get("postcode", "")[: postcodes.MAX_INPUT_LENGTH],
        "radius": whats_on.parse_radius(request.GET)[0],
        "radius_choices": [value for value, _label in service_filters.RADIUS_CHOICES],
        "errors": errors,
        "error_list": [{"field": name, "message": message} for name, message in errors.items()],
        "shown": shown,
        "days": whats_on.by_day(shown.entries, key=None if near else whats_on.sort_key),
        "count": shown.count,
        "shown_range": _shown_range(shown),
        "pagination": _timetable_links(page_url, filters, shown, today, last, near),
        "hub_choices": [(hub.slug, hub.title) for hub in available.hubs],
        "category_choices": available.categories,
        "date_choices": [
            (day.isoformat(), opening_hours.format_date(day))
            for day in (first + timedelta(days=n) for n in range((last - first).days + 1))
        ],
        "age_choices": [(str(age), str(age)) for age in range(service_filters.MAX_AGE + 1)],
        "subscribe": whats_on.calendar_links(feed_url, urlencode(filters.query_pairs())),
        "structured_data": structured_data.event_structured_data(shown.entries, request),
    }
    status = 404 if not_found else 400 if errors else 200
    response = TemplateResponse(request, "directory/whats_on_page.html", context, status=status)
    if (request.GET.get("postcode") or "").strip():
        keep_out_of_caches(response)
    return response


def _near_a_postcode(request):
    """Where the postcode asked for is, with the distance chosen, as the hub finder looks it
    up (PostcodeForm: the postcode store, the directory's messages), and where it is for the
    council. What cannot be used is named in the errors and left out. The postcode is used
    for this answer only."""
    typed = (request.GET.get("postcode") or "").strip()
    radius, radius_error = whats_on.parse_radius(request.GET)
    errors = {"radius": radius_error} if radius_error and typed else {}
    if not typed:
        return None, errors, False, None
    form = PostcodeForm({"postcode": typed})
    if not form.is_valid():
        return None, {"postcode": form.errors["postcode"][0], **errors}, form.not_found, None
    location = form.location
    near = whats_on.Near(location.postcode, location.latitude, location.longitude, radius)
    return near, errors, False, location.area(council_codes_for_request(request))


def _shown_range(shown: timetable.TimetablePage) -> str:
    if shown.first == shown.last:
        return opening_hours.format_date(shown.first)
    return _("%(first)s to %(last)s") % {
        "first": opening_hours.format_date(shown.first),
        "last": opening_hours.format_date(shown.last),
    }


def _timetable_links(page_url: str, filters, shown, today, last, near=None) -> dict:
    """The addresses of the page before and after this one, and of the weeks before and after
    within the four weeks (plain links: they work without JavaScript), near the same postcode."""
    near_query = urlencode(near.query_pairs()) if near else ""

    def url(start, number=1) -> str:
        query = "&".join(
            filter(None, [filters.link(start if start != today else None, number), near_query])
        )
        return f"{page_url}?{query}#timetable" if query else f"{page_url}#timetable"

    links = {}
    if shown.page > 1:
        links["previous_page"] = url(shown.first, shown.page - 1)
    if shown.page < shown.pages:
        links["next_page"] = url(shown.first, shown.page + 1)
    if not filters.day:
        if shown.first > today:
            links["earlier"] = url(max(today, shown.first - timedelta(days=whats_on.WEEK_DAYS)))
        if shown.last < last:
            links["later"] = url(shown.last + timedelta(days=1))
    return links


@serves(WhatsOnPage, CALENDAR_ROUTE)
def whats_on_calendar(page: WhatsOnPage, request):
    """/whats-on/calendar/: the same entries as an iCalendar feed, with the same filters
    (?hub=… for a hub's calendar, ?service=… for a service's). Cancelled sessions stay in the
    feed, marked cancelled with the reason, so a subscribed calendar shows the change."""
    now, available, filters, first, last = _whats_on_state(page, request)
    if filters.errors:
        message = "\n".join(filters.errors.values())
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
    page_url = page.get_full_url(request)
    host = calendar_feed.uid_domain(request)

    def build() -> bytes:
        found = timetable.feed_entries(request, filters, first, last, available)
        name = calendar_name(page, filters, available)
        return calendar_feed.build(found, name, page_url, now, first, last, host=host)

    # Writing iCalendar costs more than reading the entries: the feed is kept whole with the
    # shared content for the day, as the entries are (a publish starts a new generation). It
    # lists the whole day's sessions, ended or not, so it changes only when the day does.
    key = f"whats-on-feed:{page_url}:{host}:{get_language()}:{filters.link() or '-'}:{first}"
    body = content_cache.remember(key, build)
    content_true_until(whats_on.true_until([], now))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="whats-on.ics"'
    return response


def calendar_name(page: WhatsOnPage, filters: whats_on.Filters, available) -> str:
    hub = available.hub(filters.hub) if filters.hub else None
    if filters.service is not None:
        title = ServicePage.objects.filter(pk=filters.service).values_list("title", flat=True)
        if title:
            return _("%(service)s: sessions") % {"service": title[0]}
    if hub is not None:
        return _("What's on at %(hub)s") % {"hub": hub.title}
    return page.title
