"""Work a server process does once, before it takes its first request.

gunicorn loads the application in its master process and forks the workers from it
(`preload_app`), so what is done here is done once and every worker starts with it. Left to the
first requests, it made each new worker answer its first visitors in one to two seconds: the
load test saw a hub page take 2.2 s after a restart, against 7 ms once warm. Nothing here opens a
connection (to the database, the cache or Elasticsearch): a connection made before the fork
would be shared by every worker."""

import logging
import sys
from datetime import date
from pathlib import Path

from django.conf import settings
from django.template import engines
from django.urls import get_resolver

logger = logging.getLogger(__name__)


def prepare_process() -> int:
    """Compile the site's own templates, load the bank holidays and the URL patterns. Returns
    how many templates were compiled."""
    compiled = compile_templates()
    load_bank_holidays()
    # Imports every app's URL modules and views, and builds what reverse() looks names up in.
    get_resolver().reverse_dict  # noqa: B018
    return compiled


def compile_templates() -> int:
    """Every template of ours, into the template loader's cache (the cached loader keeps what it
    compiles for the life of the process). A template that does not compile is logged and left
    for the page that uses it to report."""
    engine = engines["django"]
    compiled = 0
    for folder in template_folders():
        for path in sorted(folder.rglob("*.html")):
            name = path.relative_to(folder).as_posix()
            try:
                engine.get_template(name)
            except Exception:  # the server must start; the page that uses it will say more
                logger.warning("template %s does not compile", name, exc_info=True)
                continue
            compiled += 1
    return compiled


def template_folders() -> list[Path]:
    """The project's template folder and those of its own apps (not the installed packages')."""
    from django.apps import apps

    base = Path(settings.BASE_DIR).resolve()
    environment = Path(sys.prefix).resolve()  # the virtualenv, which may be inside the project
    folders = [Path(folder) for folder in settings.TEMPLATES[0]["DIRS"]]
    for config in apps.get_app_configs():
        folder = Path(config.path).resolve() / "templates"
        if folder.is_relative_to(base) and not folder.is_relative_to(environment):
            folders.append(folder)
    return [folder for folder in folders if folder.is_dir()]


def load_bank_holidays() -> None:
    """The `holidays` package imports a module for every country it knows on first use (0.7 s
    here), and works out a year's dates the first time a day in it is asked about."""
    from directory.opening_hours import england_and_wales_bank_holidays

    bank_holidays = england_and_wales_bank_holidays()
    this_year = date.today().year
    for year in (this_year, this_year + 1):
        bank_holidays.get(date(year, 1, 1))
