"""Opening times to check: the hub editors' dashboard panel. Hubs and services whose opening
times nobody has checked for REVIEW_MONTHS, and the hub closures of the next CLOSURE_DAYS, so
that what families read about "is it open" stays true. "Mark as reviewed" records the check
(OpeningHoursReview) and logs it in the page's history."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from wagtail.admin.ui.components import Component
from wagtail.log_actions import log
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from . import opening_hours as hours
from .models import (
    FamilyHubPage,
    HubDateException,
    OpeningHoursReview,
    ServicePage,
)
from .models.services import months_before

REVIEW_MONTHS = 6
CLOSURE_DAYS = 14
DASHBOARD_LIMIT = 10
REVIEWED_ACTION = "directory.opening_hours_reviewed"


@dataclass(frozen=True)
class HoursToCheck:
    page: Page
    kind: str  # "Hub" or "Service"
    last_checked: date | None  # None: never checked, nor published


@dataclass
class ComingClosure:
    start: date
    end: date
    reason: str
    hubs: list[str] = field(default_factory=list)
    bulk_closure_id: int | None = None
    hub_id: int | None = None

    @property
    def dates(self) -> str:
        return hours.describe_dates(self.start, self.end)


def today_in_london() -> date:
    return timezone.localdate(timezone=hours.LONDON)


def review_cut_off(today: date | None = None) -> date:
    return months_before(today or today_in_london(), REVIEW_MONTHS)


def _local_date(moment) -> date | None:
    return timezone.localdate(moment, timezone=hours.LONDON) if moment else None


def hours_to_check(today: date | None = None, editable: set[int] | None = None) -> list:
    """Live hubs and live services with weekly sessions whose hours were last checked before
    the cut-off, never-checked and oldest first. A hub's hours count as checked when marked
    so, or else when it was first published (they were entered then); a service's also when
    its whole page was last reviewed. `editable`: only these page ids."""
    cut_off = review_cut_off(today)
    reviewed = {
        page_id: _local_date(moment)
        for page_id, moment in OpeningHoursReview.objects.values_list("page_id", "reviewed_at")
    }
    found = []
    hubs = FamilyHubPage.objects.live().only("pk", "title", "first_published_at")
    for hub in hubs:
        checked = reviewed.get(hub.pk) or _local_date(hub.first_published_at)
        found.append(HoursToCheck(hub, "Hub", checked))
    services = (
        ServicePage.objects.live()
        .filter(opening_sessions__isnull=False)
        .distinct()
        .only("pk", "title", "last_reviewed")
    )
    for service in services:
        dates = [d for d in (reviewed.get(service.pk), service.last_reviewed) if d]
        found.append(HoursToCheck(service, "Service", max(dates) if dates else None))
    due = [
        item
        for item in found
        if (item.last_checked is None or item.last_checked < cut_off)
        and (editable is None or item.page.pk in editable)
    ]
    return sorted(due, key=lambda item: (item.last_checked or date.min, item.page.title))


def coming_closures(today: date | None = None, days: int = CLOSURE_DAYS) -> list[ComingClosure]:
    """Closures on live hubs' pages that are on, or start in the next `days` days; the hubs
    closed by one bulk closure together."""
    today = today or today_in_london()
    last = today + timedelta(days=days)
    rows = (
        HubDateException.objects.filter(closed=True, page__live=True, start_date__lte=last)
        .filter(Q(end_date__gte=today) | Q(end_date__isnull=True, start_date__gte=today))
        .select_related("page")
        .order_by("start_date", "page__title")
    )
    closures, bulk = [], defaultdict(list)
    for row in rows:
        end = row.end_date or row.start_date
        if row.bulk_closure_id:
            if row.bulk_closure_id not in bulk:
                closure = ComingClosure(
                    row.start_date, end, row.reason, bulk_closure_id=row.bulk_closure_id
                )
                bulk[row.bulk_closure_id] = closure
                closures.append(closure)
            bulk[row.bulk_closure_id].hubs.append(row.page.title)
        else:
            closures.append(
                ComingClosure(row.start_date, end, row.reason, [row.page.title], hub_id=row.page_id)
            )
    return closures


def editable_page_ids(user) -> set[int]:
    """The hubs and services `user` may edit."""
    pages = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return set(pages.type(FamilyHubPage, ServicePage).values_list("pk", flat=True))


def mark_reviewed(page: Page, user) -> OpeningHoursReview:
    review, _ = OpeningHoursReview.objects.update_or_create(
        page=page, defaults={"reviewed_at": timezone.now(), "reviewed_by": user}
    )
    log(instance=page, action=REVIEWED_ACTION, user=user)
    return review


class OpeningTimesPanel(Component):
    name = "opening_times_to_check"
    order = 140
    template_name = "directory/admin/opening_times_panel.html"

    def render_html(self, parent_context=None):
        request = parent_context["request"]
        self.editable = editable_page_ids(request.user)
        if not self.editable:
            return ""  # not a hub or directory editor
        return super().render_html(parent_context)

    def get_context_data(self, parent_context=None):
        today = today_in_london()
        due = hours_to_check(today, self.editable)
        return {
            "to_check": due[:DASHBOARD_LIMIT],
            "count": len(due),
            "more": max(len(due) - DASHBOARD_LIMIT, 0),
            "cut_off": review_cut_off(today),
            "closures": coming_closures(today),
            "closure_days": CLOSURE_DAYS,
            "can_close_hubs": parent_context["request"].user.has_perm("directory.close_hubs"),
            "next_url": reverse("wagtailadmin_home"),
            "csrf_token": parent_context.get("csrf_token"),
        }
