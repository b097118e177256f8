"""Admin sign-in throttling with django-axes: after AXES_FAILURE_LIMIT wrong passwords for one
username from one address, that pair is locked out for the cool-off, on Wagtail's sign-in page."""

from io import StringIO

from django.core.management import call_command

import pytest
import time_machine
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


@pytest.fixture
def editor(django_user_model, home_page):
    return django_user_model.objects.create_superuser("editor", "editor@example.com", "right-pw")


def sign_in(client, password, username="editor", address="198.51.100.7", **headers):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
        **headers,
    )


def fail(client, times, **kwargs):
    for _ in range(times):
        response = sign_in(client, "wrong-pw", **kwargs)
    return response


def locked_message(response) -> str:
    alert = BeautifulSoup(response.content, "html.parser").find(id="sign-in-locked")
    return alert.get_text(" ", strip=True) if alert else ""


def test_wrong_passwords_below_the_limit_reshow_the_form(client, editor, settings):
    assert settings.AXES_FAILURE_LIMIT == 5

    response = fail(client, 4)

    assert response.status_code == 200
    assert "Your username and password didn" in response.content.decode()
    assert locked_message(response) == ""
    # The right password still works after four mistakes.
    assert sign_in(client, "right-pw").status_code == 302


def test_fifth_failure_locks_out_with_a_clear_message_on_the_sign_in_page(client, editor):
    response = fail(client, 5)

    assert response.status_code == 429
    message = locked_message(response)
    assert "Too many failed sign-in attempts" in message
    assert "15 minutes" in message
    html = BeautifulSoup(response.content, "html.parser")
    # Wagtail's own sign-in page, form included, not a bare error page.
    assert html.find("form", class_="login-form") is not None
    assert html.find("input", attrs={"name": "username"})["value"] == "editor"


def test_locked_out_even_with_the_right_password(client, editor):
    fail(client, 5)

    response = sign_in(client, "right-pw")

    assert response.status_code == 429
    assert "Too many failed sign-in attempts" in locked_message(response)
    assert "_auth_user_id" not in client.session


def test_lockout_is_per_username_and_address(client, editor, django_user_model):
    django_user_model.objects.create_superuser("other", "other@example.com", "other-pw")
    fail(client, 5)

    assert sign_in(client, "right-pw", address="198.51.100.8").status_code == 302
    client.logout()
    assert sign_in(client, "other-pw", username="other").status_code == 302


def test_lockout_ends_after_the_cool_off(client, editor):
    with time_machine.travel("2026-11-26 09:00 +0000", tick=False):
        fail(client, 5)
        assert sign_in(client, "right-pw").status_code == 429
    with time_machine.travel("2026-11-26 09:16 +0000", tick=False):
        assert sign_in(client, "right-pw").status_code == 302


def test_failure_limit_and_cool_off_come_from_settings(client, editor, settings):
    settings.AXES_FAILURE_LIMIT = 2

    response = fail(client, 2)

    assert response.status_code == 429


def test_operator_unlocks_with_axes_own_command(client, editor):
    fail(client, 5)
    output = StringIO()

    call_command("axes_reset_username", "editor", stdout=output)

    assert sign_in(client, "right-pw").status_code == 302


def test_behind_a_proxy_the_forwarded_address_is_the_one_locked_out(client, editor, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    balancer = "10.0.0.2"

    fail(client, 5, address=balancer, HTTP_X_FORWARDED_FOR="198.51.100.7")

    # Another visitor behind the same balancer signs in as the same user: not locked out.
    response = sign_in(client, "right-pw", address=balancer, HTTP_X_FORWARDED_FOR="203.0.113.4")
    assert response.status_code == 302


def test_a_forged_forwarded_header_does_not_dodge_the_lockout(client, editor, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    balancer = "10.0.0.2"
    for forged in ("1.1.1.1", "2.2.2.2", "3.3.3.3", "4.4.4.4", "5.5.5.5"):
        sign_in(
            client, "wrong-pw", address=balancer, HTTP_X_FORWARDED_FOR=f"{forged}, 198.51.100.7"
        )

    response = sign_in(
        client, "right-pw", address=balancer, HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.7"
    )

    assert response.status_code == 429


def test_successful_sign_in_resets_the_count(client, editor):
    fail(client, 4)
    assert sign_in(client, "right-pw").status_code == 302
    client.logout()

    response = fail(client, 4)

    assert response.status_code == 200
    assert sign_in(client, "right-pw").status_code == 302
