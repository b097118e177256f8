"""Page routing in one query instead of two per level of the URL.

Wagtail finds the page for /family-hubs/bilston/ by walking down from the site's root page:
fetch the root, then its specific page, then the child with the slug "family-hubs", then its
specific page, and so on: two queries per level, before the page itself is rendered. Here every
page along the path is fetched in one query (the root by id, the rest by slug, an indexed
column), the chain is checked (each page the child of the one before), and only the last page is
fetched as its specific type; the chain, that page included, is kept with the shared content
until a page is published, unpublished, moved or deleted, so a page served again costs no query
to find. The answer is stored where Wagtail keeps a request's
route (`request._wagtail_route_for_request`), then Wagtail's own `serve` view takes over: view
restrictions, hooks and the page's `serve` are unchanged.

The walk is only skipped where it cannot make a difference: every page on the way must route its
children as Wagtail's `Page.route` does, or be a routable page; a live routable page whose own
URLs match the rest of the path (/family-hubs/nearest/, /news/feed/) is handed that rest, as
Wagtail's walk would. Anything else (a page type with its own `route`, a path that does not
name a page, a multilingual site) goes through Wagtail's walk as before."""

import hashlib

from django.conf import settings
from django.db.models import Q
from django.http import Http404, HttpRequest

from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from . import content_cache
from .sites import site_for_request

# Where Wagtail's Page.route_for_request keeps its answer for the request.
ROUTE_ATTRIBUTE = "_wagtail_route_for_request"


def serve(request: HttpRequest, path: str):
    """Wagtail's page-serving view, with the route found in one query when it can be."""
    if not hasattr(request, ROUTE_ATTRIBUTE):
        route_directly(request, path)
    return wagtail_views.serve(request, path)


def route_directly(request: HttpRequest, path: str) -> bool:
    """Find the route for `path` in one query and store it on the request as Wagtail would.
    Returns False, storing nothing, when Wagtail's own walk must decide."""
    if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return False  # the root page is localized first: leave that to Wagtail
    site = site_for_request(request)
    if site is None:
        return False
    slugs = [component for component in path.split("/") if component]
    chain = shared_page_chain(site, slugs)
    position = routing_page_position(chain, slugs) if chain else None
    if position is None:
        return False
    chain = chain[: position + 1]
    page = chain[-1].specific
    if len(chain) > 1:
        # As Wagtail's walk does: the parent is known, so page.get_parent() costs no query.
        page._cached_parent_obj = chain[-2].specific_deferred
    if chain[0].depth == 2:
        # The view restrictions check and the breadcrumbs read them instead of asking again
        # (BasePage.routed_ancestors): with the site's root at depth 2 they are every ancestor
        # but the tree's own root.
        page.routed_ancestors = chain[:-1]
    try:
        # The rest of the path is empty, or one of the routable page's own URLs.
        route = page.route(request, slugs[position:])
    except Http404:
        route = None
    setattr(request, ROUTE_ATTRIBUTE, route)
    return True


def shared_page_chain(site, slugs: list[str]) -> list[Page] | None:
    """page_chain, kept with the shared content (website/content_cache.py): a chain changes only
    by a publish, unpublish, move or delete, each of which starts a new generation. Only a chain
    that reaches the end of the path is kept (one per page), or one that names a routable page's
    own URL without parameters (/family-hubs/nearest/: one per page and URL): other paths (a
    mistyped address, /news/topics/<anything>/feed/) are numberless."""
    path = hashlib.sha256("/".join(slugs).encode("utf-8", "surrogateescape")).hexdigest()
    return content_cache.remember(
        f"route:{site.pk}:{path}",
        lambda: served_page_chain(site.root_page_id, slugs),
        keep=lambda chain: (
            chain is not None and (len(chain) == len(slugs) + 1 or names_fixed_route(chain, slugs))
        ),
    )


def served_page_chain(root_id: int, slugs: list[str]) -> list[Page] | None:
    """page_chain, with the page that answers the path (when it is the chain's last) as its
    own type: kept with the chain, it is served without a query."""
    chain = page_chain(root_id, slugs)
    if chain and routing_page_position(chain, slugs) == len(chain) - 1:
        chain[-1] = chain[-1].specific
    return chain


def page_chain(root_id: int, slugs: list[str]) -> list[Page] | None:
    """[root, child, grandchild, ...] along `slugs`, as far as pages go along them: the whole
    path when each slug names a page there. None when the root page is missing."""
    candidates = list(Page.objects.filter(Q(pk=root_id) | Q(slug__in=slugs)))
    chain = [page for page in candidates if page.pk == root_id]
    if not chain:
        return None
    for slug in slugs:
        parent = chain[-1]
        child = next(
            (
                page
                for page in candidates
                if page.slug == slug
                and page.depth == parent.depth + 1
                and page.path.startswith(parent.path)
            ),
            None,
        )
        if child is None:
            break
        chain.append(child)
    return chain


def routing_page_position(chain: list[Page], slugs: list[str]) -> int | None:
    """Where in the chain the page is that answers the path, as Wagtail's walk would find it:
    the last page, when the chain reaches the end of the path and every page before it hands
    the rest of the path to its child; or a live routable page whose own URLs match the rest
    of the path (Wagtail asks those before its children). None when only Wagtail's walk can
    tell: a page on the way has a route() of its own, or the path names no page."""
    for position, page in enumerate(chain):
        rest = slugs[position:]
        if not rest:
            return position
        page_class = page.specific_class
        if page_class is None:
            return None
        if page_class.route is Page.route:
            continue
        if page_class.route is RoutablePageMixin.route:
            if page.live and matches_subpage_url(page_class, "/" + "".join(f"{s}/" for s in rest)):
                return position
            continue
        return None  # a route of its own: only Wagtail's walk knows what it does
    return None  # the path goes on where no page is: Wagtail's walk answers (a 404)


def names_fixed_route(chain: list[Page], slugs: list[str]) -> bool:
    """Whether the path is one of a live routable page's own URLs, one without parameters."""
    position = routing_page_position(chain, slugs)
    if position is None:
        return False
    rest = "/" + "".join(f"{slug}/" for slug in slugs[position:])
    match = chain[position].specific_class.get_resolver().resolve(rest)
    return not match.args and not match.kwargs


def matches_subpage_url(page_class, path: str) -> bool:
    try:
        page_class.get_resolver().resolve(path)
    except Http404:
        return False
    return True
