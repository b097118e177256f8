"""The work a server process does before its first request (website/warm_up.py)."""

from datetime import date
from pathlib import Path

from django.conf import settings
from django.template import engines

import pytest

from directory.opening_hours import england_and_wales_bank_holidays
from website.warm_up import prepare_process, template_folders


@pytest.mark.django_db
def test_a_process_compiles_every_template_of_ours_without_touching_the_database(
    django_assert_num_queries,
):
    ours = [path for folder in template_folders() for path in folder.rglob("*.html")]
    assert Path(settings.BASE_DIR, "templates", "base.html") in ours
    assert all(".venv" not in path.parts for path in ours), "only the project's own templates"

    with django_assert_num_queries(0):
        compiled = prepare_process()

    assert compiled == len(ours), "every template compiles"
    loader = engines["django"].engine.template_loaders[0]
    if hasattr(loader, "get_template_cache"):  # the cached loader (DEBUG off)
        assert "directory/family_hub_page.html" in loader.get_template_cache


def test_a_process_knows_this_years_and_next_years_bank_holidays_before_its_first_request():
    prepare_process()

    years = england_and_wales_bank_holidays().years
    assert {date.today().year, date.today().year + 1} <= years
    assert england_and_wales_bank_holidays().get(date(2026, 12, 25)) == "Christmas Day"


def test_the_server_process_leaves_what_it_loaded_out_of_full_garbage_collections():
    """website.wsgi, as gunicorn loads it before forking: warm, then frozen, so a full
    collection walks only what requests made since (not some 200,000 objects every few
    requests)."""
    import os
    import subprocess
    import sys

    script = (
        "import gc, website.wsgi; print(gc.get_freeze_count(), len(gc.get_objects(generation=2)))"
    )
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "website.settings.test"}
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    frozen, still_collected = map(int, result.stdout.split()[-2:])
    assert frozen > 100_000
    assert still_collected < frozen / 10
