"""A PostgreSQL server that takes the connection but never answers (a hung host, a network
fault) fails a request within DATABASE_CONNECT_TIMEOUT seconds, not after minutes."""

import socket
import subprocess
import sys
import time

from django.conf import settings

CONNECT = """
import django
django.setup()
from django.db import connection
try:
    connection.ensure_connection()
except Exception as error:
    print(type(error).__name__)
"""


def test_a_database_that_never_answers_fails_the_connection_in_seconds():
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)  # the kernel completes the handshake; nobody ever answers
        port = silent.getsockname()[1]
        started = time.monotonic()
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
        waited = time.monotonic() - started

    assert finished.stdout.strip() == "OperationalError", finished.stderr
    assert waited < 15, f"the connection attempt took {waited:.1f} s"
