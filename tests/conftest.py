"""Shared fixtures: the project's rulebook, the mini catalog and a CLI runner."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINI = FIXTURES / "mini_catalog"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def rulebook():
    from checker.rulebook import load_rulebook

    return load_rulebook(ROOT / "rules")


@pytest.fixture(scope="session")
def mini_expected():
    with (FIXTURES / "mini_catalog_expected.yaml").open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    data["as_of"] = data["as_of"] if isinstance(data["as_of"], dt.date) else dt.date.fromisoformat(data["as_of"])
    return data


@pytest.fixture()
def runner():
    return CliRunner()


@pytest.fixture()
def mini_copy(tmp_path):
    """A writable copy of the mini catalog, for tests that break one file."""
    import shutil

    target = tmp_path / "catalog"
    shutil.copytree(MINI, target)
    return target
