"""Bad input sweep: every public GET address, and the GET forms behind them (site search, the
hub finder, the news filters), with hostile query strings and path segments. Whatever arrives:
never a 5xx, never our markup back unescaped, and the body is what its content type says.

The addresses come from the URLconf (website/urls.py, directory/urls.py, search/urls.py) and the
page types' routes (the hub finder, the news feeds). test_every_route_is_swept keeps the list
honest when someone adds a route."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.sweep.hostile import (
    MARKUP_PAYLOADS,
    path_segment,
    problems,
    query_params,
    raw_query_string,
)

# (address, the query parameters it reads)
ENDPOINTS = [
    ("/", []),
    ("/about-family-hubs/", []),
    ("/family-hubs/", []),
    ("/family-hubs/bilston/", []),
    ("/family-hubs/nearest/", ["postcode"]),
    ("/search/", ["q", "type", "sort", "page"]),
    ("/search/suggest/", ["q"]),
    ("/news/", ["topic", "year", "page"]),
    ("/news/cabinet-agrees-plan-for-family-hubs/", []),
    ("/news/feed/", []),
    ("/news/feed/atom/", []),
    ("/news/topics/cabinet-decisions/feed/", []),
    ("/news/topics/cabinet-decisions/feed/atom/", []),
    ("/api/v1/hubs/", []),
    ("/api/v1/hubs/nearest/", ["postcode", "limit"]),
    ("/api/v1/postcodes/WV1 1SH/", []),
    ("/api/v1/openapi.json", []),
    (
        "/services/",
        ["q", "postcode", "radius", "category", "age", "free", "delivery", "sort", "page"],
    ),
    ("/services/speech-and-language-therapy/", []),
    ("/help/", []),
    ("/help/babies-and-toddlers/", ["postcode"]),
    ("/help/start-for-life/", []),
    ("/api/openreferral/v3/", []),
    ("/api/openreferral/v3/openapi.json", []),
    (
        "/api/openreferral/v3/services",
        ["page", "per_page", "search", "taxonomy_term_id", "taxonomy_id", "modified_after", "full"],
    ),
    ("/api/openreferral/v3/organizations", ["page", "per_page", "search"]),
    (
        "/api/openreferral/v3/service_at_locations",
        ["page", "per_page", "postcode", "proximity", "search", "taxonomy_term_id"],
    ),
    ("/api/openreferral/v3/taxonomies", ["page", "per_page"]),
    ("/api/openreferral/v3/taxonomy_terms", ["page", "per_page", "taxonomy_id", "parent_id"]),
    ("/healthz/", []),
    ("/healthz/live/", []),
    ("/sitemap.xml", []),
    # Wagtail's sign-in form for private pages: a public GET form with a `next` address.
    ("/_util/login/", ["next"]),
]

# Addresses with a part that comes from the URL: {} is filled with a hostile path segment.
PATH_TEMPLATES = [
    "/{}/",
    "/family-hubs/{}/",
    "/news/{}/",
    "/news/topics/{}/feed/",
    "/search/{}/",
    "/api/v1/postcodes/{}/",
    "/api/v1/{}/",
    "/documents/1/{}",
    "/services/{}/",
    "/help/{}/",
    "/api/openreferral/v3/services/{}",
    "/api/openreferral/v3/organizations/{}",
    "/api/openreferral/v3/service_at_locations/{}",
    "/api/openreferral/v3/taxonomies/{}",
    "/api/openreferral/v3/taxonomy_terms/{}",
]

pytestmark = pytest.mark.django_db


def assert_handled(response, sent) -> None:
    found = problems(response)
    assert not found, f"{response.request['PATH_INFO']} with {sent!r}: {found}"


FORMS = [(address, names) for address, names in ENDPOINTS if names]
FIXED_ADDRESSES = [address for address, names in ENDPOINTS if not names]
# Values at the edges of what the views parse, tried in every parameter of every form.
EDGE_VALUES = [
    "",
    "0",
    "-1",
    "0000",
    "9999",
    "99999999999999999999999",
    "1e3",
    "NaN",
    " 1 ",
    # Digits that str.isdigit() accepts and int() may not, or reads as another number:
    # Arabic-Indic one, superscript two, full-width one.
    "\u0661",
    "\u00b2",
    "\uff11",
    # Moments that overflow a datetime once their offset is applied.
    "0001-01-01T00:00:00+23:59",
    "9999-12-31T23:59:59-23:59",
]
# One query string with most of what can go wrong at once, for the addresses that read none.
NASTY_QUERY = (
    "q=%3Cscript%3Ehxss()%3C%2Fscript%3E&q=%00%FF%FE&page=-1&page=9999999999&year=%0A9999"
    "&%E2%80%AE=%F0%9F%98%80&&==&utm_source=%22%3E%3Cimg%20src%3Dx%20onerror%3Dhxss()%3E"
)


@pytest.mark.parametrize(("address", "names"), FORMS, ids=[address for address, _ in FORMS])
@given(data=st.data())
def test_hostile_query_strings_are_handled(swept, client, address, names, data):
    if data.draw(st.booleans(), label="raw bytes"):
        sent = data.draw(raw_query_string, label="query string")
        response = client.get(f"{address}?{sent}")
    else:
        sent = data.draw(query_params(names), label="params")
        response = client.get(address, sent)
    assert_handled(response, sent)


@pytest.mark.parametrize(("address", "names"), FORMS, ids=[address for address, _ in FORMS])
def test_edge_values_in_every_parameter(swept, client, address, names):
    failures = []
    for name in names:
        for value in EDGE_VALUES:
            response = client.get(address, {name: value})
            failures += [f"{name}={value!r}: {problem}" for problem in problems(response)]
    assert failures == []


@pytest.mark.parametrize(("address", "names"), FORMS, ids=[address for address, _ in FORMS])
@pytest.mark.parametrize("payload", MARKUP_PAYLOADS)
def test_every_markup_payload_in_every_parameter(swept, client, address, names, payload):
    """Each payload in each parameter at once, deterministically, besides the random mixes."""
    response = client.get(address, dict.fromkeys(names, payload))
    assert_handled(response, payload)


@pytest.mark.parametrize("address", FIXED_ADDRESSES)
def test_addresses_that_read_no_parameters_ignore_them(swept, client, address):
    response = client.get(f"{address}?{NASTY_QUERY}")
    assert_handled(response, NASTY_QUERY)


@given(address=st.sampled_from(FIXED_ADDRESSES), params=query_params(["q", "page"]))
def test_stray_parameters_anywhere(swept, client, address, params):
    assert_handled(client.get(address, params), params)


@pytest.mark.parametrize("template", PATH_TEMPLATES)
@given(segment=path_segment)
@settings(max_examples=max(3, settings().max_examples // 3))
def test_hostile_path_segments_are_handled(swept, client, template, segment):
    response = client.get(template.format(segment))
    assert_handled(response, segment)


def test_every_route_is_swept():
    """A new route fails this test until it is added to ENDPOINTS or PATH_TEMPLATES (or is
    known not to be public)."""
    from django.urls import URLPattern, URLResolver, get_resolver

    not_public = {"admin/", "^static/"}
    swept_prefixes = {address for address, _ in ENDPOINTS} | set(PATH_TEMPLATES)

    def routes(patterns, prefix=""):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                if str(pattern.pattern) in not_public:
                    continue
                yield from routes(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern):
                yield route

    known = {
        "healthz/": "/healthz/",
        "healthz/live/": "/healthz/live/",
        "api/v1/openapi.json": "/api/v1/openapi.json",
        "api/v1/hubs/": "/api/v1/hubs/",
        "api/v1/hubs/nearest/": "/api/v1/hubs/nearest/",
        "api/v1/postcodes/<str:postcode>/": "/api/v1/postcodes/{}/",
        "api/v1/<path:rest>": "/api/v1/{}/",
        "api/v1/": "/api/v1/{}/",
        "documents/^(\\d+)/(.*)$": "/documents/1/{}",
        "search/": "/search/",
        "search/suggest/": "/search/suggest/",
        "sitemap.xml": "/sitemap.xml",
    }
    oruk = "api/openreferral/v3/"
    known[oruk] = f"/{oruk}"
    for name in ("openapi.json", "services", "organizations", "service_at_locations"):
        known[oruk + name] = f"/{oruk}{name}"
    for name in ("taxonomies", "taxonomy_terms"):
        known[oruk + name] = f"/{oruk}{name}"
    for name in (
        "services",
        "organizations",
        "service_at_locations",
        "taxonomies",
        "taxonomy_terms",
    ):
        known[f"{oruk}{name}/<str:oruk_id>"] = f"/{oruk}{name}/{{}}"
    # Routes that need a page or document privacy restriction, which the demo has none of.
    not_swept = {
        # The admin's "forgotten password" form (rate-limited): not a public page.
        "admin/password_reset/",
        "documents/authenticate_with_password/<int:restriction_id>/",
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
    }
    known["_util/login/"] = "/_util/login/"
    known["^((?:[\\w\\-]+/)*)$"] = "/{}/"  # Wagtail's page serving: every page path
    unswept = [
        route
        for route in routes(get_resolver().url_patterns)
        if route not in not_swept and known.get(route) not in swept_prefixes
    ]
    assert unswept == []
