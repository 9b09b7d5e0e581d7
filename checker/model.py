"""The catalog contract as pydantic models: one place that says what a valid input is.

CSV rows are validated against `ProcedureRow` / `ComponentRow` after the table
reader has mapped Vietnamese labels to codes; YAML files are validated against
`DocumentTypesFile` / `DataSourcesFile`. Everything downstream may assume these
invariants hold.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from enum import Enum
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


def _nfc(value):
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value).strip()
    return value


def _require_unique_ids(items) -> None:
    seen = set()
    for item in items:
        if item.id in seen:
            raise ValueError(f"id trùng lặp / duplicate id: {item.id}")
        seen.add(item.id)


class Strict(BaseModel):
    """Base: unknown keys are errors (a misspelt key must not be silently ignored)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Level(str, Enum):
    central = "central"
    provincial = "provincial"
    commune = "commune"


class OnlineLevel(str, Enum):
    full = "full"
    partial = "partial"
    none = "none"


class Channel(str, Enum):
    direct = "direct"
    online = "online"
    post = "post"


class CopyForm(str, Enum):
    original = "original"
    copy = "copy"
    certified_copy = "certified_copy"
    photocopy = "photocopy"
    unknown = "unknown"


class Holder(str, Enum):
    individual = "individual"
    organisation = "organisation"


class DocKind(str, Enum):
    state_issued = "state_issued"
    applicant_made = "applicant_made"


class SourceStatus(str, Enum):
    operational = "operational"
    partial = "partial"
    building = "building"
    planned = "planned"


class ProcedureRow(Strict):
    code: str = Field(min_length=1)
    name: str = Field(min_length=1)
    ministry: str = Field(min_length=1)
    field: str = ""
    level: Level
    province: str = ""
    parent_code: str = ""
    online_level: OnlineLevel = OnlineLevel.none
    channels: tuple[Channel, ...] = ()
    annual_volume: Optional[int] = Field(default=None, ge=0)
    implementing_agency: str = ""


class ComponentRow(Strict):
    procedure_code: str = Field(min_length=1)
    seq: int = Field(ge=0)
    name: str = Field(min_length=1)
    copy_form: CopyForm = CopyForm.unknown
    quantity: str = ""
    document_type: str = ""


class Citation(Strict):
    """A pointer into the legal-instrument catalog (resolved at load)."""

    instrument: str
    article: str


class Obsolescence(Strict):
    since: dt.date
    legal_basis: Citation


class ContextAliases(Strict):
    """Short names a procedure's own subject makes definite: in a land procedure "Giấy chứng nhận" is the land one."""

    when: tuple[str, ...] = Field(min_length=1)     # words of the procedure's name or field, any of them
    aliases: tuple[str, ...] = Field(min_length=1)

    @field_validator("when", "aliases", mode="before")
    @classmethod
    def _nfc_all(cls, v):
        return tuple(_nfc(a) for a in (v or ()))


class DocumentType(Strict):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    name: str
    name_en: str = ""
    aliases: tuple[str, ...] = ()
    holder: Holder
    kind: DocKind
    data_sources: tuple[str, ...] = ()
    result_of: tuple[str, ...] = ()
    obsolete: Optional[Obsolescence] = None
    certified_copy_required_by_law: bool = False
    issued_abroad: bool = False       # the type a text falls to when it says a foreign authority issued it
    issued_by_any_authority: bool = False   # ... when it names only a Vietnamese state body as its issuer
    state_paper_when_state_issues: bool = False   # an applicant's paper a state body may write instead (a unit's
                                                  # letter of introduction): then it is that state body's paper
    foreign_when_holder_foreign: bool = False   # a paper people get from their own state (a passport): when the
                                                # row says its holder is foreign, no Vietnamese database holds it
    alternatives: tuple[str, ...] = ()    # types a text may offer in its stead ("thẻ căn cước, hộ chiếu"):
                                          # two of them named one after the other make this type
    context_aliases: tuple[ContextAliases, ...] = ()
    note: str = ""

    _norm = field_validator("name", "name_en", "note", mode="before")(lambda v: _nfc(v))

    @field_validator("aliases", mode="before")
    @classmethod
    def _aliases_nfc(cls, v):
        return tuple(_nfc(a) for a in (v or ()))


class DocumentTypesFile(Strict):
    document_types: tuple[DocumentType, ...]

    @model_validator(mode="after")
    def _unique_ids(self):
        _require_unique_ids(self.document_types)
        return self


class Quality(Strict):
    """The official bar "đúng, đủ, sạch, sống" (correct, complete, clean, live)."""

    dung: bool
    du: bool
    sach: bool
    song: bool

    def missing(self) -> list[str]:
        return [k for k in ("dung", "du", "sach", "song") if not getattr(self, k)]


class Coverage(Strict):
    national: float = Field(ge=0, le=1)
    provinces: dict[str, float] = {}

    @field_validator("provinces")
    @classmethod
    def _shares(cls, v):
        for name, share in v.items():
            if not 0 <= share <= 1:
                raise ValueError(f"{name}: {share} ∉ [0, 1]")
        return {unicodedata.normalize("NFC", k).strip(): s for k, s in v.items()}


class SourceState(Strict):
    """What was known about a source from `as_of` on, with the evidence for it."""

    as_of: dt.date
    status: SourceStatus
    quality: Quality
    coverage: Coverage
    vneid_integrated: bool = False
    published: bool = False
    evidence: str = Field(min_length=3)


class DataSource(Strict):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    name: str
    name_en: str = ""
    owner: str
    states: tuple[SourceState, ...] = Field(min_length=1)

    @field_validator("states")
    @classmethod
    def _sorted(cls, v):
        dates = [s.as_of for s in v]
        if len(set(dates)) != len(dates):
            raise ValueError("hai trạng thái cùng ngày as_of / two states with the same as_of")
        return tuple(sorted(v, key=lambda s: s.as_of))

    def state_at(self, when: dt.date) -> Optional[SourceState]:
        """The latest state known on `when`; None if the source was not yet recorded."""
        current = None
        for state in self.states:
            if state.as_of <= when:
                current = state
        return current


class DataSourcesFile(Strict):
    min_coverage: float = Field(default=0.95, gt=0, le=1)
    sources: tuple[DataSource, ...]

    @model_validator(mode="after")
    def _unique_ids(self):
        _require_unique_ids(self.sources)
        return self
