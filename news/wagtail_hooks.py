"""The admin's "News" menu (the releases, the managed list of topics, the press contacts), the
comms team's dashboard panels, and confirmations that say when a release goes live."""

from django.contrib import messages

from wagtail import hooks
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.admin.viewsets.pages import PageViewSet
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
    """After a release is approved or published for a future time from the editor, say exactly
    when it goes live, in place of Wagtail's "has been updated" or "has been scheduled for
    publishing"."""
    if not isinstance(page, NewsReleasePage) or request.method != "POST":
        return
    approving = request.POST.get("workflow-action-name") == "approve"
    publishing = "action-publish" in request.POST
    if approving or publishing:
        say_when_it_goes_live(request, page, approving)


def say_when_it_goes_live(request, page, approving: bool) -> None:
    page = NewsReleasePage.objects.get(pk=page.pk)
    state = page.release_state
    title = page.get_admin_display_title()
    if state is ReleaseState.EMBARGOED:
        replacement = scheduled_message(title, page.embargoed_until)
    elif state is ReleaseState.LIVE and approving and not page.approved_schedule:
        replacement = approved_live_message(title)
    else:
        return
    storage = messages.get_messages(request)
    # Reading the queued messages marks them as used; the ones kept are added back.
    earlier = list(storage)
    for message in earlier:
        if message.level == messages.SUCCESS and title in str(message.message):
            continue
        messages.add_message(request, message.level, message.message, message.extra_tags)
    messages.success(request, replacement)


class ReleaseWorkflowActionView(WorkflowActionView):
    """Approving a release from Wagtail's own workflow buttons (the dashboard's "Awaiting your
    review", the status side panel) says when it goes live too: Wagtail's view says nothing."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        if self.action_name == "approve":
            say_when_it_goes_live(request, self.object, approving=True)
        return response


class NewsReleasePageViewSet(PageViewSet):
    """Wagtail's views for news releases, but for the approval confirmation above."""

    model = NewsReleasePage
    workflow_action_view_class = ReleaseWorkflowActionView
    # Leave the explorer's listing of the news index as it is: the "News releases" menu item
    # is the comms team's listing.
    parent_models = ()


@hooks.register("register_admin_viewset")
def register_release_page_views():
    return NewsReleasePageViewSet()


hooks.register("after_edit_page", confirm_go_live)
hooks.register("after_create_page", confirm_go_live)
