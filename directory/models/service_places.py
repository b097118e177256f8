"""Where a service happens: each family hub it lists and each of its own locations (ORUK's
"service at location"), read alike as DeliveryPlaces."""

import uuid
from collections import defaultdict
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.db import models

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from modelcluster.fields import ParentalKey

from directory import postcodes
from website.models import PAGE_LINK_FIELDS

from .postcodes import cleaned_postcode, locate


def service_at_location_id(service_oruk_id: uuid.UUID, place_oruk_id: uuid.UUID) -> uuid.UUID:
    """ORUK's "service at location" id: derived, so it stays the same as long as both do."""
    return uuid.uuid5(service_oruk_id, str(place_oruk_id))


class DeliveryPlace(NamedTuple):
    """Where a service happens: one of its hubs or one of its own locations."""

    oruk_id: uuid.UUID
    name: str
    address: str  # one line, without the postcode
    latitude: float | None
    longitude: float | None
    address_line_1: str = ""
    address_line_2: str = ""
    town: str = ""
    postcode: str = ""
    hub: models.Model | None = None  # the FamilyHubPage, when it is a hub

    @property
    def has_location(self) -> bool:
        return self.latitude is not None and self.longitude is not None


def delivery_place(place, name: str, hub=None) -> DeliveryPlace:
    """A hub (named by its title, `hub` set) or a service's own location (by its name): both
    have the same address and location fields."""
    return DeliveryPlace(
        oruk_id=place.oruk_id,
        name=name,
        address=place.address,
        latitude=place.latitude,
        longitude=place.longitude,
        address_line_1=place.address_line_1,
        address_line_2=place.address_line_2,
        town=place.town,
        postcode=place.postcode,
        hub=hub,
    )


# What a hub's DeliveryPlace reads (its title, address and location, and its URL).
HUB_PLACE_FIELDS = (
    *PAGE_LINK_FIELDS,
    "closed_on_bank_holidays",  # for its schedule: a hub's closures cancel what is held there
    "oruk_id",
    "address_line_1",
    "address_line_2",
    "town",
    "postcode",
    "latitude",
    "longitude",
)


def hub_place(hub) -> DeliveryPlace:
    return delivery_place(hub, hub.title, hub=hub)


def own_place(location: "ServiceLocation") -> DeliveryPlace:
    return delivery_place(location, location.name)


class ServiceLocation(Orderable):
    """A place the service is delivered that is not a family hub (a library, a clinic)."""

    page = ParentalKey("directory.ServicePage", on_delete=models.CASCADE, related_name="locations")
    oruk_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(max_length=200)
    address_line_1 = models.CharField("address line 1", max_length=120)
    address_line_2 = models.CharField("address line 2", max_length=120, blank=True)
    town = models.CharField("town or city", max_length=80)
    postcode = models.CharField(max_length=10)
    latitude = models.FloatField(
        null=True, blank=True, help_text="Leave blank to use the postcode's location."
    )
    longitude = models.FloatField(null=True, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("address_line_1"),
        FieldPanel("address_line_2"),
        FieldRowPanel([FieldPanel("town"), FieldPanel("postcode")]),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
    ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        self.postcode = cleaned_postcode(self.postcode)
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError({"longitude": "Give both coordinates, or neither."})

    def save(self, *args, **kwargs):
        if self.latitude is None or self.longitude is None:
            self.latitude, self.longitude = self.point_from_postcode()
        super().save(*args, **kwargs)

    def point_from_postcode(self) -> tuple[float | None, float | None]:
        try:
            found = locate(self.postcode)
        except postcodes.PostcodeError:
            return None, None
        return found.latitude, found.longitude

    @property
    def address(self) -> str:
        return ", ".join(
            line for line in (self.address_line_1, self.address_line_2, self.town) if line
        )


def read_delivery_places(service_model, pks: list) -> dict[int, list[DeliveryPlace]]:
    """{service pk: its delivery places} for many services, in three queries (see
    ServicePage.load_delivery_places, which remembers them)."""
    hub_pks = defaultdict(list)
    for service_pk, hub_pk in service_model.hubs.through.objects.filter(
        servicepage_id__in=pks
    ).values_list("servicepage_id", "familyhubpage_id"):
        hub_pks[service_pk].append(hub_pk)
    hub_model = service_model._meta.get_field("hubs").related_model
    hubs = (
        hub_model.objects.live()
        .only(*HUB_PLACE_FIELDS)
        .in_bulk({hub_pk for at_service in hub_pks.values() for hub_pk in at_service})
    )
    own_places = defaultdict(list)
    for location in ServiceLocation.objects.filter(page_id__in=pks):
        own_places[location.page_id].append(own_place(location))
    places = {}
    for pk in pks:
        at_hubs = sorted(
            (hubs[hub_pk] for hub_pk in hub_pks[pk] if hub_pk in hubs),
            key=lambda hub: hub.title,
        )
        places[pk] = [hub_place(hub) for hub in at_hubs] + own_places[pk]
    return places
