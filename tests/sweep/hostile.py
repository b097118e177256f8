"""What the sweep sends (Hypothesis strategies for hostile input) and how it judges the answer
(`problems`): no 5xx, no markup of ours reflected unescaped, the content type the body is."""

import json
import xml.etree.ElementTree as ET
from urllib.parse import quote, quote_from_bytes

from bs4 import BeautifulSoup
from hypothesis import strategies as st

# Every payload carries this marker, so an injected element or handler is easy to recognise.
MARKER = "hxss"

MARKUP_PAYLOADS = [
    f"<script>{MARKER}()</script>",
    f'"><img src=x onerror={MARKER}()>',
    f"'><svg onload={MARKER}()>",
    f'" autofocus onfocus="{MARKER}()',
    f"' autofocus onfocus='{MARKER}()",
    f"</textarea></title><script>{MARKER}()</script>",
    f"--><script>{MARKER}()</script><!--",
    f'<a href="javascript:{MARKER}()">x</a>',
    f"javascript:{MARKER}()",
    f"<{MARKER} {MARKER}=1>",
    f"]]><{MARKER}/><![CDATA[",
    f"{{{{ {MARKER} }}}}{{% now 'Y' %}}",
    f"%3Cscript%3E{MARKER}()%3C/script%3E",
]

# Values the views parse: a few real ones, so the sweep also walks the paths past validation.
PLAUSIBLE = [
    "",
    " ",
    "WV1 1SH",
    "wv11sh",
    "WV1",
    "WV1 1",
    "SW1A 1AA",
    "1",
    "2",
    "0",
    "-1",
    "5",
    "50",
    "51",
    "1e3",
    "NaN",
    "99999999999999999999999",
    "2025",
    "0000",
    "9999",
    "relevance",
    "newest",
    "family-hub",
    "news-release",
    "consultations",
    "hub",
    "nursery",
    "family hubs",
]

ENORMOUS = ["x" * 5000, "WV1 1SH " * 400, "é" * 3000, "<" * 2000]

# Any character a URL can carry: control characters, NUL, the unassigned and private-use
# ranges, right-to-left marks, emoji. Only lone surrogates are left out (they cannot be UTF-8).
any_text = st.text(st.characters(codec="utf-8"), max_size=60)

hostile_text = st.one_of(
    st.sampled_from(PLAUSIBLE),
    st.sampled_from(MARKUP_PAYLOADS),
    any_text,
    st.tuples(any_text, st.sampled_from(MARKUP_PAYLOADS), st.sampled_from(PLAUSIBLE)).map("".join),
    st.sampled_from(ENORMOUS),
)


def query_params(names: list[str]) -> st.SearchStrategy[dict[str, list[str]]]:
    """A query string over the view's own parameter names and a stray one: each present or not,
    each given once or several times (`?q=a&q=b`)."""
    return st.dictionaries(
        st.sampled_from([*names, "utm_source", "q[]"]),
        st.lists(hostile_text, min_size=1, max_size=3),
        max_size=len(names) + 1,
    )


# A query string of raw bytes, percent-encoded: invalid UTF-8, stray `%`, `&&`, `==`.
raw_query_string = st.one_of(
    st.binary(max_size=40).map(lambda raw: "q=" + quote_from_bytes(raw)),
    st.text(st.sampled_from("=&%;+#?[]q0aé"), max_size=20).map(
        lambda text: quote(text, safe="=&%;+")
    ),
)

# One path segment: anything, percent-encoded as a browser would send it.
path_segment = hostile_text.filter(bool).map(lambda text: quote(text, safe=""))


def markup_problems(html: str) -> list[str]:
    """Markup of ours that the page would run or render: an element or attribute we sent, an
    event handler or `javascript:` URL with our marker, or our script."""
    problems = [f"reflected {payload!r}" for payload in MARKUP_PAYLOADS[:8] if payload in html]
    for tag in BeautifulSoup(html, "html.parser").find_all(True):
        if MARKER in tag.name or any(MARKER in name for name in tag.attrs):
            problems.append(f"injected element <{tag.name}>")
        for name, value in tag.attrs.items():
            value = " ".join(value) if isinstance(value, list) else value
            if MARKER not in value:
                continue
            if name.startswith("on"):
                problems.append(f"injected handler {name}={value!r}")
            if name in {"href", "src", "action", "formaction"} and value.strip().lower().startswith(
                "javascript:"
            ):
                problems.append(f"injected {name}={value!r}")
        script_type = (tag.get("type") or "text/javascript").lower()
        if tag.name == "script" and "json" not in script_type and MARKER in tag.get_text():
            problems.append("injected script")
    return problems


def problems(response) -> list[str]:
    """What is wrong with an answer to hostile input ([] when nothing is)."""
    status = response.status_code
    if status >= 500:
        return [f"status {status}"]
    content_type = response.get("Content-Type", "")
    body = response.content.decode("utf-8", errors="replace") if response.content else ""
    if status in {301, 302, 303, 307, 308}:
        location = response.get("Location", "")
        return [f"redirect to {location!r}"] if MARKER in location and "<" in location else []
    if content_type.startswith("text/html"):
        return markup_problems(body)
    if content_type.startswith("application/json"):
        try:
            json.loads(body)
        except ValueError:
            return ["not JSON, though it says so"]
        return []
    if "xml" in content_type:
        try:
            ET.fromstring(response.content)  # noqa: S314 (our own answer, parsed in a test)
        except ET.ParseError as error:
            return [f"not well-formed XML: {error}"]
        return []
    return [f"unexpected content type {content_type!r}"]
