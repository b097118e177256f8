"""The bad input sweep: Hypothesis settings, and the demo council loaded once for the package.

Profiles (HYPOTHESIS_PROFILE): `ci`, the default, is small and derandomized, so every run tries
the same inputs and the sweep stays fast; `thorough` tries many more, randomly, to hunt for new
bugs by hand (`HYPOTHESIS_PROFILE=thorough pytest tests/sweep`)."""

import os

import pytest
from hypothesis import HealthCheck, settings

from tests.conftest import demo_loaded_once

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
    """The whole demo council, indexed, loaded once for every sweep test (`demo_loaded_once`)."""
    with demo_loaded_once(django_db_blocker, index=True) as site:
        yield site


@pytest.fixture
def swept(sweep_site, db):
    """For each sweep test: the demo council, and database access."""
    return sweep_site
