"""The site-wide alert banner (website.AlertBanner): on every public page while it is live,
cached pages included; scheduled like a release; comms and directory editors can publish one."""

from datetime import datetime

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

import pytest
import time_machine
from bs4 import BeautifulSoup

from website.models import AlertBanner

pytestmark = pytest.mark.django_db

LONDON_NOON = "2026-12-07 12:00 +0000"


def banners(response) -> list[str]:
    page = BeautifulSoup(response.content, "html.parser")
    return [" ".join(b.get_text().split()) for b in page.select(".alert-banner")]


def publish(banner: AlertBanner) -> AlertBanner:
    banner.save()
    banner.save_revision().publish()
    return banner


@time_machine.travel(LONDON_NOON, tick=False)
def test_a_live_banner_is_on_every_public_page_urgent_first(client, demo_site):
    publish(AlertBanner(message="Phone lines are down this morning.", severity="information"))
    hubs = demo_site.root_page.get_children().get(slug="family-hubs")
    publish(
        AlertBanner(
            message="Four hubs are closed today for snow.",
            severity="urgent",
            link_page=hubs,
            link_text="Check your hub",
        )
    )

    for url in (
        "/",
        "/about-family-hubs/",
        "/family-hubs/",
        "/family-hubs/bilston/",
        "/services/",
        "/news/",
        "/search/?q=baby",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert banners(response) == [
            "Four hubs are closed today for snow. Check your hub",
            "Phone lines are down this morning.",
        ], url
    page = BeautifulSoup(client.get("/").content, "html.parser")
    urgent = page.select_one(".alert-banner--urgent")
    assert urgent.a["href"] == "/family-hubs/"
    assert urgent["role"] == "region"


@time_machine.travel(LONDON_NOON, tick=False)
def test_a_draft_or_unpublished_banner_is_not_shown(client, site):
    draft = AlertBanner(message="Not yet.", live=False)
    draft.save()
    draft.save_revision()
    assert banners(client.get("/")) == []

    shown = publish(AlertBanner(message="Now."))
    assert banners(client.get("/")) == ["Now."]
    shown.unpublish()
    assert banners(client.get("/")) == []


def test_a_scheduled_banner_goes_up_and_comes_down_on_time(client, site):
    with time_machine.travel("2026-12-07 08:00 +0000", tick=False):
        banner = AlertBanner(
            message="Closed for snow.",
            live=False,
            go_live_at=datetime.fromisoformat("2026-12-07 09:00 +00:00"),
            expire_at=datetime.fromisoformat("2026-12-07 17:00 +00:00"),
        )
        banner.save()
        banner.save_revision().publish()  # with a go-live time: scheduled, not live
        call_command("publish_scheduled")
        assert banners(client.get("/")) == []
    with time_machine.travel("2026-12-07 09:00:30 +0000", tick=False):
        call_command("publish_scheduled")  # what the scheduler does every minute
        assert banners(client.get("/")) == ["Closed for snow."]
    # At its end it is gone, even before the scheduler's next run.
    with time_machine.travel("2026-12-07 17:00:01 +0000", tick=False):
        assert banners(client.get("/")) == []
        call_command("publish_scheduled")
        banner.refresh_from_db()
        assert not banner.live


def test_publishing_or_unpublishing_a_banner_bans_every_page_from_the_frontend_cache(
    client, site, frontend_cache, django_capture_on_commit_callbacks
):
    ban = ("BAN", "testserver", "/")
    with django_capture_on_commit_callbacks(execute=True):
        banner = publish(AlertBanner(message="All hubs closed for snow."))
    assert set(frontend_cache.received) == {ban}
    assert banners(client.get("/about-family-hubs/")) == ["All hubs closed for snow."]

    frontend_cache.received.clear()
    # The test's transaction never commits, so the publish's callbacks stay queued (as if one
    # transaction had done both) unless forgotten here: a second commit is what comes next.
    connection.run_on_commit.clear()
    with django_capture_on_commit_callbacks(execute=True):
        banner.unpublish()
    assert set(frontend_cache.received) == {ban}
    assert banners(client.get("/about-family-hubs/")) == []


@pytest.mark.parametrize("group_name", ["Comms editors", "Comms approvers", "Editors"])
def test_comms_and_directory_editors_can_publish_a_banner(
    client, site, django_user_model, group_name
):
    user = django_user_model.objects.create_user("someone", password="pw")
    user.groups.add(Group.objects.get(name=group_name))
    client.force_login(user)

    response = client.post(
        reverse("wagtailsnippets_website_alertbanner:add"),
        {
            "message": "Bilston is closed today for snow.",
            "severity": "urgent",
            "link_url": "",
            "link_text": "",
            "go_live_at": "",
            "expire_at": "",
            "action-publish": "action-publish",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    assert AlertBanner.objects.get().live
    client.logout()
    assert banners(client.get("/")) == ["Bilston is closed today for snow."]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"link_text": "More"}, "Choose a page or give a web address."),
        ({"link_url": "https://example.com/"}, "Say what the link is about."),
        (
            {"go_live_at": "2030-01-02 10:00", "expire_at": "2030-01-02 09:00"},
            "Go live date/time must be before expiry date/time",
        ),
        ({"message": ""}, "This field is required."),
    ],
)
def test_bad_input_reshows_the_form_and_publishes_nothing(admin_client, site, fields, message):
    data = {
        "message": "Closed.",
        "severity": "warning",
        "link_url": "",
        "link_text": "",
        "go_live_at": "",
        "expire_at": "",
        "action-publish": "action-publish",
        **fields,
    }

    response = admin_client.post(reverse("wagtailsnippets_website_alertbanner:add"), data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not AlertBanner.objects.exists()


def test_an_editor_schedules_a_banner_in_the_form(admin_client, client, site):
    with time_machine.travel("2026-12-07 08:00 +0000", tick=False):
        response = admin_client.post(
            reverse("wagtailsnippets_website_alertbanner:add"),
            {
                "message": "Closed for training this afternoon.",
                "severity": "information",
                "link_url": "",
                "link_text": "",
                "go_live_at": "2026-12-07 13:00",
                "expire_at": "2026-12-07 17:00",
                "action-publish": "action-publish",
            },
        )
        assert response.status_code == 302
        admin_client.logout()
        assert banners(client.get("/")) == []
    with time_machine.travel("2026-12-07 13:00:10 +0000", tick=False):
        call_command("publish_scheduled")
        assert banners(client.get("/")) == ["Closed for training this afternoon."]
    with time_machine.travel("2026-12-07 17:00:10 +0000", tick=False):
        assert banners(client.get("/")) == []
