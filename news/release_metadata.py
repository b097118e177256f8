"""What a news release tells the sites it is shared on (Open Graph and Twitter cards) and
search engines (a schema.org NewsArticle): the same facts, read once from the release."""

from django.utils.html import strip_tags

from website.models import CouncilSettings
from website.sharing import SharingMetadata, absolute_url, site_root_url

from .structured_data import news_article


def release_metadata(release, request, topics: list) -> tuple[SharingMetadata, dict]:
    """(sharing metadata, structured data) for `release`, whose topics are `topics`."""
    share_image = release.share_image()
    share_image_url = absolute_url(request, share_image.url) if share_image else ""
    url = release.get_full_url(request) or ""
    council = CouncilSettings.for_request(request)
    sharing = SharingMetadata(
        title=release.seo_title or release.title,
        description=release.meta_description,
        url=url,
        type="article",
        image_url=share_image_url,
        image_width=share_image.width if share_image else None,
        image_height=share_image.height if share_image else None,
        image_alt=release.hero_image_alt,
        published_time=release.display_date.isoformat(),
        modified_time=(release.last_published_at or release.display_date).isoformat(),
        tags=tuple(topic.name for topic in topics),
    )
    structured_data = news_article(
        headline=release.title,
        description=release.summary or strip_tags(release.search_description),
        url=url,
        date_published=release.display_date,
        date_modified=release.last_published_at,
        image_urls=[share_image_url] if share_image_url else [],
        publisher_name=council.council_name,
        publisher_url=site_root_url(request) + "/",
        topics=[topic.name for topic in topics],
    )
    return sharing, structured_data
