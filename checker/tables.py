"""Read one catalog table (CSV in any encoding Excel writes, or .xlsx) into strings.

Every cell comes back as NFC text and every row keeps the number a person sees
when opening the file (header = row 1), so errors can point at it.
"""

from __future__ import annotations

import codecs
import csv
import io
import unicodedata
from pathlib import Path

import pandas as pd

from checker.distinct import map_distinct
from checker.errors import CatalogError

ROW_COLUMN = "__row__"


def cell_text(value) -> str:
    """A spreadsheet cell as text: 12.0 -> "12", a date -> ISO, empty -> ""."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return str(value)


def decode_bytes(raw: bytes, file: str) -> str:
    """Decide the encoding: BOMs first, then UTF-8, UTF-16 without BOM, cp1258.

    Excel's "Unicode text" is UTF-16 and its Vietnamese "CSV" is cp1258; both
    are accepted. Only bytes that no candidate explains are refused.
    """
    if raw.startswith(codecs.BOM_UTF8):
        return raw[3:].decode("utf-8", errors="strict")
    if raw.startswith(codecs.BOM_UTF16_LE) or raw.startswith(codecs.BOM_UTF16_BE):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise CatalogError("encoding_undecidable", file=file) from exc
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    sample = raw[:4000]
    if sample and sample.count(b"\x00") > len(sample) // 4:
        even_nuls = sample[0::2].count(b"\x00")
        odd_nuls = sample[1::2].count(b"\x00")
        try:
            return raw.decode("utf-16-be" if even_nuls > odd_nuls else "utf-16-le")
        except UnicodeDecodeError as exc:
            raise CatalogError("encoding_undecidable", file=file) from exc
    try:
        text = raw.decode("cp1258")
    except UnicodeDecodeError as exc:
        raise CatalogError("encoding_undecidable", file=file) from exc
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t")
    if controls:
        raise CatalogError("encoding_undecidable", file=file)
    return text


def _sniff_delimiter(text: str) -> str:
    first = text.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: (counts[d], d == ","))


def read_csv_text(path: Path) -> pd.DataFrame:
    raw = path.read_bytes()
    if not raw.strip():
        raise CatalogError("empty_file", file=path.name)
    text = decode_bytes(raw, path.name)
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        raise CatalogError("empty_file", file=path.name)
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=object, keep_default_na=False,
                            sep=_sniff_delimiter(text), quoting=csv.QUOTE_MINIMAL,
                            skip_blank_lines=True, engine="c")
    except (pd.errors.ParserError, ValueError) as exc:
        raise CatalogError("csv_unreadable", file=path.name, reason=str(exc).strip()) from exc
    return frame


def read_xlsx(path: Path) -> pd.DataFrame:
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise CatalogError("xlsx_unreadable", file=path.name, reason=type(exc).__name__) from exc
    try:
        sheet = book.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = next(rows, None)
        if not header or not any(h is not None for h in header):
            raise CatalogError("empty_file", file=path.name, sheet=sheet.title)
        names = ["" if h is None else str(h) for h in header]
        data = []
        for values in rows:
            cells = [cell_text(v) for v in values[: len(names)]]
            cells += [""] * (len(names) - len(cells))
            data.append(cells)
        frame = pd.DataFrame(data, columns=names, dtype=object)
        frame.attrs["sheet"] = sheet.title
        return frame
    finally:
        book.close()


def read_table(path: Path, required: tuple[str, ...], optional: tuple[str, ...],
               allow_no_rows: bool = False) -> pd.DataFrame:
    """The table with its columns checked against the contract and a row-number column.

    Column names are compared after trimming, lower-casing and NFC. A missing
    required column, a duplicated column or an unknown one (usually a misspelt
    optional column that would otherwise be silently ignored) is an error that
    names it.
    """
    frame = read_xlsx(path) if path.suffix.lower() in (".xlsx", ".xlsm") else read_csv_text(path)
    sheet = frame.attrs.get("sheet")
    names = [unicodedata.normalize("NFC", str(c)).strip().lower().lstrip("\ufeff") for c in frame.columns]
    expected = required + optional
    seen = set()
    for name in names:
        if name in seen:
            raise CatalogError("duplicate_column", file=path.name, sheet=sheet, row=1, column=name)
        seen.add(name)
    unknown = [n for n in names if n not in expected]
    for col in required:
        if col not in names:
            import difflib

            close = difflib.get_close_matches(col, unknown, n=1, cutoff=0.6)
            raise CatalogError("missing_column", file=path.name, sheet=sheet, row=1, column=col,
                               found=close[0] if close else "", expected=", ".join(expected))
    if unknown:
        import difflib

        close = difflib.get_close_matches(unknown[0], expected, n=1, cutoff=0.6)
        raise CatalogError("unknown_column", file=path.name, sheet=sheet, row=1, column=unknown[0],
                           suggestion=close[0] if close else "", expected=", ".join(expected))
    frame.columns = names
    if frame.empty and not allow_no_rows:
        raise CatalogError("no_rows", file=path.name, sheet=sheet)
    for col in optional:
        if col not in frame.columns:
            frame[col] = ""
    for col in expected:
        frame[col] = pd.Series(map_distinct(frame[col], lambda v: ("" if v is None else str(v)).strip()),
                               index=frame.index, dtype=object)
    frame[ROW_COLUMN] = range(2, len(frame) + 2)
    frame.attrs["sheet"] = sheet
    return frame[list(expected) + [ROW_COLUMN]]


def find_table(folder: Path, stem: str) -> Path:
    for suffix in (".csv", ".xlsx", ".xlsm", ".tsv", ".txt"):
        candidate = folder / (stem + suffix)
        if candidate.exists():
            return candidate
    raise CatalogError("missing_file", file=str(folder / (stem + ".csv")))
