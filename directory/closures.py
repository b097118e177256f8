"""Closing many hubs at once (a snow day, Christmas, a strike), and undoing it.

Each chosen hub gets a dated exception on its page, published at once, so families see it; the
change is a new revision with an entry in the page's history. If an editor has unpublished
changes waiting on a hub, the closure is added to their draft too, so publishing it later keeps
the closure and loses none of their work. Changing a bulk closure (its dates, reason or hubs)
and undoing it touch exactly the exceptions the bulk closure added, the same way."""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, time, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from wagtail.log_actions import log

from website.models import AlertBanner

from . import opening_hours as hours
from .models import (
    BulkClosure,
    FamilyHubIndexPage,
    FamilyHubPage,
    HubDateException,
    ServicePage,
)

CLOSE_ACTION = "directory.bulk_closure"
UNDO_ACTION = "directory.bulk_closure_undone"
CHANGE_ACTION = "directory.bulk_closure_changed"


@dataclass(frozen=True)
class AffectedService:
    """A live service with sessions at the chosen hubs on the closure's dates: the closure
    cancels them there."""

    service: ServicePage
    hubs: tuple[str, ...]


def affected_services(
    hubs: Iterable[FamilyHubPage], start: date, end: date, setting_aside: BulkClosure | None = None
) -> list:
    """What closing `hubs` from `start` to `end` cancels, by the same rule the public pages
    follow (directory.opening_hours.held_at): a service's session at a hub on those days.
    `setting_aside`: a bulk closure already on the hubs, counted as if it were not there (to
    say what it cancels, or would cancel once changed)."""
    hubs = {hub.pk: hub for hub in hubs if hub.live}
    FamilyHubPage.load_schedules(hubs.values())
    held_at = defaultdict(list)
    for service_pk, hub_pk in ServicePage.hubs.through.objects.filter(
        familyhubpage_id__in=hubs
    ).values_list("servicepage_id", "familyhubpage_id"):
        held_at[service_pk].append(hub_pk)
    services = list(
        ServicePage.objects.live().filter(pk__in=held_at, in_person=True).order_by("title")
    )
    ServicePage.load_schedules(services)
    days = [start + timedelta(days=n) for n in range((end - start).days + 1)]
    affected = []
    for service in services:
        at = []
        for hub_pk in held_at[service.pk]:
            hub = hubs[hub_pk]
            venue = hours.Venue(hub.pk, hub.title, _set_aside(hub.get_schedule(), setting_aside))
            schedule = hours.held_at(service.get_schedule(), venue)
            if any(schedule.hours_on(day).intervals for day in days):
                at.append(hub.title)
        if at:
            affected.append(AffectedService(service, tuple(sorted(at))))
    return affected


def _set_aside(schedule: hours.Schedule, closure: BulkClosure | None) -> hours.Schedule:
    if closure is None:
        return schedule
    added = _exception(closure).as_exception()
    return replace(schedule, exceptions=tuple(e for e in schedule.exceptions if e != added))


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
        page.opening_exceptions.add(_exception(closure))

    for hub in hubs:
        _change_hub(hub, add_exception, user)
        log(
            instance=hub,
            action=CLOSE_ACTION,
            user=user,
            data={"closure": closure.pk, "dates": closure.dates, "reason": reason},
        )
    return closure


def _exception(closure: BulkClosure) -> HubDateException:
    return HubDateException(
        start_date=closure.start_date,
        end_date=closure.end_date if closure.end_date != closure.start_date else None,
        closed=True,
        reason=closure.reason,
        bulk_closure=closure,
    )


def _without(page: FamilyHubPage, closure: BulkClosure) -> list[HubDateException]:
    return [
        exception
        for exception in page.opening_exceptions.all()
        if exception.bulk_closure_id != closure.pk
    ]


@transaction.atomic
def change_closure(
    closure: BulkClosure,
    hubs: Iterable[FamilyHubPage],
    start: date,
    end: date,
    reason: str,
    user,
) -> BulkClosure:
    """Give a bulk closure new dates, reason or hubs: hubs no longer chosen reopen (logged as
    an undo there), newly chosen hubs close (logged as a closure), and the others get the new
    dates and reason (logged as a change, with what it was)."""
    before = {"dates": closure.dates, "reason": closure.reason}
    old = {hub.pk: hub for hub in closure.hubs.all()}
    new = {hub.pk: hub for hub in hubs}
    closure.start_date, closure.end_date, closure.reason = start, end, reason
    closure.save(update_fields=["start_date", "end_date", "reason"])
    closure.hubs.set(new.values())

    def reopen(page: FamilyHubPage) -> None:
        page.opening_exceptions = _without(page, closure)

    def replace(page: FamilyHubPage) -> None:
        page.opening_exceptions = [*_without(page, closure), _exception(closure)]

    data = {"closure": closure.pk, "dates": closure.dates, "reason": reason}
    for pk, hub in old.items():
        if pk not in new:
            _change_hub(hub, reopen, user)
            log(instance=hub, action=UNDO_ACTION, user=user, data={**data, **before})
    for pk, hub in new.items():
        _change_hub(hub, replace, user)
        if pk in old:
            log(
                instance=hub,
                action=CHANGE_ACTION,
                user=user,
                data={**data, "was_dates": before["dates"], "was_reason": before["reason"]},
            )
        else:
            log(instance=hub, action=CLOSE_ACTION, user=user, data=data)
    return closure


@transaction.atomic
def undo_closure(closure: BulkClosure, user) -> None:
    if closure.undone_at is not None:
        return

    def remove_exceptions(page: FamilyHubPage) -> None:
        page.opening_exceptions = _without(page, closure)

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


def banner_message(hubs: list[FamilyHubPage], start: date, end: date, reason: str) -> str:
    """What the alert banner offered with a closure says, for the editor to change."""
    names = [hub.title for hub in hubs]
    if len(names) == 1:
        places = gettext("%(hub)s is") % {"hub": names[0]}
    else:
        short = [name.removesuffix(" Family Hub") for name in names]
        places = gettext("%(hubs)s and %(last)s family hubs are") % {
            "hubs": ", ".join(short[:-1]),
            "last": short[-1],
        }
    return gettext("%(places)s closed %(dates)s for %(reason)s. Sessions there are cancelled.") % {
        "places": places,
        "dates": hours.describe_dates(start, end),
        "reason": reason,
    }


def publish_banner(message: str, last_day: date, user) -> AlertBanner:
    """An urgent banner, live now and taken down when the closure ends (midnight after its
    last day, in London), linking to the hubs' page."""
    hub_index = FamilyHubIndexPage.objects.live().first()
    banner = AlertBanner(
        message=message,
        severity=AlertBanner.Severity.URGENT,
        link_page=hub_index,
        link_text=gettext("Check your family hub's opening times") if hub_index else "",
        expire_at=hours.local_datetime(last_day + timedelta(days=1), time(0, 0)),
    )
    banner.save()
    banner.save_revision(user=user).publish(user=user)
    return banner
