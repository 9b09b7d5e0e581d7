"""tthc-checker: which dossier components of Vietnamese administrative procedures data can replace.

Public API: load_catalog, load_rulebook, evaluate.
"""

from checker.catalog import load_catalog
from checker.findings import evaluate
from checker.rulebook import load_rulebook

__all__ = ["load_catalog", "load_rulebook", "evaluate"]
