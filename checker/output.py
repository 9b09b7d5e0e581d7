"""Write a run's files atomically: all of them appear, or none do.

Files are written into a temporary folder beside --out and moved into place
only when every one is complete. Cells that a spreadsheet would run as a
formula are neutralised, since catalog text is untrusted.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import tempfile
from pathlib import Path

import numpy as np
import orjson
import pandas as pd

from checker.errors import CheckerError

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralize(value):
    """Prefix a quote to text a spreadsheet would evaluate (OWASP CSV injection)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _columns(frame: pd.DataFrame) -> tuple[list[str], list[list]]:
    names = list(frame.columns)
    return names, [frame[c].tolist() for c in names]


# Columns that can carry catalog text at their start; the others are codes the checker wrote itself.
UNTRUSTED_COLUMNS = {"procedure_code", "component_name", "ministry", "province", "explanation", "remediation",
                     "candidates", "official_database", "name", "field", "quantity"}


def _encoded(values: list, encode) -> list[str]:
    """Each distinct value encoded once (pandas factorize): explanations, bases and names repeat
    across 400,000 rows, so this turns per-row Python work into per-distinct-value work."""
    codes, uniques = pd.factorize(pd.Series(values, dtype=object), use_na_sentinel=False)
    table = np.array([encode(v) for v in uniques.tolist()], dtype=object)
    return table[codes].tolist()


def _csv_cell(value) -> str:
    text = "" if value is None else str(value)
    if any(ch in text for ch in ',"\n\r'):
        return '"' + text.replace('"', '""') + '"'
    return text


def _write_csv(frame: pd.DataFrame, path: Path) -> None:
    """RFC 4180 CSV in UTF-8 with BOM (Excel then reads Vietnamese correctly), formulas neutralised."""
    names, columns = _columns(frame)
    cells = [_encoded(col, (lambda v: _csv_cell(neutralize(v))) if name in UNTRUSTED_COLUMNS else _csv_cell)
             for name, col in zip(names, columns)]
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        fh.write(",".join(_csv_cell(n) for n in names) + "\n")
        lines = map(",".join, zip(*cells))
        while True:
            block = "\n".join(itertools.islice(lines, 20000))
            if not block:
                break
            fh.write(block + "\n")


def _write_records_json(frame: pd.DataFrame, path: Path, chunk: int = 20000) -> None:
    """A JSON array with one finding object per line, encoded by orjson in chunks.

    orjson encodes 400,000 findings about ten times faster than the standard
    library; chunks keep memory flat. The newline insertion is safe because a
    quote inside a JSON string is always escaped.
    """
    names, columns = _columns(frame)
    rows = zip(*columns)
    with path.open("wb") as fh:
        fh.write(b"[")
        first = True
        while True:
            batch = [dict(zip(names, values)) for values in itertools.islice(rows, chunk)]
            if not batch:
                break
            text = orjson.dumps(batch)[1:-1].replace(b'},{"procedure_code"', b'},\n{"procedure_code"')
            fh.write((b"\n" if first else b",\n") + text)
            first = False
        fh.write(b"\n]\n")


def _write_json(data, path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
        fh.write("\n")


def _run_side_by_side(jobs) -> None:
    """Run the writers on both cores: encoding 400,000 findings is CPU-bound and the GIL serialises it.

    A forked child shares the findings copy-on-write; its failure fails the run.
    """
    if not hasattr(os, "fork") or len(jobs) < 2:
        for function, args in jobs:
            function(*args)
        return
    import multiprocessing

    context = multiprocessing.get_context("fork")
    children = [context.Process(target=function, args=args, daemon=True) for function, args in jobs[1:]]
    for child in children:
        child.start()
    try:
        jobs[0][0](*jobs[0][1])
    finally:
        for child in children:
            child.join()
    if any(child.exitcode != 0 for child in children):
        raise CheckerError("write_failed")


def write_outputs(out_dir: Path, findings: pd.DataFrame, summary: dict) -> list[Path]:
    """Write findings.csv, findings.json and summary.json into out_dir, atomically."""
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise CheckerError("output_not_dir", file=str(out_dir))
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".tthc-", dir=out_dir.parent))
    names = ["findings.csv", "findings.json", "summary.json"]
    try:
        _run_side_by_side([(_write_csv, (findings, staging / names[0])),
                           (_write_records_json, (findings, staging / names[1]))])
        _write_json(summary, staging / names[2])
        out_dir.mkdir(exist_ok=True)
        for name in names:
            os.replace(staging / name, out_dir / name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [out_dir / n for n in names]
