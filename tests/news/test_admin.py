"""The news pages and snippets in Wagtail's admin."""

from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from news.models import NewsReleasePage, NewsTopic

from .admin_forms import add_release_url, edit_url, release_form_data
from .factories import ImageFactory, NewsReleasePageFactory, NewsTopicFactory, PressContactFactory

pytestmark = pytest.mark.django_db


def test_release_editor_opens_with_topics_as_checkboxes(admin_client, news_index):
    NewsTopicFactory(name="Consultations")

    response = admin_client.get(add_release_url(news_index))

    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    assert html.select('input[type="checkbox"][name="topics"]')
    content = response.content.decode()
    for label in ("Headline", "Hero image", "Notes to editors", "Press contact", "Related pages"):
        assert label in content


def test_existing_release_and_index_open_in_the_editor(admin_client, news_index):
    release = NewsReleasePageFactory(parent=news_index)

    assert admin_client.get(edit_url(release)).status_code == 200
    assert admin_client.get(edit_url(news_index)).status_code == 200


def test_publishing_from_the_admin_with_topics_and_a_press_contact(admin_client, news_index):
    topic = NewsTopicFactory(name="Consultations")
    contact = PressContactFactory()
    image = ImageFactory()

    response = admin_client.post(
        add_release_url(news_index),
        release_form_data(
            "Have your say",
            "have-your-say",
            action="publish",
            topics=[topic],
            press_contact=str(contact.pk),
            hero_image=str(image.pk),
            hero_image_alt="Parents talking at a hub",
        ),
    )

    assert response.status_code == 302
    release = NewsReleasePage.objects.get(slug="have-your-say")
    assert release.live
    assert list(release.topics.all()) == [topic]
    assert release.press_contact == contact
    assert release.release_date == release.first_published_at


def test_the_admin_refuses_a_hero_image_without_alt_text(admin_client, news_index):
    response = admin_client.post(
        add_release_url(news_index),
        release_form_data("No alt", "no-alt", action="publish", hero_image=str(ImageFactory().pk)),
    )

    assert response.status_code == 200, "the form comes back with the error"
    assert "Add alt text for the hero image" in response.content.decode()
    assert not NewsReleasePage.objects.filter(slug="no-alt").exists()


def test_the_admin_requires_a_summary(admin_client, news_index):
    response = admin_client.post(
        add_release_url(news_index),
        release_form_data("No summary", "no-summary", action="publish", summary=""),
    )

    assert response.status_code == 200
    assert not NewsReleasePage.objects.filter(slug="no-summary", live=True).exists()


@pytest.mark.parametrize("model_name", ["newstopic", "presscontact"])
def test_snippets_are_listed_and_editable(admin_client, model_name):
    NewsTopicFactory(name="Consultations")
    PressContactFactory()

    listing = admin_client.get(reverse(f"wagtailsnippets_news_{model_name}:list"))
    adding = admin_client.get(reverse(f"wagtailsnippets_news_{model_name}:add"))

    assert listing.status_code == 200
    assert adding.status_code == 200


def test_topic_slugs_are_unique(admin_client):
    NewsTopicFactory(name="Consultations", slug="consultations")

    response = admin_client.post(
        reverse("wagtailsnippets_news_newstopic:add"),
        {"name": "Consultations again", "slug": "consultations", "description": ""},
    )

    assert response.status_code == 200
    assert NewsTopic.objects.filter(slug="consultations").count() == 1


def test_a_press_contact_needs_a_phone_number_or_an_email(admin_client):
    response = admin_client.post(
        reverse("wagtailsnippets_news_presscontact:add"),
        {"name": "Nobody", "role": "", "phone": "", "email": ""},
    )

    assert response.status_code == 200
    assert "Give a phone number or an email address" in response.content.decode()


def test_a_new_release_can_be_previewed_before_it_is_saved(admin_client, news_index):
    topic = NewsTopicFactory(name="Consultations")
    url = reverse(
        "wagtailadmin_pages:preview_on_add", args=["news", "newsreleasepage", news_index.pk]
    )
    data = release_form_data(
        "Preview me",
        "preview-me",
        topics=[topic],
        hero_image=str(ImageFactory().pk),
        hero_image_alt="A hub",
    )

    assert admin_client.post(url, data).json()["is_valid"]
    preview = admin_client.get(url)

    assert preview.status_code == 200
    html = BeautifulSoup(preview.content, "html.parser")
    assert html.h1.get_text() == "Preview me"
    assert html.select_one(".news-release__date").get_text(strip=True).startswith("Published")
    assert [link.get_text() for link in html.select(".news-release__topics a")] == ["Consultations"]
    assert not NewsReleasePage.objects.filter(slug="preview-me").exists()


def test_an_edited_release_can_be_previewed(admin_client, news_index):
    release = NewsReleasePageFactory(parent=news_index, title="Before")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[release.pk])

    assert admin_client.post(url, release_form_data("After", release.slug)).json()["is_valid"]
    preview = admin_client.get(url)

    assert BeautifulSoup(preview.content, "html.parser").h1.get_text() == "After"
