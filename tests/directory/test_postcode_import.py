from django.core.management import CommandError, call_command

import pytest

from directory.models import PostcodeLocation
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
