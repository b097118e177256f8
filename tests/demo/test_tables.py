"""The demo's data tables (demo/data/*.toml): the day ranges their sessions are written with, and
that every row becomes what the loaders expect."""

import pytest

from demo import hubs, news, services, tables


@pytest.mark.parametrize(
    ("days", "weekdays"),
    [
        ("Mon-Fri", [0, 1, 2, 3, 4]),
        ("Sat", [5]),
        ("Tue,Thu", [1, 3]),
        ("Mon,Wed,Thu,Fri", [0, 2, 3, 4]),
        ("Fri-Sun", [4, 5, 6]),
    ],
)
def test_days_are_read_as_weekday_numbers(days, weekdays):
    assert tables.weekdays(days) == weekdays


@pytest.mark.parametrize("days", ["Monday", "mon", "Mon-Funday", ""])
def test_a_misspelt_day_is_an_error_not_a_missing_session(days):
    with pytest.raises(ValueError, match="is not a day"):
        tables.weekdays(days)


def test_sessions_are_one_a_day_in_the_order_written():
    rows = [["Mon-Fri", "09:00", "12:30"], ["Mon-Fri", "13:30", "17:00"], ["Sat", "10:00", "13:00"]]

    sessions = tables.weekly_sessions(rows)

    assert sessions[:2] == [(0, "09:00", "12:30"), (1, "09:00", "12:30")]
    assert sessions[5] == (0, "13:30", "17:00")
    assert sessions[-1] == (5, "10:00", "13:00")
    assert len(sessions) == 11


def test_a_hub_row_becomes_the_spec_the_loader_builds_from():
    bilston = next(spec for spec in hubs.HUBS if spec["slug"] == "bilston")

    assert bilston["point"] == (52.565235, -2.073602)
    assert (0, "09:00", "12:30") in bilston["sessions"]
    assert (6, "10:00", "14:00") not in bilston["sessions"]
    assert bilston["body"][-1] == "The hub closes for lunch from 12:30pm to 1:30pm."


def test_a_service_description_keeps_its_paragraphs_heading_and_list_in_order():
    antenatal = next(s for s in services.SERVICES if s.title == "Antenatal classes")

    assert antenatal.description.startswith("<p>A course of 4 weekly classes")
    assert antenatal.description.endswith(
        "<h2>What to bring</h2><ul><li>your maternity notes</li><li>a drink and a snack</li></ul>"
    )
    assert antenatal.places["city-centre"] == [(5, "10:00", "12:00")]


def test_text_is_escaped_in_a_service_description():
    rows = [{"paragraphs": ["Fish & chips <Friday>"]}, {"list": ["a & b"]}]

    assert services.description_html(rows) == (
        "<p>Fish &amp; chips &lt;Friday&gt;</p><ul><li>a &amp; b</li></ul>"
    )


def test_news_release_dates_are_read_as_times_of_day():
    first = news.RELEASES[0]

    assert (first["date"].year, first["date"].month, first["date"].day) == (2022, 3, 14)
    assert (first["date"].hour, first["date"].minute) == (10, 0)
    assert first["image"][0] == "meeting"
