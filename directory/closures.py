"""Closing many hubs at once (a snow day, Christmas, a strike), and undoing it.

Each chosen hub gets a dated exception on its page, published at once, so families see it; the
change is a new revision with an entry in the page's history. If an editor has unpublished
changes waiting on a hub, the closure is added to their draft too, so publishing it later keeps
the closure and loses none of their work. Undo removes exactly the exceptions the bulk closure
added, the same way."""

from collections.abc import Callable, Iterable
from datetime import date

from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log

from .models import BulkClosure, FamilyHubPage, HubDateException

CLOSE_ACTION = "directory.bulk_closure"
UNDO_ACTION = "directory.bulk_closure_undone"


def _change_hub(hub: FamilyHubPage, change: Callable[[FamilyHubPage], None], user) -> None:
    """Apply `change` to the hub's live version (and publish it) and to any waiting draft."""
    hub = FamilyHubPage.objects.get(pk=hub.pk)
    draft = None
    if hub.has_unpublished_changes and hub.latest_revision is not None:
        draft = hub.latest_revision.as_object()
    if hub.live:
        change(hub)
        hub.save_revision(user=user, log_action=False).publish(user=user, log_action=False)
    elif draft is None:
        draft = hub
    if draft is not None:
        change(draft)
        draft.save_revision(user=user, log_action=False)


@transaction.atomic
def close_hubs(
    hubs: Iterable[FamilyHubPage], start: date, end: date, reason: str, user
) -> BulkClosure:
    hubs = list(hubs)
    closure = BulkClosure.objects.create(
        start_date=start, end_date=end, reason=reason, created_by=user
    )
    closure.hubs.set(hubs)

    def add_exception(page: FamilyHubPage) -> None:
        page.opening_exceptions.add(
            HubDateException(
                start_date=start,
                end_date=end if end != start else None,
                closed=True,
                reason=reason,
                bulk_closure=closure,
            )
        )

    for hub in hubs:
        _change_hub(hub, add_exception, user)
        log(
            instance=hub,
            action=CLOSE_ACTION,
            user=user,
            data={"closure": closure.pk, "dates": closure.dates, "reason": reason},
        )
    return closure


@transaction.atomic
def undo_closure(closure: BulkClosure, user) -> None:
    if closure.undone_at is not None:
        return

    def remove_exceptions(page: FamilyHubPage) -> None:
        page.opening_exceptions = [
            exception
            for exception in page.opening_exceptions.all()
            if exception.bulk_closure_id != closure.pk
        ]

    for hub in closure.hubs.all():
        _change_hub(hub, remove_exceptions, user)
        log(
            instance=hub,
            action=UNDO_ACTION,
            user=user,
            data={"closure": closure.pk, "dates": closure.dates, "reason": closure.reason},
        )
    closure.undone_at = timezone.now()
    closure.undone_by = user
    closure.save(update_fields=["undone_at", "undone_by"])
