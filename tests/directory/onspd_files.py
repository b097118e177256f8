"""ONSPD-shaped files for tests, written here: the real release's header (52 columns, in its
order), with filler codes in the columns we do not read."""

import csv
import zipfile
from pathlib import Path

ONSPD_HEADER = [
    "pcd7",
    "pcd8",
    "pcds",
    "dointr",
    "doterm",
    "oscty",
    "ced",
    "oslaua",
    "osward",
    "parish",
    "usertype",
    "oseast1m",
    "osnrth1m",
    "osgrdind",
    "oshlthau",
    "nhser",
    "ctry",
    "rgn",
    "streg",
    "pcon",
    "eer",
    "teclec",
    "ttwa",
    "pct",
    "itl",
    "statsward",
    "oa01",
    "casward",
    "npark",
    "lsoa01",
    "msoa01",
    "ur01ind",
    "oac01",
    "oa11",
    "lsoa11",
    "msoa11",
    "wz11",
    "sicbl",
    "bua11",
    "ru11ind",
    "oac11",
    "lat",
    "long",
    "lep1",
    "lep2",
    "pfa",
    "imd",
    "calncv",
    "icb",
    "oa21",
    "lsoa21",
    "msoa21",
]


def onspd_row(
    pcds: str, lat: str, long: str, doterm: str = "", oslaua: str = "E99999999"
) -> list[str]:
    """A row of the main CSV. ONSPD's oslaua is E99999999 (no authority) unless given."""
    outward, inward = pcds.split(" ")
    values = dict.fromkeys(ONSPD_HEADER, "E99999999")
    values.update(
        pcd7=f"{outward:<4}{inward}"[:7],
        pcd8=f"{outward:<5}{inward}",
        pcds=pcds,
        dointr="198001",
        doterm=doterm,
        oslaua=oslaua,
        usertype="0",
        lat=lat,
        long=long,
    )
    return [values[column] for column in ONSPD_HEADER]


# Written for these tests: positions near real Wolverhampton postcodes, a row without a
# location (ONSPD's 99.999999), a terminated postcode, and a postcode given twice.
SMALL_ONSPD = [
    onspd_row("WV1 1SH", "52.587041", "-2.129579"),
    onspd_row("WV1 1SJ", "52.587500", "-2.129000"),
    onspd_row("WV1 1AA", "52.590000", "-2.120000"),
    onspd_row("WV1 2AA", "52.580000", "-2.110000"),
    onspd_row("WV14 0AA", "52.565235", "-2.073602"),
    onspd_row("WV14 0AB", "52.565442", "-2.073366"),
    onspd_row("WV9 5ZZ", "99.999999", "0.000000"),
    onspd_row("WV2 9ZZ", "52.566604", "-2.095040", doterm="201004"),
    onspd_row("WV11 1AA", "52.615000", "-2.089000"),
    onspd_row("WV11 1AA", "52.615855", "-2.089476"),
]


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(header)
        writer.writerows(rows)
    return path


# The Documents/ folder when a test does not give one: names files for other geographies, and
# a local authority one with its header only.
OTHER_DOCUMENTS = {
    "Documents/LAD names and codes UK as at 04_25.csv": "LAD25CD,LAD25NM\n",
    "Documents/County names and codes UK as at 04_25.csv": "CTY25CD,CTY25NM\nE10000028,Stafford\n",
}


def write_onspd_zip(
    path: Path, rows: list[list[str]], documents: dict[str, str | bytes] | None = None
) -> Path:
    """Laid out as the ONS publishes it: documents (`documents`: {name in the zip: content}),
    user guide, and the main CSV under Data/."""
    csv_path = write_csv(path.with_suffix(".csv"), ONSPD_HEADER, rows)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in (OTHER_DOCUMENTS if documents is None else documents).items():
            archive.writestr(name, content)
        archive.writestr("User Guide/ONSPD User Guide.txt", "A user guide.\n")
        archive.write(csv_path, "Data/ONSPD_FEB_2025_UK.csv")
        archive.writestr("Data/multi_csv/ONSPD_FEB_2025_UK_WV.csv", ",".join(ONSPD_HEADER) + "\n")
    csv_path.unlink()
    return path
