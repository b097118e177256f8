"""The comms team's dashboard: the releases waiting for the user's sign-off, and the embargoed
releases about to go live, each with the state wording every admin screen uses."""

from django.contrib.contenttypes.models import ContentType
from django.utils.dateparse import parse_datetime

from wagtail.admin.ui.components import Component
from wagtail.models import TaskState

from .models import NewsReleasePage
from .release_dates import go_live_wording
from .workflow import COMMS_APPROVERS, COMMS_EDITORS

COMMS_GROUPS = (COMMS_EDITORS, COMMS_APPROVERS)
PANEL_ROWS = 10


def comms_groups_of(user) -> set[str]:
    """The comms groups the user is in; a superuser counts as in both."""
    if user.is_superuser:
        return set(COMMS_GROUPS)
    return set(user.groups.filter(name__in=COMMS_GROUPS).values_list("name", flat=True))


class AwaitingSignOffPanel(Component):
    """Releases in sign-off whose current task this user may approve, oldest request first:
    the longest wait is the first to clear."""

    name = "news_awaiting_sign_off"
    template_name = "news/admin/awaiting_sign_off_panel.html"
    order = 90

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        release_type = ContentType.objects.get_for_model(NewsReleasePage)
        states = list(
            TaskState.objects.reviewable_by(self.user)
            .filter(revision__content_type=release_type)
            .select_related("revision", "workflow_state__requested_by")
            .order_by("started_at")[:PANEL_ROWS]
        )
        pages = NewsReleasePage.objects.in_bulk([int(state.revision.object_id) for state in states])
        rows = []
        for state in states:
            page = pages.get(int(state.revision.object_id))
            if page is None:
                continue
            # The go-live time asked for is the submitted revision's, not yet the page's.
            asked = parse_datetime(state.revision.content.get("go_live_at") or "")
            rows.append(
                {
                    "page": page,
                    "title": state.revision.object_str or page.title,
                    "submitted_by": state.workflow_state.requested_by,
                    "submitted_at": state.started_at,
                    "go_live": go_live_wording(asked) if asked else None,
                }
            )
        return {"rows": rows}


class GoingLiveSoonPanel(Component):
    """Embargoed releases (approved, not yet live), the next to go live first."""

    name = "news_going_live_soon"
    template_name = "news/admin/going_live_soon_panel.html"
    order = 95

    def get_context_data(self, parent_context=None):
        releases = (
            # One already due stays listed until the scheduler has published it.
            NewsReleasePage.with_release_state(NewsReleasePage.objects.filter(live=False))
            .filter(embargoed_until_annotation__isnull=False)
            .prefetch_workflow_states()
            .order_by("embargoed_until_annotation", "pk")[:PANEL_ROWS]
        )
        return {"releases": releases}
