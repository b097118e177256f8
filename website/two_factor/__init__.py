"""Optional two-factor sign-in for the Wagtail admin, on django-otp (docs/security.md).

An editor turns it on from their account (an authenticator app, TOTP), confirms with a code, and
gets ten single-use backup codes; from then on the admin asks for a code after the password.
ADMIN_REQUIRE_2FA makes it compulsory for everyone with admin access. An operator resets a
user's devices with `manage.py reset_two_factor USERNAME`."""
