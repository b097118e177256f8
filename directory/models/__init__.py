from .closures import BulkClosure
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
from .services import (
    DeliveryPlace,
    Organisation,
    ServiceContact,
    ServiceDateException,
    ServiceIndexPage,
    ServiceLocation,
    ServicePage,
    ServiceSession,
    Taxonomy,
    TaxonomyTerm,
    service_at_location_id,
    stale_before,
    term_oruk_id,
)
from .settings import DirectorySettings

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
