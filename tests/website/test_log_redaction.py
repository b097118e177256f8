"""What the logs hold of what people type: nothing. The development server (`make run`, DEBUG
on) logs as production does: query strings, postcode paths and anything shaped like a postcode
are redacted (website/logging_filters.py), whichever logger writes the line."""

import subprocess
import sys

import pytest

from website.logging_filters import redact_query_string

DEV_SERVER_LINES = """
import logging
import django
django.setup()
logging.getLogger("django.request").warning("Not Found: %s", "/WV14 0AA/")
logging.getLogger("django.request").warning("Not Found: %s", "/api/v1/postcodes/WV1 1SH/")
logging.getLogger("django.server").warning(
    '"%s" %s %s', "GET /WV14%200AA/?postcode=WV14+0AA&q=jane HTTP/1.1", 404, 179
)
logging.getLogger("django.server").info('"%s" %s %s', "GET /w-v-1-4-0-a-a/ HTTP/1.1", 404, 1)
"""


def test_the_development_server_logs_no_postcode(settings):
    logged = subprocess.run(
        [sys.executable, "-c", DEV_SERVER_LINES],
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "website.settings.dev"},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    output = logged.stdout + logged.stderr

    assert output.count("Not Found") == 2, "each line once, through our handler only"
    assert "[redacted]" in output
    for typed in ("WV14", "WV1 1SH", "jane", "0AA"):
        assert typed not in output


@pytest.mark.parametrize(
    ("line", "redacted"),
    [
        ("GET /WV14%200AA/ HTTP/1.1", "GET /[redacted]/ HTTP/1.1"),
        ("GET /wv140aa HTTP/1.1", "GET /[redacted] HTTP/1.1"),
        ("GET /find/WV14+0AA/ HTTP/1.1", "GET /find/[redacted]/ HTTP/1.1"),
        ("GET /family-hubs/bilston-family-hub/ HTTP/1.1", None),
        ("GET /news/2026-plans/ HTTP/1.1", None),
    ],
)
def test_postcodes_anywhere_in_a_path_are_redacted(line, redacted):
    assert redact_query_string(line) == (redacted or line)
