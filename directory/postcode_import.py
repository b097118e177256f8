"""Loading the ONS Postcode Directory (or a plain postcode,latitude,longitude CSV) into the
postcode store.

The file is streamed (memory stays flat, whatever its size) into a staging table, then merged
into the store in one transaction: a re-import updates, never duplicates, and a file that turns
out to be malformed halfway leaves the store exactly as it was. Sector and district centroids
("WV1 1", "WV1") are recomputed for every outward code the file touched."""

import csv
import io
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.db import connection, transaction

from . import postcodes
from .models import PostcodeLocation

# ONSPD marks postcodes without a grid reference with this latitude (and longitude 0).
NO_LOCATION_LATITUDE = "99.999999"
# Column names, by the header's own words. ONSPD: pcds is the postcode with one space (older
# releases only have pcd/pcd2/pcd7/pcd8, which pad it: normalisation copes).
POSTCODE_COLUMNS = ("pcds", "postcode", "pcd", "pcd2", "pcd7", "pcd8")
LATITUDE_COLUMNS = ("lat", "latitude")
LONGITUDE_COLUMNS = ("long", "longitude", "lng", "lon")
TERMINATED_COLUMNS = ("doterm",)
BATCH_SIZE = 20_000
STAGING_TABLE = "directory_postcode_import"
TABLE = PostcodeLocation._meta.db_table


class ImportFileError(ValueError):
    """The file is not a postcode file we can read; says where and why."""


@dataclass
class ImportReport:
    rows_read: int = 0
    stored: int = 0
    skipped_without_location: int = 0
    skipped_invalid: int = 0
    sectors: int = 0
    districts: int = 0
    # A few (line number, text) of the rows skipped as invalid, to show the operator.
    invalid_examples: list[tuple[int, str]] = field(default_factory=list)

    @property
    def skipped(self) -> int:
        return self.skipped_without_location + self.skipped_invalid


@dataclass(frozen=True)
class Columns:
    postcode: int
    latitude: int
    longitude: int
    terminated: int | None

    @property
    def needed(self) -> int:
        """How many fields a row must have for the ones we read."""
        used = (self.postcode, self.latitude, self.longitude, self.terminated)
        return max(i for i in used if i is not None) + 1


def find_columns(header: list[str]) -> Columns:
    names = [name.strip().lower() for name in header]

    def position(candidates: tuple[str, ...], required: bool = True) -> int | None:
        for candidate in candidates:
            if candidate in names:
                return names.index(candidate)
        if required:
            raise ImportFileError(
                f"line 1: no {candidates[0]!r} column in the header (looked for "
                f"{', '.join(candidates)}); is this the ONSPD's main CSV, or a "
                "postcode,latitude,longitude file?"
            )
        return None

    return Columns(
        postcode=position(POSTCODE_COLUMNS),
        latitude=position(LATITUDE_COLUMNS),
        longitude=position(LONGITUDE_COLUMNS),
        terminated=position(TERMINATED_COLUMNS, required=False),
    )


class CountingReader(io.RawIOBase):
    """A binary stream that counts the bytes read through it, for the progress bar."""

    def __init__(self, raw):
        self.raw = raw
        self.bytes_read = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self.raw.read(len(buffer))
        buffer[: len(data)] = data
        self.bytes_read += len(data)
        return len(data)

    def close(self) -> None:
        self.raw.close()
        super().close()


def open_text(path: Path) -> tuple[io.TextIOBase, CountingReader, int]:
    """The CSV to read as text, the byte counter under it, and its size in bytes. For the ONSPD
    zip, the main CSV is the largest file under Data/."""
    if zipfile.is_zipfile(path):
        archive = zipfile.ZipFile(path)
        members = [m for m in archive.infolist() if m.filename.lower().endswith(".csv")]
        if not members:
            raise ImportFileError(f"{path.name} holds no CSV file")
        data_members = [m for m in members if re.search(r"(^|/)data/", m.filename, re.IGNORECASE)]
        member = max(data_members or members, key=lambda m: m.file_size)
        raw, size = archive.open(member), member.file_size
    else:
        raw, size = path.open("rb"), path.stat().st_size
    counter = CountingReader(raw)
    buffered = io.BufferedReader(counter, buffer_size=1 << 20)
    return io.TextIOWrapper(buffered, encoding="utf-8-sig", newline=""), counter, size


def parse_terminated(text: str, line: int) -> date | None:
    text = text.strip()
    if not text:
        return None
    if len(text) != 6 or not text.isdigit() or not 1 <= int(text[4:]) <= 12:
        raise ImportFileError(f"line {line}: doterm {text!r} is not a month like 202401")
    return date(int(text[:4]), int(text[4:]), 1)


def split_lines(stream: io.TextIOBase) -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) for each line. The ONSPD quotes nothing, so a plain split is
    right and several times faster than the csv module on 2.7 million lines; a line with a
    quote in it goes through the csv module. (No field in these files spans lines.)"""
    for number, line in enumerate(stream, start=1):
        text = line.rstrip("\r\n")
        if '"' in text:
            try:
                yield number, next(csv.reader([text]))
            except csv.Error as error:
                raise ImportFileError(f"line {number}: {error}") from None
        else:
            yield number, text.split(",")


def read_rows(
    stream: io.TextIOBase,
    report: ImportReport,
    progress: Callable[[int], None] = lambda _: None,
    counter: CountingReader | None = None,
) -> Iterator[tuple[str, str, float, float, date | None]]:
    """(postcode, outward, latitude, longitude, terminated) for each located, valid row."""
    reported = 0

    def report_progress() -> None:
        nonlocal reported
        if counter is not None:
            progress(counter.bytes_read - reported)
            reported = counter.bytes_read

    lines = split_lines(stream)
    header = next(lines, None)
    if header is None:
        raise ImportFileError("the file is empty")
    header_fields = header[1]
    columns = find_columns(header_fields)
    # Local names: this loop runs millions of times.
    postcode_at, latitude_at, longitude_at = columns.postcode, columns.latitude, columns.longitude
    terminated_at, needed = columns.terminated, columns.needed
    unit_pattern = postcodes.UNIT_PATTERN.match
    months: dict[str, date | None] = {"": None}
    rows_read = 0
    for line, row in lines:
        if len(row) == 1 and not row[0].strip():
            continue
        rows_read += 1
        if not rows_read % 50_000:
            report_progress()
        if len(row) < needed:
            report.rows_read = rows_read
            raise ImportFileError(
                f"line {line}: {len(row)} columns, but the header promises {len(header_fields)}"
            )
        latitude_text = row[latitude_at]
        if latitude_text == NO_LOCATION_LATITUDE or not latitude_text:
            report.skipped_without_location += 1
            continue
        try:
            latitude = float(latitude_text)
            longitude = float(row[longitude_at])
        except ValueError:
            raise ImportFileError(
                f"line {line}: latitude {latitude_text!r} and longitude "
                f"{row[longitude_at]!r} are not both numbers"
            ) from None
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            raise ImportFileError(f"line {line}: {latitude}, {longitude} is not on Earth")
        text = row[postcode_at]
        # ONSPD's pcds is already normalised; anything else goes through the full rules.
        if unit_pattern(text):
            postcode = text
        else:
            try:
                parsed = postcodes.parse(text)
            except postcodes.PostcodeError:
                parsed = None
            if parsed is None or parsed.kind != postcodes.Kind.UNIT:
                report.skipped_invalid += 1
                if len(report.invalid_examples) < 10:
                    report.invalid_examples.append((line, text))
                continue
            postcode = parsed.text
        terminated = None
        if terminated_at is not None:
            month = row[terminated_at]
            if month not in months:
                months[month] = parse_terminated(month, line)
            terminated = months[month]
        yield postcode, postcode.split(" ", 1)[0], latitude, longitude, terminated
    report.rows_read = rows_read
    report_progress()


def source_size(path: Path) -> int:
    """How many bytes of CSV there are to read (the main CSV's size for a zip)."""
    stream, _, size = open_text(path)
    stream.close()
    return size


def import_postcodes(path: Path, progress: Callable[[int], None] = lambda _: None) -> ImportReport:
    """Import the file at `path`; `progress` is told how many more bytes have been read."""
    report = ImportReport()
    stream, counter, _ = open_text(path)
    with stream, transaction.atomic():
        _create_staging_table()
        rows = read_rows(stream, report, progress, counter)
        if connection.vendor == "postgresql":
            _copy_rows_postgresql(rows)
        else:
            _insert_rows(rows)
        report.stored = _merge_units()
        report.sectors, report.districts = _recompute_centroids()
        _drop_staging_table()
    return report


def _create_staging_table() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {STAGING_TABLE}")
        cursor.execute(
            f"CREATE TEMPORARY TABLE {STAGING_TABLE} ("
            "seq integer NOT NULL, postcode varchar(8) NOT NULL, outward varchar(4) NOT NULL, "
            "latitude double precision NOT NULL, longitude double precision NOT NULL, "
            "terminated date NULL)"
        )


def _drop_staging_table() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {STAGING_TABLE}")


def _copy_rows_postgresql(rows) -> None:
    with connection.cursor() as cursor:
        raw = cursor.cursor  # psycopg's own cursor, for COPY
        with raw.copy(
            f"COPY {STAGING_TABLE} (seq, postcode, outward, latitude, longitude, terminated) "
            "FROM STDIN"
        ) as copy:
            for seq, row in enumerate(rows):
                copy.write_row((seq, *row))


def _insert_rows(rows) -> None:
    sql = (
        f"INSERT INTO {STAGING_TABLE} (seq, postcode, outward, latitude, longitude, terminated) "
        "VALUES (%s, %s, %s, %s, %s, %s)"
    )
    batch = []
    with connection.cursor() as cursor:
        for seq, row in enumerate(rows):
            batch.append((seq, *row))
            if len(batch) >= BATCH_SIZE:
                cursor.executemany(sql, batch)
                batch.clear()
        if batch:
            cursor.executemany(sql, batch)


def _merge_units() -> int:
    """Upsert the staged units into the store (the last row wins when a file repeats a
    postcode); return how many distinct postcodes the file gave."""
    columns = "postcode, kind, outward, latitude, longitude, terminated"
    update = (
        "kind = excluded.kind, outward = excluded.outward, latitude = excluded.latitude, "
        "longitude = excluded.longitude, terminated = excluded.terminated "
        # A quarterly re-import changes few rows: leave the unchanged ones alone.
        f"WHERE ({TABLE}.kind, {TABLE}.latitude, {TABLE}.longitude, {TABLE}.terminated) "
        "IS DISTINCT FROM (excluded.kind, excluded.latitude, excluded.longitude, "
        "excluded.terminated)"
    )
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"INSERT INTO {TABLE} ({columns}) "
                f"SELECT DISTINCT ON (postcode) postcode, 'unit', outward, latitude, longitude, "
                f"terminated FROM {STAGING_TABLE} ORDER BY postcode, seq DESC "
                f"ON CONFLICT (postcode) DO UPDATE SET {update}"
            )
        else:
            cursor.execute(
                f"INSERT INTO {TABLE} ({columns}) "
                f"SELECT postcode, 'unit', outward, latitude, longitude, terminated "
                f"FROM {STAGING_TABLE} WHERE true ORDER BY seq "
                f"ON CONFLICT (postcode) DO UPDATE SET {update}"
            )
        cursor.execute(f"SELECT COUNT(DISTINCT postcode) FROM {STAGING_TABLE}")
        return cursor.fetchone()[0]


def _recompute_centroids() -> tuple[int, int]:
    """Sector and district centroids for the outward codes in this import: the mean position of
    their live units (of all their units when none is live)."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMPORARY TABLE {STAGING_TABLE}_outward AS "
            f"SELECT DISTINCT outward FROM {STAGING_TABLE}"
        )
        touched = f"SELECT outward FROM {STAGING_TABLE}_outward"
        cursor.execute(
            f"DELETE FROM {TABLE} WHERE kind IN ('sector', 'district') AND outward IN ({touched})"
        )
        counts = []
        for kind, key in (("sector", _sector_expression()), ("district", "outward")):
            cursor.execute(
                f"INSERT INTO {TABLE} (postcode, kind, outward, latitude, longitude, terminated) "
                f"SELECT {key}, '{kind}', MIN(outward), "
                "COALESCE(AVG(CASE WHEN terminated IS NULL THEN latitude END), AVG(latitude)), "
                "COALESCE(AVG(CASE WHEN terminated IS NULL THEN longitude END), AVG(longitude)), "
                "CASE WHEN COUNT(terminated) = COUNT(*) THEN MAX(terminated) END "
                f"FROM {TABLE} WHERE kind = 'unit' AND outward IN ({touched}) GROUP BY {key}"
            )
            counts.append(cursor.rowcount)
        cursor.execute(f"DROP TABLE {STAGING_TABLE}_outward")
    return counts[0], counts[1]


def _sector_expression() -> str:
    """SQL for "WV1 1" from "WV1 1SH": everything but the last two letters."""
    if connection.vendor == "postgresql":
        return "left(postcode, length(postcode) - 2)"
    return "substr(postcode, 1, length(postcode) - 2)"
