"""The ORUK API's parameters as plain functions: values, and the message for each bad one."""

import uuid
from datetime import UTC, datetime

import pytest

from directory.oruk import params


def test_paging_defaults_and_fields():
    paging = params.paging({})
    assert (paging.page, paging.per_page, paging.offset) == (1, 50, 0)
    assert params.paging({"page": "3", "per_page": "10"}).offset == 20
    assert params.Paging(2, 10).fields(25, 10) == {
        "total_items": 25,
        "total_pages": 3,
        "page_number": 2,
        "size": 10,
        "first_page": False,
        "last_page": False,
        "empty": False,
    }
    assert params.Paging(1, 10).fields(0, 0)["empty"] is True


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"page": "0"}, "page must be a whole number from 1 to 1000000"),
        ({"page": "1.5"}, "page must be a whole number from 1 to 1000000"),
        ({"page": "1" + "0" * 20}, "page must be a whole number from 1 to 1000000"),
        ({"per_page": "1000"}, "per_page must be a whole number from 1 to 100"),
        ({"per_page": "0"}, "per_page must be a whole number from 1 to 100"),
        ({"per_page": ""}, "per_page must be a whole number from 1 to 100"),
        # Digits to str.isdigit(), but not what a client means by a page number.
        ({"page": "\u00b2"}, "page must be a whole number from 1 to 1000000"),
        ({"page": "\u0661"}, "page must be a whole number from 1 to 1000000"),
        ({"per_page": "\uff11"}, "per_page must be a whole number from 1 to 100"),
    ],
)
def test_bad_paging(query, message):
    with pytest.raises(params.BadParameter, match=message):
        params.paging(query)


def test_ids():
    value = uuid.uuid4()
    assert params.oruk_id(str(value)) == value
    assert params.oruk_id(str(value).upper()) == value
    assert params.oruk_id("") is None
    with pytest.raises(params.BadParameter, match="taxonomy_term_id must be a UUID"):
        params.oruk_id("speech", "taxonomy_term_id")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-01-31T09:00:00Z", datetime(2026, 1, 31, 9, tzinfo=UTC)),
        ("2026-01-31T09:00:00", datetime(2026, 1, 31, 9, tzinfo=UTC)),
        ("2026-01-31T10:00:00 01:00", datetime(2026, 1, 31, 9, tzinfo=UTC)),
        ("2026-01-31", datetime(2026, 1, 31, tzinfo=UTC)),
    ],
)
def test_moments(text, expected):
    assert params.moment(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "yesterday",
        "2026-02-30",
        "2026-13-01T00:00:00Z",
        "31/01/2026",
        # Real date-times, but before the first or after the last moment in UTC.
        "0001-01-01T00:00:00+23:59",
        "9999-12-31T23:59:59-23:59",
    ],
)
def test_bad_moments(text):
    with pytest.raises(params.BadParameter, match="modified_after must be a date-time"):
        params.moment(text)


def test_flags_and_proximity():
    assert params.flag("TRUE", "full") is True
    assert params.flag("0", "full") is False
    assert params.flag(None, "full") is False
    with pytest.raises(params.BadParameter, match="full must be true or false"):
        params.flag("maybe", "full")
    assert params.proximity("1500") == 1500.0
    assert params.proximity(None) is None
    for bad in ("0", "-3", "nan", "inf", "far", "200001", "\u00b2", "\u0661", "\uff11"):
        with pytest.raises(params.BadParameter, match="proximity must be a distance in metres"):
            params.proximity(bad)
