"""The run's headline figures, mirroring the official reviews so results can be compared.

324 = procedures cutting at least one component through VNeID (CT 24 Phụ lục I);
200 = procedures reusing civil-status or land data; 50% = the cut-share target.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from checker.rulebook import COMPONENT_VERDICTS, PROCEDURE_VERDICTS

CUT_SHARE_TARGET = 0.5
REUSE_SOURCES = ("ho_tich", "dat_dai")


def build_summary(components: pd.DataFrame, procedures: pd.DataFrame, catalog, on: dt.date,
                  official_loaded: bool) -> dict:
    by_ministry = {}
    for ministry, group in components.groupby("ministry", sort=True):
        counts = group["verdict"].value_counts()
        by_ministry[ministry] = {v: int(counts.get(v, 0)) for v in COMPONENT_VERDICTS}
        by_ministry[ministry]["total"] = int(len(group))
    proc_counts = {}
    for ministry, group in procedures.groupby("ministry", sort=True):
        counts = group["verdict"].value_counts()
        proc_counts[ministry] = {v: int(counts.get(v, 0)) for v in PROCEDURE_VERDICTS}
    totals = components["verdict"].value_counts()
    # Papers of a Vietnamese state body: a foreign authority's paper can never be replaced by Vietnamese data.
    vietnamese = ~components["issued_abroad"].astype(bool)
    state_issued = components[(components["document_kind"] == "state_issued") & vietnamese]
    cut_now = state_issued["verdict"].isin(["CUT", "REMOVE_OBSOLETE", "ALREADY_DATA"])
    vneid_procs = components.loc[(components["verdict"] == "CUT") & (components["data_source"] != "")
                                 & (components["data_source"] == components["vneid_source"]), "procedure_code"]
    reuse = components["data_source"].isin(REUSE_SOURCES)
    summary = {
        "as_of": on.isoformat(),
        "catalog": str(catalog.folder.name),
        "procedures": int(len(catalog.procedures)),
        "components": int(len(components)),
        "components_by_verdict": {v: int(totals.get(v, 0)) for v in COMPONENT_VERDICTS},
        "procedure_findings_by_verdict": {v: int((procedures["verdict"] == v).sum()) for v in PROCEDURE_VERDICTS},
        "by_ministry": by_ministry,
        "procedure_findings_by_ministry": proc_counts,
        "unresolved_components": int((components["rule_code"] == "").sum()),
        "cut_share": {
            "state_issued_components": int(len(state_issued)),
            "cut_or_already_data": int(cut_now.sum()),
            "share": round(float(cut_now.mean()), 4) if len(state_issued) else 0.0,
            "target": CUT_SHARE_TARGET,
            "meets_target": bool(len(state_issued) and cut_now.mean() >= CUT_SHARE_TARGET),
        },
        "official_review_mirror": {
            "procedures_cut_through_vneid": int(vneid_procs.nunique()),
            "official_vneid_figure": 324,
            "procedures_reusing_civil_status_or_land_now": int(
                components.loc[reuse & (components["verdict"] == "CUT"), "procedure_code"].nunique()),
            "procedures_reusing_civil_status_or_land_when_ready": int(
                components.loc[reuse & components["verdict"].isin(["CUT", "CUT_WHEN_READY"]),
                               "procedure_code"].nunique()),
            "official_reuse_figure": 200,
        },
    }
    if official_loaded:
        listed = components[components["official_list"] == "yes"]
        found = listed["verdict"].isin(["CUT", "CUT_WHEN_READY", "REMOVE_OBSOLETE", "ALREADY_DATA"])
        summary["official_list"] = {
            "components_listed": int(len(listed)),
            "found_by_generic_rules": int(found.sum()),
            "share": round(float(found.mean()), 4) if len(listed) else 0.0,
            "listed_by_verdict": {k: int(v) for k, v in listed["verdict"].value_counts().sort_index().items()},
        }
    return summary
