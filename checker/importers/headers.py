"""Recognise the header row of a ministry's sheet and map its Vietnamese headers to our fields.

Headers come with or without diacritics, in any case, with variants ("Mã TTHC",
"Mã thủ tục", "Mã số"; "Tên thủ tục hành chính"; "Cơ quan thực hiện"…) and
often sit on row 3 under a merged title. Matching is on folded text.
"""

from __future__ import annotations

from checker.text import fold

# field -> folded header variants (exact, or the header starts with the variant followed by a space)
SYNONYMS: dict[str, tuple[str, ...]] = {
    "code": ("ma tthc", "ma thu tuc", "ma thu tuc hanh chinh", "ma so", "ma so tthc", "ma", "code",
             "procedure code", "procedure_code", "ma tthc quoc gia", "ma so thu tuc"),
    "name": ("ten thu tuc hanh chinh", "ten thu tuc", "ten tthc", "ten", "thu tuc hanh chinh", "name",
             "procedure name", "ten thu tuc hanh chinh tthc"),
    "ministry": ("co quan ban hanh", "bo nganh", "bo co quan", "co quan chu quan", "bo", "ministry",
                 "bo nganh dia phuong", "co quan quan ly"),
    "agency": ("co quan thuc hien", "don vi thuc hien", "co quan giai quyet", "co quan tiep nhan",
               "implementing agency", "implementing_agency"),
    "field": ("linh vuc", "field"),
    "level": ("cap thuc hien", "cap giai quyet", "cap", "level"),
    "components": ("thanh phan ho so", "thanh phan so luong ho so", "ho so gom", "ho so bao gom",
                   "thanh phan ho so gom"),
    "component": ("ten giay to", "ten thanh phan ho so", "giay to", "thanh phan", "ten thanh phan",
                  "component", "component_name"),
    "seq": ("stt", "tt", "so thu tu", "seq"),
    "quantity": ("so luong", "quantity"),
    "original_count": ("ban chinh", "so ban chinh"),
    "copy_count": ("ban sao", "so ban sao"),
    "copy_form": ("hinh thuc", "loai ban", "copy_form", "hinh thuc giay to"),
    "document_type": ("loai giay to", "ma giay to", "document_type"),
    "online_level": ("muc do", "muc do dvc", "muc do dich vu cong", "dich vu cong truc tuyen", "dvc truc tuyen",
                     "online_level", "muc do dvctt"),
    "channels": ("cach thuc thuc hien", "hinh thuc nop", "cach thuc nop", "channels", "cach thuc"),
    "province": ("tinh", "tinh thanh pho", "dia phuong", "province", "tinh thanh"),
    "parent_code": ("ma tthc goc", "ma thu tuc goc", "parent_code", "ma tthc trung uong"),
    "annual_volume": ("so ho so nam", "so luong ho so nam", "annual_volume", "so ho so"),
}

_LOOKUP = {variant: field for field, variants in SYNONYMS.items() for variant in variants}


def field_for(header) -> str | None:
    """Our field for one header cell, or None."""
    if header is None:
        return None
    key = fold(str(header))
    if not key:
        return None
    if key in _LOOKUP:
        return _LOOKUP[key]
    best = None
    for variant, field in _LOOKUP.items():
        if " " in variant and key.startswith(variant + " ") and (best is None or len(variant) > len(best[0])):
            best = (variant, field)
    return best[1] if best else None


def map_header(cells: list) -> dict[int, str]:
    """Column index -> field, first occurrence of a field wins."""
    mapping: dict[int, str] = {}
    seen: set[str] = set()
    for index, cell in enumerate(cells):
        field = field_for(cell)
        if field and field not in seen:
            mapping[index] = field
            seen.add(field)
    # A contract components file names the component "name" next to "procedure_code".
    if "code" in seen and "name" in seen and "seq" in seen and any(
            fold(str(c)) == "procedure_code" for c in cells if c is not None):
        for index, field in list(mapping.items()):
            if field == "name":
                mapping[index] = "component"
    return mapping


def is_header(cells: list) -> bool:
    fields = set(map_header(cells).values())
    return len(fields) >= 2 and bool(fields & {"name", "code", "component", "components"})
