"""/search/ and /search/suggest/. Neither logs what was typed (postcodes among it)."""

from urllib.parse import urlencode

from django.http import HttpRequest, JsonResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from . import page_types
from .promotions import promoted_results, record_query
from .query_text import clean_query, printable
from .site_search import (
    MAX_PAGE,
    SORT_NEWEST,
    SORT_RELEVANCE,
    SORTS,
    SearchRequest,
    run_site_search,
)
from .site_search import suggest_titles as find_suggestions

# What the box shows back: what was typed, cut to a sane length.
MAX_ECHOED_CHARACTERS = 256
MIN_AUTOCOMPLETE_CHARACTERS = 2


def parse_page(raw: str | None) -> int:
    """A page number from the URL, within 1 and the last page any search can have."""
    try:
        page = int(raw or 1)
    except ValueError:
        return 1
    return min(max(page, 1), MAX_PAGE)


def search_url(**params) -> str:
    return "?" + urlencode({key: value for key, value in params.items() if value})


@require_GET
def search(request: HttpRequest) -> TemplateResponse:
    typed = printable(request.GET.get("q", ""), MAX_ECHOED_CHARACTERS)
    query = clean_query(typed)
    selected = page_types.search_type_for_key(request.GET.get("type", ""))
    sort = request.GET.get("sort") if request.GET.get("sort") in SORTS else SORT_RELEVANCE
    page = parse_page(request.GET.get("page"))

    outcome, promotions = None, []
    if query:
        outcome = run_site_search(
            SearchRequest(query, selected.key if selected else None, sort, page), request
        )
        if outcome.page == 1 and selected is None:
            promotions = promoted_results(query)
        # Count a search once: not again for its other pages, filters or sort orders.
        if not any(name in request.GET for name in ("page", "type", "sort")):
            record_query(query, typed)

    context = {
        "typed": typed,
        "query": query,
        "searched": "q" in request.GET,
        "outcome": outcome,
        "promotions": promotions,
        "selected_type": selected,
        "sort": sort,
        # The page has its own search box; a second one in the header would repeat it.
        "hide_header_search": True,
    }
    if outcome:
        type_key = selected.key if selected else ""
        context["type_links"] = [
            {
                "label": "All results",
                "count": outcome.all_total,
                "href": search_url(q=typed, sort=sort if sort != SORT_RELEVANCE else ""),
                "current": selected is None,
            }
        ] + [
            {
                "label": type_count.label,
                "count": type_count.count,
                "href": search_url(
                    q=typed,
                    type=type_count.key,
                    sort=sort if sort != SORT_RELEVANCE else "",
                ),
                "current": selected is not None and selected.key == type_count.key,
            }
            for type_count in outcome.type_counts
        ]
        context["sort_links"] = [
            {
                "label": label,
                "href": search_url(
                    q=typed, type=type_key, sort=value if value != SORT_RELEVANCE else ""
                ),
                "current": sort == value,
            }
            for value, label in ((SORT_RELEVANCE, "Most relevant"), (SORT_NEWEST, "Newest"))
        ]
        context["pagination"] = pagination(outcome, typed, type_key, sort)
        if outcome.suggestion:
            context["suggestion_href"] = search_url(q=outcome.suggestion, type=type_key)
    response = TemplateResponse(request, "search/search_results.html", context)
    # Result pages are not content: keep them out of search engines.
    response["X-Robots-Tag"] = "noindex"
    return response


def pagination(outcome, typed: str, type_key: str, sort: str) -> dict:
    def href(number: int) -> str:
        return search_url(
            q=typed,
            type=type_key,
            sort=sort if sort != SORT_RELEVANCE else "",
            page=number if number > 1 else "",
        )

    first = max(1, outcome.page - 2)
    last = min(outcome.page_count, outcome.page + 2)
    return {
        "previous": href(outcome.page - 1) if outcome.page > 1 else None,
        "next": href(outcome.page + 1) if outcome.page < outcome.page_count else None,
        "pages": [
            {"number": number, "href": href(number), "current": number == outcome.page}
            for number in range(first, last + 1)
        ],
        "show": outcome.page_count > 1,
    }


@require_GET
def suggest(request: HttpRequest) -> JsonResponse:
    """Titles and addresses for the search box, as people type."""
    query = clean_query(printable(request.GET.get("q", ""), MAX_ECHOED_CHARACTERS))
    results, degraded = [], False
    if len(query) >= MIN_AUTOCOMPLETE_CHARACTERS:
        results, degraded = find_suggestions(query, request)
    response = JsonResponse({"query": query, "results": results, "degraded": degraded})
    response["Cache-Control"] = "private, max-age=60"
    response["X-Robots-Tag"] = "noindex"
    return response
