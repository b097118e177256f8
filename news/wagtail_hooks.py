"""The admin's "News" menu (the releases, the managed list of topics, the press contacts), the
comms team's dashboard panels, and confirmations that say when a release goes live."""

from django.contrib import messages

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_listing import NewsReleaseListingViewSet
from .admin_panels import AwaitingSignOffPanel, GoingLiveSoonPanel, comms_groups_of
from .models import NewsReleasePage, NewsTopic, PressContact
from .release_dates import ReleaseState, approved_live_message, scheduled_message
from .workflow import COMMS_APPROVERS


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


class NewsMenu(SnippetViewSetGroup):
    # The releases are pages, listed by Wagtail's page listing for their type; the group
    # registers each item's views and puts them under one menu item.
    items = (NewsReleaseListingViewSet, NewsTopicViewSet, PressContactViewSet)
    menu_label = "News"
    menu_icon = "doc-full"
    menu_order = 250


register_snippet(NewsMenu)


@hooks.register("construct_homepage_panels")
def add_comms_panels(request, panels):
    groups = comms_groups_of(request.user)
    # Only approvers sign off: a comms editor would only ever see the panel empty.
    if COMMS_APPROVERS in groups:
        panels.append(AwaitingSignOffPanel(request.user))
    if groups:
        panels.append(GoingLiveSoonPanel())


def confirm_go_live(request, page):
    """After a release is approved or published for a future time, say exactly when it goes
    live, in place of Wagtail's "has been updated" or "has been scheduled for publishing"."""
    if not isinstance(page, NewsReleasePage) or request.method != "POST":
        return
    page = NewsReleasePage.objects.get(pk=page.pk)
    approving = request.POST.get("workflow-action-name") == "approve"
    publishing = "action-publish" in request.POST
    if not (approving or publishing):
        return
    state = page.release_state
    if state is ReleaseState.EMBARGOED:
        replacement = scheduled_message(page.get_admin_display_title(), page.embargoed_until)
    elif state is ReleaseState.LIVE and approving and not page.approved_schedule:
        replacement = approved_live_message(page.get_admin_display_title())
    else:
        return
    storage = messages.get_messages(request)
    title = page.get_admin_display_title()
    # Reading the queued messages marks them as used; the ones kept are added back.
    earlier = list(storage)
    for message in earlier:
        if message.level == messages.SUCCESS and title in str(message.message):
            continue
        messages.add_message(request, message.level, message.message, message.extra_tags)
    messages.success(request, replacement)


hooks.register("after_edit_page", confirm_go_live)
hooks.register("after_create_page", confirm_go_live)
