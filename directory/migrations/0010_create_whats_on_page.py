"""A What's on page under the home page, if there is a home page and no such page yet, so
/whats-on/ works at once and editors can give it an introduction."""

from django.db import migrations

SLUG = "whats-on"
# Treebeard's materialised path: four base-36 digits a level.
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEP = 4


def next_step(step: str) -> str:
    number = 0
    for digit in step:
        number = number * len(ALPHABET) + ALPHABET.index(digit)
    number += 1
    digits = ""
    for _ in range(STEP):
        number, remainder = divmod(number, len(ALPHABET))
        digits = ALPHABET[remainder] + digits
    return digits


def create_whats_on_page(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    HomePage = apps.get_model("website", "HomePage")
    WhatsOnPage = apps.get_model("directory", "WhatsOnPage")
    ContentType = apps.get_model("contenttypes", "ContentType")
    if WhatsOnPage.objects.exists():
        return
    home = HomePage.objects.order_by("path").first()
    if home is None:
        return  # a new site: the demo loader (or an editor) adds it
    if Page.objects.filter(path__startswith=home.path, depth=home.depth + 1, slug=SLUG).exists():
        return  # the address is taken by another page
    last_child = (
        Page.objects.filter(path__startswith=home.path, depth=home.depth + 1)
        .order_by("-path")
        .first()
    )
    step = next_step(last_child.path[-STEP:]) if last_child else "0001"
    content_type, _ = ContentType.objects.get_or_create(app_label="directory", model="whatsonpage")
    WhatsOnPage.objects.create(
        title="What's on",
        draft_title="What's on",
        slug=SLUG,
        summary="Sessions and events at the family hubs for the next four weeks.",
        content_type=content_type,
        path=home.path + step,
        depth=home.depth + 1,
        numchild=0,
        url_path=f"{home.url_path}{SLUG}/",
        locale_id=home.locale_id,
        live=True,
    )
    Page.objects.filter(pk=home.pk).update(numchild=home.numchild + 1)


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0009_whats_on_and_hub_events"),
        ("website", "0004_editors_publish_alert_banners"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_whats_on_page, migrations.RunPython.noop)]
