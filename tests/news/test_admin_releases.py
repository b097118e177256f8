"""The comms officer's admin: the "News releases" listing, the "Embargoed until" field, the
confirmations that say when a release goes live, the go-live preview and the dashboard panels.
Each as a user with only their comms group's permissions. The clock is fixed at Tuesday
1 December 2026, a week before the embargo the tests set."""

import re
from datetime import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest
import time_machine
from bs4 import BeautifulSoup

from news.models import NewsReleasePage
from news.release_dates import LONDON

from .admin_forms import add_release_url, edit_url, release_form_data
from .factories import NewsReleasePageFactory, NewsTopicFactory, publish

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 12, 1, 10, 0, tzinfo=LONDON)
EMBARGO = "2026-12-08 09:00"
EMBARGO_WORDS = "09:00 on Tuesday 8 December 2026"
LISTING = "/admin/news_releases/"


@pytest.fixture(autouse=True)
def fixed_clock():
    with time_machine.travel(NOW, tick=False):
        yield


def as_user(client, user):
    client.force_login(user)
    return client


def html(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def draft(client, editor, news_index, title, **fields):
    as_user(client, editor).post(
        add_release_url(news_index), release_form_data(title, slug(title), **fields)
    )
    return NewsReleasePage.objects.get(slug=slug(title))


def slug(title):
    return title.lower().replace(" ", "-")


def submit(client, editor, release, **fields):
    response = as_user(client, editor).post(
        edit_url(release),
        release_form_data(release.title, release.slug, action="submit", **fields),
    )
    assert response.status_code == 302
    return NewsReleasePage.objects.get(pk=release.pk)


def approve(client, approver, release, **fields):
    """Approve from the release's edit page, as an approver does from the action menu."""
    data = release_form_data(release.title, release.slug, **fields)
    data["action-workflow-action"] = "true"
    data["workflow-action-name"] = "approve"
    return as_user(client, approver).post(edit_url(release), data, follow=True)


@pytest.fixture
def releases(client, news_index, comms_editor, comms_approver):
    """One release in each state, the topics spread over them."""
    consultations = NewsTopicFactory(name="Consultations", slug="consultations")
    new_hubs = NewsTopicFactory(name="New hubs", slug="new-hubs")
    draft(client, comms_editor, news_index, "Draft news", topics=[consultations])
    submit(client, comms_editor, draft(client, comms_editor, news_index, "Waiting news"))
    embargoed = draft(client, comms_editor, news_index, "Embargoed news", topics=[new_hubs])
    submit(client, comms_editor, embargoed, go_live_at=EMBARGO, topics=[new_hubs])
    approve(client, comms_approver, embargoed, go_live_at=EMBARGO, topics=[new_hubs])
    publish(NewsReleasePageFactory(parent=news_index, title="Live news", owner=comms_approver))
    client.logout()
    return {"consultations": consultations, "new_hubs": new_hubs}


def listing_rows(response) -> dict[str, dict[str, str]]:
    assert response.status_code == 200
    table = html(response).select_one("table.listing")
    headers = [th.get_text(" ", strip=True) for th in table.select("thead th")]
    rows = {}
    for tr in table.select("tbody tr"):
        texts = [td.get_text(" ", strip=True) for td in tr.select("td")]
        cells = dict(zip(headers, texts, strict=True))
        title = tr.select_one("td.title a").get_text(strip=True)
        rows[title] = cells
    return rows


def test_listing_shows_title_state_topics_and_author(client, releases, comms_editor):
    rows = listing_rows(as_user(client, comms_editor).get(LISTING))

    assert set(rows) == {"Draft news", "Waiting news", "Embargoed news", "Live news"}
    states = {title: row["State"] for title, row in rows.items()}
    assert states == {
        "Draft news": "Draft",
        "Waiting news": "In sign-off",
        "Embargoed news": f"Embargoed until {EMBARGO_WORDS}",
        "Live news": "Live",
    }
    assert rows["Draft news"]["Topics"] == "Consultations"
    assert rows["Embargoed news"]["Topics"] == "New hubs"
    assert "Cara Editor" in rows["Draft news"]["Author"]
    assert "Amir Approver" in rows["Live news"]["Author"]


@pytest.mark.parametrize(
    ("state", "titles"),
    [
        ("draft", {"Draft news"}),
        ("in-sign-off", {"Waiting news"}),
        ("embargoed", {"Embargoed news"}),
        ("live", {"Live news"}),
    ],
)
def test_listing_filters_by_state(client, releases, comms_editor, state, titles):
    rows = listing_rows(as_user(client, comms_editor).get(LISTING, {"state": state}))

    assert set(rows) == titles


def test_listing_filters_by_topic_and_searches(client, releases, comms_editor):
    editor = as_user(client, comms_editor)

    by_topic = listing_rows(editor.get(LISTING, {"topics": releases["new_hubs"].pk}))
    searched = listing_rows(editor.get(LISTING, {"q": "Waiting"}))

    assert set(by_topic) == {"Embargoed news"}
    assert set(searched) == {"Waiting news"}


def test_listing_refuses_an_unknown_state_without_an_error(client, releases, comms_editor):
    response = as_user(client, comms_editor).get(LISTING, {"state": "nonsense"})

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


# PostgreSQL casts the path (`"path"::text LIKE`), SQLite does not.
WAGTAIL_DESCENDANTS_CHECK = re.compile(
    r'^SELECT 1 AS "a" FROM "wagtailcore_page" WHERE \("wagtailcore_page"\."path"(::text)? LIKE'
)


def ours(queries) -> list[str]:
    """The queries of the listing less Wagtail's own per-row check, for its row actions, of
    whether a page has live pages below it (a release never has)."""
    return [
        query["sql"]
        for query in queries.captured_queries
        if not WAGTAIL_DESCENDANTS_CHECK.match(query["sql"])
    ]


def test_listing_query_count_does_not_grow_with_releases(
    client, news_index, comms_editor, comms_approver
):
    editor = as_user(client, comms_editor)
    NewsReleasePageFactory(parent=news_index, title="One", owner=comms_approver)
    editor.get(LISTING)  # warm caches (content types, site)
    with CaptureQueriesContext(connection) as one:
        editor.get(LISTING)
    topic = NewsTopicFactory()
    for number in range(5):
        release = NewsReleasePageFactory(
            parent=news_index, title=f"More {number}", owner=comms_editor
        )
        release.topics.add(topic)
    with CaptureQueriesContext(connection) as six:
        assert len(listing_rows(editor.get(LISTING))) == 6

    assert len(ours(six)) == len(ours(one))


def test_the_form_has_embargoed_until_near_the_top_in_london_time(client, news_index, comms_editor):
    page = html(as_user(client, comms_editor).get(add_release_url(news_index)))

    fields = page.select('[name="go_live_at"]')
    assert len(fields) == 1, "one go-live field, not a second in the scheduling dialog"
    content_tab = page.select_one("#tab-content")
    names = [field["name"] for field in content_tab.select("input[name], textarea[name]")]
    assert names.index("go_live_at") < names.index("release_date")
    assert "go_live_at" in names[:6]
    label = page.select_one('label[for="id_go_live_at"]').get_text(strip=True)
    assert label.startswith("Embargoed until")
    assert "Europe/London" in page.select_one("#panel-child-content-go_live_at-section").get_text()


def test_the_embargo_survives_saving_submitting_and_approving(
    client, news_index, comms_editor, comms_approver
):
    release = draft(client, comms_editor, news_index, "Hub opens", go_live_at=EMBARGO)
    tuesday_9am = datetime(2026, 12, 8, 9, 0, tzinfo=LONDON)
    assert release.get_latest_revision_as_object().go_live_at == tuesday_9am

    edit_form = html(client.get(edit_url(release)))
    assert edit_form.select_one('[name="go_live_at"]')["value"] == EMBARGO

    release = submit(client, comms_editor, release, go_live_at=EMBARGO)
    assert release.get_latest_revision_as_object().go_live_at == tuesday_9am
    assert release.state_label == "In sign-off"

    approve(client, comms_approver, release, go_live_at=EMBARGO)

    release = NewsReleasePage.objects.get(pk=release.pk)
    assert not release.live
    assert release.embargoed_until == tuesday_9am
    assert release.state_label == f"Embargoed until {EMBARGO_WORDS}"


def test_approval_says_when_the_release_goes_live(client, news_index, comms_editor, comms_approver):
    release = draft(client, comms_editor, news_index, "Hub opens", go_live_at=EMBARGO)
    release = submit(client, comms_editor, release, go_live_at=EMBARGO)

    response = approve(client, comms_approver, release, go_live_at=EMBARGO)

    page = response.content.decode()
    assert f"&#x27;Hub opens&#x27; is scheduled to go live at {EMBARGO_WORDS}." in page
    assert "has been updated" not in page


def test_approval_without_embargo_says_it_is_live(client, news_index, comms_editor, comms_approver):
    release = submit(client, comms_editor, draft(client, comms_editor, news_index, "Hub opens"))

    response = approve(client, comms_approver, release)

    assert "&#x27;Hub opens&#x27; has been approved and is now live." in response.content.decode()
    assert NewsReleasePage.objects.get(pk=release.pk).live


def approve_from_wagtails_workflow_buttons(client, approver, release):
    """As the dashboard's "Awaiting your review" and the status side panel do: Wagtail's own
    workflow action view, not the editor."""
    task_state = release.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[release.pk, "approve", task_state.pk])
    return as_user(client, approver).post(url, {"comment": ""}, follow=True)


def test_approval_from_wagtails_workflow_buttons_says_when_it_goes_live(
    client, news_index, comms_editor, comms_approver
):
    release = draft(client, comms_editor, news_index, "Hub opens", go_live_at=EMBARGO)
    release = submit(client, comms_editor, release, go_live_at=EMBARGO)

    response = approve_from_wagtails_workflow_buttons(client, comms_approver, release)

    assert response.status_code == 200
    assert f"&#x27;Hub opens&#x27; is scheduled to go live at {EMBARGO_WORDS}." in (
        response.content.decode()
    )
    release = NewsReleasePage.objects.get(pk=release.pk)
    assert release.state_label == f"Embargoed until {EMBARGO_WORDS}"


def test_approval_from_wagtails_workflow_buttons_without_embargo_says_it_is_live(
    client, news_index, comms_editor, comms_approver
):
    release = submit(client, comms_editor, draft(client, comms_editor, news_index, "Hub opens"))

    response = approve_from_wagtails_workflow_buttons(client, comms_approver, release)

    assert "&#x27;Hub opens&#x27; has been approved and is now live." in response.content.decode()
    assert NewsReleasePage.objects.get(pk=release.pk).live


def test_a_comms_editor_cannot_approve_from_wagtails_workflow_buttons(
    client, news_index, comms_editor
):
    release = submit(client, comms_editor, draft(client, comms_editor, news_index, "Hub opens"))

    response = approve_from_wagtails_workflow_buttons(client, comms_editor, release)

    # Wagtail's admin answers a refusal by going back to the dashboard, with a message.
    assert "Sorry, you do not have permission" in response.content.decode()
    release = NewsReleasePage.objects.get(pk=release.pk)
    assert not release.live
    assert release.workflow_in_progress


def test_publishing_with_an_embargo_says_when_it_goes_live(client, news_index, comms_approver):
    response = as_user(client, comms_approver).post(
        add_release_url(news_index),
        release_form_data("Hub opens", "hub-opens", action="publish", go_live_at=EMBARGO),
        follow=True,
    )

    page = response.content.decode()
    assert f"&#x27;Hub opens&#x27; is scheduled to go live at {EMBARGO_WORDS}." in page
    assert "created and scheduled for publishing" not in page
    assert not NewsReleasePage.objects.get(slug="hub-opens").live


@pytest.mark.parametrize(
    ("go_live_at", "message"),
    [
        ("2026-11-30 09:00", "The embargo time has passed."),
        ("2026-13-45 99:00", "Enter the embargo as a date and a time"),
    ],
)
def test_a_bad_embargo_reshows_the_form_with_a_clear_message(
    client, news_index, comms_editor, go_live_at, message
):
    response = as_user(client, comms_editor).post(
        add_release_url(news_index),
        release_form_data(
            "Hub opens", "hub-opens", summary="Penn opens on Monday.", go_live_at=go_live_at
        ),
    )

    assert response.status_code == 200
    page = html(response)
    error = page.select_one("#panel-child-content-go_live_at-section .error-message")
    assert message in error.get_text()
    assert page.select_one('[name="title"]')["value"] == "Hub opens"
    assert page.select_one('[name="summary"]').get_text().strip() == "Penn opens on Monday."
    assert page.select_one('[name="go_live_at"]')["value"] == go_live_at
    assert not NewsReleasePage.objects.filter(slug="hub-opens").exists()


def test_a_live_release_keeps_its_past_go_live_time_when_corrected(
    client, news_index, comms_approver
):
    """Once out, a release's go-live time is in the past: correcting it must not be refused."""
    with time_machine.travel(datetime(2026, 11, 20, 8, 0, tzinfo=LONDON), tick=False):
        release = NewsReleasePageFactory(
            parent=news_index,
            title="Hub opens",
            go_live_at=datetime(2026, 11, 20, 9, 0, tzinfo=LONDON),
        )
        publish(release)
    release = NewsReleasePage.objects.get(pk=release.pk)
    release.save_revision().publish()  # the scheduler, after 09:00 on 20 November
    release = NewsReleasePage.objects.get(pk=release.pk)
    assert release.live

    response = as_user(client, comms_approver).post(
        edit_url(release),
        release_form_data(
            "Hub opens (corrected)", release.slug, action="publish", go_live_at="2026-11-20 09:00"
        ),
    )

    assert response.status_code == 302
    assert NewsReleasePage.objects.get(pk=release.pk).title == "Hub opens (corrected)"


def test_preview_as_it_will_appear_at_go_live(client, news_index, comms_editor):
    release = draft(client, comms_editor, news_index, "Hub opens", go_live_at=EMBARGO)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[release.pk])
    data = release_form_data("Hub opens", release.slug, go_live_at=EMBARGO)
    assert client.post(url, data).json()["is_valid"]

    edit_page = html(client.get(edit_url(release)))
    modes = [option.get_text(strip=True) for option in edit_page.select("select option")]
    assert "Preview as it will appear at go-live" in modes

    plain = html(client.get(url))
    at_go_live = html(client.get(url, {"mode": "go-live"}))

    assert "Draft" in plain.select_one(".news-release__preview-state").get_text()
    assert at_go_live.select_one(".news-release__preview-state") is None
    date = at_go_live.select_one(".news-release__date time")
    assert date.get_text() == "8 December 2026"
    assert date["datetime"].startswith("2026-12-08T09:00:00")


def test_dashboard_panels_for_comms_approvers_and_editors(
    client, releases, comms_editor, comms_approver, news_index
):
    submit(
        client,
        comms_editor,
        draft(client, comms_editor, news_index, "Asks for Tuesday"),
        go_live_at=EMBARGO,
    )

    approver_page = html(as_user(client, comms_approver).get("/admin/"))
    awaiting = approver_page.select_one("#news-awaiting-sign-off-content")
    awaiting_rows = [tr.get_text(" ", strip=True) for tr in awaiting.select("tbody tr")]
    assert len(awaiting_rows) == 2
    assert any("Waiting news" in row and "Cara Editor" in row for row in awaiting_rows)
    assert any("Asks for Tuesday" in row and EMBARGO_WORDS in row for row in awaiting_rows)
    assert not any("Draft news" in row or "Embargoed news" in row for row in awaiting_rows)

    editor_page = html(as_user(client, comms_editor).get("/admin/"))
    going_live = editor_page.select_one("#news-going-live-soon-content")
    rows = [tr.get_text(" ", strip=True) for tr in going_live.select("tbody tr")]
    assert rows == [f"Embargoed news Embargoed until {EMBARGO_WORDS}"]
    assert editor_page.select_one("#news-awaiting-sign-off-content") is None, "approvers only"


def test_dashboard_panels_are_for_the_comms_groups_only(client, releases, django_user_model):
    from django.contrib.auth.models import Permission

    someone = django_user_model.objects.create_user("hub.editor", "hub@example.gov.uk", "pw")
    someone.user_permissions.add(Permission.objects.get(codename="access_admin"))

    page = as_user(client, someone).get("/admin/").content.decode()

    assert "Awaiting your sign-off" not in page
    assert "Embargoed, going live soon" not in page


def test_an_approver_with_nothing_to_sign_off_is_told_so(client, news_index, comms_approver):
    page = html(as_user(client, comms_approver).get("/admin/"))

    awaiting = page.select_one("#news-awaiting-sign-off-content").get_text(" ", strip=True)
    going_live = page.select_one("#news-going-live-soon-content").get_text(" ", strip=True)
    assert awaiting == "No news release is waiting for your sign-off."
    assert going_live == "No embargoed news release is waiting to go live."


def test_the_news_releases_menu_item_is_for_those_who_write_releases(
    client, news_index, comms_editor, comms_approver, django_user_model, home_page
):
    from tests.directory.admin_roles import hub_editor
    from tests.directory.factories import hub_index

    def menu_labels(user) -> str:
        response = as_user(client, user).get("/admin/")
        assert response.status_code == 200
        return response.content.decode()

    assert "News releases" in menu_labels(comms_editor)
    assert "News releases" in menu_labels(comms_approver)
    # A hub editor keeps hubs: the listing would be empty, so the menu does not offer it.
    assert "News releases" not in menu_labels(hub_editor(django_user_model, hub_index(home_page)))
