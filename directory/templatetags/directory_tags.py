from django import template

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
