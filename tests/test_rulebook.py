"""The rule contract: a rule that breaks it fails to load, naming its file and key."""

from __future__ import annotations

import shutil

import pytest

from checker.errors import RuleError
from checker.rulebook import load_rulebook
from tests.conftest import ROOT


@pytest.fixture()
def rules_copy(tmp_path):
    target = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", target)
    return target


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


BREAKS = {
    "unknown_instrument": ("RC/RC01.yaml", "instrument: nd-23-2015", "instrument: nd-23-2051",
                           ["RC/RC01.yaml", "legal_basis.0", "nd-23-2051"]),
    "unknown_article": ("RC/RC01.yaml", 'article: "Điều 6 khoản 1"', 'article: "Điều 66"',
                        ["RC/RC01.yaml", "Điều 66"]),
    "no_fire_example": ("KP/KP01.yaml", "  no_fire:\n    - {document_kind: state_issued}\n"
                        "    - {document_kind: applicant_made, document_matched: false}\n", "",
                        ["KP/KP01.yaml", "examples.no_fire"]),
    "unknown_condition": ("RC/RC01.yaml", "  - copy_form: certified_copy", "  - copy_kind: certified_copy",
                          ["RC/RC01.yaml", "copy_kind"]),
    "bad_condition_value": ("RC/RC01.yaml", "  - copy_form: certified_copy", "  - copy_form: notarised",
                            ["RC/RC01.yaml", "notarised"]),
    "string_for_bool": ("NR/NR01.yaml", "  - document_matched: false", "  - document_matched: 'false'",
                        ["NR/NR01.yaml", "document_matched"]),
    "bad_placeholder": ("RC/RC01.yaml", '"{document_type}"; nơi', '"{document_name}"; nơi',
                        ["RC/RC01.yaml", "document_name"]),
    "code_mismatch": ("RC/RC01.yaml", "code: RC01", "code: RC02", ["RC/RC01.yaml", "RC02"]),
    "unknown_verdict": ("RC/RC01.yaml", "verdict: RELAX_COPY", "verdict: RELAX", ["RC/RC01.yaml", "verdict"]),
    "bad_date": ("RC/RC01.yaml", "in_force: {from: 2015-04-10", "in_force: {from: 2015-02-30",
                 ["RC/RC01.yaml", "in_force"]),
    "before_instrument": ("RC/RC01.yaml", "in_force: {from: 2015-04-10", "in_force: {from: 2014-01-01",
                          ["RC/RC01.yaml", "2014-01-01", "23/2015"]),
    "unknown_key": ("RC/RC01.yaml", "data_source: none", "data_source: none\npriority: 5",
                    ["RC/RC01.yaml", "priority"]),
}


@pytest.mark.parametrize("case", sorted(BREAKS))
def test_broken_rule_fails_to_load(rules_copy, case):
    file, old, new, fragments = BREAKS[case]
    _edit(rules_copy / file, old, new)
    with pytest.raises(RuleError) as info:
        load_rulebook(rules_copy)
    message = str(info.value)
    for fragment in fragments:
        assert fragment in message, (fragment, message)


def test_duplicate_rule_code(rules_copy):
    shutil.copy(rules_copy / "RC" / "RC01.yaml", rules_copy / "RC" / "RC02.yaml")
    _edit(rules_copy / "RC" / "RC02.yaml", "code: RC01", "code: RC02")
    assert load_rulebook(rules_copy).by_code("RC02")          # a new file with its own code loads
    shutil.copy(rules_copy / "RC" / "RC01.yaml", rules_copy / "OB" / "OB09.yaml")
    with pytest.raises(RuleError):
        load_rulebook(rules_copy)


def test_unverified_citations_are_marked(rulebook):
    from checker.findings import _legal_text

    text = _legal_text(rulebook, rulebook.by_code("OB02"), "cmnd", "vi", {})
    assert "Điều 46 khoản 2" in text and "chưa kiểm chứng" in text
    text = _legal_text(rulebook, rulebook.by_code("RC01"), "", "vi", {})
    assert "chưa kiểm chứng" not in text


def test_article_refined_by_document_type(rulebook):
    from checker.findings import _legal_text

    text = _legal_text(rulebook, rulebook.by_code("CU02"), "giay_phep_lai_xe", "vi", {})
    assert "Điều 4 khoản 4" in text
    text = _legal_text(rulebook, rulebook.by_code("CU02"), "the_bhyt", "vi", {})
    assert "Điều 4 khoản 3 điểm a" in text and "chưa kiểm chứng" in text


def test_nq_66_7_rules_end_with_the_resolution(rulebook):
    import datetime as dt

    codes = {r.code for r in rulebook.in_force(dt.date(2027, 3, 1))}
    assert "CU02" not in codes and "CW01" not in codes
    assert "CU02" in {r.code for r in rulebook.in_force(dt.date(2026, 1, 1))}
    assert "CU02" not in {r.code for r in rulebook.in_force(dt.date(2025, 12, 31))}
