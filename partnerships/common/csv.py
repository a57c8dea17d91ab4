"""Writing CSV files people open in spreadsheets, safely.

A cell starting with = + - @ (or a tab or carriage return, which some spreadsheets skip
before reading a formula) is run as a formula when the file is opened: "formula
injection" (OWASP CSV injection). Every CSV the product exports passes each cell through
`csv_safe`, which prefixes such cells with a single quote so they show as typed text.
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


def csv_rows(rows, header=None):
    """Render rows (iterables of cells) as CSV text with every cell made safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    if header is not None:
        writer.writerow([csv_safe(cell) for cell in header])
    for row in rows:
        writer.writerow([csv_safe(cell) for cell in row])
    return buffer.getvalue()
