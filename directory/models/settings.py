"""Directory settings an editor can change, per site."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import register_setting
from wagtail.models import Site

from website import content_cache
from website.models import SharedSiteSetting

DEFAULT_NOTICE_WEEKS = 8


@register_setting(icon="time")
class DirectorySettings(SharedSiteSetting):
    notice_weeks = models.PositiveSmallIntegerField(
        "weeks of coming changes",
        default=DEFAULT_NOTICE_WEEKS,
        validators=[MinValueValidator(1), MaxValueValidator(52)],
        help_text="How far ahead hub and service pages list closures, bank holidays and "
        "special hours.",
    )

    panels = [FieldPanel("notice_weeks")]

    class Meta:
        verbose_name = "opening times"


def notice_days(request) -> int:
    """How many days of coming changes to list, for the request's site: the default until an
    editor saves the setting (reading it must not create the row, a change that every page's
    shared content would be read again for)."""
    site = Site.find_for_request(request)
    if site is None:
        return DEFAULT_NOTICE_WEEKS * 7

    def read() -> int:
        saved = DirectorySettings.objects.filter(site=site).values_list("notice_weeks", flat=True)
        return saved.first() or DEFAULT_NOTICE_WEEKS

    return content_cache.remember(f"notice-weeks:{site.pk}", read) * 7
