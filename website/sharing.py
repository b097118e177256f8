"""What a page tells search engines and social networks about itself: absolute URLs, and the
OpenGraph and Twitter card values that `templates/includes/social_meta.html` renders. Any app's
page can build these in `get_context`."""

from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.http import HttpRequest

from wagtail.models import Site


def site_root_url(request: HttpRequest | None) -> str:
    """The address of the Wagtail site serving `request`: the same root that canonical URLs
    (`page.full_url`) use, so shared links and image URLs agree with them."""
    site = Site.find_for_request(request) if request is not None else None
    return site.root_url if site is not None else settings.WAGTAILADMIN_BASE_URL


def absolute_url(request: HttpRequest | None, url: str) -> str:
    """`url` (a path such as a rendition's /media/… URL) made absolute; full URLs (media on a
    CDN or object storage) are left alone."""
    if not url or urlsplit(url).scheme:
        return url
    return urljoin(site_root_url(request) + "/", url)


@dataclass
class SharingMetadata:
    title: str
    description: str
    url: str
    type: str = "website"  # OpenGraph's og:type: "website" or "article"
    image_url: str = ""
    image_width: int | None = None
    image_height: int | None = None
    image_alt: str = ""
    published_time: str = ""  # ISO 8601, for og:type "article"
    modified_time: str = ""
    tags: tuple[str, ...] = ()

    @property
    def twitter_card(self) -> str:
        return "summary_large_image" if self.image_url else "summary"
