"""How site search ranks, the same on every engine (docs/search.md, "Relevance"): plain
functions, no database.

A page's relevance is its text score multiplied by:
- its type's `search_boost` (hubs and services 2, news and pages 1), when its title and
  summary have every word typed: hubs and services rank above news and general pages when
  they match the words as well, not when they share only some of them;
- for page types that declare `search_recency_half_life_days`, a recency factor: 1 for a page
  dated today, halving towards RECENCY_FLOOR with each half-life of age, so that older news
  sinks below newer news, but is still found when asked for by name;
- EXACT_TITLE_FACTOR when its title is exactly what was typed ("Baby bank" for "baby bank"),
  so that the page named wins; else NAMED_FACTOR when every word of its title (stop words
  aside, in the singular or plural) was typed, among others, and its title and summary have
  every word typed: "Family hubs" ("Find a family hub near you") for "find a family hub near
  me", "Contact us" for "contact"; not "Family hubs" for "family hubs budget".

The text score has the same parts on both engines:
- each field's BM25 score for the words typed, stop words aside: the title counting
  TITLE_WEIGHT times, the summary SUMMARY_WEIGHT times, the rest of the text once; the best
  field counts whole, the others TIE_BREAKER times;
- the words typed, stop words included, as a phrase in the title or the summary (a few words
  apart or out of order at most: "what a family hub is" for "what is a family hub");
- every word typed (stop words aside) in the title: a page about the whole question ranks
  above one that shares some of its words, even a page of a boosted type.

Elasticsearch computes all of this in its query (search.backends.elasticsearch). The database
backend finds the pages and ranks them by its own text score, then its best RERANK_WINDOW are
ranked again here (`text_relevance`), with the titles and summaries that results show and the
site's own word frequencies (`Vocabulary`) for the BM25 of those two fields."""

import datetime
import itertools
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .query_text import STOP_WORDS, inflections, text_words
from .synonyms import expand_words

# How much a match in each field counts, and how much the fields other than the best one add.
TITLE_WEIGHT = 6.0
SUMMARY_WEIGHT = 3.0
TIE_BREAKER = 0.3
# How many words apart the words typed may be and still count as a phrase.
TITLE_SLOP = 2
SUMMARY_SLOP = 4
# Where a word is many times in a field, the first few places are enough to find a phrase.
MAX_OCCURRENCES = 4
# A synonym of a word typed counts a little less than the word: "Infant feeding helpline"
# before "Breastfeeding cafe" for "infant feeding".
SYNONYM_WEIGHT = 0.8
# BM25's term saturation and length normalisation (Elasticsearch's defaults).
K1 = 1.2
B = 0.75
# However old, a page keeps this share of its relevance.
RECENCY_FLOOR = 0.5
EXACT_TITLE_FACTOR = 10.0
NAMED_FACTOR = 3.0


def recency_factor(age_days: float, half_life_days: float) -> float:
    """FLOOR + (1 - FLOOR) * 0.5 ** (age / half-life); 1 for a page dated today or later.

    >>> recency_factor(0, 365), recency_factor(365, 365), round(recency_factor(3650, 365), 3)
    (1.0, 0.75, 0.5)
    """
    if age_days <= 0:
        return 1.0
    return RECENCY_FLOOR + (1 - RECENCY_FLOOR) * 0.5 ** (age_days / half_life_days)


def age_in_days(value: datetime.date | datetime.datetime | None, now: datetime.datetime) -> float:
    """Days from `value` to `now` (0 for no date, or a date still to come)."""
    if value is None:
        return 0.0
    if not isinstance(value, datetime.datetime):
        value = datetime.datetime.combine(value, datetime.time(), tzinfo=datetime.UTC)
    elif value.tzinfo is None:
        value = value.replace(tzinfo=datetime.UTC)
    return max(0.0, (now - value).total_seconds() / 86400)


def title_key(title: str) -> str:
    """A title as a query would be once cleaned (search.query_text.clean_query): what the typed
    words are compared with for an exact title match.

    >>> title_key("Dads' Saturday club"), title_key("Stay and play, Bilston")
    ('dads saturday club', 'stay and play bilston')
    """
    return " ".join(text_words(title))


def is_exact_title(title: str, query: str) -> bool:
    """Whether the (cleaned) query is the page's title."""
    return bool(query) and title_key(title) == query


def title_words(title: str) -> list[str]:
    """The words of a title that name it: stop words aside, each once.

    >>> title_words("About family hubs"), title_words("Contact us")
    (['family', 'hubs'], ['contact'])
    """
    words = []
    for word in text_words(title):
        if word not in STOP_WORDS and word not in words:
            words.append(word)
    return words


def typed_forms(query: str) -> list[str]:
    """Each word of the (cleaned) query, with its singular or plural: what a title's words are
    looked for among."""
    forms = []
    for word in query.split():
        for form in inflections(word):
            if form not in forms:
                forms.append(form)
    return forms


def is_title_named(title: str, query: str) -> bool:
    """Whether every word of the title (stop words aside) was typed, in either number.

    >>> is_title_named("Family hubs", "find a family hub near me")
    True
    >>> is_title_named("Bilston Family Hub", "find a family hub near me")
    False
    """
    words = title_words(title)
    return bool(words) and set(words) <= set(typed_forms(query))


@dataclass(frozen=True)
class Vocabulary:
    """The words of the site's titles and summaries: how many pages use each, and how long
    titles and summaries are on average. For BM25's inverse document frequency on the database
    backend, and for spelling suggestions (search.spelling)."""

    pages: int
    page_counts: dict[str, int]
    average_title_words: float
    average_summary_words: float

    def idf(self, word: str) -> float:
        """BM25's inverse document frequency, as Lucene computes it: rare words count most."""
        used_by = self.page_counts.get(word, 0)
        return math.log(1 + (self.pages - used_by + 0.5) / (used_by + 0.5))


def build_vocabulary(titles_and_summaries: Iterable[tuple[str, str]]) -> Vocabulary:
    pages, title_words, summary_words = 0, 0, 0
    page_counts: Counter[str] = Counter()
    for title, summary in titles_and_summaries:
        in_title, in_summary = text_words(title), text_words(summary)
        pages += 1
        title_words += len(in_title)
        summary_words += len(in_summary)
        page_counts.update(set(in_title) | set(in_summary))
    return Vocabulary(
        pages=pages,
        page_counts=dict(page_counts),
        average_title_words=title_words / pages if pages else 1.0,
        average_summary_words=summary_words / pages if pages else 1.0,
    )


@dataclass(frozen=True)
class ScoringSlot:
    """A word or phrase typed, and the forms of it that count as a match (itself, its synonyms
    and their singular or plural), each a sequence of words."""

    typed: tuple[str, ...]
    forms: tuple[tuple[str, ...], ...]
    # How many of `forms`, from the first, are what was typed (in either number); the rest are
    # synonyms.
    literal_forms: int = 1

    @property
    def is_stop_word(self) -> bool:
        return len(self.typed) == 1 and self.typed[0] in STOP_WORDS


def scoring_slots(query: str, groups) -> list[ScoringSlot]:
    """Every word or phrase of the (cleaned) query, stop words included, with their forms.

    >>> [slot.forms for slot in scoring_slots("stay and play", [])]
    [(('stay',), ('stays',)), (('and',),), (('play',), ('plays',))]
    """
    slots = []
    for alternatives in expand_words(query.split(), groups):
        forms, literal_forms = [], 0
        for position, alternative in enumerate(alternatives):
            words = alternative.replace("-", " ").split()
            single = len(words) == 1 and words[0] not in STOP_WORDS
            variants = inflections(words[0]) if single else [" ".join(words)]
            for variant in variants:
                form = tuple(variant.split())
                if form not in forms:
                    forms.append(form)
            if position == 0:
                literal_forms = len(forms)
        slots.append(
            ScoringSlot(
                tuple(alternatives[0].replace("-", " ").split()), tuple(forms), literal_forms
            )
        )
    return slots


@dataclass(frozen=True)
class Query:
    """A cleaned query, ready to score pages with: its words and phrases, with their forms."""

    text: str
    slots: tuple[ScoringSlot, ...]

    @classmethod
    def parse(cls, text: str, groups) -> "Query":
        return cls(text, tuple(scoring_slots(text, groups)))

    @property
    def significant(self) -> tuple[ScoringSlot, ...]:
        """The slots every engine requires: stop words aside, unless there is nothing else."""
        return tuple(slot for slot in self.slots if not slot.is_stop_word) or self.slots


def has_every_word(query: Query, title: str, summary: str) -> bool:
    """Whether the title and summary have every word typed (stop words aside), in any of its
    forms: a page that matches the words this well gets its type's boost."""
    words = [*text_words(title), "", *text_words(summary)]
    return all(_positions(slot, words) for slot in query.significant)


def _positions(
    slot: ScoringSlot, words: Sequence[str], literal_only: bool = False
) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of any of the slot's forms in `words` (only of what
    was typed, with `literal_only`)."""
    found = []
    for form in slot.forms[: slot.literal_forms] if literal_only else slot.forms:
        size = len(form)
        found += [
            (start, start + size)
            for start in range(len(words) - size + 1)
            if tuple(words[start : start + size]) == form
        ]
    return sorted(found)


def _is_phrase(slots: Sequence[ScoringSlot], words: Sequence[str], slop: int) -> bool:
    """Whether the slots occur in `words` as a phrase with `slop`, as Lucene's sloppy phrase
    query decides it: each at its place in the query shifted by some offset, the offsets no
    more than `slop` apart ("what a family hub is" is "what is a family hub" with slop 4)."""
    if len(slots) < 2:
        return False
    query_positions, position = [], 0
    for slot in slots:
        query_positions.append(position)
        position += len(slot.typed)
    occurrences = [_positions(slot, words)[:MAX_OCCURRENCES] for slot in slots]
    if not all(occurrences):
        return False
    for chosen in itertools.product(*occurrences):
        starts = [start for start, _ in chosen]
        if len(set(starts)) < len(starts):
            continue
        offsets = [start - place for start, place in zip(starts, query_positions, strict=True)]
        if max(offsets) - min(offsets) <= slop:
            return True
    return False


def _length_norm(length: int, average: float) -> float:
    """BM25's term-frequency part for a word found once in a field `length` words long."""
    return (K1 + 1) / (1 + K1 * (1 - B + B * length / max(average, 1.0)))


def field_score(
    slots: Sequence[ScoringSlot], words: Sequence[str], average: float, vocabulary: Vocabulary
) -> float:
    """BM25 of the query in one field: the inverse document frequency of each word or phrase
    typed that the field has, in any of its forms (SYNONYM_WEIGHT of it for a synonym only),
    scaled by the field's length."""
    idf = 0.0
    for slot in slots:
        if _positions(slot, words, literal_only=True):
            idf += slot_idf(slot, vocabulary)
        elif _positions(slot, words):
            idf += SYNONYM_WEIGHT * slot_idf(slot, vocabulary)
    return idf * _length_norm(len(words), average)


def slot_idf(slot: ScoringSlot, vocabulary: Vocabulary) -> float:
    return sum(vocabulary.idf(word) for word in slot.typed)


def text_relevance(
    query: Query, title: str, summary: str, body_share: float, vocabulary: Vocabulary
) -> float:
    """The text score of a page found by the database backend, as Elasticsearch's query would
    give it (search.backends.elasticsearch, `text_query`). `body_share` is the database's own
    score for the page as a share of the best one among the results (0 to 1): it stands for the
    match in the rest of the text, where it is worth what a title with every word would be."""
    significant = query.significant
    title_words, summary_words = text_words(title), text_words(summary)
    title_score = field_score(significant, title_words, vocabulary.average_title_words, vocabulary)
    summary_score = field_score(
        significant, summary_words, vocabulary.average_summary_words, vocabulary
    )
    fields = sorted(
        [
            TITLE_WEIGHT * title_score,
            SUMMARY_WEIGHT * summary_score,
            body_share * sum(slot_idf(slot, vocabulary) for slot in significant),
        ],
        reverse=True,
    )
    score = fields[0] + TIE_BREAKER * sum(fields[1:])
    # Phrases count every word typed, stop words too.
    whole_query = sum(slot_idf(slot, vocabulary) for slot in query.slots)
    if _is_phrase(query.slots, title_words, TITLE_SLOP):
        score += (
            TITLE_WEIGHT
            * whole_query
            * _length_norm(len(title_words), vocabulary.average_title_words)
        )
    if _is_phrase(query.slots, summary_words, SUMMARY_SLOP):
        score += (
            SUMMARY_WEIGHT
            * whole_query
            * _length_norm(len(summary_words), vocabulary.average_summary_words)
        )
    if all(_positions(slot, title_words) for slot in significant):
        score += TITLE_WEIGHT * title_score
    return score
