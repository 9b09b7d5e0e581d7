"""The document-type matcher: what it must match, and what it must leave to a reviewer."""

from __future__ import annotations

import unicodedata

import pytest

from checker.catalog import load_reference
from checker.matching import CONFIDENT, Matcher
from tests import matcher_quality
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def matcher():
    doc_types, _, _ = load_reference(ROOT / "catalogs")
    return Matcher(doc_types)


def _type(matcher, text):
    m = matcher.match(text)
    return m.document_type if m.confidence >= CONFIDENT else ""


@pytest.mark.parametrize("text,expected", [
    ("Bản sao có chứng thực Giấy khai sinh của con", "giay_khai_sinh"),
    ("Ban sao co chung thuc Giay khai sinh", "giay_khai_sinh"),                      # diacritics lost (OCR)
    (unicodedata.normalize("NFD", "Giấy khai sinh"), "giay_khai_sinh"),               # decomposed
    ("GIẤY CHỨNG NHẬN ĐĂNG KÝ DOANH NGHIỆP", "gcn_dang_ky_doanh_nghiep"),
    ("Bản sao được cấp từ sổ gốc hoặc bản sao được chứng thực từ bản chính Giấy khai sinh", "giay_khai_sinh"),
    ("a) Bản sao hoặc bản chụp kèm bản chính để đối chiếu Giấy phép lái xe", "giay_phep_lai_xe"),
    ("Giay khai slnh cua con", "giay_khai_sinh"),                                     # one OCR slip
    ("Giấy tờ về đăng ký xe gồm một trong các giấy tờ sau: Bản chính chứng nhận đăng ký xe", "dang_ky_xe"),
    ("Tờ khai đề nghị cấp đổi giấy phép lái xe", "to_khai"),                          # a form, not a licence
])
def test_matches(matcher, text, expected):
    assert _type(matcher, text) == expected


@pytest.mark.parametrize("text", [
    "Giấy tờ khác có liên quan",
    "Đối với chứng nhận chất lượng kiểu loại phụ tùng:",                              # a case heading
    "Lý lịch tư pháp do cơ quan có thẩm quyền của nước mà người đó là công dân cấp",   # foreign: not the domestic type
    "Giấy chứng nhận",
])
def test_leaves_to_review_or_never_takes_a_domestic_type(matcher, text):
    assert _type(matcher, text) in ("", "giay_to_nuoc_ngoai")


def test_unmatched_text_keeps_its_candidates(matcher):
    m = matcher.match("Đơn xin xác nhận có kèm giấy khai sinh của con")
    assert m.confidence < CONFIDENT or m.document_type != "giay_khai_sinh"


@pytest.mark.skipif(not matcher_quality.SAMPLE.exists(), reason="labelled sample missing")
def test_quality_on_the_hand_labelled_sample():
    """Precision must meet the 97% target (a wrong type is worse than a review). Coverage of
    state-issued rows is measured at 68% on this held-out sample, short of the 85% target;
    the floor below only guards against regressions."""
    result = matcher_quality.score()
    assert result["rows"] >= 300
    assert result["precision"] >= 0.97, result["wrong"]
    assert result["coverage"] >= 0.65
