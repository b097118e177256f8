"""The bad-input sweep through the real stack (tests/live/stack.py): Varnish in front of
gunicorn serving website.wsgi with production settings. The same addresses, parameters and
hostile values as tests/sweep/test_public_endpoints.py, sent over HTTP as a browser or a
script would send them, judged the same way (tests/sweep/hostile.py: no 5xx, from Varnish or
the app; no markup of ours reflected; bodies that are what they say)."""

from urllib.parse import urlencode

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.sweep.hostile import MARKUP_PAYLOADS, path_segment, problems, query_params
from tests.sweep.hostile import raw_query_string as raw_query
from tests.sweep.test_public_endpoints import (
    EDGE_VALUES,
    FIXED_ADDRESSES,
    FORMS,
    NASTY_QUERY,
    PATH_TEMPLATES,
)

pytestmark = pytest.mark.live


class Answer:
    """An HTTP answer shaped as `problems` reads a Django response."""

    def __init__(self, fetched):
        self.status_code = fetched.status
        self.content = fetched.body
        self._headers = fetched.headers

    def get(self, name: str, default: str = "") -> str:
        return self._headers.get(name.lower(), default)


def sent(live_stack, address: str, query: str = "") -> Answer:
    return Answer(live_stack.get(f"{address}?{query}" if query else address))


def encoded(params) -> str:
    return urlencode(params, doseq=True)


@pytest.mark.parametrize(("address", "names"), FORMS, ids=[address for address, _ in FORMS])
def test_edge_values_in_every_parameter(live_stack, address, names):
    failures = []
    for name in names:
        for value in EDGE_VALUES:
            answer = sent(live_stack, address, encoded({name: value}))
            failures += [f"{name}={value!r}: {problem}" for problem in problems(answer)]
    assert failures == []


@pytest.mark.parametrize(("address", "names"), FORMS, ids=[address for address, _ in FORMS])
def test_every_markup_payload_in_every_parameter(live_stack, address, names):
    failures = []
    for payload in MARKUP_PAYLOADS:
        answer = sent(live_stack, address, encoded(dict.fromkeys(names, payload)))
        failures += [f"{payload!r}: {problem}" for problem in problems(answer)]
    assert failures == []


def test_addresses_that_read_no_parameters_ignore_them(live_stack):
    failures = []
    for address in FIXED_ADDRESSES:
        answer = sent(live_stack, address, NASTY_QUERY)
        failures += [f"{address}: {problem}" for problem in problems(answer)]
    assert failures == []


@given(data=st.data())
def test_hostile_query_strings(live_stack, data):
    address, names = data.draw(st.sampled_from(FORMS), label="form")
    if data.draw(st.booleans(), label="raw bytes"):
        query = data.draw(raw_query, label="query string")
    else:
        query = encoded(data.draw(query_params(names), label="params"))
    answer = sent(live_stack, address, query)
    assert problems(answer) == [], f"{address}?{query}"


@given(template=st.sampled_from(PATH_TEMPLATES), segment=path_segment)
@settings(max_examples=max(12, settings().max_examples * 2))
def test_hostile_path_segments(live_stack, template, segment):
    answer = sent(live_stack, template.format(segment))
    assert problems(answer) == [], template.format(segment)
