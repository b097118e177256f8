"""The image renditions news uses, named once. Templates write the same specs in their image
tags; the listing and the feeds prefetch these, so a change here must be made there too (the
query-count tests catch a mismatch: a missed prefetch costs one query per release)."""

# Listing cards: 16:9 thumbnails, WebP with a JPEG fallback, at 1x and 2x.
CARD_IMAGE_SPECS = [
    "fill-240x135|format-webp",
    "fill-480x270|format-webp",
    "fill-240x135|format-jpeg",
    "fill-480x270|format-jpeg",
]

# OpenGraph, Twitter cards, JSON-LD and the feeds' enclosures: 1.91:1, JPEG for every reader.
SHARE_IMAGE_SPEC = "fill-1200x630|format-jpeg"
