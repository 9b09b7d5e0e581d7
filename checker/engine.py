"""durable-rules as a pure matcher: which rules match which fact, nothing more.

Measured pitfalls (shared/docs/durable_rules.md) shape this adapter:
- `durable.lang` and `engine.Host` start timer threads that can run actions
  after `post_batch` returned; we never create a Host and never register Python
  actions. We drive the compiled module directly: assert a chunk of facts,
  drain every pending result on this thread, retract the chunk.
- Facts, not events, so every matching rule is reported (the trail), not only
  the first.
- A catch-all rule guarantees each fact matches something; a fact without a
  catch-all match, a result for an unknown id, or anything left pending after
  a chunk is an error, never a silent loss.
- Chunks of at most 1,000 facts; one ruleset per evaluation with a unique
  name, torn down with delete_state before delete_ruleset (the C side leaks
  states otherwise).
- Every rule pattern starts with a positive guard on `kind`, so a rule made of
  negative conditions cannot match the engine's own state fact.
- Values are posted as plain JSON scalars (bool/str/int), never numpy types.
"""

from __future__ import annotations

import itertools
import json
from typing import Iterable

import durable_rules_engine as dre

from checker.errors import ReconciliationError

CATCH_ALL = "__NO_RULE__"
CATCH_ALL_PRIORITY = 65000
CHUNK = 1000
_names = itertools.count(1)


def compile_rules(rules: Iterable, kind: str) -> dict:
    """One durable-rules definition (fresh each time: the engine mutates what it is given)."""
    definition = {}
    for index, rule in enumerate(rules):
        terms = [{"kind": kind}]
        for name, value in rule.conditions.items():
            if isinstance(value, list):
                terms.append({"$or": [{name: v} for v in value]})
            else:
                terms.append({name: value})
        definition[rule.code] = {"all": [{"m": {"$and": terms}}], "pri": min(index + 1, CATCH_ALL_PRIORITY - 1)}
    definition[CATCH_ALL] = {"all": [{"m": {"kind": kind}}], "pri": CATCH_ALL_PRIORITY}
    return definition


def _plain(value):
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if hasattr(value, "item"):          # numpy scalar
        return value.item()
    return value


def match(rules: list, facts: list[dict], kind: str) -> list[set[str]]:
    """For each fact, the set of rule codes whose conditions it meets (catch-all excluded).

    `facts` are flat dicts of condition values; their order defines the result order.
    """
    if not facts:
        return []
    definition = compile_rules(rules, kind)
    name = f"tthc_{kind}_{next(_names)}"
    handle = dre.create_ruleset(name, json.dumps(definition, ensure_ascii=False))
    matches: list[set[str]] = [set() for _ in facts]
    caught = [False] * len(facts)
    try:
        for start in range(0, len(facts), CHUNK):
            chunk = []
            for offset, fact in enumerate(facts[start:start + CHUNK]):
                item = {k: _plain(v) for k, v in fact.items()}
                item["id"] = start + offset
                item["kind"] = kind
                chunk.append(item)
            payload = json.dumps(chunk, ensure_ascii=False)
            code, state = dre.assert_facts(handle, payload)
            if code != 0:
                raise ReconciliationError("engine_failed", reason=f"assert_facts code {code}")
            result = dre.start_action_for_state(handle, state)
            pending = result[1] if result else None
            while pending:
                for rule_code, message in json.loads(pending).items():
                    fact_id = message["m"]["id"]
                    if not start <= fact_id < start + len(chunk):
                        raise ReconciliationError("engine_failed", reason=f"unexpected fact id {fact_id}")
                    if rule_code == CATCH_ALL:
                        caught[fact_id] = True
                    else:
                        matches[fact_id].add(rule_code)
                pending = dre.complete_and_start_action(handle, state)
            code, state = dre.retract_facts(handle, payload)
            if code != 0:
                raise ReconciliationError("engine_failed", reason=f"retract_facts code {code}")
            leftover = dre.start_action_for_state(handle, state)
            if leftover:
                raise ReconciliationError("engine_failed", reason="actions left pending after retract")
            missing = [i for i in range(start, start + len(chunk)) if not caught[i]]
            if missing:
                raise ReconciliationError("engine_lost_facts", count=len(missing))
        state = json.loads(dre.get_state(handle, "0"))
        if "exception" in state:
            raise ReconciliationError("engine_failed", reason=str(state["exception"])[:200])
    finally:
        try:
            dre.delete_state(handle, None)
        except dre.error:
            pass  # no state was created (the first assert failed)
        finally:
            dre.delete_ruleset(handle)
    return matches
