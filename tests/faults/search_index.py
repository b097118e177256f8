"""Helpers the Elasticsearch drills share: the real task worker, run in this process, and what
Elasticsearch holds for a page."""

from urllib.parse import urlparse

from wagtail.models import Page

from bs4 import BeautifulSoup
from django_tasks_db.management.commands.db_worker import Worker

from tests.conftest import elasticsearch_backend_settings


def run_worker() -> None:
    """`manage.py db_worker --batch`: run every task that is due, then stop."""
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="drill-worker",
        excluded_queue_names=[],
    ).run()


def document(backend, page) -> dict | None:
    """The page's document in Elasticsearch (after a refresh), or None."""
    backend.refresh_indexes()
    index = backend.get_index_for_model(Page).name
    found = backend.es.options(ignore_status=404).get(index=index, id=str(page.pk))
    return found["_source"] if found.get("found") else None


def host_and_port(url: str) -> tuple[str, int]:
    parsed = urlparse(url)
    return parsed.hostname or "127.0.0.1", parsed.port or 9200


def settings_through(proxy_port: int, index_prefix: str) -> dict:
    """Search settings as production has them, with Elasticsearch reached through the proxy. A
    short timeout: a refused connection fails at once anyway."""
    return elasticsearch_backend_settings(f"http://127.0.0.1:{proxy_port}", index_prefix, timeout=2)


def result_titles(html: str) -> list[str]:
    return [
        link.get_text(strip=True)
        for link in BeautifulSoup(html, "html.parser").select(".search-result__link")
    ]


def delete_indexes(backend, prefix: str) -> None:
    for name in backend.es.indices.get(index=f"{prefix}*", expand_wildcards="all"):
        backend.es.indices.delete(index=name)
