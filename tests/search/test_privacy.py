"""What the search-query log refuses to keep (search/privacy.py): personal data in any spacing
or spelling. Plain functions; tests/search/test_promotions_and_privacy.py checks the log."""

import pytest

from search.privacy import looks_like_personal_data


@pytest.mark.parametrize(
    "text",
    [
        "W V 1 4 0 A A",
        "w v 1 4",
        "WV140AAx",
        "W.V.14-0AA",
        "nursery wv140aa please",
        "jane at example dot com",
        "jane (at) example [dot] co [dot] uk",
        "j a n e @ e x a m p l e . c o m",
        "janeATexampleDOTcom",
        "12 Acacia Avenue",
        "14 oak rd",
        "Acacia Road 12",
        "flat 3b",
        "Jane Smith 12",
        "0 1 9 0 2 5 5 5 0 1 0 0",
    ],
)
def test_personal_data_is_recognised_in_any_spacing(text):
    assert looks_like_personal_data(text)


@pytest.mark.parametrize(
    "text",
    [
        "speech therapy",
        "stay and play at the hub",
        "Stay and Play 2",
        "year 7 transfer",
        "30 hours free childcare",
        "2 year old funding",
        "under 5s",
        "covid19",
        "Bilston Family Hub",
        "youth club at Penn",
        "money advice",
    ],
)
def test_ordinary_queries_are_kept(text):
    assert not looks_like_personal_data(text)
