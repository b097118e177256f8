from django.core.management import CommandError, call_command

import pytest

from directory.models import LocalAuthority, PostcodeLocation
from directory.postcode_import import ImportFileError, import_postcodes
from tests.directory.onspd_files import (
    ONSPD_HEADER,
    SMALL_ONSPD,
    onspd_row,
    write_csv,
    write_onspd_zip,
)

pytestmark = pytest.mark.django_db


def stored() -> dict[str, tuple]:
    return {
        row.postcode: (row.kind, row.latitude, row.longitude, row.terminated)
        for row in PostcodeLocation.objects.all()
    }


@pytest.fixture
def onspd_csv(tmp_path):
    return write_csv(tmp_path / "ONSPD_FEB_2025_UK.csv", ONSPD_HEADER, SMALL_ONSPD)


def test_onspd_csv_import_reports_and_stores_units_sectors_and_districts(onspd_csv):
    report = import_postcodes(onspd_csv)

    assert report.rows_read == 10
    assert report.skipped_without_location == 1
    assert report.stored == 8, "the duplicate counts once"
    assert (report.sectors, report.districts) == (5, 4)
    rows = stored()
    assert "WV9 5ZZ" not in rows
    assert rows["WV1 1SH"] == ("unit", 52.587041, -2.129579, None)
    assert rows["WV11 1AA"][1:3] == (52.615855, -2.089476), "the later row wins"
    assert rows["WV2 9ZZ"][3].isoformat() == "2010-04-01"
    kind, latitude, longitude, _ = rows["WV1 1"]
    assert kind == "sector"
    assert latitude == pytest.approx((52.587041 + 52.5875 + 52.59) / 3)
    assert longitude == pytest.approx((-2.129579 - 2.129 - 2.12) / 3)
    assert rows["WV1"][0] == "district"
    assert rows["WV1"][1] == pytest.approx((52.587041 + 52.5875 + 52.59 + 52.58) / 4)


def test_the_onspd_zip_is_read_as_published(tmp_path):
    archive = write_onspd_zip(tmp_path / "ONSPD_FEB_2025.zip", SMALL_ONSPD)

    report = import_postcodes(archive)

    assert report.stored == 8
    assert "WV14 0AB" in stored()


def test_reimport_updates_and_never_duplicates(onspd_csv, tmp_path):
    import_postcodes(onspd_csv)
    count = PostcodeLocation.objects.count()
    moved = write_csv(
        tmp_path / "moved.csv", ONSPD_HEADER, [onspd_row("WV1 1SH", "52.600000", "-2.100000")]
    )

    import_postcodes(onspd_csv)
    import_postcodes(moved)

    assert PostcodeLocation.objects.count() == count
    assert stored()["WV1 1SH"][1:3] == (52.6, -2.1)
    assert stored()["WV1 1"][1] == pytest.approx((52.6 + 52.5875 + 52.59) / 3)


def test_plain_postcode_latitude_longitude_csv(tmp_path):
    plain = write_csv(
        tmp_path / "plain.csv",
        ["postcode", "latitude", "longitude"],
        [
            ["wv1 1sh", "52.587041", "-2.129579"],
            ["WV141AB", "52.5", "-2.0"],
            ["NOT A CODE", "1", "1"],
        ],
    )

    report = import_postcodes(plain)

    assert report.stored == 2
    assert report.skipped_invalid == 1
    assert report.invalid_examples == [(4, "NOT A CODE")]
    assert set(stored()) >= {"WV1 1SH", "WV14 1AB", "WV14 1", "WV14"}


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([onspd_row("WV1 1SH", "north", "-2.1")], "line 3: latitude 'north'"),
        ([onspd_row("WV1 1SH", "52.5", "-2.1")[:10]], "line 3: 10 columns"),
        ([onspd_row("WV1 1SH", "152.5", "-2.1")], "line 3: 152.5, -2.1 is not on Earth"),
        ([onspd_row("WV1 1SH", "52.5", "-2.1", doterm="2010")], "line 3: doterm '2010'"),
    ],
)
def test_a_malformed_file_names_the_line_and_leaves_the_data_untouched(
    onspd_csv, tmp_path, rows, message
):
    import_postcodes(onspd_csv)
    before = stored()
    bad = write_csv(
        tmp_path / "bad.csv", ONSPD_HEADER, [onspd_row("WV1 1SJ", "52.0", "-2.0"), *rows]
    )

    with pytest.raises(ImportFileError, match=message):
        import_postcodes(bad)

    assert stored() == before


def test_a_file_without_the_columns_is_refused(tmp_path):
    other = write_csv(tmp_path / "other.csv", ["name", "town"], [["Bilston", "Wulfrun"]])

    with pytest.raises(ImportFileError, match="no 'pcds' column"):
        import_postcodes(other)


def test_command_reports_counts_and_explains_errors(onspd_csv, tmp_path, capsys):
    call_command("import_postcodes", str(onspd_csv), "--no-progress")
    output = capsys.readouterr().out
    assert "Rows read: 10" in output
    assert "Stored: 8 postcodes, 5 sectors, 4 districts" in output
    assert "Skipped: 1 (1 without a location, 0 not valid postcodes)" in output

    with pytest.raises(CommandError, match="There is no file"):
        call_command("import_postcodes", str(tmp_path / "missing.csv"))
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    with pytest.raises(
        CommandError, match=r"empty\.csv: the file is empty\. Nothing was changed\."
    ):
        call_command("import_postcodes", str(empty), "--no-progress")


# Local authorities. Written for these tests: WV14 has three postcodes in Wolverhampton and two
# in Dudley; WV13 one live postcode in Walsall and three terminated in Wolverhampton; WV99 one
# in an authority newer than the project's own table; and ONSPD's stand-ins for "none".
WOLVERHAMPTON, DUDLEY, WALSALL, NEWER = "E08000031", "E08000027", "E08000030", "E06000099"
AUTHORITY_ROWS = [
    onspd_row("WV14 0AA", "52.5652", "-2.0736", oslaua=WOLVERHAMPTON),
    onspd_row("WV14 0AB", "52.5654", "-2.0734", oslaua=WOLVERHAMPTON),
    onspd_row("WV14 6AA", "52.5600", "-2.0700", oslaua=WOLVERHAMPTON),
    onspd_row("WV14 9AA", "52.5500", "-2.0850", oslaua=DUDLEY),
    onspd_row("WV14 9AB", "52.5502", "-2.0852", oslaua=DUDLEY),
    onspd_row("WV13 1AA", "52.5850", "-2.0580", oslaua=WALSALL),
    onspd_row("WV13 1AB", "52.5851", "-2.0581", doterm="201001", oslaua=WOLVERHAMPTON),
    onspd_row("WV13 1AD", "52.5852", "-2.0582", doterm="201001", oslaua=WOLVERHAMPTON),
    onspd_row("WV13 1AE", "52.5853", "-2.0583", doterm="201001", oslaua=WOLVERHAMPTON),
    onspd_row("WV99 1AA", "52.6713", "-2.4203", oslaua=NEWER),
    onspd_row("WV98 1AA", "52.4054", "-2.2201", oslaua="E99999999"),
    onspd_row("WV98 1AB", "52.4055", "-2.2202", oslaua=""),
]
NAMES_FILE = "Documents/LA_UA names and codes UK as at 04_23.csv"


def authorities() -> dict[str, str | None]:
    """{postcode: its authority's code} for every stored postcode."""
    return {
        row.postcode: row.local_authority.code if row.local_authority else None
        for row in PostcodeLocation.objects.select_related("local_authority")
    }


def authority_names() -> dict[str, str]:
    return dict(LocalAuthority.objects.values_list("code", "name"))


def test_the_zip_names_authorities_from_its_names_and_codes_file(tmp_path):
    LocalAuthority.objects.create(code=WOLVERHAMPTON, name="Wulfrun (an old name)")
    names = (
        "LAD23CD,LAD23NM,LAD23NMW,ObjectId\n"
        f"{WOLVERHAMPTON},Wolverhampton,,1\n"
        f"{DUDLEY},Dudley,,2\n"
        f"{NEWER},Newtown and District,,3\n"
        "W06000001,Isle of Anglesey,Ynys Môn,4\n"
    )
    archive = write_onspd_zip(
        tmp_path / "ONSPD_MAY_2023.zip",
        AUTHORITY_ROWS,
        documents={
            "Documents/County names and codes UK as at 04_23.csv": "CTY23CD,CTY23NM\n",
            # Published in Windows-1252 in some releases.
            NAMES_FILE: names.encode("cp1252"),
            "Documents/Ward names and codes UK as at 05_23.csv": "WD23CD,WD23NM\n",
        },
    )

    report = import_postcodes(archive)

    assert report.authority_names_from == NAMES_FILE
    assert (report.authorities, report.with_authority) == (4, 10)
    stored = authorities()
    assert stored["WV14 0AA"] == WOLVERHAMPTON
    assert stored["WV14 9AB"] == DUDLEY
    assert stored["WV99 1AA"] == NEWER
    assert stored["WV98 1AA"] is None, "E99999999 is ONSPD's 'no authority'"
    assert stored["WV98 1AB"] is None
    names = authority_names()
    assert names[WOLVERHAMPTON] == "Wolverhampton", "the file's names win"
    assert names[NEWER] == "Newtown and District"
    assert names["W06000001"] == "Isle of Anglesey"
    assert names[WALSALL] == "Walsall", "a code the file lacks is named from our own table"


def test_sectors_and_districts_are_in_the_authority_most_of_their_postcodes_are_in(tmp_path):
    import_postcodes(write_csv(tmp_path / "onspd.csv", ONSPD_HEADER, AUTHORITY_ROWS))

    stored = authorities()
    assert stored["WV14"] == WOLVERHAMPTON, "three of its five postcodes"
    assert stored["WV14 9"] == DUDLEY
    assert stored["WV14 0"] == WOLVERHAMPTON
    assert stored["WV13"] == WALSALL, "its one postcode in use, not its three terminated ones"
    assert stored["WV98"] is None


def test_without_a_names_file_the_project_table_names_the_authorities(tmp_path):
    report = import_postcodes(write_csv(tmp_path / "onspd.csv", ONSPD_HEADER, AUTHORITY_ROWS))

    assert report.authority_names_from == (
        "Harbour's own table (directory/data/local_authorities.csv)"
    )
    names = authority_names()
    assert names[WOLVERHAMPTON] == "Wolverhampton"
    assert names[DUDLEY] == "Dudley"
    assert names[NEWER] == "", "a code nobody names is kept unnamed, not invented"


def test_a_zip_without_a_usable_names_file_falls_back_to_the_project_table(tmp_path):
    archive = write_onspd_zip(
        tmp_path / "ONSPD.zip",
        AUTHORITY_ROWS,
        documents={NAMES_FILE: "code of area,what it is called\nE08000031,Wulfrun\n"},
    )

    report = import_postcodes(archive)

    assert report.authority_names_from.startswith("Harbour's own table")
    assert authority_names()[WOLVERHAMPTON] == "Wolverhampton"


def test_a_reimport_moves_a_postcode_to_its_new_authority(tmp_path):
    import_postcodes(write_csv(tmp_path / "first.csv", ONSPD_HEADER, AUTHORITY_ROWS))
    moved = [
        onspd_row("WV14 9AA", "52.5500", "-2.0850", oslaua=WOLVERHAMPTON),
        onspd_row("WV14 9AB", "52.5502", "-2.0852", oslaua=WOLVERHAMPTON),
    ]

    import_postcodes(write_csv(tmp_path / "moved.csv", ONSPD_HEADER, moved))

    stored = authorities()
    assert stored["WV14 9AA"] == stored["WV14 9"] == WOLVERHAMPTON
    assert stored["WV13 1AA"] == WALSALL, "postcodes the second file left out are kept"


def test_a_plain_postcode_latitude_longitude_file_has_no_authorities(tmp_path):
    plain = write_csv(
        tmp_path / "plain.csv", ["postcode", "latitude", "longitude"], [["WV1 1SH", "52.5", "-2.1"]]
    )

    report = import_postcodes(plain)

    assert (report.authorities, report.authority_names_from) == (0, "")
    assert authorities() == {"WV1 1SH": None, "WV1 1": None, "WV1": None}


def test_a_malformed_file_leaves_the_authorities_untouched(tmp_path):
    import_postcodes(write_csv(tmp_path / "first.csv", ONSPD_HEADER, AUTHORITY_ROWS))
    before = (authorities(), authority_names())
    bad = write_csv(
        tmp_path / "bad.csv",
        ONSPD_HEADER,
        [
            onspd_row("WV14 0AA", "52.5652", "-2.0736", oslaua="S12000036"),
            onspd_row("WV14 0AB", "north", "-2.0734", oslaua="S12000036"),
        ],
    )

    with pytest.raises(ImportFileError):
        import_postcodes(bad)

    assert (authorities(), authority_names()) == before


def test_command_reports_the_authorities(tmp_path, capsys):
    archive = write_onspd_zip(
        tmp_path / "ONSPD.zip",
        AUTHORITY_ROWS,
        documents={NAMES_FILE: f"LAD23CD,LAD23NM\n{WOLVERHAMPTON},Wolverhampton\n"},
    )

    call_command("import_postcodes", str(archive), "--no-progress")

    assert (
        f"Local authorities: 10 postcodes in 4 authorities, names from {NAMES_FILE}"
        in capsys.readouterr().out
    )
