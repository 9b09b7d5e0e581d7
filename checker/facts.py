"""Compute the named conditions for every component and procedure on a given date.

Work is done once per distinct value, not per row: a document type's source
state is computed once per (type, province), a text is matched once, and the
results are joined back. At national scale (400,000 components) this keeps the
Python work to a few thousand evaluations.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pandas as pd

from checker.catalog import Catalog
from checker.distinct import map_distinct
from checker.matching import CONFIDENT, Matcher
from checker.model import DataSource, DocumentType
from checker.text import demands_paper, head_text, says_data_lookup

STATUS_RANK = {"operational": 0, "partial": 1, "building": 2, "planned": 3}
NO_SOURCE = {"vneid_integrated": False, "vneid_source": "", "source_state": "none", "fit_source": "",
             "existing_source": "", "missing": "", "source_published": False}


def _coverage(state, province: str) -> float:
    if province and province in state.coverage.provinces:
        return state.coverage.provinces[province]
    return state.coverage.national


def source_fitness(source: DataSource, on: dt.date, province: str, min_coverage: float):
    """(is_fit, missing) for one source; missing lists what keeps it from replacing paper."""
    state = source.state_at(on)
    if state is None:
        return None, ["unknown"]
    missing = []
    if state.status.value != "operational":
        missing.append(f"status:{state.status.value}")
    missing += [f"quality:{flag}" for flag in state.quality.missing()]
    share = _coverage(state, province)
    if share < min_coverage:
        missing.append(f"coverage:{share:.4f}:{min_coverage:.2f}")
    return not missing, missing


def document_context(doc: DocumentType, province: str, on: dt.date, sources: dict[str, DataSource],
                     min_coverage: float) -> dict:
    """Source-related conditions of one document type for one scope (province or national)."""
    ctx = dict(NO_SOURCE)
    best_rank, fit_published = None, None
    for source_id in doc.data_sources:
        source = sources[source_id]
        state = source.state_at(on)
        if state is None:
            continue
        if state.vneid_integrated and state.status.value in ("operational", "partial"):
            if not ctx["vneid_source"] or ctx["vneid_source"] == "vneid":
                ctx["vneid_source"] = source_id
            ctx["vneid_integrated"] = True
        fit, missing = source_fitness(source, on, province, min_coverage)
        if fit:
            if not ctx["fit_source"] or (state.published and not fit_published):
                ctx["fit_source"], fit_published = source_id, state.published
            ctx["source_state"] = "fit"
        else:
            rank = STATUS_RANK[state.status.value]
            if best_rank is None or rank < best_rank:
                best_rank = rank
                ctx["existing_source"], ctx["missing"] = source_id, ";".join(missing)
    if ctx["source_state"] == "fit":
        ctx["source_published"] = bool(fit_published)
        ctx["existing_source"], ctx["missing"] = ctx["fit_source"], ""
    elif ctx["existing_source"]:
        ctx["source_state"] = "unfit"
    return ctx


def component_facts(catalog: Catalog, on: dt.date) -> pd.DataFrame:
    """One row per component: its identity, matched type, and every component condition."""
    comps = catalog.components
    procs = catalog.procedures.set_index("code")
    frame = comps[["procedure_code", "seq", "name", "copy_form", "quantity", "document_type"]].copy()
    frame["ministry"] = frame["procedure_code"].map(procs["ministry"])
    frame["province"] = frame["procedure_code"].map(procs["province"])
    frame["parent_code"] = frame["procedure_code"].map(procs["parent_code"])

    matcher = Matcher(catalog.document_types)
    all_names = frame["name"].tolist()
    names = set(all_names)
    by_name = {n: matcher.match(n) for n in names}
    # A short name ("Giấy chứng nhận (bản gốc)") is read in its procedure's context only when it matched nothing alone.
    in_context = {n for n, m in by_name.items() if not m.document_type and matcher.may_read_in_context(n)}
    matches = [by_name[n] for n in all_names]
    if in_context:
        context_of = (procs["name"] + " " + procs["field"]).to_dict()
        for i, (name, code) in enumerate(zip(all_names, frame["procedure_code"].tolist())):
            if name in in_context:
                matches[i] = matcher.match_in(name, context_of.get(code, ""))
    types = frame["document_type"].tolist()
    given = [d != "" for d in types]
    frame["match_confidence"] = [1.0 if g else m.confidence for m, g in zip(matches, given)]
    frame["candidates"] = ["" if g else ";".join(m.candidates) for m, g in zip(matches, given)]
    matched = [d if g else (m.document_type if m.confidence >= CONFIDENT else "")
               for m, d, g in zip(matches, types, given)]
    frame["document_type"] = matched
    sources_ = comps["document_type_source"].tolist()
    frame["match_method"] = [src if g else ("alias" if m else "") for g, m, src in zip(given, matched, sources_)]
    frame["text_says_data"] = map_distinct(all_names, says_data_lookup)

    docs = catalog.document_types
    pairs = frame[["document_type", "province"]].drop_duplicates()
    rows = []
    for doc_id, province in pairs.itertuples(index=False):
        row = {"document_type": doc_id, "province": province}
        doc = docs.get(doc_id)
        if doc is None:
            row.update(document_matched=False, document_kind="none", obsolete_by="none", obsolete_since="",
                       issued_abroad=False, result_of_procedure=False, certified_copy_required_by_law=False,
                       **NO_SOURCE)
        else:
            gone = doc.obsolete is not None and doc.obsolete.since <= on
            row.update(document_matched=True, document_kind=doc.kind.value,
                       obsolete_by=doc.obsolete.legal_basis.instrument if gone else "none",
                       obsolete_since=doc.obsolete.since.isoformat() if doc.obsolete else "",
                       issued_abroad=doc.issued_abroad, result_of_procedure=bool(doc.result_of),
                       certified_copy_required_by_law=doc.certified_copy_required_by_law,
                       **document_context(doc, province, on, catalog.data_sources, catalog.min_coverage))
        rows.append(row)
    context = pd.DataFrame(rows, columns=["document_type", "province", "document_matched", "document_kind",
                                          "obsolete_by", "obsolete_since", "issued_abroad", "result_of_procedure",
                                          "certified_copy_required_by_law"] + list(NO_SOURCE))
    for key in ("document_type", "province"):
        frame[key] = frame[key].astype(object)
        context[key] = context[key].astype(object)
    frame = frame.merge(context, on=["document_type", "province"], how="left", validate="many_to_one")
    return frame


def procedure_facts(catalog: Catalog, comp_facts: pd.DataFrame) -> pd.DataFrame:
    """One row per procedure with its procedure-level conditions and drift details."""
    procs = catalog.procedures
    frame = procs[["code", "name", "ministry", "province", "parent_code", "online_level", "channels"]].copy()
    frame["paper_channel"] = frame["channels"].str.contains(r"direct|post", regex=True)
    names = comp_facts["name"].tolist()
    paper_names = comp_facts.loc[map_distinct(names, demands_paper), ["procedure_code", "name"]]
    paper_by_proc = paper_names.groupby("procedure_code")["name"].agg(lambda s: " | ".join(s)).to_dict()
    frame["paper_components"] = [paper_by_proc.get(code, "") for code in frame["code"].tolist()]
    frame["paper_component"] = frame["paper_components"] != ""

    heads = map_distinct(names, lambda n: "text:" + head_text(n))
    keys = [d or h for d, h in zip(comp_facts["document_type"].tolist(), heads)]
    compared = set(frame["parent_code"].tolist()) | set(frame.loc[frame["parent_code"] != "", "code"].tolist())
    rows_by_proc = comp_facts.groupby("procedure_code", sort=False).indices
    by_proc = {code: [keys[i] for i in rows] for code, rows in rows_by_proc.items() if code in compared}

    def label(code: str, key: str) -> str:
        return next(names[i] for i in rows_by_proc[code] if keys[i] == key)

    sorted_keys = {code: sorted(ks) for code, ks in by_proc.items()}
    codes_list, parents_list = frame["code"].tolist(), frame["parent_code"].tolist()
    channels = dict(zip(codes_list, frame["channels"].tolist()))
    added, removed, comp_added, comp_removed, chan_drift, parent_channels = [], [], [], [], [], []
    for code, parent in zip(codes_list, parents_list):
        if not parent:
            added.append(""), removed.append(""), comp_added.append(False), comp_removed.append(False)
            chan_drift.append(False)
            parent_channels.append("")
            continue
        chan_drift.append(channels[code] != channels[parent])
        parent_channels.append(channels[parent])
        mine, theirs = sorted_keys.get(code, []), sorted_keys.get(parent, [])
        if mine == theirs:          # the common case: the variant copies its parent
            added.append(""), removed.append(""), comp_added.append(False), comp_removed.append(False)
            continue
        plus = sorted((Counter(mine) - Counter(theirs)).elements())
        minus = sorted((Counter(theirs) - Counter(mine)).elements())
        added.append(" | ".join(label(code, k) for k in plus))
        removed.append(" | ".join(label(parent, k) for k in minus))
        comp_added.append(bool(plus))
        comp_removed.append(bool(minus))
    frame["is_local_variant"] = frame["parent_code"] != ""
    frame["components_added"] = comp_added
    frame["components_removed"] = comp_removed
    frame["channels_drift"] = chan_drift
    frame["added"] = added
    frame["removed"] = removed
    frame["parent_channels"] = parent_channels
    return frame
