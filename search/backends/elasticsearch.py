"""Harbour's Elasticsearch backend: Wagtail's Elasticsearch 9 backend, plus what site search
needs (docs/search.md):

- analysis: English stemming, and synonyms (British/American spellings and the editors' list)
  applied at search time by a `synonym_graph` filter, built into the index when it is created;
- documents carry a summary (highlighted in results), a type key (the type filter's
  aggregation), a date ("Newest first") and, for page types with a location, a `geo_point`;
- a site search in one round trip (relevance with per-type boosts, highlighting, counts per
  type), and spelling suggestions, asked for only when a search finds little;
- "nearest first" geo queries;
- an atomic alias swap on rebuild, and a health check for /healthz/.
"""

import contextlib
import datetime
import re
import time

from modelsearch.backends.elasticsearchbase import (
    ElasticsearchAtomicIndexRebuilder,
    ElasticsearchIndexRebuilder,
)
from modelsearch.query import MATCH_ALL
from wagtail.search.backends.elasticsearch9 import (
    Elasticsearch9AutocompleteQueryCompiler,
    Elasticsearch9Index,
    Elasticsearch9Mapping,
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchQueryCompiler,
    Elasticsearch9SearchResults,
)

from elastic_transport import TransportError
from elasticsearch import ApiError, NotFoundError

from search import page_types, ranking, spelling
from search.query_text import significant_words

# Fields our mapping adds to every document. Prefixed so they cannot meet a model's own field.
SUMMARY_FIELD = "harbour_summary"
TYPE_FIELD = "harbour_type"
MODEL_FIELD = "harbour_model"
DATE_FIELD = "harbour_date"
LOCATION_FIELD = "harbour_location"
# Faceted search (search.faceted): "facet=value" keywords, "found at any distance", and the
# lower-cased title that orders results without a text query.
FACETS_FIELD = "harbour_facets"
ANYWHERE_FIELD = "harbour_anywhere"
TITLE_SORT_FIELD = "harbour_title_sort"
# The title as a cleaned query would be (search.ranking.title_key): an exact title match.
TITLE_KEY_FIELD = "harbour_title_key"
# The words that name the page (search.ranking.title_words), and how many: the page is named
# when a query has every one of them.
TITLE_WORDS_FIELD = "harbour_title_words"
TITLE_WORD_COUNT_FIELD = "harbour_title_word_count"
FACET_SEPARATOR = "="
SPELLING_FIELD = "_all_text.spelling"

# Highlights come back between these private-use characters; the view escapes the text, then
# turns them into <mark> (search.highlight). They are stripped from indexed text.
HIGHLIGHT_START = "\ue000"
HIGHLIGHT_END = "\ue001"

# How much a match in each field counts: title over summary over the rest of the text.
TITLE_BOOST = ranking.TITLE_WEIGHT
SUMMARY_BOOST = ranking.SUMMARY_WEIGHT
# 1 or 2 words: all must match; 3 or more: three in four.
MINIMUM_SHOULD_MATCH = "2<75%"
# Elasticsearch's default limit on from + size.
MAX_RESULT_WINDOW = 10_000
# An index being filled by an atomic rebuild is named after the alias plus this suffix
# (modelsearch's ElasticsearchAtomicIndexRebuilder). One older than this is taken for the
# leftover of a rebuild that died, not for one in progress.
REBUILD_SUFFIX = re.compile(r"_[a-z0-9]{7}$")
REBUILD_MAX_AGE_SECONDS = 3600
# Merging a freshly built index into one segment waits this long at most (seconds).
MERGE_TIMEOUT_SECONDS = 600

ANALYSIS = {
    "filter": {
        "harbour_possessive": {"type": "stemmer", "language": "possessive_english"},
        # KStem: light, dictionary-checked English stemming ("nurseries" -> "nursery").
        "harbour_stemmer": {"type": "stemmer", "language": "light_english"},
        # Filled in from search.synonyms when the index is created (HarbourIndex.put).
        "harbour_synonyms": {"type": "synonym_graph", "synonyms": [], "lenient": True},
    },
    "analyzer": {
        # Every text field without an analyzer of its own (Wagtail's title, body, _all_text...).
        "default": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["harbour_possessive", "lowercase", "asciifolding", "harbour_stemmer"],
        },
        # The same at search time, with synonyms before stemming (the rules are plain words).
        "default_search": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": [
                "harbour_possessive",
                "lowercase",
                "asciifolding",
                "harbour_synonyms",
                "harbour_stemmer",
            ],
        },
        # Whole words, for spelling suggestions ("breastfeading" -> "breastfeeding").
        "harbour_spelling": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", "asciifolding"],
        },
    },
}


def strip_highlight_markers(text: str) -> str:
    return text.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "")


class HarbourMapping(Elasticsearch9Mapping):
    def get_mapping(self):
        mapping = super().get_mapping()
        properties = mapping["properties"]
        properties["_all_text"]["fields"] = {
            "spelling": {"type": "text", "analyzer": "harbour_spelling"}
        }
        # Offsets in the index let the highlighter find matches without analysing the text again.
        properties[SUMMARY_FIELD] = {"type": "text", "index_options": "offsets"}
        # Every search aggregates on the type: build its ordinals at refresh, not at query time.
        properties[TYPE_FIELD] = {"type": "keyword", "eager_global_ordinals": True}
        # The document's own model, so results load from its table in one query.
        properties[MODEL_FIELD] = {"type": "keyword"}
        properties[DATE_FIELD] = {"type": "date"}
        properties[LOCATION_FIELD] = {"type": "geo_point"}
        properties[FACETS_FIELD] = {"type": "keyword", "eager_global_ordinals": True}
        properties[ANYWHERE_FIELD] = {"type": "boolean"}
        properties[TITLE_SORT_FIELD] = {"type": "keyword"}
        properties[TITLE_KEY_FIELD] = {"type": "keyword"}
        properties[TITLE_WORDS_FIELD] = {"type": "keyword"}
        properties[TITLE_WORD_COUNT_FIELD] = {"type": "integer"}
        return mapping

    def get_document(self, obj):
        document = super().get_document(obj)
        summary = getattr(obj, "summary", "") or getattr(obj, "search_description", "") or ""
        document[SUMMARY_FIELD] = strip_highlight_markers(str(summary))
        document[TYPE_FIELD] = page_types.search_type_key(type(obj))
        document[MODEL_FIELD] = obj._meta.label_lower
        date = page_types.sort_date(obj)
        document[DATE_FIELD] = date.isoformat() if date else None
        title = getattr(obj, "title", "") or ""
        document[TITLE_KEY_FIELD] = ranking.title_key(title)
        words = ranking.title_words(title)
        document[TITLE_WORDS_FIELD] = words
        document[TITLE_WORD_COUNT_FIELD] = len(words) or None
        point = page_types.location(obj)
        document[LOCATION_FIELD] = {"lat": point[0], "lon": point[1]} if point else None
        faceted = page_types.faceted_document(obj)
        if faceted is not None:
            # Several points: a geo_distance filter matches if any is near enough, and the
            # distance sort uses the nearest.
            document[LOCATION_FIELD] = [
                {"lat": latitude, "lon": longitude} for latitude, longitude in faceted.points
            ]
            document[FACETS_FIELD] = [
                f"{name}{FACET_SEPARATOR}{value}"
                for name, values in sorted(faceted.facets.items())
                for value in values
            ]
            document[ANYWHERE_FIELD] = faceted.anywhere
            document[TITLE_SORT_FIELD] = (getattr(obj, "title", "") or "").lower()
        return document


class HarbourIndex(Elasticsearch9Index):
    def put(self):
        self.es.indices.create(index=self.name, **self.backend.index_settings())


def merge_into_one_segment(index) -> None:
    """A bulk load leaves an index in a dozen segments, and every search walks each of them
    (with a large directory, that doubles a search's time: `make bench` measures it).
    One segment is searched once, and it is big enough for Elasticsearch's filter cache
    (which skips small segments) to keep the filters every search repeats (live, public, in
    the directory). Elastic warns against force-merging an index that is still written to
    because of segments over 5 GB that the merge policy then leaves alone; ours are a few
    tens of megabytes, and the edits that follow are merged as usual."""
    index.refresh()  # what is still in the indexing buffer, into segments first
    index.es.options(request_timeout=MERGE_TIMEOUT_SECONDS).indices.forcemerge(
        index=index.name, max_num_segments=1
    )
    index.refresh()


class HarbourIndexRebuilder(ElasticsearchIndexRebuilder):
    def finish(self):
        merge_into_one_segment(self.index)


class HarbourAtomicIndexRebuilder(ElasticsearchAtomicIndexRebuilder):
    """Wagtail's atomic rebuild adds the alias to the new index, then deletes the old one: for
    a moment the alias points at both, and searches see every page twice. One
    `update_aliases` call moves it in a single step. The new index is merged into one
    segment before searches reach it."""

    def finish(self):
        merge_into_one_segment(self.index)
        alias_name = self.alias.name
        if not self.alias.is_alias():
            # An index (not an alias) of that name, from before atomic rebuilds: replace it.
            self.alias.delete()
            self.index.put_alias(alias_name)
            return
        old_names = [
            index.name for index in self.alias.aliased_indices() if index.name != self.index.name
        ]
        actions = [{"remove": {"index": name, "alias": alias_name}} for name in old_names]
        actions.append({"add": {"index": self.index.name, "alias": alias_name}})
        self.index.es.indices.update_aliases(actions=actions)
        for name in old_names:
            with contextlib.suppress(NotFoundError):
                self.index.es.indices.delete(index=name)


class HarbourSearchQueryCompiler(Elasticsearch9SearchQueryCompiler):
    mapping_class = HarbourMapping


class HarbourAutocompleteQueryCompiler(Elasticsearch9AutocompleteQueryCompiler):
    mapping_class = HarbourMapping


class HarbourSearchResults(Elasticsearch9SearchResults):
    pass


class HarbourElasticsearchBackend(Elasticsearch9SearchBackend):
    mapping_class = HarbourMapping
    index_class = HarbourIndex
    query_compiler_class = HarbourSearchQueryCompiler
    autocomplete_query_compiler_class = HarbourAutocompleteQueryCompiler
    results_class = HarbourSearchResults
    basic_rebuilder_class = HarbourIndexRebuilder
    atomic_rebuilder_class = HarbourAtomicIndexRebuilder

    def __init__(self, params):
        params = dict(params)
        # Ours, not Wagtail's: the task queue keeps this backend up to date (search/tasks.py).
        params.pop("AUTO_UPDATE", None)
        super().__init__(params)
        self.settings["settings"].setdefault("analysis", {})
        for section, entries in ANALYSIS.items():
            self.settings["settings"]["analysis"].setdefault(section, {}).update(entries)

    def index_settings(self) -> dict:
        """The settings for a new index, with today's synonyms."""
        from search.models import synonym_groups
        from search.synonyms import solr_rules

        settings = {"settings": {**self.settings["settings"]}}
        analysis = {**settings["settings"]["analysis"]}
        filters = {**analysis["filter"]}
        filters["harbour_synonyms"] = {
            **filters["harbour_synonyms"],
            "synonyms": solr_rules(synonym_groups()),
        }
        analysis["filter"] = filters
        settings["settings"]["analysis"] = analysis
        return settings

    def indexes_being_rebuilt(self, model) -> list["HarbourIndex"]:
        """The indexes an atomic rebuild is filling for `model`'s index right now: named
        `<alias>_<random>`, not behind the alias yet, created within the last hour. An update
        made during a rebuild goes to them too, or it would vanish when the alias moves
        (search.tasks; tests/faults/test_publish_during_rebuild.py)."""
        alias = self.get_index_for_model(model).name
        found = self.es.indices.get(
            index=f"{alias}_*", features=["aliases", "settings"], expand_wildcards="open"
        )
        oldest = (time.time() - REBUILD_MAX_AGE_SECONDS) * 1000
        return [
            self.index_class(self, name)
            for name, index in found.items()
            if REBUILD_SUFFIX.fullmatch(name[len(alias) :])
            and alias not in index.get("aliases", {})
            and int(index["settings"]["index"]["creation_date"]) >= oldest
        ]

    def check_health(self) -> tuple[bool, dict]:
        """(ok, detail) for /healthz/: green or yellow cluster health is healthy (a single
        node has no replicas, so yellow is normal)."""
        try:
            health = self.es.cluster.health(timeout=f"{max(int(self.timeout), 1)}s")
        except (TransportError, ApiError) as error:
            return False, {"error": type(error).__name__}
        status = health.get("status", "unknown")
        return status in {"green", "yellow"}, {"cluster_status": status}

    # Site search

    def index_name_for(self, model) -> str:
        return self.get_index_for_model(model).name

    def filters_for(self, queryset) -> list[dict]:
        """Wagtail's translation of a queryset's filters (live, public, in this site...) into
        Elasticsearch filter clauses: the same code path as `queryset.search()`."""
        return self.query_compiler_class(queryset, MATCH_ALL).get_filters()

    def text_query(self, text: str, any_word: bool = False) -> dict:
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
        self,
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
            query = self.aged(query, half_lives, now or datetime.datetime.now(datetime.UTC))
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
                "filter": {
                    "bool": {"filter": [{"term": {"_django_content_type": label}}, every_word]}
                },
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

    def aged(self, query: dict, half_lives: dict[str, float], now: datetime.datetime) -> dict:
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

    def site_search(
        self,
        *,
        queryset,
        text: str,
        type_keys: list[str] | None,
        newest_first: bool,
        offset: int,
        size: int,
        boosts: dict[str, float],
        any_word: bool = False,
        half_lives: dict[str, float] | None = None,
        now: datetime.datetime | None = None,
    ) -> dict:
        """One request: a page of hits, the total, and counts per type, ranked as
        `boosted` says (`text` is a cleaned query: search.query_text.clean_query).
        Returns {"pks", "models" (pk: model label), "highlights", "total", "type_counts"}."""
        query = self.boosted(
            {
                "bool": {
                    "must": self.text_query(text, any_word=any_word),
                    "filter": self.filters_for(queryset),
                }
            },
            boosts,
            half_lives=half_lives,
            now=now,
            text=text,
        )
        body = {
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
        response = self.es.search(
            index=self.index_name_for(queryset.model),
            _source=False,
            stored_fields=["pk"],
            docvalue_fields=[MODEL_FIELD],
            from_=offset,
            size=size,
            **body,
        )
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

    def spelling_suggestion(self, model, text: str) -> str | None:
        """The text with each word that is not in the index replaced by the nearest word that
        is ("breastfeading" -> "breastfeeding"), when search.spelling finds it acceptable (as
        the database backend's are), or None. Asked only when a search finds little: most
        searches do not pay for it."""
        response = self.es.search(
            index=self.index_name_for(model),
            size=0,
            suggest={
                "text": text,
                "spelling": {"term": {"field": SPELLING_FIELD, "suggest_mode": "missing"}},
            },
        )
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

    def count(self, *, queryset, text: str) -> int:
        """How many pages of the queryset most of the words find (as `site_search` finds them)."""
        response = self.es.count(
            index=self.index_name_for(queryset.model),
            query={"bool": {"must": self.text_query(text), "filter": self.filters_for(queryset)}},
        )
        return response["count"]

    def nearest(
        self,
        *,
        queryset,
        latitude: float,
        longitude: float,
        text: str | None,
        limit: int,
        radius_miles: float | None,
    ) -> list[tuple[str, float]]:
        """(pk, miles) of the nearest documents that match the queryset's filters and the text."""
        point = {"lat": latitude, "lon": longitude}
        filters = [*self.filters_for(queryset), {"exists": {"field": LOCATION_FIELD}}]
        if radius_miles is not None:
            filters.append(
                {"geo_distance": {"distance": f"{radius_miles}mi", LOCATION_FIELD: point}}
            )
        must = self.text_query(text) if text else {"match_all": {}}
        response = self.es.search(
            index=self.index_name_for(queryset.model),
            _source=False,
            stored_fields=["pk"],
            size=limit,
            query={"bool": {"must": must, "filter": filters}},
            sort=[
                {
                    "_geo_distance": {
                        LOCATION_FIELD: point,
                        "order": "asc",
                        "unit": "mi",
                        "distance_type": "arc",
                    }
                }
            ],
        )
        return [(hit["fields"]["pk"][0], hit["sort"][0]) for hit in response["hits"]["hits"]]

    def every_slot(self, slots: list[list[str]]) -> dict:
        """A filter: each slot (search.site_search.query_slots) matched by one of its forms,
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

    def faceted_search(self, *, queryset, query, required_slots=()) -> dict:
        """One request for search.faceted: a page of pks, the total, and each facet's counts
        (every filter applied but the facet's own selection). With text, what is found is what
        `required_slots` require; the text query only ranks it.
        Returns {"pks", "total", "facet_counts": {facet: {value: count}}}."""
        filters = self.filters_for(queryset)
        if required_slots:
            filters.append(self.every_slot(required_slots))
        point = {"lat": query.point[0], "lon": query.point[1]} if query.point else None
        within_radius = None
        if point is not None and query.radius_miles is not None:
            within_radius = {
                "geo_distance": {"distance": f"{query.radius_miles}mi", LOCATION_FIELD: point}
            }
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
            sort = [
                {
                    "_geo_distance": {
                        LOCATION_FIELD: point,
                        "order": "asc",
                        "unit": "mi",
                        "mode": "min",
                        "distance_type": "arc",
                        "ignore_unmapped": True,
                    }
                },
                {"pk": "asc"},
            ]
        elif query.text:
            sort = ["_score", {"pk": "asc"}]
        else:
            sort = [{TITLE_SORT_FIELD: "asc"}, {"pk": "asc"}]
        body = {
            "query": {
                "bool": {
                    # Scores only: a page that the filters let through need not match it.
                    "should": [self.text_query(query.text, any_word=True)] if query.text else [],
                    "filter": filters,
                }
            },
            "aggs": aggs,
            "sort": sort,
            "track_total_hits": True,
        }
        if query.selected:
            body["post_filter"] = {"bool": {"filter": selection()}}
        response = self.es.search(
            index=self.index_name_for(queryset.model),
            _source=False,
            stored_fields=["pk"],
            from_=query.offset,
            size=query.size,
            # The shard request cache, which Elasticsearch keeps for requests without hits
            # unless asked: a directory search with the same filters (a shared link, the way
            # back from a service, a popular search) is answered from it. Elasticsearch drops
            # a shard's entries when the shard changes, so it never answers stale.
            request_cache=True,
            **body,
        )
        prefix_length = {name: len(name) + len(FACET_SEPARATOR) for name in query.facets}
        return {
            "pks": [hit["fields"]["pk"][0] for hit in response["hits"]["hits"]],
            "total": response["hits"]["total"]["value"],
            "facet_counts": {
                name: {
                    bucket["key"][prefix_length[name] :]: bucket["doc_count"]
                    for bucket in response["aggregations"][f"facet_{position}"]["values"]["buckets"]
                }
                for position, name in enumerate(query.facets)
            },
        }


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


SearchBackend = HarbourElasticsearchBackend
