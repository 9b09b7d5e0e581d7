"""Vietnamese text normalisation and the few wording cues the checker reads.

Everything that compares text goes through `fold()`, so NFC/NFD input, lost
diacritics (OCR), "đ"/"Đ", non-breaking spaces and smart quotes all compare
equal. The cue patterns are written on folded text for the same reason.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"[\s\u00a0\u2007\u202f\u200b\u200e\u200f\ufeff]+")
_PARENTHESES = re.compile(r"\([^()]*\)")
_GLUED = re.compile(r"([a-zđ][\u0300-\u036f]*)(?=[A-ZĐ])")    # on NFD text: a lower-case letter, its marks, then a capital
_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})


def clean(value: str) -> str:
    """NFC, one space between words, straight quotes; the form we store and print."""
    if not isinstance(value, str):
        return value
    if not value.isascii():           # ASCII is already NFC and has no smart quotes
        value = unicodedata.normalize("NFC", value).translate(_QUOTES)
    return _SPACES.sub(" ", value).strip()


# Abbreviations officials write in dossier lists ("VB xác nhận của cơ quan công an", "UBND cấp xã").
_ABBREVIATIONS = {"vb": "van ban", "ubnd": "uy ban nhan dan", "hdnd": "hoi dong nhan dan", "gcn": "giay chung nhan"}
_ABBREVIATION = re.compile(r"\b(?:" + "|".join(_ABBREVIATIONS) + r")\b")


@lru_cache(maxsize=200_000)
def fold(value: str) -> str:
    """Lower-case, diacritics removed, đ→d, punctuation to spaces: the matching key."""
    # "…tàu biểnGCN ĐK…", "thì nộpVăn bản…": a form file name or the next cell glued on by the portal.
    value = _GLUED.sub(r"\1 ", unicodedata.normalize("NFD", clean(value))).lower()
    value = "".join(ch for ch in value if unicodedata.category(ch) != "Mn")
    value = value.replace("đ", "d").replace("Đ", "d")
    value = re.sub(r"[^\w%]+", " ", value)
    return _ABBREVIATION.sub(lambda m: _ABBREVIATIONS[m.group(0)], value).strip()


# Copy-form wording, on folded text. Order matters: the most specific first.
_CERTIFIED = re.compile(
    r"ban sao (co|duoc|da) (chung thuc|cong chung)|ban sao chung thuc|ban sao cong chung|"
    r"ban sao hop phap hoa|co chung thuc"
)
_CERTIFIED_ALTERNATIVE = re.compile(
    r"hoac ban (sao|chup)|kem (theo )?ban chinh de (doi chieu|so sanh)|"
    r"hoac ban sao dien tu|ban sao dien tu|hoac xuat trinh ban chinh"
)
_PHOTOCOPY = re.compile(r"\bban chup\b|\bban photo\b|\bphotocopy\b")
_COPY = re.compile(r"\bban sao\b")
_ORIGINAL = re.compile(r"\bban chinh\b|\bban goc\b|\bxuat trinh\b")


def copy_form_from_text(name: str) -> str:
    """Read the copy form a component demands from its wording.

    A certified copy offered with a plain-copy alternative ("bản sao có chứng
    thực hoặc bản sao kèm bản chính để đối chiếu") is what Nghị định 23/2015
    Điều 6 allows, so it counts as a plain copy, not as a certified-copy demand.
    """
    text = fold(name)
    if _CERTIFIED.search(text):
        return "copy" if _CERTIFIED_ALTERNATIVE.search(text) else "certified_copy"
    if _PHOTOCOPY.search(text):
        return "photocopy"
    if _COPY.search(text):
        return "copy"
    if _ORIGINAL.search(text):
        return "original"
    return "unknown"


_DATA_LOOKUP = re.compile(
    # fold() has removed punctuation, so the gaps below are measured in characters of words.
    r"(khai thac|tra cuu|tich hop|lay thong tin|chia se|ket noi)[^.;]{0,300}"
    r"(co so du lieu|csdl|vneid|dinh danh|can cuoc dien tu|he thong thong tin)"
    r"|(co so du lieu|csdl|vneid|dinh danh dien tu)[^.;]{0,300}"
    r"(khong (phai|can) (nop|xuat trinh|cung cap|tai len)|khong bao gom)"
    r"|khong (phai|can) (nop|xuat trinh|cung cap|tai len)[^.;]{0,200}(co so du lieu|csdl|vneid|dinh danh|khai thac)"
    # NQ 66.7 wording: "(trường hợp … là bản sao giấy chứng nhận … thì sử dụng dữ liệu trên cơ sở dữ liệu
    # về Đất đai để thay thế)". Not "… được thay thế bằng dữ liệu khi Cơ sở dữ liệu … được vận hành": that
    # is a promise for a database not yet running, and the paper is still demanded until then.
    r"|su dung (du lieu|thong tin) (tren|trong|tu|cua) (co so du lieu|csdl)[^.;]{0,150} thay the\b"
    # A fallback that applies only when the lookup fails is what NQ 66.7 allows: compliant.
    r"|(truong hop|neu)[^.;]{0,120}(khong (the )?(khai thac|tra cuu|xac minh) duoc|"
    r"(chua|khong) (co|duoc cap nhat)( thong tin)?( [a-z ]{0,40})? (trong|tren) (co so du lieu|csdl|he thong))"
)


def says_data_lookup(name: str) -> bool:
    """True when the component text says the information is taken from data.

    The portal's post-2025 texts read like "thông tin ... được khai thác trong
    Cơ sở dữ liệu quốc gia về dân cư thì không phải nộp"; such a component is
    already compliant.
    """
    return bool(_DATA_LOOKUP.search(fold(name)))


_PAPER_ONLY = re.compile(
    r"ban giay|nop truc tiep|xuat trinh ban chinh tai|nop ban chinh tai|"
    r"tai bo phan (mot cua|tiep nhan)|qua duong buu chinh"
)


def demands_paper(name: str) -> bool:
    """True when a component can only be met with paper at a counter or by post."""
    return bool(_PAPER_ONLY.search(fold(name)))


_LEADING_NOISE = re.compile(
    r"^(?:(?:\d{1,2}(?: (?:mot|hai|ba|bon|sau|bay|tam|chin|muoi)(?= ))?|(?!y kien\b)[a-z]|[ivx]{1,4}|"  # not "Ý kiến"
    r"thanh phan ho so(?: so)? \d{1,2}|thanh phan ho so gom)\s+)+")
# How the dossier is handed in, as a copy form's condition: "(trường hợp nộp hồ sơ trực tiếp); bản sao có chứng
# thực (trường hợp gửi hồ sơ qua bưu chính hoặc trên môi trường điện tử) các quyết định …".
_CHANNEL = (
    r"(?:truc tiep|truc tuyen|qua (?:duong )?(?:buu chinh|buu dien)(?: cong ich)?|(?:tren|qua) moi truong dien tu|"
    r"qua (?:he thong |cong )?dich vu cong(?: truc tuyen)?|theo hinh thuc phu hop khac)"
)
_COPY_WORDS = re.compile(
    r"^(?:"
    r"(?:trong )?truong hop (?:nop|gui) (?:ho so )?" + _CHANNEL + r"(?: (?:hoac|va) " + _CHANNEL + r")*\b|"
    r"(?:0?\d{1,2}|mot|hai|ba) (?:bo|ban)\b(?! (?:sao|chinh|chup|goc|photo|dien tu|dich)\b)|"
    r"ban sao (?:co |duoc |da |da duoc )?(?:chung thuc|cong chung|hop le|hop phap hoa|dien tu|y)\b|"
    r"ban (?:sao|chinh|chup|goc|photo|dien tu|in|scan|dich|chung thuc)\b|bao sao\b|"   # "Bảo sao": a slip of "Bản sao"
    r"(?:(?:ra |sang )?tieng viet|tieng nuoc ngoai)\b|"
    r"do chinh co quan(?: to chuc)?(?: hoac)?(?: ca nhan)? da (?:lap|cap) ban chinh (?:xac thuc|chung thuc)\b|"
    r"hop phap\b|co gia tri phap ly\b|mau(?= (?:giay|van ban|chung nhan)\b)|"     # "Bản chụp mẫu Giấy chứng nhận …": a specimen
    r"(?:kem|va|co) (?:theo )?ban (?:chinh|goc)(?: de)?(?: (?:doi chieu|so sanh|kiem tra))?\b|"   # "bản photo có bản gốc đối chiếu"
    r"(?:duoc )?(?:cap |trich )?tu so goc\b|(?:duoc chung thuc )?tu ban chinh\b|hop le\b|"
    r"(?:de )?(?:doi chieu|so sanh|kiem tra)\b|dien tu\b|"
    r"ban (?=ke hoach\b|de an\b|phuong an\b|du thao\b|trich luc\b)|"   # "01 bản Kế hoạch": not the "bản kê" of a list
    r"(?:co |duoc )?(?:chung thuc|cong chung|xac thuc)(?: theo quy dinh)?\b|"
    r"tu(?= (?:giay|ban|so|the|van ban|quyet dinh|hop dong|chung chi|trich luc|bang|can cuoc|chung minh|mot trong|cac|"
    r"ho chieu|phieu)\b)|"                                   # "chứng thực từ giấy …", "… từ căn cước công dân"
    r"hoac\b|va\b|hay\b|xuat trinh\b|nop\b|gui\b|cua\b|doi voi\b|ve\b|cac\b|mot trong\b|\d{1,2}\b|"
    r"(?:nop )?(?:them|bo sung)\b|tep tin\b|file\b|chup\b|neu co\b|"
    # "Bản sao có xác nhận sao y bản chính của tổ chức đề nghị": the applicant vouches for its own copy.
    r"co xac nhan (?:sao y (?:ban chinh )?)?cua (?:doanh nghiep|to chuc|ca nhan)(?: de nghi)?\b|"
    r"kem (?:theo )?xuat trinh ban chinh(?: de doi chieu)?\b|co xuat trinh\b|photo\b|"
    # "Bản sao hoặc ảnh chụp tài liệu lưu trữ": a photograph of a paper is a copy of it, not a photo of a site.
    r"anh chup(?= (?:tai lieu|giay|van ban|ban|chung chi|chung nhan|quyet dinh|ho so)\b)|"
    r"mang (?:theo )?(?=ban (?:chinh|goc)\b)"                # "Bản sao và mang bản chính để đối chiếu"
    r")\s*"
)


def unnumbered(name: str) -> str:
    """Folded text with list numbering and bullets cut from the front, copy-form words kept."""
    return _LEADING_NOISE.sub("", fold(name))


def without_asides(value: str) -> str:
    """The text with parenthesised asides removed: "Giấy chứng nhận (bản gốc) đã cấp" → "Giấy chứng nhận đã cấp"."""
    for _ in range(3):                      # nested "(… (…) …)"
        shorter = _PARENTHESES.sub(" ", value)
        if shorter == value:
            break
        value = shorter
    return value


def head_text(name: str) -> str:
    """Folded text with numbering, bullets and copy-form words cut from the front.

    What remains starts with the document's own head noun ("giay khai sinh ..."),
    which is where the matcher looks for a confident alias.
    """
    text = unnumbered(name).strip()
    for _ in range(40):
        shorter = _COPY_WORDS.sub("", text, count=1)
        if shorter == text:
            break
        text = shorter
    return text


_GENERIC_HEAD = re.compile(
    r"^(?:thong tin ve\s+)?(?:(?:cac|nhung|mot trong cac|mot trong nhung|mot hoac mot so)\s+)?"
    r"(?:loai\s+)?(?:giay to|tai lieu|van ban|ho so|thanh phan ho so|ban sao cac giay to|giay to phap ly)\b"
)
_CASE_PREFIX = re.compile(r"^(?:doi voi|truong hop|khi|neu)\b")
_NOTE_PREFIX = re.compile(
    r"^(?:luu y|chu y|ghi chu|note|so luong|thoi han|thoi gian|le phi|phi|dia chi|ten|ma so|so|noi dung|mau)\b")


_BULLET_AFTER = re.compile(r"\s*[-+•]+\s")
_LIST_INTRO = re.compile(r"\b(?:giay to|tai lieu|van ban|chung tu) sau(?: day)?$")
# Not "Quy định ban hành kèm theo Nghị quyết số …" (a legal reference) nor "bản sao kèm theo bản gốc" (a copy form).
# Nor "theo Mẫu 03 Phụ lục I kèm theo Nghị quyết số …": an enacted instrument with its number is a reference too.
_INTRO_WORDS = re.compile(
    r"(?:bao gom|gom|(?<!ban hanh )(?<!ban sao )kem theo"
    r"(?! ban (?:goc|chinh)| (?:nghi quyet|nghi dinh|thong tu|quyet dinh|luat|phap lenh)(?: lien tich)? so\b)|"
    r"sau day|nhu sau)\s*:?")
# A consequent clause that names what must be handed in: "Trường hợp … thì nộp bản sao …",
# "Hành khách là người nước ngoài phải xuất trình hộ chiếu …", "… phải kèm theo bản sao …".
_BARE_DEMAND = re.compile(
    r"(?<!khong )(?<!chua )(?<!da )(?<!can )(?<!phai )\b(?:nop|xuat trinh)\b"
    r"(?! (?:ho so|thu tuc|truc tiep|qua|tai|cho|thue|tien|le phi|phi)\b)\s*:?|"
    r"(?<!khong )\bphai co\b\s*:?")
_BESIDES = re.compile(r"^ngoai (?:cac )?(?:thanh phan ho so|giay to|ho so|tai lieu)\b")
_SUBJECT_DEMANDED = re.compile(
    r"\bthi (?=[^;.]{3,160}? la (?:tai lieu|giay to|thanh phan(?: ho so)?) (?:phai co|bat buoc)\b)")
_SENTENCE_END = re.compile(r"(?<![\d\s])\.\s")    # not the "1.2. " of numbering
_LIST_LETTER = re.compile(r"^[\s\-+*•]*[a-z]\.\s")
_DEMAND = re.compile(
    r"(?<!khong )\b(?:(?:thi|ma) (?:phai |can |chi )?|phai |can |chi )(?:nop|xuat trinh|kem theo|dinh kem|bo sung|gui)"
    r"(?: (?:them|bo sung|kem theo|kem))?\b\s*:?|\bthi (?:phai )?co\b\s*:?|\bco them\b|"
    r"\bla(?= ban (?:sao|chinh|chup|goc)\b)"      # "… là bản sao giấy khai sinh …"
)


@lru_cache(maxsize=65_536)
def _base_char(ch: str) -> str:
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if unicodedata.category(c) != "Mn")
    base = base.lower().replace("đ", "d")
    return base if len(base) == 1 else ch.lower()


def skeleton(value: str) -> str:
    """`value` lower-cased without diacritics, character for character: positions stay valid.

    Unlike `fold()` it keeps punctuation, so a cue found here can cut the original text.
    """
    return "".join(map(_base_char, value))


def opens_with_case(name: str) -> bool:
    """True when the text opens with a case ("Đối với …", "Trường hợp …", "Khi …", "Nếu …"), not a paper."""
    return bool(_CASE_PREFIX.match(unnumbered(name)))


@lru_cache(maxsize=65_536)       # a case is read for its demand first, then again as a listed text
def listed_text(name: str) -> str:
    """For 'Giấy tờ …: <first document>, …' the text from the document demanded on, else ''.

    A generic head ("Giấy tờ chứng minh …", "Một trong các giấy tờ sau:", "Hồ sơ …
    phải kèm theo …") says nothing by itself; the document demanded is the first
    one listed after it. A case or role before a colon ("Đối với hành khách: Hộ
    chiếu …") works the same way, and so does a consequent clause ("Trường hợp …
    thì nộp bản sao …", "Hành khách … phải xuất trình hộ chiếu").
    """
    folded_head = head_text(name)
    cut = name.find(":")
    cut = cut if 0 <= cut <= 200 else -1
    generic = bool(_GENERIC_HEAD.match(folded_head))
    if cut >= 0:
        prefix = unnumbered(name[:cut])
        case_prefix = bool(_CASE_PREFIX.match(prefix)) and cut <= 120
        # A short role or recipient before the colon ("Trình Kiểm dịch y tế: Phiếu …"), not a note.
        rest = name[cut + 1:]
        # Not when only a count follows ("Phiếu giao nhận hàng hóa: 01 bản chính; - Bảng kê …"): the paper is before it.
        # A longer one only when a bulleted list follows ("(1) Thanh niên xung phong … chết: - Giấy khai tử …").
        role_prefix = ((cut <= 60 or _BULLET_AFTER.match(rest)) and bool(prefix) and not _NOTE_PREFIX.match(prefix)
                       and bool(head_text(rest.split(";")[0])))
        # "Người yêu cầu chứng thực xuất trình một trong các giấy tờ sau: …": the list follows.
        list_intro = bool(_LIST_INTRO.search(prefix))
        if generic or case_prefix or role_prefix or list_intro:
            if rest.strip():
                return rest
    shape = skeleton(name)
    if generic:
        intro = _INTRO_WORDS.search(shape, 0, 200)
        if intro and name[intro.end():].strip():
            return name[intro.end():]
    # "f.\tĐối với …": the letter numbering the row ends no sentence.
    lettered = _LIST_LETTER.match(shape)
    sentence = _SENTENCE_END.search(shape, lettered.end() if lettered else 0)
    clause_end = min((i for i in (shape.find(";"), sentence.start() if sentence else -1, 250) if i >= 0))
    # A demand inside an aside belongs to the aside's case ("Giấy tờ chứng minh địa điểm hợp pháp (trường hợp
    # giấy tờ … có thành phần là bản sao giấy chứng nhận … thì …)"): it names no paper of the row itself.
    shape = _PARENTHESES.sub(lambda m: " " * len(m.group(0)), shape)
    demand = _DEMAND.search(shape, 0, clause_end)   # a later sentence is another case
    case = opens_with_case(name)
    if not demand and case:
        # "Trường hợp … thì bản án, quyết định của Tòa án là tài liệu phải có trong hồ sơ"
        demand = _SUBJECT_DEMANDED.search(shape, 0, clause_end)
    if not demand and (case or _BESIDES.match(unnumbered(name))):
        # "Đối với …, nhà đầu tư nộp văn bản …", "ngoài thành phần hồ sơ quy định tại điểm a, nộp thêm bản sao …"
        demand = _BARE_DEMAND.search(shape, 0, clause_end)
    if demand and name[demand.end():].strip():
        return name[demand.end():]
    return ""


_FOREIGN = re.compile(
    # Issuance abroad, not merely a foreign party ("nhà đầu tư nước ngoài", "trọng tài nước ngoài").
    r"\b(?:co quan|cap) (?:co tham quyen |chuc nang |y te |thue |hai quan |kiem dich )?(?:cua )?nuoc ngoai\b|"
    r"\bto chuc (?:co tham quyen|chuc nang) (?:cua )?nuoc ngoai\b|"
    r"(?<! o )\bnuoc ngoai cap\b|\bcua nuoc (?:ma|noi|xuat khau|nhap khau|so tai|nguoi do|san xuat|tiep nhan)\b|\bnuoc xuat khau\b|"
    r"\b(?:do|cua) nuoc (?:cu tru|co tau|mang co)\b|\bmang co (?:quoc tich )?nuoc ngoai\b|"
    r"\bhop phap hoa lanh su\b|\bco quan co tham quyen (?:cua )?nuoc\b|"
    r"\btham quyen (?:cua )?nuoc (?:ngoai|san xuat|xuat khau|so tai|noi|ma|tiep nhan|cu tru)\b|"
    r"\bphap luat (?:cua )?nuoc ngoai\b|\b(?:dao tao|cap) o nuoc ngoai\b|"
    r"\btai (?:it nhat )?(?:\d+|hai|ba|nam) nuoc\b|"            # "… tại ít nhất 05 nước phát triển"
    # A school abroad, not a foreign-invested one here ("cơ sở giáo dục có vốn đầu tư nước ngoài").
    r"(?<!va )\b(?:cua|do) co so (?:giao duc|dao tao)(?: dai hoc)? (?:cua )?nuoc ngoai\b(?! (?:tai|o) viet nam)|"
    r"\bchinh quyen (?:dia phuong )?(?:cua )?nuoc ngoai\b|\bngoai giao nuoc cu\b|"
    # "… của Đại sứ quán hoặc Lãnh sự hoặc Tổng Lãnh sự quốc gia, vùng lãnh thổ": a mission in Viet Nam of
    # another state; Viet Nam's own missions abroad are named as such ("Đại sứ quán Việt Nam tại …").
    r"\b(?:cua|do) (?:dai su quan|(?:tong )?lanh su(?: quan)?)\b(?!(?: [a-z]+){0,5} viet nam\b)|"
    r"\b(?:dai su quan|(?:tong )?lanh su quan|co quan dai dien ngoai giao) (?:cua )?nuoc ngoai\b|"
    r"\btham quyen (?:cua )?phia (?!viet nam\b)[a-z]+|"                  # "… của phía Trung Quốc": the other party's state
    # "Văn bản của Bộ Thương mại Vương quốc Campuchia": another state's ministry or government.
    r"\b(?:bo|chinh phu|bo truong|dai su quan|lanh su quan)(?: (?!viet\b|tai\b)[a-z]+){0,3} "
    r"(?:vuong quoc|cong hoa|hop chung quoc)\b(?! xa hoi chu nghia viet nam)|"
    r"\bban dich\b.{0,80}\btu tieng (?!viet\b)[a-z]+ sang tieng viet\b|"  # translated from Chinese: not a Vietnamese paper
    # "Giấy đăng ký kinh doanh hoặc giấy tờ có giá trị tương đương của doanh nghiệp lữ hành nước ngoài": the
    # equivalent is the foreign firm's own registration. A branch or representative office of a foreign firm,
    # or a firm with foreign capital, is registered in Viet Nam.
    r"\btuong duong (?:khac )?cua (?:doanh nghiep|to chuc|thuong nhan|cong ty|hang|nha dau tu)"
    r"(?: (?!chi nhanh\b|van phong\b|co von\b|von\b)[a-z]+){0,6}? nuoc ngoai\b(?! (?:tai|o) viet nam)"
)
_LISTED_ASIDE = re.compile(r"(\([^();]*);[^()]*\)")
_SUB_CASE = re.compile(r" (?:trong do (?!co )|trong truong hop )")
_OTHER_STATE = re.compile(r" (?:cua|tai|o) (?!viet nam\b)")      # "cơ quan có thẩm quyền của Trung Quốc"
_ISSUER_DONE = re.compile(r"\b(?:cap|ban hanh|xac nhan|doi voi|ve)\b")
_DOMESTIC_CASE = re.compile(r"\bdoi voi [a-z ]{0,60}\btrong nuoc\b")
_CLAUSE_END = re.compile(r"[:;]|\.\s|\s[-+]\s")
_CLAUSE_MARKS_AS_COMMAS = str.maketrans(":;.", ",,,")
_HEADING = re.compile(r"^(?:truong hop|doi voi|neu)\b.*$")


def says_issued_abroad(name: str) -> bool:
    """True when the first clause says a foreign authority issued the document.

    Only the first clause: in "Giấy xác nhận … thôi quốc tịch Việt Nam hoặc bản dịch
    một trong các giấy tờ sau: - Hộ chiếu do nước ngoài cấp …" the document demanded
    first is Vietnamese, and the foreign papers are alternatives further down.
    """
    # "Giấy tờ chứng minh quốc tịch Việt Nam (Giấy khai sinh; …; Trích lục … đã được đăng ký tại cơ quan có thẩm
    # quyền của nước ngoài …)": the later items of a list in parentheses say nothing of the head paper's issuer;
    # its first item may ("(… là giấy tờ do cơ quan có thẩm quyền của nước ngoài xác nhận; trường hợp …)").
    clause = _SUB_CASE.split(first_clause(_LISTED_ASIDE.sub(r"\1)", name)), 1)[0]
    # "… văn bằng, chứng chỉ …, trong đó văn bằng do cơ sở giáo dục nước ngoài cấp phải …": a sub-case.
    foreign = _FOREIGN.search(clause)
    # "Giấy chứng nhận … (đối với tổ chức trong nước) hoặc văn bản … của cơ quan có thẩm quyền nước ngoài":
    # the head paper is the domestic one; the foreign paper is the alternative.
    if not foreign or _DOMESTIC_CASE.search(clause, 0, foreign.start()):
        return False
    # "Giấy công nhận tương đương của cơ quan có thẩm quyền … đối với các văn bằng do cơ sở đào tạo nước ngoài
    # cấp", "Phiếu lý lịch tư pháp do cơ quan có thẩm quyền của Việt Nam cấp …, Phiếu … do cơ quan có thẩm quyền
    # của nước ngoài cấp": the head paper's own issuer, a Vietnamese body, comes first, and the foreign body
    # issues something else. "do Bộ Nông nghiệp nước xuất khẩu cấp" is one foreign issuer, not two.
    issuer = _STATE_ISSUER.search(clause, 0, foreign.start())
    return not (issuer and issuer.end() <= foreign.start() and not _OTHER_STATE.match(clause, issuer.end())
                and _ISSUER_DONE.search(clause, issuer.end(), foreign.start()))


# "Bản sao văn bằng … kèm theo bản công chứng dịch sang tiếng Việt": a paper that must come with a translation
# is written in another language, so it was most likely issued abroad (a diploma to be recognised, a transcript
# from studies abroad). The row does not say so outright, so this only keeps the domestic type from being
# assumed; "trường hợp … bằng tiếng nước ngoài thì kèm bản dịch" is a condition, not a statement.
_TRANSLATED = re.compile(
    r"\b(?:va|kem|kem theo|kem voi) (?:01 )?ban (?:cong chung |sao )?dich (?:hop le |co chung thuc |cong chung )?"
    r"(?:sang |ra )?tieng viet\b|"
    r"^(?:0?1 )?ban dich\b(?=.{0,120}?\b(?:sang|ra) tieng viet\b)")   # "Bản dịch hộ chiếu … sang tiếng Việt"
_TRANSLATION_CONDITION = re.compile(r"\b(?:neu|truong hop|doi voi|tieng nuoc ngoai|ngon ngu khac)\b")


def says_translated(name: str) -> bool:
    """True when the first clause demands the paper together with its Vietnamese translation, unconditionally."""
    clause = first_clause(name)
    translated = _TRANSLATED.search(clause)
    return bool(translated) and not _TRANSLATION_CONDITION.search(clause, 0, translated.start())


# "cá nhân mang quốc tịch nước ngoài", "người có quốc tịch Việt Nam": nationality named as such.
_FOREIGN_HOLDER = re.compile(
    r"\b(?:nguoi|thuong nhan|to chuc|ca nhan|doanh nghiep|nha dau tu|cong ty|phap nhan)"
    r"(?: la (?:ca nhan|to chuc))?(?: nguoi)?(?: (?:mang|co) quoc tich)? nuoc ngoai\b(?! (?:tai|o) viet nam)")
_VIETNAMESE_HOLDER = re.compile(r"\b(?:nguoi|cong dan|ca nhan)(?: (?:mang|co) quoc tich)? viet nam\b")
_FIRST_SENTENCE = re.compile(";|" + _SENTENCE_END.pattern)


def says_holder_foreign(name: str) -> bool | None:
    """True when the text says the paper's holder is a foreigner only; None when Vietnamese holders are named too.

    "Hộ chiếu … đối với trường hợp chủ tàu là cá nhân người nước ngoài": the passport is a
    foreign one. "… (đối với người nước ngoài, người Việt Nam định cư ở nước ngoài)": either.
    """
    folded = fold(_FIRST_SENTENCE.split(name, 1)[0])    # "+ Hành khách là người Việt Nam …" after a ";" is another case
    if not _FOREIGN_HOLDER.search(folded):
        return False
    return None if _VIETNAMESE_HOLDER.search(folded) else True


def first_clause(name: str) -> str:
    """Folded text up to the first colon, semicolon, full stop or list dash.

    "(có đầy đủ …; …) do cơ quan … cấp": punctuation inside parentheses ends no clause.
    """
    name = _PARENTHESES.sub(lambda m: m.group(0).translate(_CLAUSE_MARKS_AS_COMMAS), name.lstrip(" -+*•\t"))
    end = _CLAUSE_END.search(name)
    if end and not head_text(name[:end.start()]) and name[end.end():].strip():
        # "Bản sao có chứng thực …: văn bằng … do cơ sở đào tạo nước ngoài cấp": the copy form is no clause.
        return first_clause(name[end.end():])
    return fold(name[:end.start()] if end else name)


_STATE_BODY = (
    r"(?:(?:chu tich|thu truong|lanh dao|thu tuong|giam doc|pho giam doc) )*(?:"
    r"co quan (?:nha nuoc|quan ly nha nuoc|(?:to chuc )?co tham quyen|chuyen mon|nha nuoc co tham quyen|dang ky|thue|"
    r"cong an|hai quan|tien hanh to tung|co chuc nang quan ly|chuc nang quan ly|bao hiem xa hoi|"
    r"cap (?:giay phep|giay chung nhan))|"          # "Cơ quan cấp Giấy phép": the authority that licensed it
    r"(?:to chuc|trung tam) dich vu viec lam(?: cong)?|"
    r"co quan dai dien (?:ngoai giao |lanh su )?(?:cua )?viet nam|"          # Viet Nam's own missions abroad
    r"(?:dai su quan|(?:tong )?lanh su quan)(?:,? (?:hoac |va )?(?:tong )?lanh su quan)? viet nam|"
    r"uy ban nhan dan|ubnd|hoi dong nhan dan|chinh phu|cap co tham quyen|toa an|vien kiem sat|cong an|"
    r"(?:bo|ban) chi huy quan su|bo tu lenh|(?:co quan )?don vi (?:cap )?(?:trung doan|su doan|quan doi|cong an)|"
    r"kho bac nha nuoc|ngan hang nha nuoc|bo truong|bo (?!phan\b)[a-z]+ [a-z]+|so (?:tai chinh|ke hoach|tu phap|"
    r"xay dung|y te|giao duc|noi vu|cong thuong|nong nghiep|tai nguyen|lao dong|giao thong|van hoa|khoa hoc|"
    r"thong tin|ngoai vu|du lich)|cuc (?!bo\b)[a-z]+)\b"
)
# "… của / do <a Vietnamese state body>": the issuer of the document named at the head. "… có xác nhận
# của Ủy ban nhân dân" is an endorsement of the head paper, not its issuer ...
_STATE_ISSUER = re.compile(r"(?<!xac nhan )\b(?:cua|do) " + _STATE_BODY)
# ... unless the confirmation is the paper itself: "Xác nhận của cơ quan thuế về việc …".
_CONFIRMED_BY_STATE = re.compile(r"^(?:giay |van ban )?xac nhan (?:cua|do) " + _STATE_BODY)
_NOT_STATE = re.compile(
    r"(?<!viet nam o )(?<!viet nam tai )\bnuoc ngoai\b|\btheo (?:quy dinh tai )?dieu le\b|"  # a mission abroad is ours
    r"\bcua (?:cac )?(?:doanh nghiep|to chuc(?! dich vu viec lam)|cong ty|nha dau tu)\b")
# "Quyết định hoặc văn bản thể hiện ý kiến chỉ đạo của Thủ tướng", "Thông báo chuyển trả hoặc Quyết định chuyển
# trả của Cục …": another letter of the same issuer, not a body in between.
_PAPER_ALTERNATIVE = re.compile(
    r"\b(?:hoac|va) (?:van ban|quyet dinh|cong van|thong bao)(?: [a-z]+){0,6}? (?=(?:cua|do) )")
_REFERENCE_BEFORE_ISSUER = re.compile(
    # "… theo quy định của Bộ luật Dân sự", "… gửi Sở Xây dựng", "… đề nghị của Công an": the body
    # named is not the issuer of the paper at the head.
    r"\b(?:theo|tai(?! (?:xuat|nhap|ban|dinh cu|cap|tao|che|bao hiem|co cau|tham|pham|san|lieu|chinh|khoan|nguyen|tro)\b)|"
    r"gui|de nghi|bao cao|mau|thong tu|nghi dinh|luat|ban hanh|quy dinh|huong dan|"
    r"chung minh|ve viec|kem theo|dinh kem|hoac)\b"
)


def says_issued_by_state(name: str) -> bool:
    """True when the head document is said to come from a Vietnamese state body.

    "Văn bản chấp thuận … của Ủy ban nhân dân cấp xã", "Giấy phép … do cơ quan có thẩm
    quyền của Việt Nam cấp". The body must follow the head closely, with no legal
    reference, addressee or alternative in between, and asides do not count.
    """
    clause = first_clause(without_asides(name))
    head = head_text(clause)
    confirmation = _CONFIRMED_BY_STATE.match(head)
    if confirmation:
        return not _NOT_STATE.search(head, 0, confirmation.end() + 40)
    issuer = _STATE_ISSUER.search(clause, 0, 140)
    if not issuer:
        return False
    # "Quyết định hoặc văn bản của cơ quan có thẩm quyền": an alternative of the same kind of paper is no other issuer.
    before = _PAPER_ALTERNATIVE.sub(" ", clause[:issuer.end()])
    if _REFERENCE_BEFORE_ISSUER.search(before, 0, len(before) - len(issuer.group(0))):
        return False
    # "cấp có thẩm quyền" of a firm (its board, its general meeting) is not the state: look at the whole clause.
    reach = len(clause) if "cap co tham quyen" in issuer.group(0) else issuer.end() + 40
    return not _NOT_STATE.search(clause, 0, reach)


_ARMED_FORCES_CASE = re.compile(r"^doi voi (?:quan doi nhan dan|cong an nhan dan|luc luong vu trang)\b")


def in_armed_forces_case(name: str) -> bool:
    """True for "Đối với Quân đội nhân dân: …", "Đối với Công an nhân dân: …": the unit writing the paper is the state."""
    return bool(_ARMED_FORCES_CASE.match(unnumbered(name)))


def is_heading(name: str) -> bool:
    """A case heading such as 'Đối với chứng nhận chất lượng kiểu loại phụ tùng:' — not a document."""
    stripped = name.strip()
    return stripped.endswith(":") and bool(_HEADING.match(unnumbered(stripped)))
