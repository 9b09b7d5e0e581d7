"""Property: whatever the catalog, every component gets exactly one verdict from the known set."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.catalog import load_catalog
from checker.findings import evaluate
from checker.rulebook import COMPONENT_VERDICTS, PROCEDURE_VERDICTS
from tests.conftest import MINI

PREFIXES = ["", "Bản sao ", "Bản sao có chứng thực ", "Bản chính ", "01 bản chụp ", "- ", "a) "]
HEADS = ["Giấy khai sinh", "Thẻ căn cước công dân", "Sổ hộ khẩu", "Chứng minh nhân dân", "Đơn đề nghị",
         "Giấy chứng nhận quyền sử dụng đất", "Giấy phép xây dựng", "Tài liệu khác", "Hợp đồng thuê",
         "Giay khai sinh", "GIẤY CHỨNG NHẬN ĐĂNG KÝ DOANH NGHIỆP", "Thông tin cư trú được khai thác từ CSDL "
         "quốc gia về dân cư, không phải nộp"]
TAILS = ["", " của người đề nghị", " (nếu có)", " hoặc bản sao kèm bản chính để đối chiếu"]

component = st.tuples(st.sampled_from(PREFIXES), st.sampled_from(HEADS), st.sampled_from(TAILS),
                      st.sampled_from(["", "original", "copy", "certified_copy", "bản sao", "unknown"]))
procedure = st.tuples(st.sampled_from(["central", "provincial", "commune"]),
                      st.sampled_from(["", "Gia Lai", "Hà Nội"]),
                      st.sampled_from(["full", "partial", "none"]),
                      st.sampled_from(["online", "direct;online", "post"]),
                      st.lists(component, min_size=0, max_size=6),
                      st.booleans())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(procedure, min_size=1, max_size=12), st.dates(dt.date(2022, 1, 1), dt.date(2028, 1, 1)))
def test_every_component_gets_exactly_one_verdict(rulebook, procedures, on):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name in ("document_types.yaml", "data_sources.yaml"):
            shutil.copy(MINI / name, folder / name)
        with (folder / "procedures.csv").open("w", newline="", encoding="utf-8") as p, \
                (folder / "components.csv").open("w", newline="", encoding="utf-8") as c:
            pw, cw = csv.writer(p), csv.writer(c)
            pw.writerow(["code", "name", "ministry", "field", "level", "province", "parent_code",
                         "online_level", "channels", "annual_volume"])
            cw.writerow(["procedure_code", "seq", "name", "copy_form", "quantity", "document_type"])
            total = 0
            for i, (level, province, online, channels, comps, is_variant) in enumerate(procedures):
                parent = "P0" if is_variant and i > 0 else ""
                pw.writerow([f"P{i}", f"Thủ tục {i}", f"Bộ {i % 3}", "", level, province, parent, online,
                             channels, ""])
                for seq, (prefix, head, tail, form) in enumerate(comps, start=1):
                    cw.writerow([f"P{i}", seq, prefix + head + tail, form, "", ""])
                    total += 1
        if total == 0:
            return
        catalog = load_catalog(folder)
        comp, procs = evaluate(catalog, rulebook, on)
        assert len(comp) == total
        assert not comp.duplicated(["procedure_code", "seq"]).any()
        assert comp["verdict"].isin(COMPONENT_VERDICTS).all()
        assert procs["verdict"].isin(PROCEDURE_VERDICTS).all()
