"""The bundled catalog end to end: golden summary, every verdict occurs, the official list is found."""

from __future__ import annotations

import json
import os

import pandas as pd
import pytest

from checker.cli import main
from tests.conftest import FIXTURES, ROOT, SHARED

GOLDEN = FIXTURES.parent / "golden" / "bundled_summary.json"
AS_OF = "2026-06-01"
OFFICIAL = SHARED / "data" / "nq66_7_2025_phu_luc_I_partial.tsv"


@pytest.fixture(scope="module")
def bundled(tmp_path_factory):
    from click.testing import CliRunner

    out = tmp_path_factory.mktemp("bundled") / "out"
    args = ["check", "--out", str(out), "--as-of", AS_OF]
    if OFFICIAL.exists():
        args += ["--official-list", str(OFFICIAL)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    findings = pd.read_csv(out / "findings.csv", dtype=str, keep_default_na=False)
    return summary, findings


def test_golden_summary(bundled):
    """Any change in verdict counts on the bundled catalog must be deliberate: regenerate with
    TTHC_UPDATE_GOLDEN=1 and review the diff."""
    summary, _ = bundled
    summary = {k: v for k, v in summary.items() if k != "official_list"}
    if os.environ.get("TTHC_UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert summary == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_bundled_catalog_has_the_required_breadth(bundled):
    summary, findings = bundled
    assert summary["procedures"] >= 80
    assert len(summary["by_ministry"]) >= 10
    provinces = {p for p in findings["province"] if p}
    assert len(provinces) >= 3
    for verdict, count in summary["components_by_verdict"].items():
        assert count > 0, verdict
    for verdict, count in summary["procedure_findings_by_verdict"].items():
        assert count > 0, verdict


@pytest.mark.skipif(not OFFICIAL.exists(), reason="official list not present")
def test_generic_rules_find_the_official_cuts_on_their_own(bundled):
    summary, findings = bundled
    official = summary["official_list"]
    assert official["components_listed"] >= 15
    assert official["share"] >= 0.9
    listed = findings[findings["official_list"] == "yes"]
    assert listed["official_database"].str.len().gt(0).all()


def test_every_document_type_named_by_the_legal_catalog_exists():
    from checker import yamlio

    with (ROOT / "catalogs" / "document_types.yaml").open(encoding="utf-8") as fh:
        ids = {d["id"] for d in yamlio.load(fh)["document_types"]}
    with (ROOT / "rules" / "legal" / "instruments.yaml").open(encoding="utf-8") as fh:
        instruments = yamlio.load(fh)["instruments"]
    named = {d for i in instruments for a in i["articles"] for d in a.get("document_types", [])}
    assert named <= ids, named - ids


def test_check_with_no_argument_uses_the_bundled_catalog(runner, tmp_path):
    result = runner.invoke(main, ["check", "--out", str(tmp_path / "o"), "--quiet"])
    assert result.exit_code == 0
    assert (tmp_path / "o" / "summary.json").exists()
