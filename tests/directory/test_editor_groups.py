"""The hub and directory editor groups every database has (migration 0014), and their page
permissions on the index each keeps, however and whenever that index is made."""

from django.contrib.auth.models import Group

import pytest

from directory.editor_groups import DIRECTORY_EDITORS, HUB_EDITORS, ensure_index_permissions
from tests.directory.factories import hub_index
from tests.directory.service_factories import service_index

pytestmark = pytest.mark.django_db


def page_permissions(group_name: str) -> set[tuple[str, str]]:
    group = Group.objects.get(name=group_name)
    return {
        (permission.page.specific_class.__name__, permission.permission.codename)
        for permission in group.page_permissions.select_related("page", "permission")
    }


def test_the_migration_made_both_groups_with_their_admin_permissions():
    hub_editors = Group.objects.get(name=HUB_EDITORS)
    directory_editors = Group.objects.get(name=DIRECTORY_EDITORS)
    # At least these: Wagtail's own migrations may give every group more (choosing documents).
    assert set(hub_editors.permissions.values_list("codename", flat=True)) >= {
        "access_admin",
        "close_hubs",
    }
    assert "close_hubs" not in directory_editors.permissions.values_list("codename", flat=True)
    assert set(directory_editors.permissions.values_list("codename", flat=True)) >= {
        "access_admin",
        "add_organisation",
        "change_organisation",
        "view_organisation",
    }
    for group in (hub_editors, directory_editors):
        assert set(group.collection_permissions.values_list("permission__codename", flat=True)) >= {
            "add_image",
            "choose_image",
        }


def test_a_new_index_gives_its_group_add_edit_and_publish_there_and_nothing_to_the_other(
    home_page,
):
    hub_index(home_page)
    service_index(home_page)
    assert page_permissions(HUB_EDITORS) == {
        ("FamilyHubIndexPage", "add_page"),
        ("FamilyHubIndexPage", "change_page"),
        ("FamilyHubIndexPage", "publish_page"),
    }
    assert page_permissions(DIRECTORY_EDITORS) == {
        ("ServiceIndexPage", "add_page"),
        ("ServiceIndexPage", "change_page"),
        ("ServiceIndexPage", "publish_page"),
    }


def test_giving_the_permissions_again_changes_nothing(home_page):
    index = hub_index(home_page)
    ensure_index_permissions(index)
    ensure_index_permissions(home_page)
    assert len(page_permissions(HUB_EDITORS)) == 3
    assert Group.objects.get(name=HUB_EDITORS).page_permissions.count() == 3


def test_the_groups_come_back_after_the_database_is_emptied(home_page):
    Group.objects.filter(name__in=[HUB_EDITORS, DIRECTORY_EDITORS]).delete()
    hub_index(home_page)
    assert page_permissions(HUB_EDITORS) == {
        ("FamilyHubIndexPage", "add_page"),
        ("FamilyHubIndexPage", "change_page"),
        ("FamilyHubIndexPage", "publish_page"),
    }
