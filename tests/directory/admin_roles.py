"""Editors as the council's groups make them (directory/editor_groups.py, news/workflow.py),
with only their group's permissions: a hub editor keeps the hubs' pages and closes hubs; a
directory editor keeps the services and organisations. The groups get their page permissions
when the index is created, so these users are what a council's editors are, not a copy."""

from django.contrib.auth.models import Group

from directory.editor_groups import DIRECTORY_EDITORS, HUB_EDITORS, ensure_index_permissions


def make_editor(django_user_model, username: str, group_name: str, index):
    # Again, in case a test emptied the database (a live server's test does) after the
    # migration made the group.
    ensure_index_permissions(index)
    user = django_user_model.objects.create_user(username, password="a long test password")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def hub_editor(django_user_model, hub_index, username: str = "hubeditor"):
    return make_editor(django_user_model, username, HUB_EDITORS, hub_index)


def directory_editor(django_user_model, service_index, username: str = "directoryeditor"):
    return make_editor(django_user_model, username, DIRECTORY_EDITORS, service_index)
