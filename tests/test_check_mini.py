"""End to end on the hand-written mini catalog: every expected verdict, precedence, trail, determinism."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from checker.cli import main
from tests.conftest import MINI


@pytest.fixture(scope="module")
def mini_run(tmp_path_factory, mini_expected):
    from click.testing import CliRunner

    out = tmp_path_factory.mktemp("mini") / "out"
    result = CliRunner().invoke(main, ["check", str(MINI), "--out", str(out), "--as-of",
                                       mini_expected["as_of"].isoformat()])
    assert result.exit_code == 0, result.output
    findings = pd.read_csv(out / "findings.csv", dtype=str, keep_default_na=False)
    return out, findings, result.output


def test_every_component_gets_its_expected_verdict(mini_run, mini_expected):
    _, findings, _ = mini_run
    comps = findings[findings["component_seq"] != ""]
    got = {f"{r.procedure_code}/{r.component_seq}": r.verdict for r in comps.itertuples()}
    assert got == mini_expected["components"]


def test_procedure_level_findings(mini_run, mini_expected):
    _, findings, _ = mini_run
    procs = findings[findings["component_seq"] == ""]
    got = {}
    for r in procs.itertuples():
        got.setdefault(r.procedure_code, []).append(r.verdict)
    assert got == mini_expected["procedures"]


def test_required_columns_and_one_row_per_component(mini_run):
    _, findings, _ = mini_run
    for col in ("procedure_code", "component_seq", "component_name", "ministry", "province", "document_type",
                "verdict", "legal_force", "rule_code", "data_source", "legal_basis", "explanation"):
        assert col in findings.columns
    comps = pd.read_csv(MINI / "components.csv", dtype=str)
    assert len(findings[findings["component_seq"] != ""]) == len(comps)


def test_precedence_keeps_the_trail(mini_run):
    _, findings, _ = mini_run
    row = findings[(findings["procedure_code"] == "1.000001") & (findings["component_seq"] == "2")].iloc[0]
    assert row["verdict"] == "CUT_WHEN_READY"
    assert "RC01" in row["matched_rules"].split(";")          # certified copy also matched, lower precedence
    assert row["data_source"] == "dat_dai"
    assert "72,0%" in row["explanation"]


def test_provincial_variant_uses_provincial_coverage(mini_run):
    _, findings, _ = mini_run
    central = findings[(findings["procedure_code"] == "1.000004") & (findings["component_seq"] == "2")].iloc[0]
    local = findings[(findings["procedure_code"] == "1.000004.GLA") & (findings["component_seq"] == "2")].iloc[0]
    assert (central["verdict"], local["verdict"]) == ("CUT_WHEN_READY", "CUT")
    assert local["legal_force"] == "required"
    assert "Nghị quyết 66.7/2025/NQ-CP" in local["legal_basis"]


def test_local_drift_lists_what_was_added(mini_run):
    _, findings, _ = mini_run
    row = findings[(findings["procedure_code"] == "1.000003.GLA") & (findings["verdict"] == "LOCAL_DRIFT")].iloc[0]
    assert "Hợp đồng thuê địa điểm kinh doanh" in row["explanation"]
    assert row["legal_force"] == "prohibited"


def test_summary_counts_by_ministry_add_up(mini_run):
    out, findings, _ = mini_run
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["components"] == 27
    assert sum(m["total"] for m in summary["by_ministry"].values()) == 27
    assert summary["by_ministry"]["Bộ Tư pháp"]["REMOVE_OBSOLETE"] == 1
    assert summary["official_review_mirror"]["procedures_cut_through_vneid"] == 1
    # The foreign birth certificate is state-issued, but not by a Vietnamese body: outside the 50 % target.
    assert summary["cut_share"]["state_issued_components"] == 14


def test_runs_are_byte_identical(tmp_path, mini_expected, runner):
    outputs = []
    for name in ("a", "b"):
        result = runner.invoke(main, ["check", str(MINI), "--out", str(tmp_path / name), "--quiet",
                                      "--as-of", mini_expected["as_of"].isoformat()])
        assert result.exit_code == 0
        outputs.append({f: (tmp_path / name / f).read_bytes() for f in
                        ("findings.csv", "findings.json", "summary.json")})
    assert outputs[0] == outputs[1]


def test_as_of_changes_the_law_applied(runner, tmp_path):
    result = runner.invoke(main, ["check", str(MINI), "--out", str(tmp_path / "old"), "--quiet",
                                  "--as-of", "2024-06-01"])
    assert result.exit_code == 0
    findings = pd.read_csv(tmp_path / "old" / "findings.csv", dtype=str, keep_default_na=False)
    by_key = {f"{r.procedure_code}/{r.component_seq}": r for r in findings.itertuples()}
    assert by_key["1.000002/5"].verdict != "REMOVE_OBSOLETE"     # CMND still valid in June 2024
    assert by_key["1.000001/4"].verdict == "REMOVE_OBSOLETE"     # sổ hộ khẩu gone since 2023
    assert by_key["1.000004.GLA/2"].verdict != "CUT"              # NQ 66.7 not yet in force


def test_ministry_filter(runner, tmp_path):
    result = runner.invoke(main, ["check", str(MINI), "--out", str(tmp_path / "o"), "--quiet",
                                  "--ministry", "bo tu phap"])
    assert result.exit_code == 0, result.output
    findings = pd.read_csv(tmp_path / "o" / "findings.csv", dtype=str, keep_default_na=False)
    assert set(findings["ministry"]) == {"Bộ Tư pháp"}
    bad = runner.invoke(main, ["check", str(MINI), "--out", str(tmp_path / "p"), "--ministry", "Bộ Không Có"])
    assert bad.exit_code == 2 and "Bộ Tư pháp" in bad.output


def test_formula_cells_are_neutralised(mini_copy, runner, tmp_path):
    path = mini_copy / "components.csv"
    path.write_text(path.read_text(encoding="utf-8") + '1.000004,3,"=HYPERLINK(""http://x"",""y"")",,,\n',
                    encoding="utf-8")
    result = runner.invoke(main, ["check", str(mini_copy), "--out", str(tmp_path / "o"), "--quiet"])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "o" / "findings.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text and ",=HYPERLINK" not in text


def test_summary_table_is_printed(mini_run):
    _, _, output = mini_run
    assert "Bộ Tư pháp" in output and "Tổng" in output and "324" in output


def test_explain_shows_trail_and_basis(runner):
    result = runner.invoke(main, ["explain", "1.000001", "--catalog", str(MINI), "--as-of", "2026-03-01"])
    assert result.exit_code == 0, result.output
    assert "CW01;CW02;RC01" in result.output
    assert "Nghị quyết 66.7/2025/NQ-CP" in result.output
    missing = runner.invoke(main, ["explain", "0.000000", "--catalog", str(MINI)])
    assert missing.exit_code == 2


def test_rules_lists_every_rule_with_its_basis(runner, rulebook):
    result = runner.invoke(main, ["rules", "--as-of", "2026-03-01"])
    assert result.exit_code == 0
    for rule in rulebook.rules:
        assert rule.code in result.output
    assert "Nghị định 23/2015/NĐ-CP, Điều 6 khoản 1" in result.output
    assert "chưa kiểm chứng" in result.output


def test_english_output(runner, tmp_path):
    result = runner.invoke(main, ["--lang", "en", "check", str(MINI), "--out", str(tmp_path / "o"),
                                  "--as-of", "2026-03-01"])
    assert result.exit_code == 0
    assert "Ministry" in result.output
    findings = pd.read_csv(tmp_path / "o" / "findings.csv", dtype=str, keep_default_na=False)
    assert findings["explanation"].str.contains("has had no legal value").any()


def test_validate(runner):
    result = runner.invoke(main, ["validate", str(MINI)])
    assert result.exit_code == 0 and "6" in result.output and "27" in result.output


def test_console_entry_exit_codes(tmp_path):
    import subprocess
    import sys

    ok = subprocess.run([sys.executable, "-m", "checker", "check", str(MINI), "--out", str(tmp_path / "o"),
                         "--quiet"], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert (tmp_path / "o" / "findings.csv").exists()
    bad = subprocess.run([sys.executable, "-m", "checker", "check", str(tmp_path / "missing"), "--out",
                          str(tmp_path / "p")], capture_output=True, text=True)
    assert bad.returncode == 2 and "không tìm thấy" in bad.stderr
    assert not (tmp_path / "p").exists()
