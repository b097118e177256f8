from django import template
from django.utils.html import format_html

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
