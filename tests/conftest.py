"""Shared helpers: the project root, generated data sets, dbt runs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# pytest-xdist starts its workers with `python -c`, whose __main__ has no
# __file__. pyspark's connect module (Great Expectations imports it when
# pyspark is installed, as `make test` does) then takes the process for a
# doctest run and exits it: give the worker's __main__ a name.
_main = sys.modules["__main__"]
if getattr(_main, "__spec__", None) is None and not hasattr(_main, "__file__"):
    _main.__file__ = "<pytest-xdist worker>"

AS_OF = "2026-11-01"

# Test files that share one warehouse build (a session fixture) run as one
# unit of pytest-xdist work, so one worker builds it instead of each. The
# gate runs pytest with `--dist loadfile`; the scheduler below joins these
# files into one unit. `warehouse` is used by most slow files: as one unit
# they would leave the other worker idle, so each worker builds it once.
SHARED_BUILDS = {
    "foreign_warehouse": (
        "tests/test_identity_foreign.py",
        "tests/test_staging_build.py",
    ),
}


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    """`--dist loadfile`, with the files of each shared build as one unit.
    (`--dist loadgroup` cannot do it with pytest 9: pytest-xdist 3.8 writes
    the group into an attribute pytest no longer reads the test id from.)"""
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    unit_of = {path: name for name, paths in SHARED_BUILDS.items() for path in paths}

    class SharedBuildScheduling(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            path = super()._split_scope(nodeid)
            return unit_of.get(path, path)

    return SharedBuildScheduling(config, log)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A file that uses a shared build must be listed with it."""
    for item in items:
        path = item.nodeid.split("::")[0]
        for fixture, paths in SHARED_BUILDS.items():
            if fixture in getattr(item, "fixturenames", ()) and path not in paths:
                raise pytest.UsageError(
                    f"{path} uses {fixture}: add it to SHARED_BUILDS in"
                    " tests/conftest.py"
                )


def tool(name: str) -> str:
    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else name


def run_dbt(
    args: list[str],
    raw_dir: Path,
    warehouse: Path,
    work: Path,
    project_dir: Path = ROOT,
    unit_tests: bool = False,
) -> subprocess.CompletedProcess[str]:
    """Run dbt in a subprocess against its own warehouse and target folder.

    A `build` here leaves out dbt's unit tests unless asked: they read
    fixtures, not the data, so every build would repeat the same verdicts
    (17 s of a 96 s build of the small data set); the gate's own
    `dbt build` runs them once."""
    if args[:1] == ["build"] and not unit_tests:
        args = [*args, "--exclude-resource-type", "unit_test"]
    env = {
        **os.environ,
        "C360_RAW_DIR": str(raw_dir),
        "C360_WAREHOUSE": str(warehouse),
        "DBT_PROFILES_DIR": str(project_dir),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "False",
    }
    return subprocess.run(
        [
            tool("dbt"),
            *args,
            "--project-dir",
            str(project_dir),
            "--target-path",
            str(work / "target"),
            "--log-path",
            str(work / "logs"),
        ],
        cwd=project_dir,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="session", autouse=True)
def dbt_packages() -> None:
    """Install the local dbt packages once (what `make deps` does); pytest
    workers (pytest-xdist) take turns, so only the first one installs."""
    import fcntl
    import hashlib
    import tempfile

    key = hashlib.sha1(str(ROOT).encode()).hexdigest()[:12]
    lock = Path(tempfile.gettempdir()) / f"c360-dbt-deps-{key}.lock"
    with lock.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        if not (ROOT / "dbt_packages" / "dbt_utils").exists():
            subprocess.run(
                [tool("dbt"), "deps", "--project-dir", str(ROOT)],
                cwd=ROOT,
                check=True,
                capture_output=True,
                env={**os.environ, "DBT_PROFILES_DIR": str(ROOT)},
            )


@pytest.fixture(scope="session")
def generated_raw(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small generated data set (400 persons, fixed seed and date), as
    the generator wrote it."""
    from c360.generator import Params, generate

    out = tmp_path_factory.mktemp("raw")
    generate(
        Params(
            persons=400,
            seed=11,
            as_of=__import__("datetime").datetime.fromisoformat(AS_OF),
        ),
        out,
    )
    return out


@pytest.fixture(scope="session")
def small_raw(generated_raw: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small data set the builds use: the generated one plus one
    erasure request by the CRM id of a contact with an email, so that every
    build of it erases somebody (400 persons draw about two requests, and
    whether one reaches a customer is chance)."""
    import shutil

    import pandas as pd
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = tmp_path_factory.mktemp("small") / "raw"
    shutil.copytree(generated_raw, out)
    contacts = pq.read_table(out / "crm" / "contacts.parquet").to_pandas()
    named = contacts[contacts["email"].notna()].sort_values("contact_id")
    path = out / "consent" / "privacy_requests.parquet"
    requests = pq.read_table(path).to_pandas()
    planted = {
        "request_id": "PR-FIXTURE-1",
        "identifier_type": "crm_contact_id",
        "identifier_value": str(named["contact_id"].iloc[0]),
        "request_type": "erasure",
        "requested_at": pd.Timestamp(AS_OF) - pd.Timedelta(days=30),
        "completed_at": pd.NaT,
        "_loaded_at": requests["_loaded_at"].max(),
    }
    frame = pd.concat([requests, pd.DataFrame([planted])], ignore_index=True)
    schema = pq.read_schema(path).remove_metadata()
    pq.write_table(
        pa.Table.from_pandas(frame, schema=schema, preserve_index=False), path
    )
    return out


@pytest.fixture(scope="session")
def warehouse(small_raw: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole project built (with every test) on the small data set."""
    work = tmp_path_factory.mktemp("build")
    path = work / "c360.duckdb"
    result = run_dbt(["build", "--full-refresh"], small_raw, path, work)
    assert result.returncode == 0, result.stdout[-4000:]
    return path


@pytest.fixture(scope="session")
def foreign_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole project built (with every test) on raw data the generator
    never writes (tests/foreign_raw.py): one build for the identity and the
    staging tests on it."""
    from tests.foreign_raw import write_raw

    work = tmp_path_factory.mktemp("foreign")
    raw = work / "raw"
    write_raw(raw)
    path = work / "c360.duckdb"
    result = run_dbt(["build", "--full-refresh"], raw, path, work)
    assert result.returncode == 0, result.stdout[-4000:]
    return path
