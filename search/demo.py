"""Demo content for site search: the starting list of local synonyms. Adds what is missing and
changes nothing that exists (see website.demo)."""

from .models import SearchSynonym
from .synonyms import DEFAULT_LOCAL_SYNONYMS


def load(site=None) -> None:
    existing = set(SearchSynonym.objects.values_list("terms", flat=True))
    for terms in DEFAULT_LOCAL_SYNONYMS:
        if terms not in existing:
            SearchSynonym.objects.create(terms=terms)
