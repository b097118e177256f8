"""Seeds the family-services vocabulary (directory.taxonomy_seed)."""

from django.db import migrations

from directory import taxonomy_seed


def seed(apps, schema_editor):
    taxonomy_seed.seed(apps.get_model("directory", "Taxonomy"), apps.get_model("directory", "TaxonomyTerm"))


class Migration(migrations.Migration):
    dependencies = [("directory", "0005_services")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
