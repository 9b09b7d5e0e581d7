#!/usr/bin/env python3
"""Time the checker on a national-scale catalog and compare it with the target.

Runs, in a child process and exactly as a user would,

    <python> -m checker check CATALOG --out OUTDIR

then measures the child's wall time and peak resident memory, checks that
OUTDIR/findings.csv holds exactly one verdict row (component_seq non-empty) per
row of components.csv, and prints PASS or FAIL against the target: at most 15 s
and 1024 MB.

Without --catalog, a synthetic national catalog (72,717 procedures, 400,000
components) is generated with generate_national_catalog.py and cached under
benchmarks/.cache/, keyed by seed, size and a hash of the generator and of the
reference YAML files it copies.

    python benchmarks/run_national_check.py                      # full size, seed 42
    python benchmarks/run_national_check.py --repeat 3           # median of 3 runs
    python benchmarks/run_national_check.py --procedures 5000    # quick, scaled down
    python benchmarks/run_national_check.py --catalog path/to/real/catalog

Exit status: 0 PASS, 1 FAIL (too slow, too big, or verdicts missing or
duplicated), 2 bad options or catalog generation failed, 3 the checker could
not be run or exited with an error.
"""

from __future__ import annotations

import argparse
import codecs
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = BENCH_DIR.parent
CACHE_DIR = BENCH_DIR / ".cache"
TARGET_SECONDS = 15.0
TARGET_MB = 1024.0

EXIT_PASS, EXIT_FAIL, EXIT_USAGE, EXIT_CHECKER = 0, 1, 2, 3
# The checker prefixes a quote to cells a spreadsheet would run as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class BenchError(Exception):
    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.status = status


# ----------------------------------------------------------------------------- catalog


def _generator():
    sys.path.insert(0, str(BENCH_DIR))
    try:
        import generate_national_catalog as gen
    finally:
        sys.path.pop(0)
    return gen


def cache_key(gen, seed: int, procedures: int, reference: Path) -> str:
    digest = hashlib.sha256(Path(gen.__file__).read_bytes())
    digest.update(gen.reference_fingerprint(reference).encode())
    return f"national-seed{seed}-n{procedures}-{digest.hexdigest()[:12]}"


def prepare_catalog(args) -> tuple[Path, str, Path | None]:
    """(catalog folder, how it was obtained, folder to delete afterwards or None)."""
    if args.catalog:
        folder = Path(args.catalog)
        if not folder.is_dir():
            raise BenchError(f"--catalog {folder}: not a folder", EXIT_USAGE)
        return folder, "given", None
    gen = _generator()
    if args.no_cache:
        folder = Path(tempfile.mkdtemp(prefix="tthc-national-"))
        _generate(gen, args, folder)
        return folder, "generated (temporary)", folder
    key = cache_key(gen, args.seed, args.procedures, args.reference)
    folder = CACHE_DIR / key
    if all((folder / name).is_file() for name in ("procedures.csv", "components.csv") + gen.REFERENCE_FILES):
        return folder, f"cached: {key}", None
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".tmp-", dir=CACHE_DIR))
    _generate(gen, args, staging)
    os.chmod(staging, 0o755)                   # mkdtemp made it private
    shutil.rmtree(folder, ignore_errors=True)  # an incomplete leftover
    os.replace(staging, folder)                # publish the finished folder in one rename
    return folder, f"generated and cached: {key}", None


def _generate(gen, args, folder: Path) -> None:
    print(f"generating   seed {args.seed}, {args.procedures:,} procedures …", flush=True)
    try:
        stats = gen.generate(folder, seed=args.seed, procedures=args.procedures, reference=args.reference)
    except (gen.GenerationError, OSError) as exc:
        shutil.rmtree(folder, ignore_errors=True)
        raise BenchError(f"catalog generation failed: {exc}", EXIT_USAGE) from exc
    print(f"generated    in {stats['seconds']:.1f} s", flush=True)


def _encoding_of(head: bytes) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return "utf-8"


def _normal(name) -> str:
    return str(name).strip().lower().lstrip("\ufeff")


def read_columns(path: Path, columns: tuple[str, ...]):
    """The named columns of a CSV (any delimiter the checker accepts) or .xlsx table, as text.

    Header names are compared trimmed and lower-cased; a missing column is an error.
    """
    import pandas as pd

    wanted = set(columns)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        frame = pd.read_excel(path, dtype=str).fillna("")
    else:
        with path.open("rb") as fh:
            head = fh.read(65536)
        encoding = _encoding_of(head)
        first = head.decode(encoding, errors="replace").split("\n", 1)[0]
        delimiter = max((",", ";", "\t"), key=lambda d: (first.count(d), d == ","))
        options = dict(dtype=str, keep_default_na=False, sep=delimiter, skip_blank_lines=True,
                       usecols=lambda c: _normal(c) in wanted)
        try:
            frame = pd.read_csv(path, encoding=encoding, **options)
        except UnicodeDecodeError:  # Excel's Vietnamese "CSV"
            frame = pd.read_csv(path, encoding="cp1258", **options)
    frame.columns = [_normal(c) for c in frame.columns]
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise BenchError(f"{path}: no column {', '.join(missing)}", EXIT_USAGE)
    return frame[list(columns)].astype(str)


def find_table(folder: Path, stem: str) -> Path:
    for suffix in (".csv", ".xlsx", ".xlsm", ".tsv", ".txt"):
        if (folder / (stem + suffix)).is_file():
            return folder / (stem + suffix)
    raise BenchError(f"{folder}: no {stem}.csv", EXIT_USAGE)


def _seq_key(value: str) -> str:
    value = str(value).strip()
    return str(int(value)) if value.isdigit() else value


def _neutral(value: str) -> str:
    value = str(value).strip()
    return "'" + value if value.startswith(_FORMULA_START) else value


def _keys(codes, seqs) -> list[tuple[str, str]]:
    return list(zip(codes.str.strip().tolist(), seqs.map(_seq_key).tolist()))


def component_keys(folder: Path) -> tuple[int, list[tuple[str, str]]]:
    """(number of procedures, (procedure_code, seq) of every component) of a catalog folder."""
    procedures = len(read_columns(find_table(folder, "procedures"), ("code",)))
    comps = read_columns(find_table(folder, "components"), ("procedure_code", "seq"))
    return procedures, _keys(comps["procedure_code"].map(_neutral), comps["seq"])


def verdict_keys(out_dir: Path) -> list[tuple[str, str]]:
    """(procedure_code, component_seq) of every findings.csv row about a component."""
    path = out_dir / "findings.csv"
    if not path.is_file():
        raise BenchError(f"the checker exited 0 but wrote no {path}", EXIT_CHECKER)
    try:
        rows = read_columns(path, ("procedure_code", "component_seq"))
    except BenchError as exc:
        raise BenchError(str(exc), EXIT_CHECKER) from exc
    rows = rows[rows["component_seq"].str.strip() != ""]
    return _keys(rows["procedure_code"], rows["component_seq"])


# ----------------------------------------------------------------------------- one run


def _maxrss_mb(ru_maxrss: int) -> float:
    # Linux reports kilobytes, macOS bytes.
    return ru_maxrss / (1024 * 1024) if sys.platform == "darwin" else ru_maxrss / 1024


def build_command(python: str, catalog: Path, out_dir: Path) -> list[str]:
    return [python, "-m", "checker", "check", str(catalog), "--out", str(out_dir)]


def _tail(path: Path, lines: int = 30) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    return "\n".join(text.rstrip().splitlines()[-lines:])


def run_once(command: list[str], log_dir: Path, timeout: float) -> tuple[float, float]:
    """Run the checker once; (wall seconds, peak RSS MB of the child and its descendants)."""
    stdout_path, stderr_path = log_dir / "checker.stdout.txt", log_dir / "checker.stderr.txt"
    with stdout_path.open("wb") as out, stderr_path.open("wb") as err:
        started = time.perf_counter()
        try:
            proc = subprocess.Popen(command, cwd=PROJECT_ROOT, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        except OSError as exc:
            raise BenchError(f"could not start the checker ({' '.join(command)}): {exc}", EXIT_CHECKER) from exc
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        try:
            # wait4 gives this child's own rusage (RUSAGE_CHILDREN would mix in every child so far).
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    proc.returncode = code  # reaped by wait4; tell Popen so it does not wait again
    if code != 0:
        why = f"killed after the {timeout:g} s timeout" if wall >= timeout and code < 0 else f"exit status {code}"
        details = "\n".join(part for part in (_tail(stderr_path), _tail(stdout_path, 10)) if part)
        raise BenchError(f"the checker failed ({why}): {' '.join(command)}\n{details}", EXIT_CHECKER)
    return wall, _maxrss_mb(usage.ru_maxrss)


# ----------------------------------------------------------------------------- main


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     epilog="Not part of the test suite; see benchmarks/README.md.",
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    gen_defaults = _generator()
    parser.add_argument("--catalog", type=Path, default=None,
                        help="catalog folder to check (default: generate a synthetic national catalog)")
    parser.add_argument("--seed", type=int, default=42, help="generator seed (default 42)")
    parser.add_argument("--procedures", type=int, default=gen_defaults.FULL_PROCEDURES,
                        help=f"generated catalog size (default {gen_defaults.FULL_PROCEDURES:,})")
    parser.add_argument("--reference", type=Path, default=gen_defaults.DEFAULT_REFERENCE,
                        help="folder with document_types.yaml and data_sources.yaml for the generator "
                             f"(default {gen_defaults.DEFAULT_REFERENCE})")
    parser.add_argument("--no-cache", action="store_true",
                        help="generate into a temporary folder and delete it afterwards")
    parser.add_argument("--repeat", type=int, default=1, help="number of runs; the median is reported (default 1)")
    parser.add_argument("--out", type=Path, default=None,
                        help="keep the checker's output here (run-N subfolders when --repeat > 1); "
                             "default: a temporary folder, deleted afterwards")
    parser.add_argument("--python", default=sys.executable, help="interpreter for the checker (default: this one)")
    parser.add_argument("--timeout", type=float, default=900.0, help="kill a run after this many seconds (default 900)")
    parser.add_argument("--max-seconds", type=float, default=TARGET_SECONDS,
                        help=f"target wall time (default {TARGET_SECONDS:g})")
    parser.add_argument("--max-mb", type=float, default=TARGET_MB, help=f"target peak RSS (default {TARGET_MB:g})")
    parser.add_argument("--json", type=Path, default=None, help="also write the results as JSON here")
    parser.add_argument("--dry-run", action="store_true",
                        help="prepare and count the catalog, print the command, do not run the checker")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if args.procedures < 1:
        parser.error("--procedures must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    cleanup: list[Path] = []
    try:
        return _main(args, cleanup)
    except BenchError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.status
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    finally:
        for path in cleanup:
            shutil.rmtree(path, ignore_errors=True)


def _main(args, cleanup: list[Path]) -> int:
    catalog, origin, temporary = prepare_catalog(args)
    if temporary:
        cleanup.append(temporary)
    n_procedures, components = component_keys(catalog)
    n_components = len(components)
    print(f"catalog      {catalog} ({origin})")
    print(f"procedures   {n_procedures:,}")
    print(f"components   {n_components:,}")
    if args.out:
        out_root = Path(args.out).resolve()
        out_root.mkdir(parents=True, exist_ok=True)
    else:
        out_root = Path(tempfile.mkdtemp(prefix="tthc-bench-out-"))
        cleanup.append(out_root)
    log_dir = Path(tempfile.mkdtemp(prefix="tthc-bench-log-"))
    cleanup.append(log_dir)

    if args.dry_run:
        out_dir = out_root / "run-1" if args.repeat > 1 else out_root
        print("command      " + " ".join(build_command(args.python, catalog.resolve(), out_dir)))
        print(f"(dry run: the checker was not started; cwd would be {PROJECT_ROOT})")
        return EXIT_PASS

    expected = set(components)
    duplicated_components = n_components - len(expected)
    walls, peaks, verdict_counts, problems = [], [], [], []
    for i in range(1, args.repeat + 1):
        out_dir = out_root / f"run-{i}" if args.repeat > 1 else out_root
        for name in ("findings.csv", "findings.json", "summary.json"):
            (out_dir / name).unlink(missing_ok=True)
        command = build_command(args.python, catalog.resolve(), out_dir)
        if i == 1:
            print("command      " + " ".join(command))
        wall, peak = run_once(command, log_dir, args.timeout)
        keys = verdict_keys(out_dir)
        found = set(keys)
        missing, extra = len(expected - found), len(found - expected)
        duplicates = len(keys) - len(found)
        walls.append(wall)
        peaks.append(peak)
        verdict_counts.append(len(keys))
        print(f"run {i}/{args.repeat}    {wall:7.2f} s  {peak:8.1f} MB  {len(keys):,} component verdicts", flush=True)
        if len(keys) != n_components:
            problems.append(f"run {i}: {len(keys):,} component verdicts for {n_components:,} components")
        if missing or extra or duplicates:
            problems.append(f"run {i}: {missing:,} components without a verdict, {extra:,} verdicts for unknown "
                            f"components, {duplicates:,} components with more than one verdict")
    if duplicated_components:
        problems.append(f"components.csv repeats {duplicated_components:,} (procedure_code, seq) pairs")

    wall = statistics.median(walls)
    peak = statistics.median(peaks)
    peak_max = max(peaks)
    rate = n_components / wall if wall > 0 else float("inf")
    fast, small = wall <= args.max_seconds, peak_max <= args.max_mb
    complete = not problems
    verdict = "PASS" if fast and small and complete else "FAIL"
    spread = f" (median of {len(walls)}; min {min(walls):.2f}, max {max(walls):.2f})" if len(walls) > 1 else ""
    mem_spread = f" (median of {len(peaks)}; max {peak_max:.1f})" if len(peaks) > 1 else ""
    print()
    print(f"procedures   {n_procedures:,}")
    print(f"components   {n_components:,}")
    print(f"wall time    {wall:.2f} s{spread}")
    print(f"components/s {rate:,.0f}")
    print(f"peak RSS     {peak:.1f} MB{mem_spread}")
    print(f"verdicts     {verdict_counts[-1]:,} component rows in findings.csv "
          f"({'equal to' if verdict_counts[-1] == n_components else 'NOT equal to'} components)")
    for problem in problems:
        print(f"  ! {problem}")
    print(f"target       ≤ {args.max_seconds:g} s: {'ok' if fast else 'too slow'}; "
          f"≤ {args.max_mb:g} MB: {'ok' if small else 'too big'}; "
          f"one verdict per component: {'ok' if complete else 'no'}")
    print(verdict)
    if args.json:
        result = {
            "verdict": verdict, "catalog": str(catalog), "catalog_origin": origin,
            "seed": None if args.catalog else args.seed,
            "procedures": n_procedures, "components": n_components,
            "component_verdicts": verdict_counts, "runs": len(walls),
            "wall_seconds": walls, "wall_seconds_median": wall, "components_per_second": rate,
            "peak_rss_mb": peaks, "peak_rss_mb_median": peak, "peak_rss_mb_max": peak_max,
            "target_seconds": args.max_seconds, "target_mb": args.max_mb, "problems": problems,
            "python": args.python, "platform": platform.platform(), "cpu_count": os.cpu_count(),
        }
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return EXIT_PASS if verdict == "PASS" else EXIT_FAIL


if __name__ == "__main__":
    sys.exit(main())
