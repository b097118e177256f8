"""What "every word must match" means on every engine: a query's words as slots (a word or a
phrase, with the synonyms and inflections any one of which will do), and the database
backend's query built from them. Site search, faceted search and "nearest" all ask this."""

from wagtail.search.query import And, Or, PlainText

from .query_text import STOP_WORDS, inflections
from .synonyms import expand_words


def query_slots(text: str, groups) -> list[list[str]]:
    """What "every word must match" means for `text` on every engine: one slot per word or
    phrase, stop words dropped unless nothing else is left, each slot a list of forms any one of
    which will do (the word, its synonyms, and their singular or plural).

    >>> query_slots("stay and play", [])
    [['stay', 'stays'], ['play', 'plays']]
    """
    slots = expand_words(text.split(), groups)
    significant = [slot for slot in slots if not (len(slot) == 1 and slot[0] in STOP_WORDS)]
    forms_per_slot = []
    for alternatives in significant or slots:
        forms = []
        for alternative in [alternatives[0], *filter(_narrow_enough, alternatives[1:])]:
            for form in inflections(alternative) if " " not in alternative else [alternative]:
                if form not in forms:
                    forms.append(form)
        forms_per_slot.append(forms)
    return forms_per_slot


# Words a search engine's English analysis drops (PostgreSQL's and Lucene's stop lists have
# them; STOP_WORDS does not, as they matter in a phrase a parent types).
NEGATIONS = frozenset({"no", "nor", "not"})


def _narrow_enough(synonym: str) -> bool:
    """Whether a phrase synonym still asks for at least two words once an engine drops its stop
    words: "not talking" becomes "talking" on PostgreSQL, which would find every page that
    mentions talking for "isnt talking". A one-word synonym is as narrow as it reads."""
    words = synonym.split()
    return len(words) == 1 or sum(1 for word in words if word not in STOP_WORDS | NEGATIONS) > 1


def database_query(text: str, groups, operator: str = "and"):
    """The query for the database backend: each slot of `query_slots` required ("and"), or
    any of them ("or")."""
    parts = []
    for forms in query_slots(text, groups):
        options = [PlainText(form, operator="and") for form in forms]
        parts.append(options[0] if len(options) == 1 else Or(options))
    if len(parts) == 1:
        return parts[0]
    return And(parts) if operator == "and" else Or(parts)
