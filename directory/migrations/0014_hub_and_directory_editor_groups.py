"""The "Hub editors" and "Directory editors" groups (see directory/editor_groups.py), with their
page permissions on the hubs' and services' indexes that exist already; an index made later gets
them when it is created."""

from django.db import migrations

from directory.editor_groups import ensure_editor_groups, ensure_index_permissions
from website.permissions import create_permissions_now


def create_editor_groups(apps, schema_editor):
    create_permissions_now(apps)
    ensure_editor_groups(apps)
    for model_name in ("FamilyHubIndexPage", "ServiceIndexPage"):
        for index in apps.get_model("directory", model_name).objects.all():
            ensure_index_permissions(index, apps)


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0013_opening_hours_review"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.RunPython(create_editor_groups, migrations.RunPython.noop),
    ]
