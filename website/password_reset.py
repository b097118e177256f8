"""Wagtail's "forgotten password" form, rate-limited: each request sends an email, so an
unlimited form lets anyone flood an editor's inbox (or the council's mail quota) and probe
which addresses have accounts. At most PASSWORD_RESET_LIMIT requests in
PASSWORD_RESET_WINDOW_MINUTES from one address, and as many for one email address; beyond that
the form is shown again with a message, status 429 Too Many Requests, and nothing is sent.

The counts live in the cache (Redis in production): no email address is stored, only a digest
of it. Without the cache (Redis down) the form is not limited rather than not working."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext

from wagtail.admin.views.account import PasswordResetView

from .client_ip import client_ip_address


def _counted(key: str) -> int:
    """Count one more request under `key` within the window; the count so far."""
    seconds = int(settings.PASSWORD_RESET_WINDOW_MINUTES * 60)
    count = (cache.get(key) or 0) + 1
    cache.set(key, count, seconds)
    return count


def too_many(address: str, email: str) -> bool:
    """Count this request against its address and its email address; whether either is over
    the limit."""
    email_digest = hashlib.sha256(email.strip().lower().encode()).hexdigest()
    counts = (
        _counted(f"password-reset:address:{address}"),
        _counted(f"password-reset:email:{email_digest}"),
    )
    return max(counts) > settings.PASSWORD_RESET_LIMIT


class ThrottledPasswordResetView(PasswordResetView):
    def post(self, request, *args, **kwargs):
        if too_many(client_ip_address(request), request.POST.get("email", "")):
            form = self.get_form()
            form.is_valid()
            form.add_error(
                None,
                gettext(
                    "Too many password reset requests: try again later, or ask an "
                    "administrator to reset your password."
                ),
            )
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        return super().post(request, *args, **kwargs)
