"""When a news release counts as published."""

from datetime import datetime


def default_release_date(
    go_live_at: datetime | None, first_published_at: datetime | None
) -> datetime | None:
    """The release date of a release whose editor left it blank: the moment it went live.

    For an embargoed release that is its go-live time, not the moment the scheduler got round to
    publishing it (up to a minute later). A go-live time set after the release was first
    published (to schedule a correction, say) must not move its date, so the earlier wins.
    None until the release has gone live or been scheduled."""
    moments = [moment for moment in (go_live_at, first_published_at) if moment is not None]
    return min(moments) if moments else None
