import pytest

from news.models import NewsIndexPage

from .factories import NewsIndexPageFactory


@pytest.fixture
def news_index(home_page) -> NewsIndexPage:
    index = NewsIndexPageFactory(parent=home_page)
    index.save_revision().publish()
    return index
