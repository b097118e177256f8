"""Which Wagtail site a request is for, found with a plain query.

Wagtail's `Site.find_for_request` ranks the candidate sites inside the database (a CASE
expression, the Site manager's own ordering, the root page joined in): the query costs about
5 ms to build and run here, on every page view, more than any other query a page makes. A
council has one site or a few, so all of them are read plainly (and kept with the other shared
content, website/content_cache.py), ranked here by Wagtail's rules, and the answer is left
where Wagtail looks first (`request._wagtail_site`).

The views that serve pages and site search call `site_for_request` first; everything after them
(settings, URLs, routing) then finds the site there. Other views (the JSON APIs, the admin) are
left to Wagtail: a middleware doing this for every request would query the database for
requests that need no site at all."""

from collections.abc import Sequence

from django.http import HttpRequest
from django.http.request import split_domain_port

from wagtail.models import Site

from . import content_cache

# Where Site.find_for_request keeps its answer for the request.
REQUEST_ATTRIBUTE = "_wagtail_site"

# Wagtail's ranks (wagtail.models.sites), best first.
MATCH_HOSTNAME_PORT = 0
MATCH_HOSTNAME_DEFAULT = 1
MATCH_DEFAULT = 2
MATCH_HOSTNAME = 3


def site_rank(site: Site, hostname: str, port: int | None) -> int:
    if site.hostname == hostname and site.port == port:
        return MATCH_HOSTNAME_PORT
    if site.hostname == hostname and site.is_default_site:
        return MATCH_HOSTNAME_DEFAULT
    if site.is_default_site:
        return MATCH_DEFAULT
    return MATCH_HOSTNAME


def choose_site(candidates: Sequence[Site], hostname: str, port: int | None) -> Site | None:
    """The site Wagtail would choose among the sites whose hostname matches or that are the
    default: an exact hostname and port first; the default site when the hostname matches it;
    otherwise the default, unless exactly one other site has the hostname (on another port)."""
    ranked = sorted(candidates, key=lambda site: site_rank(site, hostname, port))
    if not ranked:
        return None
    best = site_rank(ranked[0], hostname, port)
    if len(ranked) == 1 or best in (MATCH_HOSTNAME_PORT, MATCH_HOSTNAME_DEFAULT):
        return ranked[0]
    if best == MATCH_DEFAULT:
        return ranked[1] if len(ranked) == 2 else ranked[0]
    return None  # several sites have the hostname, none on this port, and there is no default


def find_site(request: HttpRequest) -> Site | None:
    # The raw host, as Wagtail does: ALLOWED_HOSTS is Django's to enforce, not the site's.
    hostname = split_domain_port(request._get_raw_host())[0]
    try:
        port = int(request.get_port())
    except (TypeError, ValueError):
        port = None
    candidates = [site for site in all_sites() if site.hostname == hostname or site.is_default_site]
    return choose_site(candidates, hostname, port)


def all_sites() -> list[Site]:
    return content_cache.remember("sites", lambda: list(Site.objects.order_by()))


def site_for_request(request: HttpRequest) -> Site | None:
    """Site.find_for_request, with the site found here when Wagtail has not found it yet."""
    if not hasattr(request, REQUEST_ATTRIBUTE):
        setattr(request, REQUEST_ATTRIBUTE, find_site(request))
    return Site.find_for_request(request)
