"""When a service happens, at each place it is delivered, and whether it is open: the one
answer every page, listing, feed and API gives (directory.opening_hours.sittings_status_at).
Its weekly sessions (each at one of its hubs, or at all its places) and its dated cancellations
and special sessions; at a hub, the hub's closures cancel them too."""

from datetime import datetime

from django.db import models
from django.utils import timezone

from wagtail.admin.panels import FieldPanel, FieldRowPanel

from modelcluster.fields import ParentalKey

from directory import opening_hours as hours

from .hubs import HUB_LIST_STATUS_HOURS, HUB_PAGE_STATUS_HOURS, FamilyHubPage
from .opening_hours import DateException, OpeningHoursMixin, WeeklySession
from .service_places import DeliveryPlace

# How many hours of status lines a page (and a listing's card) carries for the browser to pick
# the one true when it is read (opening-status.js).
PAGE_STATUS_HOURS = HUB_PAGE_STATUS_HOURS
CARD_STATUS_HOURS = HUB_LIST_STATUS_HOURS


class ServiceSchedule(OpeningHoursMixin):
    """ServicePage's sessions and status at each of its delivery places."""

    class Meta:
        abstract = True

    def sittings(self) -> list[hours.Sitting]:
        """Its schedule at each place families go to: at a hub, its sessions there, cancelled
        by the hub's closures; at one of its own places, its sessions not tied to a hub. One
        schedule, at no place, for a service not delivered in person (a phone line). Places
        are named only when there are several."""
        places = self.delivery_places() if self.in_person else []
        if not places:
            return [hours.Sitting("", self.get_schedule())]
        hubs = [place.hub for place in places if place.hub is not None]
        FamilyHubPage.load_schedules([hub for hub in hubs if not hasattr(hub, "_schedule")])
        named = len(places) > 1
        return [
            hours.Sitting(place.name if named else "", self.schedule_at(place)) for place in places
        ]

    def schedule_at(self, place: "DeliveryPlace") -> hours.Schedule:
        if place.hub is None:
            return hours.not_at_venues(self.get_schedule())
        venue = hours.Venue(place.hub.pk, place.name, place.hub.get_schedule())
        return hours.held_at(self.get_schedule(), venue)

    def has_hours(self, sittings: list[hours.Sitting] | None = None) -> bool:
        return any(sitting.schedule.has_hours for sitting in sittings or self.sittings())

    def opening_status(self, now: datetime | None = None) -> hours.Status | None:
        """Open now, or when it next opens and where; None when no place has published
        times."""
        sittings = self.sittings()
        if not self.has_hours(sittings):
            return None
        return hours.kept_status_at(sittings, now or timezone.now())

    def status_segments_json(self, now: datetime, hours_ahead: int) -> str:
        return hours.kept_status_segments_json(self.sittings(), now, hours_ahead)

    def times_by_place(self, now: datetime, notice_days: int) -> list[dict]:
        """For the page: each place with its sessions, its status line and its coming changes
        (the hub's closures included)."""
        sittings = self.sittings()
        places = self.delivery_places() if self.in_person else []
        today = timezone.localdate(now, timezone=hours.LONDON)
        times = []
        for position, sitting in enumerate(sittings):
            schedule = sitting.schedule
            single = hours.Sitting("", schedule)
            times.append(
                {
                    "place": places[position] if places else None,
                    "has_hours": schedule.has_hours,
                    "sessions": hours.weekly_table(schedule, days_with_hours_only=True),
                    "status": hours.kept_status_at([single], now) if schedule.has_hours else None,
                    "segments": hours.kept_status_segments_json([single], now, PAGE_STATUS_HOURS),
                    "changes": hours.upcoming_changes(schedule, today, notice_days),
                    "follows_hub": schedule.whenever_venue_open,
                }
            )
        return times


class ServiceSession(WeeklySession):
    page = ParentalKey(
        "directory.ServicePage", on_delete=models.CASCADE, related_name="opening_sessions"
    )
    hub = models.ForeignKey(
        "directory.FamilyHubPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="at",
        help_text="Leave blank if it happens at each of the service's places.",
    )

    panels = [
        FieldRowPanel(
            [FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes"), FieldPanel("hub")]
        )
    ]

    def as_session(self) -> hours.Session:
        return hours.Session(self.weekday, self.opens, self.closes, venue_id=self.hub_id)


class ServiceDateException(DateException):
    page = ParentalKey(
        "directory.ServicePage", on_delete=models.CASCADE, related_name="opening_exceptions"
    )
