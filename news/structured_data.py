"""schema.org data for search engines, as plain dictionaries (rendered as JSON-LD by the
`json_ld` template tag)."""

from datetime import datetime


def news_article(
    *,
    headline: str,
    description: str,
    url: str,
    date_published: datetime | None,
    date_modified: datetime | None,
    image_urls: list[str],
    publisher_name: str,
    publisher_url: str,
    topics: list[str] = (),
) -> dict:
    """A schema.org NewsArticle. Google shows at most 110 characters of a headline."""
    article = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": headline[:110],
        "description": description,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "publisher": {
            "@type": "GovernmentOrganization",
            "name": publisher_name,
            "url": publisher_url,
        },
        "author": {"@type": "GovernmentOrganization", "name": publisher_name, "url": publisher_url},
    }
    if date_published:
        article["datePublished"] = date_published.isoformat()
    if date_modified or date_published:
        article["dateModified"] = (date_modified or date_published).isoformat()
    if image_urls:
        article["image"] = list(image_urls)
    if topics:
        article["keywords"] = list(topics)
    return article
