"""Editors as the council's groups make them, with only their group's permissions: a hub editor
keeps the hubs' pages and closes hubs; a directory editor keeps the services and organisations."""

from django.contrib.auth.models import Group, Permission

from wagtail.models import GroupPagePermission

PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]


def _group(name: str, codenames: list[str], pages) -> Group:
    group = Group.objects.create(name=name)
    group.permissions.add(*Permission.objects.filter(codename__in=codenames))
    for page in pages:
        for codename in PAGE_PERMISSIONS:
            GroupPagePermission.objects.create(
                group=group,
                page=page,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
    return group


def make_editor(django_user_model, username: str, group: Group):
    user = django_user_model.objects.create_user(username, password="a long test password")
    user.groups.add(group)
    return user


def hub_editor(django_user_model, hub_index, username: str = "hubeditor"):
    group = _group("Hub editors", ["access_admin", "close_hubs"], [hub_index])
    return make_editor(django_user_model, username, group)


def directory_editor(django_user_model, service_index, username: str = "directoryeditor"):
    group = _group(
        "Directory editors",
        [
            "access_admin",
            "add_organisation",
            "change_organisation",
            "view_organisation",
        ],
        [service_index],
    )
    return make_editor(django_user_model, username, group)
