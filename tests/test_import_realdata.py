"""`tthc import` on every raw public file in ../shared/realdata/raw, then `tthc check`: no crash,
every record accounted for (procedures + skipped = records; components + notes = dossier rows)."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from checker.cli import main
from tests.conftest import SHARED

RAW = SHARED / "realdata" / "raw"
FILES = sorted(p for p in RAW.glob("*/*") if p.is_file()) if RAW.exists() else []
ORACLE = SHARED / "realdata" / "components.csv"


@pytest.mark.skipif(not FILES, reason="../shared/realdata/raw not present")
@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_import_then_check(runner, tmp_path, path):
    out = tmp_path / "catalog"
    result = runner.invoke(main, ["import", str(path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads((out / "import_report.json").read_text(encoding="utf-8"))
    procs = pd.read_csv(out / "procedures.csv", dtype=str, keep_default_na=False)
    comps = pd.read_csv(out / "components.csv", dtype=str, keep_default_na=False)
    assert report["procedures"] == len(procs) > 0
    assert report["components"] == len(comps)
    for source in report["sources"]:
        if source["kind"] == "json":
            assert source["procedures"] + len(source["skipped"]) == source["rows_read"]
    if path.suffix == ".xz" or path.suffix == ".json":
        oracle = pd.read_csv(ORACLE, dtype=str, keep_default_na=False)
        prefix = {"data_raw_json.tar.xz": "chatbot_tthc:", "data_extracted_fixed.tar.xz": "nhdandz:",
                  "databases_data.json": "7sins:"}[path.name]
        expected_rows = oracle["proc_id"].str.startswith(prefix).sum()
        assert report["components"] + report["notes"] == expected_rows
    checked = runner.invoke(main, ["check", str(out), "--out", str(tmp_path / "o"), "--quiet"])
    assert checked.exit_code == 0, checked.output
    summary = json.loads((tmp_path / "o" / "summary.json").read_text(encoding="utf-8"))
    assert summary["components"] == len(comps)
