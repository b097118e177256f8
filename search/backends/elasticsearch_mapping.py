"""What Harbour's Elasticsearch index holds (docs/search.md): the analysis (English stemming,
and synonyms applied at search time by a `synonym_graph` filter, filled in when an index is
created), and the fields our mapping adds to every document: a summary (highlighted in
results), a type key (the type filter's aggregation), a date ("Newest first"), a `geo_point`
for page types with a location, and what faceted search and ranking read. The queries that read
these fields are in search.backends.elasticsearch_queries."""

from wagtail.search.backends.elasticsearch9 import Elasticsearch9Mapping

from search import page_types, ranking

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
