"""checker.importers.portal_sources: the three public portal crawls → raw procedure records.

The oracle is ../shared/realdata/{procedures,components}.csv, made from the same raw files
with the README's algorithm; it is read in place, never copied into the project.
"""

from __future__ import annotations

import io
import json
import tarfile
import time
from pathlib import Path

import pandas as pd
import pytest

from checker.importers.portal_sources import (
    RawComponent,
    RawProcedure,
    Skipped,
    iter_records,
    sniff,
    split_flattened_components,
)

SHARED = Path(__file__).resolve().parents[2] / "shared"
REAL = SHARED / "realdata"
RAW = REAL / "raw"
SOURCES = {
    # oracle `source` column -> (raw file, sniff kind)
    "chatbot-tthc/chatbot_tthc": (RAW / "chatbot-tthc__chatbot_tthc" / "data_raw_json.tar.xz", "chatbot_tthc_archive"),
    "nhdandz/ThuTucHanhChinh": (RAW / "nhdandz__ThuTucHanhChinh" / "data_extracted_fixed.tar.xz", "nhdandz_archive"),
    "trannguyenhan/dichvucong_7sins": (RAW / "trannguyenhan__dichvucong_7sins" / "databases_data.json", "mongo_export"),
}
PREFIX = {"chatbot-tthc/chatbot_tthc": "chatbot_tthc:", "nhdandz/ThuTucHanhChinh": "nhdandz:",
          "trannguyenhan/dichvucong_7sins": "7sins:"}

have_realdata = pytest.mark.skipif(
    not ((REAL / "procedures.csv").exists() and (REAL / "components.csv").exists()
         and all(p.exists() for p, _ in SOURCES.values())),
    reason="shared/realdata (public portal crawls) not available",
)

H = "Tên giấy tờMẫu đơn, tờ khaiSố lượng"


def rows(comps: list[RawComponent]) -> list[tuple[str, str, str]]:
    return [(c.name, c.quantity, c.case_name) for c in comps]


# --------------------------------------------------------------------------- splitting (hand-written)


def test_split_simple_table_without_case():
    text = "--" + H + "Tờ khai đăng ký1 bản chínhBản sao Giấy khai sinh0 bản chính,1 bản sao"
    assert rows(split_flattened_components(text)) == [
        ("Tờ khai đăng ký", "1 bản chính", ""),
        ("Bản sao Giấy khai sinh", "0 bản chính,1 bản sao", ""),
    ]


def test_split_glued_number_keeps_only_last_digit():
    text = ("--" + H + "Quyết định giao đất theo Nghị định 1161 bản chính"
            "Tờ khai theo Thông tư số 02/2026/TT-BNNMT ngày 01/01/20261 bản chính,1 bản sao")
    assert rows(split_flattened_components(text)) == [
        ("Quyết định giao đất theo Nghị định 116", "1 bản chính", ""),
        ("Tờ khai theo Thông tư số 02/2026/TT-BNNMT ngày 01/01/2026", "1 bản chính,1 bản sao", ""),
    ]


def test_split_in_text_mentions_do_not_end_a_row():
    text = (H + "01 bản chính Báo cáo đề xuất theo Mẫu số 22đ0 bản chính,1 bản sao"
            "Đơn đề nghị (01 bản chính)1 bản chính"
            "Giấy tờ phải nộp 01 bản chính.1 bản chính"
            "Hợp đồng gồm 1 bản chính và 1 bản sao1 bản chính")
    assert rows(split_flattened_components(text)) == [
        ("01 bản chính Báo cáo đề xuất theo Mẫu số 22đ", "0 bản chính,1 bản sao", ""),
        ("Đơn đề nghị (01 bản chính)", "1 bản chính", ""),
        ("Giấy tờ phải nộp 01 bản chính.", "1 bản chính", ""),
        ("Hợp đồng gồm 1 bản chính và 1 bản sao", "1 bản chính", ""),
    ]


def test_split_zero_padded_glued_quantity_is_an_in_text_mention():
    # Known limit of the README rule: "Mẫu số 01" + cell "2 bản chính" glue to " 012 bản chính", a
    # zero-padded run after a space, so it is taken as an in-text mention and the row runs on.
    text = H + "Đơn theo Mẫu số 012 bản chínhTờ khai1 bản chính"
    assert rows(split_flattened_components(text)) == [("Đơn theo Mẫu số 012 bản chínhTờ khai", "1 bản chính", "")]


def test_split_case_headings_and_trailing_row():
    text = ("* Giấy tờ phải nộp:" + H + "Tờ khai1 bản chínhGiấy chứng sinh1 bản chính"
            "Trường hợp ủy quyền:" + H + "Văn bản ủy quyền\ncó chứng thực0 bản chính,1 bản sao"
            "Lưu ý: không phải nộp nếu đã khai thác được từ CSDL")
    assert rows(split_flattened_components(text)) == [
        ("Tờ khai", "1 bản chính", "* Giấy tờ phải nộp:"),
        ("Giấy chứng sinh", "1 bản chính", "* Giấy tờ phải nộp:"),
        ("Văn bản ủy quyền\ncó chứng thực", "0 bản chính,1 bản sao", "Trường hợp ủy quyền:"),
        ("Lưu ý: không phải nộp nếu đã khai thác được từ CSDL", "", "Trường hợp ủy quyền:"),
    ]


def test_split_dash_residue_empty_rows_and_no_table():
    assert rows(split_flattened_components("--" + H + "Tờ khai1 bản chính--")) == [("Tờ khai", "1 bản chính", "")]
    # the portal has empty rows: kept, with their quantity
    assert rows(split_flattened_components(H + "1 bản chínhTờ khai1 bản chính")) == [
        ("", "1 bản chính", ""), ("Tờ khai", "1 bản chính", "")]
    assert split_flattened_components("--") == []
    assert split_flattened_components("") == []
    assert split_flattened_components("KQ.G04.000398") == []


def test_split_normalises_to_nfc():
    nfd = "Tơ\u0300 khai"  # "Tờ khai" decomposed
    assert split_flattened_components(H + nfd + "1 bản chính")[0].name == "Tờ khai"


# --------------------------------------------------------------------------- bad input never raises


def _tar(path: Path, members: dict[str, bytes], mode: str = "w:gz") -> Path:
    with tarfile.open(path, mode) as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def _chatbot_record(code: str, name: str, tphs: str) -> bytes:
    rec = {"ma_thu_tuc": code, "ten_thu_tuc": name, "cap_thuc_hien": "Cấp xã", "linh_vuc": "Hộ tịch",
           "co_quan_thuc_hien": "UBND cấp xã", "cach_thuc_thuc_hien": "Hình thức nộpThời gianPhí, lệ phíMô tả"
           "Trực tuyến1Miễn phíTrực tiếp1Miễn phí", "thanh_phan_ho_so": tphs, "can_cu_phap_ly": "", "raw_text": ""}
    return json.dumps(rec, ensure_ascii=False).encode("utf-8")


def test_corrupt_archive(tmp_path):
    bad = tmp_path / "hong.tar.xz"
    bad.write_bytes(b"\xfd7zXZ\x00" + b"not really xz" * 50)
    assert sniff(bad) is None
    out = list(iter_records(bad))
    assert len(out) == 1 and isinstance(out[0], Skipped) and "tệp nén" in out[0].reason


@have_realdata
def test_truncated_real_archive_yields_records_then_skipped(tmp_path):
    src, _ = SOURCES["nhdandz/ThuTucHanhChinh"]
    cut = tmp_path / "cut.tar.xz"
    cut.write_bytes(src.read_bytes()[:40_000])
    assert sniff(cut) == "nhdandz_archive"  # the first member is intact
    out = list(iter_records(cut))
    assert any(isinstance(x, RawProcedure) for x in out)
    assert isinstance(out[-1], Skipped) and "hỏng hoặc không đầy đủ" in out[-1].reason


def test_archive_members_not_json_or_broken(tmp_path):
    arc = _tar(tmp_path / "a.tar.gz", {
        "raw/bo-tu-phap/1.000001.json": _chatbot_record("1.000001", "Thủ tục A", "--" + H + "Tờ khai1 bản chính"),
        "raw/README.md": b"# not data",
        "raw/bo-tu-phap/1.000002.json": b'{"ma_thu_tuc": "1.000002", ',
        "raw/bo-tu-phap/1.000003.json": b'{"something": "else"}',
        "raw/bo-tu-phap/1.000004.json": _chatbot_record("1.000004", "", "--"),
    })
    assert sniff(arc) == "chatbot_tthc_archive"
    out = list(iter_records(arc))
    assert [type(x).__name__ for x in out] == ["RawProcedure", "Skipped", "Skipped", "Skipped", "Skipped"]
    proc = out[0]
    assert (proc.code, proc.name, proc.ministry, proc.level, proc.channels) == (
        "1.000001", "Thủ tục A", "Bộ Tư pháp", "Cấp xã", "Trực tuyến; Trực tiếp")
    assert proc.origin == f"{arc}!raw/bo-tu-phap/1.000001.json"
    assert rows(proc.components) == [("Tờ khai", "1 bản chính", "")]
    reasons = [x.reason for x in out[1:]]
    assert "không phải JSON" in reasons[0]
    assert reasons[1].startswith("không đọc được JSON")
    assert "cấu trúc thủ tục" in reasons[2]
    assert reasons[3] == "bản ghi không có tên thủ tục"


def test_duplicate_layouts_raw_wins(tmp_path):
    """Same code under extracted_fixed/ (first in the archive) and raw/: one record, raw/ wins."""
    arc = _tar(tmp_path / "dup.tar.xz", {
        "extracted_fixed/1.000001.json": _chatbot_record("1.000001", "Bản cũ", "--" + H + "Cũ1 bản chính"),
        "raw/bo-tu-phap/1.000001.json": _chatbot_record("1.000001", "Bản mới", "--" + H + "Mới1 bản chính"),
        "raw/bo-tu-phap/1.000002.json": _chatbot_record("1.000002", "Khác", "--" + H + "X1 bản chính"),
        "raw/bo-cong-an/1.000002.json": _chatbot_record("1.000002", "Khác (lặp)", "--" + H + "Y1 bản chính"),
    }, mode="w:xz")
    out = list(iter_records(arc))
    procs = [x for x in out if isinstance(x, RawProcedure)]
    skipped = [x for x in out if isinstance(x, Skipped)]
    assert [(p.code, p.name) for p in procs] == [("1.000001", "Bản mới"), ("1.000002", "Khác")]
    assert len(skipped) == 2 and all("trùng mã TTHC" in s.reason for s in skipped)
    assert {s.origin.split("!")[1] for s in skipped} == {"extracted_fixed/1.000001.json", "raw/bo-cong-an/1.000002.json"}


def test_non_json_and_empty_and_unknown_files(tmp_path):
    text = tmp_path / "ghi_chu.json"
    text.write_text("Đây không phải JSON", encoding="utf-8")
    assert sniff(text) is None
    assert [type(x) for x in iter_records(text)] == [Skipped]

    broken = tmp_path / "broken.json"
    broken.write_text('[{"title": "A", ', encoding="utf-8")
    assert sniff(broken) is None
    (only,) = list(iter_records(broken))
    assert isinstance(only, Skipped) and only.reason.startswith("không đọc được JSON")

    empty = tmp_path / "empty.json"
    empty.write_text("[]", encoding="utf-8")
    assert sniff(empty) is None
    (only,) = list(iter_records(empty))
    assert isinstance(only, Skipped) and "danh sách rỗng" in only.reason

    other = tmp_path / "other.json"
    other.write_text('{"a": 1}', encoding="utf-8")
    assert sniff(other) is None
    assert [type(x) for x in iter_records(other)] == [Skipped]

    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x01\x02")
    assert sniff(binary) is None
    assert [type(x) for x in iter_records(binary)] == [Skipped]
    assert [type(x) for x in iter_records(tmp_path / "missing.json")] == [Skipped]


def test_single_portal_json_and_mongo_lines(tmp_path):
    one = tmp_path / "1.000001.json"
    one.write_bytes(_chatbot_record("1.000001", "Thủ tục A", "--" + H + "Tờ khai1 bản chính"))
    assert sniff(one) == "portal_json"
    (proc,) = list(iter_records(one))
    assert proc.code == "1.000001" and proc.origin == str(one) and len(proc.components) == 1

    lines = tmp_path / "export.json"
    doc = {"_id": {"$oid": "1"}, "title": "Đăng ký thường trú", "Cơ quan thực hiện": "Công an Xã",
           "Cách thức thực hiện": [{"Hình thức nộp": "Trực tiếp"}],
           "Thành phần hồ sơ": [{"Tên giấy tờ": "Tờ khai", "Mẫu đơn, tờ khai": "https://x/?ma=",
                                 "Số lượng - bản chính": "Bản chính: 1 - Bản sao: 0"}]}
    doc2 = dict(doc, _id={"$oid": "2"}, title="Khác")
    lines.write_text(json.dumps(doc, ensure_ascii=False) + "\n" + json.dumps(doc2, ensure_ascii=False) + "\n",
                     encoding="utf-8")
    assert sniff(lines) == "mongo_export"
    procs = list(iter_records(lines))
    assert [p.name for p in procs] == ["Đăng ký thường trú", "Khác"]
    assert procs[0].components == [RawComponent("Tờ khai", "Bản chính: 1 - Bản sao: 0", "", "")]
    assert procs[0].origin == f"{lines}#0"


# --------------------------------------------------------------------------- real data versus the oracle


@pytest.fixture(scope="module")
def oracle():
    procs = pd.read_csv(REAL / "procedures.csv", dtype=str, keep_default_na=False)
    comps = pd.read_csv(REAL / "components.csv", dtype=str, keep_default_na=False)
    return procs, comps


@pytest.fixture(scope="module")
def produced():
    out, timing = {}, {}
    for source, (path, _) in SOURCES.items():
        start = time.perf_counter()
        out[source] = list(iter_records(path))
        timing[source] = time.perf_counter() - start
    return out, timing


@have_realdata
@pytest.mark.parametrize("source", list(SOURCES))
def test_sniff_real_files(source):
    path, kind = SOURCES[source]
    assert sniff(path) == kind


@have_realdata
@pytest.mark.parametrize("source", list(SOURCES))
def test_counts_match_oracle(source, oracle, produced):
    procs, comps = oracle
    records = produced[0][source]
    got = [r for r in records if isinstance(r, RawProcedure)]
    skipped = [r for r in records if isinstance(r, Skipped)]
    want_procs = procs[procs["source"] == source]
    want_comps = comps[comps["proc_id"].str.startswith(PREFIX[source])]
    assert (want_procs["proc_id"].str.startswith(PREFIX[source])).all()
    assert len(got) == len(want_procs)
    assert sum(len(r.components) for r in got) == len(want_comps) == (comps["source"] == source).sum()
    if source == "trannguyenhan/dichvucong_7sins":
        # 87 records, 2 exact duplicates dropped by the README: reported, not silent
        assert len(skipped) == 2 and all("trùng hoàn toàn" in s.reason for s in skipped)
    else:
        assert skipped == []
    assert produced[1][source] < 20, f"iterating {source} took {produced[1][source]:.1f}s"


def _by_oracle_id(source, procs, records):
    got = [r for r in records if isinstance(r, RawProcedure)]
    want = procs[procs["source"] == source]
    if source == "trannguyenhan/dichvucong_7sins":  # no codes: same order as the export
        assert [r.name for r in got] == want["name"].tolist()
        return dict(zip(want["proc_id"], got))
    by_code = {r.code: r for r in got}
    return {pid: by_code[code] for pid, code in zip(want["proc_id"], want["code"])}


def _oracle_rows(group: pd.DataFrame) -> list[tuple[str, str, str]]:
    # the oracle writes the portal's "no case" heading "--"; the API gives "" for it
    return list(zip(group["name"], group["quantity"], group["case_name"].replace("--", "")))


@have_realdata
@pytest.mark.parametrize("code", ["1.001193", "2.000815"])
def test_validated_procedures_exact(code, oracle, produced):
    procs, comps = oracle
    (rec,) = [r for r in produced[0]["chatbot-tthc/chatbot_tthc"]
              if isinstance(r, RawProcedure) and r.code == code]
    want = comps[comps["proc_id"] == f"chatbot_tthc:{code}"].sort_values("seq", key=lambda s: s.astype(int))
    assert rows(rec.components) == _oracle_rows(want)
    assert len(rec.components) == {"1.001193": 33, "2.000815": 1}[code]
    row = procs[procs["proc_id"] == f"chatbot_tthc:{code}"].iloc[0]
    assert (rec.name, rec.field, rec.level, rec.ministry) == (row["name"], row["field"], row["level"], "Bộ Tư pháp")


@have_realdata
@pytest.mark.parametrize("source", list(SOURCES))
def test_every_row_matches_oracle(source, oracle, produced):
    """Beyond the counts: every procedure's rows (order, name, quantity, case, form file) agree."""
    procs, comps = oracle
    matched = _by_oracle_id(source, procs, produced[0][source])
    want = comps[comps["source"] == source]
    groups = {pid: g for pid, g in want.groupby("proc_id", sort=False)}
    diffs = []
    for pid, rec in matched.items():
        g = groups.get(pid)
        expected = [] if g is None else [r + (f,) for r, f in zip(_oracle_rows(g), g["form_file"])]
        got = [(c.name, c.quantity, c.case_name, c.form_file) for c in rec.components]
        if got != expected:
            diffs.append(pid)
    assert diffs == []


@have_realdata
@pytest.mark.parametrize("source", list(SOURCES))
def test_procedure_fields_match_oracle(source, oracle, produced):
    procs, _ = oracle
    matched = _by_oracle_id(source, procs, produced[0][source])
    want = procs[procs["source"] == source].set_index("proc_id")
    diffs = []
    for pid, rec in matched.items():
        row = want.loc[pid]
        pairs = [("name", rec.name, row["name"]), ("field", rec.field, row["field"]),
                 ("level", rec.level, row["level"]),
                 ("implementing_agency", rec.implementing_agency, row["implementing_agency"]),
                 ("channels", rec.channels, row["submission_modes"])]
        diffs += [(pid, f) for f, a, b in pairs if a != b]
    # 1.009824: every time cell holds free text, so the oracle found no mode; we fall back
    # to the modes named in the table ("Trực tiếp; Trực tuyến; Dịch vụ bưu chính").
    assert diffs == ([("chatbot_tthc:1.009824", "channels")] if source == "chatbot-tthc/chatbot_tthc" else [])
