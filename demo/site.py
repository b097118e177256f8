"""The demo council's site-wide content: the home page, standard pages, council details and the
main navigation, and the helpers the other demo loaders build pages with. `manage.py load_demo`
runs this first (demo/loader.py). Each loader creates what is missing and leaves what exists alone,
so running it twice duplicates nothing and never overwrites an editor's change. One exception:
the default site's address follows where the demo is served (`make run PORT=`) while it is
still a local one (ensure_served_address)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from website.models import CouncilSettings, HomePage, NavigationSettings, StandardPage

COUNCIL_NAME = "Wulfrun Borough Council"
SERVICE_NAME = "Family Hubs"


def paragraph(*html_paragraphs: str) -> tuple[str, str]:
    return ("paragraph", "".join(f"<p>{text}</p>" for text in html_paragraphs))


def heading(text: str) -> tuple[str, dict]:
    return ("heading", {"text": text, "level": "h2"})


def ensure_child_page(parent: Page, page: Page) -> tuple[Page, bool]:
    """Add `page` under `parent` and publish it, unless a child with its slug exists.
    Returns the page that is there now and whether it was created."""
    existing = parent.get_children().filter(slug=page.slug).first()
    if existing is not None:
        return existing.specific, False
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def create_root_page() -> Page:
    """Wagtail's migrations create the tree's root and the default locale; a flushed database
    (`manage.py flush`, or a transactional test) has neither."""
    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    return Page.add_root(instance=Page(title="Root", slug="root"))


# Hostnames only a local run uses: a default site with one of these was made by the demo
# loader (or is Wagtail's own "localhost" placeholder), never by an operator for real visitors.
LOOPBACK_HOSTNAMES = frozenset({"localhost", "127.0.0.1", "::1", "0.0.0.0"})  # noqa: S104


def served_address() -> tuple[str, int]:
    """(hostname, port) of WAGTAILADMIN_BASE_URL, where the site is served: `make run` sets it
    from its HOST and PORT. The site's address makes canonical, feed, sitemap and API URLs
    absolute."""
    base_url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    return (
        base_url.hostname or "localhost",
        base_url.port or (443 if base_url.scheme == "https" else 80),
    )


def ensure_served_address(site: Site) -> None:
    """Move the default site to the address the demo is served at, when the site still has a
    local address: an earlier `make run` on another port (or Wagtail's "localhost:80") set it,
    and every absolute link would point at a server that is not there. A site with any other
    hostname was set by someone for real visitors and is never changed here."""
    if site.hostname not in LOOPBACK_HOSTNAMES:
        return
    hostname, port = served_address()
    if (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save(update_fields=["hostname", "port"])


@transaction.atomic
def ensure_home_page() -> tuple[Site, HomePage]:
    """Make a HomePage the default site's root, replacing Wagtail's "Welcome" page."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node() or create_root_page()
        # Wagtail's placeholder "Welcome" page is not content. Deleting it also deletes the
        # Site that points at it; we make a new one below.
        for placeholder in root.get_children().filter(slug="home"):
            if type(placeholder.specific) is Page:
                placeholder.delete()
        home = HomePage(
            title="Family hubs in Wulfrun",
            slug="home",
            hero_heading="Family hubs in Wulfrun",
            hero_text=(
                "Free help and advice for families with children from pregnancy to 19, "
                "or up to 25 for young people with special educational needs and disabilities."
            ),
            summary="Find family hubs, services and support for families in Wulfrun.",
            body=[
                heading("What family hubs offer"),
                paragraph(
                    "Family hubs bring together help that used to be spread across children's "
                    "centres, health clinics and council offices: parenting support, infant "
                    "feeding, speech and language, help for children with special educational "
                    "needs, youth work, relationship support and money advice.",
                    "You do not need a referral for most of what happens at a hub. Drop in, "
                    "phone, or ask your health visitor, school or GP.",
                ),
            ],
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        hostname, port = served_address()
        site = Site.objects.create(
            hostname=hostname,
            port=port,
            root_page=home,
            is_default_site=True,
            site_name=f"{COUNCIL_NAME} {SERVICE_NAME}",
        )
    else:
        if site.root_page_id != home.id:
            site.root_page = home
            site.save()
        ensure_served_address(site)
    return site, home


STANDARD_PAGES = [
    {
        "title": "About family hubs",
        "slug": "about-family-hubs",
        "summary": "What a family hub is, who it is for, and what you can expect when you visit.",
        "body": [
            paragraph(
                "A family hub is a place in your area where you can get help with anything to do "
                "with bringing up children, from pregnancy until they are 19, or 25 if they have "
                "special educational needs or disabilities (SEND).",
            ),
            heading("Who can use a family hub"),
            paragraph(
                "Any parent, carer, grandparent or young person who lives in Wulfrun. Most "
                "sessions are free and you can just turn up. Some services ask you to book, "
                "and a few need a referral from a professional: each service's page says which.",
            ),
            heading("What happens at a hub"),
            paragraph(
                "Stay and play sessions, baby clinics with health visitors, infant feeding "
                "support, parenting courses, speech and language drop-ins, youth clubs, help "
                "with benefits and housing, and quiet rooms to talk to someone in confidence.",
            ),
            (
                "quote",
                {
                    "quote": (
                        "I came in for the baby clinic and found out about the speech and "
                        "language drop-in. Six months on, my son is chatting away."
                    ),
                    "name": "A parent in Bilston",
                    "role": "",
                },
            ),
        ],
    },
    {
        "title": "Contact us",
        "slug": "contact-us",
        "summary": "How to reach the family hubs team by phone, email or in person.",
        "body": [
            paragraph(
                "Call the family hubs line on 01902 555 0100, Monday to Friday, 9am to 5pm. "
                "Outside those hours, if a child is in danger call 999.",
                'Email <a href="mailto:familyhubs@wulfrun.example">familyhubs@wulfrun.example'
                "</a>. We reply within 2 working days.",
            ),
            heading("Visit a family hub"),
            paragraph(
                "Staff at any family hub can help you, whichever hub is nearest to you.",
            ),
        ],
    },
    {
        "title": "Accessibility statement",
        "slug": "accessibility",
        "summary": "How accessible this website is, and how to report a problem.",
        "body": [
            paragraph(
                "We want as many people as possible to be able to use this website. You should "
                "be able to zoom up to 400% without the text spilling off the screen, navigate "
                "the website using just a keyboard or speech recognition software, and listen "
                "to it using a screen reader.",
                "The website aims to meet the Web Content Accessibility Guidelines version 2.2 "
                "AA standard. If you find a problem, email familyhubs@wulfrun.example.",
            ),
        ],
    },
    {
        "title": "Privacy notice",
        "slug": "privacy",
        "summary": "What we do with information about you when you use this website.",
        "body": [
            paragraph(
                "Postcodes you type to find a family hub or a service are used to work out "
                "distances and are then discarded: we do not store them or write them to our "
                "logs.",
            ),
        ],
    },
]


def ensure_standard_pages(home: HomePage) -> dict[str, Page]:
    pages = {}
    for spec in STANDARD_PAGES:
        page, _ = ensure_child_page(home, StandardPage(**spec))
        pages[spec["slug"]] = page
    return pages


def ensure_settings(site: Site, pages: dict[str, Page]) -> None:
    council = CouncilSettings.for_site(site)
    if not council.phone:
        council.council_name = COUNCIL_NAME
        council.service_name = SERVICE_NAME
        council.phone = "01902 555 0100"
        council.email = "familyhubs@wulfrun.example"
        council.address = "Family Hubs Team\nCivic Centre\nSt Peter's Square\nWulfrun\nWV1 1SH"
        council.opening_hours_note = "Monday to Friday, 9am to 5pm"
        council.footer_links = [
            ("link", {"page": pages["accessibility"], "url": "", "text": ""}),
            ("link", {"page": pages["privacy"], "url": "", "text": ""}),
            ("link", {"page": pages["contact-us"], "url": "", "text": ""}),
        ]
        council.save()
    navigation = NavigationSettings.for_site(site)
    if not navigation.main_navigation:
        navigation.main_navigation = [
            ("link", {"page": pages["about-family-hubs"], "url": "", "text": ""}),
            ("link", {"page": pages["contact-us"], "url": "", "text": ""}),
        ]
        navigation.save()


def add_navigation_link(site: Site, page: Page, position: int | None = None) -> None:
    """Put `page` in the main navigation (at `position`, else last) unless it is there."""
    navigation = NavigationSettings.for_site(site)
    if any(
        block.value.get("page") and block.value["page"].pk == page.pk
        for block in navigation.main_navigation
    ):
        return
    links = [(block.block_type, block.value) for block in navigation.main_navigation]
    entry = ("link", {"page": page, "url": "", "text": ""})
    links.insert(len(links) if position is None else position, entry)
    navigation.main_navigation = links
    navigation.save()


def load() -> Site:
    """The site-wide content only."""
    site, home = ensure_home_page()
    pages = ensure_standard_pages(home)
    ensure_settings(site, pages)
    return site
