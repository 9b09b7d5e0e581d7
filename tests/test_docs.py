"""Every command has Vietnamese help and is documented in README; README gives the two commands."""

from __future__ import annotations

import unicodedata

from checker.cli import main
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_is_documented_with_vietnamese_help(runner):
    for name, command in main.commands.items():
        assert f"tthc {name}" in README, name
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0
        assert command.help and unicodedata.is_normalized("NFC", command.help)
        assert any(ch in command.help for ch in "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"), name


def test_readme_opens_with_the_two_fresh_machine_commands():
    quick = README.split("## Quick start", 1)[1].split("##", 1)[0]
    blocks = [b for b in quick.split("```") if b.strip().startswith("bash")]
    assert len(blocks) == 2
    assert "tthc check" in blocks[0] and "pytest" in blocks[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pytest" in ci and ".[test]" in ci
