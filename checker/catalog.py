"""Load a catalog folder, map Vietnamese labels to codes, and enforce its contract.

The result is a `Catalog`: two validated DataFrames (procedures, components)
plus the document types and data sources. Any breach raises `CatalogError`
naming file, row and column before anything downstream runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml

from checker import yamlio
from pydantic import TypeAdapter, ValidationError

from checker.distinct import map_distinct
from checker.errors import CatalogError
from checker.model import (ComponentRow, DataSource, DataSourcesFile, DocumentType,
                           DocumentTypesFile, ProcedureRow)
from checker.tables import ROW_COLUMN, find_table, read_table
from checker.text import clean, copy_form_from_text, fold

PROCEDURE_REQUIRED = ("code", "name", "ministry", "level")
PROCEDURE_OPTIONAL = ("field", "province", "parent_code", "online_level", "channels", "annual_volume",
                      "implementing_agency")
COMPONENT_REQUIRED = ("procedure_code", "seq", "name")
COMPONENT_OPTIONAL = ("copy_form", "quantity", "document_type")

# Labels accepted for each coded column, keyed by folded text (diacritics-insensitive).
LEVELS = {"central": "central", "cap bo": "central", "cap trung uong": "central", "trung uong": "central",
          "bo": "central", "provincial": "provincial", "cap tinh": "provincial", "tinh": "provincial",
          "commune": "commune", "cap xa": "commune", "xa": "commune"}
ONLINE = {"full": "full", "toan trinh": "full", "truc tuyen toan trinh": "full", "dvc toan trinh": "full",
          "partial": "partial", "mot phan": "partial", "truc tuyen mot phan": "partial", "dvc mot phan": "partial",
          "none": "none", "": "none", "khong": "none"}
CHANNELS = {"direct": "direct", "truc tiep": "direct", "online": "online", "truc tuyen": "online",
            "post": "post", "buu chinh": "post", "dich vu buu chinh": "post", "buu chinh cong ich": "post"}
COPY_FORMS = {"original": "original", "ban chinh": "original", "ban goc": "original",
              "copy": "copy", "ban sao": "copy", "certified copy": "certified_copy",
              "certified_copy": "certified_copy", "ban sao co chung thuc": "certified_copy",
              "ban sao chung thuc": "certified_copy", "ban sao duoc chung thuc": "certified_copy",
              "photocopy": "photocopy", "ban chup": "photocopy", "unknown": "unknown",
              "ban chinh ban sao": "original"}


@dataclass
class Catalog:
    """A validated catalog; DataFrames carry codes, never raw labels."""

    folder: Path
    procedures: pd.DataFrame
    components: pd.DataFrame
    document_types: dict[str, DocumentType]
    data_sources: dict[str, DataSource]
    min_coverage: float
    files: dict[str, str] = field(default_factory=dict)


def _fail_first(frame: pd.DataFrame, bad: pd.Series, file: str, column: str, key: str, **details):
    if bad.any():
        first = frame.loc[bad].iloc[0]
        raise CatalogError(key, file=file, sheet=frame.attrs.get("sheet"), row=int(first[ROW_COLUMN]),
                           column=column, value=str(first.get(column, "")), **details)


def _map_labels(frame: pd.DataFrame, column: str, mapping: dict, file: str) -> None:
    mapped = pd.Series(map_distinct(frame[column], lambda v: mapping.get(fold(v))), index=frame.index, dtype=object)
    _fail_first(frame, mapped.isna(), file, column, "bad_label",
                accepted=", ".join(sorted(set(mapping.values()))))
    frame[column] = mapped


def _map_channels(frame: pd.DataFrame, file: str) -> None:
    def convert(text: str):
        parts = [fold(p) for p in re.split(r"[;,/|\n]| va ", text) if p.strip()]
        codes = [CHANNELS.get(p) for p in parts]
        return None if any(c is None for c in codes) else ";".join(sorted(set(codes)))

    mapped = pd.Series(map_distinct(frame["channels"], convert), index=frame.index, dtype=object)
    _fail_first(frame, mapped.isna(), file, "channels", "bad_label",
                accepted="direct, online, post (trực tiếp, trực tuyến, bưu chính)")
    frame["channels"] = mapped


def records(frame: pd.DataFrame, columns) -> list[dict]:
    """Rows as dicts, built from column lists (pandas' to_dict is slow on string columns)."""
    columns = list(columns)
    return [dict(zip(columns, values)) for values in zip(*(frame[c].tolist() for c in columns))]


def _validate_rows(frame: pd.DataFrame, model, columns, file: str, distinct: tuple = ()) -> None:
    """Run the pydantic row model; the first failure names its row and column.

    With `distinct`, only one row per distinct combination of those columns is
    validated (the free-text columns were already checked vectorially): at
    national scale this is thousands of rows instead of 400,000.
    """
    if distinct:
        frame = frame.drop_duplicates(list(distinct))
    records_ = records(frame, columns)
    if model is ComponentRow:
        for rec in records_:
            rec["seq"] = int(rec["seq"])
    else:
        for rec in records_:
            rec["channels"] = tuple(rec["channels"].split(";")) if rec["channels"] else ()
            rec["annual_volume"] = None if rec["annual_volume"] == "" else int(rec["annual_volume"])
    try:
        _adapter(model).validate_python(records_)
    except ValidationError as exc:
        err = exc.errors()[0]
        index, column = err["loc"][0], str(err["loc"][1]) if len(err["loc"]) > 1 else ""
        raise CatalogError("invalid_value", file=file, sheet=frame.attrs.get("sheet"),
                           row=int(frame[ROW_COLUMN].iloc[index]), column=column,
                           value=str(err.get("input", ""))[:80], reason=err["msg"]) from exc


_ADAPTERS: dict = {}


def _adapter(model) -> TypeAdapter:
    if model not in _ADAPTERS:
        _ADAPTERS[model] = TypeAdapter(list[model])
    return _ADAPTERS[model]


def load_procedures(path: Path) -> pd.DataFrame:
    file = path.name
    frame = read_table(path, PROCEDURE_REQUIRED, PROCEDURE_OPTIONAL)
    for col in ("code", "name", "ministry", "field", "province", "parent_code", "implementing_agency"):
        frame[col] = map_distinct(frame[col], clean)
    for col in ("code", "name", "ministry"):
        _fail_first(frame, frame[col] == "", file, col, "required_value")
    _map_labels(frame, "level", LEVELS, file)
    _map_labels(frame, "online_level", ONLINE, file)
    _map_channels(frame, file)
    volume = frame["annual_volume"].str.replace(r"[\s.,]", "", regex=True)
    _fail_first(frame, (volume != "") & ~volume.str.fullmatch(r"\d+"), file, "annual_volume", "not_integer")
    frame["annual_volume"] = volume
    dup = frame["code"].duplicated(keep="first")
    if dup.any():
        code = frame.loc[dup, "code"].iloc[0]
        first_row = int(frame.loc[frame["code"] == code, ROW_COLUMN].iloc[0])
        _fail_first(frame, dup, file, "code", "duplicate_code", first_row=first_row)
    _validate_rows(frame, ProcedureRow, ("code", "name", "ministry", "field", "level", "province",
                                         "parent_code", "online_level", "channels", "annual_volume",
                                         "implementing_agency"), file,
                   distinct=("level", "online_level", "channels"))
    known = set(frame["code"])
    _fail_first(frame, (frame["parent_code"] != "") & ~frame["parent_code"].isin(known), file,
                "parent_code", "unknown_parent")
    _fail_first(frame, frame["parent_code"] == frame["code"], file, "parent_code", "self_parent")
    frame["annual_volume"] = pd.to_numeric(frame["annual_volume"].replace("", None), errors="coerce").astype("Int64")
    return frame


def load_mapping(path: Path, doc_ids: set[str]) -> dict[str, str]:
    """Reviewed answers: folded component text -> document type; a reviewed row stays decided."""
    if not path.exists():
        return {}
    frame = read_table(path, ("text", "document_type"), ("count", "candidates", "note", "reviewer"),
                       allow_no_rows=True)
    frame = frame[frame["document_type"] != ""]
    _fail_first(frame, ~frame["document_type"].isin(doc_ids), path.name, "document_type", "unknown_document_type")
    mapping: dict[str, str] = {}
    for text, doc_id, row in zip(frame["text"].tolist(), frame["document_type"].tolist(),
                                 frame[ROW_COLUMN].tolist()):
        key = fold(text)
        if mapping.get(key, doc_id) != doc_id:
            raise CatalogError("mapping_conflict", file=path.name, row=int(row), column="document_type",
                               value=text[:80])
        mapping[key] = doc_id
    return mapping


def load_components(path: Path, procedure_codes: set[str], doc_ids: set[str],
                    mapping: dict[str, str] | None = None) -> pd.DataFrame:
    file = path.name
    # A procedure list without dossier details (the portal's list exports) is a valid catalog.
    frame = read_table(path, COMPONENT_REQUIRED, COMPONENT_OPTIONAL, allow_no_rows=True)
    for col in ("procedure_code", "name", "quantity", "document_type"):
        frame[col] = map_distinct(frame[col], clean)
    for col in ("procedure_code", "name"):
        _fail_first(frame, frame[col] == "", file, col, "required_value")
    _fail_first(frame, ~frame["seq"].str.fullmatch(r"\d{1,6}"), file, "seq", "not_integer")
    _fail_first(frame, ~frame["procedure_code"].isin(procedure_codes), file, "procedure_code", "unknown_procedure")
    given = pd.Series(map_distinct(frame["copy_form"], lambda v: COPY_FORMS.get(fold(v))), index=frame.index,
                      dtype=object)
    _fail_first(frame, (frame["copy_form"] != "") & given.isna(), file, "copy_form", "bad_label",
                accepted="original, copy, certified_copy, photocopy, unknown (bản chính, bản sao, "
                         "bản sao có chứng thực, bản chụp)")
    derived = pd.Series(map_distinct(frame["name"], copy_form_from_text), index=frame.index, dtype=object)
    frame["copy_form_source"] = "given"
    from_text = given.isna() | (given == "unknown")
    frame.loc[from_text, "copy_form_source"] = "text"
    frame["copy_form"] = given.where(~from_text, derived)
    _fail_first(frame, (frame["document_type"] != "") & ~frame["document_type"].isin(doc_ids), file,
                "document_type", "unknown_document_type")
    frame["document_type_source"] = ["catalog" if d else "" for d in frame["document_type"].tolist()]
    if mapping:
        mapped = map_distinct(frame["name"], lambda n: mapping.get(fold(n), ""))
        filled = [d or m for d, m in zip(frame["document_type"].tolist(), mapped)]
        frame["document_type_source"] = [src or ("mapping" if f else "") for src, f in
                                         zip(frame["document_type_source"].tolist(), filled)]
        frame["document_type"] = filled
    dup = frame.duplicated(["procedure_code", "seq"], keep="first")
    _fail_first(frame, dup, file, "seq", "duplicate_seq")
    _validate_rows(frame, ComponentRow, ("procedure_code", "seq", "name", "copy_form", "quantity",
                                         "document_type"), file, distinct=("seq", "copy_form", "document_type"))
    frame["seq"] = frame["seq"].astype(int)
    return frame


def _load_yaml(path: Path, model):
    if not path.exists():
        raise CatalogError("missing_file", file=str(path))
    try:
        with path.open(encoding="utf-8-sig") as fh:
            data = yamlio.load(fh)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        mark = getattr(exc, "problem_mark", None)
        raise CatalogError("yaml_unreadable", file=path.name, row=(mark.line + 1) if mark else None,
                           reason=str(getattr(exc, "problem", exc))) from exc
    if data is None:
        raise CatalogError("empty_file", file=path.name)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise CatalogError("invalid_value", file=path.name, column=where,
                           value=str(err.get("input", ""))[:80], reason=err["msg"]) from exc


def load_reference(folder: Path) -> tuple[dict[str, DocumentType], dict[str, DataSource], float]:
    sources_file = _load_yaml(folder / "data_sources.yaml", DataSourcesFile)
    types_file = _load_yaml(folder / "document_types.yaml", DocumentTypesFile)
    sources = {s.id: s for s in sources_file.sources}
    type_ids = {d.id for d in types_file.document_types}
    for index, doc in enumerate(types_file.document_types):
        for source_id in doc.data_sources:
            if source_id not in sources:
                raise CatalogError("unknown_source", file="document_types.yaml",
                                   column=f"document_types.{index}.data_sources", value=source_id)
        for doc_id in doc.alternatives:
            if doc_id not in type_ids:
                raise CatalogError("unknown_document_type", file="document_types.yaml",
                                   column=f"document_types.{index}.alternatives", value=doc_id)
    return {d.id: d for d in types_file.document_types}, sources, sources_file.min_coverage


def load_catalog(folder: Path) -> Catalog:
    """Read and validate every table of the catalog folder."""
    folder = Path(folder)
    if not folder.is_dir():
        raise CatalogError("missing_folder", file=str(folder))
    doc_types, sources, min_coverage = load_reference(folder)
    proc_path = find_table(folder, "procedures")
    comp_path = find_table(folder, "components")
    procedures = load_procedures(proc_path)
    mapping = load_mapping(folder / "mapping.csv", set(doc_types))
    components = load_components(comp_path, set(procedures["code"]), set(doc_types), mapping)
    return Catalog(folder=folder, procedures=procedures, components=components,
                   document_types=doc_types, data_sources=sources, min_coverage=min_coverage,
                   files={"procedures": proc_path.name, "components": comp_path.name})
