from .closures import BulkClosure
from .hubs import (
    FamilyHubIndexPage,
    FamilyHubPage,
    HubDateException,
    HubGalleryImage,
    HubSession,
)
from .opening_hours import DateException, OpeningHoursMixin, OpeningHoursPageForm, WeeklySession
from .postcodes import PostcodeLocation, locate

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
    "PostcodeLocation",
    "WeeklySession",
    "locate",
]
