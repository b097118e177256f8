from .closures import BulkClosure, OpeningHoursReview
from .events import HubEvent, WhatsOnPage
from .hubs import (
    FamilyHubIndexPage,
    FamilyHubPage,
    HubDateException,
    HubGalleryImage,
    HubSession,
)
from .opening_hours import DateException, OpeningHoursMixin, OpeningHoursPageForm, WeeklySession
from .postcodes import LocalAuthority, PostcodeLocation, locate, locate_in_use
from .service_places import DeliveryPlace, ServiceLocation, service_at_location_id
from .service_schedule import ServiceDateException, ServiceSession
from .services import ServiceContact, ServiceIndexPage, ServicePage, stale_before
from .settings import DirectorySettings
from .taxonomy import Organisation, Taxonomy, TaxonomyTerm, term_oruk_id

__all__ = [
    "BulkClosure",
    "DateException",
    "DeliveryPlace",
    "DirectorySettings",
    "FamilyHubIndexPage",
    "FamilyHubPage",
    "HubDateException",
    "HubEvent",
    "HubGalleryImage",
    "HubSession",
    "LocalAuthority",
    "OpeningHoursMixin",
    "OpeningHoursPageForm",
    "OpeningHoursReview",
    "Organisation",
    "PostcodeLocation",
    "ServiceContact",
    "ServiceDateException",
    "ServiceIndexPage",
    "ServiceLocation",
    "ServicePage",
    "ServiceSession",
    "Taxonomy",
    "TaxonomyTerm",
    "WeeklySession",
    "WhatsOnPage",
    "locate",
    "locate_in_use",
    "service_at_location_id",
    "stale_before",
    "term_oruk_id",
]
