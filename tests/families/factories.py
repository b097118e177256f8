"""Topics for tests, published the way editors publish them."""

from directory.models import TaxonomyTerm
from families.models import TopicIndexPage, TopicPage
from news.models import NewsTopic


def topic_index(home_page, **fields) -> TopicIndexPage:
    existing = TopicIndexPage.objects.first()
    if existing:
        return existing
    index = TopicIndexPage(title="Help for your family", slug="help", **fields)
    home_page.add_child(instance=index)
    index.save_revision().publish()
    return index


def make_topic(
    index: TopicIndexPage,
    title: str,
    *,
    categories: list[str] = (),
    news_topics: list[str] = (),
    publish: bool = True,
    **fields,
) -> TopicPage:
    topic = TopicPage(
        title=title,
        slug=fields.pop("slug", title.lower().replace(" ", "-")),
        introduction=fields.pop("introduction", f"<p>About {title.lower()}.</p>"),
        live=publish,
        **fields,
    )
    topic.categories = list(TaxonomyTerm.objects.filter(code__in=categories))
    topic.news_topics = list(NewsTopic.objects.filter(slug__in=news_topics))
    index.add_child(instance=topic)
    revision = topic.save_revision()
    if publish:
        revision.publish()
    return TopicPage.objects.get(pk=topic.pk)
