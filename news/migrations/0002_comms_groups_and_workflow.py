"""The "Comms editors" and "Comms approvers" groups, the "Comms approval" task and the
"Comms sign-off" workflow (see news/workflow.py). Applying the workflow to the news index
happens when the index is created: it does not exist yet."""

from django.db import migrations

from news.workflow import ensure_comms_groups_and_workflow
from website.permissions import create_permissions_now


def create_comms_groups_and_workflow(apps, schema_editor):
    create_permissions_now(apps)
    ensure_comms_groups_and_workflow(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0001_releases_topics_press_contacts"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.RunPython(create_comms_groups_and_workflow, migrations.RunPython.noop),
    ]
