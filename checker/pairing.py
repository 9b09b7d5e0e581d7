"""Pair each local (provincial) procedure with its central parent, by code, else by name.

5,801 central procedures were "localized" into 72,717 local ones that drift
(other channels, agencies, components). Pairing sets `parent_code`, so the
checker's LOCAL_DRIFT rules can compare them; the parents and their
components are brought into the imported catalog.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pandas as pd

from checker.catalog import load_catalog
from checker.text import fold


def _suffix(province: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", fold(province).upper())[:12] or "LOCAL"


def pair_with_central(builder, central_dir: Path) -> dict:
    central = load_catalog(central_dir)
    cprocs = central.procedures
    by_code = dict(zip(cprocs["code"], cprocs.to_dict("records")))
    by_name = defaultdict(list)
    for rec in by_code.values():
        if not rec["parent_code"]:
            by_name[fold(rec["name"])].append(rec["code"])
    paired_by_code, paired_by_name, unpaired, differences = [], [], [], []
    renamed: dict[str, str] = {}
    for code, proc in list(builder.procedures.items()):
        if proc["parent_code"] in by_code:
            continue
        parent = None
        base = code
        while base and parent is None:
            if base in by_code and not by_code[base]["parent_code"]:
                parent = base
            base = base.rsplit(".", 1)[0] if base.count(".") > 1 else ""
        how = "code"
        if parent is None:
            names = by_name.get(fold(proc["name"]), [])
            if len(names) == 1:
                parent, how = names[0], "name"
        if parent is None:
            unpaired.append({"code": code, "name": proc["name"]})
            continue
        if code == parent:
            new_code = f"{code}.{_suffix(proc['province'])}"
            renamed[code] = new_code
            proc["code"] = new_code
            builder.procedures[new_code] = builder.procedures.pop(code)
        proc["parent_code"] = parent
        (paired_by_code if how == "code" else paired_by_name).append(proc["code"])
        central_row = by_code[parent]
        diff = {}
        if proc["channels"] and proc["channels"] != central_row["channels"]:
            diff["channels"] = {"local": proc["channels"], "central": central_row["channels"]}
        if proc["implementing_agency"] and fold(proc["implementing_agency"]) != fold(central_row["implementing_agency"]):
            diff["implementing_agency"] = {"local": proc["implementing_agency"],
                                           "central": central_row["implementing_agency"]}
        if diff:
            differences.append({"code": proc["code"], "parent_code": parent, **diff})
    if renamed:
        builder.components = [(renamed.get(c[0], c[0]),) + tuple(c[1:]) for c in builder.components]
    parents = {p["parent_code"] for p in builder.procedures.values() if p["parent_code"]}
    comps = central.components
    for parent in sorted(parents - set(builder.procedures)):
        rec = {k: v for k, v in by_code[parent].items() if k != "__row__"}
        volume = rec["annual_volume"]
        rec["annual_volume"] = "" if pd.isna(volume) else str(volume)
        rec["origin"] = f"{central_dir.name} (danh mục trung ương)"
        builder.procedures[parent] = rec
        for c in comps[comps["procedure_code"] == parent].to_dict("records"):
            builder.components.append((parent, int(c["seq"]), c["name"], c["copy_form"], c["quantity"],
                                       c["document_type"] if c["document_type_source"] == "catalog" else ""))
    return {"central_catalog": str(central_dir), "paired_by_code": len(paired_by_code),
            "paired_by_name": len(paired_by_name), "unpaired": unpaired, "renamed": renamed,
            "channel_or_agency_differences": differences}
