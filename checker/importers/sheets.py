"""Stream the rows of an .xlsx (every sheet) or a delimited text file, with their positions.

Workbooks are opened read-only (streaming), so a 50 MB workbook is read row by
row. Corrupt, password-protected and non-spreadsheet files, and formulas in
cells, are refused with the file, sheet and row.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from typing import Iterator

from checker.errors import CatalogError
from checker.tables import cell_text, decode_bytes

Row = tuple[str, int, list]  # (sheet title, 1-based row number, cell values); row 0 announces a sheet


def iter_xlsx(path: Path) -> Iterator[Row]:
    from openpyxl import load_workbook

    raw = path.read_bytes()[:8]
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        # OLE container: an encrypted (password-protected) workbook or an old .xls.
        raise CatalogError("xlsx_protected", file=path.name)
    try:
        book = load_workbook(path, read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise CatalogError("xlsx_unreadable", file=path.name, reason=type(exc).__name__) from exc
    try:
        for sheet in book.worksheets:
            yield sheet.title, 0, []          # announces the sheet, even an empty one
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                for column, value in enumerate(values, start=1):
                    if isinstance(value, str) and value.startswith("=") and len(value) > 1:
                        from openpyxl.utils import get_column_letter

                        raise CatalogError("formula_cell", file=path.name, sheet=sheet.title, row=number,
                                           column=get_column_letter(column), value=value[:60])
                yield sheet.title, number, [cell_text(v) for v in values]
    finally:
        book.close()


def iter_delimited(path: Path) -> Iterator[Row]:
    raw = path.read_bytes()
    if not raw.strip():
        return
    if b"\x00" in raw[:2000] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise CatalogError("not_a_table", file=path.name)
    text = decode_bytes(raw, path.name)
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=lambda d: (first.count(d), d == ","))
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    yield "", 0, []
    try:
        for number, values in enumerate(reader, start=1):
            yield "", number, values
    except csv.Error as exc:
        raise CatalogError("csv_unreadable", file=path.name, reason=str(exc)) from exc


def iter_rows(path: Path) -> Iterator[Row]:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return iter_xlsx(path)
    if suffix in (".csv", ".tsv", ".txt"):
        return iter_delimited(path)
    raise CatalogError("not_a_table", file=path.name)
