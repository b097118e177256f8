"""The UK phone number rule editors' numbers are checked against (directory.phone)."""

import pytest

from directory.phone import phone_problem


@pytest.mark.parametrize(
    "number",
    [
        "",
        "01902 551234",
        "(01902) 551234",
        "0121 496 0330",
        "07700 900123",
        "0800 123456",
        "0800 555 0410",
        "+44 1902 551234",
        "+44 (0)1902 551234",
        "0044 7700 900123",
        "111",
        "116 123",
    ],
)
def test_uk_numbers_pass(number):
    assert phone_problem(number) is None


@pytest.mark.parametrize(
    ("number", "says"),
    [
        ("01902 555 0100", "has 12 digits, and UK numbers have 10 or 11"),
        ("01902 5512", "has 9 digits"),
        ("1902 551234", "should start with 0 or +44"),
        ("hubs@wulfrun.example", "has characters other than digits"),
        ("01902 551234 ext 12", "has characters other than digits"),
    ],
)
def test_other_text_is_refused_in_plain_words(number, says):
    problem = phone_problem(number)
    assert problem is not None
    assert says in problem
    assert problem.startswith("Enter a UK phone number")
