from django.urls import reverse

from wagtail.models import Page

import pytest

from demo import site as site_content
from website.models import CouncilSettings, HomePage, NavigationSettings, StandardPage

pytestmark = pytest.mark.django_db


def test_home_page_renders_with_council_name_and_navigation(client, site):
    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 class="govuk-heading-xl">Family hubs in Wulfrun</h1>' in html
    assert "Wulfrun Borough Council" in html
    assert 'aria-label="Main"' in html
    assert 'href="/about-family-hubs/"' in html
    assert 'href="#main-content"' in html, "skip link"


def test_standard_page_renders_with_breadcrumbs(client, site):
    response = client.get("/about-family-hubs/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 class="govuk-heading-xl">About family hubs</h1>' in html
    assert 'aria-label="Breadcrumb"' in html
    assert 'href="/">Family hubs in Wulfrun</a>' in html
    assert 'aria-current="page"' in html, "the section is marked current in the navigation"


def test_nested_standard_page_renders(client, home_page):
    parent = StandardPage.objects.get(slug="about-family-hubs")
    child = StandardPage(title="Stay and play", slug="stay-and-play", summary="Sessions.")
    parent.add_child(instance=child)
    child.save_revision().publish()

    response = client.get("/about-family-hubs/stay-and-play/")

    assert response.status_code == 200
    assert 'href="/about-family-hubs/">About family hubs</a>' in response.content.decode()


def test_breadcrumbs_follow_a_renamed_or_unpublished_section(client, home_page):
    parent = StandardPage.objects.get(slug="about-family-hubs")
    child = StandardPage(title="Stay and play", slug="stay-and-play", summary="Sessions.")
    parent.add_child(instance=child)
    child.save_revision().publish()
    before = client.get("/about-family-hubs/stay-and-play/").content.decode()
    assert "About family hubs</a>" in before

    parent.title = "Our family hubs"
    parent.save_revision().publish()
    html = client.get("/about-family-hubs/stay-and-play/").content.decode()

    assert 'href="/about-family-hubs/">Our family hubs</a>' in html
    assert "About family hubs</a>" not in html


def test_council_settings_show_in_the_footer(client, site):
    council = CouncilSettings.for_site(site)
    council.phone = "01902 000 1234"
    council.email = "help@example.gov.uk"
    council.address = "1 Test Street\nTestville"
    council.save()

    html = client.get("/contact-us/").content.decode()

    assert 'href="tel:019020001234">01902 000 1234</a>' in html
    assert "mailto:help@example.gov.uk" in html
    assert "1 Test Street<br>Testville" in html
    assert 'href="/accessibility/">Accessibility statement</a>' in html


def test_site_settings_escape_what_editors_type(client, site):
    council = CouncilSettings.for_site(site)
    council.council_name = "<script>alert(1)</script> Council"
    council.save()

    html = client.get("/").content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Council" in html


def test_demo_loader_is_idempotent(site):
    before = Page.objects.count()
    site_content.load()
    site_content.load()

    assert Page.objects.count() == before
    assert HomePage.objects.count() == 1
    assert StandardPage.objects.filter(slug="contact-us").count() == 1
    assert len(NavigationSettings.for_site(site).main_navigation) == 2


@pytest.mark.parametrize(
    ("page_class", "slug"),
    [(HomePage, None), (StandardPage, "about-family-hubs")],
)
def test_each_page_type_opens_in_the_admin_editor(admin_client, site, page_class, slug):
    page = page_class.objects.get(slug=slug) if slug else page_class.objects.get()

    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))

    assert response.status_code == 200
    assert page.title in response.content.decode()


@pytest.mark.parametrize("setting_model", ["councilsettings", "navigationsettings"])
def test_site_settings_open_in_the_admin(admin_client, site, setting_model):
    url = reverse("wagtailsettings:edit", args=["website", setting_model, site.pk])

    response = admin_client.get(url)

    assert response.status_code == 200


def test_admin_can_add_a_standard_page_to_the_home_page(admin_client, home_page):
    response = admin_client.get(
        reverse("wagtailadmin_pages:add", args=["website", "standardpage", home_page.pk])
    )

    assert response.status_code == 200


def test_exit_this_page_shows_on_a_standard_page_editors_mark(client, home_page, settings):
    settings.EXIT_THIS_PAGE_URL = "https://weather.example/"
    page = StandardPage(title="Staying safe", slug="staying-safe", exit_this_page=True)
    home_page.add_child(instance=page)
    page.save_revision().publish()

    marked = client.get("/staying-safe/").content.decode()
    unmarked = client.get("/about-family-hubs/").content.decode()

    assert 'data-module="govuk-exit-this-page"' in marked
    assert 'href="https://weather.example/"' in marked
    assert "govuk-exit-this-page" not in unmarked


def test_pages_load_the_built_stylesheet_and_scripts(client, site):
    """The compiled GOV.UK Frontend assets (make assets) are linked and served."""
    html = client.get("/").content.decode()

    for asset in ("website/css/harbour.css", "website/js/harbour.js", "website/js/supported.js"):
        assert f"/static/{asset}" in html
    assert 'class="govuk-template__body' in html
