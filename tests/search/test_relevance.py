"""The relevance set (relevance_set.txt), run on each engine: for every query, what must come
first, and for some, the pages that must be among the first three. The run ends with each
engine's figures (tests/conftest.py, pytest_terminal_summary), also written to
test-results/relevance-<engine>.json:

- top-1 accuracy: the share of queries whose first result is one the set allows;
- precision at 3: for the queries with top-three pages, of the first three results, how many
  are expected pages, out of the most that could be (three, or fewer when fewer are
  expected), averaged over those queries.

Both engines must put the right page first for every query."""

import fnmatch
import json
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils.text import slugify

import pytest

pytestmark = pytest.mark.django_db

RELEVANCE_SET = Path(__file__).with_name("relevance_set.txt")
TYPE_PREFIX = "type:"
# Carried from the test's process to the one that prints the summary (pytest-xdist).
REPORT_PROPERTY = "site_search_relevance"
REQUIRED_TOP_1_ACCURACY = 1.0
REQUIRED_PRECISION_AT_3 = 1.0


@dataclass(frozen=True)
class Judgement:
    query: str
    first: tuple[str, ...]  # alternatives: slugs, slug patterns, "type:<key>"
    top_three: tuple[str, ...] = ()


@dataclass(frozen=True)
class Result:
    slug: str
    type_key: str


def read_relevance_set(path: Path = RELEVANCE_SET) -> list[Judgement]:
    judgements = []
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        query, first, *rest = (part.strip() for part in line.split("|"))
        if not first or len(rest) > 1:
            raise ValueError(f"{path.name}, line {number}: expected 'query | first | top three'")
        judgements.append(Judgement(query, tuple(first.split()), tuple(" ".join(rest).split())))
    return judgements


def matches(alternative: str, result: Result) -> bool:
    if alternative.startswith(TYPE_PREFIX):
        return result.type_key == alternative[len(TYPE_PREFIX) :]
    return fnmatch.fnmatchcase(result.slug, alternative)


def first_is_right(results: list[Result], judgement: Judgement) -> bool:
    return bool(results) and any(matches(option, results[0]) for option in judgement.first)


def precision_at_3(results: list[Result], expected: tuple[str, ...]) -> float:
    found = sum(1 for result in results[:3] if result.slug in expected)
    return found / min(3, len(expected))


def slug_from_url(url: str) -> str:
    return url.strip("/").rsplit("/", 1)[-1] or "home"


def first_results(client, query: str) -> list[Result]:
    """The first three results of /search/ for the query, as a visitor gets them."""
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    outcome = response.context["outcome"]
    return [
        Result(slug_from_url(hit.card.url), slugify(hit.card.type_label))
        for hit in outcome.hits[:3]
    ]


def test_read_relevance_set():
    judgements = read_relevance_set()
    assert len(judgements) >= 80
    assert all(judgement.query and judgement.first for judgement in judgements)
    assert len({judgement.query for judgement in judgements}) == len(judgements)


@pytest.mark.parametrize(
    ("alternative", "result", "expected"),
    [
        ("baby-bank", Result("baby-bank", "service"), True),
        ("baby-bank", Result("baby-bank-2", "service"), False),
        ("stay-and-play-*", Result("stay-and-play-penn", "service"), True),
        ("stay-and-play-*", Result("three-more-family-hubs-open", "news-release"), False),
        ("type:service", Result("baby-bank", "service"), True),
        ("type:service", Result("bilston", "family-hub"), False),
    ],
)
def test_what_a_judgement_allows(alternative, result, expected):
    assert matches(alternative, result) is expected


def test_relevance_set(whole_demo, client, engine, request):
    rows = []
    for judgement in read_relevance_set():
        results = first_results(client, judgement.query)
        rows.append(
            {
                "query": judgement.query,
                "first": list(judgement.first),
                "top_three": list(judgement.top_three),
                "results": [f"{result.slug} ({result.type_key})" for result in results],
                "first_is_right": first_is_right(results, judgement),
                "precision_at_3": (
                    precision_at_3(results, judgement.top_three) if judgement.top_three else None
                ),
            }
        )
    figures = relevance_figures(engine, rows)

    results_dir = Path(settings.BASE_DIR) / "test-results"
    results_dir.mkdir(exist_ok=True)
    (results_dir / f"relevance-{engine}.json").write_text(
        json.dumps({**figures, "queries": rows}, indent=2)
    )
    request.node.user_properties.append((REPORT_PROPERTY, figures))

    wrong_first = [(row["query"], row["results"][:1]) for row in rows if not row["first_is_right"]]
    assert not wrong_first, f"{engine}: the wrong page first for {wrong_first}"
    assert figures["precision_at_3"] >= REQUIRED_PRECISION_AT_3, figures["below_1_at_3"]


def relevance_figures(engine: str, rows: list[dict]) -> dict:
    with_top_three = [row for row in rows if row["precision_at_3"] is not None]
    return {
        "engine": engine,
        "queries": len(rows),
        "top_1_accuracy": sum(row["first_is_right"] for row in rows) / len(rows),
        "wrong_first": [row["query"] for row in rows if not row["first_is_right"]],
        "queries_with_top_three": len(with_top_three),
        "precision_at_3": (
            sum(row["precision_at_3"] for row in with_top_three) / len(with_top_three)
        ),
        "below_1_at_3": [row["query"] for row in with_top_three if row["precision_at_3"] < 1],
    }


# The figures of each engine the relevance test ran on, gathered by the process that prints the
# summary, whichever process ran the test (tests/conftest.py calls these two).
_figures_by_engine: dict[str, dict] = {}


def collect_figures(report) -> None:
    for name, figures in getattr(report, "user_properties", ()):
        if name == REPORT_PROPERTY:
            _figures_by_engine[figures["engine"]] = figures


def write_summary(terminalreporter) -> None:
    if not _figures_by_engine:
        return
    terminalreporter.section("site search relevance")
    for engine, figures in sorted(_figures_by_engine.items()):
        terminalreporter.write_line(
            f"{engine}: top-1 accuracy {figures['top_1_accuracy']:.3f} over "
            f"{figures['queries']} queries; precision at 3 {figures['precision_at_3']:.3f} over "
            f"{figures['queries_with_top_three']}"
        )
        if figures["wrong_first"]:
            terminalreporter.write_line(
                f"  wrong first: {', '.join(map(repr, figures['wrong_first']))}"
            )
        if figures["below_1_at_3"]:
            terminalreporter.write_line(
                f"  below 1 at 3: {', '.join(map(repr, figures['below_1_at_3']))}"
            )
