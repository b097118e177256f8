"""Turn a highlighted fragment from Elasticsearch into safe HTML: escape everything, then mark
the matched words. Elasticsearch never decides what is markup."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .backends.elasticsearch_mapping import HIGHLIGHT_END, HIGHLIGHT_START


def highlighted_html(fragment: str) -> SafeString:
    """'<b>' stays text; the words between the markers are wrapped in <mark>.

    >>> str(highlighted_html("Help with \\ue000nursery\\ue001 <b>places</b>"))
    'Help with <mark>nursery</mark> &lt;b&gt;places&lt;/b&gt;'
    """
    escaped = escape(fragment)
    return mark_safe(  # noqa: S308 (escaped above; only our own tags are added)
        escaped.replace(HIGHLIGHT_START, "<mark>").replace(HIGHLIGHT_END, "</mark>")
    )
