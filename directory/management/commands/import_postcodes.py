import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tqdm import tqdm

from directory.postcode_import import ImportFileError, import_postcodes, source_size


class Command(BaseCommand):
    help = (
        "Load postcode locations and their local authorities from the ONS Postcode Directory "
        "(the zip as published, or its main CSV) or from a CSV with postcode,latitude,longitude "
        "columns. Safe to run again: it updates what is there. A malformed file changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="ONSPD zip, ONSPD CSV, or postcode,latitude,longitude CSV")
        parser.add_argument("--no-progress", action="store_true", help="Do not draw a progress bar")

    def handle(self, path: str, no_progress: bool = False, **options):
        source = Path(path)
        if not source.is_file():
            raise CommandError(f"There is no file at {source}")
        started = time.perf_counter()
        try:
            with tqdm(
                total=source_size(source),
                unit="B",
                unit_scale=True,
                desc=source.name,
                disable=no_progress,
                file=self.stderr._out,
            ) as bar:
                report = import_postcodes(source, progress=bar.update)
        except ImportFileError as error:
            raise CommandError(f"{source.name}: {error}. Nothing was changed.") from None
        seconds = time.perf_counter() - started
        rate = report.rows_read / seconds if seconds else 0
        names = f", names from {report.authority_names_from}" if report.authorities else ""
        self.stdout.write(
            f"Rows read: {report.rows_read:,}\n"
            f"Stored: {report.stored:,} postcodes, {report.sectors:,} sectors, "
            f"{report.districts:,} districts\n"
            f"Skipped: {report.skipped:,} ({report.skipped_without_location:,} without a "
            f"location, {report.skipped_invalid:,} not valid postcodes)\n"
            f"Local authorities: {report.with_authority:,} postcodes in "
            f"{report.authorities:,} authorities{names}\n"
            f"Took {seconds:.1f}s ({rate:,.0f} rows a second)"
        )
        for line, text in report.invalid_examples:
            self.stdout.write(f"  line {line}: {text!r} is not a valid postcode")
