"""The directory's editor roles, as groups every database has: hub editors keep the family hubs'
pages (opening times, closures, events, photos) and may close many hubs at once; directory
editors keep the services and the organisations that run them.

`ensure_editor_groups` makes the two groups and their site-wide permissions. Migration 0014 runs
it (with the migration's historical models, hence the `apps` argument). `ensure_index_permissions`
gives a group its page permissions on the index it keeps (the hubs' index, the services' index),
and so on every page under it. It runs whenever such an index is created (see apps.py) and for
the indexes that exist when the migration runs. Both are safe to run again. The comms groups
are news/workflow.py's."""

from django.apps import apps as django_apps

HUB_EDITORS = "Hub editors"
DIRECTORY_EDITORS = "Directory editors"

# Site-wide permissions, as (app label, codename).
MODEL_PERMISSIONS = {
    HUB_EDITORS: [
        ("wagtailadmin", "access_admin"),
        ("directory", "close_hubs"),
    ],
    DIRECTORY_EDITORS: [
        ("wagtailadmin", "access_admin"),
        ("directory", "add_organisation"),
        ("directory", "change_organisation"),
        ("directory", "view_organisation"),
    ],
}
# On the root collection: hub photos and service images.
COLLECTION_PERMISSIONS = [("wagtailimages", "add_image"), ("wagtailimages", "choose_image")]
# On the index each group keeps, so on every page under it: edit and publish at once (opening
# times must be right today, not after a sign-off), never delete.
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]
GROUP_FOR_INDEX = {
    "familyhubindexpage": HUB_EDITORS,
    "serviceindexpage": DIRECTORY_EDITORS,
}


def _permission(apps, app_label: str, codename: str):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def ensure_editor_groups(apps=django_apps) -> dict:
    """Returns {group name: group}."""
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_collection = Collection.objects.filter(depth=1).order_by("path").first()
    groups = {}
    for name, model_permissions in MODEL_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*(_permission(apps, *key) for key in model_permissions))
        if root_collection is not None:
            for key in COLLECTION_PERMISSIONS:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=_permission(apps, *key)
                )
        groups[name] = group
    return groups


def ensure_index_permissions(index, apps=django_apps) -> None:
    """Give the group that keeps `index` (a hubs' or services' index) its page permissions
    there; nothing for any other page."""
    group_name = GROUP_FOR_INDEX.get(index._meta.model_name)
    if group_name is None:
        return
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    group = ensure_editor_groups(apps)[group_name]
    for codename in PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page_id=index.pk,
            permission=_permission(apps, "wagtailcore", codename),
        )
