"""`tthc import` on the shapes ministries really send, and `tthc review` / mapping round trips."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from openpyxl import Workbook

from checker.cli import main
from tests.conftest import MINI

DOSSIER = (
    "Thành phần hồ sơ gồm:\n"
    "1. Tờ khai đăng ky khai sinh theo mẫu;\n"
    "2. Ban sao co chung thuc Giay khai sinh cua cha Mẫu số 03.docx\n"
    "Trường hợp ủy quyền:\n"
    "a) Văn bản ủy quyền;\n"
    "- Bản sao Sổ hộ khẩu\n"
    "* Lưu ý: thông tin cư trú được khai thác từ CSDL quốc gia về dân cư.\n"
    "Số lượng hồ sơ: 01 bộ"
)


def _workbook(path, rows_by_sheet):
    book = Workbook()
    book.remove(book.active)
    for title, rows in rows_by_sheet.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


@pytest.fixture()
def ministry_workbook(tmp_path):
    return _workbook(tmp_path / "danh_muc_bo_tu_phap.xlsx", {
        "TTHC cấp tỉnh": [
            ["DANH MỤC THỦ TỤC HÀNH CHÍNH THUỘC PHẠM VI QUẢN LÝ CỦA BỘ TƯ PHÁP", None, None, None, None],
            [None, None, None, None, None],
            ["STT", "MA TTHC", "Ten thu tuc hanh chinh", "Cấp thực hiện", "THÀNH PHẦN HỒ SƠ"],
            ["I. LĨNH VỰC HỘ TỊCH", None, None, None, None],
            [1, "1.001193", "Đăng ký khai sinh", "Cấp xã", DOSSIER],
            [None, None, None, None, None],
            [2, "1.000894", "Đăng ký kết hôn", "Cấp xã", "Tờ khai đăng ký kết hôn; Giấy xác nhận tình trạng hôn nhân"],
            [3, None, None, None, None],
        ],
        "Trống": [],
    })


def test_workbook_with_title_rows_and_dossier_cells(runner, ministry_workbook, tmp_path):
    out = tmp_path / "catalog"
    result = runner.invoke(main, ["import", str(ministry_workbook), "--out", str(out)])
    assert result.exit_code == 0, result.output
    procs = pd.read_csv(out / "procedures.csv", dtype=str, keep_default_na=False)
    comps = pd.read_csv(out / "components.csv", dtype=str, keep_default_na=False)
    assert list(procs["code"]) == ["1.001193", "1.000894"]
    assert set(procs["ministry"]) == {"BỘ TƯ PHÁP"}
    assert set(procs["field"]) == {"HỘ TỊCH"}
    assert set(procs["level"]) == {"commune"}
    birth = comps[comps["procedure_code"] == "1.001193"]
    assert list(birth["name"]) == ["Tờ khai đăng ky khai sinh theo mẫu", "Ban sao co chung thuc Giay khai sinh cua cha",
                                   "Văn bản ủy quyền", "Bản sao Sổ hộ khẩu"]
    assert list(birth["copy_form"])[1] == "certified_copy"
    assert len(comps[comps["procedure_code"] == "1.000894"]) == 2
    report = json.loads((out / "import_report.json").read_text(encoding="utf-8"))
    sheet = next(s for s in report["sources"] if s["sheet"] == "TTHC cấp tỉnh")
    assert (sheet["procedures"], sheet["components"], sheet["notes"], sheet["heading_rows"]) == (2, 6, 4, 1)
    assert sheet["blank_rows"] == 1 and len(sheet["skipped"]) == 1          # the numbered row with nothing in it
    empty = next(s for s in report["sources"] if s["sheet"] == "Trống")
    assert empty["skipped"], "an empty sheet is reported, not silently ignored"
    notes = pd.read_csv(out / "import_notes.csv", dtype=str, keep_default_na=False)
    assert notes["text"].str.contains("Số lượng hồ sơ").any()
    # and the imported catalog checks
    checked = runner.invoke(main, ["check", str(out), "--out", str(tmp_path / "o"), "--quiet", "--as-of", "2026-03-01"])
    assert checked.exit_code == 0, checked.output
    findings = pd.read_csv(tmp_path / "o" / "findings.csv", dtype=str, keep_default_na=False)
    verdicts = dict(zip(findings["component_name"], findings["verdict"]))
    assert verdicts["Bản sao Sổ hộ khẩu"] == "REMOVE_OBSOLETE"
    assert verdicts["Ban sao co chung thuc Giay khai sinh cua cha"] == "CUT_WHEN_READY"


def test_component_per_row_csv(runner, tmp_path):
    path = tmp_path / "tphs.csv"
    path.write_text("Mã TTHC;Tên thủ tục;Cơ quan ban hành;Tên giấy tờ;Bản chính;Bản sao\n"
                    "2.000001;Cấp giấy phép;Bộ Xây dựng;Đơn đề nghị;1;0\n"
                    ";;;Bản sao Giấy chứng nhận đăng ký doanh nghiệp;0;1\n"
                    "2.000002;Gia hạn giấy phép;Bộ Xây dựng;Đơn đề nghị gia hạn;1;0\n", encoding="utf-8-sig")
    out = tmp_path / "catalog"
    result = runner.invoke(main, ["import", str(path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    comps = pd.read_csv(out / "components.csv", dtype=str, keep_default_na=False)
    assert list(comps["procedure_code"]) == ["2.000001", "2.000001", "2.000002"]
    assert list(comps["quantity"]) == ["1 bản chính,0 bản sao", "0 bản chính,1 bản sao", "1 bản chính,0 bản sao"]
    assert list(comps["copy_form"]) == ["original", "copy", "original"]


@pytest.mark.parametrize("case", ["corrupt", "password", "not_a_table", "formula"])
def test_bad_files_are_refused_with_nothing_written(runner, tmp_path, case):
    if case == "corrupt":
        path = tmp_path / "hong.xlsx"
        path.write_bytes(b"PK\x03\x04garbage")
        expected = ["hong.xlsx", "Excel"]
    elif case == "password":
        path = tmp_path / "mat_khau.xlsx"
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
        expected = ["mat_khau.xlsx", "mật khẩu"]
    elif case == "not_a_table":
        path = tmp_path / "bao_cao.pdf"
        path.write_bytes(b"%PDF-1.4 not a spreadsheet")
        expected = ["bao_cao.pdf", "không phải bảng tính"]
    else:
        path = _workbook(tmp_path / "cong_thuc.xlsx", {"DS": [["Mã TTHC", "Tên thủ tục"], ["1.000001", "=A1&B1"]]})
        expected = ["cong_thuc.xlsx", "trang tính DS", "dòng 2", "cột B", "công thức"]
    out = tmp_path / "catalog"
    result = runner.invoke(main, ["import", str(path), "--out", str(out)])
    assert result.exit_code == 2, result.output
    assert not out.exists()
    for fragment in expected:
        assert fragment in result.output, (fragment, result.output)


def test_review_then_mapping_keeps_the_answer(runner, mini_copy, tmp_path):
    review = tmp_path / "review.csv"
    result = runner.invoke(main, ["review", str(mini_copy), "--out", str(review)])
    assert result.exit_code == 0, result.output
    assert "Giấy tờ khác có liên quan" in result.output
    table = pd.read_csv(review, dtype=str, keep_default_na=False)
    table.loc[table["text"] == "Giấy chứng sinh", "document_type"] = "giay_khai_sinh"
    table.to_csv(mini_copy / "mapping.csv", index=False)
    after = runner.invoke(main, ["review", str(mini_copy)])
    assert "Giấy chứng sinh" not in after.output and "Giấy tờ khác có liên quan" in after.output
    checked = runner.invoke(main, ["check", str(mini_copy), "--out", str(tmp_path / "o"), "--quiet",
                                   "--as-of", "2026-03-01"])
    findings = pd.read_csv(tmp_path / "o" / "findings.csv", dtype=str, keep_default_na=False)
    row = findings[findings["component_name"] == "Giấy chứng sinh"].iloc[0]
    assert (row["document_type"], row["verdict"]) == ("giay_khai_sinh", "CUT_WHEN_READY")
    assert checked.exit_code == 0


def test_mapping_with_unknown_type_is_refused(runner, mini_copy, tmp_path):
    (mini_copy / "mapping.csv").write_text("text,document_type\nGiấy chứng sinh,giay_khong_co\n", encoding="utf-8")
    result = runner.invoke(main, ["check", str(mini_copy), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "mapping.csv" in result.output and "giay_khong_co" in result.output


def test_local_list_is_paired_with_its_central_parent(runner, tmp_path):
    local = _workbook(tmp_path / "gia_lai.xlsx", {"DS": [
        ["Mã thủ tục", "Tên thủ tục", "Cơ quan ban hành", "Cách thức thực hiện", "Thành phần hồ sơ"],
        ["1.000003", "Cấp giấy chứng nhận đủ điều kiện kinh doanh", "Bộ Công Thương", "Trực tuyến",
         "Đơn đề nghị\nBản sao có chứng thực Giấy chứng nhận đăng ký doanh nghiệp\nBản sao sổ đỏ"],
        ["9.999999", "Chuyển mục đích sử dụng đất", "Bộ Nông nghiệp và Môi trường", "Trực tiếp; Bưu chính",
         "Đơn đăng ký\nGiấy chứng nhận quyền sử dụng đất"],
    ]})
    out = tmp_path / "catalog"
    result = runner.invoke(main, ["import", str(local), "--out", str(out), "--central", str(MINI),
                                  "--province", "Gia Lai", "--reference", str(MINI)])
    assert result.exit_code == 0, result.output
    procs = pd.read_csv(out / "procedures.csv", dtype=str, keep_default_na=False).set_index("code")
    assert procs.loc["1.000003.GIALAI", "parent_code"] == "1.000003"       # same code: renamed, paired by code
    assert procs.loc["9.999999", "parent_code"] == "1.000004"              # paired by name
    report = json.loads((out / "import_report.json").read_text(encoding="utf-8"))
    assert (report["pairing"]["paired_by_code"], report["pairing"]["paired_by_name"]) == (1, 1)
    checked = runner.invoke(main, ["check", str(out), "--out", str(tmp_path / "o"), "--quiet", "--as-of", "2026-03-01"])
    assert checked.exit_code == 0, checked.output
    findings = pd.read_csv(tmp_path / "o" / "findings.csv", dtype=str, keep_default_na=False)
    drift = findings[(findings["verdict"] == "LOCAL_DRIFT") & (findings["procedure_code"] == "1.000003.GIALAI")]
    assert drift["explanation"].str.contains("sổ đỏ").any()
