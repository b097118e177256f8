"""The two snippets news releases share: topics (the comms team's managed list) and press
contacts. Both sit in the admin's News menu (news/wagtail_hooks.py)."""

from django.core.exceptions import ValidationError
from django.db import models

from wagtail.admin.panels import FieldPanel, TitleFieldPanel
from wagtail.admin.widgets.slug import SlugInput


class NewsTopic(models.Model):
    """A topic from the comms team's managed list. Editors tick topics on a release; the
    listing filters by a topic's slug (/news/?topic=consultations) and each has its own feed."""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(
        max_length=80,
        unique=True,
        help_text="Used in web addresses (/news/?topic=…). Changing it breaks links people "
        "have shared and feeds people subscribe to.",
    )
    description = models.TextField(
        blank=True,
        max_length=300,
        help_text="One sentence, shown when someone filters the news by this topic.",
    )

    panels = [
        TitleFieldPanel("name", placeholder=False),
        FieldPanel("slug", widget=SlugInput),
        FieldPanel("description"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = "news topic"

    def __str__(self) -> str:
        return self.name


class PressContact(models.Model):
    """Who journalists call about a release. One contact serves many releases, so a change of
    phone number is made once."""

    name = models.CharField(max_length=120)
    role = models.CharField(
        max_length=160, blank=True, help_text="For example, 'Communications officer'."
    )
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("phone"), FieldPanel("email")]

    class Meta:
        ordering = ["name"]
        verbose_name = "press contact"

    def __str__(self) -> str:
        return f"{self.name}, {self.role}" if self.role else self.name

    def clean(self):
        super().clean()
        if not (self.phone.strip() or self.email.strip()):
            raise ValidationError(
                "Give a phone number or an email address (or both), so journalists can reach "
                "this person."
            )
