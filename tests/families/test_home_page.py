"""The home page leads with the topics, in the editors' order in the page tree, then the hub
finder and the featured service, then the news."""

from tests.directory.factories import hub_index
from tests.directory.service_factories import make_service, service_index
from tests.families.factories import make_topic, topic_index
from tests.html import soup
from tests.news.factories import NewsIndexPageFactory, NewsReleasePageFactory


def topic_cards(response) -> list[str]:
    return [a.get_text(strip=True) for a in soup(response).select(".home-topics .topic-card a")]


def test_the_home_page_lists_live_topics_in_the_page_trees_order(client, home_page):
    index = topic_index(home_page)
    pregnancy = make_topic(index, "Pregnancy and birth")
    make_topic(index, "Babies and toddlers")
    send = make_topic(index, "SEND")
    make_topic(index, "Draft topic", publish=False)

    assert topic_cards(client.get("/")) == ["Pregnancy and birth", "Babies and toddlers", "SEND"]

    # An editor drags SEND to the top in the page tree.
    send.move(pregnancy, pos="left")

    response = client.get("/")
    assert topic_cards(response) == ["SEND", "Pregnancy and birth", "Babies and toddlers"]
    links = [a["href"] for a in soup(response).select(".home-topics .topic-card a")]
    assert links == ["/help/send/", "/help/pregnancy-and-birth/", "/help/babies-and-toddlers/"]


def test_the_topics_come_before_the_finder_and_the_news(client, home_page):
    index = topic_index(home_page)
    make_topic(index, "Pregnancy and birth")
    hub_index(home_page)
    news = NewsIndexPageFactory(parent=home_page)
    news.save_revision().publish()
    NewsReleasePageFactory(parent=news, title="Hub opens")

    html = client.get("/").content.decode()

    assert (
        html.index('id="home-topics-heading"')
        < html.index('id="home-finder-heading"')
        < html.index('id="home-news-heading"')
    )
    assert "Hub opens" in html


def test_the_home_page_shows_the_service_editors_feature(client, home_page):
    service = make_service(service_index(home_page), "Baby bank", summary="Clothes and cots.")
    topic_index(home_page, featured_service=service)

    featured = soup(client.get("/")).select_one(".featured-service")

    assert featured.select_one(".card__title").get_text(strip=True) == "Baby bank"
    assert "Clothes and cots." in featured.get_text()


def test_without_topics_the_home_page_still_works(client, home_page):
    response = client.get("/")

    assert response.status_code == 200
    assert soup(response).select_one(".home-topics") is None
