"""The image renditions news uses, named once: the templates render them (`release_thumbnail`)
and the listing and the feeds prefetch them, so a listing costs one rendition query whatever
the number of releases."""

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
