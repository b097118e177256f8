"""The Start for Life offer: each section lists the directory's services in its category for
pregnancy or children up to 2, with what, who, where and when, how to get it and contact, from
the services' own fields."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bs4 import BeautifulSoup

from directory.models import TaxonomyTerm
from families.models import OfferSection, StartForLifeOfferPage
from tests.directory.service_factories import make_service, reviewed
from tests.families.factories import topic_index


def make_offer(parent, sections) -> StartForLifeOfferPage:
    offer = StartForLifeOfferPage(
        title="Our Start for Life offer",
        slug="start-for-life",
        last_reviewed=datetime.date(2026, 11, 2),
    )
    offer.sections = [
        OfferSection(heading=heading, category=TaxonomyTerm.objects.get(code=code))
        for heading, code in sections
    ]
    parent.add_child(instance=offer)
    offer.save_revision().publish()
    return offer


def sections(response) -> dict[str, list[str]]:
    page = BeautifulSoup(response.content, "html.parser")
    return {
        section.h2.get_text(strip=True): [
            a.get_text(strip=True) for a in section.select(".offer-service__title a")
        ]
        for section in page.select(".offer-section")
    }


def test_each_section_lists_its_services_for_pregnancy_to_two(client, directory, home_page):
    offer = make_offer(
        topic_index(home_page),
        [
            ("Infant feeding", "infant-feeding"),
            ("Early language", "speech-and-language"),
            ("Youth", "youth"),
        ],
    )

    response = client.get(offer.url)

    assert response.status_code == 200
    # The clinic (2 to 11) is too old; the draft and defunct services are never listed; the
    # youth club is not for babies.
    assert sections(response) == {
        "Infant feeding": ["Breastfeeding cafe"],
        "Early language": ["Speech and language drop-in", "Talking tots group"],
        "Youth": [],
    }
    html = response.content.decode()
    assert "Last reviewed:" in html and "2 November 2026" in html
    assert "There are no services to show in this part of the offer yet" in html


def test_a_service_shows_who_where_when_how_and_contact(client, directory, home_page):
    make_service(
        directory["index"],
        "Bumps and babies group",
        categories=["antenatal-classes"],
        hubs=[directory["hubs"]["Bilston"]],
        sessions=[(2, "10:00", "11:30", directory["hubs"]["Bilston"])],
        pregnancy=True,
        minimum_age=0,
        maximum_age=1,
        summary="Meet other parents-to-be.",
        eligibility_description="Anyone expecting a baby in Wulfrun.",
        self_referral=False,
        referral_description="Ask your midwife to refer you.",
        phone="0121 496 0101",
        email="bumps@wulfrun.example",
        by_phone=True,
    )
    offer = make_offer(home_page, [("Midwifery and antenatal care", "pregnancy-and-birth")])

    page = BeautifulSoup(client.get(offer.url).content, "html.parser")
    service = page.select_one(".offer-service")
    rows = {
        row.dt.get_text(strip=True): " ".join(row.dd.get_text(" ", strip=True).split())
        for row in service.select(".govuk-summary-list__row")
    }

    assert rows["What it is"] == "Meet other parents-to-be."
    assert rows["Who can use it"] == "Pregnancy to 1 year Anyone expecting a baby in Wulfrun."
    assert rows["Where and when"].startswith("Bilston Family Hub : Wednesday 10am to 11:30am")
    assert "By phone" in rows["Where and when"]
    assert rows["How to get it"] == "Ask your midwife to refer you."
    assert rows["Contact"] == "Phone: 0121 496 0101 Email: bumps@wulfrun.example"


def test_query_count_stays_flat_as_services_grow(client, directory, home_page):
    offer = make_offer(home_page, [("Parenting", "parenting"), ("Feeding", "infant-feeding")])
    hubs = list(directory["hubs"].values())

    def add_services(count: int, start: int) -> None:
        for number in range(start, start + count):
            make_service(
                directory["index"],
                f"Extra service {number}",
                categories=["parenting-courses", "breastfeeding"],
                hubs=hubs[: number % 3 + 1],
                sessions=[(2, "09:00", "10:00")],
                minimum_age=0,
                maximum_age=1,
            )

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(offer.url).status_code == 200
        return len(captured)

    add_services(5, 0)
    queries()
    before = queries()
    add_services(25, 5)
    queries()
    assert queries() == before
    assert len(sections(client.get(offer.url))["Parenting"]) == 32


def test_the_admin_warns_of_stale_services_and_empty_sections(admin_client, directory, home_page):
    make_service(
        directory["index"],
        "Old feeding group",
        categories=["breastfeeding"],
        minimum_age=0,
        maximum_age=1,
        last_reviewed=reviewed(years_ago=2),
    )
    offer = make_offer(home_page, [("Feeding", "infant-feeding"), ("Youth", "youth")])

    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[offer.pk])).content.decode()

    assert "have not been reviewed for over a year" in html
    assert "Old feeding group" in html
    assert "Breastfeeding cafe" not in html.split("What to review")[1].split("Sections")[0]
    assert "list no published service" in html
