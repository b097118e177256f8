"""Service pages, bad input on /services/, the stale-content report and the demo services."""

import io

from django.core.management import call_command

import pytest
import time_machine

from directory.models import ServicePage
from tests.directory.service_factories import make_service, reviewed
from tests.html import soup

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    return " ".join(soup(response).get_text(" ").split())


@time_machine.travel("2026-11-23 09:00 +0000", tick=False)  # a Monday
def test_service_page_shows_what_a_family_needs(client, directory):
    service = directory["services"]["drop-in"]
    response = client.get(service.url)
    assert response.status_code == 200
    page = soup(response)
    text = text_of(response)
    assert page.h1.get_text() == "Speech and language drop-in"
    assert [tag.get_text(strip=True) for tag in page.select(".tag-list li.tag")] == [
        "Free",
        "Self-referral",
    ]
    assert "Run by Wulfrun NHS Trust" in text
    assert "0 to 5 years" in text
    assert "You can refer yourself." in text
    assert "Closed, opens tomorrow at 10am" in text
    hub_link = page.select_one(".service-places a")
    assert hub_link.get_text() == "Bilston Family Hub"
    assert hub_link["href"] == directory["hubs"]["Bilston"].url
    assert f"Last reviewed {service.last_reviewed:%-d %B %Y}" in text
    assert '"@type": "Service"' in response.content.decode()


def test_referral_and_cost_are_spelt_out(client, directory):
    text = text_of(client.get(directory["services"]["clinic"].url))
    assert "You need a referral from a professional" in text
    assert "£5 per session" in text
    assert "Low Hill Clinic" in text


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("category=nope", "There is no category called 'nope'"),
        ("age=-1", "Enter the child's age in years, as a whole number from 0 to 25"),
        ("age=abc", "Enter the child's age in years, as a whole number from 0 to 25"),
        ("radius=999&postcode=WV1+1SH", "Choose a distance from the list"),
        ("postcode=not+a+postcode", "Enter a real postcode, like WV1 1SH"),
        ("delivery=pigeon", "Choose how the service is delivered from the list"),
    ],
)
def test_bad_input_gets_a_message_and_the_form_again(client, directory, query, message):
    response = client.get(f"/services/?{query}")
    assert response.status_code == 400
    summary = soup(response).select_one(".error-summary")
    assert message in summary.get_text()
    assert soup(response).select_one("form.service-search")
    assert not soup(response).select(".service-card")


def test_a_postcode_we_do_not_know_is_404_with_the_govuk_message(client, directory):
    response = client.get("/services/?postcode=WV9+9ZZ")
    assert response.status_code == 404
    assert "We could not find WV9 9ZZ" in text_of(response)
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(("page", "shown"), [("0", "1"), ("abc", "1"), ("9999", "2")])
def test_page_numbers_out_of_range_show_a_real_page(client, directory, page, shown):
    for number in range(6):
        make_service(directory["index"], f"Filler {number}")
    response = client.get(f"/services/?page={page}")
    assert response.status_code == 200
    current = soup(response).select_one("[aria-current=page]")
    assert current.get_text(strip=True) == shown
    assert len(soup(response).select(".service-card")) == (10 if shown == "1" else 3)


def test_privacy_the_postcode_is_not_stored(client, directory, caplog):
    from wagtail.contrib.search_promotions.models import Query

    client.get("/services/?postcode=WV14+0AB&q=speech")
    assert not Query.objects.exists()
    assert "WV14" not in caplog.text


def test_stale_services_report_and_dashboard_oldest_first(admin_client, directory, settings):
    index = directory["index"]
    make_service(index, "Old rhyme time", last_reviewed=reviewed(years_ago=3))
    make_service(index, "Older toy library", last_reviewed=reviewed(years_ago=4))
    make_service(index, "Fresh baby yoga", last_reviewed=reviewed(months_ago=6))
    response = admin_client.get("/admin/reports/services-to-review/")
    assert response.status_code == 200
    rows = [row.get_text(" ", strip=True) for row in soup(response).select("tbody tr")]
    assert [row.split(" ")[0:2] for row in rows] == [["Older", "toy"], ["Old", "rhyme"]]
    dashboard = admin_client.get("/admin/")
    panel = soup(dashboard).select_one("#stale-services-heading").find_parent("section")
    assert [a.get_text() for a in panel.select("li a")] == ["Older toy library", "Old rhyme time"]
    # Fewer months: the six-month-old review is stale too.
    settings.SERVICE_REVIEW_MONTHS = 3
    response = admin_client.get("/admin/reports/services-to-review/")
    assert "Fresh baby yoga" in response.content.decode()


def test_the_services_to_review_panel_is_for_those_who_keep_services(
    client, directory, django_user_model
):
    from tests.directory.admin_roles import directory_editor, hub_editor

    make_service(directory["index"], "Old rhyme time", last_reviewed=reviewed(years_ago=3))
    hubs_index = directory["hubs"]["Central"].get_parent()
    for user, shown in [
        (directory_editor(django_user_model, directory["index"]), True),
        (hub_editor(django_user_model, hubs_index), False),
    ]:
        client.force_login(user)
        dashboard = client.get("/admin/")
        assert dashboard.status_code == 200
        assert bool(soup(dashboard).select_one("#stale-services-heading")) is shown, user


def test_demo_loads_sixty_services_across_the_taxonomy_idempotently(site):
    call_command("load_demo", stdout=io.StringIO())
    services = ServicePage.objects.live()
    count = services.count()
    assert count >= 60
    used = set(services.values_list("categories__parent__code", flat=True))
    assert {"parenting", "send", "speech-and-language", "youth", "domestic-abuse"} <= used
    assert services.filter(is_free=False).exists() and services.filter(self_referral=False).exists()
    assert services.filter(hubs__isnull=False).exists()
    assert services.filter(locations__isnull=False).exists()
    call_command("load_demo", stdout=io.StringIO())
    assert ServicePage.objects.count() == count


def test_services_is_in_the_main_navigation(client, site):
    call_command("load_demo", stdout=io.StringIO())
    response = client.get("/")
    links = [a.get_text(strip=True) for a in soup(response).select("nav a")]
    assert "Find a service" in links


def test_a_postcode_search_costs_the_same_queries_however_many_results_and_shows_changes(
    client, directory
):
    """Delivery places and opening times are kept with the shared content: the second search
    reads neither, and a hub published under a new name shows its new name at once."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = "/services/?postcode=WV14+0AB&sort=nearest"

    def queries() -> tuple[int, str]:
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200
        return len(captured.captured_queries), text_of(response)

    with_seven, text = queries()
    # Eight are Wagtail's finding the site and the page and checking view restrictions. Without
    # the shared content: 20 (the categories, the places' three, the sessions' two). The
    # database search runs twice: what is near, and what reaches families anywhere.
    assert with_seven <= 19
    assert "away, at Bilston Family Hub" in text
    index = directory["services"]["drop-in"].get_parent()
    for number in range(5):
        make_service(index, f"Extra service {number}", hubs=list(directory["hubs"].values()))
    with_twelve, text = queries()
    assert with_twelve == with_seven
    assert text.count("Extra service") == 5

    hub = directory["hubs"]["Bilston"].get_latest_revision_as_object()
    hub.title = "Bilston Children's Centre"
    hub.save_revision().publish()
    assert "away, at Bilston Children's Centre" in queries()[1]


# What the service page says once, and only when there is something to say.


@pytest.fixture
def index(home_page):
    from tests.directory.service_factories import service_index

    return service_index(home_page)


def test_the_summary_is_the_lead_and_the_description_does_not_repeat_it(client, index):
    service = make_service(
        index,
        "Toy library",
        summary="Borrow toys and games for free.",
        description="<p>Borrow toys and games  for free.</p><p>Bring a bag.</p>",
    )
    page = soup(client.get(service.url))

    assert page.select_one(".lead").get_text() == "Borrow toys and games for free."
    assert page.get_text().count("Borrow toys and games") == 1
    assert page.select_one(".prose").get_text() == "Bring a bag."


def test_a_description_that_says_more_than_the_summary_is_shown_whole(client, index):
    service = make_service(
        index,
        "Toy library",
        summary="Borrow toys and games.",
        description="<p>Borrow toys and games, and jigsaws.</p>",
    )
    page = soup(client.get(service.url))

    assert page.select_one(".prose").get_text() == "Borrow toys and games, and jigsaws."


def test_no_contact_heading_without_contact_details(client, index):
    bare = make_service(index, "Bare service", phone="", email="", website="")
    with_phone = make_service(index, "Called service", phone="0121 496 0100")

    headings = [h.get_text() for h in soup(client.get(bare.url)).select(".sidebar h2")]
    assert "Contact" not in headings
    sidebar = soup(client.get(with_phone.url)).select_one(".sidebar")
    assert sidebar.select_one("h2").get_text() == "Contact"
    assert "Telephone: 0121 496 0100" in " ".join(sidebar.get_text(" ").split())


def test_the_weekly_table_lists_only_the_days_with_sessions(client, index):
    service = make_service(
        index,
        "Rhyme time",
        sessions=[(0, "10:00", "11:00"), (3, "14:00", "15:30")],  # Monday and Thursday
    )
    page = soup(client.get(service.url))

    table = page.select_one("table.table")
    rows = [
        [cell.get_text(strip=True) for cell in row.find_all(["th", "td"])]
        for row in table.select("tbody tr")
    ]
    assert rows == [["Monday", "10am to 11am"], ["Thursday", "2pm to 3:30pm"]]
    caption = table.select_one("caption").get_text()
    assert "Monday to Sunday" not in caption
    assert caption == "Weekly sessions"
    assert "Closed" not in table.get_text()


def test_exit_this_page_on_domestic_abuse_services_and_those_editors_mark(client, index, settings):
    settings.EXIT_THIS_PAGE_URL = "https://weather.example/"
    helpline = make_service(index, "Helpline", categories=["domestic-abuse-support"])
    marked = make_service(index, "Marked", exit_this_page=True)
    ordinary = make_service(index, "Toy library")

    for service in (helpline, marked):
        button = soup(client.get(service.url)).select_one(
            ".govuk-exit-this-page[data-module=govuk-exit-this-page] a"
        )
        assert button["href"] == "https://weather.example/"
        assert " ".join(button.get_text().split()) == "Emergency Exit this page"
    assert not soup(client.get(ordinary.url)).select(".govuk-exit-this-page")
