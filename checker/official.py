"""The government's own cut list (Phụ lục I, NQ 66.7/2025/NQ-CP) as an annotation.

Findings say whether the official list names them; the generic rules never
read it, so the list also measures how many official cuts they find alone.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from checker.errors import CheckerError
from checker.matching import CONFIDENT, Matcher
from checker.tables import decode_bytes
from checker.text import clean, fold

REQUIRED = ("ma_tthc", "tphs_thay_the", "csdl")


class OfficialList:
    """(procedure code, document type) pairs named by the official list, with their database."""

    def __init__(self, rows: pd.DataFrame, matcher: Matcher):
        self.pairs: dict[tuple[str, str], str] = {}
        self.texts: dict[str, list[tuple[str, str]]] = {}
        for code, text, database in rows[list(REQUIRED)].itertuples(index=False):
            code = code.strip()
            m = matcher.match(text)
            if m.document_type and m.confidence >= CONFIDENT:
                self.pairs.setdefault((code, m.document_type), clean(database))
            else:
                self.texts.setdefault(code, []).append((fold(text), clean(database)))
        self.size = len(rows)

    def annotate(self, findings: pd.DataFrame) -> pd.DataFrame:
        listed, databases = [], []
        for code, parent, doc_id, name in findings[["procedure_code", "parent_code", "document_type",
                                                    "name"]].itertuples(index=False):
            database = ""
            for key in (code, parent):
                if not key:
                    continue
                database = self.pairs.get((key, doc_id), "") if doc_id else ""
                if not database:
                    folded = fold(name)
                    database = next((db for text, db in self.texts.get(key, []) if text and text in folded), "")
                if database:
                    break
            listed.append("yes" if database else "no")
            databases.append(database)
        findings = findings.copy()
        findings["official_list"] = listed
        findings["official_database"] = databases
        return findings


def load_official_list(path: Path, matcher: Matcher) -> OfficialList:
    path = Path(path)
    if not path.exists():
        raise CheckerError("missing_file", file=str(path))
    import io

    text = decode_bytes(path.read_bytes(), path.name)
    sep = "\t" if "\t" in text.split("\n", 1)[0] else ","
    try:
        rows = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, ValueError) as exc:
        raise CheckerError("official_list_unreadable", file=path.name, reason=str(exc)) from exc
    for col in REQUIRED:
        if col not in rows.columns:
            raise CheckerError("missing_column", file=path.name, row=1, column=col, found="",
                               expected=", ".join(REQUIRED))
    return OfficialList(rows, matcher)
