from django.core.management.base import BaseCommand, CommandError

from directory.oruk.importer import SourceError, import_source


class Command(BaseCommand):
    help = (
        "Load services, organisations, locations, contacts, schedules and categories from an "
        "Open Referral UK 3.0 API (its base URL) or a JSON file (one service, a list, or a "
        "page). Matched on ORUK ids: safe to run again. Services are saved as drafts for "
        "review unless --publish is given. Prints what was created, updated, unchanged and "
        "rejected, with the reasons."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="an ORUK API base URL, or a JSON file")
        parser.add_argument(
            "--publish", action="store_true", help="publish the services instead of drafts"
        )

    def handle(self, source: str, publish: bool = False, **options):
        try:
            summary = import_source(source, publish=publish)
        except SourceError as error:
            raise CommandError(f"{error}. Nothing was changed.") from None
        for line in summary.lines():
            self.stdout.write(line)
