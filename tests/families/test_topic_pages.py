"""A topic page lists, without hand-picking, the directory's services in its categories and
ages (nearest first with a postcode), the featured service and the latest related news."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from directory.models import ServicePage
from families.topic_content import ages_filter
from news.models import NewsTopic
from tests.directory.service_factories import make_service
from tests.families.factories import make_topic, topic_index
from tests.html import soup
from tests.news.factories import NewsIndexPageFactory, NewsReleasePageFactory


@pytest.fixture
def index(home_page):
    return topic_index(home_page)


def service_titles(response) -> list[str]:
    return [
        link.get_text(strip=True)
        for link in soup(response).select(".topic-services .card__title a")
    ]


def remote_titles(response) -> list[str]:
    return [
        link.get_text(strip=True)
        for link in soup(response).select(".topic-services-remote .card__title a")
    ]


def test_a_topic_lists_the_services_of_its_categories_and_ages_and_no_others(client, engine, index):
    # Speech and language (with its sub-categories), for babies under 2: the speech therapy
    # clinic (ages 2 to 11) is too old, the youth club is another category, and the draft
    # and the defunct services are never listed.
    topic = make_topic(
        index, "Talking", categories=["speech-and-language"], minimum_age=0, maximum_age=1
    )

    response = client.get(topic.url)

    assert response.status_code == 200
    assert service_titles(response) == ["Speech and language drop-in", "Talking tots group"]
    assert "2 services" in soup(response).select_one("#services-count").get_text()


def test_a_service_for_parents_to_be_only_is_listed_where_the_topic_covers_pregnancy(
    client, directory, index
):
    make_service(
        directory["index"],
        "Antenatal class",
        categories=["antenatal-classes"],
        hubs=[directory["hubs"]["Central"]],
        pregnancy=True,
    )
    pregnancy = make_topic(
        index,
        "Pregnancy",
        categories=["pregnancy-and-birth", "infant-feeding"],
        minimum_age=0,
        maximum_age=0,
        pregnancy=True,
    )
    toddlers = make_topic(
        index,
        "Toddlers",
        categories=["pregnancy-and-birth", "infant-feeding"],
        minimum_age=1,
        maximum_age=2,
    )

    assert service_titles(client.get(pregnancy.url)) == ["Antenatal class", "Breastfeeding cafe"]
    assert service_titles(client.get(toddlers.url)) == ["Breastfeeding cafe"]


def test_ages_filter_overlaps_ranges_with_open_ends(directory):
    listed = ServicePage.objects.live().exclude(status=ServicePage.Status.DEFUNCT)

    def titles(minimum, maximum, pregnancy=False):
        found = listed.filter(ages_filter(minimum, maximum, pregnancy))
        return sorted(found.values_list("title", flat=True))

    # Teenagers: the youth club (11 to 19), the clinic (to 11), and the services with no ages.
    assert titles(12, 19) == ["Online parenting course", "SEND parent group", "Youth club"]
    assert titles(11, 19) == [
        "Online parenting course",
        "SEND parent group",
        "Speech therapy clinic",
        "Youth club",
    ]
    # No ages: every listed service.
    assert len(titles(None, None)) == len(listed)


def test_with_a_postcode_the_nearest_come_first_and_remote_ones_apart(client, engine, index):
    topic = make_topic(index, "Talking and parenting", categories=["speech-and-language"])

    by_name = client.get(topic.url)
    near = client.get(topic.url, {"postcode": "WV10 8AA"})

    assert service_titles(by_name) == [
        "Speech and language drop-in",
        "Speech therapy clinic",
        "Talking tots group",
    ]
    assert near.status_code == 200
    # The clinic is at Low Hill (WV10 8AA itself), the group at Pendeford (about 2.4 miles),
    # the drop-in at Bilston (about 4.7 miles).
    assert service_titles(near) == [
        "Speech therapy clinic",
        "Talking tots group",
        "Speech and language drop-in",
    ]
    distances = [p.get_text(strip=True) for p in soup(near).select(".card__distance")]
    assert distances[0].startswith("0 miles away") or distances[0].startswith("Less than")
    assert "private" in near["Cache-Control"]
    assert "services near WV10 8AA, nearest first" in soup(near).select_one(
        "#services-count"
    ).get_text(" ", strip=True)


def test_with_a_postcode_online_services_are_listed_apart(client, engine, index):
    topic = make_topic(index, "Parenting", categories=["parenting"])

    near = client.get(topic.url, {"postcode": "WV1 1SH"})

    assert service_titles(near) == ["SEND parent group"]
    assert remote_titles(near) == ["Online parenting course"]


@pytest.mark.parametrize(
    ("postcode", "status", "message"),
    [
        ("not a postcode", 400, "Enter a real postcode, like WV1 1SH"),
        ("WV9 9ZZ", 404, "We could not find WV9 9ZZ"),
        ("", 400, "Enter a postcode"),
    ],
)
def test_a_bad_postcode_is_a_clear_message_and_the_services_still_show(
    client, directory, index, postcode, status, message
):
    topic = make_topic(index, "Talking", categories=["speech-and-language"])

    response = client.get(topic.url, {"postcode": postcode})

    assert response.status_code == status
    page = soup(response)
    assert message in page.select_one(".govuk-error-summary").get_text()
    assert message in page.select_one("#id_postcode-error").get_text()
    assert page.title.get_text().startswith("Error:")
    assert len(service_titles(response)) == 3


def test_the_featured_service_shows_while_it_is_listed(client, directory, index):
    cafe = directory["services"]["cafe"]
    topic = make_topic(index, "Feeding", categories=["youth"], featured_service=cafe)

    featured = soup(client.get(topic.url)).select_one("#featured-heading").find_parent("section")
    assert featured.select_one(".card__title").get_text(strip=True) == "Breastfeeding cafe"

    cafe.unpublish()
    assert soup(client.get(topic.url)).select_one("#featured-heading") is None


def test_a_topic_shows_the_latest_news_on_its_news_topics_only(client, directory, index):
    news = NewsIndexPageFactory(parent=index.get_parent())
    news.save_revision().publish()
    early_years = NewsTopic.objects.create(name="Early years", slug="early-years")
    funding = NewsTopic.objects.create(name="Funding", slug="funding")
    for days_ago in range(1, 5):
        NewsReleasePageFactory(
            parent=news, title=f"Early years {days_ago}", days_ago=days_ago, topics=[early_years]
        )
    NewsReleasePageFactory(parent=news, title="Budget", days_ago=0, topics=[funding])
    topic = make_topic(index, "Babies", categories=["youth"], news_topics=["early-years"])

    response = client.get(topic.url)

    news_section = soup(response).select_one("#news-heading").find_parent("section")
    assert [a.get_text(strip=True) for a in news_section.select(".card__title a")] == [
        "Early years 1",
        "Early years 2",
        "Early years 3",
    ]


def test_a_topic_without_news_topics_has_no_news_section(client, directory, index):
    topic = make_topic(index, "Talking", categories=["speech-and-language"])

    assert soup(client.get(topic.url)).select_one("#news-heading") is None


def test_query_count_stays_flat_with_5_or_50_services(client, directory, index):
    topic = make_topic(index, "Growing", categories=["parenting", "youth"])
    hubs = list(directory["hubs"].values())

    def add_services(count: int, start: int) -> None:
        for number in range(start, start + count):
            make_service(
                directory["index"],
                f"Extra service {number}",
                categories=["parenting-courses", "youth-clubs"],
                hubs=hubs[: number % 3 + 1],
                sessions=[(2, "09:00", "10:00")],
                online=number % 2 == 0,
                summary="A summary.",
            )

    def queries(params) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(topic.url, params).status_code == 200
        return len(captured)

    add_services(5, 0)
    counts = {}
    for params in ({}, {"postcode": "WV1 1SH"}):
        queries(params)  # the shared content is read again after publishing
        counts[str(params)] = queries(params)
    add_services(45, 5)
    assert ServicePage.objects.filter(title__startswith="Extra service").count() == 50
    for params in ({}, {"postcode": "WV1 1SH"}):
        queries(params)
        assert queries(params) == counts[str(params)], params
    response = client.get(topic.url)
    assert len(service_titles(response)) == 10
    count = soup(response).select_one("#services-count").get_text(" ", strip=True)
    # The 50, the online parenting course, the SEND parent group and the youth club.
    assert count == "The first 10 of 53 services"


@pytest.fixture
def young_adults(directory):
    """Services for young adults beside the directory's youth club (11 to 19): one for 20 to 25
    filed under SEND, one for 20 to 25 that is not, and one under SEND for those over 25."""
    for title, categories, minimum, maximum in [
        ("Supported internships", ["youth-support", "send-advice"], 20, 25),
        ("Young adults club", ["youth-clubs"], 20, 25),
        ("Day opportunities", ["youth-support", "short-breaks"], 26, 30),
    ]:
        make_service(
            directory["index"],
            title,
            categories=categories,
            hubs=[directory["hubs"]["Central"]],
            minimum_age=minimum,
            maximum_age=maximum,
        )


def test_teenagers_to_19_and_to_25_with_send(client, young_adults, engine, index):
    teenagers = make_topic(
        index,
        "Teenagers and young adults",
        categories=["youth"],
        minimum_age=11,
        maximum_age=19,
        oldest_with_send=25,
    )
    without_send = make_topic(
        index, "Teenagers", slug="teenagers", categories=["youth"], minimum_age=11, maximum_age=19
    )

    response = client.get(teenagers.url)

    listed = service_titles(response)
    assert "Youth club" in listed
    assert "Supported internships" in listed, "20 to 25 and filed under SEND"
    assert "Young adults club" not in listed, "20 to 25, not for SEND"
    assert "Day opportunities" not in listed, "over 25"
    assert "For: Ages 11 to 19, or 25 for young people with SEND" in soup(response).get_text(
        " ", strip=True
    )
    plain = service_titles(client.get(without_send.url))
    assert "Youth club" in plain
    assert "Supported internships" not in plain
