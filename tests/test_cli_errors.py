"""The command line answers misuse with one line on stderr and exit code 2,
never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from c360.cli import main


def _one_line_error(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert "Traceback" not in err
    assert len(err.splitlines()) == 1, err
    return err


def test_missing_warehouse(capsys: pytest.CaptureFixture[str]) -> None:
    err = _one_line_error(capsys, ["backtest", "--warehouse", "/nonexistent"])
    assert "no warehouse at /nonexistent" in err


def test_generate_into_a_file(capsys, tmp_path: Path) -> None:
    target = tmp_path / "a_file"
    target.write_text("")
    err = _one_line_error(capsys, ["generate", "--out", str(target), "--quiet"])
    assert "is a file" in err


def test_warehouse_held_by_a_build(capsys, tmp_path: Path) -> None:
    path = tmp_path / "c360.duckdb"
    duckdb.connect(str(path)).close()
    # another process holds the file for writing, as a running dbt build does
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
            "print('ready', flush=True); time.sleep(60)",
            str(path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        err = _one_line_error(capsys, ["validate", "--warehouse", str(path)])
    finally:
        holder.kill()
        holder.wait()
    assert "in use by another process" in err
