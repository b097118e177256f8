"""Where a release stands (draft, in sign-off, embargoed until …, live) as the admin shows it:
the listing, the dashboard, the confirmations and the previews all ask these. The wording is
news/release_dates.py's."""

from datetime import datetime

from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast

from wagtail.models import Revision

from .release_dates import ReleaseState, go_live_wording, release_state_label
from .release_dates import release_state as state_of


class ReleaseStateMixin:
    """For NewsReleasePage: its sign-off state, and a preview as it will appear at go-live."""

    GO_LIVE_PREVIEW = "go-live"
    preview_modes = [
        ("", "Draft, with its sign-off state"),
        (GO_LIVE_PREVIEW, "Preview as it will appear at go-live"),
    ]

    @classmethod
    def with_release_state(cls, queryset):
        """`queryset` with each release's approved go-live time, for a listing: one query for
        them all rather than one per release. (`state_label` also reads the workflow states:
        `prefetch_workflow_states()`, which Wagtail's page listing does already.)"""
        scheduled = Revision.page_revisions.filter(
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
            approved_go_live_at__isnull=False,
        ).order_by("-created_at", "-pk")
        return queryset.annotate(
            embargoed_until_annotation=Subquery(scheduled.values("approved_go_live_at")[:1])
        )

    @property
    def embargoed_until(self) -> datetime | None:
        """The go-live time an approver has approved, or None: a go-live time typed into a draft
        is only a wish until it is approved."""
        if hasattr(self, "embargoed_until_annotation"):
            return self.embargoed_until_annotation
        revision = self.scheduled_revision
        return revision.approved_go_live_at if revision else None

    @property
    def release_state(self) -> ReleaseState:
        return state_of(
            live=self.live,
            in_sign_off=self.workflow_in_progress,
            embargoed_until=self.embargoed_until,
        )

    @property
    def state_label(self) -> str:
        """'Draft', 'In sign-off', 'Embargoed until 09:00 on Tuesday 8 December 2026', 'Live'."""
        return release_state_label(self.release_state, self.embargoed_until)

    def serve_preview(self, request, mode_name):
        if mode_name == self.GO_LIVE_PREVIEW:
            # As the public will see it once live: dated from its go-live time, as publishing
            # will date it.
            self.release_date = self.display_date
        return super().serve_preview(request, mode_name)

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        if mode_name != self.GO_LIVE_PREVIEW:
            # The plain preview says where the release stands; the go-live one shows exactly
            # what the public will see.
            context.update(
                preview_state=self.state_label,
                preview_go_live=go_live_wording(self.go_live_at) if self.go_live_at else None,
            )
        return context
