"""The `tthc` command: wires catalog → rulebook → evaluate → outputs, and nothing more.

Exit codes: 0 success, 2 bad input (catalog, rules, dates, options) or a run
that could not account for every component.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

import click
import pandas as pd

from checker.errors import CheckerError
from checker.i18n import percent, set_language, t

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CATALOG = PROJECT_ROOT / "catalogs"
DEFAULT_RULES = PROJECT_ROOT / "rules"


def parse_date(text: str | None) -> dt.date:
    if not text:
        return dt.date.today()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    raise CheckerError("bad_date", column="--as-of", value=text)


def _set_lang(ctx, _param, value):
    # Called for every invocation (value None when absent), so one run's --lang never leaks into the next.
    import os

    parent = ctx.meta.get("tthc_lang")
    if value:
        set_language(value)
        ctx.meta["tthc_lang"] = value
    elif not parent:
        env = os.environ.get("TTHC_LANG", "vi")
        set_language(env if env in ("vi", "en") else "vi")
    return value


help_option = click.help_option("--help", "-h", help=t("cli.help_option"))
lang_option = click.option("--lang", type=click.Choice(["vi", "en"]), default=None, expose_value=False,
                           is_eager=True, callback=_set_lang, help=t("cli.lang"))


class _Progress:
    def __init__(self, quiet: bool):
        self.quiet, self.start = quiet, time.monotonic()

    def __call__(self, key: str):
        if not self.quiet:
            click.echo(f"[{time.monotonic() - self.start:6.1f}s] {t(key)}…", err=True)


def _fail(err: CheckerError):
    click.echo(str(err), err=True)
    sys.exit(2)


@click.group(help=t("cli.help"))
@lang_option
@help_option
def main():
    pass


def _filter_ministry(catalog, ministry: str):
    from checker.text import fold

    known = sorted(catalog.procedures["ministry"].unique())
    keep = catalog.procedures["ministry"].map(fold) == fold(ministry)
    if not keep.any():
        raise CheckerError("unknown_ministry", column="--ministry", value=ministry, known="; ".join(known))
    catalog.procedures = catalog.procedures[keep].reset_index(drop=True)
    catalog.components = catalog.components[catalog.components["procedure_code"].isin(
        set(catalog.procedures["code"]))].reset_index(drop=True)
    # A variant whose parent is filtered out can no longer be compared with it.
    catalog.procedures.loc[~catalog.procedures["parent_code"].isin(set(catalog.procedures["code"])),
                           "parent_code"] = ""
    return catalog


def run_check(catalog_dir: Path, out: Path, as_of: str | None, ministry: str | None, official: Path | None,
              rules_dir: Path, quiet: bool) -> dict:
    """The whole check; returns the summary. Raises CheckerError on bad input."""
    from checker.catalog import load_catalog
    from checker.findings import FINDING_COLUMNS, evaluate
    from checker.matching import Matcher
    from checker.official import load_official_list
    from checker.output import write_outputs
    from checker.rulebook import load_rulebook
    from checker.summary import build_summary

    progress = _Progress(quiet)
    on = parse_date(as_of)
    rulebook = load_rulebook(rules_dir)
    progress("progress.reading")
    catalog = load_catalog(catalog_dir)
    if ministry:
        catalog = _filter_ministry(catalog, ministry)
    official_list = load_official_list(official, Matcher(catalog.document_types)) if official else None
    progress("progress.evaluating")
    comp, procs = evaluate(catalog, rulebook, on, official=official_list)
    summary = build_summary(comp, procs, catalog, on, official_list is not None)
    progress("progress.writing")
    # Both parts are already sorted; a stable sort on the code alone puts each procedure's own
    # findings after its components.
    findings = pd.concat([comp[FINDING_COLUMNS], procs[FINDING_COLUMNS]], ignore_index=True)
    findings = findings.sort_values("procedure_code", kind="stable")
    write_outputs(out, findings, summary)
    return summary


def print_summary(summary: dict, out: Path) -> None:
    from checker.rulebook import COMPONENT_VERDICTS

    short = {"REMOVE_OBSOLETE": "OBS", "CUT": "CUT", "CUT_WHEN_READY": "READY", "RELAX_COPY": "COPY",
             "CREATE_DATA": "CREATE", "KEEP": "KEEP", "ALREADY_DATA": "DATA", "NEEDS_REVIEW": "REVIEW"}
    click.echo(t("summary.title", as_of=summary["as_of"]))
    width = max([len(m) for m in summary["by_ministry"]] + [len(t("summary.ministry"))])
    width = min(width, 42)
    header = f"{t('summary.ministry'):<{width}} " + " ".join(f"{short[v]:>6}" for v in COMPONENT_VERDICTS)
    click.echo(header + f" {t('summary.total'):>7}")
    for ministry, counts in summary["by_ministry"].items():
        name = ministry if len(ministry) <= width else ministry[: width - 1] + "…"
        click.echo(f"{name:<{width}} " + " ".join(f"{counts[v]:>6}" for v in COMPONENT_VERDICTS)
                   + f" {counts['total']:>7}")
    totals = summary["components_by_verdict"]
    click.echo(f"{t('summary.total'):<{width}} " + " ".join(f"{totals[v]:>6}" for v in COMPONENT_VERDICTS)
               + f" {summary['components']:>7}")
    for code, label in short.items():
        click.echo(f"  {label:<6} = {t('verdict.' + code)}")
    findings = sum(summary["procedure_findings_by_verdict"].values())
    click.echo(t("summary.components", count=summary["components"], procedures=summary["procedures"],
                 findings=findings))
    share = summary["cut_share"]
    click.echo(t("summary.cut_share", cut=share["cut_or_already_data"], state_issued=share["state_issued_components"],
                 share=percent(share["share"]), target=percent(share["target"], 0)))
    mirror = summary["official_review_mirror"]
    click.echo(t("summary.vneid", count=mirror["procedures_cut_through_vneid"]))
    click.echo(t("summary.reuse", now=mirror["procedures_reusing_civil_status_or_land_now"],
                 ready=mirror["procedures_reusing_civil_status_or_land_when_ready"]))
    if "official_list" in summary:
        o = summary["official_list"]
        click.echo(t("summary.official", listed=o["components_listed"], found=o["found_by_generic_rules"],
                     share=percent(o["share"])))
    if summary["unresolved_components"]:
        click.echo(t("summary.unresolved", count=summary["unresolved_components"]))
    click.echo(t("summary.written", out=out))


@main.command(help=t("cli.check"))
@click.argument("catalog", required=False, type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(path_type=Path), default=Path("out"), show_default=True, help=t("cli.out"))
@click.option("--as-of", "as_of", default=None, help=t("cli.as_of"))
@click.option("--ministry", default=None, help=t("cli.ministry"))
@click.option("--official-list", "official", type=click.Path(path_type=Path), default=None, help=t("cli.official"))
@click.option("--rules", "rules_dir", type=click.Path(path_type=Path), default=DEFAULT_RULES, help=t("cli.rules_dir"))
@click.option("--quiet", is_flag=True, help=t("cli.quiet"))
@lang_option
@help_option
def check(catalog, out, as_of, ministry, official, rules_dir, quiet):
    try:
        summary = run_check(catalog or DEFAULT_CATALOG, out, as_of, ministry, official, rules_dir, quiet)
    except CheckerError as err:
        _fail(err)
    if not quiet:
        print_summary(summary, out)


@main.command(help=t("cli.validate"))
@click.argument("catalog", required=False, type=click.Path(path_type=Path))
@lang_option
@help_option
def validate(catalog):
    from checker.catalog import load_catalog

    try:
        cat = load_catalog(catalog or DEFAULT_CATALOG)
    except CheckerError as err:
        _fail(err)
    click.echo(t("valid.ok", procedures=len(cat.procedures), components=len(cat.components),
                 types=len(cat.document_types), sources=len(cat.data_sources)))


@main.command(help=t("cli.rules"))
@click.option("--as-of", "as_of", default=None, help=t("cli.as_of"))
@click.option("--rules", "rules_dir", type=click.Path(path_type=Path), default=DEFAULT_RULES, help=t("cli.rules_dir"))
@click.option("--conditions", is_flag=True, help=t("cli.conditions"))
@lang_option
@help_option
def rules(as_of, rules_dir, conditions):
    from checker.conditions import CONDITIONS
    from checker.findings import _legal_text
    from checker.i18n import language
    from checker.rulebook import load_rulebook

    if conditions:
        for c in CONDITIONS.values():
            values = "|".join(str(v).lower() for v in c.values) if c.values else "<instrument id>|none"
            click.echo(f"{c.name} ({c.applies_to}: {values})\n    {c.doc}")
        return
    try:
        on = parse_date(as_of)
        book = load_rulebook(rules_dir)
    except CheckerError as err:
        _fail(err)
    active = book.in_force(on)
    click.echo(t("rules.header", count=len(book.rules), as_of=on.isoformat(), active=len(active)))
    lang = language()
    for rule in book.rules:
        title = rule.title_en if lang == "en" else rule.title
        until = rule.in_force.until.isoformat() if rule.in_force.until else "…"
        state = t("rules.in_force") if rule in active else t("rules.not_in_force")
        click.echo(f"{rule.code}  {rule.verdict:<16} [{t('force.' + rule.legal_force)}] {title}")
        click.echo(f"      {rule.in_force.from_.isoformat()} → {until} ({state}); "
                   f"{t('explain.basis')}: {_legal_text(book, rule, '', lang, {})}")


@main.command(help=t("cli.explain"))
@click.argument("code")
@click.option("--catalog", "catalog_dir", type=click.Path(path_type=Path), default=None, help=t("cli.catalog"))
@click.option("--as-of", "as_of", default=None, help=t("cli.as_of"))
@click.option("--official-list", "official", type=click.Path(path_type=Path), default=None, help=t("cli.official"))
@click.option("--rules", "rules_dir", type=click.Path(path_type=Path), default=DEFAULT_RULES, help=t("cli.rules_dir"))
@lang_option
@help_option
def explain(code, catalog_dir, as_of, official, rules_dir):
    from checker.catalog import load_catalog
    from checker.findings import evaluate
    from checker.matching import Matcher
    from checker.official import load_official_list
    from checker.rulebook import load_rulebook

    try:
        on = parse_date(as_of)
        book = load_rulebook(rules_dir)
        catalog = load_catalog(catalog_dir or DEFAULT_CATALOG)
        procs = catalog.procedures
        if code not in set(procs["code"]):
            raise CheckerError("unknown_procedure_code", column="CODE", value=code)
        keep = {code} | set(procs.loc[procs["code"] == code, "parent_code"]) - {""}
        catalog.procedures = procs[procs["code"].isin(keep)].reset_index(drop=True)
        catalog.components = catalog.components[catalog.components["procedure_code"].isin(keep)].reset_index(drop=True)
        official_list = load_official_list(official, Matcher(catalog.document_types)) if official else None
        comp, proc_findings = evaluate(catalog, book, on, official=official_list)
    except CheckerError as err:
        _fail(err)
    row = catalog.procedures[catalog.procedures["code"] == code].iloc[0]
    click.echo(t("explain.procedure", code=code, name=row["name"], ministry=row["ministry"]))
    for rec in comp[comp["procedure_code"] == code].itertuples(index=False):
        click.echo(f"\n  {rec.seq}. {rec.name}")
        click.echo(f"     → {rec.verdict} ({t('verdict.' + rec.verdict)}) [{rec.rule_code or '—'}, "
                   f"{t('force.' + rec.legal_force)}]")
        if rec.document_type:
            click.echo(f"     {rec.document_type} ({rec.match_method}, {rec.match_confidence})")
        click.echo(f"     {rec.explanation}")
        if rec.legal_basis:
            click.echo(f"     {t('explain.basis')}: {rec.legal_basis}")
        if rec.data_source:
            click.echo(f"     {t('explain.source')}: {rec.data_source}")
        if rec.matched_rules:
            click.echo(f"     {t('explain.trail')}: {rec.matched_rules}")
        if rec.official_list == "yes":
            click.echo(f"     {t('explain.official', db=rec.official_database)}")
    for rec in proc_findings[proc_findings["procedure_code"] == code].itertuples(index=False):
        click.echo(f"\n  ★ {rec.verdict} ({t('verdict.' + rec.verdict)}) [{rec.matched_rules}]")
        click.echo(f"     {rec.explanation}")
        click.echo(f"     {t('explain.basis')}: {rec.legal_basis}")


@main.command("import", help=t("cli.import"))
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(path_type=Path), required=True, help=t("cli.import_out"))
@click.option("--mapping", type=click.Path(path_type=Path), default=None, help=t("cli.mapping"))
@click.option("--reference", type=click.Path(path_type=Path), default=DEFAULT_CATALOG, help=t("cli.reference"))
@click.option("--ministry", default="", help=t("cli.import_ministry"))
@click.option("--province", default="", help=t("cli.import_province"))
@click.option("--central", type=click.Path(path_type=Path), default=None, help=t("cli.central"))
@lang_option
@help_option
def import_(files, out, mapping, reference, ministry, province, central):
    from checker.importers.run import import_files

    try:
        report = import_files(list(files), out, reference, mapping, ministry, province, central)
    except CheckerError as err:
        _fail(err)
    click.echo(t("import.summary", procedures=report["procedures"], components=report["components"],
                 notes=report["notes"], skipped=report["skipped"], warnings=report["warnings"], out=out))
    for source in report["sources"]:
        click.echo(t("import.source", file=source["file"], sheet=source["sheet"] or "—", rows=source["rows_read"],
                     procedures=source["procedures"], components=source["components"], notes=source["notes"],
                     skipped=len(source["skipped"])))
        for item in source["skipped"][:5]:
            click.echo(f"    - {item['row']}: {item['reason']}")
        if len(source["skipped"]) > 5:
            click.echo("    " + t("import.more", count=len(source["skipped"]) - 5))
    if "pairing" in report:
        p = report["pairing"]
        click.echo(t("import.pairing", code=p["paired_by_code"], name=p["paired_by_name"], unpaired=len(p["unpaired"]),
                     differences=len(p["channel_or_agency_differences"])))


@main.command(help=t("cli.review"))
@click.argument("catalog", required=False, type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(path_type=Path), default=None, help=t("cli.review_out"))
@click.option("--limit", type=int, default=30, show_default=True, help=t("cli.limit"))
@lang_option
@help_option
def review(catalog, out, limit):
    from checker.catalog import load_catalog
    from checker.review import open_reviews, write_review_file

    try:
        cat = load_catalog(catalog or DEFAULT_CATALOG)
    except CheckerError as err:
        _fail(err)
    table = open_reviews(cat)
    click.echo(t("review.header", count=len(table), rows=int(table["count"].sum()) if len(table) else 0))
    for rec in table.head(limit).itertuples(index=False):
        hint = f"  [{rec.candidates}]" if rec.candidates else ""
        click.echo(f"{rec.count:>6}  {rec.text}{hint}")
    if out:
        write_review_file(table, out)
        click.echo(t("review.written", out=out))


def entry():
    """Console entry point: run, flush, and leave without tearing down the heap.

    Freeing hundreds of thousands of findings object by object costs about a
    second at national scale and achieves nothing at process exit; every
    output file is already closed (and atomically moved) by then.
    """
    import os

    try:
        main.main(prog_name="tthc")
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    entry()
