"""Small transformations of editors' rich text (stored HTML) for display."""

import re

from django.utils.html import strip_tags

# The first top-level paragraph of stored rich text: Wagtail writes `<p data-block-key="…">`.
FIRST_PARAGRAPH = re.compile(r"\A\s*<p(?:\s[^>]*)?>(?P<text>.*?)</p>\s*", re.DOTALL)


def _words(text: str) -> str:
    return " ".join(strip_tags(text).split()).casefold()


def without_repeated_lead(html: str, lead: str) -> str:
    """`html` without its first paragraph when that paragraph only says `lead` again (a page
    that shows its summary as a lead paragraph, then a description that begins with it)."""
    if not html or not lead:
        return html or ""
    match = FIRST_PARAGRAPH.match(html)
    if match and _words(match.group("text")) == _words(lead):
        return html[match.end() :]
    return html
