"""Editors' promoted results and the search-term counts (Wagtail's search promotions).

Wagtail's own `Query.get()` creates a row for every query it is asked about, so reading the
promotions for a postcode would store that postcode. We read without creating, and count only
queries that carry no personal data."""

import hashlib

from django.core.cache import cache
from django.db.models import F
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.search.utils import normalise_query_string

from .privacy import looks_like_personal_data

# Promotions change rarely and are read on every search: remember, per query, that there are
# none (most queries), for a minute or until a promotion or page changes in this process.
NO_PROMOTIONS_SECONDS = 60
_VERSION_KEY = "search:promotions:version"


def _cache_key(query: str) -> str:
    version = cache.get_or_set(_VERSION_KEY, 1)
    digest = hashlib.sha256(normalise_query_string(query).encode()).hexdigest()[:32]
    return f"search:promotions:{version}:{digest}"


def forget_cached_promotions(**kwargs) -> None:
    """Signal handler: a promotion, a query or a page changed."""
    try:
        cache.incr(_VERSION_KEY)
    except ValueError:  # not set yet, or evicted: nothing cached under it either
        cache.set(_VERSION_KEY, 1)


def promoted_results(query: str) -> list[SearchPromotion]:
    """Promotions for this query whose page is live (or that link elsewhere), in the editors'
    order. Never writes to the database (nor stores the query: the cache key is a hash)."""
    # Not even a hash of a postcode is kept, so such queries are never cached.
    key = None if looks_like_personal_data(query) else _cache_key(query)
    if key and cache.get(key) is False:
        return []
    promotions = SearchPromotion.objects.filter(
        query__query_string=normalise_query_string(query)
    ).select_related("page")
    shown = [
        promotion
        for promotion in promotions
        if (promotion.page_id and promotion.page.live) or promotion.external_link_url
    ]
    if key and not shown:
        cache.set(key, False, NO_PROMOTIONS_SECONDS)
    return shown


def should_record_query(query: str, typed: str) -> bool:
    """Judged on what was typed too: cleaning drops the "@" that shows an email address."""
    return bool(query.strip()) and not (
        looks_like_personal_data(typed) or looks_like_personal_data(query)
    )


def record_query(query: str, typed: str) -> bool:
    """Count one search (`query`, cleaned from `typed`) for the editors' "Search terms" report,
    unless it looks like a postcode, an email address or a phone number. Returns whether it
    was counted."""
    if not should_record_query(query, typed):
        return False
    # Wagtail's Query.add_hit() takes three queries; a search page counts on every request, so
    # a query already counted today costs one UPDATE (its filter on the query string is a
    # subquery), and only a new one more.
    query_string = normalise_query_string(query)
    today = timezone.localdate()
    counted_today = QueryDailyHits.objects.filter(query__query_string=query_string, date=today)
    if not counted_today.update(hits=F("hits") + 1):
        recorded, _ = Query.objects.get_or_create(query_string=query_string)
        QueryDailyHits.objects.get_or_create(query=recorded, date=today)
        counted_today.update(hits=F("hits") + 1)
    return True
