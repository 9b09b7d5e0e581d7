"""The vocabulary of named conditions that rules may use, and nothing else.

Rules compare these names with values; Python computes them (facts.py). Each
condition has a fixed type and value set so a rule that misspells a name or a
value fails to load instead of silently never matching, and a neutral default
so a rule example need only state what matters to it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Condition:
    name: str
    applies_to: str          # "component" or "procedure"
    values: tuple            # allowed values (bools or strings)
    default: object          # neutral value used to complete rule examples
    doc: str                 # why the condition exists, shown by `tthc rules --conditions`


BOOL = (True, False)

CONDITIONS: dict[str, Condition] = {c.name: c for c in (
    Condition("document_matched", "component", BOOL, True,
              "The component was matched to a document type with confidence (given in the catalog, "
              "or an alias heading the component text)."),
    Condition("document_kind", "component", ("state_issued", "applicant_made", "none"), "state_issued",
              "Who makes the document: the state (it can exist as data) or the applicant (it cannot)."),
    Condition("obsolete_by", "component", None, "none",
              "Id of the legal instrument under which the document no longer exists on the evaluation "
              "date, or 'none'. Values are checked against the legal-instrument catalog."),
    Condition("text_says_data", "component", BOOL, False,
              "The component text itself says the information is looked up from a database or VNeID "
              "and need not be submitted."),
    Condition("vneid_integrated", "component", BOOL, False,
              "A source holding the document is integrated into the VNeID account (operational or "
              "partial) on the evaluation date."),
    Condition("source_state", "component", ("fit", "unfit", "none"), "none",
              "Best state of the sources holding the document for the procedure's scope: 'fit' = "
              "operational, 'đúng, đủ, sạch, sống', coverage at least min_coverage (national, or the "
              "province's for a provincial procedure); 'unfit' = a source exists but is not fit; 'none'."),
    Condition("source_published", "component", BOOL, False,
              "The owner of a fit source has published its data as usable to replace documents "
              "(NQ 66.7/2025 Điều 6 khoản 1)."),
    Condition("issued_abroad", "component", BOOL, False,
              "A foreign authority issued the document: no Vietnamese database holds it and no Vietnamese "
              "body can create its data."),
    Condition("result_of_procedure", "component", BOOL, False,
              "The document is the result of another procedure, so its digitized result can be reused."),
    Condition("copy_form", "component", ("original", "copy", "certified_copy", "photocopy", "unknown"),
              "unknown", "The form demanded: original, plain copy, certified copy, photocopy."),
    Condition("certified_copy_required_by_law", "component", BOOL, False,
              "The document type is one the law itself requires as a certified copy."),
    Condition("online_level", "procedure", ("full", "partial", "none"), "none",
              "The procedure's online service level (full = toàn trình)."),
    Condition("paper_channel", "procedure", BOOL, False,
              "The procedure lists a direct (counter) or postal channel."),
    Condition("paper_component", "procedure", BOOL, False,
              "Some component can only be met with paper at a counter or by post."),
    Condition("is_local_variant", "procedure", BOOL, False,
              "A localized variant of a central procedure present in the catalog (parent_code)."),
    Condition("components_added", "procedure", BOOL, False,
              "The variant demands components its parent does not."),
    Condition("components_removed", "procedure", BOOL, False,
              "The variant drops components its parent demands."),
    Condition("channels_drift", "procedure", BOOL, False,
              "The variant's channels differ from its parent's."),
)}


def conditions_for(applies_to: str) -> list[str]:
    return [name for name, c in CONDITIONS.items() if c.applies_to == applies_to]


def defaults_for(applies_to: str) -> dict:
    return {name: c.default for name, c in CONDITIONS.items() if c.applies_to == applies_to}
