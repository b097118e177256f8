"""PostgreSQL: an index on Wagtail's database search index for the expression its queries
filter on (`title || body`), when Elasticsearch is down and site search falls back to it.

Without it PostgreSQL has no statistics for that expression, guesses that one row matches, and
joins the pages in a nested loop: with 20,000 pages a common word took minutes. With it, the
same search takes tens of milliseconds. Other databases are left alone."""

from django.db import migrations

INDEX = "harbour_indexentry_title_body"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
            "USING gin ((title || body))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_default_synonyms"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
