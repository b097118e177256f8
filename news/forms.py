"""The admin form of a news release: the embargo ("Embargoed until", the page's go-live time)
checked as a comms officer would want it checked."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import TabbedInterface


class NewsReleaseForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "go_live_at" in self.fields:
            self.fields["go_live_at"].error_messages["invalid"] = _(
                "Enter the embargo as a date and a time, such as 2026-12-08 09:00."
            )

    def clean_go_live_at(self):
        go_live_at = self.cleaned_data.get("go_live_at")
        # A release already out keeps the go-live time it went live at; only a new or changed
        # embargo must be in the future (a past one would publish the release at once).
        if go_live_at and "go_live_at" in self.changed_data and go_live_at <= timezone.now():
            raise forms.ValidationError(
                _(
                    "The embargo time has passed. Choose a time in the future, or leave it "
                    "blank to publish as soon as the release is approved."
                )
            )
        return go_live_at


class ReleaseEditHandler(TabbedInterface):
    """The release's tabs. The embargo is a field of its own near the top of the form, not the
    status panel's scheduling dialog, so that dialog's "Edit schedule" toggle (which Wagtail
    offers whenever the form has a go-live field) would open nothing: it is not offered."""

    def get_form_class(self):
        form_class = super().get_form_class()
        return type(form_class.__name__, (form_class,), {"show_schedule_publishing_toggle": False})
