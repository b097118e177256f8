"""The requests Harbour's Elasticsearch backend sends, and how it reads their answers: site
search (relevance with per-type boosts and recency, highlighting, counts per type, in one round
trip), spelling suggestions, "nearest first" and faceted search (docs/search.md). Plain
functions from what is asked to a request body, and from a response to what the callers use;
search.backends.elasticsearch sends them.

The bodies are written as Elasticsearch's own JSON (as Elastic's query DSL reference spells it)
rather than through `elasticsearch.dsl`: the filters they combine come from Wagtail's query
compiler as dicts, and most clauses are keyed on the field names of our mapping."""

import datetime
import re

from search import ranking, spelling
from search.query_text import significant_words

from .elasticsearch_mapping import (
    ANYWHERE_FIELD,
    DATE_FIELD,
    FACET_SEPARATOR,
    FACETS_FIELD,
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    LOCATION_FIELD,
    MODEL_FIELD,
    SPELLING_FIELD,
    SUMMARY_FIELD,
    TITLE_KEY_FIELD,
    TITLE_SORT_FIELD,
    TITLE_WORD_COUNT_FIELD,
    TITLE_WORDS_FIELD,
    TYPE_FIELD,
)

# How much a match in each field counts: title over summary over the rest of the text.
TITLE_BOOST = ranking.TITLE_WEIGHT
SUMMARY_BOOST = ranking.SUMMARY_WEIGHT
# 1 or 2 words: all must match; 3 or more: three in four.
MINIMUM_SHOULD_MATCH = "2<75%"
# Only the page ids come back: results are read from the database (search.result_cards).
PKS_ONLY = {"_source": False, "stored_fields": ["pk"]}


def text_query(text: str, any_word: bool = False) -> dict:
    """Relevance as search.ranking describes it, in the same parts as the database
    backend's: most of the words must match, stop words aside (or, with `any_word`, one of
    them); title over summary over everything else; the words typed, stop words included,
    as a phrase; a title with every word above one with some."""
    significant = " ".join(significant_words(text))
    return {
        "bool": {
            # What must match, anywhere in the page (with best_fields, it would have to
            # match within one field).
            "filter": {
                "match": {
                    "_all_text": {
                        "query": significant,
                        "minimum_should_match": "1" if any_word else MINIMUM_SHOULD_MATCH,
                    }
                }
            },
            "must": {
                "multi_match": {
                    "query": significant,
                    "fields": [
                        f"title^{TITLE_BOOST}",
                        f"{SUMMARY_FIELD}^{SUMMARY_BOOST}",
                        "_all_text",
                    ],
                    "type": "best_fields",
                    "tie_breaker": ranking.TIE_BREAKER,
                }
            },
            "should": [
                # Phrases in the title and summary only: a phrase query over all the text
                # costs more than the rest of the search on a 20,000-page site.
                {
                    "match_phrase": {
                        "title": {
                            "query": text,
                            "slop": ranking.TITLE_SLOP,
                            "boost": TITLE_BOOST,
                        }
                    }
                },
                {
                    "match_phrase": {
                        SUMMARY_FIELD: {
                            "query": text,
                            "slop": ranking.SUMMARY_SLOP,
                            "boost": SUMMARY_BOOST,
                        }
                    }
                },
                {
                    "match": {
                        "title": {
                            "query": significant,
                            "operator": "and",
                            "boost": TITLE_BOOST,
                        }
                    }
                },
            ],
        }
    }


def boosted(
    query: dict,
    boosts: dict[str, float],
    *,
    half_lives: dict[str, float] | None = None,
    now: datetime.datetime | None = None,
    text: str | None = None,
) -> dict:
    """The query's score multiplied by what search.ranking adds on every engine: the
    recency of the page types that age (`half_lives`, in days, from `now`); each boosted
    page type's boost (keyed by `app_label.ModelName`), for a page whose title and summary
    have every word of `text` (the cleaned query), stop words aside; EXACT_TITLE_FACTOR
    for a page whose title is `text`, else NAMED_FACTOR for one whose title's words were
    all typed and whose title and summary have every word."""
    if half_lives:
        query = aged(query, half_lives, now or datetime.datetime.now(datetime.UTC))
    every_word = (
        {
            "multi_match": {
                "query": " ".join(significant_words(text)),
                "type": "cross_fields",
                "fields": ["title", SUMMARY_FIELD],
                "operator": "and",
            }
        }
        if text
        else {"match_all": {}}
    )
    functions = [
        {
            "filter": {"bool": {"filter": [{"term": {"_django_content_type": label}}, every_word]}},
            "weight": boost,
        }
        for label, boost in sorted(boosts.items())
        if boost != 1.0
    ]
    if text:
        exact = {"term": {TITLE_KEY_FIELD: text}}
        named = {
            "terms_set": {
                TITLE_WORDS_FIELD: {
                    "terms": ranking.typed_forms(text),
                    "minimum_should_match_field": TITLE_WORD_COUNT_FIELD,
                }
            }
        }
        functions += [
            {"filter": exact, "weight": ranking.EXACT_TITLE_FACTOR},
            {
                "filter": {"bool": {"filter": [named, every_word], "must_not": exact}},
                "weight": ranking.NAMED_FACTOR,
            },
        ]
    if not functions:
        return query
    return {
        "function_score": {
            "query": query,
            "functions": functions,
            "score_mode": "multiply",
            "boost_mode": "multiply",
        }
    }


def aged(query: dict, half_lives: dict[str, float], now: datetime.datetime) -> dict:
    """The query's score multiplied, for pages of the types that age, by
    search.ranking.recency_factor of their date: FLOOR + (1 - FLOOR) * 0.5 ** (age /
    half-life), as the sum of an `exp` decay (whose curve is 0.5 ** (age / scale) with
    `decay: 0.5`) weighted 1 - FLOOR and a constant FLOOR. Pages dated in the future do
    not age, as on the database."""
    origin = now.isoformat()
    functions = []
    for label, half_life in sorted(half_lives.items()):
        dated_in_the_past = {
            "bool": {
                "filter": [
                    {"term": {"_django_content_type": label}},
                    {"range": {DATE_FIELD: {"lt": origin}}},
                ]
            }
        }
        functions += [
            {
                "filter": dated_in_the_past,
                "exp": {
                    DATE_FIELD: {
                        "origin": origin,
                        "scale": f"{round(half_life * 24)}h",
                        "decay": 0.5,
                    }
                },
                "weight": 1 - ranking.RECENCY_FLOOR,
            },
            {"filter": dated_in_the_past, "weight": ranking.RECENCY_FLOOR},
        ]
    return {
        "function_score": {
            "query": query,
            "functions": functions,
            "score_mode": "sum",
            "boost_mode": "multiply",
        }
    }


def every_slot(slots: list[list[str]]) -> dict:
    """A filter: each slot (search.query_slots) matched by one of its forms,
    anywhere in the document, a phrase as a phrase. What the database backend requires."""
    return {
        "bool": {
            "filter": [
                {
                    "bool": {
                        "should": [{"match_phrase": {"_all_text": form}} for form in forms],
                        "minimum_should_match": 1,
                    }
                }
                for forms in slots
            ]
        }
    }


def site_search_body(
    *,
    filters: list[dict],
    text: str,
    type_keys: list[str] | None,
    newest_first: bool,
    boosts: dict[str, float],
    any_word: bool = False,
    half_lives: dict[str, float] | None = None,
    now: datetime.datetime | None = None,
) -> dict:
    """A site search's request (without its offset and size): the hits that pass `filters`
    ranked as `boosted` says (`text` is a cleaned query: search.query_text.clean_query),
    highlighted, with counts per type."""
    query = boosted(
        {"bool": {"must": text_query(text, any_word=any_word), "filter": filters}},
        boosts,
        half_lives=half_lives,
        now=now,
        text=text,
    )
    body = {
        **PKS_ONLY,
        "docvalue_fields": [MODEL_FIELD],
        "query": query,
        "aggs": {"types": {"terms": {"field": TYPE_FIELD, "size": 100}}},
        "highlight": {
            "fields": {SUMMARY_FIELD: {"number_of_fragments": 0}},
            "require_field_match": False,
            "pre_tags": [HIGHLIGHT_START],
            "post_tags": [HIGHLIGHT_END],
        },
        "track_total_hits": True,
    }
    if type_keys is not None:
        # After the aggregation, so every type's count shows whichever is selected.
        body["post_filter"] = {"terms": {TYPE_FIELD: type_keys}}
    if newest_first:
        body["sort"] = [{DATE_FIELD: {"order": "desc", "missing": "_last"}}, "_score"]
    return body


def site_search_answer(response) -> dict:
    """{"pks", "models" (pk: model label), "highlights", "total", "type_counts"}."""
    pks, highlights, models = [], {}, {}
    for hit in response["hits"]["hits"]:
        pk = hit["fields"]["pk"][0]
        if pk in pks:
            continue
        pks.append(pk)
        if hit["fields"].get(MODEL_FIELD):
            models[pk] = hit["fields"][MODEL_FIELD][0]
        fragments = hit.get("highlight", {}).get(SUMMARY_FIELD)
        if fragments:
            highlights[pk] = fragments[0]
    return {
        "pks": pks,
        "models": models,
        "highlights": highlights,
        "total": response["hits"]["total"]["value"],
        "type_counts": {
            bucket["key"]: bucket["doc_count"]
            for bucket in response["aggregations"]["types"]["buckets"]
        },
    }


def spelling_body(text: str) -> dict:
    """A request for the nearest indexed word to each word of `text` that is not in the index."""
    return {
        "size": 0,
        "suggest": {
            "text": text,
            "spelling": {"term": {"field": SPELLING_FIELD, "suggest_mode": "missing"}},
        },
    }


def spelling_answer(text: str, response) -> str | None:
    """The text with each misspelt word replaced by the suggester's first option that
    search.spelling finds acceptable (as the database backend's are), or None."""
    entries = [
        {
            **entry,
            "options": [
                option
                for option in entry.get("options", [])
                if spelling.acceptable(entry["text"], option["text"])
            ],
        }
        for entry in response.get("suggest", {}).get("spelling", [])
    ]
    return corrected_text(text, entries)


def corrected_text(text: str, entries: list[dict]) -> str | None:
    """Rebuild the query with each misspelt word replaced by the term suggester's first option;
    None when nothing was corrected."""
    corrected, changed, cursor = [], False, 0
    for entry in sorted(entries, key=lambda entry: entry["offset"]):
        start, end = entry["offset"], entry["offset"] + entry["length"]
        corrected.append(text[cursor:start])
        if entry.get("options"):
            corrected.append(entry["options"][0]["text"])
            changed = True
        else:
            corrected.append(text[start:end])
        cursor = end
    corrected.append(text[cursor:])
    return "".join(corrected) if changed else None


def nearest_first(point: dict, **options) -> dict:
    """A sort clause: the document's distance from `point`, in miles, nearest first."""
    return {
        "_geo_distance": {
            LOCATION_FIELD: point,
            "order": "asc",
            "unit": "mi",
            **options,
            "distance_type": "arc",
        }
    }


def within(point: dict, radius_miles: float) -> dict:
    return {"geo_distance": {"distance": f"{radius_miles}mi", LOCATION_FIELD: point}}


def nearest_body(
    *,
    filters: list[dict],
    latitude: float,
    longitude: float,
    text: str | None,
    radius_miles: float | None,
) -> dict:
    """The documents that pass `filters` and match the text, nearest first (without a size)."""
    point = {"lat": latitude, "lon": longitude}
    filters = [*filters, {"exists": {"field": LOCATION_FIELD}}]
    if radius_miles is not None:
        filters.append(within(point, radius_miles))
    must = text_query(text) if text else {"match_all": {}}
    return {
        **PKS_ONLY,
        "query": {"bool": {"must": must, "filter": filters}},
        "sort": [nearest_first(point)],
    }


def nearest_answer(response) -> list[tuple[str, float]]:
    """(pk, miles) of each hit."""
    return [(hit["fields"]["pk"][0], hit["sort"][0]) for hit in response["hits"]["hits"]]


def faceted_body(*, filters: list[dict], query, required_slots=()) -> dict:
    """A request for search.faceted (without its offset and size): a page of hits, the total,
    and each facet's counts (every filter applied but the facet's own selection). With text,
    what is found is what `required_slots` require; the text query only ranks it."""
    filters = list(filters)
    if required_slots:
        filters.append(every_slot(required_slots))
    point = {"lat": query.point[0], "lon": query.point[1]} if query.point else None
    within_radius = None
    if point is not None and query.radius_miles is not None:
        within_radius = within(point, query.radius_miles)
    elif point is not None:
        within_radius = {"exists": {"field": LOCATION_FIELD}}
    if query.remote_only:
        filters.append({"term": {ANYWHERE_FIELD: True}})
        if within_radius is not None:
            filters.append({"bool": {"must_not": [within_radius]}})
    elif within_radius is not None:
        filters.append(within_radius)

    def selection(skip: str | None = None) -> list[dict]:
        return [
            {"terms": {FACETS_FIELD: [f"{name}{FACET_SEPARATOR}{value}" for value in values]}}
            for name, values in sorted(query.selected.items())
            if name != skip
        ]

    aggs = {
        f"facet_{position}": {
            "filter": {"bool": {"filter": selection(skip=name)}},
            "aggs": {
                "values": {
                    "terms": {
                        "field": FACETS_FIELD,
                        "include": f"{re.escape(name)}{FACET_SEPARATOR}.*",
                        "size": 1000,
                    }
                }
            },
        }
        for position, name in enumerate(query.facets)
    }
    if query.sort == "nearest" and point is not None:
        sort = [nearest_first(point, mode="min", ignore_unmapped=True), {"pk": "asc"}]
    elif query.text:
        sort = ["_score", {"pk": "asc"}]
    else:
        sort = [{TITLE_SORT_FIELD: "asc"}, {"pk": "asc"}]
    body = {
        **PKS_ONLY,
        "query": {
            "bool": {
                # Scores only: a page that the filters let through need not match it.
                "should": [text_query(query.text, any_word=True)] if query.text else [],
                "filter": filters,
            }
        },
        "aggs": aggs,
        "sort": sort,
        "track_total_hits": True,
    }
    if query.selected:
        body["post_filter"] = {"bool": {"filter": selection()}}
    return body


def faceted_answer(response, facets) -> dict:
    """{"pks", "total", "facet_counts": {facet: {value: count}}} for the facets asked."""
    prefix_length = {name: len(name) + len(FACET_SEPARATOR) for name in facets}
    return {
        "pks": [hit["fields"]["pk"][0] for hit in response["hits"]["hits"]],
        "total": response["hits"]["total"]["value"],
        "facet_counts": {
            name: {
                bucket["key"][prefix_length[name] :]: bucket["doc_count"]
                for bucket in response["aggregations"][f"facet_{position}"]["values"]["buckets"]
            }
            for position, name in enumerate(facets)
        },
    }
