"""Nine-system retail data generator with ground truth.

`generate(params, out_dir)` simulates `params.persons` true people and writes
one Parquet file per source table under `out_dir/<source>/<table>.parquet`,
the ground truth under `out_dir/_ground_truth/`, and `out_dir/manifest.json`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from c360.generator import contracts
from c360.generator.defects import plant
from c360.generator.params import SYSTEMS, DirtRates, Params
from c360.generator.population import build_population
from c360.generator.systems import NULL_INT, NULL_TS, Columns, World

__all__ = ["SYSTEMS", "DirtRates", "Params", "generate"]

TRUTH_DIR = "_ground_truth"


def _column(values: np.ndarray, dtype: pa.DataType) -> pa.Array:
    if pa.types.is_timestamp(dtype):
        ints = np.asarray(values, dtype=np.int64)
        mask = ints == NULL_TS
        return pa.array(np.where(mask, 0, ints) * 1_000_000, type=dtype, mask=mask)
    if pa.types.is_decimal(dtype):
        floats = pa.array(np.asarray(values, dtype=np.float64))
        return floats.cast(dtype, safe=False)
    if pa.types.is_integer(dtype):
        ints = np.asarray(values, dtype=np.int64)
        mask = ints == NULL_INT
        return pa.array(ints, type=dtype, mask=mask)
    if pa.types.is_boolean(dtype):
        return pa.array(np.asarray(values, dtype=bool), type=dtype)
    return pa.array(values, type=dtype, from_pandas=True)


def _table(
    source: str, table: str, cols: Columns | None, loaded_at: np.datetime64
) -> pa.Table:
    schema = contracts.schema(source, table)
    if cols is None:
        return schema.empty_table()
    rows = len(next(iter(cols.values())))
    arrays = [
        _column(cols[f.name], f.type)
        for f in schema
        if f.name != contracts.LOADED_AT[0]
    ]
    stamp = pa.array(
        np.full(rows, loaded_at.astype("datetime64[us]")), type=contracts.TS
    )
    return pa.Table.from_arrays([*arrays, stamp], schema=schema)


def _labelled(
    parts: list[tuple[str, np.ndarray, np.ndarray]],
    first: tuple[str, pa.DataType],
    second: tuple[str, pa.DataType],
) -> pa.Table:
    """One table from (source table, column, column) parts of the ground truth."""
    labels = [np.full(len(a), table, dtype=object) for table, a, _ in parts]
    return pa.table(
        {
            "source_table": pa.array(
                np.concatenate(labels), type=pa.string()
            ).dictionary_encode(),
            first[0]: pa.array(
                np.concatenate([np.asarray(a).astype(object) for _, a, _ in parts]),
                type=first[1],
            ),
            second[0]: pa.array(
                np.concatenate([b for _, _, b in parts]), type=second[1]
            ),
        }
    )


def _write(table: pa.Table, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, path, compression="zstd", row_group_size=1_000_000)


def generate(
    params: Params, out_dir: Path, progress: Callable[[str], None] | None = None
) -> dict[str, object]:
    """Simulate, write every file, and return the manifest."""
    progress = progress or (lambda _step: None)
    out_dir = Path(out_dir)
    rng = np.random.default_rng(params.seed)
    loaded_at = np.datetime64(params.loaded_at or params.as_of, "us")
    rows: dict[str, int] = {}
    defects: list[tuple[str, np.ndarray, np.ndarray]] = []

    def sink(key: tuple[str, str], cols: Columns) -> None:
        source, table = key
        name = f"{source}.{table}"
        if source in params.empty_systems:
            arrow = _table(source, table, None, loaded_at)
        else:
            keys, kinds = plant(key, cols, rng, params.dirt.malformed)
            defects.append((name, keys, kinds))
            arrow = _table(source, table, cols, loaded_at)
        _write(arrow, out_dir / source / f"{table}.parquet")
        rows[name] = arrow.num_rows

    pop = build_population(params, rng)
    progress("population")
    out = World(params, pop, rng, sink).build(progress)
    for source, table in contracts.all_tables():
        if f"{source}.{table}" not in rows:
            # a contract the simulation does not fill yet (a source being
            # added): written empty, as for a system the retailer lacks
            _write(
                _table(source, table, None, loaded_at),
                out_dir / source / f"{table}.parquet",
            )
            rows[f"{source}.{table}"] = 0
    rows = {f"{s}.{t}": rows[f"{s}.{t}"] for s, t in contracts.all_tables()}

    truth = [
        (t, ids, persons)
        for t, ids, persons in out.truth
        if t.split(".")[0] not in params.empty_systems
    ]
    _write(
        _labelled(truth, ("record_id", pa.string()), ("person_id", pa.int64())),
        out_dir / TRUTH_DIR / "record_person.parquet",
    )
    _write(
        _labelled(defects, ("record_key", pa.string()), ("defect", pa.string())),
        out_dir / TRUTH_DIR / "planted_defects.parquet",
    )
    progress("ground truth written")

    manifest = {
        "generator": "c360",
        "parameters": params.to_dict(),
        "rows": rows,
        "ground_truth_rows": int(sum(len(ids) for _, ids, _ in truth)),
        "planted_defects": int(sum(len(k) for _, k, _ in defects)),
        "population": _population_stats(out, params),
    }
    (out_dir / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def _population_stats(out: object, params: Params) -> dict[str, float]:
    """Share of persons per number of systems they have identifiable records in."""
    systems_of: dict[str, np.ndarray] = {}
    for table, _ids, persons in out.truth:  # type: ignore[attr-defined]
        system = table.split(".")[0]
        if table == "pos.receipts":
            continue  # anonymous receipts don't make a person visible
        systems_of.setdefault(system, np.zeros(params.persons, dtype=bool))
        systems_of[system][persons] = True
    counts = np.sum(list(systems_of.values()), axis=0)
    return {
        "share_in_3_or_more_systems": round(float(np.mean(counts >= 3)), 4),
        "share_in_no_identifiable_system": round(float(np.mean(counts == 0)), 4),
    }
