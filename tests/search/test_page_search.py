"""A page published in the admin is found by Wagtail's search, on both backends."""

from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

pytestmark = pytest.mark.django_db


def publish_standard_page_in_admin(admin_client, parent, title, slug, text):
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": "A page published by a test.",
            "body": streamfield([("paragraph", rich_text(f"<p>{text}</p>"))]),
            "action-publish": "publish",
        }
    )
    url = reverse("wagtailadmin_pages:add", args=["website", "standardpage", parent.pk])
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = Page.objects.get(slug=slug)
    assert page.live
    return page


def test_published_page_is_found_by_database_search(admin_client, home_page):
    page = publish_standard_page_in_admin(
        admin_client, home_page, "Toddler swimming", "toddler-swimming", "Splash sessions"
    )

    results = list(Page.objects.live().search("toddler swimming"))

    assert page in results


def test_draft_page_is_not_in_live_search(admin_client, home_page):
    publish_standard_page_in_admin(
        admin_client, home_page, "Toddler swimming", "toddler-swimming", "Splash sessions"
    )
    Page.objects.get(slug="toddler-swimming").unpublish()

    assert list(Page.objects.live().search("toddler swimming")) == []


@pytest.mark.elasticsearch
def test_published_page_is_found_by_elasticsearch(admin_client, home_page, elasticsearch):
    page = publish_standard_page_in_admin(
        admin_client, home_page, "Toddler swimming", "toddler-swimming", "Splash sessions"
    )
    elasticsearch.refresh_indexes()

    results = list(Page.objects.live().search("toddler swimming"))

    assert page in results
    hits = elasticsearch.es.search(
        index=f"{elasticsearch.index_prefix}wagtailcore_page",
        query={"match": {"title": "toddler"}},
    )["hits"]["hits"]
    assert [hit["_source"]["title"] for hit in hits] == ["Toddler swimming"]
