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

from checker.model import DocumentType
from checker.text import fold, head_text

CONFIDENT = 0.8


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
                key = fold(alias)
                if key:
                    entries.append((key, doc.id))
        # Longest alias first, so "giay chung nhan dang ky doanh nghiep" beats "giay chung nhan".
        entries.sort(key=lambda e: (-len(e[0]), e[0], e[1]))
        self._entries = entries
        self._owners: dict[str, set[str]] = {}
        for key, doc_id in entries:
            self._owners.setdefault(key, set()).add(doc_id)
        pattern = "|".join(re.escape(k) for k in dict.fromkeys(k for k, _ in entries))
        self._regex = re.compile(r"(?<!\w)(?:" + pattern + r")(?!\w)") if pattern else None
        self._cache: dict[str, Match] = {}

    def match(self, text: str) -> Match:
        cached = self._cache.get(text)
        if cached is None:
            cached = self._cache[text] = self._match(text)
        return cached

    def _match(self, text: str) -> Match:
        if self._regex is None:
            return Match("", 0.0, ())
        head = head_text(text)
        found: list[tuple[int, str]] = []
        for source in (head, fold(text)):
            for m in self._regex.finditer(source):
                found.append((m.start() if source is head else 10_000 + m.start(), m.group(0)))
        if not found:
            return Match("", 0.0, ())
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
                return Match(doc_id, confidence, tuple(candidates[:3]))
            return Match("", 0.5, tuple(sorted(owners))[:3])
        return Match("", 0.4, tuple(candidates[:3]))
