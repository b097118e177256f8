"""What the home page (website, which knows no domain) shows of the topics: its template loads
this library, so the website app never imports families and the import contract holds. The home
page is where the site's sections meet, as `{% hub_finder %}` (directory_tags) already does."""

from django import template

from news.models import NewsIndexPage

from ..models import StartForLifeOfferPage, TopicIndexPage
from ..topic_content import featured, latest_releases

register = template.Library()


@register.inclusion_tag("families/includes/home_topics.html", takes_context=True)
def home_topics(context):
    """The topics as cards, in the order editors give them in the page tree, with a link to
    the topic index. Nothing when there is no live topic index."""
    index = TopicIndexPage.objects.live().public().first()
    if index is None:
        return {"index": None}
    return {
        "request": context.get("request"),
        "index": index,
        "topics": index.topics().only("title", "summary", "url_path", "path", "depth"),
        "offer": StartForLifeOfferPage.objects.live().public().first(),
    }


@register.inclusion_tag("families/includes/featured_service.html")
def featured_service(index=None):
    """The service editors feature on the topic index (shown there and on the home page).
    Given no index, the live one's."""
    if index is None:
        index = TopicIndexPage.objects.live().public().select_related("featured_service").first()
    return {"result": featured(index.featured_service) if index else None}


@register.inclusion_tag("families/includes/home_news.html", takes_context=True)
def home_news(context):
    """The newest releases, as the news listing shows them, with a link to all news."""
    index = NewsIndexPage.objects.live().public().first()
    if index is None:
        return {"index": None}
    return {"request": context.get("request"), "index": index, "releases": latest_releases(index)}
