"""Finding the family hubs nearest a postcode: the postcode store gives the point, the search
layer (Elasticsearch's geo_distance when configured, the database otherwise) orders the hubs.
A postcode in another council's area is told so, and shown the hubs only when one of them is
close (directory.council_area)."""

from dataclasses import dataclass
from datetime import datetime

from search.nearby import nearest
from website import content_cache

from . import opening_hours as hours
from .council_area import Area
from .models import FamilyHubPage, PostcodeLocation

DEFAULT_LIMIT = 10
MAX_LIMIT = 50
# In the name cards are kept under: raised when HubCard's fields change, so a release never
# reads cards the one before kept.
CARD_FORMAT = 1


@dataclass(frozen=True)
class HubCard:
    """What the finder and the nearest-hubs API show of a hub. Kept with the shared content:
    a page object is ten times the size, and reading ten of them back from the cache cost
    more than everything else the finder does in Python but render."""

    pk: int
    title: str
    site_id: int | None
    path: str  # within its site
    full_url: str
    address: str
    postcode: str
    latitude: float | None
    longitude: float | None
    directions_url: str
    schedule: hours.Schedule

    @classmethod
    def of(cls, hub: FamilyHubPage) -> "HubCard":
        site_id, root_url, path = hub.get_url_parts() or (None, "", "")
        return cls(
            pk=hub.pk,
            title=hub.title,
            site_id=site_id,
            path=path or "",
            full_url=(root_url or "") + (path or ""),
            address=hub.address,
            postcode=hub.postcode,
            latitude=hub.latitude,
            longitude=hub.longitude,
            directions_url=hub.directions_url,
            schedule=hub.get_schedule(),
        )

    def url(self, current_site_id: int | None) -> str:
        """As Wagtail's pageurl gives it: the path on the hub's own site, else the full URL."""
        if current_site_id is None or current_site_id == self.site_id:
            return self.path
        return self.full_url

    def opening_status(self, now: datetime) -> hours.Status:
        return hours.kept_status_at(self.schedule, now)

    def status_segments_json(self, now: datetime, hours_ahead: int) -> str:
        return hours.kept_status_segments_json(self.schedule, now, hours_ahead)


@dataclass(frozen=True)
class NearbyHub:
    hub: HubCard
    distance_miles: float


def hub_cards(pks: list[int]) -> dict[int, HubCard]:
    """{pk: card} for the live, public hubs among `pks`, in one round trip to the shared
    content. A hub changes only by a publish, which starts a new generation there."""
    return content_cache.remember_many(f"finder-card:{CARD_FORMAT}", pks, _read_hub_cards)


def nearest_hub_candidates():
    """The places a family can be sent to as their nearest hub: not outreach bases."""
    return FamilyHubPage.objects.live().public().filter(outreach_base=False)


def _read_hub_cards(pks: list[int]) -> dict[int, HubCard]:
    hubs = nearest_hub_candidates().in_bulk(pks)
    FamilyHubPage.load_schedules(hubs.values())
    return {pk: HubCard.of(hub) for pk, hub in hubs.items()}


def nearest_hubs(origin: PostcodeLocation, limit: int = DEFAULT_LIMIT) -> list[NearbyHub]:
    found = nearest(
        nearest_hub_candidates(),
        origin.latitude,
        origin.longitude,
        limit=limit,
        load=hub_cards,
    )
    return [NearbyHub(card, miles) for card, miles in found]


@dataclass(frozen=True)
class FinderAnswer:
    """What the finder and the nearest-hubs API tell a family about a postcode."""

    area: Area
    hubs: list[NearbyHub]  # nearest first; none for a postcode far outside the area


def find_hubs(
    origin: PostcodeLocation, council_codes: tuple[str, ...], limit: int = DEFAULT_LIMIT
) -> FinderAnswer:
    found = nearest_hubs(origin, limit=limit)
    area = origin.area(council_codes, found[0].distance_miles if found else None)
    return FinderAnswer(area, found if area.shows_hubs else [])
