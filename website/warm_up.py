"""Work a server process does once, before it takes its first request.

gunicorn loads the application in its master process and forks the workers from it
(`preload_app`), so what is done here is done once and every worker starts with it. Left to the
first requests, it made each new worker slow to answer its first visitors (`make bench`'s load
test shows the difference). Nothing here opens a connection (to the database, the cache
or Elasticsearch): a connection made before the fork would be shared by every worker.

This module knows no app: an app with work of its own to do before the first request (the
directory loads the bank holidays) registers it from its AppConfig.ready() with
`before_first_request`."""

import gc
import logging
import sys
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.template import engines
from django.urls import get_resolver

logger = logging.getLogger(__name__)

# What the apps registered, in the order they registered it (INSTALLED_APPS order).
_preparations: list[Callable[[], None]] = []


def before_first_request(preparation: Callable[[], None]) -> Callable[[], None]:
    """Register work for every server process to do before its first request: it must open no
    connection. Registering the same function twice runs it once."""
    if preparation not in _preparations:
        _preparations.append(preparation)
    return preparation


def prepare_process() -> int:
    """Compile the site's own templates, do what the apps registered, and load the URL patterns.
    Returns how many templates were compiled."""
    compiled = compile_templates()
    for preparation in _preparations:
        preparation()
    # Imports every app's URL modules and views, and builds what reverse() looks names up in.
    get_resolver().reverse_dict  # noqa: B018
    return compiled


def freeze_what_is_loaded() -> None:
    """Leave everything loaded so far (modules, classes, compiled templates: some 200,000
    objects) out of the garbage collector's full collections. Python runs one every few
    requests, and walking all of them took about 90 ms each time: one request in ten was
    twice as slow (`make bench`, bench_whats_on). Done last, before gunicorn forks: it also keeps
    those objects' memory shared between the workers (Python's documentation of gc.freeze)."""
    gc.freeze()


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
