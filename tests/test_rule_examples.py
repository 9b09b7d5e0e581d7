"""Every rule's own examples, run through the durable-rules adapter: rules are tested as data."""

from __future__ import annotations

import pytest

from checker import engine
from checker.conditions import defaults_for
from checker.rulebook import load_rulebook
from tests.conftest import ROOT

RULEBOOK = load_rulebook(ROOT / "rules")
CASES = [(rule, kind, index, example)
         for rule in RULEBOOK.rules
         for kind in ("fire", "no_fire")
         for index, example in enumerate(getattr(rule.examples, kind))]


@pytest.mark.parametrize("rule,kind,index,example", CASES,
                         ids=[f"{r.code}/{k}_{i}" for r, k, i, _ in CASES])
def test_rule_example(rule, kind, index, example):
    fact = defaults_for(rule.applies_to) | example
    matched = engine.match([rule], [fact], rule.applies_to)[0]
    assert (rule.code in matched) == (kind == "fire"), f"{rule.code} {kind} example {index}: {example}"


def test_every_rule_has_firing_and_non_firing_examples():
    for rule in RULEBOOK.rules:
        assert rule.examples.fire and rule.examples.no_fire, rule.code


def test_every_verdict_has_a_rule():
    from checker.rulebook import COMPONENT_VERDICTS, PROCEDURE_VERDICTS

    verdicts = {r.verdict for r in RULEBOOK.rules}
    assert set(COMPONENT_VERDICTS + PROCEDURE_VERDICTS) <= verdicts
