"""What's on, read from the database: the live services with weekly sessions and the hubs'
one-off events, turned into timetable entries by directory.whats_on. Used by /whats-on/, its
calendar feeds and each hub page's "What's on this week".

The number of queries does not grow with the number of hubs, services or sessions: the rows
are read in bulk, and schedules and delivery places come from the shared content cache
(OpeningHoursMixin.load_schedules, ServicePage.load_delivery_places)."""

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from django.db.models import Q
from django.utils.translation import get_language, gettext

from wagtail.models import Site

from website import content_cache
from website.models import PAGE_LINK_FIELDS
from website.shared_cache import content_true_until

from . import whats_on
from .models import FamilyHubPage, HubEvent, ServicePage, ServiceSession, TaxonomyTerm, WhatsOnPage
from .models.events import CALENDAR_ROUTE
from .models.service_search_document import CATEGORY_FACET
from .models.services import HUB_PLACE_FIELDS

SERVICE_FIELDS = (
    *PAGE_LINK_FIELDS,
    "closed_on_bank_holidays",
    "in_person",
    "online",
    "is_free",
    "cost_amount",
    "cost_description",
    "self_referral",
    "booking",
)


# In the name days are kept under: raised when whats_on.Entry's fields change, so a release
# never reads entries the one before kept.
ENTRY_FORMAT = 2


@dataclass(frozen=True)
class Choices:
    """What the filters offer: the live public hubs and the top-level categories."""

    hubs: list[FamilyHubPage]
    categories: list[tuple[str, str]]  # (code, name) of top-level categories
    category_codes: frozenset[str]  # every code, children's too

    def hub(self, slug: str) -> FamilyHubPage | None:
        return next((hub for hub in self.hubs if hub.slug == slug), None)


def choices() -> Choices:
    hubs = content_cache.remember(
        "whats-on-hubs",
        lambda: list(
            FamilyHubPage.objects.live().public().order_by("title").only(*HUB_PLACE_FIELDS, "slug")
        ),
    )
    terms = content_cache.remember(
        "whats-on-categories",
        lambda: list(TaxonomyTerm.objects.values_list("code", "name", "parent_id")),
    )
    return Choices(
        hubs=hubs,
        categories=[(code, name) for code, name, parent in terms if parent is None],
        category_codes=frozenset(code for code, _, _ in terms),
    )


def whats_on_links(request) -> dict:
    """The live What's on page's address and its calendar feed's (absolute), or {} without
    one. Kept with the shared content (a publish starts a new generation there): hub and
    service pages link to it, and read nothing else beyond Wagtail's routing."""

    def read() -> dict:
        page = WhatsOnPage.objects.live().public().first()
        if page is None:
            return {}
        return {
            "url": page.get_url(request),
            "feed_url": page.get_full_url(request) + page.reverse_subpage(CALENDAR_ROUTE),
        }

    return content_cache.remember(
        f"whats-on-links:{_site_key(request)}", read, remember_if=lambda links: True
    )


def _site_key(request) -> int:
    site = Site.find_for_request(request)
    return site.pk if site else 0


def entries(
    request,
    filters: whats_on.Filters,
    first: date,
    last: date,
    available: Choices,
    now: datetime | None = None,
) -> list[whats_on.Entry]:
    """Every session and event from `first` to `last` inclusive that fits the filters, in
    time order; those that ended before `now` left out."""
    if filters.day:
        first = last = filters.day
    hub = available.hub(filters.hub) if filters.hub else None
    found = _session_entries(request, filters, first, last, hub)
    if not filters.category and filters.service is None and not filters.pregnancy:
        found += _event_entries(request, first, last, available.hubs, hub)
    if now is not None:
        found = [entry for entry in found if entry.ends_at > now]
    return sorted(found, key=whats_on.sort_key)


@dataclass(frozen=True)
class TimetablePage:
    """One page of the timetable: its entries and where they sit among all that fit."""

    entries: list[whats_on.Entry]
    # Every entry from the first to the last day shown that fits and has not ended.
    count: int
    page: int
    pages: int
    first: date
    last: date
    # How long the page stays true: every one of today's entries still to end counts, since
    # the count and the pages move when one does.
    true_until: datetime

    @property
    def first_number(self) -> int:
        return (self.page - 1) * whats_on.PAGE_SIZE + 1 if self.entries else 0

    @property
    def last_number(self) -> int:
        return self.first_number + len(self.entries) - 1 if self.entries else 0


def timetable_page(
    request,
    filters: whats_on.Filters,
    today: date,
    available: Choices,
    now: datetime,
    near: whats_on.Near | None = None,
) -> TimetablePage:
    """The page of the timetable that `filters` ask for: the week (or the day) they show, at
    the page they ask for (the last one if they ask beyond it). Near a postcode, each day's
    entries within the distance, nearest first, with their distances."""
    first, last = filters.shown_days(today)
    kept = _KeptDays.for_filters(request, filters, available)
    if near is None:
        return _page_of(kept, first, last, today, now, filters.page, whats_on.PAGE_SIZE)
    shown = _arranged_page_of(
        kept, first, last, today, now, filters.page, whats_on.PAGE_SIZE, near.arrange
    )
    return replace(shown, entries=near.measure(shown.entries))


def feed_entries(
    request, filters: whats_on.Filters, first: date, last: date, available: Choices
) -> list[whats_on.Entry]:
    """Every entry from `first` to `last` (or the day chosen) for a calendar feed, from the
    same days kept as the timetable's pages."""
    if filters.day:
        first = last = filters.day
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    kept = _KeptDays.for_filters(request, filters, available).entries(days)
    return [entry for day in days for entry in kept[day]]


def _page_of(kept, first, last, today, now, asked: int, size: int) -> TimetablePage:
    """Entries `size` a page from `first` to `last`, at page `asked`. A page reads the days'
    counts, today's entries (some may have ended) and the days its entries fall on, not the
    whole week."""
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    counts = kept.counts(days)
    still_today = []
    if today in counts:
        still_today = [entry for entry in kept.entries([today])[today] if entry.ends_at > now]
        counts[today] = len(still_today)
    count = sum(counts.values())
    pages = max(1, -(-count // size))
    page = min(asked, pages)
    offset = (page - 1) * size
    wanted, before = [], 0
    for day in days:
        if counts[day] and before < offset + size and before + counts[day] > offset:
            wanted.append(day)
        before += counts[day]
    read = kept.entries([day for day in wanted if day != today])
    found, before = [], 0
    for day in days:
        on_day = still_today if day == today else read.get(day, [])
        if day in wanted:
            found += on_day[max(0, offset - before) : offset + size - before]
        before += counts[day]
    return TimetablePage(
        entries=found,
        count=count,
        page=page,
        pages=pages,
        first=first,
        last=last,
        true_until=whats_on.true_until(still_today + found, now),
    )


def _arranged_page_of(kept, first, last, today, now, asked: int, size: int, arrange):
    """As _page_of, with each day's entries chosen and ordered by `arrange` (in Python, from
    the same days kept for everyone: nothing about the postcode is kept). Which days a page
    falls on depends on what `arrange` keeps, so the shown days' entries are all read."""
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    read = kept.entries(days)
    still_today = [entry for entry in read.get(today, []) if entry.ends_at > now]
    arranged = [
        entry for day in days for entry in arrange(still_today if day == today else read[day])
    ]
    count = len(arranged)
    pages = max(1, -(-count // size))
    page = min(asked, pages)
    found = arranged[(page - 1) * size : page * size]
    return TimetablePage(
        entries=found,
        count=count,
        page=page,
        pages=pages,
        first=first,
        last=last,
        true_until=whats_on.true_until(still_today + found, now),
    )


class _KeptDays:
    """Timetable entries day by day, each day kept with the shared content
    (website/content_cache.py) for the generation (a publish, a closure or a change to a
    session starts a new one), and each day's count kept apart, so a page can find where it
    starts without reading every day's entries. `name` must say everything the entries
    depend on; `build(first, last)` builds them, in time order."""

    def __init__(self, request, name: str, build):
        self.prefix = f"timetable-day:{ENTRY_FORMAT}:{_site_key(request)}:{get_language()}:{name}"
        self.build = build
        # Days built in this request: a miss on the counts builds the entries once, not
        # again when the page then reads them.
        self.built: dict[date, list[whats_on.Entry]] = {}

    @classmethod
    def for_filters(cls, request, filters: whats_on.Filters, available: Choices):
        kept = whats_on.Filters(
            hub=filters.hub,
            age=filters.age,
            pregnancy=filters.pregnancy,
            category=filters.category,
            service=filters.service,
        )
        return cls(
            request,
            f"whats-on:{kept.link() or '-'}",
            lambda first, last: entries(request, kept, first, last, available),
        )

    def entries(self, days: list[date]) -> dict[date, list[whats_on.Entry]]:
        known = {day: self.built[day] for day in days if day in self.built}
        rest = [day for day in days if day not in known]
        if rest:
            known.update(content_cache.remember_many(self.prefix, rest, self._build))
        return known

    def counts(self, days: list[date]) -> dict[date, int]:
        def count(missing: list[date]) -> dict[date, int]:
            return {day: len(found) for day, found in self.entries(missing).items()}

        return content_cache.remember_many(f"{self.prefix}:count", days, count)

    def _build(self, days: list[date]) -> dict[date, list[whats_on.Entry]]:
        built = {day: [] for day in days}
        if not days:
            return built
        for entry in self.build(min(days), max(days)):
            if entry.sitting.day in built:
                built[entry.sitting.day].append(entry)
        self.built.update(built)
        return built


def in_categories(codes) -> Q:
    """Services filed under any of the categories or their sub-categories: as the directory's
    category filter matches them."""
    return ServicePage.facet_filter(CATEGORY_FACET, codes)


def with_sessions(services):
    """The active services of `services` that hold weekly sessions."""
    return services.filter(status=ServicePage.Status.ACTIVE).filter(
        pk__in=ServiceSession.objects.values("page_id")
    )


def _services(filters: whats_on.Filters, hub: FamilyHubPage | None):
    services = with_sessions(ServicePage.objects.live().public())
    if filters.service is not None:
        services = services.filter(pk=filters.service)
    if filters.category:
        services = services.filter(in_categories([filters.category]))
    if filters.pregnancy:
        services = services.filter(pregnancy=True)
    elif filters.age is not None:
        services = services.filter(
            Q(minimum_age__isnull=True) | Q(minimum_age__lte=filters.age),
            Q(maximum_age__isnull=True) | Q(maximum_age__gte=filters.age),
        )
    if hub is not None:
        at_hub = ServicePage.hubs.through.objects.filter(familyhubpage_id=hub.pk)
        services = services.filter(pk__in=at_hub.values("servicepage_id"))
    return list(services.only(*SERVICE_FIELDS))


def _session_entries(request, filters, first, last, hub) -> list[whats_on.Entry]:
    return _entries_of(request, _services(filters, hub), first, last, hub)


def _entries_of(request, services, first, last, hub=None) -> list[whats_on.Entry]:
    ServicePage.load_schedules(services)
    ServicePage.load_delivery_places(services)
    FamilyHubPage.load_schedules(
        [place.hub for service in services for place in service.delivery_places() if place.hub]
    )
    found = []
    for service in services:
        url = service.get_url(request)
        cost = whats_on.cost_text(service.is_free, service.cost_amount, service.cost_description)
        booking = whats_on.booking_text(
            service.booking if service.self_referral else whats_on.REFERRAL
        )
        places = service.delivery_places() if service.in_person else []
        if places:
            where = [(place, service.schedule_at(place)) for place in places]
        elif service.online:
            where = [(None, service.get_schedule())]
        else:
            continue  # a phone line's hours are when to call, not sessions to go to
        for place, schedule in where:
            place_hub = place.hub if place else None
            if hub is not None and (place_hub is None or place_hub.pk != hub.pk):
                continue
            if schedule.whenever_venue_open:
                continue  # it runs whenever the hub is open: no sessions of its own to list
            place_name = place.name if place is not None else gettext("Online")
            place_key = place.oruk_id if place else "remote"
            for sitting in whats_on.sittings_between(schedule, first, last):
                found.append(
                    whats_on.Entry(
                        sitting=sitting,
                        title=service.title,
                        url=url,
                        place=place_name,
                        hub_id=place_hub.pk if place_hub else None,
                        cost=cost,
                        booking=booking,
                        uid=f"session-{service.pk}-{place_key}-{sitting.day:%Y%m%d}-"
                        f"{sitting.starts:%H%M}",
                        service_id=service.pk,
                        place_url=place_hub.get_url(request) if place_hub else "",
                        latitude=place.latitude if place else None,
                        longitude=place.longitude if place else None,
                        online=place is None,
                    )
                )
    return found


def _event_entries(request, first, last, public_hubs, hub) -> list[whats_on.Entry]:
    hubs = {public.pk: public for public in ([hub] if hub else public_hubs)}
    events = list(
        HubEvent.objects.filter(page_id__in=hubs, date__range=(first, last)).order_by(
            "date", "starts"
        )
    )
    FamilyHubPage.load_schedules([hubs[event.page_id] for event in events])
    found = []
    for event in events:
        at = hubs[event.page_id]
        cost = whats_on.cost_text(event.is_free, None, event.cost)
        found.append(
            whats_on.Entry(
                sitting=whats_on.event_sitting(
                    at.get_schedule(), event.date, event.starts, event.ends
                ),
                title=event.title,
                url=event.booking_url,
                place=at.title,
                hub_id=at.pk,
                cost=cost,
                booking=whats_on.booking_text(event.booking),
                description=event.description,
                uid=f"event-{event.pk}",
                is_event=True,
                place_url=at.get_url(request),
                extra={
                    "address": ", ".join(filter(None, [at.address_line_1, at.address_line_2])),
                    "postcode": at.postcode,
                    "town": at.town,
                    "is_free": event.is_free,
                },
                latitude=at.latitude,
                longitude=at.longitude,
            )
        )
    return found


def hub_week(request, hub: FamilyHubPage, today: date, now: datetime) -> list[whats_on.Day]:
    """The next seven days at one hub, by day. Kept with the shared content for the day (what
    it shows changes only when something is published, which starts a new generation there,
    or when the day does), so a hub page reads nothing beyond Wagtail's routing."""

    def read() -> list[whats_on.Entry]:
        filters = whats_on.Filters(hub=hub.slug)
        available = Choices(hubs=[hub], categories=[], category_codes=frozenset())
        last = today + timedelta(days=whats_on.WEEK_DAYS - 1)
        return entries(request, filters, today, last, available)

    key = f"hub-week:{_site_key(request)}:{get_language()}:{hub.pk}:{today.isoformat()}"
    return _still_to_come(content_cache.remember(key, read, remember_if=lambda week: True), now)


def week_of(request, services, name: str, today: date, now: datetime, shown: int) -> TimetablePage:
    """The next `shown` sessions of `services` (a queryset of service pages, say a topic's)
    in the seven days from today, and how many there are in all. Kept with the shared content
    day by day under `name`, which must say everything `services` depends on."""

    def build(first: date, last: date) -> list[whats_on.Entry]:
        chosen = list(with_sessions(services).only(*SERVICE_FIELDS))
        return sorted(_entries_of(request, chosen, first, last), key=whats_on.sort_key)

    last = today + timedelta(days=whats_on.WEEK_DAYS - 1)
    found = _page_of(
        _KeptDays(request, f"week-of:{name}", build), today, last, today, now, 1, shown
    )
    content_true_until(found.true_until)
    return found


def today_everywhere(request, today: date, now: datetime) -> list[whats_on.Entry]:
    """Every session and event today, at every hub and online, still to end at `now`."""

    def read() -> list[whats_on.Entry]:
        return entries(request, whats_on.Filters(day=today), today, today, choices())

    key = f"today-everywhere:{_site_key(request)}:{get_language()}:{today.isoformat()}"
    found = content_cache.remember(key, read, remember_if=lambda day: True)
    return [entry for day in _still_to_come(found, now) for entry in day.entries]


def _still_to_come(found: list[whats_on.Entry], now: datetime) -> list[whats_on.Day]:
    """The entries not yet ended, by day; the page that shows them is kept in shared caches
    only until the next of them starts, ends or changes."""
    found = [entry for entry in found if entry.ends_at > now]
    content_true_until(whats_on.true_until(found, now))
    return whats_on.by_day(found)
