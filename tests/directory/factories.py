"""Family hubs for tests, built the way editors build them (pages with inline rows)."""

from datetime import date, time

from directory import geo
from directory.models import FamilyHubIndexPage, FamilyHubPage, HubDateException, HubSession


def hub_index(home_page) -> FamilyHubIndexPage:
    existing = FamilyHubIndexPage.objects.first()
    if existing:
        return existing
    index = FamilyHubIndexPage(title="Family hubs", slug="family-hubs")
    home_page.add_child(instance=index)
    index.save_revision().publish()
    return index


def make_hub(
    index: FamilyHubIndexPage,
    title: str,
    *,
    sessions: list[tuple[int, str, str]] = (),
    closures: list[tuple[date, date | None, str]] = (),
    point: tuple[float, float] | None = (52.5870, -2.1296),
    postcode: str = "WV1 1SH",
    publish: bool = True,
    **fields,
) -> FamilyHubPage:
    slug = fields.pop("slug", title.lower().replace(" ", "-"))
    hub = FamilyHubPage(
        title=title,
        slug=slug,
        address_line_1=fields.pop("address_line_1", "1 Test Street"),
        town=fields.pop("town", "Wulfrun"),
        postcode=postcode,
        location=geo.format_point(*point) if point else "",
        live=publish,
        **fields,
    )
    hub.opening_sessions = [
        HubSession(weekday=day, opens=time.fromisoformat(o), closes=time.fromisoformat(c))
        for day, o, c in sessions
    ]
    hub.opening_exceptions = [
        HubDateException(start_date=start, end_date=end, closed=True, reason=reason)
        for start, end, reason in closures
    ]
    index.add_child(instance=hub)
    revision = hub.save_revision()
    if publish:
        revision.publish()
    return FamilyHubPage.objects.get(pk=hub.pk)


WEEKDAYS_9_TO_5 = [(day, "09:00", "17:00") for day in range(5)]
