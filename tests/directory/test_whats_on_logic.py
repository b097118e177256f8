"""The timetable's rules, without a database: sessions cancelled or cut by the day's hours
(a hub's closure, a bank holiday, the service's own cancellation) with the reason the
opening-hours code gives, one-off events, and the filters read from the query string."""

from datetime import date, datetime, time

from directory import opening_hours as hours
from directory import whats_on

MONDAY = date(2026, 12, 7)
TUESDAY = date(2026, 12, 8)
SATURDAY = date(2026, 12, 12)


def hub(exceptions=(), bank_holidays=None) -> hours.Venue:
    schedule = hours.Schedule(
        sessions=tuple(hours.Session(day, time(9), time(17)) for day in range(5)),
        exceptions=tuple(exceptions),
        bank_holidays={} if bank_holidays is None else bank_holidays,
    )
    return hours.Venue(1, "Bilston Family Hub", schedule)


def clinic(exceptions=(), bank_holidays=None) -> hours.Schedule:
    """Tuesdays 9:30 to 11:30 and 1pm to 3pm."""
    return hours.Schedule(
        sessions=(
            hours.Session(1, time(9, 30), time(11, 30)),
            hours.Session(1, time(13), time(15)),
        ),
        exceptions=tuple(exceptions),
        bank_holidays={} if bank_holidays is None else bank_holidays,
    )


def test_usual_week_gives_each_session():
    sittings = list(
        whats_on.sittings_between(hours.held_at(clinic(), hub()), MONDAY, date(2026, 12, 14))
    )
    assert [(s.day, s.starts, s.ends, s.cancelled) for s in sittings] == [
        (TUESDAY, time(9, 30), time(11, 30), False),
        (TUESDAY, time(13), time(15), False),
    ]


def test_hub_closure_cancels_every_session_with_the_hubs_reason():
    snow = hours.DatedException(TUESDAY, TUESDAY, reason="snow")
    sittings = whats_on.sittings_on(hours.held_at(clinic(), hub([snow])), TUESDAY)
    assert [(s.starts, s.cancelled, s.reason) for s in sittings] == [
        (time(9, 30), True, "Closed for snow at Bilston Family Hub"),
        (time(13), True, "Closed for snow at Bilston Family Hub"),
    ]


def test_services_own_cancellation_and_bank_holiday():
    own = hours.DatedException(TUESDAY, TUESDAY, reason="staff sickness")
    sittings = whats_on.sittings_on(clinic([own]), TUESDAY)
    assert {(s.cancelled, s.reason) for s in sittings} == {(True, "Closed for staff sickness")}
    holiday = whats_on.sittings_on(clinic(bank_holidays={TUESDAY: "Boxing Day"}), TUESDAY)
    assert {(s.cancelled, s.reason) for s in holiday} == {(True, "Closed for Boxing Day")}


def test_hubs_special_hours_cut_a_session_and_cancel_one_outside_them():
    short_day = hours.DatedException(
        TUESDAY, TUESDAY, closed=False, opens=time(10), closes=time(12), reason="training"
    )
    sittings = whats_on.sittings_on(hours.held_at(clinic(), hub([short_day])), TUESDAY)
    assert [(s.starts, s.ends, s.cancelled, s.changed) for s in sittings] == [
        (time(10), time(11, 30), False, True),
        (time(13), time(15), True, False),
    ]
    assert sittings[0].reason == "training at Bilston Family Hub"


def test_special_session_on_another_day_is_added():
    extra = hours.DatedException(
        MONDAY, MONDAY, closed=False, opens=time(16), closes=time(17), reason="extra session"
    )
    sittings = whats_on.sittings_on(clinic([extra]), MONDAY)
    assert [(s.starts, s.ends, s.changed, s.reason) for s in sittings] == [
        (time(16), time(17), True, "extra session")
    ]


def test_event_goes_ahead_on_a_usual_closed_day_but_not_in_a_closure():
    saturday = whats_on.event_sitting(hub().schedule, SATURDAY, time(10), time(14))
    assert not saturday.cancelled
    closed = hub([hours.DatedException(SATURDAY, SATURDAY, reason="flooding")]).schedule
    cancelled = whats_on.event_sitting(closed, SATURDAY, time(10), time(14))
    assert cancelled.cancelled
    assert cancelled.reason == "Closed for flooding"


def entry(day, starts, ends) -> whats_on.Entry:
    return whats_on.Entry(
        whats_on.Sitting(day, starts, ends), "Stay and play", "/s/", "Penn", None, "Free", ""
    )


def test_timetable_true_until_the_next_session_ends_or_midnight():
    now = datetime(2026, 12, 7, 10, 0, tzinfo=hours.LONDON)
    entries = [entry(MONDAY, time(9), time(11)), entry(TUESDAY, time(9), time(10))]
    assert whats_on.true_until(entries, now) == datetime(2026, 12, 7, 11, tzinfo=hours.LONDON)
    later = datetime(2026, 12, 7, 12, 0, tzinfo=hours.LONDON)
    assert whats_on.true_until(entries, later) == datetime(2026, 12, 8, 0, tzinfo=hours.LONDON)


def test_by_day_groups_in_time_order():
    days = whats_on.by_day(
        [
            entry(TUESDAY, time(9), time(10)),
            entry(MONDAY, time(13), time(14)),
            entry(MONDAY, time(9), time(10)),
        ]
    )
    assert [day.day for day in days] == [MONDAY, TUESDAY]
    assert [e.sitting.starts for e in days[0].entries] == [time(9), time(13)]
    assert days[0].heading == "Monday 7 December"


def parse(**params):
    return whats_on.parse_filters(params, MONDAY, ["bilston", "penn"], ["health", "early-years"])


def test_good_filters_are_read():
    filters = parse(date="2026-12-10", hub="penn", age="3", category="health", service="12")
    assert filters.errors == {}
    assert (filters.day, filters.hub, filters.age, filters.category, filters.service) == (
        date(2026, 12, 10),
        "penn",
        3,
        "health",
        12,
    )
    assert parse(age="pregnancy").pregnancy


def test_bad_filters_each_get_a_message_and_are_not_applied():
    filters = parse(date="10/12/2026", hub="nowhere", age="old", category="spam", service="x")
    assert set(filters.errors) == {"date", "hub", "age", "category", "service"}
    assert (filters.day, filters.hub, filters.age, filters.category, filters.service) == (
        None,
        "",
        None,
        "",
        None,
    )
    assert "year-month-day" in filters.errors["date"]


def test_a_date_outside_the_four_weeks_is_refused():
    assert parse(date="2027-01-04").errors["date"] == (
        "Choose a date from Monday 7 December to Sunday 3 January"
    )
    assert parse(date="2027-01-03").errors == {}
    assert "date" in parse(date="2026-12-06").errors


def test_calendar_links():
    links = whats_on.calendar_links("https://example.org/whats-on/calendar.ics", "hub=penn")
    assert links == {
        "https": "https://example.org/whats-on/calendar.ics?hub=penn",
        "webcal": "webcal://example.org/whats-on/calendar.ics?hub=penn",
    }
