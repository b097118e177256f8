"""The site served over HTTP from a thread of the test process, for the drills: a real WSGI
server in front of Django's real handler (middleware, error pages and all), and a small HTTP
client that measures each answer."""

import http.client
import threading
import time
from dataclasses import dataclass
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from django.core.handlers.wsgi import WSGIHandler
from django.db import connections


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):
        pass


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: str
    seconds: float


class SiteServer:
    """`with SiteServer() as site: site.get("/")`. One thread serves every request, one after
    another, so its database connection is reused between requests as in a real worker."""

    def __init__(self):
        self.server: WSGIServer = make_server(
            "127.0.0.1", 0, WSGIHandler(), handler_class=QuietHandler
        )
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        try:
            self.server.serve_forever(poll_interval=0.05)
        finally:
            connections.close_all()  # this thread's connections, so the test database can go

    def __enter__(self) -> "SiteServer":
        self.thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.server.shutdown()
        self.thread.join(timeout=10)
        self.server.server_close()

    def get(self, path: str, timeout: float = 30) -> Answer:
        started = time.monotonic()
        connection = http.client.HTTPConnection(
            "127.0.0.1", self.server.server_port, timeout=timeout
        )
        try:
            connection.request("GET", path, headers={"Host": "localhost"})
            response = connection.getresponse()
            body = response.read().decode("utf-8", errors="replace")
            headers = {name.lower(): value for name, value in response.getheaders()}
            return Answer(response.status, headers, body, time.monotonic() - started)
        finally:
            connection.close()
