"""User-facing words in Vietnamese (default) or English, from locale/messages.yaml.

Keeping every sentence in one data file keeps Python free of reviewer text and
lets a translator work without touching code.
"""

from __future__ import annotations

import os
import string
import unicodedata
from functools import lru_cache
from pathlib import Path

import yaml

LANGUAGES = ("vi", "en")
_state = {"lang": os.environ.get("TTHC_LANG", "vi") if os.environ.get("TTHC_LANG") in LANGUAGES else "vi"}


def set_language(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(lang)
    _state["lang"] = lang


def language() -> str:
    return _state["lang"]


@lru_cache(maxsize=1)
def _catalog() -> dict:
    path = Path(__file__).parent / "locale" / "messages.yaml"
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


class _Blank(dict):
    def __missing__(self, key):
        return "{" + key + "}"


def t(key: str, lang: str | None = None, **values) -> str:
    """The message `key` in the current language, with `values` substituted."""
    entry = _catalog().get(key)
    if entry is None:
        return key
    text = entry.get(lang or language()) or entry["vi"]
    text = string.Formatter().vformat(text, (), _Blank(values))
    return unicodedata.normalize("NFC", text)


def describe_error(err) -> str:
    """'<file>, trang <sheet>, dòng <row>, cột <column>: <message>' with the parts that are known."""
    where = []
    if err.file:
        where.append(t("where.file", file=err.file))
    if err.sheet:
        where.append(t("where.sheet", sheet=err.sheet))
    if err.row is not None:
        where.append(t("where.row", row=err.row))
    if err.column:
        where.append(t("where.column", column=err.column))
    message = t("error." + err.key, **err.details)
    return (", ".join(where) + ": " + message) if where else message


def percent(share: float, digits: int = 1) -> str:
    """42.5% in English, 42,5% in Vietnamese."""
    text = f"{share:.{digits}%}"
    return text.replace(".", ",") if language() == "vi" else text
