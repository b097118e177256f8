from django import template

from website.images import picture

from ..renditions import CARD_IMAGE_SPECS

register = template.Library()


@register.simple_tag
def release_thumbnail(image, **attrs):
    """A listing card's picture: the CARD_IMAGE_SPECS renditions, which the listing prefetches
    (the specs are named once, in news/renditions.py, so the two cannot drift apart)."""
    if not image:
        return ""
    return picture(image, CARD_IMAGE_SPECS, attrs)
