"""Editors' second factors: an authenticator app (django-otp's TOTPDevice) and single-use backup
codes (StaticDevice). Views and the management command go through these functions."""

import base64
import io
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone

import qrcode
import qrcode.image.svg
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

APP_DEVICE_NAME = "Authenticator app"
BACKUP_DEVICE_NAME = "Backup codes"
BACKUP_CODE_COUNT = 10


def confirmed_app_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def has_two_factor(user) -> bool:
    return confirmed_app_device(user) is not None


def pending_app_device(user) -> TOTPDevice:
    """The unconfirmed device being set up: the same secret until it is confirmed, so that
    reloading the set-up page does not invalidate what the editor already scanned."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


def secret_for_manual_entry(device: TOTPDevice) -> str:
    """The key in base32, in groups of four, as authenticator apps ask for it typed in."""
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[index : index + 4] for index in range(0, len(secret), 4))


def qr_code_data_uri(text: str) -> str:
    """A QR code of the text as an SVG data: URI, made here, nothing fetched."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def normalise_code(code: str) -> str:
    """What people type: "123 456", "1234-5678" → "123456", "12345678"."""
    return "".join(character for character in code if character.isalnum()).lower()


@dataclass
class CodeCheck:
    device: object | None = None
    locked_until: datetime | None = None

    @property
    def accepted(self) -> bool:
        return self.device is not None


def _throttled_until(device) -> datetime | None:
    allowed, details = device.verify_is_allowed()
    if allowed:
        return None
    return (details or {}).get("locked_until") or timezone.now()


def _could_come_from(device, code: str) -> bool:
    """App codes are all digits, of the device's length; backup codes are letters and digits.
    Trying a code only on the kind of device that could have made it keeps a backup code from
    counting as a wrong app code (which would slow the next app code down)."""
    if isinstance(device, TOTPDevice):
        return code.isdigit() and len(code) == device.digits
    return True


def check_code(devices, code: str) -> CodeCheck:
    """Try the code on each device it could come from (django-otp throttles each: after a wrong
    code the next try must wait 1, 2, 4… seconds). A device still waiting refuses without
    looking at the code."""
    code = normalise_code(code)
    locked_until = None
    for device in [device for device in devices if _could_come_from(device, code)]:
        waiting_until = _throttled_until(device)
        if waiting_until is not None:
            locked_until = max(filter(None, (locked_until, waiting_until)))
            continue
        if code and device.verify_token(code):
            return CodeCheck(device=device)
    return CodeCheck(locked_until=locked_until)


def sign_in_devices(user) -> list:
    """The devices a code at sign-in may come from: the app, then backup codes."""
    devices: list = list(TOTPDevice.objects.devices_for_user(user, confirmed=True))
    devices += list(StaticDevice.objects.devices_for_user(user, confirmed=True))
    return devices


@transaction.atomic
def confirm_app_device(device: TOTPDevice) -> list[str]:
    """Turn two-factor sign-in on with this device, replacing any earlier one, and issue fresh
    backup codes; returns them (shown once, never stored in clear elsewhere)."""
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save()
    return issue_backup_codes(device.user)


@transaction.atomic
def issue_backup_codes(user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    backup = StaticDevice.objects.create(user=user, name=BACKUP_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=backup, token=code) for code in codes)
    return codes


def backup_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def remove_devices(user) -> int:
    """Turn two-factor sign-in off for the user: every app and backup code goes."""
    apps = TOTPDevice.objects.filter(user=user)
    backups = StaticDevice.objects.filter(user=user)
    count = apps.count() + backups.count()
    apps.delete()
    backups.delete()
    return count
