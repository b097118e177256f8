"""Whatever is typed or put in the URL: never a 500, and nothing typed comes back unescaped.

Each test tries every input against one backend (setting up Elasticsearch is the slow part) and
reports every input that failed, not just the first."""

import unicodedata

import pytest

from tests.search.test_search_page import soup

pytestmark = pytest.mark.django_db

# Bad input must be handled, not passed to the backend to fail on (and fall back).
FELL_BACK = "results may be less complete"

BAD_QUERIES = [
    "",
    " ",
    "a",
    "x" * 1000,
    "speech " * 200,
    '" * ~ ( ) [ ] : \\ / AND OR NOT',
    "AND",
    "NOT OR",
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    "<b>nursery</b>",
    "'; DROP TABLE wagtailcore_page; --",
    "1' OR '1'='1",
    "nursery%",
    "100% free",
    "{{ settings.SECRET_KEY }}",
    "{% debug %}",
    "naïve café",
    "普通话",
    "😀 nursery",
    "\x00\x01",
    "foo\u2028bar",
]


def search_page_problems(client, query: str) -> list[str]:
    response = client.get("/search/", {"q": query})
    if response.status_code != 200:
        return [f"status {response.status_code}"]
    html = response.content.decode()
    problems = [
        f"unescaped {markup!r}"
        for markup in ("<script>alert", "<img src=x", "<b>nursery</b>")
        if markup in html
    ]
    if FELL_BACK in html:
        problems.append("the search backend failed on it")
    box = soup(response).select_one("#search-query")
    # Shown back as typed, less control characters (NUL cannot reach PostgreSQL anyway).
    typed = "".join(char for char in query if unicodedata.category(char) != "Cc")[:256]
    if box["value"] != typed:
        problems.append(f"the box shows {box['value']!r}")
    return problems


def test_search_page_survives_any_query(client, engine):
    problems = {query: search_page_problems(client, query) for query in BAD_QUERIES}

    assert {query: found for query, found in problems.items() if found} == {}


def test_autocomplete_survives_any_query(client, engine):
    problems = {}
    for query in BAD_QUERIES:
        response = client.get("/search/suggest/", {"q": query})
        if response.status_code != 200:
            problems[query] = f"status {response.status_code}"
        elif not isinstance(response.json()["results"], list) or "<" in response.json()["query"]:
            problems[query] = response.content.decode()[:200]

    assert problems == {}


ODD_QUERY_STRINGS = [
    "q=%ff%fe%fd",
    "q=nursery%ff",
    "q=%c0%af",
    "q=%00",
    "q=nursery&page=-1",
    "q=nursery&page=0",
    "q=nursery&page=1e9",
    "q=nursery&page=99999999999999999999",
    "q=nursery&page=",
    "q=nursery&type=unknown",
    "q=nursery&type=%3Cscript%3E",
    "q=nursery&sort=%3Cscript%3E",
    "q=nursery&q=childcare",
    "q[]=nursery",
    "type=page",
    "page=2",
]


def test_search_page_survives_odd_urls(client, engine):
    problems = {}
    for query_string in ODD_QUERY_STRINGS:
        response = client.get(f"/search/?{query_string}")
        if response.status_code != 200 or b"<script>" in response.content:
            problems[query_string] = response.status_code
        elif FELL_BACK.encode() in response.content:
            problems[query_string] = "the search backend failed on it"

    assert problems == {}


def test_post_is_not_allowed(client, site):
    assert client.post("/search/", {"q": "nursery"}).status_code == 405
