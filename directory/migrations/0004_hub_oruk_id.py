import uuid

from django.db import migrations, models


def give_each_hub_an_id(apps, schema_editor):
    FamilyHubPage = apps.get_model("directory", "FamilyHubPage")
    for hub in FamilyHubPage.objects.only("pk"):
        FamilyHubPage.objects.filter(pk=hub.pk).update(oruk_id=uuid.uuid4())


class Migration(migrations.Migration):
    # Added as nullable, filled one row at a time (a column default would give every existing
    # hub the same value), then made unique.
    dependencies = [("directory", "0003_drop_postcode_pattern_index")]

    operations = [
        migrations.AddField(
            model_name="familyhubpage",
            name="oruk_id",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(give_each_hub_an_id, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="familyhubpage",
            name="oruk_id",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
    ]
