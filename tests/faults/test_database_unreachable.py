"""A PostgreSQL server that takes the connection but never answers (a hung host, a network
fault) fails a request within DATABASE_CONNECT_TIMEOUT seconds, not after minutes."""

import socket
import subprocess
import sys

from django.conf import settings

# Times the connection attempt alone: starting Python and Django takes seconds more on a busy
# machine, and is not what is measured.
CONNECT = """
import time
import django
django.setup()
from django.db import connection
started = time.monotonic()
try:
    connection.ensure_connection()
except Exception as error:
    print(type(error).__name__, round(time.monotonic() - started, 2))
"""


def test_a_database_that_never_answers_fails_the_connection_in_seconds():
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)  # the kernel completes the handshake; nobody ever answers
        port = silent.getsockname()[1]
        finished = subprocess.run(
            [sys.executable, "-c", CONNECT],
            env={
                "PATH": "/usr/bin:/bin",
                "DJANGO_SETTINGS_MODULE": "website.settings.test",
                "DATABASE_URL": f"postgres://harbour@127.0.0.1:{port}/harbour",
                "DATABASE_CONNECT_TIMEOUT": "2",
            },
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
            timeout=60,
        )

    assert finished.stdout.startswith("OperationalError "), finished.stdout + finished.stderr
    seconds = finished.stdout.split()[1]
    # Without a connect timeout it would wait until the run above is stopped (60 s). libpq may
    # try twice (with SSL, then without), each within the timeout.
    assert float(seconds) < 10, f"the connection attempt took {seconds} s"
