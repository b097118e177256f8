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
