"""Demo content for site search: the starting list of local synonyms. Adds what is missing and
changes nothing that exists (see demo/site.py)."""

from search.models import SearchSynonym
from search.synonyms import DEFAULT_LOCAL_SYNONYMS


def load(site=None) -> None:
    existing = set(SearchSynonym.objects.values_list("terms", flat=True))
    for terms in DEFAULT_LOCAL_SYNONYMS:
        if terms not in existing:
            SearchSynonym.objects.create(terms=terms)
