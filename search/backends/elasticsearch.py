"""Harbour's Elasticsearch backend: Wagtail's Elasticsearch 9 backend, plus what site search
needs (docs/search.md):

- the index: our mapping and analysis (search.backends.elasticsearch_mapping), with today's
  synonyms built in when it is created;
- the searches Wagtail has no API for (site search, spelling suggestions, a count, "nearest
  first", faceted search), sent in one round trip each; their requests are built and their
  answers read by search.backends.elasticsearch_queries;
- an atomic alias swap on rebuild, and a health check for /healthz/.
"""

import contextlib
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
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchQueryCompiler,
    Elasticsearch9SearchResults,
)

from elastic_transport import TransportError
from elasticsearch import ApiError, NotFoundError

from . import elasticsearch_queries as queries
from .elasticsearch_mapping import ANALYSIS, HarbourMapping

# An index being filled by an atomic rebuild is named after the alias plus this suffix
# (modelsearch's ElasticsearchAtomicIndexRebuilder). One older than this is taken for the
# leftover of a rebuild that died, not for one in progress.
REBUILD_SUFFIX = re.compile(r"_[a-z0-9]{7}$")
REBUILD_MAX_AGE_SECONDS = 3600
# Merging a freshly built index into one segment waits this long at most (seconds).
MERGE_TIMEOUT_SECONDS = 600


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

    def site_search(self, *, queryset, offset: int, size: int, **asked) -> dict:
        """One request: a page of hits, the total, and counts per type. `asked`: what
        search.backends.elasticsearch_queries.site_search_body takes (the text, the types, the
        order, the boosts and recency).
        Returns {"pks", "models" (pk: model label), "highlights", "total", "type_counts"}."""
        body = queries.site_search_body(filters=self.filters_for(queryset), **asked)
        response = self.es.search(
            index=self.index_name_for(queryset.model), from_=offset, size=size, **body
        )
        return queries.site_search_answer(response)

    def spelling_suggestion(self, model, text: str) -> str | None:
        """The text with each word that is not in the index replaced by the nearest word that
        is ("breastfeading" -> "breastfeeding"), or None. Asked only when a search finds
        little: most searches do not pay for it."""
        response = self.es.search(index=self.index_name_for(model), **queries.spelling_body(text))
        return queries.spelling_answer(text, response)

    def count(self, *, queryset, text: str) -> int:
        """How many pages of the queryset most of the words find (as `site_search` finds them)."""
        response = self.es.count(
            index=self.index_name_for(queryset.model),
            query={
                "bool": {"must": queries.text_query(text), "filter": self.filters_for(queryset)}
            },
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
        body = queries.nearest_body(
            filters=self.filters_for(queryset),
            latitude=latitude,
            longitude=longitude,
            text=text,
            radius_miles=radius_miles,
        )
        response = self.es.search(index=self.index_name_for(queryset.model), size=limit, **body)
        return queries.nearest_answer(response)

    def faceted_search(self, *, queryset, query, required_slots=()) -> dict:
        """One request for search.faceted (search.backends.elasticsearch_queries.faceted_body).
        Returns {"pks", "total", "facet_counts": {facet: {value: count}}}."""
        body = queries.faceted_body(
            filters=self.filters_for(queryset), query=query, required_slots=required_slots
        )
        response = self.es.search(
            index=self.index_name_for(queryset.model),
            from_=query.offset,
            size=query.size,
            # The shard request cache, which Elasticsearch keeps for requests without hits
            # unless asked: a directory search with the same filters (a shared link, the way
            # back from a service, a popular search) is answered from it. Elasticsearch drops
            # a shard's entries when the shard changes, so it never answers stale.
            request_cache=True,
            **body,
        )
        return queries.faceted_answer(response, query.facets)


SearchBackend = HarbourElasticsearchBackend
