"""Turn ministries' files into a catalog folder plus an import report.

Every source row ends up as a procedure, a component, a note, a heading, a
blank, or a skipped row with its reason (file, sheet, row): counts are kept so
nothing disappears unexplained. The catalog is validated with the same
loader `tthc check` uses before it is moved into place.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from checker.catalog import CHANNELS, LEVELS, load_catalog
from checker.errors import CatalogError
from checker.importers.headers import is_header, map_header
from checker.importers.splitting import classify, split_cell, strip_form_file
from checker.text import clean, copy_form_from_text, fold

HEADER_SEARCH_ROWS = 30
COMPONENT_COLUMNS = ("procedure_code", "seq", "name", "copy_form", "quantity", "document_type")
_MINISTRY_IN_TITLE = re.compile(r"\b(BỘ|Bộ)\s+[^\n,;:()]{3,60}")


@dataclass
class SourceReport:
    file: str
    sheet: str = ""
    kind: str = ""
    rows: int = 0
    blank: int = 0
    headings: int = 0
    procedures: int = 0
    components: int = 0
    notes: int = 0
    skipped: list = field(default_factory=list)     # [{"row":…, "reason":…}]
    warnings: list = field(default_factory=list)
    header_row: int = 0


@dataclass
class Builder:
    default_ministry: str = ""
    default_province: str = ""
    procedures: dict = field(default_factory=dict)    # code -> dict
    components: list = field(default_factory=list)
    reports: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    _seq: Counter = field(default_factory=Counter)
    pairing: dict | None = None

    # ---------- normalisation of one procedure ----------
    def _level(self, raw: str, agency: str, report: SourceReport, where: str) -> str:
        first = re.split(r"[,;\n]", raw)[0] if raw else ""
        level = LEVELS.get(fold(first))
        if level:
            return level
        if fold(first) in ("cap huyen", "huyen"):
            report.warnings.append({"where": where, "warning": "cấp huyện đã bãi bỏ từ 01/7/2025: ghi là cấp xã"})
            return "commune"
        folded_agency = fold(agency)
        if "cap xa" in folded_agency or folded_agency.startswith("uy ban nhan dan xa"):
            return "commune"
        if "cap tinh" in folded_agency or folded_agency.startswith("so "):
            return "provincial"
        if raw and fold(first) not in ("co quan khac",):
            report.warnings.append({"where": where, "warning": f"không nhận ra cấp thực hiện \"{raw}\": ghi là cấp bộ"})
        return "central"

    @staticmethod
    def _channels(raw: str) -> str:
        folded = fold(raw)
        found = sorted({code for word, code in CHANNELS.items() if word and word in folded})
        return ";".join(found)

    @staticmethod
    def _online(raw: str) -> str:
        folded = fold(raw)
        if "toan trinh" in folded or "muc do 4" in folded:
            return "full"
        if "mot phan" in folded or "muc do 3" in folded:
            return "partial"
        return "none"

    def add_procedure(self, record: dict, report: SourceReport, where: str) -> str | None:
        name = clean(record.get("name", ""))
        code = clean(record.get("code", ""))
        if not name and not code:
            report.skipped.append({"row": where, "reason": "dòng không có mã và tên thủ tục"})
            return None
        ministry = clean(record.get("ministry", "")) or self.default_ministry
        if not ministry:
            ministry = "Không rõ cơ quan"
            report.warnings.append({"where": where, "warning": "không có bộ, ngành: ghi \"Không rõ cơ quan\""})
        if not name:
            name = f"(không có tên) {code}"
            report.warnings.append({"where": where, "warning": "thủ tục không có tên"})
        if not code:
            digest = hashlib.sha1(fold(ministry + "|" + name).encode()).hexdigest()[:8]
            code = f"X.{digest}"
            report.warnings.append({"where": where, "warning": f"không có mã thủ tục: mã tự sinh {code}"})
        agency = clean(record.get("agency", ""))
        proc = {"code": code, "name": name, "ministry": ministry, "field": clean(record.get("field", "")),
                "level": self._level(record.get("level", ""), agency, report, where),
                "province": clean(record.get("province", "")) or self.default_province,
                "parent_code": clean(record.get("parent_code", "")),
                "online_level": self._online(record.get("online_level", "")),
                "channels": self._channels(record.get("channels", "")),
                "annual_volume": re.sub(r"[^\d]", "", record.get("annual_volume", "") or ""),
                "implementing_agency": agency, "origin": where}
        existing = self.procedures.get(code)
        if existing is not None:
            if fold(existing["name"]) != fold(name):
                report.skipped.append({"row": where, "reason": f"mã {code} trùng với {existing['origin']} "
                                                               f"nhưng khác tên: giữ bản ghi đầu"})
                return None
            return code
        self.procedures[code] = proc
        report.procedures += 1
        return code

    def add_component(self, code: str, text: str, report: SourceReport, where: str, *, case: str = "",
                      quantity: str = "", copy_form: str = "", document_type: str = "") -> None:
        name = clean(strip_form_file(text))
        if not name:
            report.skipped.append({"row": where, "reason": "thành phần rỗng"})
            return
        if not copy_form:
            copy_form = copy_form_from_text(name)
            if copy_form == "unknown":
                copy_form = _copy_form_from_quantity(quantity)
        self._seq[code] += 1
        seq = self._seq[code]
        # A plain tuple per component: a 50 MB workbook holds about a million of them.
        self.components.append((code, seq, name, "" if copy_form == "unknown" else copy_form,
                                clean(quantity), document_type))
        report.components += 1

    def add_cell(self, code: str, cell: str, report: SourceReport, where: str) -> None:
        for piece in split_cell(cell):
            if piece.kind == "component":
                self.add_component(code, piece.text, report, where, case=piece.case)
            else:
                report.notes += 1
                self.notes.append({"procedure_code": code, "kind": piece.kind, "text": piece.text, "where": where})

    # ---------- sources ----------
    def add_table(self, path: Path, rows) -> None:
        """Rows of one file (all sheets): find each sheet's header, then read records under it."""
        current: dict[str, tuple[dict, SourceReport]] = {}
        titles: dict[str, list[str]] = {}
        last_code: dict[str, str] = {}
        section: dict[str, str] = {}
        for sheet, number, values in rows:
            key = sheet
            if number == 0:
                titles.setdefault(key, [])
                continue
            where = f"{path.name}" + (f", trang tính {sheet}" if sheet else "") + f", dòng {number}"
            if key not in current:
                if is_header(values) and number <= HEADER_SEARCH_ROWS:
                    report = SourceReport(file=path.name, sheet=sheet, kind="bảng")
                    report.rows = number
                    report.header_row = number
                    self.reports.append(report)
                    mapping = map_header(values)
                    current[key] = (mapping, report)
                    ministry = next((m.group(0) for t in titles.get(key, []) for m in [_MINISTRY_IN_TITLE.search(t)]
                                     if m), "")
                    section[key + "#ministry"] = clean(ministry)
                    if not ({"code", "name"} & set(mapping.values())) and "component" not in mapping.values():
                        raise CatalogError("no_header", file=path.name, sheet=sheet or None, row=number)
                else:
                    titles.setdefault(key, []).extend(v for v in values if v)
                    if number > HEADER_SEARCH_ROWS:
                        current[key] = ({}, SourceReport(file=path.name, sheet=sheet, kind="bảng"))
                        self.reports.append(current[key][1])
                        current[key][1].rows = number
                        current[key][1].skipped.append({"row": where, "reason": "không tìm thấy dòng tiêu đề "
                                                        f"trong {HEADER_SEARCH_ROWS} dòng đầu; bỏ qua trang tính"})
                continue
            mapping, report = current[key]
            report.rows += 1
            if not mapping:
                continue
            record = {f: (values[i] if i < len(values) else "") for i, f in mapping.items()}
            filled = [v for v in values if str(v).strip()]
            if not filled:
                report.blank += 1
                continue
            if _is_section_heading(filled, record):
                report.headings += 1
                section[key] = _section_name(filled[0])
                continue
            if not record.get("field") and section.get(key):
                record["field"] = section[key]
            if not record.get("ministry") and section.get(key + "#ministry"):
                record["ministry"] = section[key + "#ministry"]
            if "component" in mapping.values():
                code = record.get("code") or last_code.get(key, "")
                if record.get("code") and code not in self.procedures:
                    code = self.add_procedure({**record, "name": record.get("name", "")}, report, where) or ""
                if not code:
                    report.skipped.append({"row": where, "reason": "thành phần không gắn được với thủ tục nào"})
                    continue
                last_code[key] = code
                quantity = record.get("quantity", "") or _quantity(record)
                text = record.get("component", "")
                kind = classify(text)
                if kind != "component":
                    report.notes += 1
                    self.notes.append({"procedure_code": code, "kind": kind, "text": clean(text), "where": where})
                    continue
                self.add_component(code, text, report, where, quantity=quantity,
                                   copy_form=_contract_copy_form(record.get("copy_form", "")),
                                   document_type=clean(record.get("document_type", "")))
            else:
                code = self.add_procedure(record, report, where)
                if code and record.get("components"):
                    self.add_cell(code, record["components"], report, where)
        for key, title_cells in titles.items():
            if key not in current:
                report = SourceReport(file=path.name, sheet=key, kind="bảng")
                report.skipped.append({"row": f"{path.name}, trang tính {key}",
                                       "reason": "trang tính trống hoặc không có dòng tiêu đề"})
                self.reports.append(report)

    def add_portal_records(self, path: Path, records) -> None:
        from checker.importers.portal_sources import Skipped

        report = SourceReport(file=path.name, kind="json")
        self.reports.append(report)
        for item in records:
            report.rows += 1
            if isinstance(item, Skipped):
                report.skipped.append({"row": item.origin, "reason": item.reason})
                continue
            record = {"code": item.code, "name": item.name, "ministry": item.ministry, "field": item.field,
                      "level": item.level, "agency": item.implementing_agency, "channels": item.channels}
            code = self.add_procedure(record, report, item.origin)
            if not code:
                continue
            for comp in item.components:
                kind = classify(comp.name) if _quantity_is_zero(comp.quantity) else "component"
                if kind != "component" or not comp.name.strip():
                    report.notes += 1
                    self.notes.append({"procedure_code": code, "kind": kind or "note", "text": clean(comp.name),
                                       "where": item.origin})
                    continue
                self.add_component(code, comp.name, report, item.origin, case=comp.case_name,
                                   quantity=comp.quantity)

    # ---------- output ----------
    def write(self, out_dir: Path, reference: Path, mapping: Path | None) -> dict:
        """Write the catalog atomically and return the report dict; the result must load cleanly."""
        out_dir = Path(out_dir)
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".tthc-import-", dir=out_dir.parent))
        try:
            procs = pd.DataFrame(list(self.procedures.values()),
                                 columns=["code", "name", "ministry", "field", "level", "province", "parent_code",
                                          "online_level", "channels", "annual_volume", "implementing_agency",
                                          "origin"])
            known = set(procs["code"])
            procs.loc[~procs["parent_code"].isin(known), "parent_code"] = ""
            procs.drop(columns=["origin"]).to_csv(staging / "procedures.csv", index=False, encoding="utf-8")
            with (staging / "components.csv").open("w", encoding="utf-8", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(COMPONENT_COLUMNS)
                writer.writerows(self.components)
            for name in ("document_types.yaml", "data_sources.yaml"):
                shutil.copy(Path(reference) / name, staging / name)
            if mapping:
                shutil.copy(mapping, staging / "mapping.csv")
            elif (Path(reference) / "mapping.csv").exists():
                shutil.copy(Path(reference) / "mapping.csv", staging / "mapping.csv")
            report = self.report()
            imported = len(procs)
            del procs
            self.components = []            # free before the validating reload below
            self.procedures = {}
            with (staging / "import_report.json").open("w", encoding="utf-8") as fh:
                json.dump(report, fh, ensure_ascii=False, indent=1)
            with (staging / "import_notes.csv").open("w", encoding="utf-8", newline="") as fh:
                pd.DataFrame(self.notes, columns=["procedure_code", "kind", "text", "where"]).to_csv(fh, index=False)
            if imported:
                load_catalog(staging)          # the written catalog must meet the contract
            else:
                raise CatalogError("nothing_imported", file=", ".join(sorted({r.file for r in self.reports})))
            if out_dir.exists():
                backup = out_dir.with_name(out_dir.name + ".old-import")
                shutil.rmtree(backup, ignore_errors=True)
                out_dir.rename(backup)
                staging.rename(out_dir)
                shutil.rmtree(backup, ignore_errors=True)
            else:
                staging.rename(out_dir)
            return report
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def report(self) -> dict:
        sources = []
        for r in self.reports:
            sources.append({"file": r.file, "sheet": r.sheet, "kind": r.kind, "rows_read": r.rows,
                            "header_row": r.header_row,
                            "blank_rows": r.blank, "heading_rows": r.headings, "procedures": r.procedures,
                            "components": r.components, "notes": r.notes, "skipped": r.skipped,
                            "warnings": r.warnings})
        report = {"procedures": len(self.procedures), "components": sum(r.components for r in self.reports),
                  "notes": len(self.notes),
                  "skipped": sum(len(r.skipped) for r in self.reports),
                  "warnings": sum(len(r.warnings) for r in self.reports), "sources": sources}
        if self.pairing is not None:
            report["pairing"] = self.pairing
        return report


_SECTION_MARK = re.compile(r"^\s*[IVXLC]+[.)]\s|^\s*[A-Z][.)]\s|^\s*(PHẦN|Phần|LĨNH VỰC|Lĩnh vực)\b")


def _is_section_heading(filled: list, record: dict) -> bool:
    """A row with one filled cell that is a section title ("I. LĨNH VỰC HỘ TỊCH"), not a record."""
    if len(filled) != 1:
        return False
    if _SECTION_MARK.match(filled[0]):
        return True
    return (not record.get("code") and not record.get("component") and len(filled[0]) < 200
            and classify(filled[0]) != "component")


def _section_name(text: str) -> str:
    """'I. LĨNH VỰC HỘ TỊCH' -> 'HỘ TỊCH': the field of the rows below it."""
    heading = re.sub(r"^\s*(?:[IVXLC]+|[A-Z])[.)]\s*", "", clean(text))
    return re.sub(r"^(?:lĩnh vực|LĨNH VỰC|Lĩnh vực)\s*:?\s*", "", heading).strip()


def _quantity(record: dict) -> str:
    original, copy = record.get("original_count", ""), record.get("copy_count", "")
    parts = []
    if original.strip():
        parts.append(f"{original.strip()} bản chính")
    if copy.strip():
        parts.append(f"{copy.strip()} bản sao")
    return ",".join(parts)


def _quantity_is_zero(quantity: str) -> bool:
    numbers = re.findall(r"(\d+)\s*bản", quantity or "")
    return bool(numbers) and all(int(n) == 0 for n in numbers)


def _copy_form_from_quantity(quantity: str) -> str:
    original = re.search(r"(\d+)\s*bản chính", quantity or "")
    copy = re.search(r"(\d+)\s*bản sao", quantity or "")
    if original and int(original.group(1)) > 0:
        return "original"
    if copy and int(copy.group(1)) > 0:
        return "copy"
    return "unknown"


def _contract_copy_form(raw: str) -> str:
    from checker.catalog import COPY_FORMS

    return COPY_FORMS.get(fold(raw), "") if raw else ""
