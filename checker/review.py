"""The open review queue: component texts with no confident document type, most frequent first.

A reviewer fills `document_type` in the written table; saved as the catalog's
`mapping.csv` (or passed to `tthc import --mapping`), each answer then applies
to every component with the same text, so a reviewed row stays decided.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from checker.catalog import Catalog
from checker.facts import component_facts
from checker.text import fold


def open_reviews(catalog: Catalog) -> pd.DataFrame:
    facts = component_facts(catalog, dt.date.today())
    open_rows = facts[(facts["document_type"] == "") & ~facts["text_says_data"]]
    if open_rows.empty:
        return pd.DataFrame(columns=["text", "count", "candidates"])
    keys = open_rows["name"].map(fold)
    table = (open_rows.assign(key=keys)
             .groupby("key", sort=False)
             .agg(text=("name", "first"), count=("name", "size"), candidates=("candidates", "first"))
             .reset_index(drop=True))
    table["candidates"] = table["candidates"].str.replace(";", ", ")
    return table.sort_values(["count", "text"], ascending=[False, True], kind="stable").reset_index(drop=True)


def write_review_file(table: pd.DataFrame, path: Path) -> None:
    from checker.output import neutralize

    out = table.copy()
    out["document_type"] = ""
    out["note"] = ""
    for col in ("text", "candidates"):
        out[col] = out[col].map(neutralize)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(str(path) + ".tmp")
    out[["text", "count", "candidates", "document_type", "note"]].to_csv(tmp, index=False, encoding="utf-8-sig")
    tmp.replace(path)
