"""Services for tests, built the way editors build them (a page with inline rows, published)."""

from datetime import date, time

from directory.models import (
    Organisation,
    PostcodeLocation,
    ServiceIndexPage,
    ServiceLocation,
    ServicePage,
    ServiceSession,
    TaxonomyTerm,
)


def service_index(home_page) -> ServiceIndexPage:
    existing = ServiceIndexPage.objects.first()
    if existing:
        return existing
    index = ServiceIndexPage(title="Find a service", slug="services")
    home_page.add_child(instance=index)
    index.save_revision().publish()
    return index


def add_postcode(postcode: str, latitude: float, longitude: float) -> PostcodeLocation:
    outward = postcode.split()[0]
    PostcodeLocation.objects.get_or_create(
        postcode=outward,
        defaults={
            "kind": "district",
            "outward": outward,
            "latitude": latitude,
            "longitude": longitude,
        },
    )
    return PostcodeLocation.objects.get_or_create(
        postcode=postcode,
        defaults={"kind": "unit", "outward": outward, "latitude": latitude, "longitude": longitude},
    )[0]


def organisation(name: str = "Wulfrun Council") -> Organisation:
    return Organisation.objects.get_or_create(name=name)[0]


def make_service(
    index: ServiceIndexPage,
    title: str,
    *,
    categories: list[str] = (),
    hubs=(),
    locations: list[dict] = (),
    sessions: list[tuple] = (),
    publish: bool = True,
    **fields,
) -> ServicePage:
    slug = fields.pop("slug", title.lower().replace(" ", "-").replace("'", ""))
    service = ServicePage(title=title, slug=slug, live=publish, **fields)
    service.categories = list(TaxonomyTerm.objects.filter(code__in=categories))
    service.hubs = list(hubs)
    service.locations = [ServiceLocation(**location) for location in locations]
    # (weekday, opens, closes), or with a fourth item: the hub it is held at.
    service.opening_sessions = [
        ServiceSession(
            weekday=day,
            opens=time.fromisoformat(o),
            closes=time.fromisoformat(c),
            hub=at[0] if at else None,
        )
        for day, o, c, *at in sessions
    ]
    index.add_child(instance=service)
    revision = service.save_revision()
    if publish:
        revision.publish()
    return ServicePage.objects.get(pk=service.pk)


def reviewed(years_ago: int = 0, months_ago: int = 0) -> date:
    today = date.today()
    total = today.year * 12 + today.month - 1 - years_ago * 12 - months_ago
    return date(total // 12, total % 12 + 1, min(today.day, 28))
