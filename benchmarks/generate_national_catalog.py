#!/usr/bin/env python3
"""Generate a synthetic, national-scale catalog folder for benchmarking the checker.

The output is a catalog folder that follows the catalog contract:

    procedures.csv       code,name,ministry,field,level,province,parent_code,
                         online_level,channels,annual_volume
    components.csv       procedure_code,seq,name,copy_form,quantity,document_type
    document_types.yaml  copied byte for byte from the reference folder
    data_sources.yaml    copied byte for byte from the reference folder

At full size it has the shape of the national catalog: 5,801 central
procedures plus localized variants ("<parent>.<PROVINCE>", level provincial or
commune, parent_code set) spread over the 34 provinces, 72,717 procedures and
400,000 components in total (about 5.5 per procedure).

Component rows mimic the portal's wording: about 40% carry a document_type id,
the rest only a name built from a document type's name or alias plus
copy-form wording ("Bản sao có chứng thực ...", "01 bản sao ...") and a tail
(" của người đề nghị"); about 3% are vague names that match no alias and about
3% say that the information "được khai thác trong Cơ sở dữ liệu quốc gia về
dân cư thì không phải nộp". Document types are drawn with a Zipf-like
popularity. Each localized variant copies its parent's components; about 20%
of variants add or remove one.

Document type ids and aliases are read from the reference document_types.yaml
at generation time; nothing about them is hard-coded. The output depends only
on --seed, --procedures, --components and the content of the two reference
YAML files.

    python benchmarks/generate_national_catalog.py --out /tmp/national
    python benchmarks/generate_national_catalog.py --out /tmp/small --procedures 2000 --seed 7
"""

from __future__ import annotations

import argparse
import hashlib
import math
import re
import shutil
import sys
import time
import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REFERENCE = PROJECT_ROOT / "catalogs"
REFERENCE_FILES = ("document_types.yaml", "data_sources.yaml")

FULL_PROCEDURES = 72_717
FULL_CENTRAL = 5_801
FULL_COMPONENTS = 400_000

PROCEDURE_COLUMNS = ["code", "name", "ministry", "field", "level", "province", "parent_code",
                     "online_level", "channels", "annual_volume"]
COMPONENT_COLUMNS = ["procedure_code", "seq", "name", "copy_form", "quantity", "document_type"]

# Shares of component rows (of the rows generated for central procedures and of
# the rows added to variants; copied rows inherit them).
SHARE_VAGUE = 0.03
SHARE_LOOKUP = 0.03
SHARE_TYPED = 0.40            # rows with document_type filled, over all rows
SHARE_LOCALIZABLE = 0.42      # central procedures that have localized variants
SHARE_VARIANT_ADD = 0.10      # variants with one component added
SHARE_VARIANT_REMOVE = 0.10   # variants with one component removed
ZIPF_EXPONENT = 1.07
MAX_COMPONENTS = 25

# The 34 provincial-level units in force since 1 July 2025 (6 cities, 28 provinces).
PROVINCES = [
    ("HNI", "Thành phố Hà Nội"), ("HUE", "Thành phố Huế"), ("HPG", "Thành phố Hải Phòng"),
    ("DNG", "Thành phố Đà Nẵng"), ("HCM", "Thành phố Hồ Chí Minh"), ("CTO", "Thành phố Cần Thơ"),
    ("TQG", "Tỉnh Tuyên Quang"), ("LCI", "Tỉnh Lào Cai"), ("TNN", "Tỉnh Thái Nguyên"),
    ("PTO", "Tỉnh Phú Thọ"), ("BNH", "Tỉnh Bắc Ninh"), ("HYN", "Tỉnh Hưng Yên"),
    ("NBH", "Tỉnh Ninh Bình"), ("QTI", "Tỉnh Quảng Trị"), ("QNI", "Tỉnh Quảng Ngãi"),
    ("GLI", "Tỉnh Gia Lai"), ("KHA", "Tỉnh Khánh Hòa"), ("LDG", "Tỉnh Lâm Đồng"),
    ("DLK", "Tỉnh Đắk Lắk"), ("DNI", "Tỉnh Đồng Nai"), ("TNH", "Tỉnh Tây Ninh"),
    ("VLG", "Tỉnh Vĩnh Long"), ("DTP", "Tỉnh Đồng Tháp"), ("CMU", "Tỉnh Cà Mau"),
    ("AGG", "Tỉnh An Giang"), ("CBG", "Tỉnh Cao Bằng"), ("DBN", "Tỉnh Điện Biên"),
    ("HTH", "Tỉnh Hà Tĩnh"), ("LCU", "Tỉnh Lai Châu"), ("LSN", "Tỉnh Lạng Sơn"),
    ("NAN", "Tỉnh Nghệ An"), ("QNH", "Tỉnh Quảng Ninh"), ("THA", "Tỉnh Thanh Hóa"),
    ("SLA", "Tỉnh Sơn La"),
]
# Rough relative size of each province's localized catalog (big cities publish more).
PROVINCE_WEIGHTS = [1.25, 0.9, 1.1, 1.05, 1.3, 1.0] + [1.0] * 28

# (ministry, weight, {field: [objects]}). Weights roughly follow the ministries'
# share of the national catalog; names follow the 2025 government structure.
MINISTRIES = [
    ("Bộ Tài chính", 14, {
        "Thành lập và hoạt động doanh nghiệp": ["đăng ký thành lập doanh nghiệp tư nhân",
                                                "đăng ký thay đổi nội dung đăng ký doanh nghiệp",
                                                "đăng ký hoạt động chi nhánh, văn phòng đại diện"],
        "Thuế": ["đăng ký thuế", "hoàn thuế giá trị gia tăng", "miễn, giảm thuế thu nhập cá nhân"],
        "Hải quan": ["thông quan hàng hóa xuất khẩu", "kiểm tra sau thông quan",
                     "công nhận doanh nghiệp ưu tiên"],
        "Đầu tư": ["giấy chứng nhận đăng ký đầu tư", "chấp thuận chủ trương đầu tư"],
        "Hộ kinh doanh": ["đăng ký hộ kinh doanh", "tạm ngừng kinh doanh của hộ kinh doanh"],
    }),
    ("Bộ Nông nghiệp và Môi trường", 13, {
        "Đất đai": ["giấy chứng nhận quyền sử dụng đất lần đầu", "chuyển mục đích sử dụng đất",
                    "đăng ký biến động đất đai", "tách thửa, hợp thửa đất"],
        "Môi trường": ["giấy phép môi trường", "đánh giá tác động môi trường"],
        "Trồng trọt": ["công nhận giống cây trồng", "giấy chứng nhận đủ điều kiện sản xuất phân bón"],
        "Thú y": ["kiểm dịch động vật vận chuyển ra khỏi địa bàn cấp tỉnh",
                  "giấy chứng nhận cơ sở an toàn dịch bệnh động vật"],
        "Thủy sản": ["giấy phép khai thác thủy sản", "đăng ký tàu cá"],
        "Lâm nghiệp": ["phê duyệt phương án quản lý rừng bền vững", "khai thác gỗ rừng trồng"],
    }),
    ("Bộ Xây dựng", 11, {
        "Hoạt động xây dựng": ["giấy phép xây dựng công trình", "chứng chỉ hành nghề hoạt động xây dựng",
                               "thẩm định báo cáo nghiên cứu khả thi"],
        "Nhà ở": ["công nhận chủ đầu tư dự án nhà ở", "mua, thuê mua nhà ở xã hội"],
        "Đường bộ": ["giấy phép lái xe", "giấy phép kinh doanh vận tải bằng xe ô tô",
                     "phù hiệu xe kinh doanh vận tải"],
        "Đường thủy nội địa": ["đăng ký phương tiện thủy nội địa", "giấy chứng nhận khả năng chuyên môn"],
        "Đăng kiểm": ["giấy chứng nhận an toàn kỹ thuật và bảo vệ môi trường"],
    }),
    ("Bộ Công an", 10, {
        "Đăng ký, quản lý cư trú": ["đăng ký thường trú", "đăng ký tạm trú", "xác nhận thông tin về cư trú"],
        "Cấp, quản lý căn cước": ["thẻ căn cước", "giấy chứng nhận căn cước"],
        "Xuất nhập cảnh": ["hộ chiếu phổ thông", "thị thực cho người nước ngoài"],
        "Đăng ký, quản lý phương tiện giao thông": ["đăng ký xe", "biển số xe"],
        "Phòng cháy, chữa cháy": ["thẩm duyệt thiết kế về phòng cháy và chữa cháy",
                                  "nghiệm thu về phòng cháy và chữa cháy"],
    }),
    ("Bộ Y tế", 9, {
        "Khám bệnh, chữa bệnh": ["giấy phép hành nghề khám bệnh, chữa bệnh",
                                 "giấy phép hoạt động cơ sở khám bệnh, chữa bệnh"],
        "Dược phẩm": ["chứng chỉ hành nghề dược", "giấy chứng nhận đủ điều kiện kinh doanh dược"],
        "Trang thiết bị y tế": ["công bố tiêu chuẩn áp dụng đối với trang thiết bị y tế"],
        "An toàn thực phẩm": ["giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm",
                              "đăng ký bản công bố sản phẩm"],
        "Bảo hiểm y tế": ["thẻ bảo hiểm y tế", "thanh toán trực tiếp chi phí khám bệnh, chữa bệnh"],
    }),
    ("Bộ Nội vụ", 9, {
        "Việc làm": ["giấy phép lao động cho người nước ngoài", "trợ cấp thất nghiệp"],
        "Bảo hiểm xã hội": ["sổ bảo hiểm xã hội", "giải quyết hưởng chế độ ốm đau"],
        "Người có công": ["công nhận liệt sĩ", "trợ cấp ưu đãi đối với người có công"],
        "Công chức, viên chức": ["xét chuyển cán bộ, công chức", "thi tuyển viên chức"],
        "Thi đua, khen thưởng": ["tặng Bằng khen", "tặng danh hiệu Chiến sĩ thi đua"],
    }),
    ("Bộ Tư pháp", 8, {
        "Hộ tịch": ["đăng ký khai sinh", "đăng ký kết hôn", "đăng ký khai tử",
                    "xác nhận tình trạng hôn nhân"],
        "Chứng thực": ["chứng thực bản sao từ bản chính", "chứng thực chữ ký"],
        "Lý lịch tư pháp": ["Phiếu lý lịch tư pháp"],
        "Quốc tịch": ["nhập quốc tịch Việt Nam", "xác nhận có quốc tịch Việt Nam"],
        "Công chứng": ["công chứng hợp đồng", "đăng ký hành nghề công chứng viên"],
    }),
    ("Bộ Công Thương", 7, {
        "Lưu thông hàng hóa trong nước": ["giấy phép kinh doanh bán lẻ xăng dầu",
                                          "giấy phép bán lẻ sản phẩm rượu"],
        "Điện": ["giấy phép hoạt động điện lực"],
        "Hóa chất": ["giấy chứng nhận đủ điều kiện sản xuất hóa chất"],
        "Xuất nhập khẩu": ["giấy chứng nhận xuất xứ hàng hóa"],
        "Xúc tiến thương mại": ["đăng ký thực hiện khuyến mại", "đăng ký tổ chức hội chợ, triển lãm"],
    }),
    ("Bộ Giáo dục và Đào tạo", 6, {
        "Giáo dục và đào tạo": ["thành lập trường trung học cơ sở", "cho phép hoạt động giáo dục"],
        "Văn bằng, chứng chỉ": ["bản sao văn bằng, chứng chỉ từ sổ gốc", "công nhận văn bằng do nước ngoài cấp"],
        "Giáo dục nghề nghiệp": ["đăng ký hoạt động giáo dục nghề nghiệp"],
    }),
    ("Bộ Văn hóa, Thể thao và Du lịch", 5, {
        "Du lịch": ["giấy phép kinh doanh dịch vụ lữ hành nội địa", "thẻ hướng dẫn viên du lịch"],
        "Văn hóa": ["giấy phép tổ chức lễ hội", "công nhận danh hiệu gia đình văn hóa"],
        "Thể dục, thể thao": ["giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao"],
        "Báo chí": ["giấy phép xuất bản bản tin"],
    }),
    ("Bộ Khoa học và Công nghệ", 4, {
        "Sở hữu trí tuệ": ["đăng ký nhãn hiệu", "đăng ký sáng chế"],
        "Tiêu chuẩn đo lường chất lượng": ["chỉ định tổ chức đánh giá sự phù hợp"],
        "Viễn thông và Internet": ["giấy phép cung cấp dịch vụ viễn thông"],
        "Bưu chính": ["giấy phép bưu chính"],
    }),
    ("Bộ Ngoại giao", 2, {
        "Lãnh sự": ["hợp pháp hóa lãnh sự giấy tờ, tài liệu", "chứng nhận lãnh sự giấy tờ, tài liệu"],
    }),
    ("Bộ Dân tộc và Tôn giáo", 2, {
        "Tín ngưỡng, tôn giáo": ["đăng ký hoạt động tín ngưỡng", "công nhận tổ chức tôn giáo"],
        "Công tác dân tộc": ["công nhận người có uy tín trong đồng bào dân tộc thiểu số"],
    }),
    ("Bộ Quốc phòng", 2, {
        "Nghĩa vụ quân sự": ["đăng ký nghĩa vụ quân sự lần đầu", "tạm hoãn gọi nhập ngũ"],
        "Chính sách": ["trợ cấp một lần đối với quân nhân"],
    }),
    ("Ngân hàng Nhà nước Việt Nam", 2, {
        "Hoạt động ngân hàng": ["giấy phép thành lập quỹ tín dụng nhân dân"],
        "Ngoại hối": ["đăng ký khoản vay nước ngoài"],
    }),
    ("Thanh tra Chính phủ", 1, {
        "Giải quyết khiếu nại, tố cáo": ["giải quyết khiếu nại lần đầu", "tiếp công dân"],
    }),
]

ACTIONS = ["Cấp", "Cấp lại", "Cấp đổi", "Điều chỉnh", "Gia hạn", "Thủ tục", "Đăng ký",
           "Công nhận", "Thẩm định hồ sơ", "Xác nhận", "Thu hồi", "Giải quyết"]
ACTION_WEIGHTS = [0.20, 0.12, 0.08, 0.08, 0.06, 0.14, 0.08, 0.05, 0.05, 0.05, 0.04, 0.05]

# Copy-form wording in front of a document's name, with the copy form it implies
# ("" = no wording, the form stays unknown unless the copy_form column says it).
PREFIXES = [
    ("", 0.28, ""),
    ("Bản sao có chứng thực ", 0.14, "certified_copy"),
    ("Bản chính ", 0.12, "original"),
    ("Bản sao ", 0.10, "copy"),
    ("01 bản sao ", 0.08, "copy"),
    ("01 bản chính ", 0.06, "original"),
    ("Bản sao có chứng thực hoặc bản sao kèm bản chính để đối chiếu ", 0.07, "copy"),
    ("Bản sao điện tử hoặc bản sao có chứng thực ", 0.03, "copy"),
    ("Bản chụp ", 0.04, "photocopy"),
    ("02 bản chính ", 0.03, "original"),
    ("Bản gốc ", 0.02, "original"),
    ("Xuất trình bản chính ", 0.03, "original"),
]
# Documents the applicant writes (forms, declarations) are rarely asked for as copies.
PREFIXES_APPLICANT_MADE = [
    ("", 0.60, ""),
    ("Bản chính ", 0.20, "original"),
    ("01 bản chính ", 0.12, "original"),
    ("02 bản chính ", 0.05, "original"),
    ("Bản sao ", 0.03, "copy"),
]
TAILS = [
    ("", 0.45), (" của người đề nghị", 0.12), (" của người yêu cầu", 0.06), (" (nếu có)", 0.08),
    (" còn hiệu lực", 0.05), (" của chủ hộ", 0.03), (" của người được đề nghị cấp", 0.04),
    (" của tổ chức, cá nhân", 0.04), (" theo mẫu quy định", 0.05),
    (" do cơ quan có thẩm quyền cấp", 0.05), (" của doanh nghiệp", 0.03),
]
QUANTITIES = {
    "original": ["01 bản chính", "Bản chính: 1 - Bản sao: 0", "02 bản chính", "01"],
    "copy": ["01 bản sao", "Bản chính: 0 - Bản sao: 1", "01"],
    "certified_copy": ["01 bản sao", "01 bản sao có chứng thực", "Bản chính: 0 - Bản sao: 1"],
    "photocopy": ["01 bản chụp", "01 bản"],
    "": ["01 bản", "Bản chính: 1 - Bản sao: 0", "01", ""],
}
VAGUE_NAMES = [
    "Các giấy tờ khác có liên quan",
    "Tài liệu chứng minh đáp ứng điều kiện theo quy định",
    "Hồ sơ kỹ thuật kèm theo",
    "Các văn bản khác theo quy định của pháp luật",
    "Giấy tờ chứng minh thuộc đối tượng được hưởng chính sách",
    "Tài liệu thuyết minh",
    "Các tài liệu kèm theo (nếu có)",
    "Văn bản giải trình",
    "Hồ sơ năng lực",
    "Tài liệu khác theo yêu cầu của cơ quan giải quyết",
    "Giấy tờ, tài liệu chứng minh",
    "Thuyết minh phương án thực hiện",
]
LOOKUP_TEMPLATES = [
    "Thông tin về {alias} được khai thác trong Cơ sở dữ liệu quốc gia về dân cư thì không phải nộp",
    "{Alias} (trường hợp thông tin được khai thác trong Cơ sở dữ liệu quốc gia về dân cư thì không phải nộp)",
    "{Alias}; trường hợp thông tin đã được khai thác trong Cơ sở dữ liệu quốc gia về dân cư "
    "thì không phải nộp",
]


class GenerationError(Exception):
    """The reference folder or the requested size cannot produce a catalog."""


# ----------------------------------------------------------------------------- helpers


def fold(text: str) -> str:
    """Lower case, no diacritics, đ→d, punctuation to spaces (for alias collision checks)."""
    text = unicodedata.normalize("NFD", text.lower())
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn").replace("đ", "d")
    return re.sub(r"[^\w%]+", " ", text).strip()


def capitalize(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def lower_first(text: str) -> str:
    """'Giấy khai sinh' → 'giấy khai sinh', but keep acronyms ('CCCD') as they are."""
    if len(text) > 1 and text[0].isupper() and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def reference_fingerprint(reference: Path) -> str:
    """Hash of the reference YAML files (part of a cache key: new types, new catalog)."""
    digest = hashlib.sha256()
    for name in REFERENCE_FILES:
        path = Path(reference) / name
        digest.update(name.encode())
        digest.update(path.read_bytes() if path.exists() else b"<missing>")
    return digest.hexdigest()[:12]


def load_document_types(reference: Path) -> list[dict]:
    """[{id, names (official name first, then aliases), individual}] from document_types.yaml."""
    for name in REFERENCE_FILES:
        if not (Path(reference) / name).is_file():
            raise GenerationError(f"{Path(reference) / name} is missing; the generator copies "
                                  f"{' and '.join(REFERENCE_FILES)} from the reference folder "
                                  f"(--reference, default {DEFAULT_REFERENCE})")
    path = Path(reference) / "document_types.yaml"
    with path.open(encoding="utf-8-sig") as fh:
        data = yaml.safe_load(fh) or {}
    entries = data.get("document_types") if isinstance(data, dict) else None
    if not entries:
        raise GenerationError(f"{path}: no 'document_types' list")
    types = []
    for entry in entries:
        if not isinstance(entry, dict) or not entry.get("id"):
            raise GenerationError(f"{path}: an entry without id: {entry!r}")
        names = []
        for text in [entry.get("name") or ""] + list(entry.get("aliases") or []):
            text = unicodedata.normalize("NFC", str(text)).strip()
            if text and text not in names:
                names.append(text)
        if not names:
            raise GenerationError(f"{path}: document type {entry['id']} has neither name nor alias")
        types.append({"id": str(entry["id"]), "names": names,
                      "individual": entry.get("holder", "individual") == "individual",
                      "applicant_made": entry.get("kind") == "applicant_made"})
    return types


def vague_pool(types: list[dict]) -> list[str]:
    """Vague names that contain no alias of any document type (as whole words, folded)."""
    keys = sorted({fold(n) for t in types for n in t["names"]} - {""}, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(k) for k in keys) + r")(?!\w)")
    pool = [v for v in VAGUE_NAMES if not pattern.search(fold(v))]
    if not pool:  # every stock phrase collides: fall back to words no document is called
        pool = [f"Tài liệu bổ sung loại {chr(65 + i)}" for i in range(6)]
        pool = [v for v in pool if not pattern.search(fold(v))] or ["Tài liệu bổ sung"]
    return pool


def pick(rng: np.random.Generator, table, n: int) -> np.ndarray:
    """n indices into a [(..., weight, ...)] table, weight being the second field."""
    weights = np.array([row[1] for row in table], dtype=float)
    return rng.choice(len(table), size=n, p=weights / weights.sum())


def gumbel_top(rng: np.random.Generator, log_weights: np.ndarray, rows: int, k: int) -> np.ndarray:
    """rows × k indices drawn without replacement within a row (Gumbel top-k trick)."""
    keys = log_weights[None, :] + rng.gumbel(size=(rows, log_weights.size))
    k = min(k, log_weights.size)
    top = np.argpartition(-keys, k - 1, axis=1)[:, :k] if k < log_weights.size else \
        np.broadcast_to(np.arange(log_weights.size), (rows, k)).copy()
    order = np.argsort(-np.take_along_axis(keys, top, axis=1), axis=1)
    return np.take_along_axis(top, order, axis=1)


# ----------------------------------------------------------------------------- components


class RowMaker:
    """Builds component rows (name, copy_form, quantity, document_type) in batches."""

    def __init__(self, rng: np.random.Generator, types: list[dict]):
        self.rng = rng
        self.types = types
        self.vague = vague_pool(types)
        # Data-lookup sentences are about state-issued papers a person holds.
        self.individual = ([i for i, t in enumerate(types) if t["individual"] and not t["applicant_made"]]
                           or [i for i, t in enumerate(types) if t["individual"]] or list(range(len(types))))
        # Zipf-like popularity over a seeded permutation of the types (the YAML order
        # carries no popularity information).
        order = rng.permutation(len(types))
        rank = np.empty(len(types), dtype=int)
        rank[order] = np.arange(len(types))
        self.popularity = 1.0 / (rank + 1.0) ** ZIPF_EXPONENT
        self.popularity /= self.popularity.sum()
        self.log_popularity = np.log(self.popularity)

    def draw_types(self, counts: np.ndarray) -> list[np.ndarray]:
        """For each procedure, counts[i] distinct (as far as possible) document types."""
        kmax = int(counts.max()) if counts.size else 0
        if kmax == 0:
            return [np.empty(0, dtype=int) for _ in counts]
        chosen = gumbel_top(self.rng, self.log_popularity, counts.size, kmax)
        out = []
        for i, k in enumerate(counts.tolist()):
            row = chosen[i, :k]
            if k > row.size:  # more components than types: repeat popular ones
                extra = self.rng.choice(len(self.types), size=k - row.size, p=self.popularity)
                row = np.concatenate([row, extra])
            out.append(row)
        return out

    def rows(self, type_index: np.ndarray) -> dict[str, list]:
        """Rows for the given document types (one per entry), as column lists."""
        rng, n = self.rng, type_index.size
        kind = rng.random(n)                       # < vague, < vague+lookup, else named
        typed = rng.random(n) < SHARE_TYPED / (1.0 - SHARE_VAGUE - SHARE_LOOKUP)
        prefix = pick(rng, PREFIXES, n)
        prefix_applicant = pick(rng, PREFIXES_APPLICANT_MADE, n)
        tail = pick(rng, TAILS, n)
        alias_u = rng.random(n)
        give_form = rng.random(n)
        qty_u = rng.random(n)
        vague_i = rng.integers(0, len(self.vague), n)
        lookup_t = rng.integers(0, len(LOOKUP_TEMPLATES), n)
        lookup_d = rng.choice(self.individual, size=n)
        random_form = rng.choice(["original", "copy", "certified_copy"], size=n, p=[0.6, 0.25, 0.15])
        names, forms, quantities, doc_ids = [], [], [], []
        for i in range(n):
            u = kind[i]
            form = ""
            if u < SHARE_VAGUE:
                name, doc_id, given = self.vague[vague_i[i]], "", ""
            elif u < SHARE_VAGUE + SHARE_LOOKUP:
                t = self.types[lookup_d[i]]
                alias = t["names"][int(alias_u[i] * len(t["names"]))]
                name = LOOKUP_TEMPLATES[lookup_t[i]].format(alias=lower_first(alias), Alias=capitalize(alias))
                doc_id, given = "", ""
            else:
                t = self.types[type_index[i]]
                names_t = t["names"]
                # A typed row is mostly written with the official name, an untyped one with any alias.
                alias = names_t[0] if typed[i] and alias_u[i] < 0.6 else names_t[int(alias_u[i] * len(names_t))]
                words, _, form = (PREFIXES_APPLICANT_MADE[prefix_applicant[i]] if t["applicant_made"]
                                  else PREFIXES[prefix[i]])
                name = (words + lower_first(alias) if words else capitalize(alias)) + TAILS[tail[i]][0]
                doc_id = t["id"] if typed[i] else ""
                # The copy_form column is filled more often when the row is typed.
                if give_form[i] < (0.7 if typed[i] else 0.25):
                    given = form or ("original" if t["applicant_made"] else str(random_form[i]))
                else:
                    given = ""
            options = QUANTITIES[given or form]
            names.append(name)
            forms.append(given)
            quantities.append(options[int(qty_u[i] * len(options))])
            doc_ids.append(doc_id)
        return {"name": names, "copy_form": forms, "quantity": quantities, "document_type": doc_ids}


# ----------------------------------------------------------------------------- procedures


def sizes(procedures: int, components: int | None) -> tuple[int, int, int]:
    if procedures < 1:
        raise GenerationError("--procedures must be at least 1")
    central = FULL_CENTRAL if procedures == FULL_PROCEDURES else \
        max(1, min(procedures, round(procedures * FULL_CENTRAL / FULL_PROCEDURES)))
    target = components if components is not None else round(procedures * FULL_COMPONENTS / FULL_PROCEDURES)
    if target < procedures:
        raise GenerationError("--components must be at least --procedures (every procedure has one)")
    return central, procedures - central, target


def central_codes(rng: np.random.Generator, n: int) -> list[str]:
    """Codes shaped like the national portal's ("1.001234", "2.000567")."""
    space = max(13_000, 3 * n)
    numbers = np.sort(rng.choice(space, size=n, replace=False))
    prefixes = rng.choice([1, 2, 3], size=n, p=[0.45, 0.40, 0.15])
    return [f"{p}.{num:06d}" for p, num in zip(prefixes.tolist(), numbers.tolist())]


def channels_for(rng: np.random.Generator, online: np.ndarray) -> np.ndarray:
    u = rng.random(online.size)
    out = np.where(online == "none", np.where(u < 0.6, "direct", "direct;post"),
                   np.where(u < 0.45, "direct;online;post", "direct;online"))
    return np.where((online == "full") & (u > 0.9), "online", out).astype(object)


def online_levels(rng: np.random.Generator, n: int) -> np.ndarray:
    return rng.choice(np.array(["full", "partial", "none"], dtype=object), size=n, p=[0.35, 0.40, 0.25])


def volumes(rng: np.random.Generator, n: int, scale: float) -> np.ndarray:
    values = np.maximum(0, np.round(rng.lognormal(mean=math.log(scale), sigma=1.6, size=n))).astype(np.int64)
    text = values.astype(str).astype(object)
    text[rng.random(n) < 0.15] = ""
    return text


def allocate(total: int, weights: list[float], cap: int) -> np.ndarray:
    """Integer split of total proportional to weights, none above cap."""
    w = np.asarray(weights, dtype=float)
    counts = np.floor(total * w / w.sum()).astype(int)
    counts = np.minimum(counts, cap)
    order = np.argsort(-w, kind="stable")
    while counts.sum() < total:
        progressed = False
        for i in order:
            if counts.sum() == total:
                break
            if counts[i] < cap:
                counts[i] += 1
                progressed = True
        if not progressed:
            raise GenerationError("not enough localizable procedures for the requested variants")
    return counts


# ----------------------------------------------------------------------------- generate


def generate(out: Path, seed: int = 42, procedures: int = FULL_PROCEDURES, components: int | None = None,
             reference: Path = DEFAULT_REFERENCE, verbose: bool = False) -> dict:
    """Write a catalog folder into `out`; return counts describing it."""
    started = time.perf_counter()
    reference = Path(reference)
    types = load_document_types(reference)
    n_central, n_var, target = sizes(procedures, components)
    rng = np.random.default_rng(seed)
    rows = RowMaker(rng, types)

    # Central procedures.
    codes = np.array(central_codes(rng, n_central), dtype=object)
    ministry_i = pick(rng, MINISTRIES, n_central)
    ministry = np.empty(n_central, dtype=object)
    field = np.empty(n_central, dtype=object)
    name = np.empty(n_central, dtype=object)
    action_i = rng.choice(len(ACTIONS), size=n_central, p=np.array(ACTION_WEIGHTS) / sum(ACTION_WEIGHTS))
    u_field, u_object = rng.random(n_central), rng.random(n_central)
    for i in range(n_central):
        m_name, _, fields = MINISTRIES[ministry_i[i]]
        f_names = list(fields)
        f = f_names[int(u_field[i] * len(f_names))]
        objects = fields[f]
        obj = objects[int(u_object[i] * len(objects))]
        ministry[i], field[i] = m_name, f
        name[i] = f"{ACTIONS[action_i[i]]} {obj}"
    central_online = online_levels(rng, n_central)

    # Which central procedures are localized, how often, and at which level.
    n_loc = min(n_central, max(math.ceil(n_var / len(PROVINCES)), round(SHARE_LOCALIZABLE * n_central)))
    if n_var and n_loc == 0:
        raise GenerationError("no central procedure to localize")
    localizable = np.sort(rng.choice(n_central, size=n_loc, replace=False)) if n_loc else np.empty(0, int)
    local_level = np.where(rng.random(n_central) < 0.6, "provincial", "commune").astype(object)
    spread = np.log(rng.beta(2.0, 0.6, size=n_loc) + 1e-9)  # most parents localized almost everywhere
    per_province = allocate(n_var, PROVINCE_WEIGHTS, n_loc) if n_var else np.zeros(len(PROVINCES), int)
    var_parent_parts, var_province_parts = [], []
    for p, count in enumerate(per_province.tolist()):
        if count == 0:
            continue
        keys = spread + rng.gumbel(size=n_loc)
        chosen = np.sort(np.argpartition(-keys, count - 1)[:count]) if count < n_loc else np.arange(n_loc)
        var_parent_parts.append(localizable[chosen])
        var_province_parts.append(np.full(count, p))
    var_parent = np.concatenate(var_parent_parts) if var_parent_parts else np.empty(0, int)
    var_province = np.concatenate(var_province_parts) if var_province_parts else np.empty(0, int)
    variants_of = np.bincount(var_parent, minlength=n_central)

    # Component counts of central procedures, then the variants' add/remove edits.
    k = 1 + rng.poisson(4.5, size=n_central)
    heavy = rng.random(n_central) < 0.05
    k[heavy] += rng.integers(3, 12, size=int(heavy.sum()))
    k = np.clip(k, 1, MAX_COMPONENTS)
    edit_u = rng.random(n_var)
    add = edit_u < SHARE_VARIANT_ADD
    remove = (edit_u >= SHARE_VARIANT_ADD) & (edit_u < SHARE_VARIANT_ADD + SHARE_VARIANT_REMOVE)
    has_remove = np.bincount(var_parent[remove], minlength=n_central) > 0
    k_min = np.where(has_remove, 2, 1)
    k = np.maximum(k, k_min)

    # Calibrate the counts so the total hits the target: a parent's +1 costs 1 + its variants.
    weight = 1 + variants_of
    diff = target - (int((k * weight).sum()) + int(add.sum()) - int(remove.sum()))
    for group in (localizable, np.setdiff1d(np.arange(n_central), localizable)):
        group = rng.permutation(group)
        while diff:
            moved = False
            for c in group.tolist():
                w = int(weight[c])
                if w > abs(diff):
                    continue
                step = 1 if diff > 0 else -1
                if k_min[c] <= k[c] + step <= MAX_COMPONENTS:
                    k[c] += step
                    diff -= step * w
                    moved = True
                    if not diff:
                        break
            if not moved:
                break

    # Rows of central procedures.
    chosen_types = rows.draw_types(k)
    flat_types = np.concatenate(chosen_types) if chosen_types else np.empty(0, int)
    central_rows = rows.rows(flat_types)
    c_name = np.array(central_rows["name"], dtype=object)
    c_form = np.array(central_rows["copy_form"], dtype=object)
    c_qty = np.array(central_rows["quantity"], dtype=object)
    c_doc = np.array(central_rows["document_type"], dtype=object)
    start = np.concatenate([[0], np.cumsum(k)[:-1]])

    # Variant procedures.
    prov_codes = np.array([c for c, _ in PROVINCES], dtype=object)
    prov_names = np.array([n for _, n in PROVINCES], dtype=object)
    v_code = codes[var_parent] + "." + prov_codes[var_province]
    v_level = local_level[var_parent].copy()
    flip = rng.random(n_var) < 0.10
    v_level[flip] = np.where(v_level[flip] == "provincial", "commune", "provincial")
    v_online = central_online[var_parent].copy()
    redo = rng.random(n_var) < 0.20
    v_online[redo] = online_levels(rng, int(redo.sum()))

    procs = pd.DataFrame({
        "code": np.concatenate([codes, v_code]),
        "name": np.concatenate([name, name[var_parent]]),
        "ministry": np.concatenate([ministry, ministry[var_parent]]),
        "field": np.concatenate([field, field[var_parent]]),
        "level": np.concatenate([np.full(n_central, "central", dtype=object), v_level]),
        "province": np.concatenate([np.full(n_central, "", dtype=object), prov_names[var_province]]),
        "parent_code": np.concatenate([np.full(n_central, "", dtype=object), codes[var_parent]]),
        "online_level": np.concatenate([central_online, v_online]),
        "channels": np.concatenate([channels_for(rng, central_online), channels_for(rng, v_online)]),
        "annual_volume": np.concatenate([volumes(rng, n_central, 4000.0), volumes(rng, n_var, 150.0)]),
    }, columns=PROCEDURE_COLUMNS)

    # Variant rows: copy the parent's rows, drop one for "remove" variants, add one for "add".
    pk = k[var_parent]
    rep = np.repeat(np.arange(n_var), pk)
    offsets = np.concatenate([[0], np.cumsum(pk)[:-1]]) if n_var else np.empty(0, int)
    within = np.arange(rep.size) - np.repeat(offsets, pk)
    removed_at = np.floor(rng.random(n_var) * pk).astype(int)
    is_removed_variant = remove[rep]
    keep = ~(is_removed_variant & (within == removed_at[rep]))
    seq = within + 1 - (is_removed_variant & (within > removed_at[rep])).astype(int)
    src = start[var_parent][rep] + within
    rep, seq, src = rep[keep], seq[keep], src[keep]
    add_v = np.flatnonzero(add)
    added = rows.rows(rng.choice(len(types), size=add_v.size, p=rows.popularity))
    order = np.argsort(np.concatenate([rep, add_v]), kind="stable")

    def variant_column(central_values: np.ndarray, added_values: list) -> np.ndarray:
        return np.concatenate([central_values[src], np.array(added_values, dtype=object)])[order]

    central_code_rows = np.repeat(codes, k)
    comps = pd.DataFrame({
        "procedure_code": np.concatenate([central_code_rows, np.concatenate([v_code[rep], v_code[add_v]])[order]]),
        "seq": np.concatenate([np.concatenate([np.arange(1, x + 1) for x in k.tolist()]) if n_central else [],
                               np.concatenate([seq, pk[add_v] + 1])[order]]).astype(np.int64),
        "name": np.concatenate([c_name, variant_column(c_name, added["name"])]),
        "copy_form": np.concatenate([c_form, variant_column(c_form, added["copy_form"])]),
        "quantity": np.concatenate([c_qty, variant_column(c_qty, added["quantity"])]),
        "document_type": np.concatenate([c_doc, variant_column(c_doc, added["document_type"])]),
    }, columns=COMPONENT_COLUMNS)

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    procs.to_csv(out / "procedures.csv", index=False, encoding="utf-8", lineterminator="\n")
    comps.to_csv(out / "components.csv", index=False, encoding="utf-8", lineterminator="\n")
    for file_name in REFERENCE_FILES:
        shutil.copyfile(reference / file_name, out / file_name)

    names = comps["name"]
    stats = {
        "out": str(out),
        "seed": seed,
        "procedures": len(procs),
        "central": n_central,
        "variants": n_var,
        "provinces": int((per_province > 0).sum()),
        "ministries": int(procs["ministry"].nunique()),
        "components": len(comps),
        "components_target": target,
        "components_per_procedure": round(len(comps) / len(procs), 3),
        "variants_with_added_component": int(add.sum()),
        "variants_with_removed_component": int(remove.sum()),
        "document_types": len(types),
        "share_document_type_filled": round(float((comps["document_type"] != "").mean()), 4),
        "share_copy_form_filled": round(float((comps["copy_form"] != "").mean()), 4),
        "share_vague": round(float(names.isin(rows.vague).mean()), 4),
        "share_data_lookup": round(float(names.str.contains("không phải nộp", regex=False).mean()), 4),
        "seconds": round(time.perf_counter() - started, 2),
    }
    if verbose:
        for key, value in stats.items():
            print(f"{key:>32}: {value}")
    return stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True, type=Path, help="catalog folder to write (created if missing)")
    parser.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    parser.add_argument("--procedures", type=int, default=FULL_PROCEDURES,
                        help=f"total procedures, central + variants (default {FULL_PROCEDURES:,})")
    parser.add_argument("--components", type=int, default=None,
                        help=f"total components (default {FULL_COMPONENTS:,} scaled to --procedures)")
    parser.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE,
                        help=f"folder holding {' and '.join(REFERENCE_FILES)} to read and copy "
                             f"(default {DEFAULT_REFERENCE})")
    args = parser.parse_args(argv)
    try:
        generate(args.out, seed=args.seed, procedures=args.procedures, components=args.components,
                 reference=args.reference, verbose=True)
    except (GenerationError, OSError, yaml.YAMLError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
