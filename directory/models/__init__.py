from .closures import BulkClosure
from .hubs import (
    FamilyHubIndexPage,
    FamilyHubPage,
    HubDateException,
    HubGalleryImage,
    HubSession,
)
from .opening_hours import DateException, OpeningHoursMixin, OpeningHoursPageForm, WeeklySession

__all__ = [
    "BulkClosure",
    "DateException",
    "FamilyHubIndexPage",
    "FamilyHubPage",
    "HubDateException",
    "HubGalleryImage",
    "HubSession",
    "OpeningHoursMixin",
    "OpeningHoursPageForm",
    "WeeklySession",
]
