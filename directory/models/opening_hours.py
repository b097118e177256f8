"""Opening times as data, shared by every page type that has them (family hubs now, services
later): a weekly pattern of sessions and dated exceptions, edited in inline panels, turned into
the plain `directory.opening_hours.Schedule` that does the arithmetic."""

from collections import defaultdict
from datetime import date, datetime

from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, InlinePanel
from wagtail.models import Orderable

from directory import opening_hours as hours
from website import content_cache

from .settings import DEFAULT_NOTICE_WEEKS

WEEKDAY_CHOICES = list(enumerate(hours.WEEKDAYS))


class WeeklySession(Orderable):
    """Open on a weekday from one time to another, every week. Concrete subclasses add a
    ParentalKey named `page` with related_name="opening_sessions"."""

    weekday = models.PositiveSmallIntegerField(choices=WEEKDAY_CHOICES)
    opens = models.TimeField()
    closes = models.TimeField()

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]

    class Meta(Orderable.Meta):
        abstract = True

    def as_session(self) -> hours.Session:
        return hours.Session(self.weekday, self.opens, self.closes)


class DateException(Orderable):
    """Closed, or open special hours, on a date or a range of dates. Concrete subclasses add a
    ParentalKey named `page` with related_name="opening_exceptions"."""

    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True, help_text="Leave blank for a single day.")
    closed = models.BooleanField(
        default=True, help_text="Untick to give special opening hours instead."
    )
    opens = models.TimeField(null=True, blank=True, help_text="Special hours only.")
    closes = models.TimeField(null=True, blank=True, help_text="Special hours only.")
    reason = models.CharField(
        max_length=100,
        blank=True,
        help_text="Finishes the sentence 'Closed for …', for example 'Christmas' or "
        "'staff training'. Shown to the public.",
    )
    # Set when the exception came from a bulk closure, so that closure can be undone.
    bulk_closure = models.ForeignKey(
        "directory.BulkClosure",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldRowPanel([FieldPanel("closed"), FieldPanel("opens"), FieldPanel("closes")]),
        FieldPanel("reason"),
    ]

    class Meta(Orderable.Meta):
        abstract = True

    def as_exception(self) -> hours.DatedException:
        return hours.DatedException(
            start=self.start_date,
            end=self.end_date or self.start_date,
            closed=self.closed,
            opens=self.opens,
            closes=self.closes,
            reason=self.reason,
        )


def opening_hours_panels(
    guidance: str, *, sessions: str, exceptions: str, exception: str, **exception_options
) -> list:
    """The editor's panels for OpeningHoursMixin's fields, below `guidance`: weekly sessions
    under the heading `sessions`, the bank-holiday choice, and dated exceptions under
    `exceptions`, each one an `exception`."""
    return [
        HelpPanel(guidance),
        InlinePanel("opening_sessions", heading=sessions, label="Session"),
        FieldPanel("closed_on_bank_holidays"),
        InlinePanel("opening_exceptions", heading=exceptions, label=exception, **exception_options),
    ]


class OpeningHoursMixin(models.Model):
    """For page types with opening times: the bank-holiday choice, and the schedule built from
    the `opening_sessions` and `opening_exceptions` child relations (in listings, call
    `load_schedules` first: this reads `.all()`)."""

    closed_on_bank_holidays = models.BooleanField(
        default=True,
        help_text="Closed on bank holidays in England and Wales, unless a special-hours "
        "entry below says otherwise.",
    )

    class Meta:
        abstract = True

    def get_schedule(self) -> hours.Schedule:
        """Built once per instance: a page renders its hours several ways (status line, table,
        coming changes, JSON-LD) from the same rows."""
        if getattr(self, "_schedule", None) is None:
            self._schedule = hours.Schedule(
                sessions=tuple(s.as_session() for s in self.opening_sessions.all()),
                exceptions=tuple(e.as_exception() for e in self.opening_exceptions.all()),
                closed_on_bank_holidays=self.closed_on_bank_holidays,
            )
        return self._schedule

    @classmethod
    def load_schedules(cls, pages) -> None:
        """Build the schedules of many live pages of this type, for listings and for serving
        a live page: two queries for those not remembered with the shared content (a schedule
        changes only when its page is published, which starts a new generation there). Not
        for previews or drafts, whose rows are not the live ones. Prefetching the child
        relations takes as many queries, but modelcluster builds a queryset for each page and
        relation on the way, which costs more than the queries (`make bench` measures it)."""
        pages = list(pages)
        by_pk = {page.pk: page for page in pages}
        schedules = content_cache.remember_many(
            f"schedule:{cls._meta.label_lower}",
            by_pk,
            lambda pks: cls._read_schedules({pk: by_pk[pk] for pk in pks}),
        )
        # Every object: a listing may hold several copies of one page (a hub in the places of
        # each service held there).
        for page in pages:
            page._schedule = schedules[page.pk]

    @classmethod
    def _read_schedules(cls, by_pk: dict) -> dict:
        sessions, exceptions = defaultdict(list), defaultdict(list)
        for row in cls._child_model("opening_sessions").objects.filter(page_id__in=by_pk):
            sessions[row.page_id].append(row.as_session())
        for row in cls._child_model("opening_exceptions").objects.filter(page_id__in=by_pk):
            exceptions[row.page_id].append(row.as_exception())
        return {
            pk: hours.Schedule(
                sessions=tuple(sessions[pk]),
                exceptions=tuple(exceptions[pk]),
                closed_on_bank_holidays=page.closed_on_bank_holidays,
            )
            for pk, page in by_pk.items()
        }

    @classmethod
    def _child_model(cls, relation: str):
        return cls._meta.get_field(relation).related_model

    def opening_status(self, now: datetime | None = None) -> hours.Status:
        return hours.kept_status_at(self.get_schedule(), now or timezone.now())

    def weekly_hours(self) -> list[tuple[str, str]]:
        return hours.weekly_table(self.get_schedule())

    def upcoming_changes(
        self, today: date | None = None, days: int = DEFAULT_NOTICE_WEEKS * 7
    ) -> list[hours.UpcomingChange]:
        today = today or timezone.localdate(timezone=hours.LONDON)
        return hours.upcoming_changes(self.get_schedule(), today, days)


class OpeningTimesPreviewMixin:
    """For a page type with opening hours (before its page base class): a preview mode that
    shows, day by day, the hours the draft in the editor gives, as families will read them,
    before anything is saved. Wagtail's preview builds the page from the editor's form, rows
    and all, so this asks the same functions the public page does."""

    OPENING_TIMES_PREVIEW = "opening-times"
    OPENING_TIMES_PREVIEW_DAYS = 28

    @property
    def preview_modes(self):
        return [
            *super().preview_modes,
            (self.OPENING_TIMES_PREVIEW, "Opening times, day by day for 4 weeks"),
        ]

    def serve_preview(self, request, mode_name):
        if mode_name != self.OPENING_TIMES_PREVIEW:
            return super().serve_preview(request, mode_name)
        now = timezone.now()
        today = timezone.localdate(now, timezone=hours.LONDON)
        schedule = self.get_schedule()
        context = self.get_preview_context(request, mode_name)
        context.update(
            status=self.opening_status(now),
            days=hours.days_ahead(schedule, today, self.OPENING_TIMES_PREVIEW_DAYS),
            weekly_hours=self.weekly_hours(),
        )
        return TemplateResponse(request, "directory/opening_times_preview.html", context)


def _live_rows(formset):
    """The filled-in, not-deleted forms of an inline formset, numbered as the editor sees them
    (deleted rows disappear from the panel)."""
    # The page form is cleaned before its inline formsets: clean them now to read their rows.
    formset.is_valid()
    number = 0
    for form in formset.forms:
        if not getattr(form, "cleaned_data", None) or form.cleaned_data.get("DELETE"):
            continue
        number += 1
        yield number, form


class OpeningHoursPageForm(WagtailAdminPageForm):
    """Checks the opening-times inline panels as a whole: a session that closes before it
    opens, sessions that overlap, a date range that ends before it starts. Each message names
    the row; nothing is saved until all are fixed."""

    def clean(self):
        cleaned_data = super().clean()
        self._check_sessions()
        self._check_exceptions()
        return cleaned_data

    def _check_sessions(self):
        formset = self.formsets.get("opening_sessions")
        if formset is None:
            return
        rows, forms = [], {}
        for number, form in _live_rows(formset):
            data = form.cleaned_data
            if data.get("weekday") is None or not data.get("opens") or not data.get("closes"):
                continue
            rows.append(hours.SessionRow(number, data["weekday"], data["opens"], data["closes"]))
            forms[number] = form
        self._report(forms, hours.session_problems(rows), "Check the weekly opening times")

    def _check_exceptions(self):
        formset = self.formsets.get("opening_exceptions")
        if formset is None:
            return
        rows, forms = [], {}
        for number, form in _live_rows(formset):
            data = form.cleaned_data
            if not data.get("start_date"):
                continue
            rows.append(
                hours.ExceptionRow(
                    number,
                    data["start_date"],
                    data.get("end_date"),
                    bool(data.get("closed")),
                    data.get("opens"),
                    data.get("closes"),
                )
            )
            forms[number] = form
        self._report(forms, hours.exception_problems(rows), "Check the closures and special hours")

    def _report(self, forms: dict, problems: dict[int, hours.Problem], summary: str) -> None:
        """Mark each row's field, and say it all at the top of the page too."""
        for number, problem in problems.items():
            forms[number].add_error(problem.field, problem.message)
        if problems:
            messages = "; ".join(problem.message for problem in problems.values())
            self.add_error(None, f"{summary}: {messages}")


class ServicePageForm(OpeningHoursPageForm):
    """A service's sessions are held at its own hubs: a session "at" a hub the service is not
    delivered at would never show. Hubs are listed by name; categories in the tree's order,
    with their parents, for the category tree widget."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "hubs" in self.fields:
            self.fields["hubs"].queryset = self.fields["hubs"].queryset.order_by("title")
            self.fields["hubs"].label_from_instance = _hub_label
        if "categories" in self.fields:
            terms = self.fields["categories"].queryset.select_related("parent")
            self.fields["categories"].queryset = terms.order_by("sort_order", "name")

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("opening_sessions")
        hubs = cleaned_data.get("hubs")
        if formset is None or hubs is None:
            return cleaned_data
        chosen = {hub.pk for hub in hubs}
        problems = []
        for number, form in _live_rows(formset):
            hub = form.cleaned_data.get("hub")
            if hub is not None and hub.pk not in chosen:
                message = (
                    f"Row {number}: {hub.title} is not one of this service's hubs. Add it on the "
                    "Where tab, or choose another hub"
                )
                form.add_error("hub", message)
                problems.append(message)
        if problems:
            self.add_error(None, "Check the weekly sessions: " + "; ".join(problems))
        return cleaned_data


def _hub_label(hub) -> str:
    title = hub.title
    if getattr(hub, "outreach_base", False):
        title = f"{title} (outreach base, not a hub)"
    if not hub.live:
        title = f"{title} (draft)"
    return title
