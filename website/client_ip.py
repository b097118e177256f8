"""The visitor's IP address, for sign-in throttling (django-axes calls client_ip_address).

Behind a load balancer every request comes from the balancer's address, so REMOTE_ADDR alone
would lock out everyone at once. Each proxy appends the address it received the request from to
X-Forwarded-For; the visitor can write anything at the start of that header, so only the entries
our own proxies added can be trusted: with N proxies in front of the app (TRUSTED_PROXY_COUNT),
the visitor is the Nth entry from the right."""

from django.conf import settings
from django.http import HttpRequest


def client_ip_from(remote_addr: str, forwarded_for: str, trusted_proxy_count: int) -> str:
    if trusted_proxy_count <= 0:
        return remote_addr
    hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()]
    if len(hops) < trusted_proxy_count:
        # Fewer entries than proxies: the request did not come through them all (a direct hit on
        # the app server). The nearest address is the only one we know.
        return remote_addr
    return hops[-trusted_proxy_count]


def client_ip_address(request: HttpRequest) -> str:
    return client_ip_from(
        request.META.get("REMOTE_ADDR", ""),
        request.META.get("HTTP_X_FORWARDED_FOR", ""),
        settings.TRUSTED_PROXY_COUNT,
    )
