"""Plain functions behind the security settings: no database, no Django test client."""

from datetime import timedelta

import pytest

from website.client_ip import client_ip_from
from website.content_security import admin_directives, origin_of, parse, public_directives
from website.sign_in import cool_off_words
from website.two_factor.devices import normalise_code


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://tile.openstreetmap.org"),
        ("https://{s}.tile.example.org/{z}/{x}/{y}.png", "https://*.tile.example.org"),
        ("//tiles.example.gov.uk/{z}/{x}/{y}.png", "https://tiles.example.gov.uk"),
        ("https://cdn.example.org:8443/static/", "https://cdn.example.org:8443"),
        ("/static/directory/map/test-tile.png", None),
        ("/media/", None),
        ("", None),
    ],
)
def test_origin_of(url, origin):
    assert origin_of(url) == origin


def test_public_policy_adds_outside_hosts_once_and_never_unsafe_inline():
    directives = public_directives(
        map_tile_url="https://tiles.example.org/{z}/{x}/{y}.png",
        media_url="https://media.example.org/",
        static_url="https://media.example.org/static/",
    )

    assert directives["img-src"] == [
        "'self'",
        "data:",
        "https://tiles.example.org",
        "https://media.example.org",
    ]
    assert directives["script-src"] == ["'self'", "https://media.example.org"]
    assert all("'unsafe-inline'" not in values for values in directives.values())
    assert "report-uri" not in directives


def test_admin_policy_is_the_public_one_plus_inline_code():
    public = public_directives()
    admin = admin_directives()

    assert admin["script-src"] == [*public["script-src"], "'unsafe-inline'"]
    assert admin["style-src"] == [*public["style-src"], "'unsafe-inline'"]
    for directive in ("object-src", "frame-ancestors", "form-action", "base-uri", "default-src"):
        assert admin[directive] == public[directive]


def test_parse_reads_a_header_back():
    assert parse("default-src 'self'; img-src 'self' data:;") == {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
    }


@pytest.mark.parametrize(
    ("remote", "forwarded", "proxies", "expected"),
    [
        ("203.0.113.9", "", 0, "203.0.113.9"),
        # No proxy trusted: a forged header changes nothing.
        ("203.0.113.9", "198.51.100.1", 0, "203.0.113.9"),
        # One load balancer: it appended the visitor's address last.
        ("10.0.0.2", "198.51.100.7", 1, "198.51.100.7"),
        # The visitor wrote a fake address first; the balancer's entry is still the last one.
        ("10.0.0.2", "1.2.3.4, 198.51.100.7", 1, "198.51.100.7"),
        # A CDN and a load balancer.
        ("10.0.0.2", "1.2.3.4, 198.51.100.7, 192.0.2.50", 2, "198.51.100.7"),
        # Fewer entries than proxies: the request bypassed them; use the nearest address.
        ("10.0.0.2", "", 1, "10.0.0.2"),
    ],
)
def test_client_ip_from(remote, forwarded, proxies, expected):
    assert client_ip_from(remote, forwarded, proxies) == expected


@pytest.mark.parametrize(
    ("minutes", "words"),
    [
        (15, "15 minutes"),
        (1, "1 minute"),
        (0.2, "1 minute"),
        (timedelta(hours=2).seconds / 60, "120 minutes"),
    ],
)
def test_cool_off_words(minutes, words):
    assert cool_off_words(minutes) == words


@pytest.mark.parametrize(
    ("typed", "code"), [("123 456", "123456"), (" 123-456 ", "123456"), ("AB12cd34", "ab12cd34")]
)
def test_normalise_code(typed, code):
    assert normalise_code(typed) == code
