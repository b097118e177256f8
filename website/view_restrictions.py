"""Where the site's view restrictions are (a password, signing in, a group), read once per
content generation (website/content_cache.py).

Wagtail reads them from the database each time a page is served (to check the page's own
restrictions) and each time a listing calls `.public()` (to leave out restricted sections): two
or three queries on a hub page. A council has a handful at most, and any change to one starts a
new generation (website/generations.py), so they are read once and shared."""

from django.db.models import Q

from wagtail.models import PageViewRestriction

from . import content_cache


def view_restrictions() -> list[PageViewRestriction]:
    """Every view restriction, each with its page's path and depth."""
    return content_cache.remember("view-restrictions", read_view_restrictions)


def read_view_restrictions() -> list[PageViewRestriction]:
    restrictions = PageViewRestriction.objects.select_related("page").order_by("pk")
    return list(restrictions.only("restriction_type", "password", "page__path", "page__depth"))


def restrictions_on(page_ids: set[int]) -> list[PageViewRestriction]:
    """The restrictions set on these pages, or on the tree's root (above every site)."""
    return [
        restriction
        for restriction in view_restrictions()
        if restriction.page_id in page_ids or restriction.page.depth == 1
    ]


def private_q() -> Q:
    """Wagtail's PageQuerySet.private_q (pages in a restricted section) from the shared list."""
    private = Q()
    for restriction in view_restrictions():
        section = restriction.page
        private |= Q(path__startswith=section.path, depth__gte=section.depth)
    return private if private else Q(pk__in=[])
