"""Match a component's free text to a document type, with a confidence, never a guess.

A confident match needs an alias (or the type's own name) at the head of the
text once numbering, bullets and copy-form words are cut ("Bản sao có chứng
thực Giấy khai sinh của con" → "giay khai sinh ..."). An alias found only
further in is reported as a candidate with low confidence, and the component
goes to review: "Tờ khai đề nghị cấp đổi giấy phép lái xe" is a form, not a
licence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from checker.model import DocumentType
from checker.text import (fold, head_text, in_armed_forces_case, is_heading, listed_text, opens_with_case,
                          says_holder_foreign, says_issued_abroad, says_issued_by_state, says_translated,
                          unnumbered, without_asides)

CONFIDENT = 0.8
FUZZY_MIN_SCORE = 92        # rapidfuzz ratio, 0-100: typos and OCR slips, not different documents
FUZZY_MIN_LENGTH = 12       # short aliases ("to khai") are too easy to hit by accident
FUZZY_MARGIN = 4            # the runner-up of another type must be clearly worse

_FOREIGN_AFTER_NAME = re.compile(r" (?:do |cua )?nuoc ngoai\b(?! (?:tai|o) viet nam)")
# The papers a state body writes that no more specific type names: letters, decisions, confirmations.
# A licence or certificate of unknown kind ("Giấy phép lưu hành xe do Bộ Công an cấp") is a kind of
# its own, held (or not) in its own register: calling it a generic letter would hide that, so it goes
# to review instead; so does an unnamed "giấy tờ do Ủy ban nhân dân cấp".
_LETTER_HEADS = r"van ban|quyet dinh|giay xac nhan|xac nhan|cong van|cong ham|thong bao|ket luan|thu bao lanh|y kien"
_STATE_LETTER = re.compile(rf"(?:{_LETTER_HEADS})\b")
# Any issued paper: the letters above, and licences, certificates, cards, passports, minutes.
_ISSUED_PAPER = re.compile(
    rf"(?:giay|tai lieu|chung chi|chung nhan|bang|the|ho chieu|thi thuc|bien ban|{_LETTER_HEADS})\b")

# "Giấy tờ do cơ quan có thẩm quyền nước ngoài cấp phải được hợp pháp hóa lãnh sự …": a rule for any such
# paper the dossier holds, not the demand of one.
_RULE_FOR_PAPERS = re.compile(r"^(?:cac )?giay to\b.{0,160}?\bphai (?:duoc )?hop phap hoa\b")
# "Các bản sao văn bằng, chứng chỉ, quyết định … phải được chứng thực": how every copy must be, no paper demanded.
_RULE_FOR_COPIES = re.compile(
    r"^(?:tat ca )?(?:cac|nhung) (?:ban sao|giay to|tai lieu|van ban)\b.{0,200}?"
    r"\bphai (?:duoc )?(?:chung thuc|cong chung|hop phap hoa|dich)\b")
# After a short name made definite by the procedure ("Giấy chứng nhận (bản gốc)", "Giấy chứng nhận đã được cấp"):
# words that say which copy or which case, not a longer name ("Giấy chứng nhận đủ điều kiện …" is another paper).
_BARE_REFERENCE = re.compile(
    r" ?(?:$|(?:da (?:duoc )?cap|da bi|bi|cu|goc|ban goc|ban chinh|ban sao|doi voi|tru|trong truong hop|truong hop|"
    r"hoac|kem|theo quy dinh|con hieu luc|nop lai|\d+ ban)\b)")
_LIST_JOINER = re.compile(r"^\s*(?:(?:hoac|va|hay) )?")
_OFFERED_LATER = re.compile(r"^(?:\s*\w+){0,6}? hoac\b")


@dataclass(frozen=True)
class Match:
    document_type: str        # "" when not confidently matched
    confidence: float
    candidates: tuple[str, ...]


class Matcher:
    """Alias index over the catalog's document types; results are cached per text."""

    def __init__(self, document_types: dict[str, DocumentType]):
        entries: list[tuple[str, str]] = []
        for doc in document_types.values():
            for alias in (doc.name,) + tuple(doc.aliases):
                for key in {fold(alias), fold(without_asides(alias))}:
                    if key:
                        entries.append((key, doc.id))
        # Longest alias first, so "giay chung nhan dang ky doanh nghiep" beats "giay chung nhan".
        entries.sort(key=lambda e: (-len(e[0]), e[0], e[1]))
        self._owners: dict[str, set[str]] = {}
        for key, doc_id in entries:
            self._owners.setdefault(key, set()).add(doc_id)
        pattern = "|".join(re.escape(k) for k in dict.fromkeys(k for k, _ in entries))
        self._regex = re.compile(r"(?<!\w)(?:" + pattern + r")(?!\w)") if pattern else None
        self._cache: dict[str, Match] = {}
        abroad = [d.id for d in document_types.values() if d.issued_abroad]
        self._abroad = abroad[0] if len(abroad) == 1 else ""
        any_authority = [d.id for d in document_types.values() if d.issued_by_any_authority]
        self._any_authority = any_authority[0] if len(any_authority) == 1 else ""
        self._state_issued = {d.id for d in document_types.values() if d.kind.value == "state_issued"}
        self._state_when_state_issues = {d.id for d in document_types.values() if d.state_paper_when_state_issues}
        self._from_home_state = {d.id for d in document_types.values() if d.foreign_when_holder_foreign}
        self._may_be_issued_abroad = self._state_issued | self._state_when_state_issues
        self._offered_instead: dict[str, str] = {}     # a type -> the type that names it among alternatives
        for doc in document_types.values():
            for member in doc.alternatives:
                owner = self._offered_instead.setdefault(member, doc.id)
                if owner != doc.id:
                    self._offered_instead[member] = ""      # in two groups: which one is meant is unknown
        self._in_context: list[tuple[tuple[str, ...], str, str]] = [
            (tuple(f" {fold(w)} " for w in group.when), fold(alias), doc.id)
            for doc in document_types.values() for group in doc.context_aliases for alias in group.aliases]
        self._short_names: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self._contexts: dict[str, str] = {}
        self._by_words: dict[int, list[str]] = {}
        for key in self._owners:
            if len(key) >= FUZZY_MIN_LENGTH:
                self._by_words.setdefault(len(key.split()), []).append(key)

    def match(self, text: str) -> Match:
        cached = self._cache.get(text)
        if cached is None:
            cached = self._cache[text] = self._match(text)
        return cached

    def match_in(self, text: str, context: str) -> Match:
        """The match of `text`, or else the paper a short name of it stands for in this procedure.

        `context` is the procedure's name and field. "Giấy chứng nhận (bản gốc)" alone names no
        paper, but in "Đăng ký thế chấp quyền sử dụng đất" it is the land-use-right certificate:
        the decree behind the procedure defines the short name so.
        """
        found = self.match(text)
        if found.document_type or not context or not self.may_read_in_context(text):
            return found
        folded = self._contexts.get(context)
        if folded is None:
            folded = self._contexts[context] = f" {fold(context)} "
        named = {doc_id for when, doc_id in self._short_names[text] if any(word in folded for word in when)}
        # "Cấp lại Giấy chứng nhận đủ điều kiện …" in the field "Đất đai": which certificate is unknown.
        if len(named) == 1:
            doc_id = next(iter(named))
            return Match(doc_id, 0.85, tuple(dict.fromkeys((doc_id,) + found.candidates))[:3])
        return found

    def may_read_in_context(self, text: str) -> bool:
        """Whether a context alias stands alone at the head of the text: only then can its procedure matter."""
        if not self._in_context:
            return False
        short = self._short_names.get(text)
        if short is None:
            short = self._short_names[text] = self._short_names_at_head(text)
        return bool(short)

    def _short_names_at_head(self, text: str) -> list[tuple[tuple[str, ...], str]]:
        """The longest context alias standing alone at the head of the text: its types, with their contexts."""
        if is_heading(text) or says_issued_abroad(text):
            return []
        heads = {head_text(text), head_text(without_asides(text))}
        at_head = [(when, alias, doc_id) for when, alias, doc_id in self._in_context
                   if any(head.startswith(alias) and _BARE_REFERENCE.match(head, len(alias)) for head in heads)]
        longest = max((len(alias) for _, alias, _ in at_head), default=0)
        return [(when, doc_id) for when, alias, doc_id in at_head if len(alias) == longest]

    def _match(self, text: str) -> Match:
        if self._regex is None or is_heading(text) or _RULE_FOR_COPIES.match(unnumbered(text)):
            return Match("", 0.0, ())
        found, pieces = self._match_listed(text)
        if found.document_type in self._may_be_issued_abroad and self._issued_abroad(pieces[-1]):
            # A foreign criminal record is not in the Vietnamese database: never the domestic type.
            return self._as_foreign(found)
        if not found.document_type:
            return self._match_by_issuer(pieces) or found
        if found.document_type in self._may_be_issued_abroad and says_translated(pieces[-1]):
            # Most likely a foreign paper, but the row does not say so: neither the domestic type nor a guess.
            return Match("", 0.5, found.candidates)
        if found.document_type in self._from_home_state:
            holder_foreign = says_holder_foreign(text)
            if holder_foreign is None:      # foreigners and Vietnamese alike: which passport is unknown
                return Match("", 0.5, found.candidates)
            if holder_foreign:
                return self._as_foreign(found)
        if (found.document_type in self._state_when_state_issues and self._any_authority
                and (in_armed_forces_case(text) or says_issued_by_state(pieces[-1]))):
            # "Giấy giới thiệu của Bộ chỉ huy quân sự cấp tỉnh": written by the state, not by the applicant.
            return Match(self._any_authority, 0.8, (self._any_authority, found.document_type))
        return found

    def _as_foreign(self, found: Match) -> Match:
        """The foreign type in place of a domestic match; review when the catalog has no single foreign type."""
        if self._abroad:
            return Match(self._abroad, 0.85, (self._abroad,) + found.candidates[:2])
        return Match("", 0.5, found.candidates)

    def _match_by_issuer(self, pieces: list[str]) -> Match | None:
        """A paper of no known kind whose issuer is named: foreign, or a Vietnamese state body.

        "Giấy tờ chứng minh … do cơ quan có thẩm quyền nước ngoài cấp", "Quyết định áp dụng
        … của Ủy ban nhân dân cấp tỉnh": which paper is unknown, but who holds its data is
        what the verdict needs.
        """
        for piece in pieces:
            head = head_text(piece)
            if not _ISSUED_PAPER.match(head) or _RULE_FOR_PAPERS.match(head):
                continue
            if self._abroad and says_issued_abroad(piece):
                return Match(self._abroad, 0.85, (self._abroad,))
            # A paper demanded with its Vietnamese translation ("… của cơ quan có thẩm quyền cho phép … tại ít nhất
            # 05 nước phát triển kèm theo bản dịch tiếng Việt") is no Vietnamese state letter.
            if (self._any_authority and _STATE_LETTER.match(head) and says_issued_by_state(piece)
                    and not says_translated(piece)):
                return Match(self._any_authority, 0.8, (self._any_authority,))
        return None

    def _issued_abroad(self, segment: str) -> bool:
        """The clause says a foreign authority issued it, or the head names a foreign one ("hộ chiếu nước ngoài")."""
        if says_issued_abroad(segment):
            return True
        head = head_text(segment)
        at_head = self._regex.match(head)
        return bool(at_head and _FOREIGN_AFTER_NAME.match(head, at_head.end()))

    def _match_listed(self, text: str) -> tuple[Match, list[str]]:
        """The match, and the pieces of text tried (the whole text, then each listed part); the last made the match."""
        pieces = [text]
        direct = self._match_piece(text, pieces)
        if direct.document_type:
            return direct, pieces
        listed = listed_text(text)
        for _ in range(4):                      # "Thành phần hồ sơ 2: Một hoặc một số giấy tờ, gồm: - Giấy tờ gốc: + …"
            if not listed:
                break
            pieces.append(listed)
            inner = self._match_piece(listed, pieces)
            if not inner.document_type:
                listed = listed_text(listed)
                continue
            # One step removed from the head: confident, but less than a direct hit.
            return Match(inner.document_type, min(inner.confidence, 0.85),
                         tuple(dict.fromkeys(inner.candidates + direct.candidates))[:3]), pieces
        return direct, pieces

    def _match_piece(self, piece: str, pieces: list[str]) -> Match:
        """The paper at the head of `piece`; for a case, the paper the case demands, when it names one.

        "Đối với đề nghị bổ sung là cha đẻ …: Căn cước công dân, …": the case names no paper of its own
        ("đề nghị" is the request, not the applicant's form), so what follows the colon goes first.
        """
        if opens_with_case(piece):
            listed = listed_text(piece)
            if listed:
                inner = self._match_head(listed)
                if inner.document_type:
                    pieces.append(listed)
                    return Match(inner.document_type, min(inner.confidence, 0.85), inner.candidates[:3])
        return self._match_head(piece)

    def _match_head(self, text: str) -> Match:
        head = head_text(text)
        drafted_head = head.removeprefix("du thao ")
        if drafted_head != head and not drafted_head.startswith("van ban "):
            # "Dự thảo Điều lệ", "Dự thảo hợp đồng": the kind of paper being drafted, if the applicant makes
            # that kind. A draft of a state paper ("dự thảo quyết định", "… Nghị quyết của Hội đồng nhân
            # dân") stays a draft, never the state's paper; so does a "dự thảo văn bản …".
            drafted = self._match_head_once(text, drafted_head)
            if (drafted.document_type and drafted.document_type not in self._state_issued
                    and not says_issued_by_state(drafted_head)):
                return drafted
        found = self._match_head_once(text, head)
        if (not found.document_type and head.startswith(("chung nhan ", "xac nhan "))
                and not opens_with_case(text)):
            # "Chứng nhận lưu hành tự do" is the "Giấy chứng nhận lưu hành tự do"; "Đối với chứng nhận …" is a case.
            found = self._match_head_once(text, "giay " + head)
        if not found.document_type and "(" in text:
            # "Giấy chứng nhận (bản gốc) đã cấp": the aside hides the head, but aliases such as
            # "ảnh (3x4)" need it, so the text without asides is only a second try.
            second = self._match_head_once(text, head_text(without_asides(text)))
            if second.document_type:
                return second
        return found

    def _match_head_once(self, text: str, head: str) -> Match:
        found: list[tuple[int, str]] = []
        for source in (head, fold(text)):
            for m in self._regex.finditer(source):
                found.append((m.start() if source is head else 10_000 + m.start(), m.group(0)))
        if not found:
            return self._fuzzy(head) or Match("", 0.0, ())
        candidates: list[str] = []
        for _, key in sorted(found):
            for doc_id in sorted(self._owners[key]):
                if doc_id not in candidates:
                    candidates.append(doc_id)
        at_head = [key for pos, key in found if pos == 0]
        if at_head:
            key = max(at_head, key=len)
            owners = self._owners[key]
            if len(owners) == 1:
                doc_id = next(iter(owners))
                confidence = 1.0 if head == key else 0.9
                group = self._alternatives_named(doc_id, head[len(key):])
                if group:
                    return Match(group, confidence, tuple(dict.fromkeys((group, doc_id, *candidates)))[:3])
                return Match(doc_id, confidence, tuple(candidates[:3]))
            return Match("", 0.5, tuple(sorted(owners))[:3])
        fuzzy = self._fuzzy(head)
        if fuzzy is not None:
            return Match(fuzzy.document_type, fuzzy.confidence, tuple(dict.fromkeys(
                fuzzy.candidates + tuple(candidates)))[:3])
        return Match("", 0.4, tuple(candidates[:3]))

    def _alternatives_named(self, doc_id: str, rest: str) -> str:
        """The type that stands for a list of alternatives, when the head names two of them in a row.

        "Thẻ căn cước công dân, chứng minh nhân dân, hộ chiếu": any identity paper will do, so the
        paper demanded is "giấy tờ tùy thân", not the first one listed (an old identity card would
        even read as obsolete). The folded head has lost its commas; the names follow each other.
        """
        group = self._offered_instead.get(doc_id)
        if not group:
            return ""
        joined = _LIST_JOINER.sub("", rest, count=1)
        following = self._regex.match(joined)
        while following and self._owners[following.group(0)] == {doc_id}:
            # "Thẻ căn cước công dân/Thẻ căn cước/Giấy chứng nhận căn cước hoặc Hộ chiếu": one paper, named again.
            rest = joined[following.end():]
            joined = _LIST_JOINER.sub("", rest, count=1)
            following = self._regex.match(joined)
        if following and self._in_group(group, doc_id, following.group(0)):
            return group
        # "Hộ chiếu hoặc giấy tờ có giá trị thay thế hộ chiếu, chứng minh nhân dân, thẻ căn cước …": another
        # paper of the group offered with "hoặc" a few words on, in the same clause.
        offered = _OFFERED_LATER.match(rest)
        # … but not past another demand: "Hộ chiếu của thuyền viên; hộ chiếu hoặc …" (the folded head has no ";").
        # Nor past "giấy tờ có giá trị đi lại quốc tế": papers for crossing a border, foreigners' among them.
        if offered and not self._regex.search(rest, 0, offered.end()):
            border = rest.find(" di lai quoc te", offered.end())
            end = min(offered.end() + 80, border if border >= 0 else len(rest))
            if any(self._in_group(group, doc_id, later.group(0))
                   for later in self._regex.finditer(rest, offered.end(), end)):
                return group
        return ""

    def _in_group(self, group: str, doc_id: str, key: str) -> bool:
        """Whether the alias names another paper of the same group: an alternative to the head paper, not a repeat."""
        return any(self._offered_instead.get(other) == group and other != doc_id for other in self._owners[key])

    def _fuzzy(self, head: str) -> Match | None:
        """An alias at the head of the text, allowing a typo or an OCR slip ("giay khai slnh").

        Only aliases of at least FUZZY_MIN_LENGTH characters are tried, against
        the same number of leading words; a near tie between two types is no match.
        """
        words = head.split()
        scored: list[tuple[float, str]] = []
        for count, aliases in self._by_words.items():
            if count > len(words):
                continue
            prefix = " ".join(words[:count])
            for alias, score, _ in process.extract(prefix, aliases, scorer=fuzz.ratio, limit=3,
                                                   score_cutoff=FUZZY_MIN_SCORE - FUZZY_MARGIN):
                scored.append((score, alias))
        if not scored:
            return None
        scored.sort(key=lambda item: (-item[0], -len(item[1]), item[1]))
        best_score, best_alias = scored[0]
        owners = self._owners[best_alias]
        if best_score < FUZZY_MIN_SCORE or len(owners) != 1 or not _slip_of(words, best_alias.split()):
            return None
        doc_id = next(iter(owners))
        for score, alias in scored[1:]:
            if best_score - score < FUZZY_MARGIN and self._owners[alias] != owners:
                return None
        confidence = round(0.8 + (best_score - FUZZY_MIN_SCORE) / (100 - FUZZY_MIN_SCORE) * 0.05, 3)
        return Match(doc_id, confidence, (doc_id,))


def _slip_of(words: list[str], alias: list[str]) -> bool:
    """True when the leading words differ from the alias as a typo does: in few words, by a letter or two.

    A high character ratio is not enough: "giấy xác nhận của thủ trưởng" scores
    high against "giấy xác nhận cư trú" although two whole words differ, and
    "phiếu báo di chuyển" is not a slip of "phiếu báo điểm": a short word takes one slip.
    """
    differing = [(a, b) for a, b in zip(words, alias) if a != b]
    return (len(differing) <= max(1, len(alias) // 4)
            and all(len(b) >= 3 and Levenshtein.distance(a, b) <= (2 if len(b) >= 8 else 1)
                    for a, b in differing))
