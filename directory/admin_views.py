"""The bulk closure screens in the Wagtail admin: close many hubs for the same dates, see past
closures, change or undo one. And "Mark as reviewed" for a page's opening times."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.generic import FormView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from . import closures, hours_check
from . import opening_hours as hours
from .forms import BulkClosureChangeForm, BulkClosureForm
from .models import BulkClosure, FamilyHubPage, ServicePage


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
        context["today"] = hours_check.today_in_london()
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


class BulkClosureChangeView(WagtailAdminTemplateMixin, FormView):
    """Change a bulk closure's dates, reason or hubs. The page says what the closure cancels
    now; continuing shows what it would cancel once changed, before anything changes."""

    form_class = BulkClosureChangeForm
    template_name = "directory/admin/bulk_closure_change.html"
    page_title = "Change a closure"
    header_icon = "calendar-alt"

    def dispatch(self, request, *args, **kwargs):
        self.closure = get_object_or_404(BulkClosure, pk=kwargs["pk"])
        today = hours_check.today_in_london()
        if self.closure.undone_at is not None or self.closure.end_date < today:
            state = "was undone" if self.closure.undone_at else "is over"
            messages.warning(
                request, f"That closure {state}, so it cannot be changed. {self.closure}."
            )
            return redirect("directory_bulk_closure")
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("directory_bulk_closure"), "label": BulkClosureView.page_title},
            {"url": "", "label": self.page_title},
        ]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "closure": self.closure}

    def get_initial(self):
        return {
            "hubs": list(self.closure.hubs.all()),
            "start_date": self.closure.start_date,
            "end_date": self.closure.end_date,
            "reason": self.closure.reason,
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        hubs = list(self.closure.hubs.order_by("title"))
        context.update(
            closure=self.closure,
            hubs=hubs,
            affected=closures.affected_services(
                hubs, self.closure.start_date, self.closure.end_date, setting_aside=self.closure
            ),
            action_url=self.request.path,
            submit_button_label="Continue",
            media=context["form"].media,
        )
        return context

    def form_valid(self, form):
        hubs = list(form.cleaned_data["hubs"].order_by("title"))
        start = form.cleaned_data["start_date"]
        end = form.cleaned_data["end_date"] or start
        reason = form.cleaned_data["reason"]
        if not form.cleaned_data["confirm"]:
            old = set(self.closure.hubs.values_list("pk", flat=True))
            form = BulkClosureChangeForm(
                closure=self.closure,
                initial={**form.cleaned_data, "hubs": hubs, "confirm": True},
            )
            return TemplateResponse(
                self.request,
                "directory/admin/bulk_closure_change_confirm.html",
                {
                    **super().get_context_data(form=form),
                    "page_title": "Check the change",
                    "closure": self.closure,
                    "hubs": hubs,
                    "reopening": self.closure.hubs.exclude(
                        pk__in=[hub.pk for hub in hubs]
                    ).order_by("title"),
                    "closing": [hub for hub in hubs if hub.pk not in old],
                    "dates": hours.describe_dates(start, end),
                    "reason": reason,
                    "affected": closures.affected_services(
                        hubs, start, end, setting_aside=self.closure
                    ),
                    "action_url": self.request.path,
                },
            )
        closures.change_closure(self.closure, hubs, start, end, reason, self.request.user)
        messages.success(
            self.request,
            f"Changed: {self.closure}, at {len(hubs)} hub{'s' if len(hubs) != 1 else ''}.",
        )
        return redirect("directory_bulk_closure")

    def form_invalid(self, form):
        messages.error(self.request, "The closure was not changed. Check the form below.")
        return super().form_invalid(form)


def mark_opening_hours_reviewed(request, page_id: int):
    """Record that someone checked a hub's or a service's opening times today (POST only, by
    an editor of that page), in its history too."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    page = get_object_or_404(Page, pk=page_id).specific
    if not isinstance(page, FamilyHubPage | ServicePage):
        raise PermissionDenied
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    hours_check.mark_reviewed(page, request.user)
    messages.success(request, f"Opening times of {page.title} marked as reviewed today.")
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = reverse("wagtailadmin_home")
    return redirect(next_url)
