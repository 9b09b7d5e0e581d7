"""evaluate(): catalog + rulebook + date → one resolved finding per component (+ procedure findings).

The engine only says which rules match; resolution (precedence), explanation
and reconciliation happen here, in plain Python, so they are testable and
deterministic. Facts are evaluated once per distinct signature (the tuple of
conditions the rules in force actually use) and joined back, which is exact
because rules are single-pattern functions of one fact.
"""

from __future__ import annotations

import datetime as dt
import functools
import string
import typing

import pandas as pd

from checker import engine
from checker.catalog import Catalog
from checker.distinct import map_distinct
from checker.errors import ReconciliationError
from checker.facts import component_facts, procedure_facts
from checker.i18n import language, t
from checker.rulebook import COMPONENT_VERDICTS, LEGAL_FORCES, PROCEDURE_VERDICTS, Rule, Rulebook

FINDING_COLUMNS = ["procedure_code", "component_seq", "component_name", "ministry", "province",
                   "document_type", "verdict", "legal_force", "rule_code", "data_source", "legal_basis",
                   "explanation", "remediation", "matched_rules", "match_confidence", "candidates",
                   "copy_form", "official_list", "official_database"]
UNRESOLVED = "NEEDS_REVIEW"
VERDICT_RANK = {v: i for i, v in enumerate(COMPONENT_VERDICTS + PROCEDURE_VERDICTS)}
FORCE_RANK = {f: i for i, f in enumerate(LEGAL_FORCES)}


def precedence_key(rule: Rule):
    """Verdict precedence first, then the stronger legal force, then the code (stable, documented)."""
    return VERDICT_RANK[rule.verdict], FORCE_RANK[rule.legal_force], rule.code


def _signature_fields(rules: list[Rule]) -> list[str]:
    fields = sorted({name for rule in rules for name in rule.conditions})
    return fields or ["document_matched"]


def _evaluate_signatures(frame: pd.DataFrame, rules: list[Rule], kind: str) -> pd.DataFrame:
    """Winner and trail per row of `frame`, computed once per distinct signature."""
    fields = _signature_fields(rules)
    sigs = frame[fields].drop_duplicates().reset_index(drop=True)
    facts = sigs.to_dict("records")
    matched = engine.match(rules, facts, kind) if rules else [set() for _ in facts]
    by_code = {r.code: r for r in rules}
    winners, trails = [], []
    for codes in matched:
        ordered = sorted((by_code[c] for c in codes), key=precedence_key)
        trails.append(";".join(r.code for r in ordered))
        winners.append(ordered[0].code if ordered else "")
    sigs["rule_code"] = winners
    sigs["matched_rules"] = trails
    joined = frame.merge(sigs, on=fields, how="left", validate="many_to_one")
    if len(joined) != len(frame) or joined["rule_code"].isna().any():
        raise ReconciliationError("signature_join_failed", expected=len(frame), got=len(joined))
    return joined


class _Renderer:
    """Fills explanation templates; caches by the placeholder values a template actually uses."""

    def __init__(self, catalog: Catalog, rulebook: Rulebook, lang: str):
        self.catalog, self.rulebook, self.lang = catalog, rulebook, lang
        self._fields: dict[str, list[str]] = {}
        self._cache: dict[tuple, str] = {}

    def _template(self, rule: Rule, what: str) -> str:
        return getattr(rule, what + ("_en" if self.lang == "en" else ""))

    def render(self, rule: Rule, what: str, values: dict) -> str:
        template = self._template(rule, what)
        if not template:
            return ""
        key = (rule.code, what)
        if key not in self._fields:
            self._fields[key] = [n for _, n, _, _ in string.Formatter().parse(template) if n]
        used = self._fields[key]
        cache_key = (rule.code, what) + tuple(values.get(n, "") for n in used)
        text = self._cache.get(cache_key)
        if text is None:
            text = template.format_map({n: values.get(n, "") for n in used})
            self._cache[cache_key] = text
        return text

    def render_rows(self, rule: Rule, what: str, columns: dict, rows: list[int]) -> list[str]:
        """The template filled for each row in `rows`; each distinct combination is formatted once."""
        template = self._template(rule, what)
        if not template:
            return [""] * len(rows)
        used = [n for _, n, _, _ in string.Formatter().parse(template) if n]
        if not used:
            return [template] * len(rows)
        picked = [[columns[n][i] for i in rows] for n in used]
        cache: dict[tuple, str] = {}
        out = []
        for key in zip(*picked):
            text = cache.get(key)
            if text is None:
                text = cache[key] = template.format_map(dict(zip(used, key)))
            out.append(text)
        return out

    def doc_name(self, doc_id: str) -> str:
        doc = self.catalog.document_types.get(doc_id)
        if doc is None:
            return doc_id
        return (doc.name_en or doc.name) if self.lang == "en" else doc.name

    def source_name(self, source_id: str) -> tuple[str, str]:
        src = self.catalog.data_sources.get(source_id)
        if src is None:
            return "", ""
        return ((src.name_en or src.name) if self.lang == "en" else src.name), src.owner

    def missing(self, tokens: str) -> str:
        parts = []
        for token in filter(None, tokens.split(";")):
            kind, _, rest = token.partition(":")
            if kind == "coverage":
                share, floor = rest.split(":")
                pct = f"{float(share):.1%}"
                parts.append(t("missing.coverage", lang=self.lang, share=pct.replace(".", ",") if self.lang == "vi"
                               else pct, floor=f"{float(floor):.0%}"))
            else:
                parts.append(t(f"missing.{kind}.{rest}" if rest else f"missing.{kind}", lang=self.lang))
        return "; ".join(parts)


@functools.lru_cache(maxsize=256)
def _channels_text(codes: str, lang: str) -> str:
    return ", ".join(t(f"channel.{c}", lang=lang) for c in codes.split(";") if c) or "—"


def _date_text(iso: str) -> str:
    if not iso:
        return ""
    day = dt.date.fromisoformat(iso)
    return day.strftime("%d/%m/%Y")


def _legal_text(rulebook: Rulebook, rule: Rule, doc_id: str, lang: str, cache: dict) -> str:
    key = (rule.code, doc_id, lang)
    if key not in cache:
        parts = []
        for ref in rule.legal_basis:
            article = (rulebook.legal.refine(ref.instrument, ref.article, doc_id) if ref.refine_by_document_type
                       else rulebook.legal.by_id[ref.instrument].article(ref.article))
            parts.append(rulebook.legal.cite(ref.instrument, article, lang=lang))
        cache[key] = "; ".join(parts)
    return cache[key]


def _component_findings(catalog: Catalog, rulebook: Rulebook, on: dt.date, lang: str) -> pd.DataFrame:
    comp = component_facts(catalog, on)
    rules = rulebook.in_force(on, "component")
    comp = _evaluate_signatures(comp, rules, "component")
    by_code = {r.code: r for r in rules}
    renderer = _Renderer(catalog, rulebook, lang)
    codes = comp["rule_code"].tolist()
    role = {code: rule.data_source for code, rule in by_code.items()}
    sources = {"vneid": comp["vneid_source"].tolist(), "fit": comp["fit_source"].tolist(),
               "existing": comp["existing_source"].tolist()}
    source_ids = [sources[role[c]][i] if role.get(c, "none") in sources else "" for i, c in enumerate(codes)]
    doc_ids = comp["document_type"].tolist()
    proc_names = dict(zip(catalog.procedures["code"].tolist(), catalog.procedures["name"].tolist()))
    source_labels = {sid: renderer.source_name(sid) for sid in set(source_ids)}
    missing = [m if role.get(c) == "existing" else "" for m, c in zip(comp["missing"].tolist(), codes)]
    columns = {
        "component": comp["name"].tolist(),
        "procedure_code": comp["procedure_code"].tolist(),
        "procedure": map_distinct(comp["procedure_code"].tolist(), lambda c: proc_names.get(c, "")),
        "document_type": map_distinct(doc_ids, renderer.doc_name),
        "source": [source_labels[sid][0] for sid in source_ids],
        "source_owner": [source_labels[sid][1] for sid in source_ids],
        "missing": map_distinct(missing, renderer.missing),
        "obsolete_since": map_distinct(comp["obsolete_since"].tolist(), _date_text),
        "copy_form": map_distinct(comp["copy_form"].tolist(), lambda f: t(f"copy_form.{f}", lang=lang)),
        "candidates": map_distinct(comp["candidates"].tolist(),
                              lambda cs: ", ".join(renderer.doc_name(c) for c in cs.split(";") if c)),
        "province": comp["province"].tolist(),
    }
    no_rule = t("explain.no_rule", lang=lang)
    explanation, remediation, legal = [no_rule] * len(codes), [""] * len(codes), [""] * len(codes)
    rows_by_rule: dict[str, list[int]] = {}
    for i, code in enumerate(codes):
        rows_by_rule.setdefault(code, []).append(i)
    legal_cache: dict = {}
    for code, rows in rows_by_rule.items():
        rule = by_code.get(code)
        if rule is None:
            continue
        for what, target in (("explanation", explanation), ("remediation", remediation)):
            for i, text in zip(rows, renderer.render_rows(rule, what, columns, rows)):
                target[i] = text
        bases = map_distinct((doc_ids[i] for i in rows), lambda d: _legal_text(rulebook, rule, d, lang, legal_cache))
        for i, basis in zip(rows, bases):
            legal[i] = basis
    comp["verdict"] = [by_code[c].verdict if c in by_code else UNRESOLVED for c in codes]
    comp["legal_force"] = [by_code[c].legal_force if c in by_code else "none" for c in codes]
    comp["data_source"] = source_ids
    comp["legal_basis"] = legal
    comp["explanation"] = explanation
    comp["remediation"] = remediation
    comp["component_seq"] = [str(x) for x in comp["seq"].tolist()]
    comp["component_name"] = comp["name"]
    return comp


def _procedure_findings(catalog: Catalog, rulebook: Rulebook, comp: pd.DataFrame, on: dt.date,
                        lang: str) -> pd.DataFrame:
    procs = procedure_facts(catalog, comp)
    rules = rulebook.in_force(on, "procedure")
    if not rules:
        return pd.DataFrame(columns=FINDING_COLUMNS)
    fields = _signature_fields(rules)
    sigs = procs[fields].drop_duplicates().reset_index(drop=True)
    matched = engine.match(rules, sigs.to_dict("records"), "procedure")
    sigs["codes"] = [";".join(sorted(m)) for m in matched]
    procs = procs.merge(sigs, on=fields, how="left", validate="many_to_one")
    by_code = {r.code: r for r in rules}
    renderer = _Renderer(catalog, rulebook, lang)
    legal_cache: dict = {}
    rows = []
    hits = procs[procs["codes"] != ""]
    columns = ["code", "name", "parent_code", "added", "removed", "channels", "parent_channels",
               "paper_components", "province", "ministry", "codes"]
    for values_ in zip(*(hits[c].tolist() for c in columns)):
        rec = _Record(*values_)
        groups: dict[str, list[Rule]] = {}
        for code in rec.codes.split(";"):
            groups.setdefault(by_code[code].verdict, []).append(by_code[code])
        for verdict in sorted(groups, key=VERDICT_RANK.get):
            ordered = sorted(groups[verdict], key=precedence_key)
            values = {"procedure_code": rec.code, "procedure": rec.name, "parent_code": rec.parent_code,
                      "added": rec.added or "—", "removed": rec.removed or "—",
                      "channels": _channels_text(rec.channels, lang),
                      "parent_channels": _channels_text(rec.parent_channels, lang),
                      "paper_components": rec.paper_components or "—", "province": rec.province}
            rule = ordered[0]
            explanation = " ".join(renderer.render(r, "explanation", values) for r in ordered)
            rows.append({"procedure_code": rec.code, "component_seq": "", "component_name": "",
                         "ministry": rec.ministry, "province": rec.province, "document_type": "",
                         "verdict": verdict, "legal_force": rule.legal_force, "rule_code": rule.code,
                         "data_source": "", "explanation": explanation,
                         "legal_basis": "; ".join(dict.fromkeys(_legal_text(rulebook, r, "", lang, legal_cache)
                                                                for r in ordered)),
                         "remediation": renderer.render(rule, "remediation", values),
                         "matched_rules": ";".join(r.code for r in ordered), "match_confidence": "",
                         "candidates": "", "copy_form": "", "official_list": "", "official_database": ""})
    return pd.DataFrame(rows, columns=FINDING_COLUMNS)


class _Record(typing.NamedTuple):
    code: str
    name: str
    parent_code: str
    added: str
    removed: str
    channels: str
    parent_channels: str
    paper_components: str
    province: str
    ministry: str
    codes: str


def evaluate(catalog: Catalog, rulebook: Rulebook, on: dt.date, lang: str | None = None,
             official=None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(component findings, procedure findings); raises if any component is lost."""
    lang = lang or language()
    comp = _component_findings(catalog, rulebook, on, lang)
    if official is not None:
        comp = official.annotate(comp)
    else:
        comp["official_list"] = ""
        comp["official_database"] = ""
    reconcile(catalog, comp)
    procs = _procedure_findings(catalog, rulebook, comp, on, lang)
    comp["match_confidence"] = map_distinct(comp["match_confidence"].tolist(), lambda x: f"{x:.2f}")
    comp = comp.sort_values(["procedure_code", "seq"], kind="stable")
    procs = procs.assign(_rank=procs["verdict"].map(VERDICT_RANK)).sort_values(
        ["procedure_code", "_rank"], kind="stable").drop(columns="_rank")
    return comp, procs


def reconcile(catalog: Catalog, findings: pd.DataFrame) -> None:
    """Counts in must equal verdicts out, per ministry; exactly one verdict per component."""
    source = catalog.components.merge(catalog.procedures[["code", "ministry"]], left_on="procedure_code",
                                      right_on="code", how="left")
    expected = source.groupby("ministry").size()
    got = findings.groupby("ministry").size()
    if findings.duplicated(["procedure_code", "seq"]).any():
        raise ReconciliationError("duplicate_verdicts")
    if not expected.sort_index().equals(got.reindex(expected.index).fillna(0).astype(expected.dtype).sort_index()) \
            or len(findings) != len(catalog.components):
        diff = {m: (int(expected.get(m, 0)), int(got.get(m, 0))) for m in set(expected.index) | set(got.index)
                if expected.get(m, 0) != got.get(m, 0)}
        raise ReconciliationError("count_mismatch", expected=len(catalog.components), got=len(findings),
                                  detail=str(diff)[:300])
    if findings["verdict"].isna().any() or (~findings["verdict"].isin(COMPONENT_VERDICTS)).any():
        raise ReconciliationError("missing_verdict")
