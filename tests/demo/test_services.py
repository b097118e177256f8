"""The demo directory tells the truth about itself: each service says its own things, its
sessions at a hub fall inside the hub's opening hours, a hub's "what happens here" names only
services held there, and what a family reads on a service page fits the service (a domestic
abuse helpline is not "Pregnancy and all ages")."""

import io
import re
from datetime import time

from django.core.management import call_command
from django.utils.html import strip_tags

import pytest
from bs4 import BeautifulSoup

from demo import hubs as demo_hubs
from demo import services as demo_services
from directory.models import FamilyHubPage, ServicePage

HUBS = {spec["slug"]: spec for spec in demo_hubs.HUBS}
OLD_BOILERPLATE = "Ask at any family hub if you would like help to go along"


def hub_hours(slug: str) -> dict[int, list[tuple[time, time]]]:
    hours = {}
    for day, opens, closes in HUBS[slug]["sessions"]:
        hours.setdefault(day, []).append((time.fromisoformat(opens), time.fromisoformat(closes)))
    return hours


def words(html: str) -> str:
    return " ".join(strip_tags(html).split())


def test_every_service_says_its_own_things():
    descriptions = [words(service.description) for service in demo_services.SERVICES]
    assert len(set(descriptions)) == len(descriptions)
    for service, text in zip(demo_services.SERVICES, descriptions, strict=True):
        assert OLD_BOILERPLATE not in text, service.title
        # A few short paragraphs, not the summary again.
        assert service.description.count("<p>") >= 2, service.title
        assert len(text) > 2 * len(service.summary), service.title
        assert service.summary not in text, service.title
        assert service.eligibility, f"{service.title}: say who it is for"


def test_a_session_at_a_hub_is_inside_the_hubs_opening_hours():
    checked = 0
    for service in demo_services.SERVICES:
        for place, sessions in service.places.items():
            if place not in HUBS:
                continue
            open_on = hub_hours(place)
            for day, opens, closes in sessions:
                opens, closes = time.fromisoformat(opens), time.fromisoformat(closes)
                assert opens < closes, (service.title, place)
                assert any(
                    start <= opens and closes <= end for start, end in open_on.get(day, [])
                ), (
                    f"{service.title} at {place} on day {day}, {opens}-{closes}: the hub is "
                    f"open {open_on.get(day, 'never')}"
                )
                checked += 1
    assert checked >= 60


def test_sessions_and_places_fit_how_a_service_is_delivered():
    for service in demo_services.SERVICES:
        for place in service.places:
            assert place in HUBS or place in demo_services.PLACES, (service.title, place)
        if service.places:
            assert not service.remote_hours, f"{service.title}: its hours are its places'"
        else:
            # Not a place families go to: a phone line, online, or home visits.
            assert service.online or service.by_phone or service.at_home, service.title
        # A session not at a hub is held at each of a page's places: only a page with one.
        own_places_with_sessions = [
            place for place, sessions in service.places.items() if sessions and place not in HUBS
        ]
        if own_places_with_sessions and service.title not in demo_services.PER_PLACE:
            assert list(service.places) == own_places_with_sessions, service.title


@pytest.mark.parametrize("service", demo_services.SERVICES, ids=lambda service: service.title)
def test_ages_make_sense(service):
    if service.minimum_age is not None and service.maximum_age is not None:
        assert service.minimum_age <= service.maximum_age
    if service.maximum_age is not None:
        assert service.maximum_age <= 25, "the child's age, not the parent's"
    if service.pregnancy:
        assert re.search(r"pregnan|expecting|parents-to-be", service.eligibility), (
            "a service for pregnancy says so in who it is for"
        )


def test_a_hubs_what_happens_here_names_only_services_held_there():
    titles = {service.title.lower(): service for service in demo_services.SERVICES}
    for slug, spec in HUBS.items():
        text = " ".join(spec["body"]).lower()
        named = [title for title in titles if title in text]
        assert named, f"{slug} names none of its services"
        for title in named:
            assert slug in titles[title].places, f"{slug} names {title!r}, not held there"
        held = [s for s in demo_services.SERVICES if slug in s.places]
        assert len(held) >= 4, slug


def test_the_old_hub_claims_are_gone():
    """Seen in the demo: a Triple P programme at Penn and "every family hub service" at City
    Centre, neither of them true."""
    bodies = " ".join(" ".join(spec["body"]) for spec in HUBS.values())
    assert "Triple P" not in bodies
    assert "Every family hub service" not in bodies


@pytest.fixture
def whole_demo(db):
    call_command("load_demo", stdout=io.StringIO())


def text_of(response) -> str:
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


def test_service_pages_read_true(client, whole_demo):
    helpline = ServicePage.objects.get(slug="domestic-abuse-helpline")
    text = text_of(client.get(helpline.url))
    assert "Anyone aged 16 or over who is experiencing" in text
    assert "Pregnancy and" not in text and "All ages" not in text
    assert OLD_BOILERPLATE not in text
    assert helpline.by_phone and not helpline.in_person and not helpline.hubs.exists()
    assert not helpline.contacts.exists()

    antenatal = ServicePage.objects.get(slug="antenatal-classes")
    text = text_of(client.get(antenatal.url))
    assert "Pregnancy" in text and "Pregnancy and children of all ages" not in text
    sessions = {(s.hub.slug, s.weekday) for s in antenatal.opening_sessions.all()}
    assert sessions == {("bilston", 1), ("pendeford", 2), ("city-centre", 5)}

    home_visits = ServicePage.objects.get(slug="home-start-volunteers")
    assert home_visits.at_home and not home_visits.in_person and not home_visits.hubs.exists()
    assert "Pregnancy to 4 years" in text_of(client.get(home_visits.url))

    clinic = ServicePage.objects.get(slug="baby-clinic-bilston")
    text = text_of(client.get(clinic.url))
    assert "0 to 4 years" in text and "Up to" not in text
    assert clinic.phone == "0121 496 0330"
    assert "Punjabi" not in text
    # The Whitmore Reans clinic has a health visitor who speaks Punjabi; the page says so.
    punjabi = ServicePage.objects.get(slug="baby-clinic-whitmore-reans")
    assert punjabi.language_names == ["English", "Punjabi"]


def test_every_session_at_a_hub_is_at_one_of_the_services_hubs(whole_demo):
    pages = ServicePage.objects.prefetch_related("hubs", "locations", "opening_sessions")
    assert pages.count() >= 60
    for page in pages:
        hubs = set(page.hubs.all())
        places = len(hubs) + len(page.locations.all())
        for session in page.opening_sessions.all():
            if session.hub is not None:
                assert session.hub in hubs, page.title
            else:
                assert places <= 1, f"{page.title}: a session at every one of its places"
        assert page.in_person == (places > 0), page.title


def test_each_hub_lists_the_services_its_page_describes(client, whole_demo):
    for hub in FamilyHubPage.objects.live():
        listed = set(hub.services.live().values_list("title", flat=True))
        assert len(listed) >= 4, hub.title
