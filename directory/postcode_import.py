"""Loading the ONS Postcode Directory (or a plain postcode,latitude,longitude CSV) into the
postcode store.

The file is streamed (memory stays flat, whatever its size) into a staging table, then merged
into the store in one transaction: a re-import updates, never duplicates, and a file that turns
out to be malformed halfway leaves the store exactly as it was. Sector and district centroids
("WV1 1", "WV1") are recomputed for every outward code the file touched.

Each postcode keeps its local authority (ONSPD's oslaua column). The authorities' names come
from the names-and-codes CSV in the zip's Documents/ folder; without one (a bare CSV, an older
release), from the project's own table (directory/data/local_authorities.csv)."""

import csv
import io
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.db import connection, transaction

from . import local_authorities, postcodes
from .models import LocalAuthority, PostcodeLocation

# ONSPD marks postcodes without a grid reference with this latitude (and longitude 0).
NO_LOCATION_LATITUDE = "99.999999"
# Column names, by the header's own words. ONSPD: pcds is the postcode with one space (older
# releases only have pcd/pcd2/pcd7/pcd8, which pad it: normalisation copes).
POSTCODE_COLUMNS = ("pcds", "postcode", "pcd", "pcd2", "pcd7", "pcd8")
LATITUDE_COLUMNS = ("lat", "latitude")
LONGITUDE_COLUMNS = ("long", "longitude", "lng", "lon")
TERMINATED_COLUMNS = ("doterm",)
AUTHORITY_COLUMNS = ("oslaua", "laua", "local_authority")
BATCH_SIZE = 20_000
STAGING_TABLE = "directory_postcode_import"
TABLE = PostcodeLocation._meta.db_table
AUTHORITY_TABLE = LocalAuthority._meta.db_table
PROJECT_TABLE_SOURCE = "Harbour's own table (directory/data/local_authorities.csv)"


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
    # Postcodes stored with a local authority, how many authorities they are in, and where
    # the authorities' names came from.
    with_authority: int = 0
    authorities: int = 0
    authority_names_from: str = ""
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
    authority: int | None = None

    @property
    def needed(self) -> int:
        """How many fields a row must have for the ones we read."""
        used = (self.postcode, self.latitude, self.longitude, self.terminated, self.authority)
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
        authority=position(AUTHORITY_COLUMNS, required=False),
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


def read_authority_names(path: Path) -> tuple[dict[str, str], str]:
    """({code: name}, where they came from) for the local authorities: the names-and-codes
    CSV in the ONSPD zip's Documents/ folder (its name changes with each release: "LA_UA names
    and codes UK as at 04_23.csv"; it is known by its LADyyCD, LADyyNM header), or nothing
    when there is none."""
    if not zipfile.is_zipfile(path):
        return {}, ""
    with zipfile.ZipFile(path) as archive:
        documents = [
            member
            for member in archive.infolist()
            if re.search(r"(^|/)documents/[^/]+\.csv$", member.filename, re.IGNORECASE)
        ]
        # The likeliest first: the folder holds names files for wards, counties, regions…
        documents.sort(key=lambda m: not re.search(r"(^|/)LA", m.filename.rsplit("/", 1)[-1]))
        for member in documents:
            with archive.open(member) as raw:
                first_line = local_authorities.decode(raw.readline())
            if not local_authorities.is_names_header(first_line):
                continue
            text = local_authorities.decode(archive.read(member))
            try:
                names = local_authorities.read_names(io.StringIO(text, newline=""))
            except (local_authorities.NamesFileError, csv.Error):
                continue
            if names:
                return names, member.filename
    return {}, ""


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
) -> Iterator[tuple[str, str, float, float, date | None, str | None]]:
    """(postcode, outward, latitude, longitude, terminated, local authority code) for each
    located, valid row."""
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
    terminated_at, authority_at, needed = columns.terminated, columns.authority, columns.needed
    unit_pattern = postcodes.UNIT_PATTERN.match
    months: dict[str, date | None] = {"": None}
    # Each code as stored (None for ONSPD's stand-ins such as E99999999): a few hundred.
    authority_codes: dict[str, str | None] = {"": None}
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
        authority = None
        if authority_at is not None:
            raw = row[authority_at]
            if raw not in authority_codes:
                authority_codes[raw] = local_authorities.authority_code(raw)
            authority = authority_codes[raw]
        yield postcode, postcode.split(" ", 1)[0], latitude, longitude, terminated, authority
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
    names, names_source = read_authority_names(path)
    stream, counter, _ = open_text(path)
    with stream, transaction.atomic():
        _create_staging_table()
        rows = read_rows(stream, report, progress, counter)
        if connection.vendor == "postgresql":
            _copy_rows_postgresql(rows)
        else:
            _insert_rows(rows)
        report.authorities = _merge_authorities(names)
        if report.authorities:
            report.authority_names_from = names_source or PROJECT_TABLE_SOURCE
        report.stored, report.with_authority = _merge_units()
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
            "terminated date NULL, authority varchar(9) NULL)"
        )


def _drop_staging_table() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {STAGING_TABLE}")


def _copy_rows_postgresql(rows) -> None:
    with connection.cursor() as cursor:
        raw = cursor.cursor  # psycopg's own cursor, for COPY
        with raw.copy(
            f"COPY {STAGING_TABLE} (seq, postcode, outward, latitude, longitude, terminated, "
            "authority) FROM STDIN"
        ) as copy:
            for seq, row in enumerate(rows):
                copy.write_row((seq, *row))


def _insert_rows(rows) -> None:
    sql = (
        f"INSERT INTO {STAGING_TABLE} (seq, postcode, outward, latitude, longitude, terminated, "
        "authority) VALUES (%s, %s, %s, %s, %s, %s, %s)"
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


def _merge_authorities(names: dict[str, str]) -> int:
    """Add or rename the local authorities: every one the names file lists (its names win),
    and every other one the staged postcodes are in, named from the project's own table
    (unnamed when it does not know the code either). Return how many the postcodes are in."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT DISTINCT authority FROM {STAGING_TABLE} WHERE authority IS NOT NULL"
        )
        used = {code for (code,) in cursor.fetchall()}
    if names:
        LocalAuthority.objects.bulk_create(
            [LocalAuthority(code=code, name=name) for code, name in names.items()],
            update_conflicts=True,
            unique_fields=["code"],
            update_fields=["name"],
        )
    known = dict(LocalAuthority.objects.filter(code__in=used).values_list("code", "name"))
    fallback = local_authorities.project_table()
    LocalAuthority.objects.bulk_create(
        [LocalAuthority(code=code, name=fallback.get(code, "")) for code in used - set(known)]
    )
    for code, name in known.items():
        if not name and fallback.get(code):
            LocalAuthority.objects.filter(code=code).update(name=fallback[code])
    return len(used)


def _merge_units() -> tuple[int, int]:
    """Upsert the staged units into the store (the last row wins when a file repeats a
    postcode); return how many distinct postcodes the file gave, and how many of them with
    a local authority."""
    columns = "postcode, kind, outward, latitude, longitude, terminated, local_authority_id"
    update = (
        "kind = excluded.kind, outward = excluded.outward, latitude = excluded.latitude, "
        "longitude = excluded.longitude, terminated = excluded.terminated, "
        "local_authority_id = excluded.local_authority_id "
        # A quarterly re-import changes few rows: leave the unchanged ones alone.
        f"WHERE ({TABLE}.kind, {TABLE}.latitude, {TABLE}.longitude, {TABLE}.terminated, "
        f"{TABLE}.local_authority_id) IS DISTINCT FROM (excluded.kind, excluded.latitude, "
        "excluded.longitude, excluded.terminated, excluded.local_authority_id)"
    )
    staged = (
        "staged.postcode, 'unit', staged.outward, staged.latitude, staged.longitude, "
        f"staged.terminated, authority.id FROM {STAGING_TABLE} AS staged "
        f"LEFT JOIN {AUTHORITY_TABLE} AS authority ON authority.code = staged.authority"
    )
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"INSERT INTO {TABLE} ({columns}) "
                f"SELECT DISTINCT ON (staged.postcode) {staged} "
                "ORDER BY staged.postcode, staged.seq DESC "
                f"ON CONFLICT (postcode) DO UPDATE SET {update}"
            )
        else:
            cursor.execute(
                f"INSERT INTO {TABLE} ({columns}) "
                f"SELECT {staged} WHERE true ORDER BY staged.seq "
                f"ON CONFLICT (postcode) DO UPDATE SET {update}"
            )
        cursor.execute(
            f"SELECT COUNT(DISTINCT postcode), COUNT(DISTINCT CASE WHEN authority IS NOT NULL "
            f"THEN postcode END) FROM {STAGING_TABLE}"
        )
        return cursor.fetchone()


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
        _set_main_authorities(cursor, touched)
        cursor.execute(f"DROP TABLE {STAGING_TABLE}_outward")
    return counts[0], counts[1]


def _set_main_authorities(cursor, touched: str) -> None:
    """Give each sector and district of the touched outward codes the authority most of its
    postcodes in use are in (most of all of them when none is in use; ties to the lower id, so
    a re-import gives the same answer). The units are counted once, by sector and authority;
    a district's counts are its sectors'."""
    counts, main = f"{STAGING_TABLE}_counts", f"{STAGING_TABLE}_authority"
    cursor.execute(
        f"CREATE TEMPORARY TABLE {counts} AS "
        f"SELECT outward, {_sector_expression()} AS sector, local_authority_id, "
        "SUM(CASE WHEN terminated IS NULL THEN 1 ELSE 0 END) AS in_use, COUNT(*) AS total "
        f"FROM {TABLE} WHERE kind = 'unit' AND outward IN ({touched}) "
        "AND local_authority_id IS NOT NULL GROUP BY outward, sector, local_authority_id"
    )
    cursor.execute(
        f"CREATE TEMPORARY TABLE {main} "
        "(area varchar(8) PRIMARY KEY, local_authority_id smallint NOT NULL)"
    )
    for area, counted in (
        ("sector", counts),
        (
            "outward",
            f"(SELECT outward, local_authority_id, SUM(in_use) AS in_use, SUM(total) AS total "
            f"FROM {counts} GROUP BY outward, local_authority_id) AS by_district",
        ),
    ):
        cursor.execute(
            f"INSERT INTO {main} (area, local_authority_id) "
            "SELECT area, local_authority_id FROM ("
            f"SELECT {area} AS area, local_authority_id, ROW_NUMBER() OVER (PARTITION BY {area} "
            "ORDER BY in_use DESC, total DESC, local_authority_id) AS row_order "
            f"FROM {counted}) AS ranked WHERE row_order = 1"
        )
    cursor.execute(
        f"UPDATE {TABLE} SET local_authority_id = (SELECT local_authority_id FROM {main} "
        f"WHERE {main}.area = {TABLE}.postcode) "
        f"WHERE kind IN ('sector', 'district') AND outward IN ({touched})"
    )
    cursor.execute(f"DROP TABLE {counts}")
    cursor.execute(f"DROP TABLE {main}")


def _sector_expression() -> str:
    """SQL for "WV1 1" from "WV1 1SH": everything but the last two letters."""
    if connection.vendor == "postgresql":
        return "left(postcode, length(postcode) - 2)"
    return "substr(postcode, 1, length(postcode) - 2)"
