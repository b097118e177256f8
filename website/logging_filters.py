"""Logging filters. Public search and finder URLs carry what people type (postcodes among it) in
their query strings, and we promise not to log those."""

import logging
import re

QUERY_STRING = re.compile(r"\?[^\s\"]*")
# Paths that carry what someone typed: /api/v1/postcodes/WV1 1SH/.
PERSONAL_PATH = re.compile(r"(/api/v1/postcodes/)[^/\"?\n]*")
# A whole postcode anywhere else in a path (typed into the address bar: /WV14%200AA/), with
# any spacing a URL can carry.
POSTCODE = re.compile(r"(?i)\b[A-Z]{1,2}[0-9][A-Z0-9]?(?:\s|%20|\+|-|_)*[0-9][A-Z]{2}\b")


def redact_query_string(text: str) -> str:
    """Replace query strings, the typed part of paths that carry a postcode, and anything
    shaped like a postcode, in a request line or URL."""
    text = PERSONAL_PATH.sub(r"\1[redacted]", QUERY_STRING.sub("?[redacted]", text))
    return POSTCODE.sub("[redacted]", text)


class RedactQueryStrings(logging.Filter):
    """Strip query strings from request lines before they are written (the dev server's
    access log, and anything else that logs a request line)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact_query_string(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(
                redact_query_string(arg) if isinstance(arg, str) else arg for arg in record.args
            )
        return True
