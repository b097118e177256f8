"""Both comms groups may publish the site-wide alert banner (website.AlertBanner)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from news.workflow import ensure_comms_groups_and_workflow


def give_comms_groups_their_permissions(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    ensure_comms_groups_and_workflow(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0002_comms_groups_and_workflow"),
        ("website", "0004_editors_publish_alert_banners"),
    ]

    operations = [
        migrations.RunPython(give_comms_groups_their_permissions, migrations.RunPython.noop),
    ]
