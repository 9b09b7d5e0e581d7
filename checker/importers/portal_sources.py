"""Read the public dichvucong.gov.vn crawls into raw procedure records.

Three third-party crawls of the national portal are understood (see
``shared/realdata/README.md`` for their provenance and defects):

* ``chatbot_tthc_archive`` — a tar(.xz) of one JSON per procedure
  (``raw/<ministry-folder>/<mã TTHC>.json``: ``ma_thu_tuc``, ``ten_thu_tuc``,
  ``cap_thuc_hien``, ``linh_vuc``, ``co_quan_thuc_hien``, ``cach_thuc_thuc_hien``,
  ``thanh_phan_ho_so``, ``raw_text`` …). The page was stored with
  ``text_content()``, so every table is *flattened*; `split_flattened_components`
  cuts the dossier table back into rows.
* ``nhdandz_archive`` — a tar(.xz) of structured JSON
  (``extracted_fixed/<mã TTHC>.json``: ``metadata``, ``content``, ``tables``).
  Their component columns are shifted: ``ten_giay_to`` = name, ``so_luong`` =
  form file name(s), ``ghi_chu`` = "Bản chính: N\\nBản sao: M" (the quantity).
* ``mongo_export`` — a MongoDB export (JSON array, or one document per line) of
  the 2021 portal (``title``, ``Cách thức thực hiện``, ``Thành phần hồ sơ`` …),
  no procedure codes.
* ``portal_json`` — a single JSON file holding one record (or a list of records)
  of the chatbot or nhdandz per-procedure shape.

Nothing is dropped silently: `iter_records` yields either a `RawProcedure` or a
`Skipped` (with a Vietnamese reason) for every record, archive member or file
it could not use. Archives are read in streaming mode (``tarfile`` ``r|*``),
never extracted to disk; member content is only parsed as JSON.

Choices (documented so the importer's callers can rely on them):

* Chatbot records: the dossier section is re-cut from ``raw_text`` (between
  "Thành phần hồ sơ" after the "Cách Thức Thực Hiện" table and the
  "Căn cứ pháp lý" heading followed by its table / "Không có thông tin").
  For the crawl in ``shared/realdata`` this equals the crawler's
  ``thanh_phan_ho_so`` field for every record except the 27 whose crawler cut was
  wrong (README: ``recut_from_raw_text:tphs`` / ``tphs_extended``). When the
  markers are missing the ``thanh_phan_ho_so`` field is used as is.
* Duplicate procedure codes inside one file: the first record of the preferred
  layout wins and later ones are yielded as `Skipped` ("trùng mã TTHC …").
  Preferred layout: ``raw/`` for the chatbot shape (that is the layout the
  README parsed, and only it carries ``raw_text`` for re-cutting) and
  ``extracted_fixed/`` for the nhdandz shape. Records from any other folder
  are held back until the end of the archive and only yielded if their code was
  not seen in the preferred layout. (The shipped chatbot archive has only
  ``raw/``; ``extracted_fixed/`` exists only in the nhdandz archive, so no
  duplicates occur in the shipped data.)
* Mongo export: records identical to an earlier one (all fields except
  ``_id``) are yielded as `Skipped` — the README drops these 2 duplicates.
* ``case_name``: a heading that is only dashes ("--", the portal's "no case")
  becomes "".
* ``ministry``: chatbot — from the crawl folder name (``bo-tu-phap`` → "Bộ Tư
  pháp"; the README's ``agency`` column comes from the portal xlsx lists instead
  and may word it differently); nhdandz — "Bộ Quốc phòng" when the decision
  number contains "/QĐ-BQP", else ""; mongo — "".
* ``quantity`` keeps each source's own wording: "1 bản chính",
  "0 bản chính,1 bản sao" (chatbot), "Bản chính: 1; Bản sao: 0" (nhdandz, newline
  shown as "; "), "Bản chính: 1 - Bản sao: 0" (mongo).
"""

from __future__ import annotations

import json
import re
import tarfile
import unicodedata
from dataclasses import dataclass, field as dc_field
from pathlib import Path, PurePosixPath
from typing import Any, Iterator

__all__ = [
    "RawComponent",
    "RawProcedure",
    "Skipped",
    "sniff",
    "iter_records",
    "split_flattened_components",
]


# --------------------------------------------------------------------------- records


@dataclass
class RawComponent:
    name: str  # text as published (NFC, trimmed); may contain line breaks
    quantity: str  # e.g. "1 bản chính", "0 bản chính,1 bản sao", "" if none
    case_name: str  # the case heading ("Trường hợp …", "* Giấy tờ phải nộp:") or ""
    form_file: str = ""  # form file name(s) / link if known, else ""


@dataclass
class RawProcedure:
    code: str  # mã TTHC ("" if the source has none)
    name: str
    ministry: str  # agency / cơ quan ban hành if known, else ""
    field: str
    level: str  # raw label, e.g. "Cấp bộ, Cấp tỉnh"
    implementing_agency: str
    channels: str  # raw submission modes, e.g. "Trực tuyến; Trực tiếp; Dịch vụ bưu chính"
    components: list[RawComponent] = dc_field(default_factory=list)
    origin: str = ""  # "<file>!<member path>" or "<file>#<index>"


@dataclass
class Skipped:
    origin: str
    reason: str  # Vietnamese


# --------------------------------------------------------------------------- text helpers

_MAX_MEMBER_BYTES = 64 * 1024 * 1024  # a per-procedure JSON is ~10-50 kB
_MAX_JSON_FILE_BYTES = 512 * 1024 * 1024
_SNIFF_MAX_MEMBERS = 200


def _s(value: Any) -> str:
    """NFC + trim; None and non-strings become "" / their str()."""
    if value is None:
        return ""
    if not isinstance(value, str):
        value = str(value)
    return unicodedata.normalize("NFC", value).strip()


def _is_dash_residue(text: str) -> bool:
    return bool(re.fullmatch(r"[-–—\s]*", text))


# --------------------------------------------------------------------------- flattened table splitting

TABLE_HEADER = "Tên giấy tờMẫu đơn, tờ khaiSố lượng"
# A quantity cell "<d> bản chính" or "<d> bản chính,<m> bản sao". The whole digit run is
# captured so that rejection rules see it; only its last digit is the quantity.
_QTY_CELL = re.compile(r"(\d+) bản chính(?:,(\d+) bản sao)?")


def _accept_qty(text: str, m: re.Match) -> bool:
    """README rule 2: reject in-text mentions of "… bản chính"."""
    start = m.start(1)
    digits = m.group(1)
    before = text[start - 1] if start > 0 else ""
    if before == "(":  # "(01 bản chính)"
        return False
    # "nộp 01 bản chính", or a cell that starts "01 bản chính Báo cáo …" (start of the table body)
    if len(digits) >= 2 and digits[0] == "0" and before in ("", " ", ":"):
        return False
    after = text[m.end(): m.end() + 2]
    if len(after) == 2 and after[0] == " " and after[1].islower():  # "1 bản chính và …"
        return False
    return True


def _quantity_cells(body: str) -> list[tuple[int, int, str]]:
    """(name_end, cell_end, quantity) for each accepted quantity cell in a table body."""
    cells = []
    for m in _QTY_CELL.finditer(body):
        if not _accept_qty(body, m):
            continue
        digit_pos = m.end(1) - 1  # only the last digit belongs to the cell
        qty = f"{body[digit_pos]} bản chính"
        if m.group(2) is not None:
            qty += f",{m.group(2)} bản sao"
        cells.append((digit_pos, m.end(), qty))
    return cells


def _case_heading(text: str) -> str:
    text = _s(text)
    return "" if _is_dash_residue(text) else text


def split_flattened_components(text: str) -> list[RawComponent]:
    """Cut the chatbot crawl's flattened "Thành phần hồ sơ" text into component rows.

    The README's algorithm:

    1. split on the table header "Tên giấy tờMẫu đơn, tờ khaiSố lượng"; the text
       before a header is that table's case heading ("--" = no case → "");
    2. inside a table a row ends at its quantity cell "<d> bản chính" or
       "<d> bản chính,<m> bản sao". In-text mentions are not cells: preceded by "(",
       zero-padded after a space/colon or at the start of the table body
       ("nộp 01 bản chính", "01 bản chính Báo cáo …"), or followed by a space and a
       lower-case word. Only the last digit before " bản chính" is the quantity
       (the cell is glued to the name: "…Nghị định 116" + "1 bản chính"). Limits kept
       as in the oracle: a name ending in "0…" glued to its cell ("Mẫu số 01" + "2 bản
       chính") is read as a mention, and a zero-padded mention glued right after the
       previous cell ("…1 bản sao" + "01 bản chính Biên bản …") yields a row named "0";
    3. text after the last cell of a table is the next table's case heading; after the
       last table it is kept as a row without quantity, unless it is only "--".

    Text without any table header holds no table: the result is [].
    """
    text = unicodedata.normalize("NFC", text or "")
    parts = text.split(TABLE_HEADER)
    if len(parts) < 2:
        return []
    rows: list[RawComponent] = []
    heading = _case_heading(parts[0])
    last = len(parts) - 1
    for i in range(1, len(parts)):
        body = parts[i]
        pos = 0
        for name_end, cell_end, qty in _quantity_cells(body):
            rows.append(RawComponent(name=_s(body[pos:name_end]), quantity=qty, case_name=heading))
            pos = cell_end
        rest = body[pos:]
        if i < last:
            heading = _case_heading(rest)
        elif not _is_dash_residue(rest):
            rows.append(RawComponent(name=_s(rest), quantity="", case_name=heading))
    return rows


# --------------------------------------------------------------------------- chatbot shape

_CHATBOT_KEYS = ("ma_thu_tuc", "ten_thu_tuc", "thanh_phan_ho_so")
_MINISTRY_BY_FOLDER = {
    "bo-cong-an": "Bộ Công an",
    "bo-nong-nghiep-mt": "Bộ Nông nghiệp và Môi trường",
    "bo-tai-chinh": "Bộ Tài chính",
    "bo-tu-phap": "Bộ Tư pháp",
    "bo-xay-dung": "Bộ Xây dựng",
    "ngan-hang-nha-nuoc": "Ngân hàng Nhà nước Việt Nam",
    "toa-an-nhan-dan": "Tòa án nhân dân",
}
_MODES = ("Trực tuyến", "Trực tiếp", "Dịch vụ bưu chính")
_MODES_RE = re.compile("|".join(re.escape(m) for m in _MODES))


def _is_chatbot(obj: Any) -> bool:
    return isinstance(obj, dict) and all(k in obj for k in _CHATBOT_KEYS)


def _is_nhdandz(obj: Any) -> bool:
    return (
        isinstance(obj, dict)
        and isinstance(obj.get("metadata"), dict)
        and isinstance(obj.get("tables"), dict)
        and ("mã_thủ_tục" in obj["metadata"] or "tên_thủ_tục" in obj["metadata"])
    )


def _is_mongo(obj: Any) -> bool:
    return isinstance(obj, dict) and "title" in obj and "Thành phần hồ sơ" in obj


# A mode that starts a table row is glued to its time cell ("Trực tuyến7 Ngày làm việc",
# "Trực tuyếnKhông có thông tin"); the same words inside a description ("- Trực tiếp: nộp …")
# are not rows.
_MODE_ROW_RE = re.compile(f"(?:{_MODES_RE.pattern})(?=\\d|Không có thông tin)")


def _modes_in(text: str) -> str:
    """Submission modes of a flattened "Cách thức thực hiện" table, in order of their rows.

    Modes are recognised where they start a row; when no row start is recognisable
    (every time cell holds free text), every mention counts.
    """
    for pattern in (_MODE_ROW_RE, _MODES_RE):
        seen = list(dict.fromkeys(m.group(0) for m in pattern.finditer(text)))
        if seen:
            return "; ".join(seen)
    return ""


def _tphs_from_raw_text(raw: str) -> str | None:
    """The dossier section cut from the page text, or None when the markers are missing."""
    i = raw.find("Cách Thức Thực Hiện")
    if i < 0:
        return None
    s = raw.find("Thành phần hồ sơ", i)
    if s < 0:
        return None
    s += len("Thành phần hồ sơ")
    m = re.compile(r"Căn cứ pháp lý(?=Tên văn bản pháp lý|Không có thông tin)").search(raw, s)
    if m is None:
        return None
    return raw[s: m.start()]


def _from_chatbot(obj: dict, origin: str, member: str = "") -> RawProcedure | Skipped:
    name = _s(obj.get("ten_thu_tuc"))
    if not name:
        return Skipped(origin, "bản ghi không có tên thủ tục")
    code = _s(obj.get("ma_thu_tuc"))
    folder = PurePosixPath(member).parent.name if member else ""
    raw_text = obj.get("raw_text")
    tphs = _tphs_from_raw_text(unicodedata.normalize("NFC", raw_text)) if isinstance(raw_text, str) else None
    if tphs is None:
        tphs = obj.get("thanh_phan_ho_so")
    if not isinstance(tphs, str):
        return Skipped(origin, "trường thanh_phan_ho_so không phải là văn bản")
    return RawProcedure(
        code=code,
        name=name,
        ministry=_MINISTRY_BY_FOLDER.get(folder, ""),
        field=_s(obj.get("linh_vuc")),
        level=_s(obj.get("cap_thuc_hien")),
        implementing_agency=_s(obj.get("co_quan_thuc_hien")),
        channels=_modes_in(_s(obj.get("cach_thuc_thuc_hien"))),
        components=split_flattened_components(tphs),
        origin=origin,
    )


# --------------------------------------------------------------------------- nhdandz shape


def _nhdandz_quantity(value: Any) -> str:
    lines = [_s(x) for x in _s(value).splitlines()]
    return "; ".join(x for x in lines if x)


def _from_nhdandz(obj: dict, origin: str) -> RawProcedure | Skipped:
    meta = obj.get("metadata") or {}
    content = obj.get("content") if isinstance(obj.get("content"), dict) else {}
    tables = obj.get("tables") or {}
    name = _s(meta.get("tên_thủ_tục"))
    if not name:
        return Skipped(origin, "bản ghi không có tên thủ tục")
    rows = tables.get("thanh_phan_ho_so") or []
    if not isinstance(rows, list):
        return Skipped(origin, "tables.thanh_phan_ho_so không phải là danh sách")
    comps = []
    for row in rows:
        if not isinstance(row, dict):
            continue
        comps.append(RawComponent(
            name=_s(row.get("ten_giay_to")),
            quantity=_nhdandz_quantity(row.get("ghi_chu")),
            case_name="",
            form_file=_s(row.get("so_luong")),  # shifted column: holds the form file name(s)
        ))
    modes = []
    for mode in tables.get("hinh_thuc_nop") or []:
        if isinstance(mode, dict):
            value = _s(mode.get("hinh_thuc"))
            if value and value not in modes:
                modes.append(value)
    decision = _s(meta.get("số_quyết_định"))
    return RawProcedure(
        code=_s(meta.get("mã_thủ_tục")) or _s(obj.get("thu_tuc_id")),
        name=name,
        ministry="Bộ Quốc phòng" if "/QĐ-BQP" in decision.replace(" ", "") else "",
        field=_s(meta.get("lĩnh_vực")),
        level=_s(meta.get("cấp_thực_hiện")),
        implementing_agency=_s(content.get("cơ_quan_thực_hiện")),
        channels="; ".join(modes),
        components=comps,
        origin=origin,
    )


# --------------------------------------------------------------------------- mongo export shape


def _form_link(value: Any) -> str:
    link = _s(value)
    return "" if link.endswith("=") else link  # "…download_file.jsp?ma=" is an empty link


def _from_mongo(obj: dict, origin: str) -> RawProcedure | Skipped:
    name = _s(obj.get("title"))
    if not name:
        return Skipped(origin, "bản ghi không có tên thủ tục")
    rows = obj.get("Thành phần hồ sơ") or []
    if not isinstance(rows, list):
        return Skipped(origin, "trường 'Thành phần hồ sơ' không phải là danh sách")
    comps = [
        RawComponent(
            name=_s(row.get("Tên giấy tờ")),
            quantity=_s(row.get("Số lượng - bản chính")),
            case_name="",
            form_file=_form_link(row.get("Mẫu đơn, tờ khai")),
        )
        for row in rows
        if isinstance(row, dict)
    ]
    modes = []
    ways = obj.get("Cách thức thực hiện")
    for way in ways if isinstance(ways, list) else []:
        if isinstance(way, dict):
            value = _s(way.get("Hình thức nộp"))
            if value and value not in modes:
                modes.append(value)
    return RawProcedure(
        code="",
        name=name,
        ministry="",
        field="",
        level="",
        implementing_agency=_s(obj.get("Cơ quan thực hiện")),
        channels="; ".join(modes),
        components=comps,
        origin=origin,
    )


# --------------------------------------------------------------------------- container detection

_COMPRESSED_MAGIC = (b"\xfd7zXZ\x00", b"\x1f\x8b", b"BZh")


def _container(path: Path) -> str | None:
    """'tar' | 'json' | None, from the first bytes of the file."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(512)
    except OSError:
        return None
    if head.startswith(_COMPRESSED_MAGIC) or head[257:262] == b"ustar":
        return "tar"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped[:1] in (b"{", b"["):
        return "json"
    return None


def _shape(obj: Any) -> str | None:
    if _is_chatbot(obj):
        return "chatbot"
    if _is_nhdandz(obj):
        return "nhdandz"
    if _is_mongo(obj):
        return "mongo"
    return None


def _decode_json(data: bytes) -> Any:
    return json.loads(data.decode("utf-8-sig"))


def _load_json_file(path: Path) -> tuple[Any, str]:
    """(document, 'json') or (list of documents, 'jsonl'); raises ValueError/OSError."""
    size = path.stat().st_size
    if size > _MAX_JSON_FILE_BYTES:
        raise ValueError(f"tệp quá lớn ({size} byte)")
    data = path.read_bytes()
    try:
        return _decode_json(data), "json"
    except json.JSONDecodeError as first_error:
        # mongoexport's default output: one JSON document per line.
        docs = []
        try:
            for line in data.decode("utf-8-sig").splitlines():
                if line.strip():
                    docs.append(json.loads(line))
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise first_error from None
        if len(docs) < 2:
            raise first_error
        return docs, "jsonl"


def _json_kind(doc: Any) -> str | None:
    items = doc if isinstance(doc, list) else [doc]
    first = next((x for x in items if isinstance(x, dict)), None)
    shape = _shape(first)
    if shape == "mongo":
        return "mongo_export"
    if shape in ("chatbot", "nhdandz"):
        return "portal_json"
    return None


def sniff(path: Path) -> str | None:
    """'chatbot_tthc_archive' | 'nhdandz_archive' | 'mongo_export' | 'portal_json' | None.

    Decided by content: an archive is opened (streaming) and its first JSON member
    parsed; a JSON file is parsed and its top-level shape looked at. Anything
    unreadable, empty or of another shape gives None; never raises.
    """
    path = Path(path)
    kind = _container(path)
    if kind == "tar":
        try:
            with tarfile.open(path, mode="r|*") as tar:
                for n, member in enumerate(tar):
                    if n >= _SNIFF_MAX_MEMBERS:
                        break
                    if not member.isfile() or not member.name.lower().endswith(".json"):
                        continue
                    if member.size > _MAX_MEMBER_BYTES:
                        continue
                    fh = tar.extractfile(member)
                    try:
                        doc = _decode_json(fh.read()) if fh else None
                    except (ValueError, UnicodeDecodeError):
                        continue
                    shape = _shape(doc)
                    if shape == "chatbot":
                        return "chatbot_tthc_archive"
                    if shape == "nhdandz":
                        return "nhdandz_archive"
                    return None
        except (tarfile.TarError, OSError, EOFError, ValueError):
            return None
        return None
    if kind == "json":
        try:
            doc, _ = _load_json_file(path)
        except (OSError, ValueError, UnicodeDecodeError):
            return None
        return _json_kind(doc)
    return None


# --------------------------------------------------------------------------- iteration


def _record(obj: Any, origin: str, member: str = "") -> RawProcedure | Skipped:
    shape = _shape(obj)
    if shape == "chatbot":
        return _from_chatbot(obj, origin, member)
    if shape == "nhdandz":
        return _from_nhdandz(obj, origin)
    if shape == "mongo":
        return _from_mongo(obj, origin)
    return Skipped(origin, "JSON không có cấu trúc thủ tục đã biết (chatbot_tthc / nhdandz / MongoDB)")


def _preferred(member: str, obj: Any) -> bool:
    """Is this archive member in the layout that wins for duplicate codes?"""
    parts = PurePosixPath(member).parts
    if _is_chatbot(obj):
        return "raw" in parts
    if _is_nhdandz(obj):
        return "extracted_fixed" in parts
    return True


def _iter_archive(path: Path) -> Iterator[RawProcedure | Skipped]:
    src = str(path)
    seen: dict[str, str] = {}  # code -> origin of the record that won
    deferred: list[tuple[str, RawProcedure]] = []
    try:
        with tarfile.open(path, mode="r|*") as tar:
            for member in tar:
                origin = f"{src}!{member.name}"
                if member.isdir():
                    continue
                if not member.isfile():
                    yield Skipped(origin, "thành phần của tệp nén không phải là tệp thường (liên kết/thiết bị)")
                    continue
                if not member.name.lower().endswith(".json"):
                    yield Skipped(origin, "thành phần của tệp nén không phải JSON")
                    continue
                if member.size > _MAX_MEMBER_BYTES:
                    yield Skipped(origin, f"tệp JSON quá lớn ({member.size} byte)")
                    continue
                fh = tar.extractfile(member)
                try:
                    doc = _decode_json(fh.read() if fh else b"")
                except (ValueError, UnicodeDecodeError) as exc:
                    yield Skipped(origin, f"không đọc được JSON: {exc}")
                    continue
                docs = doc if isinstance(doc, list) else [doc]
                if not docs:
                    yield Skipped(origin, "tệp JSON là danh sách rỗng")
                for k, item in enumerate(docs):
                    item_origin = origin if not isinstance(doc, list) else f"{origin}#{k}"
                    rec = _record(item, item_origin, member.name)
                    if isinstance(rec, Skipped):
                        yield rec
                        continue
                    if not _preferred(member.name, item):
                        deferred.append((member.name, rec))
                        continue
                    if rec.code and rec.code in seen:
                        yield Skipped(item_origin, f"trùng mã TTHC {rec.code} với {seen[rec.code]} (giữ bản ghi đó)")
                        continue
                    if rec.code:
                        seen[rec.code] = item_origin
                    yield rec
    except (tarfile.TarError, OSError, EOFError, ValueError) as exc:
        yield Skipped(src, f"không đọc được tệp nén (hỏng hoặc không đầy đủ): {exc}")
    for _member, rec in deferred:
        if rec.code and rec.code in seen:
            yield Skipped(rec.origin, f"trùng mã TTHC {rec.code} với {seen[rec.code]} (ưu tiên bố cục ưu tiên của nguồn)")
            continue
        if rec.code:
            seen[rec.code] = rec.origin
        yield rec


def _iter_json_file(path: Path) -> Iterator[RawProcedure | Skipped]:
    src = str(path)
    try:
        doc, fmt = _load_json_file(path)
    except (ValueError, UnicodeDecodeError) as exc:
        yield Skipped(src, f"không đọc được JSON: {exc}")
        return
    except OSError as exc:
        yield Skipped(src, f"không mở được tệp: {exc}")
        return
    if isinstance(doc, list) and not doc:
        yield Skipped(src, "tệp JSON là danh sách rỗng: không có bản ghi nào")
        return
    if _json_kind(doc) is None:
        yield Skipped(src, "JSON không có cấu trúc thủ tục đã biết (chatbot_tthc / nhdandz / MongoDB)")
        return
    if not isinstance(doc, list):
        yield _record(doc, src)
        return
    seen_codes: dict[str, str] = {}
    seen_mongo: dict[str, str] = {}
    for k, item in enumerate(doc):
        origin = f"{src}#{k}"
        if _is_mongo(item):
            key = json.dumps({a: b for a, b in item.items() if a != "_id"}, sort_keys=True, ensure_ascii=False)
            if key in seen_mongo:
                yield Skipped(origin, f"bản ghi trùng hoàn toàn với {seen_mongo[key]} (chỉ khác _id)")
                continue
            seen_mongo[key] = origin
        rec = _record(item, origin)
        if isinstance(rec, RawProcedure) and rec.code:
            if rec.code in seen_codes:
                yield Skipped(origin, f"trùng mã TTHC {rec.code} với {seen_codes[rec.code]} (giữ bản ghi đó)")
                continue
            seen_codes[rec.code] = origin
        yield rec


def iter_records(path: Path) -> Iterator[RawProcedure | Skipped]:
    """Every procedure record in the file, or a `Skipped` with the reason.

    Nothing is dropped silently: unreadable files/archives, non-JSON or unparsable
    archive members, records of an unknown shape or without a name, duplicates and
    an empty JSON list each give a `Skipped`. Never raises for bad content.
    """
    path = Path(path)
    kind = _container(path)
    if kind == "tar":
        yield from _iter_archive(path)
    elif kind == "json":
        yield from _iter_json_file(path)
    elif not path.exists():
        yield Skipped(str(path), "không tìm thấy tệp")
    else:
        yield Skipped(str(path), "không nhận ra định dạng tệp (không phải tệp nén tar hay JSON)")
