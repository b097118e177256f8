"""What's on as an iCalendar feed (RFC 5545), written with the maintained `icalendar` package:
times in Europe/London with its VTIMEZONE, a cancelled session as STATUS:CANCELLED with the
reason, so a subscribed calendar shows the change instead of silently dropping the event."""

import ipaddress
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from urllib.parse import urljoin

from django.http.request import split_domain_port
from django.utils.translation import gettext

from wagtail.models import Site

import icalendar

from .whats_on import Entry

PRODUCT_ID = "-//Harbour//What's on//EN"
# How often a calendar app should fetch the feed again (RFC 7986 REFRESH-INTERVAL).
REFRESH_HOURS = 6


def uid_domain(request) -> str:
    """The domain that makes the events' UIDs unique in the world (RFC 5545 advises one the
    publisher owns) and the same on every fetch: the Wagtail Site's hostname when it is a
    real domain name, else the host the request came to (a site left as "localhost" but
    served under the council's name)."""
    site = Site.find_for_request(request)
    if site is not None and _is_domain_name(site.hostname):
        return site.hostname.lower()
    domain, _port = split_domain_port(request.get_host())
    return domain.lower()


def _is_domain_name(hostname: str) -> bool:
    if not hostname or "." not in hostname:
        return False
    try:
        ipaddress.ip_address(hostname.strip("[]"))
    except ValueError:
        return True
    return False


def build(
    entries: Iterable[Entry],
    name: str,
    page_url: str,
    now: datetime,
    first: date,
    last: date,
    host: str,
) -> bytes:
    """The feed of `entries` (from `first` to `last`), named `name`, linking to `page_url` (an
    absolute address); `host` (uid_domain) names the events' UIDs."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/London")
    calendar.add("url", page_url)
    refresh = icalendar.vDuration(timedelta(hours=REFRESH_HOURS))
    calendar.add("refresh-interval", refresh, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", refresh)
    for entry in entries:
        calendar.add_component(event(entry, host, now, page_url))
    # Europe/London's rules for the weeks shown, not for every year since 1970.
    calendar.add_missing_timezones(first_date=first - timedelta(days=1), last_date=last)
    return calendar.to_ical()


def event(entry: Entry, host: str, now: datetime, page_url: str) -> icalendar.Event:
    sitting = entry.sitting
    url = urljoin(page_url, entry.url) if entry.url else ""
    item = icalendar.Event()
    item.add("uid", f"{entry.uid}@{host}")
    item.add("dtstamp", now)
    item.add("dtstart", entry.starts_at)
    item.add("dtend", entry.ends_at)
    if sitting.cancelled:
        item.add("summary", gettext("Cancelled: %(title)s") % {"title": entry.title})
        item.add("status", "CANCELLED")
    else:
        item.add("summary", entry.title)
        item.add("status", "CONFIRMED")
    if entry.place:
        item.add("location", entry.place)
    lines = []
    if sitting.reason:
        lines.append(sitting.reason)
    if entry.description:
        lines.append(entry.description)
    lines += [line for line in (entry.booking, entry.cost) if line]
    if url:
        lines.append(url)
    if lines:
        item.add("description", "\n".join(lines))
    if url:
        item.add("url", url)
    return item
