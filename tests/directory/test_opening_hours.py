"""Opening-hours arithmetic as plain unit tests: no database, no Django."""

from datetime import date, datetime, time, timedelta

import pytest

from directory import opening_hours as hours
from directory.opening_hours import DatedException, Schedule, Session, status_at
from tests.directory.schedules import (
    LUNCH_BREAK,
    MON,
    NINE_TO_FIVE,
    NO_HOLIDAYS,
    SUN,
    TUE,
    UTC,
    at,
    weekdays,
)


@pytest.mark.parametrize(
    ("moment", "open_now", "text"),
    [
        ("2026-11-24 08:59", False, "Closed, opens today at 9am"),
        ("2026-11-24 09:00", True, "Open now, closes at 5pm"),
        ("2026-11-24 16:59", True, "Open now, closes at 5pm"),
        ("2026-11-24 17:00", False, "Closed, opens tomorrow at 9am"),
        ("2026-11-27 17:30", False, "Closed, opens on Monday at 9am"),
        ("2026-11-28 12:00", False, "Closed, opens on Monday at 9am"),
        ("2026-11-29 23:59", False, "Closed, opens tomorrow at 9am"),
    ],
)
def test_weekday_hours(moment, open_now, text):
    status = status_at(NINE_TO_FIVE, at(moment))

    assert (status.open_now, status.text) == (open_now, text)


@pytest.mark.parametrize(
    ("moment", "open_now", "text", "next_change"),
    [
        ("2026-11-24 12:29", True, "Open now, closes at 12:30pm", "2026-11-24 12:30"),
        ("2026-11-24 12:30", False, "Closed, opens today at 1:30pm", "2026-11-24 13:30"),
        ("2026-11-24 13:30", True, "Open now, closes at 5pm", "2026-11-24 17:00"),
    ],
)
def test_lunch_break(moment, open_now, text, next_change):
    status = status_at(LUNCH_BREAK, at(moment))

    assert (status.open_now, status.text) == (open_now, text)
    assert status.next_change == at(next_change)


def test_sessions_that_touch_read_as_one_opening():
    schedule = Schedule(
        sessions=(Session(MON, time(9), time(12)), Session(MON, time(12), time(17))),
        bank_holidays=NO_HOLIDAYS,
    )

    assert status_at(schedule, at("2026-11-23 10:00")).text == "Open now, closes at 5pm"


def test_a_closure_overrides_the_week_and_names_the_reason():
    schedule = Schedule(
        sessions=NINE_TO_FIVE.sessions,
        exceptions=(
            DatedException(date(2026, 11, 25), date(2026, 11, 25), reason="staff training"),
        ),
        bank_holidays=NO_HOLIDAYS,
    )

    status = status_at(schedule, at("2026-11-25 10:00"))

    assert not status.open_now
    assert status.text == "Closed for staff training, opens tomorrow at 9am"
    # The evening before, the line already says why tomorrow is different.
    assert (
        status_at(schedule, at("2026-11-24 18:00")).text
        == "Closed for staff training, opens Thursday 26 November at 9am"
    )


def test_special_hours_replace_the_week_on_their_dates():
    saturday_opening = DatedException(
        date(2026, 11, 28),
        date(2026, 11, 28),
        closed=False,
        opens=time(10),
        closes=time(14),
        reason="winter fair",
    )
    schedule = Schedule(
        sessions=NINE_TO_FIVE.sessions, exceptions=(saturday_opening,), bank_holidays=NO_HOLIDAYS
    )

    assert status_at(schedule, at("2026-11-27 18:00")).text == "Closed, opens tomorrow at 10am"
    assert status_at(schedule, at("2026-11-28 11:00")).text == "Open now, closes at 2pm"
    assert schedule.hours_on(date(2026, 11, 28)).special


def test_a_closed_range_says_when_it_opens_again():
    christmas = DatedException(date(2023, 12, 22), date(2024, 1, 1), reason="Christmas")
    schedule = Schedule(
        sessions=NINE_TO_FIVE.sessions, exceptions=(christmas,), bank_holidays=NO_HOLIDAYS
    )

    status = status_at(schedule, at("2023-12-27 11:00"))

    assert status.text == "Closed for Christmas, opens Tuesday 2 January at 9am"
    assert status.next_change == at("2024-01-02 09:00")


def test_england_and_wales_bank_holidays_close_the_hub_by_default():
    schedule = Schedule(sessions=NINE_TO_FIVE.sessions)  # the real bank holidays

    # Friday 25 December 2026 is Christmas Day; Boxing Day falls on a Saturday, so Monday
    # 28 December is the substitute bank holiday.
    assert status_at(schedule, at("2026-12-25 10:00")).text == (
        "Closed for Christmas Day, opens Tuesday 29 December at 9am"
    )
    assert schedule.hours_on(date(2026, 12, 28)).reason.startswith("Boxing Day")


def test_a_hub_can_stay_open_on_bank_holidays():
    schedule = Schedule(sessions=NINE_TO_FIVE.sessions, closed_on_bank_holidays=False)

    assert status_at(schedule, at("2026-12-25 10:00")).open_now


def test_an_exception_beats_a_bank_holiday():
    opening = DatedException(
        date(2026, 12, 28), date(2026, 12, 28), closed=False, opens=time(10), closes=time(12)
    )
    schedule = Schedule(sessions=NINE_TO_FIVE.sessions, exceptions=(opening,))

    assert status_at(schedule, at("2026-12-28 11:00")).text == "Open now, closes at midday"


SUNDAY_MORNINGS = Schedule(sessions=(Session(SUN, time(10), time(14)),), bank_holidays=NO_HOLIDAYS)


def test_clocks_going_forward_on_the_last_sunday_of_march():
    # 29 March 2026: at 1am GMT the clocks go forward to 2am BST.
    before_opening = datetime(2026, 3, 29, 8, 59, tzinfo=UTC)  # 9:59am BST
    opening = datetime(2026, 3, 29, 9, 0, tzinfo=UTC)  # 10am BST

    assert status_at(SUNDAY_MORNINGS, before_opening).text == "Closed, opens today at 10am"
    status = status_at(SUNDAY_MORNINGS, opening)
    assert status.open_now
    assert status.next_change.isoformat() == "2026-03-29T14:00:00+01:00"


def test_clocks_going_back_on_the_last_sunday_of_october():
    # 25 October 2026: at 2am BST the clocks go back to 1am GMT.
    assert not status_at(SUNDAY_MORNINGS, datetime(2026, 10, 25, 9, 59, tzinfo=UTC)).open_now
    assert status_at(SUNDAY_MORNINGS, datetime(2026, 10, 25, 10, 0, tzinfo=UTC)).open_now
    status = status_at(SUNDAY_MORNINGS, datetime(2026, 10, 24, 20, 0, tzinfo=UTC))
    assert status.next_change.isoformat() == "2026-10-25T10:00:00+00:00"


def test_the_clock_change_night_does_not_confuse_the_next_opening():
    # 1:30am on 25 October happens twice; either way the hub opens at 10am that morning.
    first = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # 1:30am BST
    second = datetime(2026, 10, 25, 1, 30, tzinfo=UTC)  # 1:30am GMT

    assert status_at(SUNDAY_MORNINGS, first).text == "Closed, opens today at 10am"
    assert status_at(SUNDAY_MORNINGS, second).text == "Closed, opens today at 10am"


def test_a_hub_with_no_sessions_at_all():
    status = status_at(Schedule(bank_holidays=NO_HOLIDAYS), at("2026-11-24 10:00"))

    assert status == hours.Status(False, "Opening times not published", None)


def test_a_closure_with_nothing_after_it():
    schedule = Schedule(
        exceptions=(DatedException(date(2026, 11, 1), date(2026, 12, 31), reason="refurbishment"),),
        bank_holidays=NO_HOLIDAYS,
    )

    assert status_at(schedule, at("2026-11-24 10:00")).text == "Closed for refurbishment"


def test_status_needs_an_aware_moment():
    with pytest.raises(ValueError, match="aware"):
        status_at(NINE_TO_FIVE, datetime(2026, 11, 24, 10, 0))


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (time(9), "9am"),
        (time(17, 30), "5:30pm"),
        (time(12), "midday"),
        (time(0), "midnight"),
        (time(12, 30), "12:30pm"),
        (time(0, 15), "12:15am"),
    ],
)
def test_times_are_written_the_gov_uk_way(moment, expected):
    assert hours.format_time(moment) == expected


def test_far_off_openings_give_the_date_with_the_year():
    schedule = Schedule(
        sessions=NINE_TO_FIVE.sessions,
        exceptions=(DatedException(date(2026, 1, 1), date(2026, 12, 31), reason="rebuilding"),),
        bank_holidays=NO_HOLIDAYS,
    )

    assert status_at(schedule, at("2026-01-05 10:00")).text == (
        "Closed for rebuilding, opens Friday 1 January 2027 at 9am"
    )


def test_weekly_table_lists_every_day():
    assert hours.weekly_table(LUNCH_BREAK) == [
        ("Monday", "9am to 12:30pm, 1:30pm to 5pm"),
        ("Tuesday", "9am to 12:30pm, 1:30pm to 5pm"),
        ("Wednesday", "9am to 12:30pm, 1:30pm to 5pm"),
        ("Thursday", "9am to 12:30pm, 1:30pm to 5pm"),
        ("Friday", "9am to 12:30pm, 1:30pm to 5pm"),
        ("Saturday", "Closed"),
        ("Sunday", "Closed"),
    ]


def test_upcoming_changes_group_consecutive_days():
    schedule = Schedule(
        sessions=NINE_TO_FIVE.sessions,
        exceptions=(DatedException(date(2026, 12, 24), date(2026, 12, 31), reason="Christmas"),),
    )

    changes = hours.upcoming_changes(schedule, date(2026, 12, 20), days=14)

    assert [(c.dates, c.hours, c.reason) for c in changes] == [
        ("Thursday 24 December to Thursday 31 December", "Closed", "Christmas"),
        ("Friday 1 January", "Closed", "New Year's Day"),
    ]


def test_only_exceptions_and_bank_holidays_make_special_days():
    # upcoming_changes looks only at the days exceptions and bank holidays cover: the same
    # days as asking about every day of the window.
    schedule = Schedule(
        sessions=NINE_TO_FIVE.sessions,
        exceptions=(
            DatedException(date(2026, 12, 1), date(2027, 1, 5), reason="works"),
            DatedException(
                date(2027, 3, 6), date(2027, 3, 6), closed=False, opens=time(10), closes=time(12)
            ),
            DatedException(date(2027, 8, 1), date(2027, 7, 1), reason="typed backwards"),
        ),
    )
    today = date(2026, 12, 10)

    every_day = [
        today + timedelta(days=offset)
        for offset in range(366)
        if schedule.hours_on(today + timedelta(days=offset)).special
    ]

    changes = hours.upcoming_changes(schedule, today, days=366)
    listed = [
        c.first_day + timedelta(days=n)
        for c in changes
        for n in range((c.last_day - c.first_day).days + 1)
    ]
    assert listed == every_day
    assert date(2027, 5, 3) in listed  # the early May bank holiday


def test_status_segments_change_at_opening_closing_and_midnight():
    start = at("2026-11-24 16:00")

    segments = hours.status_segments(NINE_TO_FIVE, start, hours=24)

    assert [(moment, status.text) for moment, status in segments] == [
        (start, "Open now, closes at 5pm"),
        (at("2026-11-24 17:00"), "Closed, opens tomorrow at 9am"),
        (at("2026-11-25 00:00"), "Closed, opens today at 9am"),
        (at("2026-11-25 09:00"), "Open now, closes at 5pm"),
    ]


def test_schema_org_specifications():
    schedule = Schedule(
        sessions=(Session(MON, time(9), time(12, 30)),),
        exceptions=(
            # Monday 30 November to Wednesday 2 December: only the Monday changes anything.
            DatedException(date(2026, 11, 30), date(2026, 12, 2), reason="training"),
            DatedException(
                date(2026, 12, 5), date(2026, 12, 5), closed=False, opens=time(10), closes=time(12)
            ),
        ),
        bank_holidays=NO_HOLIDAYS,
    )

    assert hours.opening_hours_specification(schedule) == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": "https://schema.org/Monday",
            "opens": "09:00",
            "closes": "12:30",
        }
    ]
    assert hours.special_opening_hours_specification(schedule, date(2026, 11, 29), 30) == [
        {
            "@type": "OpeningHoursSpecification",
            "validFrom": "2026-11-30",
            "validThrough": "2026-11-30",
            "description": "training",
            "opens": "00:00",
            "closes": "00:00",
        },
        {
            "@type": "OpeningHoursSpecification",
            "validFrom": "2026-12-05",
            "validThrough": "2026-12-05",
            "opens": "10:00",
            "closes": "12:00",
        },
    ]


class TestValidation:
    def test_a_session_that_closes_before_it_opens(self):
        problems = hours.session_problems([hours.SessionRow(2, TUE, time(12, 30), time(9))])

        assert problems[2].field == "closes"
        assert problems[2].message == (
            "Row 2 (Tuesday): the closing time (9am) must be after the opening time (12:30pm)"
        )

    def test_overlapping_sessions_on_the_same_day(self):
        rows = [
            hours.SessionRow(1, MON, time(9), time(13)),
            hours.SessionRow(2, MON, time(12), time(17)),
            hours.SessionRow(3, TUE, time(12), time(17)),
        ]

        problems = hours.session_problems(rows)

        assert list(problems) == [2]
        assert problems[2].message == "Row 2 (Monday midday to 5pm) overlaps row 1 (9am to 1pm)"

    def test_good_sessions_have_no_problems(self):
        rows = [
            hours.SessionRow(1, MON, time(9), time(12, 30)),
            hours.SessionRow(2, MON, time(13, 30), time(17)),
        ]

        assert hours.session_problems(rows) == {}

    def test_a_range_that_ends_before_it_starts(self):
        row = hours.ExceptionRow(1, date(2026, 12, 24), date(2026, 12, 20), True, None, None)

        problem = hours.exception_problems([row])[1]

        assert problem.field == "end_date"
        assert problem.message == (
            "Row 1 (Thursday 24 December): the end date (Sunday 20 December) is before the "
            "start date"
        )

    def test_special_hours_need_times(self):
        row = hours.ExceptionRow(3, date(2026, 12, 24), None, False, None, time(12))

        assert hours.exception_problems([row])[3].message.endswith(
            "enter the opening and closing times, or tick Closed"
        )


# The kept answers (kept_status_at, kept_status_segments_json): every moment of a minute has the
# same status, so they are worked out once per schedule and minute. These schedules use the real
# bank holidays (bank_holidays=None): a schedule with injected ones is never kept.
KEPT_NINE_TO_FIVE = Schedule(sessions=weekdays("09:00", "17:00"))


@pytest.mark.parametrize(
    "moment",
    [
        at("2026-11-24 08:59"),
        at("2026-11-24 08:59").replace(second=59, microsecond=999_999),
        at("2026-11-24 09:00"),
        at("2026-11-24 16:59").replace(second=30),
        at("2026-11-24 17:00"),
        at("2026-11-24 23:59").replace(second=59),
        at("2026-11-24 10:00").astimezone(UTC).replace(second=12),
    ],
)
def test_the_kept_status_is_the_status_at_every_moment_of_the_minute(moment):
    assert hours.kept_status_at(KEPT_NINE_TO_FIVE, moment) == status_at(KEPT_NINE_TO_FIVE, moment)


def test_a_changed_schedule_is_never_answered_from_what_was_kept_for_the_old_one():
    moment = at("2026-11-24 10:00")
    closed_today = Schedule(
        sessions=KEPT_NINE_TO_FIVE.sessions,
        exceptions=(DatedException(date(2026, 11, 24), date(2026, 11, 24), reason="a flood"),),
    )

    assert hours.kept_status_at(KEPT_NINE_TO_FIVE, moment).open_now
    kept = hours.kept_status_at(closed_today, moment)
    assert (kept.open_now, kept.text) == (
        False,
        "Closed for a flood, opens tomorrow at 9am",
    )


def test_the_kept_status_lines_start_at_the_minute_and_are_worked_out_once():
    moment = at("2026-11-24 16:58").replace(second=40)
    start_of_minute = at("2026-11-24 16:58")

    kept = hours.kept_status_segments_json(KEPT_NINE_TO_FIVE, moment, 36)

    assert kept == hours.status_segments_json(KEPT_NINE_TO_FIVE, start_of_minute, 36)
    assert hours.kept_status_segments_json(KEPT_NINE_TO_FIVE, moment.replace(second=5), 36) is kept
    assert hours.kept_status_segments_json(KEPT_NINE_TO_FIVE, moment, 24) != kept


def test_a_schedule_with_seconds_is_answered_at_the_very_moment():
    # An imported feed's "closes 23:59:59", say: the status changes within the minute.
    until_half_past = Schedule(sessions=(Session(TUE, time(9, 0), time(16, 59, 30)),))
    moment = at("2026-11-24 16:59").replace(second=45)

    assert hours.kept_status_at(until_half_past, at("2026-11-24 16:59")).open_now
    assert not hours.kept_status_at(until_half_past, moment).open_now
    assert hours.kept_status_segments_json(until_half_past, moment, 36) == (
        hours.status_segments_json(until_half_past, moment, 36)
    )


def test_kept_answers_need_an_aware_moment():
    with pytest.raises(ValueError, match="aware"):
        hours.kept_status_at(KEPT_NINE_TO_FIVE, datetime(2026, 11, 24, 10, 0))
    with pytest.raises(ValueError, match="aware"):
        hours.kept_status_segments_json(KEPT_NINE_TO_FIVE, datetime(2026, 11, 24, 10, 0), 36)
