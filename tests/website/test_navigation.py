"""The header's navigation and the footer's links, as families see them."""

import re

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from wagtail.models import Site

import pytest

from website import navigation
from website.models import CouncilSettings, NavigationSettings, StandardPage

pytestmark = pytest.mark.django_db


def nav_links(html: str, label: str) -> list[tuple[str, str]]:
    section = html.split(f'aria-label="{label}"', 1)[1].split("</nav>", 1)[0]
    return re.findall(r'<a[^>]*href="([^"]*)"[^>]*>([^<]*)</a>', section)


def test_links_show_page_titles_own_text_and_external_urls(client, site):
    about = StandardPage.objects.get(slug="about-family-hubs")
    contact = StandardPage.objects.get(slug="contact-us")
    settings = NavigationSettings.for_site(site)
    settings.main_navigation = [
        ("link", {"page": about, "url": "", "text": ""}),
        ("link", {"page": contact, "url": "", "text": "Talk to us"}),
        ("link", {"page": None, "url": "https://www.gov.uk/", "text": "GOV.UK"}),
    ]
    settings.save()

    links = nav_links(client.get("/").content.decode(), "Main")

    assert links == [
        ("/about-family-hubs/", "About family hubs"),
        ("/contact-us/", "Talk to us"),
        ("https://www.gov.uk/", "GOV.UK"),
    ]


def test_a_link_to_an_unpublished_or_deleted_page_is_left_out(client, site):
    about = StandardPage.objects.get(slug="about-family-hubs")
    gone = StandardPage.objects.get(slug="privacy")
    about.unpublish()
    gone.delete()

    html = client.get("/contact-us/").content.decode()

    assert ("/about-family-hubs/", "About family hubs") not in nav_links(html, "Main")
    assert nav_links(html, "Footer") == [
        ("/accessibility/", "Accessibility statement"),
        ("/contact-us/", "Contact us"),
    ]


def test_an_empty_footer_has_no_links_section(client, site):
    council = CouncilSettings.for_site(site)
    council.footer_links = []
    council.save()

    assert 'aria-label="Footer"' not in client.get("/").content.decode()


def test_header_and_footer_pages_come_in_one_query(site):
    request = RequestFactory().get("/")
    Site.find_for_request(request)
    with CaptureQueriesContext(connection) as captured:
        links = navigation.site_links(request)
        navigation.site_links(request)  # the footer asks again: no more queries
    # The two settings and one query for the pages both streams choose.
    assert len(captured.captured_queries) == 3
    assert [link.href for link in links.main] == ["/about-family-hubs/", "/contact-us/"]
    assert len(links.footer) == 3
