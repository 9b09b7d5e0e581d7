"""`tthc import`: read every file given, pair local variants with a central catalog, write a catalog."""

from __future__ import annotations

from pathlib import Path

from checker.errors import CatalogError
from checker.importers.build import Builder
from checker.importers.sheets import iter_rows

TABLE_SUFFIXES = (".xlsx", ".xlsm", ".csv", ".tsv", ".txt")


def import_files(files: list[Path], out: Path, reference: Path, mapping: Path | None = None,
                 ministry: str = "", province: str = "", central: Path | None = None) -> dict:
    builder = Builder(default_ministry=ministry, default_province=province)
    for path in files:
        path = Path(path)
        if not path.exists():
            raise CatalogError("missing_file", file=str(path))
        if path.suffix.lower() in TABLE_SUFFIXES:
            builder.add_table(path, iter_rows(path))
            continue
        from checker.importers import portal_sources

        kind = portal_sources.sniff(path)
        if kind is None:
            raise CatalogError("not_a_table", file=path.name)
        builder.add_portal_records(path, portal_sources.iter_records(path))
    if central is not None:
        from checker.pairing import pair_with_central

        builder.pairing = pair_with_central(builder, Path(central))
    return builder.write(out, reference, mapping)
