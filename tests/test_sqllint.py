"""`python -m c360.sqllint` lints files deeper than Python's default
recursion limit, in line and in sqlfluff's worker processes, where plain
sqlfluff gives up on them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import tool

# 150 nested brackets: sqlfluff's parser recurses past Python's default
# limit of 1,000 frames (plain sqlfluff reports "Unable to lint")
DEPTH = 150


@pytest.fixture
def deep_files(tmp_path: Path) -> Path:
    (tmp_path / ".sqlfluff").write_text(
        "[sqlfluff]\ndialect = ansi\ntemplater = raw\n"
        "max_parse_depth = 3000\nrules = CP01\n"
    )
    for index in range(3):
        (tmp_path / f"deep_{index}.sql").write_text(
            f"select {'(' * DEPTH}{index}{')' * DEPTH} as x\n"
        )
    return tmp_path


def test_plain_sqlfluff_cannot_lint_the_deep_files(deep_files: Path) -> None:
    result = subprocess.run(
        [tool("sqlfluff"), "lint", "."],
        cwd=deep_files,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Unable to lint" in result.stdout + result.stderr


@pytest.mark.parametrize("processes", ["1", "2"])
def test_the_wrapper_lints_every_deep_file(deep_files: Path, processes: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "c360.sqllint", ".", "--processes", processes],
        cwd=deep_files,
        capture_output=True,
        text=True,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-3000:]
    assert "Unable to lint" not in output
    assert "All Finished" in output
