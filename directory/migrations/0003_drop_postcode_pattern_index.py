from django.db import migrations


def drop_pattern_index(apps, schema_editor):
    """PostgreSQL: Django gives a CharField primary key a second, varchar_pattern_ops index for
    LIKE queries. Postcodes are only ever looked up whole, so it only slows imports down."""
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'directory_postcodelocation' "
            "AND indexname LIKE %s",
            ["%\\_like"],
        )
        for (name,) in cursor.fetchall():
            cursor.execute(f'DROP INDEX IF EXISTS "{name}"')



class Migration(migrations.Migration):
    # Its own migration: Django creates the pattern index at the very end of the migration
    # that creates the table.
    dependencies = [("directory", "0002_postcode_store")]

    operations = [migrations.RunPython(drop_pattern_index, migrations.RunPython.noop)]
