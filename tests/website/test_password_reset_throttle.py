"""The admin's "forgotten password" form is rate-limited (website/password_reset.py): each
request sends an email, so beyond a few an hour the form says why and sends nothing."""

from django.core import mail
from django.urls import reverse

import pytest

pytestmark = pytest.mark.django_db

TOO_MANY = "Too many password reset requests"


@pytest.fixture
def editor(django_user_model, settings):
    settings.PASSWORD_RESET_LIMIT = 3
    return django_user_model.objects.create_user("editor", "editor@example.com", "pw")


def ask(client, email: str, address: str = "203.0.113.7"):
    return client.post(
        reverse("wagtailadmin_password_reset"), {"email": email}, REMOTE_ADDR=address
    )


def test_a_few_requests_are_answered_then_the_form_says_wait(client, editor):
    answers = [ask(client, "editor@example.com") for _ in range(3)]
    assert [answer.status_code for answer in answers] == [302, 302, 302]
    assert len(mail.outbox) == 3

    refused = ask(client, "editor@example.com")

    assert refused.status_code == 429
    assert TOO_MANY in refused.content.decode()
    assert len(mail.outbox) == 3, "nothing more sent"


def test_one_address_cannot_try_address_after_address(client, editor):
    for number in range(3):
        assert ask(client, f"someone{number}@example.com").status_code == 302

    assert ask(client, "editor@example.com").status_code == 429
    assert mail.outbox == []


def test_one_email_address_is_limited_from_any_address(client, editor):
    for number in range(3):
        assert ask(client, "editor@example.com", address=f"198.51.100.{number}").status_code == 302

    assert ask(client, "editor@example.com", address="198.51.100.99").status_code == 429


def test_other_visitors_are_not_held_up(client, editor):
    for _ in range(4):
        ask(client, "someone@example.com")

    assert ask(client, "editor@example.com", address="192.0.2.1").status_code == 302
    assert len(mail.outbox) == 1
