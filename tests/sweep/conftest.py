"""The bad input sweep: Hypothesis settings, and the demo council loaded once for the package.

Profiles (HYPOTHESIS_PROFILE): `ci`, the default, is small and derandomized, so every run tries
the same inputs and the sweep stays fast; `thorough` tries many more, randomly, to hunt for new
bugs by hand (`HYPOTHESIS_PROFILE=thorough pytest tests/sweep`)."""

import os

from django.core.management import call_command
from django.db import transaction

import pytest
from hypothesis import HealthCheck, settings

from demo.loader import load_all

# The Django client is a function-scoped fixture that is safe to reuse between examples: every
# request it sends is independent of the last.
SHARED_FIXTURES = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
settings.register_profile(
    "ci",
    max_examples=12,
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=False,
    suppress_health_check=SHARED_FIXTURES,
)
settings.register_profile(
    "thorough",
    max_examples=500,
    deadline=None,
    suppress_health_check=SHARED_FIXTURES,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="package")
def sweep_site(django_db_setup, django_db_blocker):
    """The whole demo council, loaded once for every sweep test (loading it takes far longer
    than the sweep) inside a transaction that is rolled back after the last one, so no other
    test sees it. Each test still runs in its own savepoint (the `db` fixture)."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            site = load_all()
            call_command("update_index", verbosity=0)
            yield site
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def swept(sweep_site, db):
    """For each sweep test: the demo council, and database access."""
    return sweep_site
