"""`make run PORT=8104` serves the demo at 127.0.0.1:8104, and every absolute link says so: the
Makefile gives the address to the demo loader and the server (WAGTAILADMIN_BASE_URL), and the
loader gives it to the Wagtail site, moving a site an earlier run left on another port but never
one an operator set to a real address."""

import io
import os
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

from wagtail.models import Site

import pytest

from demo import site as site_content

pytestmark = pytest.mark.django_db

LOCAL_8104 = "http://127.0.0.1:8104"


@pytest.fixture
def served_on_8104(settings):
    settings.WAGTAILADMIN_BASE_URL = LOCAL_8104


def default_site() -> Site:
    return Site.objects.get(is_default_site=True)


def test_a_fresh_demo_site_has_the_address_it_is_served_at(served_on_8104, client):
    site_content.load()

    site = default_site()
    assert (site.hostname, site.port) == ("127.0.0.1", 8104)
    assert site.root_page.full_url == f"{LOCAL_8104}/"
    page = client.get("/about-family-hubs/", HTTP_HOST="127.0.0.1:8104")
    assert f'<link rel="canonical" href="{LOCAL_8104}/about-family-hubs/">' in page.text
    sitemap = client.get("/sitemap.xml", HTTP_HOST="127.0.0.1:8104").text
    assert f"<loc>{LOCAL_8104}/about-family-hubs/</loc>" in sitemap
    assert "8000" not in sitemap


def test_a_site_left_on_another_local_port_moves_to_the_new_one(settings, client):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    site_content.load()
    assert default_site().port == 8000

    settings.WAGTAILADMIN_BASE_URL = LOCAL_8104
    site_content.load()

    site = default_site()
    assert (site.hostname, site.port) == ("127.0.0.1", 8104)
    assert Site.objects.count() == 1
    page = client.get("/contact-us/", HTTP_HOST="127.0.0.1:8104")
    assert f'href="{LOCAL_8104}/contact-us/"' in page.text


def test_wagtails_localhost_placeholder_address_moves_too(served_on_8104):
    site_content.load()
    Site.objects.filter(is_default_site=True).update(hostname="localhost", port=80)

    site_content.load()

    assert (default_site().hostname, default_site().port) == ("127.0.0.1", 8104)


def test_a_site_an_operator_gave_a_real_address_is_never_changed(served_on_8104, client):
    site_content.load()
    site = default_site()
    site.hostname, site.port = "familyhubs.example.gov.uk", 443
    site.save()

    site_content.load()

    site = default_site()
    assert (site.hostname, site.port) == ("familyhubs.example.gov.uk", 443)
    assert site.root_page.full_url == "https://familyhubs.example.gov.uk/"


def test_load_demo_prints_the_admin_address_it_is_served_at(served_on_8104):
    out = io.StringIO()

    call_command("load_demo", "--create-admin", stdout=out)

    assert f"Admin: {LOCAL_8104}/admin/" in out.getvalue()
    assert "8000" not in out.getvalue()
    # One user per editor role, in that role's group only, to try each role's day.
    from django.contrib.auth import get_user_model

    roles = {
        user.username: [group.name for group in user.groups.all()]
        for user in get_user_model().objects.filter(is_superuser=False)
    }
    assert roles == {
        "comms-editor": ["Comms editors"],
        "comms-approver": ["Comms approvers"],
        "hub-editor": ["Hub editors"],
        "directory-editor": ["Directory editors"],
    }
    assert "hub-editor" in out.getvalue()


def make_run_commands(*variables: str) -> str:
    """What `make run` would run, without running it (and without the variables of a `make
    test` this runs under)."""
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in {"MAKEFLAGS", "MFLAGS", "MAKELEVEL", "HOST", "PORT", "BASE_URL"}
    }
    return subprocess.run(
        ["make", "--no-print-directory", "-n", "run", *variables],
        cwd=Path(settings.BASE_DIR),
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


@pytest.mark.parametrize(
    ("variables", "address", "listens_on"),
    [
        (["PORT=8104"], LOCAL_8104, "127.0.0.1:8104"),
        (["HOST=0.0.0.0", "PORT=8100"], "http://127.0.0.1:8100", "0.0.0.0:8100"),
        (["HOST=localhost"], "http://localhost:8000", "localhost:8000"),
        (
            ["PORT=8100", "BASE_URL=http://harbour.test:8100"],
            "http://harbour.test:8100",
            "127.0.0.1:8100",
        ),
    ],
)
def test_make_run_gives_its_address_to_the_loader_and_the_server(variables, address, listens_on):
    commands = make_run_commands(*variables)

    loader = next(line for line in commands.splitlines() if "load_demo" in line)
    assert f"WAGTAILADMIN_BASE_URL='{address}'" in loader
    server = commands[commands.index("export WAGTAILADMIN_BASE_URL") :]
    assert server.startswith(f"export WAGTAILADMIN_BASE_URL='{address}';")
    assert f"runserver {listens_on}" in server
