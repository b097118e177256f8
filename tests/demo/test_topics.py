"""The demo's nine topics: each lists services from the demo directory."""

from bs4 import BeautifulSoup

from demo.topics import TOPICS
from families.models import TopicIndexPage, TopicPage


def test_the_demo_has_nine_topics_each_listing_services(client, demo_site):
    index = TopicIndexPage.objects.get()
    assert [topic.title for topic in index.topics()] == [spec.title for spec in TOPICS]
    assert len(TOPICS) == 9

    for topic in TopicPage.objects.all():
        response = client.get(topic.url)
        assert response.status_code == 200, topic.title
        page = BeautifulSoup(response.content, "html.parser")
        assert page.select(".topic-services .card"), topic.title
        assert page.select_one("#featured-heading"), topic.title

    home = BeautifulSoup(client.get("/").content, "html.parser")
    assert len(home.select(".home-topics .topic-card")) == 9
    assert home.select_one(".featured-service .card__title")


def test_loading_the_demo_twice_adds_no_topics(demo_site):
    from demo import topics

    topics.load(demo_site)

    assert TopicPage.objects.count() == 9
