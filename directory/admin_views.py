"""The bulk closure screen in the Wagtail admin: close many hubs for the same dates, see past
closures, undo one."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.generic import FormView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import closures
from . import opening_hours as hours
from .forms import BulkClosureForm
from .models import BulkClosure


class BulkClosureView(WagtailAdminTemplateMixin, FormView):
    form_class = BulkClosureForm
    template_name = "directory/admin/bulk_closure.html"
    page_title = "Close family hubs"
    header_icon = "calendar-alt"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["recent_closures"] = BulkClosure.objects.prefetch_related("hubs")[:20]
        context["action_url"] = reverse("directory_bulk_closure")
        context["submit_button_label"] = "Continue"
        context["media"] = context["form"].media
        return context

    def form_valid(self, form):
        hubs = list(form.chosen_hubs())
        start = form.cleaned_data["start_date"]
        end = form.cleaned_data["end_date"] or start
        reason = form.cleaned_data["reason"]
        may_publish_banner = self.request.user.has_perm("website.publish_alertbanner")
        if not form.cleaned_data["confirm"]:
            # First step: what the closure cancels, before anything changes.
            form = BulkClosureForm(
                initial={
                    **form.cleaned_data,
                    "hubs": hubs,
                    "confirm": True,
                    "publish_banner": may_publish_banner,
                    "banner_message": closures.banner_message(hubs, start, end, reason),
                }
            )
            return TemplateResponse(
                self.request,
                "directory/admin/bulk_closure_confirm.html",
                {
                    **super().get_context_data(form=form),
                    "page_title": "Check the closure",
                    "hubs": hubs,
                    "dates": hours.describe_dates(start, end),
                    "reason": reason,
                    "affected": closures.affected_services(hubs, start, end),
                    "may_publish_banner": may_publish_banner,
                    "action_url": reverse("directory_bulk_closure"),
                },
            )
        closure = closures.close_hubs(hubs, start, end, reason, self.request.user)
        message = f"{len(hubs)} hubs closed. {closure}."
        if form.cleaned_data["publish_banner"] and may_publish_banner:
            closures.publish_banner(form.cleaned_data["banner_message"], end, self.request.user)
            message += " The alert banner is on every page until they reopen."
        messages.success(self.request, message)
        return redirect("directory_bulk_closure")

    def form_invalid(self, form):
        messages.error(self.request, "The hubs could not be closed. Check the form below.")
        return super().form_invalid(form)


def undo_bulk_closure(request, pk: int):
    closure = get_object_or_404(BulkClosure, pk=pk)
    if request.method != "POST":
        return redirect("directory_bulk_closure")
    if closure.undone_at is not None:
        messages.warning(request, f"That closure was already undone. {closure}.")
    else:
        closures.undo_closure(closure, request.user)
        messages.success(request, f"Undone: {closure}. The hubs' usual hours apply again.")
    return redirect("directory_bulk_closure")
