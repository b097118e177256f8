"""A service's sessions held at hubs, as plain unit tests: the hub's closures, special hours and
bank holidays beat the sessions, and say why."""

from datetime import date, time

from directory import opening_hours as hours
from directory.opening_hours import DatedException, Schedule, Session, status_at
from tests.directory.schedules import NINE_TO_FIVE, NO_HOLIDAYS, THU, TUE, at

# A service's sessions held at a hub: the hub's closures and special hours beat them.

BILSTON = 7
PENN = 8
SNOW = DatedException(date(2026, 11, 24), date(2026, 11, 25), reason="snow")
TUESDAY_CLINIC = Schedule(
    sessions=(Session(TUE, time(9, 30), time(11, 30)),), bank_holidays=NO_HOLIDAYS
)


def hub(*exceptions, sessions=NINE_TO_FIVE.sessions, name="Bilston Family Hub", pk=BILSTON):
    return hours.Venue(
        pk, name, Schedule(sessions=sessions, exceptions=exceptions, bank_holidays=NO_HOLIDAYS)
    )


def test_a_hub_closed_for_snow_cancels_the_sessions_held_there_with_its_reason():
    clinic = hours.held_at(TUESDAY_CLINIC, hub(SNOW))

    status = status_at(clinic, at("2026-11-24 08:00"))

    assert not status.open_now
    assert status.text == (
        "Closed for snow at Bilston Family Hub, opens Tuesday 1 December at 9:30am"
    )
    # The evening before, it already says so.
    assert status_at(clinic, at("2026-11-23 18:00")).text == status.text
    # Without the closure, the usual line.
    assert status_at(hours.held_at(TUESDAY_CLINIC, hub()), at("2026-11-24 08:00")).text == (
        "Closed, opens today at 9:30am"
    )


def test_a_closure_without_a_reason_still_names_the_hub():
    closed = DatedException(date(2026, 11, 24), date(2026, 11, 24))
    clinic = hours.held_at(TUESDAY_CLINIC, hub(closed))

    assert status_at(clinic, at("2026-11-24 10:00")).text.startswith(
        "Closed at Bilston Family Hub, opens"
    )


def test_special_hours_at_the_hub_cut_the_session():
    late_start = DatedException(
        date(2026, 11, 24),
        date(2026, 11, 24),
        closed=False,
        opens=time(10),
        closes=time(14),
        reason="staff meeting",
    )
    clinic = hours.held_at(TUESDAY_CLINIC, hub(late_start))

    assert clinic.hours_on(date(2026, 11, 24)).intervals == ((time(10), time(11, 30)),)
    assert status_at(clinic, at("2026-11-24 09:45")).text == "Closed, opens today at 10am"
    assert status_at(clinic, at("2026-11-24 10:00")).open_now


def test_a_bank_holiday_closes_the_hub_and_so_the_session():
    holiday = {date(2026, 12, 29): "Christmas (test)"}
    building = Schedule(sessions=NINE_TO_FIVE.sessions, bank_holidays=holiday)
    bilston = hours.Venue(BILSTON, "Bilston Family Hub", building)
    # The service itself would run on bank holidays; the building does not open.
    clinic = hours.held_at(
        Schedule(sessions=TUESDAY_CLINIC.sessions, closed_on_bank_holidays=False, bank_holidays={}),
        bilston,
    )

    assert status_at(clinic, at("2026-12-29 10:00")).text.startswith(
        "Closed for Christmas (test) at Bilston Family Hub"
    )


def test_sessions_held_at_another_hub_are_not_held_here():
    clinic = Schedule(
        sessions=(
            Session(TUE, time(9, 30), time(11, 30), venue_id=BILSTON),
            Session(THU, time(13), time(15), venue_id=PENN),
        ),
        bank_holidays=NO_HOLIDAYS,
    )

    at_bilston = hours.held_at(clinic, hub())
    at_penn = hours.held_at(clinic, hub(name="Penn Family Hub", pk=PENN))

    assert hours.weekly_table(at_bilston, days_with_hours_only=True) == [
        ("Tuesday", "9:30am to 11:30am")
    ]
    assert hours.weekly_table(at_penn, days_with_hours_only=True) == [("Thursday", "1pm to 3pm")]


def test_a_service_without_sessions_runs_whenever_its_hub_is_open():
    drop_in = hours.held_at(Schedule(bank_holidays=NO_HOLIDAYS), hub(SNOW))

    assert drop_in.has_hours
    assert status_at(drop_in, at("2026-11-23 10:00")).text == "Open now, closes at 5pm"
    assert status_at(drop_in, at("2026-11-24 10:00")).text == (
        "Closed for snow at Bilston Family Hub, opens Thursday 26 November at 9am"
    )
    # Sessions elsewhere only: never here.
    elsewhere = Schedule(
        sessions=(Session(TUE, time(9), time(10), venue_id=PENN),), bank_holidays=NO_HOLIDAYS
    )
    assert not hours.held_at(elsewhere, hub()).has_hours


def test_coming_changes_carry_the_hubs_closures_where_they_cancel_a_session():
    christmas = DatedException(date(2026, 12, 24), date(2027, 1, 1), reason="Christmas")
    clinic = hours.held_at(TUESDAY_CLINIC, hub(SNOW, christmas))

    changes = hours.upcoming_changes(clinic, date(2026, 11, 23), days=8 * 7)

    assert [(c.dates, c.closed, c.why) for c in changes] == [
        # Snow on Tuesday and Wednesday: only the Tuesday had a session.
        ("Tuesday 24 November", True, "snow at Bilston Family Hub"),
        ("Tuesday 29 December", True, "Christmas at Bilston Family Hub"),
    ]


def test_a_closure_over_a_weekend_is_one_change():
    christmas = DatedException(date(2026, 12, 24), date(2027, 1, 1), reason="Christmas")
    bilston = Schedule(sessions=NINE_TO_FIVE.sessions, exceptions=(christmas,), bank_holidays={})

    changes = hours.upcoming_changes(bilston, date(2026, 12, 1), days=8 * 7)

    assert [(c.dates, c.why) for c in changes] == [
        ("Thursday 24 December to Friday 1 January", "Christmas")
    ]


def test_one_status_line_for_a_service_held_at_several_hubs():
    clinic = Schedule(
        sessions=(
            Session(TUE, time(9, 30), time(11, 30), venue_id=BILSTON),
            Session(TUE, time(13), time(15), venue_id=PENN),
        ),
        bank_holidays=NO_HOLIDAYS,
    )
    sittings = [
        hours.Sitting("Bilston Family Hub", hours.held_at(clinic, hub(SNOW))),
        hours.Sitting(
            "Penn Family Hub", hours.held_at(clinic, hub(name="Penn Family Hub", pk=PENN))
        ),
    ]

    # Bilston is closed for snow: the next session is at Penn.
    status = hours.sittings_status_at(sittings, at("2026-11-24 08:00"))
    assert status.text == "Closed, opens at Penn Family Hub today at 1pm"
    open_now = hours.sittings_status_at(sittings, at("2026-11-24 13:30"))
    assert open_now.open_now
    assert open_now.text == "Open now at Penn Family Hub, closes at 3pm"
    # The browser's lines for the coming hours agree with the server's, minute by minute.
    segments = hours.status_segments(sittings, at("2026-11-24 08:00"), 12)
    assert [status.text for _, status in segments] == [
        "Closed, opens at Penn Family Hub today at 1pm",
        "Open now at Penn Family Hub, closes at 3pm",
        # After Penn's session, the next is at Bilston, next week: snow closes it today.
        "Closed for snow, opens at Bilston Family Hub Tuesday 1 December at 9:30am",
    ]


def test_kept_answers_are_the_same_as_worked_out_ones():
    bilston = hours.Venue(
        BILSTON, "Bilston Family Hub", Schedule(sessions=NINE_TO_FIVE.sessions, exceptions=(SNOW,))
    )
    clinic = hours.held_at(Schedule(sessions=TUESDAY_CLINIC.sessions), bilston)
    moment = at("2026-11-24 08:00")

    assert hours.kept_status_at(clinic, moment) == status_at(clinic, moment)
    assert hours.kept_status_segments_json(clinic, moment, 36) == hours.status_segments_json(
        clinic, moment, 36
    )
