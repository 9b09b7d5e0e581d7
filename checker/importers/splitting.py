"""Cut a dossier cell ("Thành phần hồ sơ") into components, and tell components from notes.

Ministries' lists put a whole numbered dossier in one cell: "1. Tờ khai…;
2. Bản sao…", bullets "-", "+", "a)", line breaks, "Trường hợp …" case headings,
and notes such as "Số lượng hồ sơ: 01 bộ" or "* Lưu ý:". Each line becomes a
component, a case heading (kept as the case of the lines under it) or a note;
nothing is dropped without being counted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.text import clean, fold

_ITEM_START = re.compile(
    r"(?:^|\n|(?<=[.;:])\s+)"
    r"(?=(?:\(?\d{1,2}[.)](?!\d)|\(?[a-zđ]\)|[-+•*–]\s|[ivx]{1,4}[.)]\s))",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:\(?\d{1,2}[.)](?!\d)|\(?[a-zđ]\)|[-+•*–]|[ivx]{1,4}[.)])\s*", re.IGNORECASE)
_FORM_FILE = re.compile(
    r"\s*(?:M[ẫa]u(?:(?!M[ẫa]u)[^\n]){0,60}?|[^\s]{1,80}?)\.(?:docx?|pdf|xlsx?|rtf|odt)\s*$", re.IGNORECASE)

_NOTE = re.compile(
    r"^(?:\*\s*)?(?:luu y|ghi chu|chu y|so luong ho so|so bo ho so|thanh phan ho so|ho so gom|"
    r"ho so bao gom|giay to phai (?:nop|xuat trinh)|giay to xuat trinh|"
    r"thoi han giai quyet|le phi|phi|noi nop|cach thuc nop)\b"
)
_CASE = re.compile(r"^(?:\*\s*)?(?:truong hop|doi voi|neu)\b.*[:]\s*$")
_QUANTITY_ONLY = re.compile(r"^(?:so luong\s*)?:?\s*\d{1,2}\s*(?:bo|ban)\b.{0,40}$")


@dataclass(frozen=True)
class Piece:
    kind: str        # "component", "case" or "note"
    text: str
    case: str = ""


def _split_semicolons(text: str) -> list[str]:
    """'A; B' is two items when B starts with a capital letter (a new document), one otherwise."""
    out: list[str] = []
    for chunk in text.split(";"):
        stripped = chunk.strip()
        if out and not (stripped[:1].isupper() or stripped[:1].isdigit()):
            out[-1] += ";" + chunk
        else:
            out.append(chunk)
    return [o for o in out if o.strip()]


def strip_form_file(text: str) -> str:
    """Drop a form file name glued to the end of a component ("…Mẫu số 03.docx")."""
    return _FORM_FILE.sub("", text).strip()


def classify(text: str) -> str:
    """'note', 'case' or 'component' for one line of a dossier list."""
    folded = fold(text[:80])          # every pattern looks at the start of the line
    if not folded:
        return "note"
    if _CASE.match(folded) or (folded.startswith("truong hop") and text.rstrip().endswith(":")):
        return "case"
    if _NOTE.match(folded) or _QUANTITY_ONLY.match(folded):
        return "note"
    return "component"


def split_cell(cell: str) -> list[Piece]:
    """Every line of a dossier cell, classified; components carry the case heading above them."""
    text = (cell or "").replace("\r\n", "\n").replace("\r", "\n")
    lines: list[str] = []
    for block in text.split("\n"):
        for part in _ITEM_START.split(block):
            lines.extend(_split_semicolons(part))
    pieces: list[Piece] = []
    case = ""
    for raw in lines:
        line = clean(_BULLET.sub("", raw, count=1))
        line = strip_form_file(line).rstrip(";,. ").strip()
        if not line:
            continue
        kind = classify(line)
        if kind == "case":
            case = line.rstrip(":").strip()
            pieces.append(Piece("case", line))
        elif kind == "note":
            pieces.append(Piece("note", line))
        else:
            pieces.append(Piece("component", line, case))
    return pieces
