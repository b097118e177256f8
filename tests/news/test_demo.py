"""The demo council's news, as `manage.py load_demo` loads it."""

from datetime import timedelta

from django.utils import timezone

from wagtail.models import WorkflowPage

import pytest

from news import demo
from news.models import NewsIndexPage, NewsReleasePage, NewsTopic
from website.models import NavigationSettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_demo(site):
    return demo.load(site)


def test_the_demo_has_a_dozen_live_releases_over_several_years_and_topics(news_demo):
    live = NewsReleasePage.objects.live()

    assert live.count() >= 12
    assert len({release.release_date.year for release in live}) >= 4
    assert NewsTopic.objects.filter(news_releases__live=True).distinct().count() >= 5
    for release in live:
        assert release.summary and release.body and release.notes_to_editors
        assert release.press_contact is not None
        assert release.topics.exists()
        assert release.hero_image is not None and release.hero_image_alt
        assert release.hero_image.description, "the image's own description, too"
        assert release.hero_image.width == 1200 and release.hero_image.file.size > 0


def test_the_demo_has_one_release_under_embargo(news_demo):
    scheduled = NewsReleasePage.objects.get(live=False)

    assert scheduled.go_live_at > timezone.now() + timedelta(days=6)
    assert scheduled.get_latest_revision().approved_go_live_at == scheduled.go_live_at


def test_the_demo_news_index_is_in_the_navigation_with_the_workflow(news_demo, site):
    assert news_demo.url == "/news/"
    assert WorkflowPage.objects.get(page=news_demo).workflow.name == "Comms sign-off"
    links = [block.value["page"] for block in NavigationSettings.for_site(site).main_navigation]
    assert news_demo.page_ptr in links or news_demo in links


def test_loading_the_demo_again_duplicates_nothing(news_demo, site):
    from wagtail.images import get_image_model

    counts = (NewsReleasePage.objects.count(), NewsTopic.objects.count())
    images = get_image_model().objects.count()

    demo.load(site)

    assert (NewsReleasePage.objects.count(), NewsTopic.objects.count()) == counts
    assert get_image_model().objects.count() == images
    assert NewsIndexPage.objects.count() == 1
    assert len(NavigationSettings.for_site(site).main_navigation) == 3


def test_the_demo_news_pages_render(client, news_demo):
    assert client.get("/news/").status_code == 200
    for release in NewsReleasePage.objects.live()[:3]:
        assert client.get(release.url).status_code == 200
