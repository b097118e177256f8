"""The council's area and the local authorities: plain unit tests of directory.council_area and
directory.local_authorities (no database but the settings field's validation at the end)."""

import collections
import csv
import io

from django.core.exceptions import ValidationError

import pytest

from directory import local_authorities
from directory.council_area import BORDER_MILES, FIND_LOCAL_COUNCIL_URL, area_of, parse_codes

WOLVERHAMPTON = "E08000031"


class TestProjectTable:
    """directory/data/local_authorities.csv: every UK local authority district and unitary
    authority as at April 2023."""

    def rows(self) -> list[dict[str, str]]:
        text = local_authorities.TABLE.read_text(encoding="utf-8")
        lines = [line for line in text.splitlines() if not line.startswith("#")]
        return list(csv.DictReader(io.StringIO("\n".join(lines))))

    def test_it_parses_with_unique_well_formed_codes_and_names(self):
        rows = self.rows()
        codes = [row["code"] for row in rows]

        assert len(codes) == len(set(codes)) == 361
        assert all(local_authorities.is_authority_code(code) for code in codes)
        assert all(row["name"].strip() == row["name"] and row["name"] for row in rows)
        assert len({row["name"] for row in rows}) == 361
        assert local_authorities.project_table() == {row["code"]: row["name"] for row in rows}

    def test_it_counts_the_councils_of_each_nation(self):
        kinds = collections.Counter(code[:3] for code in local_authorities.project_table())

        assert kinds == {
            "E06": 63,  # English unitary authorities
            "E07": 164,  # English non-metropolitan districts
            "E08": 36,  # metropolitan districts
            "E09": 33,  # London boroughs and the City
            "W06": 22,
            "S12": 32,
            "N09": 11,
        }

    @pytest.mark.parametrize(
        ("code", "name"),
        [
            ("E08000031", "Wolverhampton"),
            ("E08000025", "Birmingham"),
            ("E08000027", "Dudley"),
            ("E08000030", "Walsall"),
            ("E07000196", "South Staffordshire"),
            ("E09000033", "Westminster"),
            ("S12000036", "City of Edinburgh"),
            ("S12000033", "Aberdeen City"),
            ("S12000034", "Aberdeenshire"),
            ("W06000015", "Cardiff"),
            ("N09000003", "Belfast"),
            ("E06000065", "North Yorkshire"),  # April 2023's new unitary authorities
            ("E06000066", "Somerset"),
        ],
    )
    def test_it_names_councils_as_the_ons_does(self, code, name):
        assert local_authorities.project_table()[code] == name

    def test_it_keeps_no_council_abolished_before_april_2023(self):
        table = local_authorities.project_table()

        for gone in ("E07000026", "E07000163", "E07000187", "E07000246", "E06000028"):
            assert gone not in table


class TestNames:
    @pytest.mark.parametrize(
        ("name", "reads"),
        [
            ("Bristol, City of", "City of Bristol"),
            ("Herefordshire, County of", "County of Herefordshire"),
            ("Bournemouth, Christchurch and Poole", "Bournemouth, Christchurch and Poole"),
            ("Armagh City, Banbridge and Craigavon", "Armagh City, Banbridge and Craigavon"),
            ("Westminster", "Westminster"),
            ("", ""),
        ],
    )
    def test_display_name(self, name, reads):
        assert local_authorities.display_name(name) == reads

    @pytest.mark.parametrize(
        ("raw", "code"),
        [
            ("E08000031", "E08000031"),
            (" e08000031 ", "E08000031"),
            ("E99999999", None),
            ("S99999999", None),
            ("L99999999", None),  # the Channel Islands
            ("M99999999", None),  # the Isle of Man
            ("", None),
        ],
    )
    def test_authority_code_from_onspd(self, raw, code):
        assert local_authorities.authority_code(raw) == code

    def test_names_file_headers(self):
        assert local_authorities.is_names_header("LAD23CD,LAD23NM,LAD23NMW,ObjectId")
        assert local_authorities.is_names_header('\ufeff"LAD25CD","LAD25NM"')
        assert not local_authorities.is_names_header("CTY23CD,CTY23NM")
        assert not local_authorities.is_names_header("LAD23CD,LAD23NMW")

    def test_read_names_keeps_authority_codes_only(self):
        names = local_authorities.read_names(
            io.StringIO(
                "LAD23CD,LAD23NM,LAD23NMW\n"
                "E08000031,Wolverhampton,\n"
                'E06000023,"Bristol, City of",\n'
                "E99999999,(pseudo) England,\n"
                "W06000001,Isle of Anglesey,Ynys Môn\n"
                "short\n"
            )
        )

        assert names == {
            "E08000031": "Wolverhampton",
            "E06000023": "Bristol, City of",
            "W06000001": "Isle of Anglesey",
        }

    def test_read_names_refuses_a_file_without_the_columns(self):
        with pytest.raises(local_authorities.NamesFileError):
            local_authorities.read_names(io.StringIO("WD23CD,WD23NM\n"))


class TestParseCodes:
    def test_codes_as_editors_type_them(self):
        assert parse_codes(" e08000031,E08000030;  E08000031\nE07000196 ") == (
            "E08000031",
            "E08000030",
            "E07000196",
        )
        assert parse_codes("") == ()

    @pytest.mark.parametrize("typed", ["Wolverhampton", "E0800003", "E10000028", "E08000031x"])
    def test_anything_else_is_refused_by_name(self, typed):
        with pytest.raises(ValueError, match=f"^{typed.upper()}: enter local authority codes"):
            parse_codes(f"E08000031, {typed}")


class TestAreaOf:
    def area(self, authority="E09000033", name="Westminster", codes=(WOLVERHAMPTON,), **kw):
        return area_of(
            kw.pop("postcode", "SW1A 1AA"),
            partial=kw.pop("partial", False),
            authority_code=authority,
            authority_name=name,
            council_codes=codes,
            **kw,
        )

    def test_in_the_area(self):
        area = self.area(authority=WOLVERHAMPTON, name="Wolverhampton")

        assert (area.in_area, area.shows_hubs, area.message, area.notice) == (True, True, "", "")

    def test_in_another_council_far_from_our_hubs(self):
        area = self.area(nearest_hub_miles=110.0)

        assert not area.in_area
        assert not area.shows_hubs
        assert area.message == "SW1A 1AA is in Westminster, outside the area our family hubs serve."
        assert area.notice == (
            f"{area.message} Your local council can tell you about family hubs and other help "
            f"for families where you live: find your local council at {FIND_LOCAL_COUNCIL_URL} "
            "and enter SW1A 1AA there."
        )

    @pytest.mark.parametrize(
        ("miles", "shows_hubs"),
        [(0.0, True), (BORDER_MILES, True), (BORDER_MILES + 0.01, False), (None, False)],
    )
    def test_over_the_border_within_the_border_distance_of_a_hub(self, miles, shows_hubs):
        area = self.area(nearest_hub_miles=miles)

        assert not area.in_area
        assert (area.near_a_hub, area.shows_hubs) == (shows_hubs, shows_hubs)

    def test_a_partial_postcode_is_mostly_in_an_authority(self):
        area = self.area(
            postcode="WV5", partial=True, authority="E07000196", name="South Staffordshire"
        )

        assert area.message == (
            "Most of WV5 is in South Staffordshire, outside the area our family hubs serve."
        )
        assert area.notice.endswith("and enter your full postcode there.")

    def test_an_authority_without_a_name_is_not_named(self):
        area = self.area(authority="E06000099", name="")

        assert area.message == "SW1A 1AA is outside the area our family hubs serve."

    def test_names_read_as_sentences(self):
        area = self.area(postcode="BS1 4DJ", authority="E06000023", name="Bristol, City of")

        assert area.message.startswith("BS1 4DJ is in City of Bristol, outside")

    @pytest.mark.parametrize(
        ("authority", "codes"),
        [
            (None, (WOLVERHAMPTON,)),  # not known (a plain postcode file): benefit of the doubt
            ("E09000033", ()),  # the council has not said which area is its own
            ("E09000033", (WOLVERHAMPTON, "E09000033")),
        ],
    )
    def test_treated_as_in_the_area(self, authority, codes):
        assert self.area(authority=authority, codes=codes).in_area


@pytest.mark.django_db
class TestTheSetting:
    def settings(self, codes: str):
        from directory.models import DirectorySettings

        return DirectorySettings(site_id=1, local_authority_codes=codes)

    def test_known_codes_are_accepted(self):
        settings = self.settings("e08000031, E08000030")

        settings.full_clean(exclude=["site"])

        assert settings.council_codes == ("E08000031", "E08000030")

    def test_a_newer_code_an_import_stored_is_accepted(self):
        from directory.models import LocalAuthority

        LocalAuthority.objects.create(code="E06000099", name="Newtown")

        self.settings("E06000099").full_clean(exclude=["site"])

    @pytest.mark.parametrize(
        ("codes", "message"),
        [
            ("Wolverhampton", "WOLVERHAMPTON: enter local authority codes like E08000031"),
            ("E08000031, E08000099", "E08000099: not a local authority code"),
        ],
    )
    def test_wrong_codes_are_refused_by_name(self, codes, message):
        with pytest.raises(ValidationError) as error:
            self.settings(codes).full_clean(exclude=["site"])

        assert error.value.message_dict["local_authority_codes"][0].startswith(message)
