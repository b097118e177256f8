"""The Start for Life offer assembled from the directory: for each section, the listed services
in its category (and sub-categories) for pregnancy or children up to 2, each with what it is,
who can use it, where and when, how to get it and whom to contact, from the service's own fields
(times from directory.opening_hours, the one source of truth). A fixed number of queries per
section, whatever the number of services."""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext

from directory import opening_hours as hours
from directory.models import FamilyHubPage, ServiceIndexPage, ServicePage
from directory.service_search import listed_services

from .topic_content import ages_filter

# Start for Life: from pregnancy to a child's second birthday.
OFFER_AGES = {"minimum": 0, "maximum": 1, "pregnancy": True}


@dataclass
class OfferPlace:
    name: str
    sessions: list[tuple[str, str]]  # (day, hours), days with sessions only


@dataclass
class OfferService:
    service: ServicePage
    places: list[OfferPlace] = field(default_factory=list)

    @property
    def ways(self) -> list[str]:
        """How it reaches families besides its places: online, by phone, at home."""
        return [
            text
            for flag, text in (
                (self.service.online, gettext("Online")),
                (self.service.by_phone, gettext("By phone")),
                (self.service.at_home, gettext("At home")),
            )
            if flag
        ]

    @property
    def how_to_get_it(self) -> str:
        service = self.service
        if service.referral_description:
            return service.referral_description
        if service.self_referral:
            return gettext("Just come along or get in touch: you do not need a referral.")
        return gettext("Ask your midwife, health visitor or GP to refer you.")


@dataclass
class OfferSectionServices:
    section: object
    services: list[OfferService]


def services_in(index, section) -> list[ServicePage]:
    term = section.category_id
    return list(
        listed_services(index)
        .filter(Q(categories=term) | Q(categories__parent=term))
        .filter(ages_filter(**OFFER_AGES))
        .distinct()
        .select_related("organisation")
        .order_by("title")
    )


def offer_sections(page) -> list[OfferSectionServices]:
    index = ServiceIndexPage.objects.live().first()
    sections = list(page.sections.all())
    found = {section.pk: services_in(index, section) if index else [] for section in sections}
    # A service in two sections is one object, loaded once.
    every = {service.pk: service for services in found.values() for service in services}
    found = {pk: [every[service.pk] for service in services] for pk, services in found.items()}
    ServicePage.load_schedules(every.values())
    ServicePage.load_delivery_places(every.values())
    FamilyHubPage.load_schedules(
        {
            place.hub.pk: place.hub
            for service in every.values()
            for place in service.delivery_places()
            if place.hub is not None
        }.values()
    )
    return [
        OfferSectionServices(section, [offer_service(service) for service in found[section.pk]])
        for section in sections
    ]


def offer_service(service: ServicePage) -> OfferService:
    places = service.delivery_places() if service.in_person else []
    offer = OfferService(service)
    for position, sitting in enumerate(service.sittings()):
        if not places:
            break
        offer.places.append(
            OfferPlace(
                places[position].name,
                hours.weekly_table(sitting.schedule, days_with_hours_only=True),
            )
        )
    return offer
