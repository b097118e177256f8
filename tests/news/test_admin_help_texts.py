"""Help texts that send an editor somewhere in the admin ("under News > Press contacts") point to
a place that exists, as that editor sees the menu."""

import re

from django.apps import apps
from django.contrib.auth.models import Group
from django.test import RequestFactory

from wagtail.admin.menu import SubmenuMenuItem, admin_menu

import pytest

from news.workflow import COMMS_EDITORS

pytestmark = pytest.mark.django_db

# "under News > Press contacts", "under Settings > Users": one or more menu labels.
MENU_PLACE = re.compile(r"\bunder ((?:[A-Z][\w'-]*(?: [\w'-]+)*)(?: > [A-Z][\w'-]*(?: [\w'-]+)*)*)")


def menu_paths(user) -> set[tuple[str, ...]]:
    request = RequestFactory().get("/admin/")
    request.user = user
    paths = set()

    def walk(menu, above):
        for item in menu.menu_items_for_request(request):
            path = (*above, str(item.label))
            paths.add(path)
            if isinstance(item, SubmenuMenuItem):
                walk(item.menu, path)

    walk(admin_menu, ())
    return paths


def places_named(text: str) -> list[tuple[str, ...]]:
    return [
        tuple(part.strip(" .") for part in match.split(">")) for match in MENU_PLACE.findall(text)
    ]


def news_help_texts() -> list[tuple[str, str]]:
    texts = []
    for model in apps.get_app_config("news").get_models():
        for field in model._meta.get_fields():
            if help_text := str(getattr(field, "help_text", "") or ""):
                texts.append((f"{model.__name__}.{field.name}", help_text))
    return texts


def test_the_pattern_finds_menu_places():
    assert places_named("Manage contacts under News > Press contacts.") == [
        ("News", "Press contacts")
    ]
    assert places_named("Kept under Snippets.") == [("Snippets",)]
    assert places_named("Shown under the headline.") == []


def test_news_help_texts_name_menu_places_that_exist(django_user_model):
    comms_editor = django_user_model.objects.create_user("comms.editor", password="pw")
    comms_editor.groups.add(Group.objects.get(name=COMMS_EDITORS))
    existing = menu_paths(comms_editor)
    texts = news_help_texts()
    named = [(where, place) for where, text in texts for place in places_named(text)]

    assert ("NewsReleasePage.press_contact", ("News", "Press contacts")) in named
    missing = [(where, " > ".join(place)) for where, place in named if place not in existing]
    assert missing == []


def test_the_news_menu_offers_the_releases_listing(django_user_model, news_index):
    # The listing is offered to those who may write under a news index: the comms groups get
    # that when the index is made.
    comms_editor = django_user_model.objects.create_user("comms.editor", password="pw")
    comms_editor.groups.add(Group.objects.get(name=COMMS_EDITORS))

    assert ("News", "News releases") in menu_paths(comms_editor)
