"""Synonyms: words and phrases that should find each other ("nursery" and "childcare").

Two sources, one format: groups of equivalent terms.
- British and American spellings, below: they do not change with the council's services.
- Local synonyms that editors manage in the admin (`search.models.SearchSynonym`).

Elasticsearch applies them with its `synonym_graph` filter in the search analyzer, built into the
index settings when the index is (re)built. The database backend cannot do that, so
`expand_words` rewrites the query instead: each word or phrase becomes "this or its synonyms".
The functions here are plain and import no models: `search.models.synonym_groups()` reads the
editors' groups from the database and parses them here."""

import re
from collections.abc import Iterable, Sequence

# British spelling first. One-way differences ("practise"/"practice") are left out: they would
# mix a verb and a noun.
BRITISH_AMERICAN_SPELLINGS: tuple[tuple[str, ...], ...] = (
    ("anaemia", "anemia"),
    ("anaesthetic", "anesthetic"),
    ("behaviour", "behavior"),
    ("behaviours", "behaviors"),
    ("centre", "center"),
    ("centres", "centers"),
    ("colour", "color"),
    ("diarrhoea", "diarrhea"),
    ("enrol", "enroll"),
    ("favourite", "favorite"),
    ("fibre", "fiber"),
    ("foetus", "fetus"),
    ("haemophilia", "hemophilia"),
    ("honour", "honor"),
    ("labour", "labor"),
    ("licence", "license"),
    ("mum", "mom"),
    ("mums", "moms"),
    ("nappy", "diaper"),
    ("nappies", "diapers"),
    ("neighbourhood", "neighborhood"),
    ("oesophagus", "esophagus"),
    ("oestrogen", "estrogen"),
    ("organisation", "organization"),
    ("organisations", "organizations"),
    ("paediatric", "pediatric"),
    ("paediatrician", "pediatrician"),
    ("programme", "program"),
    ("programmes", "programs"),
    ("pram", "stroller"),
    ("pushchair", "stroller"),
    ("recognise", "recognize"),
    ("socialise", "socialize"),
    ("specialise", "specialize"),
    ("travelling", "traveling"),
)

# What the demo loader gives editors to start from (the first seven come with the first
# migration too). The later ones put what parents type beside what services are called.
DEFAULT_LOCAL_SYNONYMS: tuple[str, ...] = (
    "nursery, childcare, early years",
    "send, special educational needs, special needs",
    "mum, mother",
    "dad, father",
    "breastfeeding, infant feeding",
    "health visitor, health visiting",
    "speech therapy, speech and language",
    "speech delay, late talker, late talking, not talking, isnt talking, speech and language",
    "money advice, debt advice, benefits advice",
    "rent, housing",
    "postnatal depression, postnatal mental health, perinatal mental health",
    "domestic violence, domestic abuse",
    "counselling, talking therapies",
    "quit smoking, stop smoking",
    "weaning, starting solids",
    "english lessons, english classes, esol",
    "free childcare, funded childcare",
    "drop-in, drop-ins",
    "pregnancy, pregnant, antenatal",
)

# A term is words of letters and digits, separated by single spaces or hyphens. No commas,
# arrows or hashes: the Solr rule format gives those meanings.
TERM = re.compile(r"^[^\W_]+(?:['\- ][^\W_]+)*$")
MAX_TERMS_PER_GROUP = 20


class InvalidSynonyms(ValueError):
    pass


def parse_terms(text: str) -> list[str]:
    """Split an editor's "nursery, childcare" into distinct lower-case terms, or raise
    InvalidSynonyms with a message the editor can act on."""
    terms = []
    for raw in text.split(","):
        term = " ".join(raw.split()).lower()
        if not term:
            continue
        if not TERM.match(term):
            raise InvalidSynonyms(
                f"“{raw.strip()}” can only contain letters, numbers, spaces, hyphens and "
                "apostrophes."
            )
        if term not in terms:
            terms.append(term)
    if len(terms) < 2:
        raise InvalidSynonyms("Enter at least two different words or phrases, separated by commas.")
    if len(terms) > MAX_TERMS_PER_GROUP:
        raise InvalidSynonyms(f"Enter at most {MAX_TERMS_PER_GROUP} words or phrases.")
    return terms


def solr_rules(groups: Iterable[Sequence[str]]) -> list[str]:
    """Elasticsearch's synonym rules ("a, b, c": all equivalent) for the index settings."""
    return [", ".join(group) for group in groups if len(group) >= 2]


def expand_words(words: Sequence[str], groups: Iterable[Sequence[str]]) -> list[list[str]]:
    """For the database backend: the query as a list of slots, each a list of alternatives
    (a word or phrase, and its synonyms), longest phrase first.

    >>> expand_words(["send", "support"], [("send", "special educational needs")])
    [['send', 'special educational needs'], ['support']]
    """
    lookup: dict[tuple[str, ...], list[str]] = {}
    for group in groups:
        for term in group:
            key = tuple(term.replace("-", " ").split())
            alternatives = lookup.setdefault(key, [])
            for alternative in group:
                if alternative not in alternatives:
                    alternatives.append(alternative)
    longest = max((len(key) for key in lookup), default=1)

    slots: list[list[str]] = []
    position = 0
    while position < len(words):
        for length in range(min(longest, len(words) - position), 0, -1):
            key = tuple(words[position : position + length])
            if key in lookup:
                phrase = " ".join(key)
                slots.append([phrase] + [alt for alt in lookup[key] if alt != phrase])
                position += length
                break
        else:
            slots.append([words[position]])
            position += 1
    return slots
