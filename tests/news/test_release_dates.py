from datetime import UTC, datetime

from news.release_dates import default_release_date

SCHEDULED_FOR = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
SCHEDULER_RAN = datetime(2026, 3, 2, 9, 0, 41, tzinfo=UTC)


def test_an_embargoed_release_is_dated_from_its_go_live_time_not_when_the_scheduler_ran():
    assert default_release_date(SCHEDULED_FOR, SCHEDULER_RAN) == SCHEDULED_FOR


def test_a_release_published_straight_away_is_dated_from_its_first_publication():
    assert default_release_date(None, SCHEDULER_RAN) == SCHEDULER_RAN


def test_scheduling_a_correction_later_does_not_move_the_date():
    correction_at = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)

    assert default_release_date(correction_at, SCHEDULER_RAN) == SCHEDULER_RAN


def test_no_date_before_the_release_has_gone_live_or_been_scheduled():
    assert default_release_date(None, None) is None
