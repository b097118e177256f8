"""website.routing finds the same page as Wagtail's walk down the tree, in fewer queries, and
leaves to Wagtail every path where a page on the way routes URLs of its own."""

from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

import pytest

from directory.models import FamilyHubIndexPage, FamilyHubPage
from news.models import NewsIndexPage
from website import routing
from website.models import StandardPage

pytestmark = pytest.mark.django_db


def described(result):
    """(page id, page type, routable view name and arguments), or None for a 404."""
    if result is None:
        return None
    view = None
    if result.args:  # a routable page's view: (bound method, args, kwargs)
        method, args, kwargs = result.args
        view = (method.__name__, args, kwargs)
    return (result.page.pk, type(result.page), view)


def wagtail_route(path: str):
    """What Wagtail's own walk answers."""
    return described(Page.route_for_request(RequestFactory().get(path), path))


def direct_route(path: str):
    """What website.routing answers, or "walk" when it hands the path to Wagtail."""
    request = RequestFactory().get(path)
    if not routing.route_directly(request, path):
        return "walk"
    return described(request._wagtail_route_for_request)


def test_every_page_of_the_demo_site_routes_as_wagtail_routes_it(demo_site):
    paths = [page.url for page in Page.objects.live().filter(depth__gte=2).specific()]
    assert len(paths) > 50
    for path in paths:
        assert direct_route(path) == wagtail_route(path), path


def test_a_routable_pages_own_urls_go_to_its_views_as_wagtail_routes_them(demo_site, client):
    hubs = FamilyHubIndexPage.objects.get()
    news = NewsIndexPage.objects.get()
    for path in (f"{hubs.url}nearest/", f"{news.url}feed/", f"{news.url}feed/atom/"):
        assert direct_route(path) == wagtail_route(path), path
        assert direct_route(path)[2] is not None, path  # the routable page's own view
        assert client.get(path).status_code == 200, path


def test_a_routable_pages_own_url_costs_three_queries_then_none(demo_site, settings):
    path = f"{FamilyHubIndexPage.objects.get().url}nearest/"
    settings.CONTENT_CACHE_SECONDS = 0
    routing.route_directly(RequestFactory().get(path), path)  # the sites, the content types
    with CaptureQueriesContext(connection) as captured:
        routing.route_directly(RequestFactory().get(path), path)
    # The site, the pages on the path and the hub index as its own type (Wagtail's walk: 5).
    assert len(captured.captured_queries) == 3

    settings.CONTENT_CACHE_SECONDS = 600
    routing.route_directly(RequestFactory().get(path), path)
    with CaptureQueriesContext(connection) as captured:
        routing.route_directly(RequestFactory().get(path), path)
    # A fixed routable URL is one per page: its chain, the hub index as its own type at its
    # end, is kept with the shared content.
    assert len(captured.captured_queries) == 0


def test_routable_urls_with_parameters_are_not_kept(demo_site):
    """Anyone can make up /news/topics/<anything>/feed/: such paths must not fill the cache."""
    news = NewsIndexPage.objects.get()
    for number in range(3):
        path = f"{news.url}topics/made-up-{number}/feed/"
        routing.route_directly(RequestFactory().get(path), path)
        with CaptureQueriesContext(connection) as captured:
            routing.route_directly(RequestFactory().get(path), path)
        assert len(captured.captured_queries) == 2, path


def test_a_child_page_named_like_a_routable_url_is_left_to_the_routable_page(demo_site):
    """Wagtail asks a routable page's own URLs first; so must we."""
    hubs = FamilyHubIndexPage.objects.get()
    hubs.add_child(instance=StandardPage(title="Nearest", slug="nearest"))
    path = f"{hubs.url}nearest/"
    assert direct_route(path) == wagtail_route(path)
    assert direct_route(path)[0] == hubs.pk


def test_a_draft_routable_page_hands_its_urls_to_its_children(demo_site):
    hubs = FamilyHubIndexPage.objects.get()
    hubs.add_child(instance=StandardPage(title="Nearest", slug="nearest"))
    hubs.unpublish()
    path = f"{hubs.url}nearest/"
    assert direct_route(path) == wagtail_route(path)
    assert direct_route(path)[1] is StandardPage


@pytest.mark.parametrize("rest", ["nearest/extra/", "no-such-page/", "feed/atom/more/"])
def test_a_path_past_a_routable_page_that_names_nothing_is_a_404_as_in_wagtail(demo_site, rest):
    hubs = FamilyHubIndexPage.objects.get()
    path = f"{hubs.url}{rest}"
    assert wagtail_route(path) is None
    assert direct_route(path) in ("walk", None)


def test_a_draft_page_is_not_found_but_its_live_children_are(site, home_page, client):
    draft = home_page.add_child(instance=StandardPage(title="Draft", slug="draft", live=False))
    child = draft.add_child(instance=StandardPage(title="Child", slug="child"))
    assert direct_route("/draft/") == wagtail_route("/draft/") is None
    assert client.get("/draft/").status_code == 404
    assert direct_route("/draft/child/") == wagtail_route("/draft/child/")
    assert direct_route("/draft/child/")[0] == child.pk
    assert client.get("/draft/child/").status_code == 200


@pytest.mark.parametrize("path", ["/no-such-page/", "/about-family-hubs/no-such-page/"])
def test_a_path_that_names_no_page_is_left_to_wagtail_and_is_a_404(site, client, path):
    assert direct_route(path) == "walk"
    assert wagtail_route(path) is None
    assert client.get(path).status_code == 404


def test_a_slug_used_elsewhere_in_the_tree_does_not_confuse_the_route(site, home_page):
    about = StandardPage.objects.get(slug="about-family-hubs")
    other = home_page.add_child(instance=StandardPage(title="Other", slug="other"))
    nested = other.add_child(instance=StandardPage(title="Contact", slug="contact"))
    about.add_child(instance=StandardPage(title="Contact", slug="contact"))
    assert direct_route("/other/contact/")[0] == nested.pk
    assert direct_route("/other/contact/") == wagtail_route("/other/contact/")
    # A page of that slug, but not under that parent.
    assert direct_route("/contact/") == "walk"


def test_a_page_type_with_its_own_route_is_left_to_wagtail(site, home_page, monkeypatch):
    parent = home_page.add_child(instance=StandardPage(title="Parent", slug="parent"))
    parent.add_child(instance=StandardPage(title="Child", slug="child"))

    def own_route(self, request, path_components):
        raise Http404

    monkeypatch.setattr(StandardPage, "route", own_route)
    assert direct_route("/parent/child/") == "walk"


def test_the_served_page_knows_its_parent_without_a_query(demo_site):
    hub = FamilyHubPage.objects.live().first()
    request = RequestFactory().get(hub.url)
    assert routing.route_directly(request, hub.url)
    page = request._wagtail_route_for_request.page
    with CaptureQueriesContext(connection) as captured:
        parent = page.get_parent()
    assert parent.pk == hub.get_parent().pk
    assert len(captured.captured_queries) == 0


def test_routing_a_deep_page_costs_three_queries_then_none(demo_site, settings):
    hub = FamilyHubPage.objects.live().first()
    settings.CONTENT_CACHE_SECONDS = 0
    routing.route_directly(RequestFactory().get(hub.url), hub.url)  # warm the content types
    with CaptureQueriesContext(connection) as captured:
        routing.route_directly(RequestFactory().get(hub.url), hub.url)
    # The site, every page on the path, and the hub as its own type (Wagtail's walk: 7).
    assert len(captured.captured_queries) == 3

    settings.CONTENT_CACHE_SECONDS = 600
    routing.route_directly(RequestFactory().get(hub.url), hub.url)
    with CaptureQueriesContext(connection) as captured:
        routing.route_directly(RequestFactory().get(hub.url), hub.url)
    # The sites and the chain, the hub as its own type at its end, are shared content
    # (website/content_cache.py).
    assert len(captured.captured_queries) == 0


def breadcrumb_links(html: str) -> list[str]:
    import re

    trail = html.split('aria-label="Breadcrumb"', 1)[1].split("</nav>", 1)[0]
    return re.findall(r'class="govuk-breadcrumbs__link" href="([^"]*)">([^<]*)</a>', trail)


def test_breadcrumbs_from_routing_match_the_ancestors_query(site, home_page, client):
    """The breadcrumbs use the pages routing fetched; a draft ancestor is left out, as the
    query for live ancestors leaves it out."""
    from website.templatetags.website_tags import breadcrumbs

    about = StandardPage.objects.get(slug="about-family-hubs")
    draft = about.add_child(instance=StandardPage(title="Draft section", slug="draft", live=False))
    leaf = draft.add_child(instance=StandardPage(title="Leaf", slug="leaf"))

    links = breadcrumb_links(client.get("/about-family-hubs/draft/leaf/").content.decode())

    assert links == [("/", "Family hubs in Wulfrun"), ("/about-family-hubs/", "About family hubs")]
    # The same trail as the tag gives for a request that was not routed here (a query).
    queried = breadcrumbs({"request": RequestFactory().get("/")}, leaf)["ancestors"]
    assert [(crumb["href"], crumb["title"]) for crumb in queried] == links


def test_a_private_section_keeps_its_pages_private(site, home_page, client):
    """View restrictions on an ancestor still apply when routing fetched the ancestors."""
    from wagtail.models import PageViewRestriction

    section = home_page.add_child(instance=StandardPage(title="Staff", slug="staff"))
    leaf = section.add_child(instance=StandardPage(title="Rota", slug="rota"))
    PageViewRestriction.objects.create(page=section, restriction_type="login")

    response = client.get("/staff/rota/")

    assert response.status_code == 302
    assert "/_util/login/" in response["Location"]
    assert list(leaf.get_view_restrictions()) == list(
        Page.objects.get(pk=leaf.pk).get_view_restrictions()
    )


def test_an_alias_answers_to_its_originals_restrictions(site, home_page, client):
    from wagtail.models import PageViewRestriction

    original = home_page.add_child(instance=StandardPage(title="Secret", slug="secret"))
    PageViewRestriction.objects.create(page=original, restriction_type="password", password="x")
    original.create_alias(parent=home_page, update_slug="secret-alias")

    response = client.get("/secret-alias/")

    assert response.status_code == 200
    assert "password" in response.content.decode().lower()
    assert 'name="password"' in response.content.decode()
