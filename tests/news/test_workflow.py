"""Comms sign-off: comms editors draft and submit releases but cannot publish them; comms
approvers approve (which publishes) or publish; Wagtail records who did what."""

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import GroupApprovalTask, TaskState, WorkflowPage, WorkflowState

import pytest

from news.models import NewsReleasePage
from news.workflow import COMMS_APPROVERS, COMMS_EDITORS, WORKFLOW_NAME

from .admin_forms import add_release_url, edit_url, release_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def comms_editor(django_user_model):
    user = django_user_model.objects.create_user("comms.editor", "editor@example.gov.uk", "pw")
    user.groups.add(Group.objects.get(name=COMMS_EDITORS))
    return user


@pytest.fixture
def comms_approver(django_user_model):
    user = django_user_model.objects.create_user("comms.approver", "approver@example.gov.uk", "pw")
    user.groups.add(Group.objects.get(name=COMMS_APPROVERS))
    return user


def client_for(client, user):
    client.force_login(user)
    return client


def test_groups_and_workflow_come_with_the_database():
    """Migration 0002: on a database with no news index yet."""
    editors = Group.objects.get(name=COMMS_EDITORS)
    approvers = Group.objects.get(name=COMMS_APPROVERS)
    task = GroupApprovalTask.objects.get(workflow_tasks__workflow__name=WORKFLOW_NAME)

    assert list(task.groups.all()) == [approvers]
    assert editors.permissions.filter(codename="access_admin").exists()
    assert not editors.permissions.filter(codename="add_newstopic").exists()
    assert approvers.permissions.filter(codename="add_newstopic").exists()
    assert editors.collection_permissions.filter(permission__codename="add_image").exists()


def test_a_new_news_index_gets_the_workflow_and_page_permissions(news_index):
    assert WorkflowPage.objects.get(page=news_index).workflow.name == WORKFLOW_NAME
    permissions = {
        (permission.group.name, permission.permission.codename)
        for permission in news_index.group_permissions.select_related("group", "permission")
    }
    assert (COMMS_EDITORS, "add_page") in permissions
    assert (COMMS_EDITORS, "publish_page") not in permissions
    assert (COMMS_APPROVERS, "publish_page") in permissions


def test_a_comms_editor_cannot_publish(client, news_index, comms_editor):
    editor = client_for(client, comms_editor)

    response = editor.post(
        add_release_url(news_index), release_form_data("Hub opens", "hub-opens", action="publish")
    )

    assert response.status_code == 302
    release = NewsReleasePage.objects.get(slug="hub-opens")
    assert not release.live, "saved as a draft, not published"
    assert release.first_published_at is None
    assert not WorkflowState.objects.filter(object_id=str(release.pk)).exists()
    edit_page = editor.get(edit_url(release)).content.decode()
    assert 'name="action-publish"' not in edit_page
    assert 'name="action-submit"' in edit_page


def test_editor_submits_approver_approves_and_the_release_goes_out(
    client, news_index, comms_editor, comms_approver
):
    editor = client_for(client, comms_editor)
    editor.post(add_release_url(news_index), release_form_data("Hub opens", "hub-opens"))
    release = NewsReleasePage.objects.get(slug="hub-opens")

    response = editor.post(
        edit_url(release), release_form_data("Hub opens", "hub-opens", action="submit")
    )

    assert response.status_code == 302
    workflow_state = WorkflowState.objects.get(object_id=str(release.pk))
    assert workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert workflow_state.workflow.name == WORKFLOW_NAME
    assert workflow_state.requested_by == comms_editor
    task_state = workflow_state.current_task_state
    assert task_state.task.name == "Comms approval"
    assert not NewsReleasePage.objects.get(pk=release.pk).live, "awaiting approval"

    # The editor cannot approve their own release: Wagtail's admin answers a refusal with a
    # redirect to the dashboard and a "permission" message.
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=[release.pk, "approve", task_state.pk]
    )
    refused = editor.post(approve_url, {"comment": ""}, follow=True)
    assert refused.redirect_chain[0] == ("/admin/", 302)
    assert "permission" in refused.content.decode()
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_IN_PROGRESS
    assert not NewsReleasePage.objects.get(pk=release.pk).live

    approver = client_for(client, comms_approver)
    response = approver.post(approve_url, {"comment": "Checked with legal."})

    assert response.status_code == 302
    release = NewsReleasePage.objects.get(pk=release.pk)
    assert release.live
    assert release.release_date == release.first_published_at
    workflow_state.refresh_from_db()
    assert workflow_state.status == WorkflowState.STATUS_APPROVED
    task_state = TaskState.objects.get(pk=task_state.pk)
    assert task_state.status == TaskState.STATUS_APPROVED
    assert task_state.finished_by == comms_approver
    assert task_state.comment == "Checked with legal."
    assert client.get("/news/hub-opens/").status_code == 200


def test_an_approver_can_publish_directly(client, news_index, comms_approver):
    approver = client_for(client, comms_approver)

    approver.post(
        add_release_url(news_index), release_form_data("Hub opens", "hub-opens", action="publish")
    )

    assert NewsReleasePage.objects.get(slug="hub-opens").live


def test_an_approved_release_with_a_go_live_time_waits_for_it(
    client, news_index, comms_editor, comms_approver
):
    """Approval and embargo together: approving schedules; it does not publish early."""
    editor = client_for(client, comms_editor)
    editor.post(
        add_release_url(news_index),
        release_form_data(
            "Budget agreed", "budget-agreed", action="submit", go_live_at="2099-01-05 09:00"
        ),
    )
    release = NewsReleasePage.objects.get(slug="budget-agreed")
    task_state = WorkflowState.objects.get(object_id=str(release.pk)).current_task_state

    approver = client_for(client, comms_approver)
    approver.post(
        reverse("wagtailadmin_pages:workflow_action", args=[release.pk, "approve", task_state.pk]),
        {"comment": ""},
    )

    release = NewsReleasePage.objects.get(pk=release.pk)
    assert not release.live
    assert release.get_latest_revision().approved_go_live_at is not None
    assert client.get("/news/budget-agreed/").status_code == 404
