"""Security headers on what the public and editors see: the exact Content Security Policy, the
admin's relaxed one, and the headers Django and django-permissions-policy add, on pages and
error pages alike."""

import os
import re
import subprocess
import sys

from django.test import override_settings
from django.urls import path

from wagtail.models import Page

import pytest
from bs4 import BeautifulSoup

from tests.directory.factories import hub_index, make_hub
from website.content_security import admin_directives, parse

pytestmark = pytest.mark.django_db

# What the public site's policy must be in the test settings (tiles come from our own static
# files there): exact, so that any loosening shows up here.
PUBLIC_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-src": [
        "'self'",
        "https://www.youtube.com",
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
    ],
    "media-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}


def broken_view(request):
    raise RuntimeError("something broke")


urlpatterns = [path("broken/", broken_view)]


@pytest.fixture
def hub(home_page):
    return make_hub(hub_index(home_page), "Bilston Family Hub")


def policy_of(response) -> dict[str, list[str]]:
    assert "Content-Security-Policy" in response, "no Content-Security-Policy header"
    return parse(response["Content-Security-Policy"])


def test_home_page_has_the_exact_public_policy(client, home_page):
    response = client.get(home_page.url)

    assert response.status_code == 200
    assert policy_of(response) == PUBLIC_POLICY
    header = response["Content-Security-Policy"]
    assert "unsafe-inline" not in header
    assert "unsafe-eval" not in header
    assert "nonce-" not in header


def test_public_policy_is_the_same_for_every_visitor_so_cached_pages_stay_right(client, hub):
    first = client.get(hub.url)["Content-Security-Policy"]
    second = client.get(hub.url)["Content-Security-Policy"]

    assert first == second


def inline_code(html: str) -> list[str]:
    """Whatever the strict policy would block: inline scripts (JSON data excepted: browsers never
    run it), <style> blocks, style attributes and on…= handlers."""
    document = BeautifulSoup(html, "html.parser")
    found = [
        str(script)[:80]
        for script in document.find_all("script")
        if not script.get("src")
        and script.get("type") not in {"application/json", "application/ld+json"}
    ]
    found += [str(style)[:80] for style in document.find_all("style")]
    found += [str(tag)[:80] for tag in document.find_all(attrs={"style": True})]
    found += [
        str(tag)[:80]
        for tag in document.find_all(True)
        if any(re.fullmatch(r"on[a-z]+", attribute) for attribute in tag.attrs)
    ]
    return found


def test_hub_page_has_no_inline_code_only_json_data(client, hub):
    html = client.get(hub.url).content.decode()

    assert inline_code(html) == []
    assert '<script type="application/ld+json">' in html


def test_no_public_page_has_inline_code(client, demo_site):
    """Every live page of the demo council, and the search and finder pages."""
    urls = [page.url for page in Page.objects.live().filter(depth__gt=1).specific()]
    urls += ["/search/?q=hub", "/family-hubs/nearest/?postcode=WV14+0AA", "/no-such-page/"]
    assert len(urls) > 20

    for url in urls:
        response = client.get(url)
        assert response.status_code in {200, 404}, url
        assert inline_code(response.content.decode()) == [], url


def settings_from_environment(module: str, environment: dict[str, str], expression: str) -> str:
    """Load a settings module in a fresh interpreter with those environment variables (settings
    are read from the environment once, at start-up) and print one expression of them."""
    code = (
        f"import django; django.setup(); from django.conf import settings as s; print({expression})"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": module, **environment},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_map_tile_host_in_img_src_comes_from_the_map_tile_url_setting():
    printed = settings_from_environment(
        "website.settings.dev",
        {"MAP_TILE_URL": "https://{s}.tiles.example.org/{z}/{x}/{y}.png"},
        "s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']",
    )

    assert printed == "[\"'self'\", 'data:', 'https://*.tiles.example.org']"


def test_default_map_tiles_are_allowed_by_the_policy():
    printed = settings_from_environment(
        "website.settings.dev", {}, "s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']"
    )

    assert "https://tile.openstreetmap.org" in printed


def test_csp_report_only_environment_variable_switches_to_report_only():
    printed = settings_from_environment(
        "website.settings.dev",
        {"CSP_REPORT_ONLY": "true", "CSP_REPORT_URI": "/csp-reports/"},
        "s.CONTENT_SECURITY_POLICY, "
        "s.CONTENT_SECURITY_POLICY_REPORT_ONLY['DIRECTIVES']['report-uri']",
    )

    assert printed == "None ['/csp-reports/']"


@pytest.mark.parametrize("url", ["/no-such-page/", "/search/?q=%3Cscript%3E"])
def test_policy_and_headers_on_other_responses(client, home_page, url):
    response = client.get(url)

    assert response.status_code in {200, 404}
    assert policy_of(response) == PUBLIC_POLICY
    assert response["X-Content-Type-Options"] == "nosniff"


@override_settings(ROOT_URLCONF=__name__)
def test_policy_and_headers_on_the_500_page(client, home_page):
    client.raise_request_exception = False

    response = client.get("/broken/")

    assert response.status_code == 500
    assert policy_of(response) == PUBLIC_POLICY
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_admin_has_the_relaxed_policy(admin_client, home_page):
    response = admin_client.get("/admin/")

    assert response.status_code == 200
    directives = policy_of(response)
    assert directives == admin_directives(map_tile_url="/static/directory/map/test-tile.png")
    assert "'unsafe-inline'" in directives["script-src"]
    assert "'unsafe-inline'" in directives["style-src"]
    # Relaxed for the admin's own inline code only: still no plugins, framing or outside posts.
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]


def test_admin_sign_in_page_has_the_relaxed_policy(client, home_page):
    response = client.get("/admin/login/")

    assert response.status_code == 200
    assert "'unsafe-inline'" in policy_of(response)["script-src"]


def test_page_preview_can_be_framed_by_the_admin_only(admin_client, home_page):
    response = admin_client.get(f"/admin/pages/{home_page.pk}/edit/preview/")

    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert policy_of(response)["frame-ancestors"] == ["'self'"]


def test_report_only_mode_sends_the_policy_without_enforcing_it(client, home_page, settings):
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = settings.CONTENT_SECURITY_POLICY
    settings.CONTENT_SECURITY_POLICY = None

    response = client.get(home_page.url)

    assert "Content-Security-Policy" not in response
    assert parse(response["Content-Security-Policy-Report-Only"]) == PUBLIC_POLICY


def test_report_only_mode_reports_the_admin_policy_under_admin(admin_client, settings):
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = settings.CONTENT_SECURITY_POLICY
    settings.CONTENT_SECURITY_POLICY = None

    response = admin_client.get("/admin/")

    assert "Content-Security-Policy" not in response
    report_only = parse(response["Content-Security-Policy-Report-Only"])
    assert "'unsafe-inline'" in report_only["script-src"]


def test_browser_security_headers_on_a_public_page(client, home_page):
    response = client.get(home_page.url)

    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_permissions_policy_turns_off_unused_features(client, home_page):
    response = client.get(home_page.url)

    features = dict(
        item.strip().split("=", 1) for item in response["Permissions-Policy"].split(",")
    )
    for feature in ("geolocation", "camera", "microphone", "payment", "usb", "browsing-topics"):
        assert features[feature] == "()", feature
    assert features["fullscreen"].startswith("(self")


@override_settings(
    SECURE_SSL_REDIRECT=False,
    SECURE_HSTS_SECONDS=63_072_000,
    SECURE_HSTS_INCLUDE_SUBDOMAINS=True,
    SECURE_HSTS_PRELOAD=True,
    SESSION_COOKIE_SECURE=True,
    CSRF_COOKIE_SECURE=True,
)
def test_https_responses_carry_hsts_and_cookies_are_secure_and_httponly(client, home_page):
    """The production values (website/settings/production.py), over HTTPS."""
    response = client.get("/admin/login/", secure=True)

    assert response["Strict-Transport-Security"] == "max-age=63072000; includeSubDomains; preload"
    csrf_cookie = response.cookies["csrftoken"]
    assert csrf_cookie["secure"] is True
    assert csrf_cookie["httponly"] is True


def test_session_cookie_is_httponly(client, django_user_model, home_page):
    django_user_model.objects.create_superuser("editor", "editor@example.com", "pw")

    response = client.post("/admin/login/", {"username": "editor", "password": "pw"})

    assert response.status_code == 302
    assert response.cookies["sessionid"]["httponly"] is True
    assert response.cookies["sessionid"]["samesite"] == "Lax"


def test_production_settings_harden_cookies_and_https():
    printed = settings_from_environment(
        "website.settings.production",
        {"SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "harbour.example"},
        "s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, "
        "s.CSRF_COOKIE_HTTPONLY, s.SECURE_HSTS_SECONDS, s.SECURE_SSL_REDIRECT, "
        "s.X_FRAME_OPTIONS, s.CONTENT_SECURITY_POLICY is not None",
    )

    assert printed.split() == [
        "True",
        "True",
        "True",
        "True",
        "63072000",
        "True",
        "SAMEORIGIN",
        "True",
    ]


def test_admin_sends_nothing_to_gravatar(admin_client):
    response = admin_client.get("/admin/")

    assert response.status_code == 200
    assert "gravatar.com" not in response.content.decode()
