"""An answer to what someone typed (a search, a postcode) is for them alone: every page and API
that takes one says `private, no-store`, so no shared cache (Varnish, a CDN) or browser keeps
it; the same pages without it stay cacheable."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/search/?q=baby+clinic",
        "/services/?q=speech",
        "/services/?postcode=WV14+0AA",
        "/family-hubs/nearest/?postcode=WV14+0AA",
        "/api/openreferral/v3/services?search=baby",
        "/api/v1/hubs/nearest/?postcode=WV14+0AA",
    ],
)
def test_answers_to_what_someone_typed_are_never_kept(client, shared_demo_site, url):
    response = client.get(url)

    assert response.status_code in (200, 404), url
    control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= control, url


@pytest.mark.parametrize("url", ["/search/", "/services/", "/services/?category=parenting"])
def test_the_same_pages_without_it_can_be_cached(client, shared_demo_site, url):
    response = client.get(url)

    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
