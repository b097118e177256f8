"""Purging the HTTP cache in front of the site (Varnish, or a CDN that speaks PURGE) when
editors change something, without losing a purge when the cache cannot be reached.

Wagtail's frontend cache (wagtail.contrib.frontend_cache) works out a page's URLs and sends
each a PURGE; its HTTP backend logs a failure and forgets it, so a page unpublished while
Varnish was restarting would stay public until it expired. `PurgingBackend` is that backend,
configured by FRONTEND_CACHE_PURGE_URL, with two changes: a purge that fails is queued and
retried by the task worker until it lands (website/tasks.py), and it can BAN a whole host,
for changes that every page shows (settings, navigation, an alert banner, any snippet). Our
VCL (deploy/varnish/harbour.vcl) accepts both from the app servers only."""

import logging
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import Request, urlopen

from django.conf import settings
from django.utils.encoding import iri_to_uri

from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.utils import get_backends

logger = logging.getLogger(__name__)


class CacheRequest(Request):
    def __init__(self, method: str, *args, **kwargs):
        self.cache_method = method
        super().__init__(*args, **kwargs)

    def get_method(self) -> str:
        return self.cache_method


class FrontendCacheUnreachable(Exception):
    """The cache did not take a PURGE or BAN."""


class PurgingBackend(HTTPBackend):
    """Wagtail's HTTP backend whose failed purges are retried, and which can ban a host."""

    def _send(self, method: str, url: str, host: str) -> None:
        target = urlunsplit([self.cache_scheme, self.cache_netloc, url or "/", "", ""])
        request = CacheRequest(
            method, target, headers={"Host": host, "User-Agent": "Harbour frontend cache"}
        )
        try:
            # The address is FRONTEND_CACHE_PURGE_URL, from the settings.
            with urlopen(request, timeout=settings.FRONTEND_CACHE_TIMEOUT):  # noqa: S310
                pass
        except (HTTPError, URLError, OSError) as error:
            raise FrontendCacheUnreachable(f"{method} {host}{url}: {error}") from error

    def purge(self, url: str) -> None:
        parts = urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        # As a browser sends it, and so as the cache keeps it: /d%C5%B5r/ for /dŵr/.
        self._send("PURGE", iri_to_uri(path), parts.netloc)

    def purge_batch(self, urls) -> None:
        """Called by Wagtail's purge task: what fails is retried by ours."""
        failed = []
        for url in urls:
            try:
                self.purge(url)
            except FrontendCacheUnreachable as error:
                logger.warning("Not purged, queued to retry: %s", error)
                failed.append(url)
        if failed:
            from website.tasks import purge_urls

            purge_urls.enqueue(failed)

    def ban(self, host: str) -> None:
        self._send("BAN", "/", host)


def purge_now(urls: list[str]) -> list[str]:
    """PURGE each URL from every configured cache that serves its host; the URLs that did not
    reach one of them."""
    failed = []
    backends = get_backends().values()
    for url in urls:
        for backend in backends:
            if not backend.invalidates_hostname(urlsplit(url).netloc):
                continue
            try:
                backend.purge(url)
            except FrontendCacheUnreachable as error:
                logger.warning("Not purged: %s", error)
                failed.append(url)
                break
    return failed


def ban_now(hosts: list[str]) -> list[str]:
    """BAN each host from every configured cache that can ban; the hosts that did not reach
    one of them. A cache that cannot ban (a CDN backend of Wagtail's) is left to expire."""
    failed = []
    backends = [backend for backend in get_backends().values() if hasattr(backend, "ban")]
    for host in hosts:
        for backend in backends:
            if not backend.invalidates_hostname(host):
                continue
            try:
                backend.ban(host)
            except FrontendCacheUnreachable as error:
                logger.warning("Not banned: %s", error)
                failed.append(host)
                break
    return failed


def site_hosts() -> list[str]:
    """Each site's host as visitors' browsers send it (hostname, and the port unless it is the
    scheme's own), which is what the cache keeps pages under."""
    from wagtail.models import Site

    return sorted({urlsplit(site.root_url).netloc.lower() for site in Site.objects.all()})


def ban_every_site() -> None:
    """Queue a ban of every site's pages (the worker sends it once the change has committed)."""
    if not get_backends():
        return
    from website.tasks import ban_hosts

    hosts = site_hosts()
    if hosts:
        ban_hosts.enqueue(hosts)
