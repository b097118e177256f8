from django import forms
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from wagtail.admin.widgets import AdminDateInput

from directory import opening_hours as hours

from . import postcodes
from .models import FamilyHubPage, locate_in_use


class PostcodeForm(forms.Form):
    """A postcode, looked up in our postcode store as the form is cleaned. What was typed is
    used to answer this one request and never stored or logged. A postcode no longer in use
    is refused with a message saying so."""

    postcode = forms.CharField(
        label=_("Postcode"),
        required=False,
        help_text=format_lazy(
            _("For example, {example}. Or just the first part, like {district}."),
            example=postcodes.EXAMPLE,
            district=postcodes.EXAMPLE_DISTRICT,
        ),
    )

    location = None
    not_found = False

    def clean_postcode(self):
        try:
            self.location = locate_in_use(self.cleaned_data.get("postcode"))
        except postcodes.PostcodeError as error:
            self.not_found = isinstance(error, postcodes.PostcodeNotFound)
            raise forms.ValidationError(str(error)) from None
        return self.location.postcode


class BulkClosureForm(forms.Form):
    all_hubs = forms.BooleanField(
        required=False, label="All family hubs", help_text="Close every hub, live or draft."
    )
    hubs = forms.ModelMultipleChoiceField(
        queryset=FamilyHubPage.objects.order_by("title"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Or choose hubs",
    )
    start_date = forms.DateField(widget=AdminDateInput)
    end_date = forms.DateField(
        widget=AdminDateInput, required=False, help_text="Leave blank for a single day."
    )
    reason = forms.CharField(
        max_length=100,
        help_text="Finishes the sentence 'Closed for …', for example 'snow' or 'Christmas'. "
        "Shown to the public.",
    )
    # The second step: the editor has seen what the closure cancels, and confirms.
    confirm = forms.BooleanField(required=False, widget=forms.HiddenInput)
    publish_banner = forms.BooleanField(
        required=False,
        label="Also show an alert banner on every page until the hubs reopen",
    )
    banner_message = forms.CharField(
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Banner message",
    )

    # A closure already on may keep the day it started (see BulkClosureChangeForm).
    earliest_start = None
    no_hubs_message = "Choose at least one hub, or tick All family hubs"

    def clean(self):
        cleaned_data = super().clean()
        if not cleaned_data.get("all_hubs") and not cleaned_data.get("hubs"):
            self.add_error("hubs", self.no_hubs_message)
        start, end = cleaned_data.get("start_date"), cleaned_data.get("end_date")
        today = timezone.localdate(timezone=hours.LONDON)
        if self.earliest_start is not None:
            today = min(today, self.earliest_start)
        if start and start < today:
            self.add_error("start_date", "The closure must start today or later")
        if start and end and end < start:
            self.add_error(
                "end_date",
                f"The end date ({hours.format_date(end)}) is before the start date "
                f"({hours.format_date(start)})",
            )
        if cleaned_data.get("publish_banner") and not cleaned_data.get("banner_message"):
            self.add_error("banner_message", "Write the banner's message, or untick the banner")
        return cleaned_data

    def chosen_hubs(self):
        if self.cleaned_data["all_hubs"]:
            return FamilyHubPage.objects.order_by("title")
        return self.cleaned_data["hubs"]


class BulkClosureChangeForm(BulkClosureForm):
    """New dates, reason or hubs for a bulk closure. A closure that is already on may keep its
    first day; no other day in the past."""

    no_hubs_message = "Choose at least one hub. To reopen them all, undo the closure instead"

    def __init__(self, *args, closure, **kwargs):
        super().__init__(*args, **kwargs)
        self.earliest_start = closure.start_date
        for name in ("all_hubs", "publish_banner", "banner_message"):
            del self.fields[name]
        self.fields["hubs"].label = "Hubs"
        self.fields["hubs"].help_text = "Untick a hub to reopen it; tick one to close it too."
