"""Harbour's Elasticsearch backend: Wagtail's Elasticsearch 9 backend, plus a health check that
answers within the configured timeout."""

from wagtail.search.backends.elasticsearch9 import Elasticsearch9SearchBackend

from elastic_transport import TransportError
from elasticsearch import ApiError


class HarbourElasticsearchBackend(Elasticsearch9SearchBackend):
    def check_health(self) -> tuple[bool, dict]:
        """(ok, detail) for /healthz/: green or yellow cluster health is healthy (a single
        node has no replicas, so yellow is normal)."""
        try:
            health = self.es.cluster.health(timeout=f"{max(int(self.timeout), 1)}s")
        except (TransportError, ApiError) as error:
            return False, {"error": type(error).__name__}
        status = health.get("status", "unknown")
        return status in {"green", "yellow"}, {"cluster_status": status}


SearchBackend = HarbourElasticsearchBackend
