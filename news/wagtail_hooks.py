"""The admin's "News" menu: the managed list of topics and the press contacts."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import NewsTopic, PressContact


class NewsTopicViewSet(SnippetViewSet):
    model = NewsTopic
    icon = "tag"
    menu_label = "Topics"
    list_display = ["name", "slug", "description"]
    search_fields = ["name", "description"]


class PressContactViewSet(SnippetViewSet):
    model = PressContact
    icon = "user"
    menu_label = "Press contacts"
    list_display = ["name", "role", "phone", "email"]
    search_fields = ["name", "role", "email"]


class NewsSnippets(SnippetViewSetGroup):
    items = (NewsTopicViewSet, PressContactViewSet)
    menu_label = "News"
    menu_icon = "doc-full"
    menu_order = 250


register_snippet(NewsSnippets)
