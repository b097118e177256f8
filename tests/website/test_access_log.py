"""gunicorn's access log (website/gunicorn_logging.py): what people type never reaches it."""

import logging
import runpy
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

from gunicorn.config import Config

from website.gunicorn_logging import RedactingLogger

GUNICORN_CONF = str(Path(__file__).parents[2] / "gunicorn.conf.py")
PROJECT_FORMAT = runpy.run_path(GUNICORN_CONF)["access_log_format"]


def access_line(path: str, query: str = "", log_format: str = PROJECT_FORMAT, **environ) -> str:
    config = Config()
    config.set("accesslog", "-")
    config.set("access_log_format", log_format)
    logger = RedactingLogger(config)
    lines = []

    class Keep(logging.Handler):
        def emit(self, record):
            lines.append(record.getMessage())

    logger.access_log.handlers = [Keep()]
    environ = {
        "REMOTE_ADDR": "127.0.0.1",
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "RAW_URI": f"{path}?{query}" if query else path,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_USER_AGENT": "Firefox",
        **environ,
    }
    response = SimpleNamespace(status="200 OK", sent=5120, headers=[("Content-Type", "text/html")])
    request = SimpleNamespace(headers=[("X-REQUEST-ID", "abc123")])
    logger.access(response, request, environ, timedelta(microseconds=12_500))
    return lines[0]


def test_a_line_in_the_project_format_holds_the_request_not_the_query():
    line = access_line("/family-hubs/nearest/", "postcode=WV1+1SH")

    assert line == '127.0.0.1 "GET /family-hubs/nearest/ HTTP/1.1" 200 5120 12ms "Firefox"'


def test_a_postcode_in_the_path_is_redacted():
    line = access_line("/api/v1/postcodes/WV1 1SH/")

    assert "WV1" not in line
    assert '"GET /api/v1/postcodes/[redacted]/ HTTP/1.1"' in line


def test_every_atom_that_can_carry_what_was_typed_is_redacted_in_any_format():
    line = access_line(
        "/search/",
        "q=WV1+1SH",
        log_format="%(r)s|%(q)s|%(f)s|%({x-request-id}i)s|%({content-type}o)s|%(p)s",
        HTTP_REFERER="https://harbour.example/family-hubs/nearest/?postcode=WV1+1SH",
    )

    assert "WV1" not in line
    request_line, query, referer, request_id, content_type, pid = line.split("|")
    assert request_line == "GET /search/?[redacted] HTTP/1.1"
    assert query == "[redacted]"
    assert referer == "https://harbour.example/family-hubs/nearest/?[redacted]"
    assert (request_id, content_type) == ("abc123", "text/html")
    assert pid.startswith("<")


def test_a_quote_cannot_end_a_field_early():
    line = access_line("/", HTTP_USER_AGENT='evil" 500 0')

    assert line.endswith('"evil\\" 500 0"')


def test_the_access_log_can_be_turned_off_for_a_proxy_that_keeps_one(monkeypatch):
    monkeypatch.delenv("GUNICORN_ACCESS_LOG", raising=False)
    assert runpy.run_path(GUNICORN_CONF)["accesslog"] == "-"
    monkeypatch.setenv("GUNICORN_ACCESS_LOG", "off")

    assert runpy.run_path(GUNICORN_CONF)["accesslog"] is None
