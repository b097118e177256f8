"""`make test` runs the suite with pytest-xdist's `--dist loadgroup`, so that tests sharing an
expensive set-up (the live stack, a module's loaded demo) run in one worker and set it up once.
A pytest upgrade once made xdist ignore the groups without a word (pytest-dev/pytest-xdist#1386),
and every such set-up ran in each worker: this catches it."""

import re
import subprocess
import sys

GROUPED_TESTS = """
import pytest

pytestmark = pytest.mark.xdist_group("together")

@pytest.mark.parametrize("number", range(6))
def test_grouped(number):
    pass
"""


def test_tests_in_one_xdist_group_run_in_one_worker(tmp_path):
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    (tmp_path / "test_grouped.py").write_text(GROUPED_TESTS)

    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-n",
            "2",
            "--dist",
            "loadgroup",
            "-v",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:django",
            str(tmp_path),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert run.returncode == 0, run.stdout + run.stderr
    workers = set(re.findall(r"\[(gw\d+)\].*PASSED", run.stdout))
    assert len(re.findall(r"PASSED", run.stdout)) == 6, run.stdout
    assert len(workers) == 1, run.stdout
