"""The whole demo council, in the order its parts depend on each other: the site first (the
home page every section hangs from), postcodes before the hubs that stand on them, hubs before
the services held at them, and news last (its releases link to pages above)."""

from django.db import transaction

from wagtail.models import Site

from website.bulk_loads import bulk_load

from . import events, hubs, news, postcodes, search, services, site, topics

# (what the report names, loader): each loader takes the default site.
LOADERS = [
    ("postcodes and the council's area", postcodes.load),
    ("family hubs", hubs.load),
    ("services", services.load),
    ("what's on", events.load),
    ("news", news.load),
    ("help by life stage and need", topics.load),
    ("search synonyms", search.load),
]


@transaction.atomic
def load_all(report=None) -> Site:
    """The whole demo as one bulk load (website.bulk_loads: search's index updates, say, are
    made once per object at the end)."""
    with bulk_load():
        demo_site = site.load()
        for name, load in LOADERS:
            if report:
                report(f"Loading demo content: {name}")
            load(demo_site)
    return demo_site
