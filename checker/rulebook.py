"""Load rules/<group>/<CODE>.yaml into validated `Rule`s; the rule contract lives here.

A rule that cites an unknown instrument or article, uses an unknown condition
or value, has no firing and no non-firing example, or refers to a placeholder
that does not exist, fails to load with a message naming its file and key.
"""

from __future__ import annotations

import datetime as dt
import string
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Optional

import yaml

from checker import yamlio
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from checker.conditions import CONDITIONS
from checker.errors import RuleError
from checker.legal import LegalCatalog, Period, load_legal_catalog

# Precedence of component verdicts (issue #2): lower index wins.
COMPONENT_VERDICTS = ("REMOVE_OBSOLETE", "CUT", "CUT_WHEN_READY", "RELAX_COPY", "CREATE_DATA", "KEEP",
                      "ALREADY_DATA", "NEEDS_REVIEW")
PROCEDURE_VERDICTS = ("PAPER_ON_ONLINE", "LOCAL_DRIFT")
LEGAL_FORCES = ("prohibited", "required", "policy", "none")
PLACEHOLDERS = {
    "component": ("component", "procedure_code", "procedure", "document_type", "source", "source_owner",
                  "missing", "obsolete_since", "copy_form", "candidates", "province"),
    "procedure": ("procedure_code", "procedure", "parent_code", "added", "removed", "channels",
                  "parent_channels", "paper_components", "province"),
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CitationRef(_Strict):
    instrument: str
    article: str
    refine_by_document_type: bool = False


class Examples(_Strict):
    fire: tuple[dict[str, Any], ...] = Field(min_length=1)
    no_fire: tuple[dict[str, Any], ...] = Field(min_length=1)


class Rule(_Strict):
    code: str = Field(pattern=r"^[A-Z]{2}\d{2}$")
    title: str = Field(min_length=5, max_length=160)
    title_en: str = Field(min_length=5, max_length=160)
    verdict: Literal[COMPONENT_VERDICTS + PROCEDURE_VERDICTS]  # type: ignore[valid-type]
    legal_force: Literal[LEGAL_FORCES]  # type: ignore[valid-type]
    applies_to: Literal["component", "procedure"]
    in_force: Period
    when: tuple[dict[str, Any], ...] = Field(min_length=1)
    data_source: Literal["vneid", "fit", "existing", "none"] = "none"
    legal_basis: tuple[CitationRef, ...] = Field(min_length=1)
    explanation: str
    explanation_en: str
    remediation: str = ""
    remediation_en: str = ""
    examples: Examples

    @field_validator("title", "title_en", "explanation", "explanation_en", "remediation", "remediation_en")
    @classmethod
    def _nfc(cls, v: str) -> str:
        return unicodedata.normalize("NFC", v.strip())

    @property
    def conditions(self) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        for item in self.when:
            merged.update(item)
        return merged

    def in_force_on(self, day: dt.date) -> bool:
        return self.in_force.contains(day)


@dataclass
class Rulebook:
    rules: list[Rule]
    legal: LegalCatalog
    files: dict[str, str]

    def by_code(self, code: str) -> Rule:
        return next(r for r in self.rules if r.code == code)

    def in_force(self, day: dt.date, applies_to: Optional[str] = None) -> list[Rule]:
        return [r for r in self.rules if r.in_force_on(day) and (applies_to is None or r.applies_to == applies_to)]


def _check_rule(rule: Rule, file: str, legal: LegalCatalog) -> None:
    seen = set()
    for index, item in enumerate(rule.when):
        if len(item) != 1:
            raise RuleError("condition_not_flat", file=file, column=f"when.{index}")
        (name, value), = item.items()
        if name in seen:
            raise RuleError("duplicate_condition", file=file, column=f"when.{index}", value=name)
        seen.add(name)
        _check_condition(rule, name, value, file, f"when.{index}", legal)
    if rule.verdict in COMPONENT_VERDICTS and rule.applies_to != "component" or \
            rule.verdict in PROCEDURE_VERDICTS and rule.applies_to != "procedure":
        raise RuleError("verdict_scope", file=file, column="applies_to", value=rule.applies_to)
    for index, ref in enumerate(rule.legal_basis):
        inst, _ = legal.resolve(ref.instrument, ref.article, file=file, column=f"legal_basis.{index}")
        if rule.in_force.from_ < inst.in_force.from_:
            raise RuleError("rule_before_instrument", file=file, column="in_force.from",
                            value=str(rule.in_force.from_), instrument=inst.label,
                            instrument_from=str(inst.in_force.from_))
    allowed = PLACEHOLDERS[rule.applies_to]
    for key in ("explanation", "explanation_en", "remediation", "remediation_en"):
        for _, name, spec, conv in string.Formatter().parse(getattr(rule, key)):
            if name is not None and (name not in allowed or spec or conv):
                raise RuleError("bad_placeholder", file=file, column=key, value=name, allowed=", ".join(allowed))
    for kind in ("fire", "no_fire"):
        for index, example in enumerate(getattr(rule.examples, kind)):
            for name, value in example.items():
                _check_condition(rule, name, value, file, f"examples.{kind}.{index}", legal)


def _check_condition(rule: Rule, name: str, value, file: str, column: str, legal: LegalCatalog) -> None:
    cond = CONDITIONS.get(name)
    if cond is None or cond.applies_to != rule.applies_to:
        raise RuleError("unknown_condition", file=file, column=column, value=name)
    values = value if isinstance(value, list) else [value]
    if not values:
        raise RuleError("bad_condition_value", file=file, column=column, value=name)
    for v in values:
        allowed = cond.values if cond.values is not None else tuple(legal.by_id) + ("none",)
        if v not in allowed or (isinstance(v, bool) != isinstance(allowed[0], bool)):
            raise RuleError("bad_condition_value", file=file, column=column, value=f"{name}: {v!r}",
                            allowed=", ".join(str(a) for a in allowed))


def load_rulebook(rules_dir: Path) -> Rulebook:
    """Every rules/<group>/<CODE>.yaml, in code order, validated against the contract."""
    rules_dir = Path(rules_dir)
    legal = load_legal_catalog(rules_dir / "legal" / "instruments.yaml")
    rules: list[Rule] = []
    files: dict[str, str] = {}
    paths = sorted(p for p in rules_dir.glob("*/*.yaml") if p.parent.name != "legal")
    if not paths:
        raise RuleError("no_rules", file=str(rules_dir))
    for path in paths:
        rel = f"{path.parent.name}/{path.name}"
        try:
            with path.open(encoding="utf-8") as fh:
                data = yamlio.load(fh)
            rule = Rule.model_validate(data)
        except yaml.YAMLError as exc:
            raise RuleError("yaml_unreadable", file=rel, reason=str(exc)) from exc
        except ValidationError as exc:
            err = exc.errors()[0]
            raise RuleError("invalid_value", file=rel, column=".".join(str(p) for p in err["loc"]),
                            value=str(err.get("input", ""))[:80], reason=err["msg"]) from exc
        if rule.code != path.stem or not rule.code.startswith(path.parent.name):
            raise RuleError("code_mismatch", file=rel, column="code", value=rule.code)
        if rule.code in files:
            raise RuleError("duplicate_rule", file=rel, column="code", value=rule.code, other=files[rule.code])
        _check_rule(rule, rel, legal)
        files[rule.code] = rel
        rules.append(rule)
    return Rulebook(rules=sorted(rules, key=lambda r: r.code), legal=legal, files=files)
