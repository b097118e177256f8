"""Wagtail's "Editors" and "Moderators" groups (directory and hub editors) may publish the
site-wide alert banner; the comms groups get it from the news app."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ("Editors", "Moderators")
CODENAMES = (
    "add_alertbanner",
    "change_alertbanner",
    "delete_alertbanner",
    "publish_alertbanner",
    "view_alertbanner",
)


def give_editors_alert_banners(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    # Wagtail adds "publish" for snippets with a draft state after the last migration has run:
    # these groups need it now.
    content_type, _ = ContentType.objects.get_or_create(app_label="website", model="alertbanner")
    Permission.objects.get_or_create(
        content_type=content_type,
        codename="publish_alertbanner",
        defaults={"name": "Can publish alert banner"},
    )
    permissions = Permission.objects.filter(
        content_type__app_label="website", codename__in=CODENAMES
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0003_alert_banners"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(give_editors_alert_banners, migrations.RunPython.noop),
    ]
