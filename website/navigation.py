"""The links every page shows: the main navigation (NavigationSettings) and the footer's links
(CouncilSettings), both streams of LinkBlocks.

Read through StreamField, each stream fetches its chosen pages in a query of its own, and every
link goes through the block machinery, on every page view. Here both streams' stored data is
read as it is, and the pages they choose are fetched together; the links are then kept with the
other shared content (website/content_cache.py) until an editor changes something."""

from dataclasses import dataclass

from django.http import HttpRequest

from wagtail.models import Page, Site

from . import content_cache
from .blocks import link_href_and_label
from .models import PAGE_LINK_FIELDS, CouncilSettings, NavigationSettings

# Where a request keeps its links once worked out (the header and the footer both ask).
REQUEST_ATTRIBUTE = "_harbour_site_links"


@dataclass(frozen=True)
class Link:
    href: str
    label: str


@dataclass(frozen=True)
class SiteLinks:
    main: list[Link]
    footer: list[Link]


def site_links(request: HttpRequest) -> SiteLinks:
    cached = getattr(request, REQUEST_ATTRIBUTE, None)
    if cached is None:
        site = Site.find_for_request(request)
        # Per site: a link to a page on the request's own site is relative, to another absolute.
        name = f"site-links:{site.pk if site else None}"
        cached = content_cache.remember(name, lambda: read_site_links(request))
        setattr(request, REQUEST_ATTRIBUTE, cached)
    return cached


def read_site_links(request: HttpRequest) -> SiteLinks:
    # for_request: the same settings objects the templates' `settings` use.
    main = NavigationSettings.for_request(request).main_navigation.raw_data
    footer = CouncilSettings.for_request(request).footer_links.raw_data
    pages = chosen_pages([*main, *footer])
    return SiteLinks(links(main, pages, request), links(footer, pages, request))


def chosen_pages(raw_blocks) -> dict[int, Page]:
    """The chosen pages, with what a link needs: the title, whether it is live, the URL."""
    ids = {block["value"].get("page") for block in raw_blocks if block.get("type") == "link"}
    ids.discard(None)
    pages = Page.objects.only(*PAGE_LINK_FIELDS)
    return pages.in_bulk(ids) if ids else {}


def links(raw_blocks, pages: dict[int, Page], request: HttpRequest) -> list[Link]:
    """The stream's links that lead somewhere: a chosen page that is no longer live (or was
    deleted) is left out, rather than linked to a 404."""
    result = []
    for block in raw_blocks:
        if block.get("type") != "link":
            continue
        value = block["value"]
        page = None
        if value.get("page") is not None:
            page = pages.get(value["page"])
            if page is None:
                continue  # deleted since it was chosen
        href, label = link_href_and_label(page, value.get("url"), value.get("text"), request)
        if href:
            result.append(Link(href, label))
    return result
