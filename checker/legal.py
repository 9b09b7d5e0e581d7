"""The catalog of legal instruments, and turning a rule's citation into text.

A citation is only as good as its source: each article carries the research
note's confidence code, and anything not verified (A/B with a confirmed number)
is printed as such, so a reviewer never mistakes a lead for the law.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Optional

import yaml

from checker import yamlio
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from checker.errors import RuleError
from checker.i18n import t

VERIFIED_CONFIDENCE = {"A", "B"}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Period(_Strict):
    from_: dt.date = Field(alias="from")
    until: Optional[dt.date] = None

    def contains(self, day: dt.date) -> bool:
        return self.from_ <= day and (self.until is None or day <= self.until)


class Article(_Strict):
    key: str
    summary: str
    confidence: str = Field(pattern=r"^[ABCU]$")
    number_inferred: bool = False
    document_types: tuple[str, ...] = ()

    @property
    def verified(self) -> bool:
        return self.confidence in VERIFIED_CONFIDENCE and not self.number_inferred


class Instrument(_Strict):
    id: str = Field(pattern=r"^[a-z0-9.-]+$")
    number: str
    kind: str
    issuer: str
    title: str
    signed: dt.date
    in_force: Period
    normative: bool
    confidence: str = Field(pattern=r"^[ABCU]$")
    source: str
    articles: tuple[Article, ...] = Field(min_length=1)

    def article(self, key: str) -> Optional[Article]:
        return next((a for a in self.articles if a.key == key), None)

    @property
    def label(self) -> str:
        if self.kind == "Luật":
            return f"{self.title} số {self.number}"
        return f"{self.kind} {self.number}"


class InstrumentsFile(_Strict):
    instruments: tuple[Instrument, ...]


class LegalCatalog:
    """Instruments by id; resolves (instrument, article) pairs or says why not."""

    def __init__(self, instruments: tuple[Instrument, ...], path: str = "instruments.yaml"):
        self.path = path
        self.by_id: dict[str, Instrument] = {}
        for inst in instruments:
            if inst.id in self.by_id:
                raise RuleError("duplicate_instrument", file=path, column="id", value=inst.id)
            if inst.in_force.from_ < inst.signed:
                raise RuleError("in_force_before_signed", file=path, column=inst.id, value=str(inst.in_force.from_))
            self.by_id[inst.id] = inst

    def resolve(self, instrument: str, article: str, *, file: str, column: str) -> tuple[Instrument, Article]:
        inst = self.by_id.get(instrument)
        if inst is None:
            raise RuleError("unknown_instrument", file=file, column=column, value=instrument)
        art = inst.article(article)
        if art is None:
            raise RuleError("unknown_article", file=file, column=column, value=f"{instrument} / {article}",
                            known="; ".join(a.key for a in inst.articles))
        return inst, art

    def refine(self, instrument: str, article: str, document_type: str) -> Article:
        """The most specific article under `article` that names `document_type`, else `article` itself.

        Rules cite "Điều 4" of NQ 66.7 once; each finding then cites the very
        clause that lists its document (e.g. "Điều 4 khoản 4" for a driving
        licence), with that clause's own confidence.
        """
        inst = self.by_id[instrument]
        best = inst.article(article)
        for art in inst.articles:
            if art.key.startswith(article + " ") and document_type in art.document_types:
                if best is None or len(art.key) > len(best.key) or document_type not in best.document_types:
                    best = art
        return best

    def cite(self, instrument: str, article: Article, lang: Optional[str] = None) -> str:
        inst = self.by_id[instrument]
        text = f"{inst.label}, {article.key}"
        if article.number_inferred:
            text += " " + t("legal.inferred", lang=lang)
        elif not article.verified:
            text += " " + t("legal.unverified", lang=lang, confidence=article.confidence)
        return text


def load_legal_catalog(path: Path) -> LegalCatalog:
    if not path.exists():
        raise RuleError("missing_file", file=str(path))
    try:
        with path.open(encoding="utf-8") as fh:
            data = yamlio.load(fh)
        parsed = InstrumentsFile.model_validate(data)
    except yaml.YAMLError as exc:
        raise RuleError("yaml_unreadable", file=path.name, reason=str(exc)) from exc
    except ValidationError as exc:
        err = exc.errors()[0]
        raise RuleError("invalid_value", file=path.name, column=".".join(str(p) for p in err["loc"]),
                        value=str(err.get("input", ""))[:80], reason=err["msg"]) from exc
    return LegalCatalog(parsed.instruments, path.name)
