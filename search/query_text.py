"""What people type, made safe to search with: plain functions, no database, no Django.

Every backend receives words only. Punctuation carries meaning in some backends' query syntax
(SQLite's full-text MATCH, PostgreSQL's tsquery, Elasticsearch's query_string), and a family
hub's content has no use for it, so it is dropped before any backend sees the query."""

import re
import unicodedata

# Long enough for any real question; a 1,000-character paste is cut, not searched whole.
MAX_QUERY_CHARACTERS = 200
MAX_QUERY_WORDS = 16

# Words that ask for help rather than say what it is about ("breastfeeding help", "autism
# support", "money advice"): nearly every page of a family services site has them, and
# requiring them only leaves out the services worded otherwise. Like stop words, they are not
# required and count only within a phrase.
REQUEST_WORDS = frozenset(["advice", "help", "support"])

# Words too common to be required (every engine requires most of the others: docs/search.md,
# "Relevance"). They still count within a phrase.
STOP_WORDS = REQUEST_WORDS | frozenset(
    [
        "a",
        "about",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "for",
        "from",
        "has",
        "have",
        "how",
        "i",
        "in",
        "into",
        "is",
        "it",
        "its",
        "me",
        "my",
        "near",
        "of",
        "on",
        "or",
        "our",
        "so",
        "that",
        "the",
        "their",
        "them",
        "there",
        "these",
        "they",
        "this",
        "to",
        "us",
        "was",
        "we",
        "what",
        "when",
        "where",
        "which",
        "who",
        "why",
        "will",
        "with",
        "you",
        "your",
    ]
)

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})
_NOT_WORD = re.compile(r"[^\w']+|_+")
_EDGE_APOSTROPHES = re.compile(r"(^'+|'+$)")


def clean_query(raw: str) -> str:
    """The words of `raw`, lower-cased and separated by single spaces; "" when nothing is left.

    >>> clean_query('  Speech & Language <script>  ')
    'speech language script'
    >>> clean_query("Mum's group")
    'mums group'
    """
    words = text_words((raw or "")[: MAX_QUERY_CHARACTERS * 2])
    cleaned = " ".join(words[:MAX_QUERY_WORDS])
    return cleaned[:MAX_QUERY_CHARACTERS].strip()


def text_words(text: str) -> list[str]:
    """Every word of `text` as `clean_query` makes them, however many: lower-cased,
    apostrophes dropped ("mum's" becomes "mums": every backend's stemming then finds "mum").

    >>> text_words("Dads' Saturday club, 9am-12")
    ['dads', 'saturday', 'club', '9am', '12']
    """
    text = unicodedata.normalize("NFKC", text or "").translate(_APOSTROPHES).lower()
    words = []
    for chunk in _NOT_WORD.split(text):
        word = _EDGE_APOSTROPHES.sub("", chunk).replace("'", "")
        if word:
            words.append(word)
    return words


def significant_words(cleaned: str) -> list[str]:
    """The words worth requiring on the database backend: stop words dropped, unless the query
    is nothing but stop words (someone searching for "who" means it)."""
    words = cleaned.split()
    kept = [word for word in words if word not in STOP_WORDS]
    return kept or words


def inflections(word: str) -> list[str]:
    """The word with its plural or singular, for the database backend on SQLite, whose
    full-text index does not stem ("mums" must find "mum"). PostgreSQL stems by itself, and
    the extra forms cost it nothing.

    >>> inflections("nursery"), inflections("mums"), inflections("class")
    (['nursery', 'nurseries'], ['mums', 'mum'], ['class', 'classes'])
    """
    forms = [word]
    if len(word) < 3 or not word.isalpha():
        return forms
    if word.endswith("ies") and len(word) > 4:
        forms.append(word[:-3] + "y")
    elif word.endswith(("ses", "xes", "zes", "ches", "shes")):
        forms.append(word[:-2])
    elif word.endswith("s") and not word.endswith("ss"):
        forms.append(word[:-1])
    elif word.endswith("y") and word[-2] not in "aeiou":
        forms.append(word[:-1] + "ies")
    elif word.endswith(("s", "x", "z", "ch", "sh")):
        forms.append(word + "es")
    else:
        forms.append(word + "s")
    return forms


def printable(raw: str, limit: int) -> str:
    """What was typed, without control characters (NUL cannot even reach PostgreSQL), cut to
    `limit` characters: safe to show back in the search box."""
    return "".join(
        character for character in raw if unicodedata.category(character) not in {"Cc", "Cs"}
    )[:limit]
