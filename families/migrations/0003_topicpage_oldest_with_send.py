from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("families", "0002_start_for_life_offer"),
    ]

    operations = [
        migrations.AddField(
            model_name="topicpage",
            name="oldest_with_send",
            field=models.PositiveSmallIntegerField(
                blank=True,
                help_text="Also list services up to this age for young people with special "
                "educational needs and disabilities: those filed under SEND (for example 25).",
                null=True,
                verbose_name="oldest age with SEND",
            ),
        ),
    ]
