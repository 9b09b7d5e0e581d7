"""Write a run's files atomically: all of them appear, or none do.

Files are written into a temporary folder beside --out and moved into place
only when every one is complete. Cells that a spreadsheet would run as a
formula are neutralised, since catalog text is untrusted.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import tempfile
from pathlib import Path

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


def _neutralized(values: list) -> list:
    return ["'" + v if v.__class__ is str and v.startswith(_FORMULA_START) else v for v in values]


def _write_csv(frame: pd.DataFrame, path: Path) -> None:
    """UTF-8 with BOM (Excel then reads Vietnamese correctly), formulas neutralised."""
    names, columns = _columns(frame)
    columns = [_neutralized(col) if name in UNTRUSTED_COLUMNS else col for name, col in zip(names, columns)]
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(names)
        writer.writerows(zip(*columns))


def _write_json(data, path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
        fh.write("\n")


def _write_records_json(frame: pd.DataFrame, path: Path, chunk: int = 5000) -> None:
    """A JSON array of findings, one per line, encoded by chunks with the C encoder.

    indent= would force the pure-Python encoder (20x slower); one dumps() of
    everything would hold the whole text in memory.
    """
    names, columns = _columns(frame)
    rows = zip(*columns)
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("[")
        first = True
        while True:
            batch = [dict(zip(names, values)) for _, values in zip(range(chunk), rows)]
            if not batch:
                break
            text = json.dumps(batch, ensure_ascii=False)[1:-1].replace('}, {"procedure_code"', '},\n{"procedure_code"')
            fh.write(("\n" if first else ",\n") + text)
            first = False
        fh.write("\n]\n")


def write_outputs(out_dir: Path, findings: pd.DataFrame, summary: dict) -> list[Path]:
    """Write findings.csv, findings.json and summary.json into out_dir, atomically."""
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise CheckerError("output_not_dir", file=str(out_dir))
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".tthc-", dir=out_dir.parent))
    names = ["findings.csv", "findings.json", "summary.json"]
    try:
        _write_csv(findings, staging / names[0])
        _write_records_json(findings, staging / names[1])
        _write_json(summary, staging / names[2])
        out_dir.mkdir(exist_ok=True)
        for name in names:
            os.replace(staging / name, out_dir / name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [out_dir / n for n in names]
