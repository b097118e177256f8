"""Real servers for the load test and for the tests that go through the whole stack: Redis,
gunicorn and Varnish, each on a free port, Redis and Varnish started by the project's own
scripts (scripts/redis.sh, scripts/varnish.sh), so that tests run what operators run. Plain
Python: the load test imports this without Django."""

import contextlib
import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SCRIPTS = BASE_DIR / "scripts"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def missing_tools(*names: str) -> list[str]:
    found = {name: shutil.which(name) or shutil.which(name, path="/usr/sbin") for name in names}
    return [name for name, path in found.items() if path is None]


@dataclass
class Fetched:
    status: int
    headers: dict[str, str]
    body: bytes
    seconds: float

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


def fetch(
    url: str,
    method: str = "GET",
    headers: dict[str, str] | None = None,
    timeout: float = 30,
) -> Fetched:
    """One request to a server of ours on loopback; any status is an answer (no exception).
    The path must already be percent-encoded, as a browser sends it."""
    scheme, _, rest = url.partition("://")
    assert scheme == "http", url
    netloc, _, path = rest.partition("/")
    host, _, port = netloc.partition(":")
    started = time.monotonic()
    connection = http.client.HTTPConnection(host, int(port or 80), timeout=timeout)
    try:
        connection.request(method, "/" + path, headers=headers or {})
        response = connection.getresponse()
        body = response.read()
        answer_headers = {name.lower(): value for name, value in response.getheaders()}
        return Fetched(response.status, answer_headers, body, time.monotonic() - started)
    finally:
        connection.close()


def _run_script(name: str, command: str, env: dict[str, str]) -> str:
    finished = subprocess.run(
        [str(SCRIPTS / name), command],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    if finished.returncode != 0:
        raise RuntimeError(f"{name} {command} failed:\n{finished.stdout}{finished.stderr}")
    return finished.stdout.strip()


@dataclass
class RedisServer:
    """scripts/redis.sh on a port of its own; `pause()` stops the process (SIGSTOP) so that
    connections are accepted and nothing is answered, as with a hung server."""

    home: Path
    port: int = field(default_factory=free_port)

    @property
    def env(self) -> dict[str, str]:
        return {"REDIS_PORT": str(self.port), "REDIS_HOME_DIR": str(self.home)}

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    @property
    def pid(self) -> int:
        return int((self.home / f"redis-{self.port}.pid").read_text())

    def start(self) -> "RedisServer":
        _run_script("redis.sh", "start", self.env)
        return self

    def stop(self) -> None:
        self.resume()
        _run_script("redis.sh", "stop", self.env)

    def pause(self) -> None:
        os.kill(self.pid, signal.SIGSTOP)

    def resume(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            os.kill(self.pid, signal.SIGCONT)

    def command(self, *words: str) -> str:
        finished = subprocess.run(
            ["redis-cli", "-p", str(self.port), *words],
            capture_output=True,
            text=True,
            timeout=10,
        )
        return finished.stdout.strip()


@dataclass
class Gunicorn:
    """`gunicorn website.wsgi` with gunicorn.conf.py, as production runs it, on a port of its
    own. `env` must hold the settings (DJANGO_SETTINGS_MODULE, DATABASE_URL, …)."""

    env: dict[str, str]
    workers: int = 2
    port: int = field(default_factory=free_port)
    log_path: Path | None = None
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 120) -> "Gunicorn":
        output = open(self.log_path, "ab") if self.log_path else subprocess.DEVNULL  # noqa: SIM115
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "website.wsgi", "-c", "gunicorn.conf.py"],
            env={
                **self.env,
                "WEB_CONCURRENCY": str(self.workers),
                "BIND": f"127.0.0.1:{self.port}",
            },
            cwd=BASE_DIR,
            stdout=output,
            stderr=output,
        )
        deadline = time.monotonic() + timeout
        while True:
            try:
                if fetch(f"{self.url}/healthz/live/", headers={"Host": "localhost"}).status == 200:
                    return self
            except OSError:
                pass
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}")
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("gunicorn did not become healthy")
            time.sleep(0.2)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def varnish_home() -> Path:
    """A folder for one Varnish instance that Varnish's own unprivileged user can read (it
    compiles the VCL as that user): not under pytest's or mkdtemp's private folders."""
    import tempfile

    root = Path("/var/tmp/harbour-varnish-tests")  # noqa: S108 (mkdtemp below, in a known place)
    root.mkdir(exist_ok=True)
    root.chmod(0o755)
    home = Path(tempfile.mkdtemp(dir=root))
    home.chmod(0o755)
    return home


@dataclass
class Varnish:
    """scripts/varnish.sh in front of a backend port, on a port of its own."""

    home: Path
    backend_port: int
    grace: str = "3600s"
    memory: str = "64m"
    port: int = field(default_factory=free_port)

    @property
    def env(self) -> dict[str, str]:
        return {
            "VARNISH_PORT": str(self.port),
            "VARNISH_BACKEND": f"127.0.0.1:{self.backend_port}",
            "VARNISH_HOME_DIR": str(self.home),
            "VARNISH_GRACE": self.grace,
            "VARNISH_MEMORY": self.memory,
        }

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> "Varnish":
        _run_script("varnish.sh", "start", self.env)
        return self

    def stop(self) -> None:
        _run_script("varnish.sh", "stop", self.env)

    def status(self) -> str:
        return _run_script("varnish.sh", "status", self.env)

    def wait_until_backend(self, healthy: bool, seconds: float = 15) -> None:
        """Until Varnish's probe says the backend is healthy (or sick)."""
        word = "healthy" if healthy else "sick"
        deadline = time.monotonic() + seconds
        while word not in self.status():
            if time.monotonic() > deadline:
                raise RuntimeError(f"Varnish did not see its backend {word}: {self.status()}")
            time.sleep(0.2)


class CacheRequestLog:
    """A small real HTTP server that takes PURGE and BAN requests as Varnish does (200) and
    notes each (method, Host, path): what the site sent its frontend cache. `start()` may be
    called after `port` was handed out, to play a cache that comes back."""

    def __init__(self, port: int | None = None):
        self.port = port or free_port()
        self.received: list[tuple[str, str, str]] = []
        self._server = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> "CacheRequestLog":
        import http.server
        import threading

        log = self.received

        class Handler(http.server.BaseHTTPRequestHandler):
            def _note(self):
                log.append((self.command, self.headers.get("Host", ""), self.path))
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_PURGE = do_BAN = _note

            def log_message(self, format, *args):
                pass

        http.server.ThreadingHTTPServer.allow_reuse_address = True
        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
