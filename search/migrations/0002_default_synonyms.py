"""A starting list of local synonyms, for editors to change (copied here, not imported, so this
migration does not change when the code does)."""

from django.db import migrations

DEFAULT_LOCAL_SYNONYMS = (
    "nursery, childcare, early years",
    "send, special educational needs, special needs",
    "mum, mother",
    "dad, father",
    "breastfeeding, infant feeding",
    "health visitor, health visiting",
    "speech therapy, speech and language",
)


def add_default_synonyms(apps, schema_editor):
    SearchSynonym = apps.get_model("search", "SearchSynonym")
    for terms in DEFAULT_LOCAL_SYNONYMS:
        SearchSynonym.objects.get_or_create(terms=terms)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(add_default_synonyms, migrations.RunPython.noop)]
