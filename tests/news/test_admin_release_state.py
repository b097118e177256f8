"""Where a release stands, in the words the listing, the dashboard and the confirmations share."""

from datetime import UTC, datetime

from news.release_dates import (
    LONDON,
    ReleaseState,
    go_live_wording,
    release_state,
    release_state_label,
    scheduled_message,
)

TUESDAY_9AM = datetime(2026, 12, 8, 9, 0, tzinfo=LONDON)


def test_states_in_order_of_precedence():
    assert release_state(live=False, in_sign_off=False, embargoed_until=None) == "draft"
    assert release_state(live=False, in_sign_off=True, embargoed_until=None) == "in-sign-off"
    # Approved for later: the sign-off is over, the embargo is what matters.
    assert release_state(live=False, in_sign_off=False, embargoed_until=TUESDAY_9AM) == (
        ReleaseState.EMBARGOED
    )
    # A live release with a correction scheduled is still live.
    assert release_state(live=True, in_sign_off=True, embargoed_until=TUESDAY_9AM) == "live"


def test_go_live_time_is_said_in_london_time_whatever_zone_it_comes_in():
    assert go_live_wording(TUESDAY_9AM) == "09:00 on Tuesday 8 December 2026"
    # 08:00 UTC in July is 09:00 British Summer Time.
    assert go_live_wording(datetime(2026, 7, 8, 8, 0, tzinfo=UTC)) == (
        "09:00 on Wednesday 8 July 2026"
    )


def test_labels():
    assert release_state_label(ReleaseState.DRAFT) == "Draft"
    assert release_state_label(ReleaseState.IN_SIGN_OFF) == "In sign-off"
    assert release_state_label(ReleaseState.LIVE) == "Live"
    assert release_state_label(ReleaseState.EMBARGOED, TUESDAY_9AM) == (
        "Embargoed until 09:00 on Tuesday 8 December 2026"
    )
    assert scheduled_message("Hub opens", TUESDAY_9AM) == (
        "'Hub opens' is scheduled to go live at 09:00 on Tuesday 8 December 2026."
    )
