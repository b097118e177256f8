"""website.sites chooses the same site as Wagtail for every host and port."""

from wagtail.models import Page, Site
from wagtail.models.sites import get_site_for_hostname

import pytest

from website import sites

pytestmark = pytest.mark.django_db

HOSTS = ["testserver", "example.org", "www.example.org", "other.example", "EXAMPLE.ORG"]
PORTS = [80, 443, 8000]


def wagtail_choice(hostname: str, port: int):
    try:
        return get_site_for_hostname(hostname, port).pk
    except Site.DoesNotExist:
        return None


def our_choice(hostname: str, port: int):
    candidates = Site.objects.filter(hostname=hostname) | Site.objects.filter(is_default_site=True)
    site = sites.choose_site(list(candidates), hostname, port)
    return site.pk if site else None


SITE_SETS = {
    "only a default": [("localhost", 80, True)],
    "a default and a hostname": [("localhost", 80, True), ("example.org", 80, False)],
    "a hostname on two ports": [
        ("localhost", 80, True),
        ("example.org", 80, False),
        ("example.org", 8000, False),
    ],
    "the default's hostname on another port": [
        ("example.org", 443, True),
        ("example.org", 8000, False),
    ],
    "no default": [("example.org", 80, False), ("example.org", 8000, False)],
    "no default, one hostname": [("example.org", 443, False)],
}


@pytest.mark.parametrize("configuration", SITE_SETS)
def test_the_same_site_as_wagtail_chooses(configuration):
    root = Page.get_first_root_node()
    Site.objects.all().delete()
    for number, (hostname, port, default) in enumerate(SITE_SETS[configuration]):
        home = root.add_child(instance=Page(title=f"Home {number}", slug=f"home-{number}"))
        Site.objects.create(hostname=hostname, port=port, is_default_site=default, root_page=home)
    for hostname in HOSTS:
        for port in PORTS:
            assert our_choice(hostname, port) == wagtail_choice(hostname, port), (
                hostname,
                port,
            )


def test_pages_and_search_leave_the_site_where_wagtail_looks(client, site):
    for url in ("/", "/about-family-hubs/", "/search/?q=hubs", "/search/suggest/?q=hu"):
        response = client.get(url)
        assert response.status_code == 200
        assert response.wsgi_request._wagtail_site == site
        assert Site.find_for_request(response.wsgi_request) == site


def test_a_request_for_no_site_is_a_404(client, site):
    site.is_default_site = False
    site.save()
    assert client.get("/", HTTP_HOST="unknown.example").status_code == 404


def test_a_port_that_is_not_a_number_is_no_port(rf, site):
    request = rf.get("/")
    request.META["SERVER_PORT"] = "not-a-port"
    assert sites.find_site(request) == site
