"""Editors' promoted results and the search-term counts, which never hold a postcode, an email
address or a phone number."""

import logging

from django.contrib.auth.models import Group, Permission

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Page

import pytest

from tests.search.test_search_page import result_titles, soup

pytestmark = pytest.mark.django_db


def test_a_promoted_page_shows_first_for_its_query(client, engine):
    contact = Page.objects.get(slug="contact-us")
    query = Query.objects.create(query_string="help")
    SearchPromotion.objects.create(query=query, page=contact, description="Phone or email us.")

    response = client.get("/search/", {"q": "Help"})

    promoted = soup(response).select(".search-result--promoted")
    assert len(promoted) == 1
    assert promoted[0].select_one("a")["href"] == "/contact-us/"
    assert promoted[0].select_one("a").get_text() == "Contact us"
    assert "Phone or email us." in promoted[0].get_text()
    assert "Recommended" in promoted[0].get_text()


def test_a_new_promotion_shows_at_once_after_searches_without_one(client, engine):
    assert not soup(client.get("/search/", {"q": "help"})).select(".search-result--promoted")

    SearchPromotion.objects.create(
        query=Query.objects.get_or_create(query_string="help")[0],
        page=Page.objects.get(slug="contact-us"),
    )

    assert soup(client.get("/search/", {"q": "help"})).select(".search-result--promoted")


def test_an_unpublished_promoted_page_is_not_shown(client, engine):
    contact = Page.objects.get(slug="contact-us")
    SearchPromotion.objects.create(query=Query.objects.create(query_string="help"), page=contact)
    contact.unpublish()

    response = client.get("/search/", {"q": "help"})

    assert not soup(response).select(".search-result--promoted")


def test_searches_are_counted_for_editors(client, site):
    client.get("/search/", {"q": "Speech therapy"})
    client.get("/search/", {"q": "speech   therapy"})
    # Another page, filter or sort order of the same search is not another search.
    client.get("/search/", {"q": "speech therapy", "page": 2})
    client.get("/search/", {"q": "speech therapy", "type": "page"})

    assert Query.objects.get(query_string="speech therapy").hits == 2


def test_counting_a_search_already_counted_today_costs_one_update(client, site):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/search/", {"q": "speech therapy"})
    with CaptureQueriesContext(connection) as captured:
        client.get("/search/", {"q": "speech therapy"})

    counting = [
        query["sql"]
        for query in captured.captured_queries
        if "wagtailsearchpromotions_query" in query["sql"]
    ]
    assert len(counting) == 1
    assert counting[0].startswith("UPDATE")
    assert Query.objects.get(query_string="speech therapy").hits == 2


@pytest.mark.parametrize(
    "query",
    [
        "WV1 1SH",
        "wv11sh",
        "nursery near WV1 1SH",
        "WV14",
        "wv1 1",
        "B1",
        "SW1A 1AA",
        "help@example.com",
        "call 01902 555 0100",
        "W V 1 4 0 A A",
        "WV140AAx",
        "jane at example dot com",
        "Jane Smith 12 Acacia Avenue",
    ],
)
def test_personal_data_in_a_query_is_never_stored_or_logged(client, site, caplog, query):
    SearchPromotion.objects.create(
        query=Query.objects.create(query_string="help"), page=Page.objects.get(slug="contact-us")
    )
    queries_before = set(Query.objects.values_list("query_string", flat=True))

    with caplog.at_level(logging.DEBUG):
        response = client.get("/search/", {"q": query})

    assert response.status_code == 200
    assert set(Query.objects.values_list("query_string", flat=True)) == queries_before
    assert QueryDailyHits.objects.count() == 0
    assert query.lower() not in caplog.text.lower()
    assert "wv1" not in caplog.text.lower()


def test_search_terms_report_is_open_to_editors_who_choose_promotions(client, django_user_model):
    client.get("/search/", {"q": "nursery"})
    editor = django_user_model.objects.create_user("promoter", password="pw")
    editors = Group.objects.create(name="Search editors")
    editors.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="add_searchpromotion"),
    )
    editor.groups.add(editors)
    client.force_login(editor)

    response = client.get("/admin/reports/search-terms/")

    assert response.status_code == 200
    assert "nursery" in response.content.decode()


def test_search_terms_report_is_closed_to_other_editors(client, django_user_model):
    editor = django_user_model.objects.create_user("writer", password="pw")
    editors = Group.objects.create(name="Writers")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    editor.groups.add(editors)
    client.force_login(editor)

    response = client.get("/admin/reports/search-terms/")

    assert response.status_code in (302, 403)


def test_reports_menu_has_one_search_terms_item(admin_client):
    html = admin_client.get("/admin/").content.decode()

    assert html.count("/admin/reports/search-terms/") == 1


def test_editors_manage_synonyms_in_the_admin(admin_client, site):
    response = admin_client.post(
        "/admin/snippets/search/searchsynonym/add/", {"terms": "Playgroup,  stay and play "}
    )

    assert response.status_code == 302
    from search.models import SearchSynonym

    assert SearchSynonym.objects.filter(terms="playgroup, stay and play").exists()


@pytest.mark.parametrize(
    ("terms", "message"),
    [
        ("nursery", "at least two"),
        ("nursery => childcare", "can only contain"),
        ("nursery, nursery", "at least two"),
    ],
)
def test_synonyms_the_analyzer_cannot_take_are_refused(admin_client, site, terms, message):
    response = admin_client.post("/admin/snippets/search/searchsynonym/add/", {"terms": terms})

    assert response.status_code == 200
    assert message in response.content.decode()


def test_header_has_a_labelled_search_box_on_every_page_but_search(client, site):
    page = soup(client.get("/about-family-hubs/"))
    form = page.select_one("header form[role=search]")
    assert form["action"] == "/search/" and form["method"] == "get"
    assert page.select_one("label[for=header-search-query]").get_text() == "Search this site"

    assert not soup(client.get("/search/?q=x")).select("header form[role=search]")


def test_the_header_box_searches(client, site):
    response = client.get("/search/", {"q": "contact"})

    assert result_titles(response)[0] == "Contact us"
