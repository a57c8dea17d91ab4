"""Reading a roster CSV (email, first name, last name) into clean rows or line errors."""

import csv
import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from partnerships.common.errors import PlannerError

MAX_ROSTER_BYTES = 512 * 1024
MAX_ROSTER_ROWS = 5000
HEADER_NAMES = {
    "email": "email",
    "e-mail": "email",
    "email address": "email",
    "first name": "first_name",
    "first_name": "first_name",
    "firstname": "first_name",
    "first": "first_name",
    "given name": "first_name",
    "last name": "last_name",
    "last_name": "last_name",
    "lastname": "last_name",
    "last": "last_name",
    "surname": "last_name",
    "family name": "last_name",
}


@dataclass
class RosterRow:
    line: int
    email: str
    first_name: str
    last_name: str


def decode_roster(data: bytes) -> str:
    """Spreadsheets save CSV as UTF-8 (with or without BOM), UTF-16 or Latin-1/cp1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _numbered_rows(reader, errors):
    """Yield (line number in the file, cells); a line the csv module cannot read is an error."""
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            errors.append(f"Line {start}: cannot be read as CSV ({error}).")
            return
        yield start, cells


def parse_roster(data: bytes):
    """Return RosterRows, or raise PlannerError listing every bad line."""
    if len(data) > MAX_ROSTER_BYTES:
        raise PlannerError.listing([f"The file is larger than {MAX_ROSTER_BYTES // 1024} KB; split the roster."])
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise PlannerError.listing(["This does not look like a CSV file. Save the roster as CSV and try again."])
    text = decode_roster(data)
    try:
        dialect = csv.Sniffer().sniff(text[:2048], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    rows, errors, seen = [], [], {}
    columns = {"email": 0, "first_name": 1, "last_name": 2}
    width = 3  # cells a row may fill; a header row may name more (they are ignored)
    too_wide = "has more columns than email, first name, last name."
    for line_number, cells in _numbered_rows(reader, errors):
        cells = [c.strip() for c in cells]
        if not any(cells):
            continue
        if line_number == 1 and not any("@" in c for c in cells):
            # A header row (optional): no address in it. Columns may come in any order.
            names = [" ".join(c.lower().replace("_", " ").replace("-", " ").split()) for c in cells]
            names = ["email" if n == "e mail" else n for n in names]
            columns = {HEADER_NAMES[n]: i for i, n in enumerate(names) if n in HEADER_NAMES}
            if "email" not in columns:
                errors.append("Line 1: no email address here, and no “email” column if this is a header row.")
                break
            width = len(cells)
            too_wide = "has more columns than the header row."
            continue
        if len(rows) + len(errors) >= MAX_ROSTER_ROWS:
            errors.append(f"The roster has more than {MAX_ROSTER_ROWS} rows; split it into smaller files.")
            break

        def cell(name, cells=cells, columns=columns):
            index = columns.get(name)
            return cells[index] if index is not None and index < len(cells) else ""

        email = cell("email").lower()
        first, last = cell("first_name"), cell("last_name")
        if any(cells[width:]):
            errors.append(f"Line {line_number}: {too_wide}")
            continue
        if not email:
            errors.append(f"Line {line_number}: the email address is missing.")
            continue
        try:
            validate_email(email)
        except ValidationError:
            errors.append(f"Line {line_number}: “{email[:80]}” is not a valid email address.")
            continue
        if len(first) > 150 or len(last) > 150:
            errors.append(f"Line {line_number}: a name is longer than 150 characters.")
            continue
        if email in seen:
            errors.append(f"Line {line_number}: {email} is already on line {seen[email]}.")
            continue
        seen[email] = line_number
        rows.append(RosterRow(line_number, email, first, last))
    if errors:
        raise PlannerError.listing(errors)
    if not rows:
        raise PlannerError.listing(["The file has no rows. Each row needs: email, first name, last name."])
    return rows
