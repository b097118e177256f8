"""When a news release counts as published, and where a release stands (draft, in sign-off,
embargoed, live) in the words every admin screen uses."""

from datetime import datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from django.utils.formats import date_format
from django.utils.translation import gettext as _


def default_release_date(
    go_live_at: datetime | None, first_published_at: datetime | None
) -> datetime | None:
    """The release date of a release whose editor left it blank: the moment it went live.

    For an embargoed release that is its go-live time, not the moment the scheduler got round to
    publishing it (up to a minute later). A go-live time set after the release was first
    published (to schedule a correction, say) must not move its date, so the earlier wins.
    None until the release has gone live or been scheduled."""
    moments = [moment for moment in (go_live_at, first_published_at) if moment is not None]
    return min(moments) if moments else None


LONDON = ZoneInfo("Europe/London")


class ReleaseState(StrEnum):
    DRAFT = "draft"
    IN_SIGN_OFF = "in-sign-off"
    EMBARGOED = "embargoed"
    LIVE = "live"


def release_state(
    *, live: bool, in_sign_off: bool, embargoed_until: datetime | None
) -> ReleaseState:
    """Where a release stands for the comms team. A live release is live, whatever changes wait
    on it; one approved for a future time is embargoed; one waiting for an approver is in
    sign-off; anything else is a draft."""
    if live:
        return ReleaseState.LIVE
    if embargoed_until is not None:
        return ReleaseState.EMBARGOED
    if in_sign_off:
        return ReleaseState.IN_SIGN_OFF
    return ReleaseState.DRAFT


def go_live_wording(moment: datetime) -> str:
    """'09:00 on Tuesday 8 December 2026', in Europe/London whatever the server's zone: the
    comms team and the journalists they brief read London time."""
    local = moment.astimezone(LONDON)
    return _("%(time)s on %(day)s") % {
        "time": local.strftime("%H:%M"),
        "day": f"{date_format(local, 'l')} {local.day} {date_format(local, 'F Y')}",
    }


def release_state_label(state: ReleaseState, embargoed_until: datetime | None = None) -> str:
    """The state in words, as the listing, the dashboard and the confirmations say it."""
    if state is ReleaseState.EMBARGOED and embargoed_until is not None:
        return _("Embargoed until %(moment)s") % {"moment": go_live_wording(embargoed_until)}
    return {
        ReleaseState.DRAFT: _("Draft"),
        ReleaseState.IN_SIGN_OFF: _("In sign-off"),
        ReleaseState.EMBARGOED: _("Embargoed"),
        ReleaseState.LIVE: _("Live"),
    }[state]


def scheduled_message(title: str, go_live_at: datetime) -> str:
    """The confirmation once a release is approved or published for a future time."""
    return _("'%(title)s' is scheduled to go live at %(moment)s.") % {
        "title": title,
        "moment": go_live_wording(go_live_at),
    }


def approved_live_message(title: str) -> str:
    """The confirmation once a release with no embargo is approved: it is out."""
    return _("'%(title)s' has been approved and is now live.") % {"title": title}
