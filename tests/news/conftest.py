from django.core.cache import caches

import pytest

from news.models import NewsIndexPage

from .factories import NewsIndexPageFactory


@pytest.fixture(autouse=True)
def empty_caches():
    """Renditions and site root paths are cached in the (in-memory) default cache, keyed by
    ids that a rolled-back database hands out again: start every test from nothing."""
    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def news_index(home_page) -> NewsIndexPage:
    index = NewsIndexPageFactory(parent=home_page)
    index.save_revision().publish()
    return index
