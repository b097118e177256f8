"""A hub page shows the place: its photos, the map, "Contact this hub", "How to get there" and
its facilities with icons; and every demo hub has photos to show."""

import json

import pytest
from bs4 import BeautifulSoup

from directory.models.hubs import gallery_specs
from tests.directory.factories import hub_index, make_hub

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return hub_index(home_page)


def page_of(client, hub) -> BeautifulSoup:
    response = client.get(hub.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def section_after(page: BeautifulSoup, heading: str) -> list:
    """The elements after the sidebar's `heading`, up to its next heading."""
    found = page.find("h2", string=heading)
    assert found is not None, f"no {heading!r} heading"
    elements = []
    for sibling in found.find_next_siblings():
        if sibling.name == "h2":
            break
        elements.append(sibling)
    return elements


def text_of(elements) -> str:
    return " ".join(element.get_text(" ", strip=True) for element in elements)


@pytest.mark.parametrize(
    ("width", "height", "expected"),
    [
        # A large photo: every width, each in WebP then JPEG.
        (3000, 2000, [480, 720, 960]),
        # A 640 by 360 photo gives at most a 540 by 360 crop: no 720 or 960 that would be 540.
        (640, 360, [480, 540]),
        # Smaller than the smallest width: itself, once.
        (300, 200, [300]),
    ],
)
def test_gallery_asks_only_for_crops_the_photo_can_give(width, height, expected):
    assert gallery_specs(width, height) == [
        f"fill-{w}x{w * 2 // 3}|format-{fmt}" for w in expected for fmt in ("webp", "jpeg")
    ]


def test_gallery_photos_are_responsive_pictures_with_their_alt_text_and_caption(client, index):
    from directory.models import HubGalleryImage
    from tests.news.factories import ImageFactory

    hub = make_hub(index, "Penn Family Hub")
    hub.gallery_images = [
        HubGalleryImage(image=ImageFactory(), alt_text="The baby room", caption="Baby clinic"),
        HubGalleryImage(image=ImageFactory(), alt_text="The garden"),
    ]
    hub.save_revision().publish()

    figures = page_of(client, hub).select("ul.gallery figure")

    assert [figure.img["alt"] for figure in figures] == ["The baby room", "The garden"]
    assert [figure.figcaption.get_text(strip=True) for figure in figures[:1]] == ["Baby clinic"]
    assert figures[1].figcaption is None
    for figure in figures:
        webp = figure.select_one("picture source[type='image/webp']")
        widths = [candidate.split()[-1] for candidate in webp["srcset"].split(", ")]
        assert widths == ["480w", "540w"]  # the factory's photo is 640 by 360
        assert figure.img["src"].endswith(".jpg")
        assert figure.img["sizes"] and figure.img["loading"] == "lazy"


def test_a_hub_without_photos_or_facilities_shows_neither(client, index):
    hub = make_hub(index, "Penn Family Hub", phone="", how_to_get_there="")

    page = page_of(client, hub)

    assert not page.select("ul.gallery")
    assert page.find("h2", string="Photos") is None
    assert not page.select("ul.facilities, svg.facilities__icon")
    assert text_of(section_after(page, "Facilities")) == (
        "Contact the hub to ask about access and facilities."
    )
    assert "step-free" not in text_of(section_after(page, "How to get there"))


def test_contact_and_how_to_get_there_blocks(client, index):
    hub = make_hub(
        index,
        "Bilston Family Hub",
        point=(52.565235, -2.073602),
        postcode="WV14 0AA",
        address_line_1="Mount Pleasant",
        town="Bilston",
        phone="01902 555 0201",
        email="bilston.hub@wulfrun.example",
        how_to_get_there="Bus 79 stops outside.\nNo car park: use the town centre one.",
        step_free_access=True,
    )

    page = page_of(client, hub)

    contact = section_after(page, "Contact this hub")
    assert contact[0].name == "address"
    assert list(contact[0].stripped_strings) == [
        "Mount Pleasant",
        "Bilston",
        "WV14 0AA",
    ]
    links = {a["href"] for element in contact for a in element.find_all("a")}
    assert links == {"tel:019025550201", "mailto:bilston.hub@wulfrun.example"}

    getting_there = section_after(page, "How to get there")
    directions = next(a for element in getting_there for a in element.find_all("a"))
    # Without JavaScript the map stays hidden: this link and the address say where it is.
    assert directions["href"] == "https://www.openstreetmap.org/directions?to=52.56524%2C-2.07360"
    notes = page.select_one(".how-to-get-there")
    assert [line.strip() for line in notes.stripped_strings] == [
        "Bus 79 stops outside.",
        "No car park: use the town centre one.",
    ]
    assert "There is step-free access into the building." in text_of(getting_there)


def test_the_map_has_the_hub_as_its_marker(client, index):
    hub = make_hub(index, "Bilston Family Hub", point=(52.565235, -2.073602))

    page = page_of(client, hub)

    map_region = page.select_one("[data-hub-map='hub-map']")
    assert map_region["aria-label"] == "Map showing where the hub is"
    assert map_region.has_attr("hidden"), "shown by the script, once it can draw it"
    settings = json.loads(page.select_one("script#hub-map").string)
    assert [(m["name"], m["latitude"], m["longitude"]) for m in settings["markers"]] == [
        ("Bilston Family Hub", 52.565235, -2.073602)
    ]


def test_facilities_are_listed_in_order_each_with_a_decorative_icon(client, index):
    hub = make_hub(
        index,
        "Bilston Family Hub",
        free_wifi=True,
        parking=True,
        baby_change=True,
        breastfeeding_space=True,
    )

    items = page_of(client, hub).select("ul.facilities li")

    assert [item.get_text(strip=True) for item in items] == [
        "Baby changing",
        "Quiet space for breastfeeding",
        "Parking",
        "Free Wi-Fi",
    ]
    assert [item["data-facility"] for item in items] == [
        "baby_change",
        "breastfeeding_space",
        "parking",
        "free_wifi",
    ]
    for item in items:
        icon = item.select_one("svg")
        assert icon["aria-hidden"] == "true" and icon["focusable"] == "false"
        assert icon.select("path, circle, rect"), "an icon drawn inline, from no other server"


def test_editors_text_is_escaped(client, index):
    from directory.models import HubGalleryImage
    from tests.news.factories import ImageFactory

    attack = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    hub = make_hub(
        index,
        "Bilston Family Hub",
        how_to_get_there=f"Bus {attack}",
        accessibility_notes=f"Ramp {attack}",
        email="",
        phone="",
    )
    hub.gallery_images = [
        HubGalleryImage(image=ImageFactory(), alt_text=f'A "room" {attack}', caption=attack)
    ]
    hub.save_revision().publish()

    page = page_of(client, hub)

    assert not page.select("script:not([src]):not([type]), img[onerror]")
    assert page.select_one(".how-to-get-there").get_text() == f"Bus {attack}"
    assert page.select_one(".accessibility-notes").get_text() == f"Ramp {attack}"
    figure = page.select_one("ul.gallery figure")
    assert figure.img["alt"] == f'A "room" {attack}'
    assert figure.figcaption.get_text() == attack


def test_every_demo_hub_shows_photos_and_facilities(client, demo_site):
    from directory.models import FamilyHubPage

    hubs = FamilyHubPage.objects.live()
    assert hubs.count() == 10
    for hub in hubs:
        page = page_of(client, hub)
        alts = [img["alt"] for img in page.select("ul.gallery figure img")]
        assert 1 <= len(alts) <= 2, hub.title
        assert all(hub.title in alt for alt in alts), hub.title
        assert page.select("ul.facilities li svg"), hub.title
        assert page.select_one(".how-to-get-there"), hub.title


@pytest.fixture
def hub_and_outreach_base(index):
    from directory.models import PostcodeLocation

    PostcodeLocation.objects.create(
        postcode="WV14 0AB", kind="unit", outward="WV14", latitude=52.565442, longitude=-2.073366
    )
    hub = make_hub(index, "Central Family Hub", point=(52.5870, -2.1296))
    # Nearer to WV14 0AB than the hub is.
    library = make_hub(
        index, "Bilston Library", point=(52.5652, -2.0736), outreach_base=True, phone=""
    )
    return hub, library


def nearest_titles() -> list[str]:
    from directory.finder import nearest_hubs
    from directory.models import PostcodeLocation

    return [found.hub.title for found in nearest_hubs(PostcodeLocation.objects.get(pk="WV14 0AB"))]


def test_an_outreach_base_is_shown_as_one_and_is_nobodys_nearest_hub(client, hub_and_outreach_base):
    hub, library = hub_and_outreach_base

    assert nearest_titles() == ["Central Family Hub"]
    page = page_of(client, library)
    assert page.select_one(".govuk-caption-l").get_text(strip=True) == "Outreach base"
    assert "This is not a family hub" in page.select_one(".outreach-base").get_text()
    finder = client.get("/family-hubs/nearest/", {"postcode": "WV14 0AB"})
    assert finder.status_code == 200
    assert b"Bilston Library" not in finder.content
    assert b"Central Family Hub" in finder.content

    hub_page = page_of(client, hub)
    assert not hub_page.select(".outreach-base")
    assert hub_page.find(string="Outreach base") is None


@pytest.mark.elasticsearch
def test_an_outreach_base_is_nobodys_nearest_hub_on_elasticsearch(
    hub_and_outreach_base, elasticsearch, caplog
):
    assert nearest_titles() == ["Central Family Hub"]
    assert not [r for r in caplog.records if r.name == "search"], "Elasticsearch answered"


def test_the_hub_list_says_which_places_are_outreach_bases(client, index, hub_and_outreach_base):
    page = page_of(client, index)

    kinds = {
        card.select_one(".card__title").get_text(strip=True): card.select_one(".card__kind")
        for card in page.select("li.card")
    }
    assert kinds["Central Family Hub"] is None
    assert kinds["Bilston Library"].get_text(strip=True) == (
        "Outreach base: sessions are held here, but it is not a family hub"
    )
