"""The image renditions news uses, named once: the templates render them (`release_thumbnail`)
and the listing and the feeds prefetch them, so a listing costs one rendition query whatever
the number of releases."""

from django.db.models import Prefetch

from wagtail.images import get_image_model

# Listing cards: 16:9 thumbnails, WebP with a JPEG fallback, at 1x and 2x. The last format is
# the <img> fallback.
CARD_IMAGE_SPECS = [
    "fill-240x135|format-webp",
    "fill-480x270|format-webp",
    "fill-240x135|format-jpeg",
    "fill-480x270|format-jpeg",
]

# OpenGraph, Twitter cards, JSON-LD and the feeds' enclosures: 1.91:1, JPEG for every reader.
SHARE_IMAGE_SPEC = "fill-1200x630|format-jpeg"


def for_release_cards(releases):
    """`releases` with what a release card shows loaded at once: each release's topics and
    thumbnail renditions in one query each, whatever the number of releases; the body and the
    notes to editors, which no card shows, left unread."""
    return (
        releases.defer("body", "notes_to_editors")
        .select_related("hero_image")
        .prefetch_related(
            "topics",
            Prefetch(
                "hero_image__renditions",
                queryset=get_image_model()
                .get_rendition_model()
                .objects.filter(filter_spec__in=CARD_IMAGE_SPECS),
                to_attr="prefetched_renditions",
            ),
        )
    )
