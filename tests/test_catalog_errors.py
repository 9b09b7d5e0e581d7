"""Bad input: a Vietnamese message naming file, row and column, exit code 2, nothing written."""

from __future__ import annotations

import codecs
import unicodedata

import pytest

from checker.cli import main


def _check(runner, catalog, out, *extra):
    return runner.invoke(main, ["check", str(catalog), "--out", str(out), "--quiet", *extra])


def _assert_refused(result, out, *fragments):
    assert result.exit_code == 2, result.output
    assert not out.exists(), "nothing may be written on bad input"
    for fragment in fragments:
        assert fragment in result.output, (fragment, result.output)


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# One edit to one file of the mini catalog -> the fragments the refusal must show.
EDITS = {
    "missing_column": ("procedures.csv", "code,name,ministry", "code,name,ministy",
                       ["procedures.csv", "dòng 1", "cột ministry", "ministy"]),
    "misspelt_optional_column": ("components.csv", "copy_form", "copyform",
                                 ["components.csv", "cột copyform", "copy_form"]),
    "duplicate_procedure_code": ("procedures.csv", "1.000002,Đăng ký khai sinh", "1.000001,Đăng ký khai sinh",
                                 ["procedures.csv", "dòng 3", "cột code", "bị trùng", "dòng 2"]),
    "component_of_unknown_procedure": ("components.csv", "1.000004,2,", "9.999999,2,",
                                       ["components.csv", "dòng 24", "cột procedure_code", "9.999999"]),
    "unknown_document_type": ("components.csv", ",,to_khai", ",,giay_khong_co",
                              ["components.csv", "dòng 12", "cột document_type", "giay_khong_co"]),
    "unknown_data_source": ("document_types.yaml", "data_sources: [ho_tich]", "data_sources: [ho_tich_cu]",
                            ["document_types.yaml", "ho_tich_cu", "data_sources.yaml"]),
    "unknown_alternative": ("document_types.yaml", "    aliases: [CMND]\n", "    aliases: [CMND]\n    alternatives: [cccd_cu]\n",
                            ["document_types.yaml", "alternatives", "cccd_cu"]),
    "bad_date_in_data_sources": ("data_sources.yaml",
                                 "as_of: 2025-07-01, status: operational, quality: {dung: true, du: true, sach: false",
                                 "as_of: 2025-13-45, status: operational, quality: {dung: true, du: true, sach: false",
                                 ["data_sources.yaml", "as_of", "2025-13-45"]),
    "bad_level_label": ("procedures.csv", "Hộ tịch,Cấp xã", "Hộ tịch,Cấp thôn",
                        ["procedures.csv", "dòng 3", "cột level", "Cấp thôn"]),
    "non_integer_volume": ("procedures.csv", "direct;online,1200", "direct;online,nhiều",
                           ["dòng 2", "cột annual_volume"]),
}


@pytest.mark.parametrize("case", sorted(EDITS))
def test_bad_catalog_is_refused(runner, mini_copy, tmp_path, case):
    file, old, new, fragments = EDITS[case]
    _edit(mini_copy / file, old, new)
    result = _check(runner, mini_copy, tmp_path / "out")
    _assert_refused(result, tmp_path / "out", *fragments)


def test_bad_as_of_option(runner, tmp_path):
    from tests.conftest import MINI

    result = _check(runner, MINI, tmp_path / "out", "--as-of", "31/02/2026")
    _assert_refused(result, tmp_path / "out", "--as-of", "31/02/2026")


@pytest.mark.parametrize("name,content", [
    ("components.csv", ""),
    ("procedures.csv", ""),
    ("procedures.csv", "code,name,ministry,field,level,province,parent_code,online_level,channels,annual_volume\n"),
], ids=["components_zero_bytes", "procedures_zero_bytes", "procedures_header_only"])
def test_empty_files(runner, mini_copy, tmp_path, name, content):
    (mini_copy / name).write_text(content, encoding="utf-8")
    result = _check(runner, mini_copy, tmp_path / "out")
    _assert_refused(result, tmp_path / "out", name)


def test_list_without_dossier_details_is_a_valid_catalog(runner, mini_copy, tmp_path):
    (mini_copy / "components.csv").write_text("procedure_code,seq,name,copy_form,quantity,document_type\n",
                                              encoding="utf-8")
    result = _check(runner, mini_copy, tmp_path / "out")
    assert result.exit_code == 0, result.output


def test_empty_yaml(runner, mini_copy, tmp_path):
    (mini_copy / "document_types.yaml").write_text("", encoding="utf-8")
    result = _check(runner, mini_copy, tmp_path / "out")
    _assert_refused(result, tmp_path / "out", "document_types.yaml", "rỗng")


def test_missing_file(runner, mini_copy, tmp_path):
    (mini_copy / "procedures.csv").unlink()
    result = _check(runner, mini_copy, tmp_path / "out")
    _assert_refused(result, tmp_path / "out", "procedures.csv")


def test_undecidable_encoding(runner, mini_copy, tmp_path):
    raw = (mini_copy / "procedures.csv").read_bytes()
    (mini_copy / "procedures.csv").write_bytes(raw + b"\x81\x01\x02\x8a\xff\xfe\x00garbage\n")
    result = _check(runner, mini_copy, tmp_path / "out")
    _assert_refused(result, tmp_path / "out", "procedures.csv", "bảng mã")


def test_existing_output_untouched_on_bad_input(runner, mini_copy, tmp_path):
    out = tmp_path / "out"
    assert _check(runner, mini_copy, out).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    _edit(mini_copy / "procedures.csv", "code,name", "code,nam")
    assert _check(runner, mini_copy, out).exit_code == 2
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_english_messages(runner, mini_copy, tmp_path):
    _edit(mini_copy / "procedures.csv", "code,name,ministry", "code,name,ministy")
    result = runner.invoke(main, ["--lang", "en", "check", str(mini_copy), "--out", str(tmp_path / "o"), "--quiet"])
    assert result.exit_code == 2
    assert "File procedures.csv, row 1, column ministry" in result.output


# Accepted and normalised rather than refused.

_SHAPE_MARKS = {"\u0302", "\u0306", "\u031b"}


def _to_cp1258(text: str) -> bytes:
    """Encode as Excel does: letters with circumflex/breve/horn precomposed, tones as combining marks."""
    out, cluster = [], ""
    for ch in unicodedata.normalize("NFD", text) + "\0":
        if unicodedata.combining(ch) and cluster:
            cluster += ch
            continue
        if cluster:
            base = cluster[0] + "".join(m for m in cluster[1:] if m in _SHAPE_MARKS)
            tones = "".join(m for m in cluster[1:] if m not in _SHAPE_MARKS)
            out.append(unicodedata.normalize("NFC", base) + tones)
        cluster = ch
    return "".join(out).encode("cp1258")

def _findings(runner, catalog, out):
    import pandas as pd

    result = _check(runner, catalog, out, "--as-of", "2026-03-01")
    assert result.exit_code == 0, result.output
    return pd.read_csv(out / "findings.csv", dtype=str, keep_default_na=False)


@pytest.fixture()
def baseline(runner, tmp_path):
    from tests.conftest import MINI

    return _findings(runner, MINI, tmp_path / "baseline")


@pytest.mark.parametrize("encoding", ["nfd", "utf-8-sig", "utf-16", "utf-16-le-tabs", "cp1258", "semicolons"])
def test_encodings_excel_writes_are_accepted(runner, mini_copy, tmp_path, baseline, encoding):
    for name in ("procedures.csv", "components.csv"):
        path = mini_copy / name
        text = path.read_text(encoding="utf-8")
        if encoding == "nfd":
            path.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
        elif encoding == "utf-16-le-tabs":
            import csv
            import io

            rows = list(csv.reader(io.StringIO(text)))
            out = io.StringIO()
            csv.writer(out, delimiter="\t", lineterminator="\r\n").writerows(rows)
            path.write_bytes(codecs.BOM_UTF16_LE + out.getvalue().encode("utf-16-le"))
        elif encoding == "semicolons":
            import csv
            import io

            rows = list(csv.reader(io.StringIO(text)))
            out = io.StringIO()
            csv.writer(out, delimiter=";").writerows(rows)
            path.write_text(out.getvalue(), encoding="utf-8")
        elif encoding == "cp1258":
            path.write_bytes(_to_cp1258(text))
        else:
            path.write_text(text, encoding=encoding)
    got = _findings(runner, mini_copy, tmp_path / "out")
    assert got.equals(baseline)


def test_duplicate_document_type_id(runner, mini_copy, tmp_path):
    path = mini_copy / "document_types.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "  - {id: hop_dong, name: Hợp đồng khác, holder: individual,"
                    " kind: applicant_made}\n", encoding="utf-8")
    result = _check(runner, mini_copy, tmp_path / "out")
    _assert_refused(result, tmp_path / "out", "document_types.yaml", "hop_dong")


def _to_xlsx(csv_path):
    import csv

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    with csv_path.open(encoding="utf-8") as fh:
        for row in csv.reader(fh):
            sheet.append(row)
    book.save(csv_path.with_suffix(".xlsx"))
    csv_path.unlink()


def test_xlsx_tables_give_the_same_findings(runner, mini_copy, tmp_path, baseline):
    for name in ("procedures.csv", "components.csv"):
        _to_xlsx(mini_copy / name)
    assert _findings(runner, mini_copy, tmp_path / "out").equals(baseline)


def test_corrupt_xlsx(runner, mini_copy, tmp_path):
    (mini_copy / "components.csv").unlink()
    (mini_copy / "components.xlsx").write_bytes(b"PK\x03\x04 this is not really a workbook")
    result = _check(runner, mini_copy, tmp_path / "out")
    _assert_refused(result, tmp_path / "out", "components.xlsx", "Excel")


def test_xlsx_error_names_the_sheet(runner, mini_copy, tmp_path):
    _edit(mini_copy / "procedures.csv", "Hộ tịch,Cấp xã", "Hộ tịch,Cấp thôn")
    _to_xlsx(mini_copy / "procedures.csv")
    result = _check(runner, mini_copy, tmp_path / "out")
    _assert_refused(result, tmp_path / "out", "procedures.xlsx", "trang tính Danh sách", "dòng 3", "cột level")
