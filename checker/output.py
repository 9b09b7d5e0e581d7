"""Write a run's files atomically: all of them appear, or none do.

Files are written into a temporary folder beside --out and moved into place
only when every one is complete. Cells that a spreadsheet would run as a
formula are neutralised, since catalog text is untrusted.
"""

from __future__ import annotations

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


def _write_csv(frame: pd.DataFrame, path: Path) -> None:
    safe = frame.copy()
    for col in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[col]):
            safe[col] = safe[col].map(neutralize)
    safe.to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\n")


def _write_json(data, path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1, sort_keys=False)
        fh.write("\n")


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
        _write_json(findings.to_dict("records"), staging / names[1])
        _write_json(summary, staging / names[2])
        out_dir.mkdir(exist_ok=True)
        for name in names:
            os.replace(staging / name, out_dir / name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [out_dir / n for n in names]
