"""The site through the real stack (tests/live/stack.py): gunicorn serving website.wsgi with
production settings, behind Varnish with our VCL. What Django's test client cannot show: how
addresses that are not ASCII travel through a real WSGI server, what Varnish keeps and what
it passes, and that HEAD answers carry no body."""

import re
from urllib.parse import unquote

import pytest

from tests.live.content import DOCUMENT_FILE, NON_ASCII_PAGES, ROUTABLE_SLUG

pytestmark = pytest.mark.live


@pytest.mark.parametrize("slug", list(NON_ASCII_PAGES))
def test_pages_whose_address_is_not_ascii_are_served_by_gunicorn_and_varnish(live_stack, slug):
    title = NON_ASCII_PAGES[slug]
    origin = live_stack.get(f"/{slug}/", origin=True)
    first = live_stack.get(f"/{slug}/")
    second = live_stack.get(f"/{slug}/")

    assert origin.status == 200, origin.text[:300]
    assert title in origin.text
    assert (first.status, second.status) == (200, 200)
    assert title in second.text
    assert second.headers["x-cache"] == "hit"


def test_a_routable_page_under_an_address_that_is_not_ascii(live_stack):
    for origin in (True, False):
        feed = live_stack.get(f"/{ROUTABLE_SLUG}/feed/", origin=origin)
        assert feed.status == 200, feed.text[:300]
        assert "<rss" in feed.text


def document_and_image_addresses(live_stack) -> tuple[str, str]:
    page = live_stack.get(f"/{next(iter(NON_ASCII_PAGES))}/")
    document = re.search(r'href="(/documents/[^"]+)"', page.text).group(1)
    image = re.search(r'<img[^>]+src="(/media/[^"]+)"', page.text).group(1)
    return unquote(document), unquote(image)


def test_a_document_whose_name_is_not_ascii_is_served(live_stack):
    document, _ = document_and_image_addresses(live_stack)
    assert document.endswith(DOCUMENT_FILE)

    for origin in (True, False):
        answer = live_stack.get(document, origin=origin)
        assert answer.status == 200, answer.text[:300]
        assert answer.body == b"Dwr a chwarae\n"
        assert "utf-8''" in answer.headers.get("content-disposition", "").lower()


def test_an_image_whose_name_is_not_ascii_is_linked_where_its_file_is(live_stack):
    """Uploads are served by the proxy or S3, not by gunicorn: the page must name the file as
    it is stored (Wagtail names renditions in ASCII: ffoto-cafe-dwr.width-40…)."""
    _, image = document_and_image_addresses(live_stack)
    stored = live_stack.home / "media" / image.removeprefix("/media/")

    assert stored.is_file(), image
    assert stored.name.startswith("ffoto-cafe-dwr.")


def test_head_answers_carry_no_body(live_stack):
    for origin in (True, False):
        get = live_stack.get("/dŵr/", origin=origin)
        head = live_stack.get("/dŵr/", method="HEAD", origin=origin)
        assert (head.status, head.body) == (200, b"")
        assert head.headers["content-type"] == get.headers["content-type"]


def test_varnish_keeps_anonymous_pages_and_passes_the_rest(live_stack):
    path = "/about-family-hubs/"
    live_stack.get(path)
    kept = live_stack.get(path)
    assert (kept.status, kept.headers["x-cache"]) == (200, "hit")
    assert "s-maxage=" in kept.headers["cache-control"]

    # Tracking parameters, and parameters the site does not read, are the same page.
    for query in ("?utm_source=newsletter&fbclid=abc", "?junk=1", "?junk=2&utm_medium=x"):
        assert live_stack.get(path + query).headers["x-cache"] == "hit", query

    signed_in = live_stack.get(path, Cookie="sessionid=an-editors-session")
    assert signed_in.headers["x-cache"] == "pass"
    assert "private" in signed_in.headers["cache-control"]
    assert live_stack.get(path, Cookie="_ga=GA1.2.3; consent=yes").headers["x-cache"] == "hit"
    assert live_stack.get(path, method="POST").headers["x-cache"] == "pass"
    assert live_stack.get("/admin/login/").headers["x-cache"] == "pass"


@pytest.mark.parametrize(
    "path", ["/search/?q=speech", "/family-hubs/nearest/?postcode=WV14+0AA", "/?q=x&page=2"]
)
def test_what_people_type_always_reaches_the_app_and_is_never_kept(live_stack, path):
    live_stack.get(path)
    answer = live_stack.get(path)

    assert answer.status == 200
    assert answer.headers["x-cache"] == "pass"
    assert "no-store" in answer.headers["cache-control"]


def test_made_up_query_strings_do_not_fill_the_cache(live_stack):
    """Each new value of a parameter the site does not read used to be a new entry."""
    live_stack.get("/api/openreferral/v3/service_at_locations")
    objects_before = varnish_objects(live_stack)
    for number in range(30):
        answer = live_stack.get(f"/api/openreferral/v3/service_at_locations?junk={number}")
        assert answer.status == 200

    assert varnish_objects(live_stack) - objects_before <= 1


def varnish_objects(live_stack) -> int:
    import subprocess

    counters = subprocess.run(
        [
            "varnishstat",
            "-n",
            str(live_stack.varnish.home / f"instance-{live_stack.varnish.port}"),
            "-1",
            "-f",
            "MAIN.n_object",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return int(counters.split()[1])


def test_the_error_log_never_holds_what_someone_typed(live_stack):
    live_stack.get("/dŵr/?postcode=WV14+0AA", origin=True)
    live_stack.get("/no-such-café/?postcode=WV14+0AA&q=jane+at+example+dot+com", origin=True)

    logs = live_stack.gunicorn_log.read_text(errors="replace")
    logs += (live_stack.home / "access.log").read_text(errors="replace")
    assert "WV14" not in logs
    assert "jane" not in logs
