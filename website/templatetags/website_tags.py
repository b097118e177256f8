import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from wagtail.models import Page, Site

from website import content_cache, navigation
from website.images import picture
from website.models import AlertBanner
from website.rich_text import without_repeated_lead

register = template.Library()


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    request = context.get("request")
    if request is None or Site.find_for_request(request) is None:
        return {"links": []}
    current_path = request.path
    return {
        "links": [
            {
                "href": link.href,
                "label": link.label,
                # A section link is current on its own page and on every page below it.
                "current": link.href.startswith("/")
                and (
                    current_path == link.href
                    or (link.href != "/" and current_path.startswith(link.href))
                ),
            }
            for link in navigation.site_links(request).main
        ]
    }


@register.simple_tag
def exit_this_page_url() -> str:
    """Where "Exit this page" takes the reader: a neutral site (settings.EXIT_THIS_PAGE_URL)."""
    return settings.EXIT_THIS_PAGE_URL


@register.filter
def without_lead(html: str, lead: str) -> str:
    """Rich text without a first paragraph that repeats the lead shown above it."""
    return without_repeated_lead(html, lead)


@register.inclusion_tag("includes/alert_banners.html")
def alert_banners():
    """The live alert banners, urgent first. Kept with the shared content: publishing,
    scheduling or ending one starts a new generation there, and so does every page the cache
    keeps; the end time is checked here as well, for the minute before the scheduler runs."""

    def read() -> list[dict]:
        return [
            {
                "message": banner.message,
                "severity": banner.severity,
                "link": banner.link,
                "link_text": banner.link_text,
                "ends": banner.expire_at,
            }
            for banner in AlertBanner.objects.filter(live=True)
            .select_related("link_page")
            .order_by("severity_order", "-last_published_at", "-pk")
        ]

    now = timezone.now()
    banners = content_cache.remember("alert-banners", read)
    return {"banners": [banner for banner in banners if not banner["ends"] or banner["ends"] > now]}


@register.simple_tag(takes_context=True)
def footer_links(context) -> list:
    request = context.get("request")
    if request is None or Site.find_for_request(request) is None:
        return []
    return navigation.site_links(request).footer


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    """The page's ancestors from the home page down, not including the page itself (the
    GOV.UK pattern: the page's own heading says where you are). Nothing on the home page."""
    if not isinstance(page, Page) or page.depth <= 2:
        return {"ancestors": []}
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None

    def build() -> list[dict]:
        ancestors = (
            Page.objects.ancestor_of(page)
            .filter(depth__gt=1)
            .live()
            .order_by("depth")
            .only("id", "title", "url_path", "path", "depth")
        )
        return [{"title": a.title, "href": a.get_url(request)} for a in ancestors]

    # Titles, addresses and what is live change only with a publish, move or unpublish, each of
    # which starts a new content generation. The link form depends on the site asked.
    site_id = site.pk if site else None
    return {"ancestors": content_cache.remember(f"breadcrumbs:{site_id}:{page.pk}", build)}


# What Django's json_script escapes: with these as \u escapes, text an editor typed (a headline
# containing "</script>" or "<!--") cannot end or confuse the script element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data) -> str:
    """A `<script type="application/ld+json">` element for schema.org data. (Django's
    `json_script` filter escapes the same way but only writes type="application/json".)"""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, sort_keys=True)
    escaped = text.translate(JSON_SCRIPT_ESCAPES)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(escaped),  # noqa: S308 - every character that could end the element is escaped
    )


@register.simple_tag
def responsive_picture(image, widths: str = "480,800,1200", formats: str = "webp,jpeg", **attrs):
    """A `<picture>` like Wagtail's `{% picture %}`, asking only for the widths the original can
    give: Wagtail never enlarges, so a 640-pixel photo at width-800 and width-1200 would list two
    640w candidates, which the HTML standard forbids. Attributes (alt, sizes, loading...) go on
    the `<img>`; without `alt`, the image's own alt text is used."""
    if not image:
        return ""
    wanted = sorted(int(width) for width in widths.split(","))
    usable = sorted(
        {width for width in wanted if width < image.width} | {min(image.width, wanted[-1])}
    )
    specs = [f"width-{width}|format-{fmt}" for width in usable for fmt in formats.split(",")]
    return picture(image, specs, attrs)
