"""Editors' promoted results and the search-term counts (Wagtail's search promotions).

Wagtail's own `Query.get()` creates a row for every query it is asked about, so reading the
promotions for a postcode would store that postcode. We read without creating, and count only
queries that carry no personal data."""

from django.db.models import F
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.search.utils import normalise_query_string

from .privacy import looks_like_personal_data


def promoted_results(query: str) -> list[SearchPromotion]:
    """Promotions for this query whose page is live (or that link elsewhere), in the editors'
    order. Never writes to the database."""
    promotions = SearchPromotion.objects.filter(
        query__query_string=normalise_query_string(query)
    ).select_related("page")
    return [
        promotion
        for promotion in promotions
        if (promotion.page_id and promotion.page.live) or promotion.external_link_url
    ]


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
    # Wagtail's Query.add_hit() takes three queries; a search page counts on every request.
    recorded, _ = Query.objects.get_or_create(query_string=normalise_query_string(query))
    today = timezone.localdate()
    hits = QueryDailyHits.objects.filter(query=recorded, date=today)
    if not hits.update(hits=F("hits") + 1):
        QueryDailyHits.objects.get_or_create(query=recorded, date=today)
        hits.update(hits=F("hits") + 1)
    return True
