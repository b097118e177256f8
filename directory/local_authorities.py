"""Local authority districts and unitary authorities (ONS codes such as E08000031): the
project's own table of them, the names-and-codes file the ONSPD zip carries, and how a name
reads in a sentence. Plain functions, no database."""

import csv
import io
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

TABLE = Path(__file__).parent / "data" / "local_authorities.csv"

# England's unitary authorities (E06), districts (E07), metropolitan districts (E08) and London
# boroughs (E09); Wales's (W06), Scotland's (S12) and Northern Ireland's (N09) councils.
CODE_PATTERN = re.compile(r"^(?:E0[6-9]|W06|S12|N09)[0-9]{6}$")
# The ONSPD's stand-ins for "no authority": E99999999 and the like in England, Scotland and
# Wales; L99999999 (Channel Islands) and M99999999 (Isle of Man), which have no UK council.
PSEUDO_CODE = re.compile(r"^[A-Z]99999999$")
# A names-and-codes file's header: LAD23CD and LAD23NM (the year changes with the release).
CODE_HEADER = re.compile(r"^LAD[0-9]{2}CD$", re.IGNORECASE)
NAME_HEADER = re.compile(r"^LAD[0-9]{2}NM$", re.IGNORECASE)
# ONS writes some names back to front for sorting: "Bristol, City of".
INVERTED_SUFFIX = re.compile(r"^(?P<place>.+), (?P<title>City of|County of)$")


class NamesFileError(ValueError):
    """Not a local authority names-and-codes file."""


def is_authority_code(code: str) -> bool:
    return bool(CODE_PATTERN.match(code))


def authority_code(raw: str) -> str | None:
    """The authority code from an ONSPD `oslaua` field, None for its stand-ins and blanks."""
    code = raw.strip().upper()
    if not code or PSEUDO_CODE.match(code):
        return None
    return code


def display_name(name: str) -> str:
    """How a name reads in a sentence: "City of Bristol" for ONS's "Bristol, City of". Other
    commas are part of the name ("Bournemouth, Christchurch and Poole")."""
    inverted = INVERTED_SUFFIX.match(name)
    return f"{inverted['title']} {inverted['place']}" if inverted else name


def read_names(lines: Iterable[str]) -> dict[str, str]:
    """{code: name} from a names-and-codes CSV: the ONS's (LAD23CD, LAD23NM, …) or the
    project's own (code, name). Lines starting with # are comments."""
    rows = csv.reader(line for line in lines if not line.startswith("#"))
    header = [column.strip() for column in next(rows, [])]
    code_at = _position(header, CODE_HEADER, "code")
    name_at = _position(header, NAME_HEADER, "name")
    names = {}
    for row in rows:
        if len(row) <= max(code_at, name_at):
            continue
        code, name = row[code_at].strip().upper(), row[name_at].strip()
        if is_authority_code(code) and name:
            names[code] = name
    return names


def _position(header: list[str], pattern: re.Pattern, plain: str) -> int:
    for position, column in enumerate(header):
        if pattern.match(column) or column.lower() == plain:
            return position
    raise NamesFileError(f"no {pattern.pattern} column")


def is_names_header(first_line: str) -> bool:
    """True when a CSV's first line names an authority code column and a name column."""
    header = [column.strip().strip('"\ufeff') for column in first_line.split(",")]
    return any(CODE_HEADER.match(c) for c in header) and any(NAME_HEADER.match(c) for c in header)


def decode(data: bytes) -> str:
    """The ONS has published these files in UTF-8 (with a byte order mark) and in Windows-1252."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252")


@cache
def project_table() -> dict[str, str]:
    """{code: name} for every current UK local authority district (directory/data)."""
    return read_names(io.StringIO(TABLE.read_text(encoding="utf-8")))
