"""`make run`'s scheduler: Wagtail's `publish_scheduled` at the start of every minute until
stopped, so embargoed news releases go live (and expired pages come down) with nobody pressing a
button. Production runs `publish_scheduled` from cron or a systemd timer instead, or this command
as a service: see docs/scheduled-publishing.md."""

import logging
import os
import signal
import threading
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils import timezone

from wagtail.models import Page, Revision

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Run publish_scheduled every minute (on the minute) until stopped with Ctrl+C or "
        "SIGTERM. Also stops when the process that started it (`make run`) has gone."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=float,
            default=60.0,
            help="Seconds between runs (default 60). Runs are aligned to multiples of it.",
        )
        parser.add_argument("--once", action="store_true", help="Run once, then exit.")

    def handle(self, *args, interval: float = 60.0, once: bool = False, **options):
        if once:
            self.publish_due()
            return
        stop = threading.Event()
        previous_handlers = {
            number: signal.signal(number, lambda number, frame: stop.set())
            for number in (signal.SIGINT, signal.SIGTERM)
        }
        try:
            self.run_until(stop, interval)
        finally:
            for number, handler in previous_handlers.items():
                signal.signal(number, handler)

    def run_until(self, stop: threading.Event, interval: float) -> None:
        parent = os.getppid()
        self.stdout.write(f"Scheduler: publishing scheduled pages every {interval:g} seconds")
        while not stop.is_set():
            # A long-lived process: drop connections the database has closed or that are past
            # CONN_MAX_AGE, as Django does around each web request.
            close_old_connections()
            self.publish_due()
            close_old_connections()
            # The next multiple of the interval: a release due at 10:00 is out within a second
            # or so of 10:00, not up to a minute later.
            next_run = (time.time() // interval + 1) * interval
            while not stop.is_set() and time.time() < next_run:
                stop.wait(timeout=min(5.0, max(next_run - time.time(), 0)))
                if os.getppid() != parent:  # orphaned: `make run` was killed outright
                    stop.set()
        self.stdout.write("Scheduler: stopped")

    def publish_due(self) -> None:
        """One `publish_scheduled`; a failure (the database briefly away, say) is logged and
        the next run tries again."""
        try:
            now = timezone.now()
            due = Revision.objects.filter(approved_go_live_at__lt=now).count()
            expiring = Page.objects.filter(live=True, expire_at__lt=now).count()
            call_command("publish_scheduled", verbosity=0)
            if due or expiring:
                self.stdout.write(
                    f"Scheduler {timezone.localtime(now):%Y-%m-%d %H:%M:%S}: published {due} "
                    f"scheduled revision(s), unpublished {expiring} expired page(s)"
                )
        except Exception:
            logger.exception("publish_scheduled failed; the next run will try again")
