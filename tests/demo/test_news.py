"""The demo council's news, as `manage.py load_demo` loads it."""

import re
from datetime import timedelta

from django.utils import timezone
from django.utils.html import strip_tags

from wagtail.models import WorkflowPage

import pytest

from demo import hubs as demo_hubs
from demo import news as demo_news
from demo import services as demo_services
from news.models import NewsIndexPage, NewsReleasePage, NewsTopic
from website.models import NavigationSettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_demo(site):
    return demo_news.load(site)


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

    demo_news.load(site)

    assert (NewsReleasePage.objects.count(), NewsTopic.objects.count()) == counts
    assert get_image_model().objects.count() == images
    assert NewsIndexPage.objects.count() == 1
    assert len(NavigationSettings.for_site(site).main_navigation) == 3


def test_the_demo_news_pages_render(client, news_demo):
    assert client.get("/news/").status_code == 200
    for release in NewsReleasePage.objects.live()[:3]:
        assert client.get(release.url).status_code == 200


# Words that can come before "family hub" without naming one ("Every family hub", "Wulfrun's
# first family hub").
NOT_HUB_NAMES = {"Every", "Each", "The", "Our", "Your", "A", "All", "First", "Wulfrun's"} | {
    number.capitalize() for number in ("two", "three", "four", "five", "six", "ten")
}


def release_text(spec: dict) -> str:
    """Everything a release says: title, summary, caption and every block of its body, one
    after another as sentences."""
    parts = [spec["title"], spec["summary"], spec.get("caption", "")]
    for _, value in spec["body"]:
        if isinstance(value, str):
            parts.append(strip_tags(value))
        else:
            parts.extend(str(item) for item in value.values() if isinstance(item, str))
    return ". ".join(parts)


def hub_names_before_family_hub(text: str) -> list[str]:
    """The names in "Bilston Family Hub", "Bilston family hub" and "Wednesfield, Low Hill and
    Whitmore Reans family hubs"."""
    names = []
    for match in re.finditer(r"family hubs?\b", text, flags=re.IGNORECASE):
        before = text[: match.start()].split()
        words = []
        while before and (before[-1] == "and" or before[-1].rstrip(",")[:1].isupper()):
            if before[-1].endswith(".") or before[-1].rstrip(",") in ("Hub", "Hubs"):
                break  # the end of the sentence, or of the hub named before
            words.insert(0, before.pop())
        while words and words[0] == "and":
            words.pop(0)
        listed = " ".join(words).replace(",", " and ").split(" and ")
        names += [name.strip() for name in listed if name.strip()]
    return [name for name in names if name not in NOT_HUB_NAMES]


def test_reading_hub_names_from_text():
    text = (
        "Three family hubs open in Wednesfield, Low Hill and Whitmore Reans. Every family hub "
        "is free. Heath Lane family hub opened, then Bilston Family Hub, and Canal Street, "
        "Oakfield and Northgate family hubs."
    )
    assert hub_names_before_family_hub(text) == [
        "Heath Lane",
        "Bilston",
        "Canal Street",
        "Oakfield",
        "Northgate",
    ]


def test_every_hub_a_release_names_is_in_the_demo_directory():
    hubs = {spec["title"].removesuffix(" Family Hub") for spec in demo_hubs.HUBS}
    places = {place[0] for place in demo_services.PLACES.values()}
    named = set()
    for spec in [*demo_news.RELEASES, demo_news.EMBARGOED_RELEASE]:
        text = release_text(spec)
        for name in hub_names_before_family_hub(text):
            assert name in hubs, f"{spec['slug']} names {name!r}, not a demo hub"
            named.add(name)
        for retired in ("Heath Lane", "Riverside", "Canal Street", "Oakfield", "Northgate"):
            assert retired not in text, spec["slug"]
        # Other places a release names are the directory's too.
        for place in re.findall(r"(?:at|in) ((?:[A-Z]\w+ )+(?:Centre|Hall|Clinic|Library))", text):
            assert place in places, f"{spec['slug']} names {place!r}, not a demo place"
    assert len(named) >= 6, "the releases name the hubs they are about"


def test_a_release_that_counts_the_hubs_counts_the_demo_directorys():
    count = {10: "ten"}[len(demo_hubs.HUBS)]
    for spec in [*demo_news.RELEASES, demo_news.EMBARGOED_RELEASE]:
        text = release_text(spec)
        for number in re.findall(r"\ball (\w+) (?:family )?hubs\b", text):
            assert number == count, spec["slug"]
