"""Finding the family hubs nearest a postcode: the postcode store gives the point, the search
layer (Elasticsearch's geo_distance when configured, the database otherwise) orders the hubs."""

from dataclasses import dataclass

from search.nearby import nearest
from website import content_cache

from .models import FamilyHubPage, PostcodeLocation

DEFAULT_LIMIT = 10
MAX_LIMIT = 50


@dataclass(frozen=True)
class NearbyHub:
    hub: FamilyHubPage
    distance_miles: float


def nearest_hubs(origin: PostcodeLocation, limit: int = DEFAULT_LIMIT) -> list[NearbyHub]:
    hubs = FamilyHubPage.objects.live().public()

    def load(pks: list) -> dict:
        # A hub changes only by a publish, which starts a new generation of the shared content.
        return content_cache.remember_many("finder-hub", pks, hubs.in_bulk)

    found = nearest(hubs, origin.latitude, origin.longitude, limit=limit, load=load)
    FamilyHubPage.load_schedules([hub for hub, _miles in found])
    return [NearbyHub(hub, miles) for hub, miles in found]
