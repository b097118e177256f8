"""Directory settings an editor can change, per site."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import register_setting

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
