"""Writing CSV files people open in spreadsheets, safely.

A cell starting with = + - @ (or a tab or carriage return, which some spreadsheets skip
before reading a formula) is run as a formula when the file is opened: "formula
injection" (OWASP CSV injection). Every CSV the product exports is written with
`csv_writer` (or `csv_rows`), which passes each cell through `csv_safe`: such cells get a
leading single quote so they show as typed text. Full-width ＝ ＋ － ＠ count too, since
some spreadsheets read them as the ASCII signs.
"""

import csv
import io

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def csv_safe(value):
    """The cell as text, neutralised if a spreadsheet would read it as a formula.

    Numbers stay numbers (a negative amount is not an attack); None becomes "".
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        return value
    text = str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


class SafeWriter:
    """A csv.writer that passes every cell through csv_safe; the only way exports write CSV."""

    def __init__(self, out):
        self._writer = csv.writer(out)

    def writerow(self, row):
        return self._writer.writerow([csv_safe(cell) for cell in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def csv_writer(out):
    """Write safe CSV rows to the text stream `out` (a file, StringIO or response)."""
    return SafeWriter(out)


def csv_rows(rows, header=None):
    """Render rows (iterables of cells) as CSV text with every cell made safe."""
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    if header is not None:
        writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()
