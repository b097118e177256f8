from urllib.parse import urlencode

from django import template
from django.utils import timezone
from django.utils.html import format_html

from directory import opening_hours, structured_data, timetable, whats_on
from directory.forms import PostcodeForm
from directory.models import FamilyHubIndexPage

register = template.Library()


@register.inclusion_tag("directory/includes/home_hub_finder.html", takes_context=True)
def hub_finder(context):
    """The "find your nearest family hub" form, for pages outside the hubs section (the home
    page). Nothing when there is no live hub index."""
    index = FamilyHubIndexPage.objects.live().first()
    if index is None:
        return {"action": None}
    request = context.get("request")
    return {
        "action": index.get_url(request) + index.reverse_subpage("nearest"),
        "form": PostcodeForm(),
        "index_url": index.get_url(request),
    }


@register.simple_tag
def postcode_form() -> PostcodeForm:
    """An empty hub finder form, for the hub index page."""
    return PostcodeForm()


@register.simple_tag
def opening_status(status, segments: str):
    """The open/closed line. The server writes the line that is true now; opening-status.js
    swaps in the line that is true when the page is read, from data-segments, so a cached page
    stays right. A tag, not an include: a finder's answer shows it for every hub, and an
    include costs ten times as much to render. Nothing when there is no status (no published
    times)."""
    if status is None:
        return ""
    return format_html(
        '<p class="status {}" data-opening-status data-segments="{}">{}</p>',
        "status--open" if status.open_now else "status--closed",
        segments,
        status.text,
    )


@register.filter
def filters_selected(filters) -> int:
    """How many filters a family has set on /services/ (each category and delivery method
    counts), for "Filter results (3 selected)" on the folded filter panel."""
    return (
        len(filters.categories)
        + len(filters.delivery)
        + bool(filters.postcode)
        + (filters.age is not None)
        + bool(filters.free_only)
    )


def _whats_on_links(request, **filters) -> dict | None:
    """The What's on page's address filtered to one hub or service, and its calendar feed's
    (webcal:// and https://); None without a live What's on page."""
    links = timetable.whats_on_links(request)
    if not links:
        return None
    query = urlencode(filters)
    return {
        "page_url": f"{links['url']}?{query}",
        "subscribe": whats_on.calendar_links(links["feed_url"], query),
    }


@register.inclusion_tag("directory/includes/hub_week.html", takes_context=True)
def hub_week(context, hub):
    """ "What's on this week" at a hub: the next seven days of sessions and events, from the
    same timetable as /whats-on/ (the page's lifetime in caches ends when it next changes)."""
    request = context.get("request")
    links = _whats_on_links(request, hub=hub.slug)
    if links is None:
        return {"page_url": None}
    now = timezone.now()
    today = timezone.localdate(now, timezone=opening_hours.LONDON)
    days = timetable.hub_week(request, hub, today, now)
    entries = [entry for day in days for entry in day.entries]
    return {
        **links,
        "days": days,
        "structured_data": structured_data.event_structured_data(entries, request),
        "request": request,
    }


# How many of today's sessions the home page lists before linking to the whole day.
TODAY_SHOWN = 6


@register.inclusion_tag("directory/includes/whats_on_today.html", takes_context=True)
def whats_on_today(context):
    """ "What's on today" on the home page: the next sessions and events still to come today,
    everywhere, from the same timetable as /whats-on/, and a link to the whole day there."""
    request = context.get("request")
    links = timetable.whats_on_links(request)
    if not links:
        return {"page_url": None}
    now = timezone.now()
    today = timezone.localdate(now, timezone=opening_hours.LONDON)
    still_to_come = timetable.today_everywhere(request, today, now)
    return {
        "page_url": f"{links['url']}?{urlencode({'date': today.isoformat()})}",
        "action": links["url"],
        "today": today.isoformat(),
        "entries": still_to_come[:TODAY_SHOWN],
        "more": max(0, len(still_to_come) - TODAY_SHOWN),
        "request": request,
    }


@register.inclusion_tag("directory/includes/subscribe_links.html", takes_context=True)
def service_calendar_links(context, service):
    """ "Subscribe to this calendar" for a service's sessions."""
    if not service.get_schedule().sessions:
        return {"links": None}
    links = _whats_on_links(context.get("request"), service=service.pk)
    return {"links": links["subscribe"] if links else None}
