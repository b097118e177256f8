"""Factories for news: topics, press contacts, images, the news index and releases."""

from datetime import timedelta

from django.utils import timezone
from django.utils.text import slugify

from wagtail.images import get_image_model

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from demo.images import root_collection
from news.models import NewsIndexPage, NewsReleasePage, NewsTopic, PressContact


class NewsTopicFactory(DjangoModelFactory):
    class Meta:
        model = NewsTopic
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda number: f"Topic {number}")
    slug = factory.LazyAttribute(lambda topic: slugify(topic.name))
    description = factory.LazyAttribute(lambda topic: f"News about {topic.name.lower()}.")


class PressContactFactory(DjangoModelFactory):
    class Meta:
        model = PressContact

    name = "Alex Morgan"
    role = "Communications officer"
    phone = "01902 555 0199"
    email = "press@example.gov.uk"


class ImageFactory(DjangoModelFactory):
    """A small real image file, in the root collection."""

    class Meta:
        model = get_image_model()

    title = factory.Sequence(lambda number: f"Test image {number}")
    description = "Children playing at a family hub"
    collection = factory.LazyFunction(root_collection)
    file = factory.django.ImageField(width=640, height=360, color="teal", format="PNG")


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "News"
    slug = "news"
    summary = "News releases about family hubs."


class NewsReleasePageFactory(wagtail_factories.PageFactory):
    """A live release with a hero image, dated `days_ago` days before now. Pass `parent`."""

    class Meta:
        model = NewsReleasePage

    class Params:
        days_ago = 1

    title = factory.Sequence(lambda number: f"News release {number}")
    slug = factory.LazyAttribute(lambda release: slugify(release.title))
    summary = factory.LazyAttribute(lambda release: f"Summary of {release.title.lower()}.")
    release_date = factory.LazyAttribute(
        lambda release: timezone.now().replace(microsecond=0) - timedelta(days=release.days_ago)
    )
    hero_image = factory.SubFactory(ImageFactory)
    hero_image_alt = "Children playing at a family hub"
    body = factory.LazyFunction(lambda: [("paragraph", "<p>What happened, and why.</p>")])
    topics = factory.LazyFunction(list)


def publish(page):
    """Publish through Wagtail's revisions, as the admin does (which schedules the page instead
    when its go_live_at is in the future). Returns the page as now stored."""
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)
