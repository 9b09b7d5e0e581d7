"""The durable-rules adapter against the pitfalls measured in shared/docs/durable_rules.md."""

from __future__ import annotations

import random
import resource
import threading

import pytest

from checker import engine
from checker.conditions import CONDITIONS, defaults_for
from checker.errors import ReconciliationError
from checker.rulebook import Rule


def _rule(code, when, verdict="CUT"):
    return Rule.model_validate({
        "code": code, "title": "Quy tắc thử", "title_en": "Test rule", "verdict": verdict,
        "legal_force": "policy", "applies_to": "component", "in_force": {"from": "2020-01-01"},
        "when": [{k: v} for k, v in when.items()], "legal_basis": [{"instrument": "x", "article": "y"}],
        "explanation": "e", "explanation_en": "e",
        "examples": {"fire": [{}], "no_fire": [{}]}})


def _python_matches(rules, fact):
    """Independent evaluator: the same semantics as the compiled patterns."""
    out = set()
    for rule in rules:
        if all((fact[k] in v) if isinstance(v, list) else fact[k] == v for k, v in rule.conditions.items()):
            out.add(rule.code)
    return out


def _random_fact(rng):
    fact = {}
    for name, cond in CONDITIONS.items():
        if cond.applies_to != "component":
            continue
        values = cond.values or ("none", "luat-cu-tru-2020", "luat-can-cuoc-2023")
        fact[name] = rng.choice(values)
    return fact


def test_large_batch_returns_every_match_before_returning_and_starts_no_thread(rulebook):
    rules = rulebook.in_force(__import__("datetime").date(2026, 3, 1), "component")
    rng = random.Random(7)
    facts = [_random_fact(rng) for _ in range(20_000)]
    threads = threading.active_count()
    matches = engine.match(rules, facts, "component")
    assert threading.active_count() == threads
    assert len(matches) == 20_000
    expected = [_python_matches(rules, f) for f in facts]
    assert matches == expected


def test_differential_against_python_with_in_lists():
    rules = [_rule("AA01", {"copy_form": ["copy", "certified_copy"], "document_matched": True}),
             _rule("AA02", {"source_state": "unfit", "text_says_data": False}),
             _rule("AA03", {"document_kind": ["applicant_made", "none"]})]
    rng = random.Random(11)
    facts = [_random_fact(rng) for _ in range(3_000)]
    assert engine.match(rules, facts, "component") == [_python_matches(rules, f) for f in facts]


def test_fact_matching_no_rule_is_caught_not_lost():
    rules = [_rule("AA01", {"copy_form": "photocopy"})]
    facts = [defaults_for("component") for _ in range(2_500)]
    assert engine.match(rules, facts, "component") == [set()] * 2_500


def test_rule_of_only_negative_looking_conditions_terminates():
    rules = [_rule("AA01", {"text_says_data": False, "vneid_integrated": False})]
    result = engine.match(rules, [defaults_for("component")], "component")
    assert result == [{"AA01"}]


def test_numpy_scalars_are_posted_as_plain_values():
    numpy = pytest.importorskip("numpy")
    rules = [_rule("AA01", {"document_matched": True})]
    fact = defaults_for("component") | {"document_matched": numpy.bool_(True)}
    assert engine.match(rules, [fact], "component") == [{"AA01"}]


def test_repeated_evaluations_do_not_leak_memory():
    rules = [_rule("AA01", {"document_matched": True}), _rule("AA02", {"copy_form": "copy"})]
    facts = [defaults_for("component") for _ in range(200)]
    for _ in range(50):
        engine.match(rules, facts, "component")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for _ in range(500):
        engine.match(rules, facts, "component")
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert (after - before) / 1024 < 50, f"RSS grew {(after - before) / 1024:.0f} MB"


def test_engine_failure_is_raised(monkeypatch):
    rules = [_rule("AA01", {"document_matched": True})]
    monkeypatch.setattr(engine.dre, "assert_facts", lambda handle, payload: (2, 0))
    with pytest.raises(ReconciliationError):
        engine.match(rules, [defaults_for("component")], "component")


def test_lost_catch_all_result_fails_loudly(monkeypatch):
    rules = [_rule("AA01", {"document_matched": True})]
    real = engine.compile_rules

    def without_catch_all(rules_, kind):
        definition = real(rules_, kind)
        definition[engine.CATCH_ALL]["all"][0]["m"] = {"$and": [{"kind": kind}, {"copy_form": "never"}]}
        return definition

    monkeypatch.setattr(engine, "compile_rules", without_catch_all)
    with pytest.raises(ReconciliationError):
        engine.match(rules, [defaults_for("component")], "component")


def test_more_facts_than_one_ruleset_holds_are_all_evaluated():
    """~100,000 live facts broke one ruleset here; chunks of 1,000 asserted and retracted avoid it."""
    rules = [_rule("AA01", {"copy_form": "copy"}), _rule("AA02", {"text_says_data": True})]
    rng = random.Random(3)
    facts = [_random_fact(rng) for _ in range(110_000)]
    matches = engine.match(rules, facts, "component")
    assert len(matches) == 110_000
    assert matches == [_python_matches(rules, f) for f in facts]


def test_precedence_follows_the_issue_order(rulebook):
    from checker.findings import precedence_key
    from checker.rulebook import COMPONENT_VERDICTS

    order = ["REMOVE_OBSOLETE", "CUT", "CUT_WHEN_READY", "RELAX_COPY", "CREATE_DATA", "KEEP", "ALREADY_DATA",
             "NEEDS_REVIEW"]
    assert list(COMPONENT_VERDICTS) == order
    comps = [r for r in rulebook.rules if r.applies_to == "component"]
    ranked = sorted(comps, key=precedence_key)
    assert [order.index(r.verdict) for r in ranked] == sorted(order.index(r.verdict) for r in comps)
    cuts = [r for r in ranked if r.verdict == "CUT"]
    forces = ["prohibited", "required", "policy", "none"]
    assert [forces.index(r.legal_force) for r in cuts] == sorted(forces.index(r.legal_force) for r in cuts)
