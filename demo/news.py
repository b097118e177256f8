"""The demo council's news: /news/ under the home page, topics, press contacts and fourteen
releases from 2022 to 2026 (plus one under embargo, due a week after the demo is loaded), each
with an illustration drawn by the loader. Like every demo loader it adds what is missing and
changes nothing that exists. The releases are invented for this demo; the hubs, services and
places they name are the demo directory's (demo/hubs.py, demo/services/), and
tests/demo/test_news.py checks the hubs. The releases are demo/data/news.toml."""

from datetime import timedelta

from django.utils import timezone

from wagtail.models import Page, Site

from news.models import (
    NewsIndexPage,
    NewsReleasePage,
    NewsReleaseRelatedPage,
    NewsTopic,
    PressContact,
)
from news.workflow import ensure_comms_workflow

from .images import ensure_demo_image
from .site import add_navigation_link, ensure_child_page, heading, paragraph
from .tables import read


def block(row: dict) -> tuple[str, object]:
    """A StreamField block from a row of news.toml."""
    if "paragraphs" in row:
        return paragraph(*row["paragraphs"])
    if "heading" in row:
        return heading(row["heading"])
    if "quote" in row:
        return ("quote", {"quote": row["quote"], "name": row["name"], "role": row["role"]})
    return (
        "call_to_action",
        {
            "heading": row["call_to_action"],
            "text": row["text"],
            # A slug, made a page when the release is built (resolve_links).
            "link": {"page": row["page"], "url": "", "text": ""},
        },
    )


def release_spec(row: dict) -> dict:
    image = row["image"]
    return {
        **row,
        "image": (image["scene"], image["palette"], row["image_description"]),
        "body": [block(item) for item in row["body"]],
    }


_TABLE = read("news")
TOPICS = [tuple(topic) for topic in _TABLE["topics"]]
PRESS_CONTACTS = _TABLE["press_contacts"]
NOTES_TO_EDITORS = _TABLE["notes_to_editors"]
# Oldest first: a release may name earlier ones as related pages.
RELEASES = [release_spec(row) for row in _TABLE["release"]]
EMBARGOED_RELEASE = release_spec(_TABLE["embargoed_release"])


def ensure_topics() -> dict[str, NewsTopic]:
    topics = {}
    for name, slug, description in TOPICS:
        topic, _ = NewsTopic.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description}
        )
        topics[slug] = topic
    return topics


def ensure_press_contacts() -> dict[str, PressContact]:
    contacts = {}
    for key, fields in PRESS_CONTACTS.items():
        contact, _ = PressContact.objects.get_or_create(name=fields["name"], defaults=fields)
        contacts[key] = contact
    return contacts


def find_page(home: Page, slug: str) -> Page | None:
    return home.get_descendants().filter(slug=slug).first()


def resolve_links(blocks: list, home: Page) -> list:
    """Replace page slugs in call-to-action links with the pages."""
    resolved = []
    for block_type, value in blocks:
        if block_type == "call_to_action" and isinstance(value["link"]["page"], str):
            link = {**value["link"], "page": find_page(home, value["link"]["page"])}
            value = {**value, "link": link}
        resolved.append((block_type, value))
    return resolved


def sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def build_release(spec: dict, home: Page, topics, contacts, seed: int) -> NewsReleasePage:
    scene, palette, description = spec["image"]
    image = ensure_demo_image(
        title=f"News: {spec['title']}",
        description=description,
        scene=scene,
        palette=palette,
        seed=seed,
    )
    release = NewsReleasePage(
        title=spec["title"],
        slug=spec["slug"],
        summary=spec["summary"],
        hero_image=image,
        hero_image_alt=sentence_case(description.removeprefix("Illustration: ")),
        hero_image_caption=spec.get("caption", ""),
        hero_image_credit=spec.get("credit", ""),
        body=resolve_links(spec["body"], home),
        notes_to_editors=NOTES_TO_EDITORS,
        press_contact=contacts[spec["contact"]],
    )
    release.topics = [topics[slug] for slug in spec["topics"]]
    release.related_pages = [
        NewsReleaseRelatedPage(page=page)
        for page in (find_page(home, slug) for slug in spec["related"])
        if page is not None
    ]
    return release


def ensure_releases(news_index: NewsIndexPage, home: Page, topics, contacts) -> None:
    zone = timezone.get_current_timezone()
    for seed, spec in enumerate(RELEASES):
        release = build_release(spec, home, topics, contacts, seed)
        release.release_date = spec["date"].replace(tzinfo=zone)
        release, created = ensure_child_page(news_index, release)
        if created:
            # As if published on the day: the admin's history and the feeds' "updated" agree.
            NewsReleasePage.objects.filter(pk=release.pk).update(
                first_published_at=release.release_date, last_published_at=release.release_date
            )
    if not news_index.get_children().filter(slug=EMBARGOED_RELEASE["slug"]).exists():
        embargoed = build_release(EMBARGOED_RELEASE, home, topics, contacts, len(RELEASES))
        # Scheduled, not live: publishing it now only records the go-live time, and the
        # scheduler (`make run` starts it) publishes it then.
        embargoed.live = False
        embargoed.go_live_at = timezone.now().replace(second=0, microsecond=0) + timedelta(days=7)
        ensure_child_page(news_index, embargoed)


def load(site: Site) -> NewsIndexPage:
    home = site.root_page.specific
    news_index, _ = ensure_child_page(home, NewsIndexPage(**_TABLE["index"]))
    ensure_comms_workflow(news_index)
    ensure_releases(news_index, home, ensure_topics(), ensure_press_contacts())
    add_navigation_link(site, news_index)
    return news_index
