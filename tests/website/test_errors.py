from django.urls import path

import pytest

pytestmark = pytest.mark.django_db


def broken_view(request):
    raise RuntimeError("something broke")


urlpatterns = [path("broken/", broken_view)]


def test_unknown_url_gives_the_sites_404_page(client, site, settings):
    assert settings.DEBUG is False

    response = client.get("/no-such-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert '<h1 class="govuk-heading-xl">Page not found</h1>' in html
    assert "Wulfrun Borough Council" in html, "the 404 page uses the site's layout"
    assert "Traceback" not in html


@pytest.mark.parametrize(
    "path_", ["/%3Cscript%3E/", "/about-family-hubs/no/such/child/", "/" + "a" * 2000 + "/"]
)
def test_odd_urls_give_404_not_500(client, site, path_):
    response = client.get(path_)

    assert response.status_code == 404
    assert "<script>" not in response.content.decode()


def test_server_error_gives_the_sites_500_page_without_details(client, site, settings):
    settings.ROOT_URLCONF = __name__
    client.raise_request_exception = False

    response = client.get("/broken/")

    assert response.status_code == 500
    html = response.content.decode()
    assert "Sorry, there is a problem with the service" in html
    assert "something broke" not in html
    assert "RuntimeError" not in html
