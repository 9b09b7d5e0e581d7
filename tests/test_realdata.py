"""The real public records in ../shared/realdata: no crash, every row accounted for."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from checker.cli import main
from tests import realdata

pytestmark = pytest.mark.skipif(not realdata.available(), reason="../shared/realdata not present")


@pytest.fixture(scope="module")
def real_run(tmp_path_factory):
    from click.testing import CliRunner

    base = tmp_path_factory.mktemp("real")
    n_procs, n_comps = realdata.convert(base / "catalog")
    result = CliRunner().invoke(main, ["check", str(base / "catalog"), "--out", str(base / "out"),
                                       "--as-of", "2026-11-01"])
    assert result.exit_code == 0, result.output
    findings = pd.read_csv(base / "out" / "findings.csv", dtype=str, keep_default_na=False)
    summary = json.loads((base / "out" / "summary.json").read_text(encoding="utf-8"))
    return n_procs, n_comps, findings, summary


def test_every_real_component_has_exactly_one_verdict(real_run):
    n_procs, n_comps, findings, summary = real_run
    comps = findings[findings["component_seq"] != ""]
    assert len(comps) == n_comps == summary["components"]
    assert not comps.duplicated(["procedure_code", "component_seq"]).any()
    assert comps["verdict"].ne("").all()
    assert summary["procedures"] == n_procs


def test_real_texts_give_every_kind_of_verdict(real_run):
    _, _, findings, summary = real_run
    counts = summary["components_by_verdict"]
    for verdict in ("REMOVE_OBSOLETE", "CUT", "CUT_WHEN_READY", "KEEP", "ALREADY_DATA", "NEEDS_REVIEW"):
        assert counts[verdict] > 0, verdict
    # The portal's own "khai thác ... không phải nộp" wording is recognised on many rows.
    assert counts["ALREADY_DATA"] > 300


def test_household_book_is_flagged_where_the_portal_still_lists_it(real_run):
    from checker.text import head_text

    _, _, findings, _ = real_run
    comps = findings[findings["component_seq"] != ""]
    book = comps[comps["component_name"].map(lambda n: head_text(n).startswith("so ho khau"))]
    assert len(book) >= 3          # the 2026 portal still lists it in several procedures
    assert (book["verdict"] == "REMOVE_OBSOLETE").all()
