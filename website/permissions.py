"""For data migrations that give groups permissions."""

from django.contrib.auth.management import create_permissions


def create_permissions_now(apps) -> None:
    """Make every model's permissions exist in a data migration. Django creates them after the
    last migration has run, and on a fresh database none exist yet when a migration that makes
    groups needs them."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
