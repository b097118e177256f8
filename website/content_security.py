"""The site's Content Security Policies, as plain data built from settings (docs/security.md).

Public pages carry a strict policy: scripts and styles from our own static files only, no inline
code, no nonces. Nonces would make each response unique, and public pages are cached and shared
between anonymous visitors, so the policy must be the same for everyone. JSON in
`<script type="application/json">` (json_script) is data the browser never runs, so script-src
does not apply to it.

The Wagtail admin renders inline scripts and style attributes of its own, so /admin/ gets a
relaxed policy: it still allows only our own origin for everything it loads, and still forbids
plugins, other sites framing it, and forms posting elsewhere."""

from urllib.parse import urlsplit

from csp.constants import NONE, SELF, UNSAFE_INLINE

# Where oEmbed players (the embed block: YouTube, Vimeo) load from. Add a provider's player host
# here, or in CSP_EXTRA_FRAME_SOURCES, when editors need one.
EMBED_FRAME_SOURCES = (
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
)


def origin_of(url: str) -> str | None:
    """The scheme and host of an absolute URL ("https://tile.example.org"), None for a URL on
    our own site (a path like /static/...), which 'self' already covers. Tile URL templates
    such as https://{s}.tile.example.org/{z}/{x}/{y}.png become a wildcard host."""
    if not url:
        return None
    if url.startswith("//"):
        url = "https:" + url
    parts = urlsplit(url.replace("{s}", "subdomain-placeholder"))
    if not parts.scheme or not parts.netloc:
        return None
    host = parts.netloc.replace("subdomain-placeholder", "*")
    return f"{parts.scheme}://{host}"


def _sources(*urls: str) -> list[str]:
    """Origins of the URLs that are absolute, each once, in order."""
    found: list[str] = []
    for url in urls:
        origin = origin_of(url)
        if origin and origin not in found:
            found.append(origin)
    return found


def public_directives(
    *,
    map_tile_url: str = "",
    media_url: str = "",
    static_url: str = "",
    frame_sources: tuple[str, ...] | list[str] = EMBED_FRAME_SOURCES,
    report_uri: str = "",
) -> dict[str, list[str]]:
    """The policy for the public site. Images may come from the map tile server and from media
    and static files hosted elsewhere (a CDN or a storage bucket); data: images are Leaflet's
    blank tile and small inline icons in CSS."""
    static_sources = _sources(static_url)
    directives = {
        "default-src": [SELF],
        "script-src": [SELF, *static_sources],
        "style-src": [SELF, *static_sources],
        "img-src": [SELF, "data:", *_sources(map_tile_url, media_url, static_url)],
        "font-src": [SELF, *static_sources],
        "connect-src": [SELF],
        "frame-src": [SELF, *frame_sources],
        "media-src": [SELF, *_sources(media_url)],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        # The Wagtail admin previews pages in a frame of its own; nobody else may frame us.
        "frame-ancestors": [SELF],
    }
    if report_uri:
        directives["report-uri"] = [report_uri]
    return directives


def admin_directives(**sources) -> dict[str, list[str]]:
    """The relaxed policy for the Wagtail admin, from the same `sources` as `public_directives`:
    its inline scripts and styles are allowed, and images from any HTTPS host (embed
    thumbnails from oEmbed providers), but nothing else changes: no plugins, no framing by
    other sites, forms post only to us."""
    directives = public_directives(**sources)
    directives["script-src"] = [*directives["script-src"], UNSAFE_INLINE]
    directives["style-src"] = [*directives["style-src"], UNSAFE_INLINE]
    directives["img-src"] = [*directives["img-src"], "blob:", "https:"]
    directives["font-src"] = [*directives["font-src"], "data:"]
    return directives


def parse(header: str) -> dict[str, list[str]]:
    """A policy header back into directives: the order of directives in a header carries no
    meaning, so tests compare these."""
    directives: dict[str, list[str]] = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives
