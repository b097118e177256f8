"""Two-factor sign-in for editors: set up from the account, confirm with a code, then asked for a
code after the password. Codes are computed here from the key the set-up page shows, as an
authenticator app would (RFC 6238), not by django-otp."""

import base64
import hashlib
import hmac
import struct
from datetime import UTC, datetime, timedelta
from io import StringIO

from django.core.management import CommandError, call_command

import pytest
import time_machine
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.html import soup

pytestmark = pytest.mark.django_db

START = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
SET_UP = "/admin/two-factor/set-up/"
VERIFY = "/admin/two-factor/verify/"


def totp(secret: str, at: datetime, step: int = 30, digits: int = 6) -> str:
    key = base64.b32decode(secret.replace(" ", "") + "=" * (-len(secret.replace(" ", "")) % 8))
    counter = int(at.timestamp()) // step
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(number % 10**digits).zfill(digits)


def field_errors(response) -> str:
    return " ".join(
        error.get_text(" ", strip=True) for error in soup(response).select(".error-message")
    )


@pytest.fixture
def editor(django_user_model, home_page):
    return django_user_model.objects.create_superuser("editor", "editor@example.com", "right-pw")


def sign_in(client, password="right-pw"):  # noqa: S107 - a test user's password
    return client.post(
        "/admin/login/", {"username": "editor", "password": password, "next": "/admin/"}
    )


@pytest.fixture
def enrolled(client, editor):
    """An editor who turned two-factor sign-in on at START; returns the key and backup codes."""
    with time_machine.travel(START, tick=False):
        sign_in(client)
        secret = soup(client.get(SET_UP)).find(id="two-factor-secret").get_text(strip=True)
        response = client.post(SET_UP, {"code": totp(secret, START)})
        codes = [item.get_text(strip=True) for item in soup(response).select("#backup-codes li")]
    client.logout()
    return secret, codes


def test_account_page_links_to_two_factor_sign_in(client, editor):
    sign_in(client)

    html = soup(client.get("/admin/account/"))

    link = html.find("a", href="/admin/two-factor/")
    assert link is not None and link.get_text(strip=True) == "Two-factor sign-in"
    status = soup(client.get("/admin/two-factor/")).find(id="two-factor-status")
    assert "off" in status.get_text()


def test_set_up_shows_a_qr_code_and_the_key_and_a_wrong_code_reshows_the_form(client, editor):
    with time_machine.travel(START, tick=False):
        sign_in(client)
        page = client.get(SET_UP)

        assert page.status_code == 200
        html = soup(page)
        assert html.find(id="two-factor-qr")["src"].startswith("data:image/svg+xml;base64,")
        assert (
            html.find(id="two-factor-uri")
            .get_text()
            .startswith("otpauth://totp/Harbour%3Aeditor?secret=")
        )
        secret = html.find(id="two-factor-secret").get_text(strip=True)
        assert page.context["secret"] == secret, "the same key until it is confirmed"
        assert soup(client.get(SET_UP)).find(id="two-factor-secret").get_text(strip=True) == secret

        response = client.post(
            SET_UP, {"code": "000000" if totp(secret, START) != "000000" else "111111"}
        )

    assert response.status_code == 200
    assert "That code is not right" in field_errors(response)
    assert not TOTPDevice.objects.filter(user__username="editor", confirmed=True).exists()


def test_set_up_with_a_real_code_turns_it_on_and_gives_backup_codes(client, editor):
    with time_machine.travel(START, tick=False):
        sign_in(client)
        secret = soup(client.get(SET_UP)).find(id="two-factor-secret").get_text(strip=True)
        response = client.post(SET_UP, {"code": totp(secret, START)})

    assert response.status_code == 200
    html = soup(response)
    assert "Two-factor sign-in is on." in html.get_text()
    assert len(html.select("#backup-codes li")) == 10
    assert TOTPDevice.objects.get(user=editor).confirmed
    # Still signed in and verified: the admin opens without another code.
    assert client.get("/admin/").status_code == 200


def test_after_set_up_the_admin_asks_for_a_code_after_the_password(client, enrolled):
    secret, _ = enrolled
    later = START + timedelta(minutes=5)
    with time_machine.travel(later, tick=False):
        response = sign_in(client)
        assert response.status_code == 302

        page = client.get("/admin/pages/")
        assert page.status_code == 302
        assert page["Location"] == f"{VERIFY}?next=%2Fadmin%2Fpages%2F"

        form = client.get(page["Location"])
        assert form.status_code == 200
        assert soup(form).find("input", attrs={"name": "code"})["autocomplete"] == "one-time-code"

        wrong = client.post(VERIFY, {"code": "12", "next": "/admin/pages/"})
        assert wrong.status_code == 200
        assert "That code is not right" in field_errors(wrong)

    # django-otp's throttle: the next try waits a second after a wrong code.
    with time_machine.travel(later + timedelta(seconds=31), tick=False):
        right = client.post(
            VERIFY, {"code": totp(secret, later + timedelta(seconds=31)), "next": "/admin/pages/"}
        )
        assert right.status_code == 302
        assert right["Location"] == "/admin/pages/"
        assert client.get("/admin/pages/").status_code == 200


def test_wrong_codes_in_a_row_are_throttled_with_a_clear_message(client, enrolled):
    secret, _ = enrolled
    moment = START + timedelta(minutes=5)
    with time_machine.travel(moment, tick=False):
        sign_in(client)
        client.post(VERIFY, {"code": "000001"})
        client.post(VERIFY, {"code": "000002"})

        # Too soon after two wrong codes: refused without even checking the right one.
        response = client.post(VERIFY, {"code": totp(secret, moment)})

    assert response.status_code == 429
    assert "Too many wrong codes. Wait" in field_errors(response)
    assert soup(response).find("input", attrs={"name": "code"}) is not None
    assert client.get("/admin/").status_code == 302


def test_a_backup_code_signs_in_once(client, enrolled):
    _, codes = enrolled
    with time_machine.travel(START + timedelta(minutes=5), tick=False):
        sign_in(client)
        assert client.post(VERIFY, {"code": codes[0]}).status_code == 302
        assert client.get("/admin/").status_code == 200
        client.logout()

        sign_in(client)
        again = client.post(VERIFY, {"code": codes[0]})

    assert again.status_code == 200
    assert "That code is not right" in field_errors(again)
    assert StaticDevice.objects.get().token_set.count() == 9


def test_a_password_alone_cannot_replace_the_device(client, enrolled):
    with time_machine.travel(START + timedelta(minutes=5), tick=False):
        sign_in(client)
        response = client.get(SET_UP)

    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)


def test_next_cannot_send_the_editor_to_another_site(client, enrolled):
    secret, _ = enrolled
    moment = START + timedelta(minutes=5)
    with time_machine.travel(moment, tick=False):
        sign_in(client)
        response = client.post(
            VERIFY, {"code": totp(secret, moment), "next": "https://evil.example/admin/"}
        )

    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_turning_it_off_needs_a_code(client, enrolled):
    secret, codes = enrolled
    moment = START + timedelta(minutes=5)
    with time_machine.travel(moment, tick=False):
        sign_in(client)
        client.post(VERIFY, {"code": codes[1]})

        refused = client.post("/admin/two-factor/turn-off/", {"code": "nope"})
        assert refused.status_code == 200
        assert "That code is not right" in field_errors(refused)

    with time_machine.travel(moment + timedelta(seconds=40), tick=False):
        done = client.post(
            "/admin/two-factor/turn-off/", {"code": totp(secret, moment + timedelta(seconds=40))}
        )
    assert done.status_code == 302
    assert not TOTPDevice.objects.exists()
    assert not StaticDevice.objects.exists()


def test_operator_resets_a_users_devices(client, enrolled):
    output = StringIO()

    call_command("reset_two_factor", "editor", stdout=output)

    assert "Removed 2 two-factor devices for editor." in output.getvalue()
    sign_in(client)
    assert client.get("/admin/").status_code == 200


def test_reset_of_an_unknown_user_says_so():
    with pytest.raises(CommandError, match="No user called 'nobody'"):
        call_command("reset_two_factor", "nobody")


def test_required_two_factor_sends_editors_without_it_to_set_up(client, editor, settings):
    settings.ADMIN_REQUIRE_2FA = True
    sign_in(client)

    response = client.get("/admin/pages/")

    assert response.status_code == 302
    assert response["Location"] == f"{SET_UP}?next=%2Fadmin%2Fpages%2F"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "asks everyone who edits it" in page.content.decode()
    assert "Not now" not in page.content.decode()


def test_required_two_factor_lets_a_verified_editor_in(client, enrolled, settings):
    settings.ADMIN_REQUIRE_2FA = True
    secret, _ = enrolled
    moment = START + timedelta(minutes=5)
    with time_machine.travel(moment, tick=False):
        sign_in(client)
        client.post(VERIFY, {"code": totp(secret, moment)})
        assert client.get("/admin/").status_code == 200
        refused = client.post("/admin/two-factor/turn-off/", {"code": "123456"})
    assert refused.status_code == 302
    assert TOTPDevice.objects.exists()


def test_without_two_factor_signing_in_is_unchanged(admin_client):
    assert admin_client.get("/admin/").status_code == 200


def test_the_public_site_never_asks_for_a_code(client, enrolled, home_page):
    with time_machine.travel(START + timedelta(minutes=5), tick=False):
        sign_in(client)
        assert client.get(home_page.url).status_code == 200
