"""Convert ../shared/realdata (public portal records) into a catalog folder, in a temp dir.

The records stay in shared/; only this converter lives in the project. It maps
the crawl's columns to the catalog contract and nothing else: the checker must
cope with the texts as published.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd

from tests.conftest import ROOT, SHARED

REALDATA = SHARED / "realdata"


def available() -> bool:
    return (REALDATA / "procedures.csv").exists() and (REALDATA / "components.csv").exists()


def _level(text: str) -> str:
    first = text.split(",")[0].strip().lower()
    return {"cấp tỉnh": "provincial", "cấp xã": "commune"}.get(first, "central")


def _channels(text: str) -> str:
    out = []
    low = text.lower()
    for word, code in (("trực tiếp", "direct"), ("trực tuyến", "online"), ("bưu chính", "post")):
        if word in low:
            out.append(code)
    return ";".join(out)


def convert(target: Path) -> tuple[int, int]:
    """Write procedures.csv / components.csv + the bundled reference files; return (procedures, components)."""
    procs = pd.read_csv(REALDATA / "procedures.csv", dtype=str, keep_default_na=False)
    comps = pd.read_csv(REALDATA / "components.csv", dtype=str, keep_default_na=False)
    codes = procs["code"].where(procs["code"] != "", procs["proc_id"])
    dup = codes.duplicated(keep=False)
    codes = codes.where(~dup, procs["proc_id"])
    code_of = dict(zip(procs["proc_id"], codes))
    out_procs = pd.DataFrame({
        "code": codes,
        "name": procs["name"].where(procs["name"].str.strip() != "", "(không có tên)"),
        "ministry": procs["agency"].where(procs["agency"].str.strip() != "", "Không rõ cơ quan"),
        "field": procs["field"],
        "level": procs["level"].map(_level),
        "province": "",
        "parent_code": "",
        "online_level": "",
        "channels": procs["submission_modes"].map(_channels),
        "annual_volume": "",
    })
    out_comps = pd.DataFrame({
        "procedure_code": comps["proc_id"].map(code_of),
        "seq": comps["seq"],
        "name": comps["name"].where(comps["name"].str.strip() != "", "(dòng trống trên Cổng)"),
        "copy_form": comps["copy_form"].where(comps["copy_form"] != "unknown", ""),
        "quantity": comps["quantity"],
        "document_type": "",
    })
    target.mkdir(parents=True, exist_ok=True)
    out_procs.to_csv(target / "procedures.csv", index=False)
    out_comps.to_csv(target / "components.csv", index=False)
    for name in ("document_types.yaml", "data_sources.yaml"):
        shutil.copy(ROOT / "catalogs" / name, target / name)
    return len(out_procs), len(out_comps)
