"""Site search: one function that the /search/ page calls, answering from Elasticsearch when it
can and from the database when it cannot (search.engines.with_fallback).

Both paths search the same pages (live, public, in the current site, of a page type that takes
part in site search) and return the same `SearchOutcome`; what differs is said honestly on the
page: Elasticsearch highlights the matched words, the database shows the plain summary. Both
suggest spellings from the site's own words."""

import math
from dataclasses import dataclass, field

from django.db.models import DateTimeField, F
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString

from wagtail.models import Page, Site

from website import content_cache

from . import page_types, ranking, spelling
from .engines import with_fallback
from .highlight import highlighted_html
from .models import synonym_groups
from .query_slots import database_query
from .result_cards import ResultCard, result_cards

RESULTS_PER_PAGE = 10
# "Did you mean" shows when a query finds fewer results than this.
FEW_RESULTS = 3
SORT_RELEVANCE = "relevance"
SORT_NEWEST = "newest"
SORTS = (SORT_RELEVANCE, SORT_NEWEST)
MAX_PAGE = math.ceil(10_000 / RESULTS_PER_PAGE)  # Elasticsearch's result window
# How many of the database backend's best results are re-ranked by page-type boost.
RERANK_WINDOW = 100


@dataclass(frozen=True)
class SearchRequest:
    query: str  # cleaned: words only (search.query_text.clean_query)
    type_key: str | None = None
    sort: str = SORT_RELEVANCE
    page: int = 1
    per_page: int = RESULTS_PER_PAGE


@dataclass
class SearchHit:
    card: ResultCard
    summary: SafeString  # the matched words highlighted, or the plain summary


@dataclass
class TypeCount:
    key: str
    label: str
    count: int


@dataclass
class SearchOutcome:
    hits: list[SearchHit] = field(default_factory=list)
    total: int = 0  # results for the selected type (all types when none is selected)
    all_total: int = 0  # results for every type
    type_counts: list[TypeCount] = field(default_factory=list)
    page: int = 1
    page_count: int = 1
    per_page: int = RESULTS_PER_PAGE
    suggestion: str | None = None
    degraded: bool = False
    engine: str = "database"

    @property
    def first_number(self) -> int:
        """The position of this page's first result, for the list's `start`."""
        return (self.page - 1) * self.per_page + 1


def site_root(request) -> Page | None:
    """The site's root page, with what `descendant_of` needs (its place in the tree)."""
    site = Site.find_for_request(request) if request is not None else None
    site = site or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    # Kept with the other shared content: a root page's place in the tree changes only by a move.
    return content_cache.remember(
        f"site-root:{site.pk}",
        lambda: Page.objects.only("path", "depth").filter(pk=site.root_page_id).first(),
    )


def searchable_pages(request):
    """The pages site search may return: live, public, in this site, of a search page type."""
    models = page_types.site_search_models()
    queryset = Page.objects.live().public().type(*models) if models else Page.objects.none()
    root = site_root(request)
    return queryset.descendant_of(root, inclusive=True) if root else queryset.none()


def clamp_page(page: int, total: int, per_page: int) -> tuple[int, int]:
    """(page, page_count): the page asked for, within 1 and the last page."""
    page_count = max(1, min(MAX_PAGE, math.ceil(total / per_page)))
    return max(1, min(page, page_count)), page_count


def run_site_search(search: SearchRequest, request) -> SearchOutcome:
    queryset = searchable_pages(request)
    outcome, degraded = with_fallback(
        lambda backend: _elasticsearch_search(backend, search, queryset, request),
        lambda backend: _database_search(backend, search, queryset, request),
        purpose="a site search",
    )
    outcome.degraded = degraded
    return outcome


def _type_counts(counts_by_key: dict[str, int]) -> list[TypeCount]:
    return [
        TypeCount(search_type.key, search_type.label, counts_by_key.get(search_type.key, 0))
        for search_type in page_types.search_types()
        if counts_by_key.get(search_type.key)
    ]


def _selected_type_keys(search: SearchRequest) -> list[str] | None:
    return [search.type_key] if page_types.search_type_for_key(search.type_key or "") else None


def _elasticsearch_search(backend, search, queryset, request) -> SearchOutcome:
    models = page_types.site_search_models()
    boosts = {
        page_types.model_content_type_label(model): page_types.search_boost(model)
        for model in models
    }
    half_lives = {
        page_types.model_content_type_label(model): page_types.search_recency_half_life_days(model)
        for model in models
        if page_types.search_recency_half_life_days(model)
    }
    now = timezone.now()
    type_keys = _selected_type_keys(search)

    def ask(page: int, any_word: bool = False) -> dict:
        return backend.site_search(
            queryset=queryset,
            text=search.query,
            type_keys=type_keys,
            newest_first=search.sort == SORT_NEWEST,
            offset=(page - 1) * search.per_page,
            size=search.per_page,
            boosts=boosts,
            any_word=any_word,
            half_lives=half_lives,
            now=now,
        )

    any_word = False
    answer = ask(search.page)
    found_with_most_words = sum(answer["type_counts"].values())
    if not found_with_most_words and len(search.query.split()) > 1:
        # Nothing has most of the words: show what has any of them, best first (as the
        # database backend does).
        any_word = True
        answer = ask(search.page, any_word=True)
    page, page_count = clamp_page(search.page, answer["total"], search.per_page)
    if page != search.page and answer["total"]:
        answer = ask(page, any_word=any_word)
    highlights = answer["highlights"]
    hits = [
        SearchHit(
            card,
            highlighted_html(highlights[str(card.pk)])
            if str(card.pk) in highlights
            else escape(card.plain_summary),
        )
        for card in result_cards(answer["pks"], request, answer["models"])
    ]
    all_total = sum(answer["type_counts"].values())
    suggestion = None
    if found_with_most_words < FEW_RESULTS:
        suggestion = backend.spelling_suggestion(queryset.model, search.query)
        if suggestion and not finds_as_many(
            backend.count(queryset=queryset, text=suggestion), found_with_most_words
        ):
            suggestion = None
    return SearchOutcome(
        hits=hits,
        total=answer["total"],
        all_total=all_total,
        type_counts=_type_counts(answer["type_counts"]),
        page=page,
        page_count=page_count,
        per_page=search.per_page,
        suggestion=suggestion if suggestion != search.query else None,
        engine="elasticsearch",
    )


def _sort_date_expression():
    """COALESCE(each type's declared date, last_published_at): "Newest first" on the database."""
    expressions = []
    for model in page_types.site_search_models():
        date_field = page_types.search_date_field(model)
        if date_field:
            path = "__".join([*_child_path(model), date_field])
            expressions.append(Cast(F(path), DateTimeField()))
    expressions += [F("last_published_at"), F("first_published_at")]
    return Coalesce(*expressions, output_field=DateTimeField())


def _child_path(model) -> list[str]:
    """The lookups from Page down to `model` through multi-table inheritance."""
    path = []
    while model is not Page:
        parent = next(iter(model._meta.parents))
        path.insert(0, model._meta.model_name)
        model = parent
    return path


def _database_search(backend, search, queryset, request) -> SearchOutcome:
    groups = synonym_groups()
    selected = page_types.search_type_for_key(search.type_key or "")

    def results_for(query, pages_queryset):
        if search.sort == SORT_NEWEST:
            ordered = pages_queryset.order_by(
                _sort_date_expression().desc(nulls_last=True), F("pk").desc()
            )
            return backend.search(query, ordered, order_by_relevance=False)
        return backend.search(query, pages_queryset)

    query = database_query(search.query, groups)
    counts = backend.search(query, queryset).facet("content_type_id")
    found_with_every_word = sum(counts.values())
    if not counts and len(search.query.split()) > 1:
        # Nothing has every word: show what has any of them, best first.
        query = database_query(search.query, groups, operator="or")
        counts = backend.search(query, queryset).facet("content_type_id")

    counts_by_key: dict[str, int] = {}
    for content_type_id, count in counts.items():
        model = _model_for_content_type(content_type_id)
        key = page_types.search_type_key(model) if model else None
        if key:
            counts_by_key[key] = counts_by_key.get(key, 0) + count
    all_total = sum(counts_by_key.values())
    total = counts_by_key.get(selected.key, 0) if selected else all_total

    page, page_count = clamp_page(search.page, total, search.per_page)
    filtered = queryset
    if selected:
        filtered = queryset.filter(content_type__in=_content_type_ids(selected))
    offset = (page - 1) * search.per_page
    if not total:
        cards = []
    elif search.sort == SORT_RELEVANCE and offset + search.per_page <= RERANK_WINDOW:
        cards = _reranked(backend, query, filtered, search.query, request)[
            offset : offset + search.per_page
        ]
    else:
        found = list(results_for(query, filtered)[offset : offset + search.per_page])
        cards = result_cards([page_obj.pk for page_obj in found], request)
    return SearchOutcome(
        hits=[SearchHit(card, escape(card.plain_summary)) for card in cards],
        total=total,
        all_total=all_total,
        type_counts=_type_counts(counts_by_key),
        page=page,
        page_count=page_count,
        per_page=search.per_page,
        suggestion=(
            _database_suggestion(
                backend, search.query, queryset, groups, found_with_every_word, request
            )
            if found_with_every_word < FEW_RESULTS
            else None
        ),
        engine="database",
    )


def _database_suggestion(backend, text: str, queryset, groups, found: int, request) -> str | None:
    """A spelling from the site's own words (search.spelling), when `finds_as_many`."""
    suggestion = spelling.suggestion(text, site_vocabulary(request))
    if suggestion is None:
        return None
    found_by_suggestion = backend.search(database_query(suggestion, groups), queryset).count()
    return suggestion if finds_as_many(found_by_suggestion, found) else None


def finds_as_many(found_by_suggestion: int, found: int) -> bool:
    """Whether a spelling suggestion is worth offering: it finds pages this search may show
    (the Elasticsearch suggester reads the whole index, private pages' words too; the
    database's vocabulary has no page's body), and no fewer than what was typed."""
    return found_by_suggestion > 0 and found_by_suggestion >= found


@dataclass(frozen=True)
class TypeWeights:
    """What the database backend's re-ranking needs to know of each page type, by content type
    id: its boost (only those not 1) and its recency half-life (only types that age)."""

    boosts: dict[int, float]
    half_lives: dict[int, float]


def _type_weights() -> TypeWeights:
    from django.contrib.contenttypes.models import ContentType

    models = page_types.site_search_models()
    content_types = ContentType.objects.get_for_models(*models) if models else {}
    boosts, half_lives = {}, {}
    for model in models:
        if page_types.search_boost(model) != 1:
            boosts[content_types[model].pk] = page_types.search_boost(model)
        half_life = page_types.search_recency_half_life_days(model)
        if half_life:
            half_lives[content_types[model].pk] = half_life
    return TypeWeights(boosts, half_lives)


def _reranked(backend, query, pages_queryset, text: str, request) -> list[ResultCard]:
    """The database backend ranks by its own text score, which knows nothing of titles,
    summaries, page types or dates: its best RERANK_WINDOW results are ranked again as on
    Elasticsearch (search.ranking), from their result cards and the site's vocabulary. Scores
    differ by database: PostgreSQL's rank grows with relevance; SQLite's bm25() is negative."""
    from django.db import connection

    direction = -1 if connection.vendor == "sqlite" else 1
    candidates = list(
        backend.search(query, pages_queryset.only("pk", "content_type_id")).annotate_score(
            "_score"
        )[:RERANK_WINDOW]
    )
    if not candidates:
        return []
    scores = {page_obj.pk: direction * (page_obj._score or 0) for page_obj in candidates}
    best = max(scores.values())
    content_types = {page_obj.pk: page_obj.content_type_id for page_obj in candidates}
    cards = result_cards(
        [page_obj.pk for page_obj in candidates],
        request,
        {pk: _model_label(content_type_id) for pk, content_type_id in content_types.items()},
    )
    weights = _type_weights()
    vocabulary = site_vocabulary(request)
    parsed = ranking.Query.parse(text, synonym_groups())
    now = timezone.now()

    def relevance(card: ResultCard) -> float:
        score = ranking.text_relevance(
            parsed,
            card.title,
            card.plain_summary,
            scores[card.pk] / best if best > 0 else 0.0,
            vocabulary,
        )
        content_type_id = content_types[card.pk]
        half_life = weights.half_lives.get(content_type_id)
        if half_life:
            score *= ranking.recency_factor(ranking.age_in_days(card.date, now), half_life)
        every_word = ranking.has_every_word(parsed, card.title, card.plain_summary)
        if every_word:
            score *= weights.boosts.get(content_type_id, 1.0)
        if ranking.is_exact_title(card.title, text):
            score *= ranking.EXACT_TITLE_FACTOR
        elif every_word and ranking.is_title_named(card.title, text):
            score *= ranking.NAMED_FACTOR
        return score

    return [
        card
        for _, card in sorted(enumerate(cards), key=lambda item: (-relevance(item[1]), item[0]))
    ]


def _model_label(content_type_id) -> str:
    model = _model_for_content_type(content_type_id)
    return model._meta.label_lower if model else ""


def site_vocabulary(request) -> ranking.Vocabulary:
    """The words of the titles and summaries of the pages site search may return, kept with
    the shared content (every publish, unpublish, move or delete makes it anew)."""
    site = Site.find_for_request(request) if request is not None else None
    return content_cache.remember(
        f"search-vocabulary:{site.pk if site else 0}",
        lambda: ranking.build_vocabulary(_titles_and_summaries(searchable_pages(request))),
    )


def _titles_and_summaries(pages_queryset):
    from django.contrib.contenttypes.models import ContentType

    models = page_types.site_search_models()
    content_types = ContentType.objects.get_for_models(*models) if models else {}
    for model in models:
        has_summary = any(field.name == "summary" for field in model._meta.get_fields())
        rows = model.objects.filter(
            content_type=content_types[model], pk__in=pages_queryset.values("pk")
        ).values_list(
            "title", "summary" if has_summary else "search_description", "search_description"
        )
        for title, summary, description in rows.iterator():
            yield title, summary or description or ""


def _model_for_content_type(content_type_id):
    from django.contrib.contenttypes.models import ContentType

    try:
        return ContentType.objects.get_for_id(content_type_id).model_class()
    except ContentType.DoesNotExist:
        return None


def _content_type_ids(search_type) -> list[int]:
    from django.contrib.contenttypes.models import ContentType

    return [ct.pk for ct in ContentType.objects.get_for_models(*search_type.models).values()]


def suggest_titles(text: str, request, limit: int = 6) -> tuple[list[dict], bool]:
    """Autocomplete for the search box: [{"title", "url", "type"}] of pages whose titles start
    with what was typed. Returns (suggestions, degraded)."""
    queryset = searchable_pages(request)

    def titles(backend):
        return [
            {
                "title": page.title,
                "url": page.get_url(request) or page.url or "",
                "type": page_types.search_type_label(page.specific_class) or "Page",
            }
            for page in backend.autocomplete(text, queryset, fields=["title"])[:limit]
        ]

    return with_fallback(titles, titles, purpose="an autocomplete")
