""" "Did you mean": a spelling from the site's own words, for a search that finds little.

Elasticsearch's term suggester proposes words from its index; the database backend has none,
so each word typed that no title or summary on the site uses is compared here with the words
they do use (search.ranking.Vocabulary, remembered with the shared content), with Python's difflib:
a maintained, dependency-free matcher whose ratio (2 * matching characters / total characters)
forgives a letter left out, added, doubled or swapped, which is what typing on a phone does.
Both engines accept a replacement only as `acceptable` says, so they suggest alike.

Plain functions, no database."""

import difflib

from .query_text import STOP_WORDS, inflections
from .ranking import Vocabulary

# Words shorter than this are left alone: one wrong letter in three is another word.
MIN_WORD_LENGTH = 4
# How alike a word and its replacement must be (difflib's ratio, 0 to 1): "brestfeeding" and
# "breastfeeding" are 0.96; "isnt" and "into" are 0.5.
CUTOFF = 0.8


def similarity(word: str, other: str) -> float:
    return difflib.SequenceMatcher(None, word, other).ratio()


def acceptable(word: str, replacement: str) -> bool:
    """Whether `replacement` may be offered for `word`: a different word, alike enough, and not
    merely its plural or singular (which every engine finds anyway)."""
    return (
        len(word) >= MIN_WORD_LENGTH
        and word.isalpha()
        and word not in STOP_WORDS
        and replacement != word
        and replacement not in inflections(word)
        and similarity(word, replacement) >= CUTOFF
    )


def correction(word: str, vocabulary: Vocabulary) -> str | None:
    """The site's word closest to `word`, when the site does not use `word` in any form."""
    if len(word) < MIN_WORD_LENGTH or not word.isalpha() or word in STOP_WORDS:
        return None
    if any(form in vocabulary.page_counts for form in inflections(word)):
        return None
    # A ratio of CUTOFF needs lengths within this proportion of each other.
    shortest = len(word) * CUTOFF / (2 - CUTOFF)
    longest = len(word) * (2 - CUTOFF) / CUTOFF
    candidates = [
        known
        for known in vocabulary.page_counts
        if shortest <= len(known) <= longest and known.isalpha()
    ]
    close = difflib.get_close_matches(word, candidates, n=5, cutoff=CUTOFF)
    close = [known for known in close if acceptable(word, known)]
    if not close:
        return None
    # The most alike; between equals, the word more pages use.
    return max(close, key=lambda known: (similarity(word, known), vocabulary.page_counts[known]))


def suggestion(query: str, vocabulary: Vocabulary) -> str | None:
    """The (cleaned) query with each word the site does not use replaced by the closest one it
    does, or None when no word was replaced.

    >>> from search.ranking import build_vocabulary
    >>> site = build_vocabulary([("Breastfeeding cafe", "Peer supporters and tea.")])
    >>> suggestion("brestfeeding cafe", site), suggestion("breastfeeding cafes", site)
    ('breastfeeding cafe', None)
    """
    words = query.split()
    corrected = [correction(word, vocabulary) or word for word in words]
    return " ".join(corrected) if corrected != words else None
