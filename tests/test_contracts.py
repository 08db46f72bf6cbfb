"""The raw contracts, the dbt sources and the staging layer agree."""

from __future__ import annotations

import re
from pathlib import Path

import pyarrow as pa
import yaml

from c360.generator import contracts

ROOT = Path(__file__).resolve().parents[1]
STAGING = ROOT / "models" / "staging"


def _sql_type(dtype: pa.DataType) -> str:
    if pa.types.is_timestamp(dtype):
        return "timestamp"
    if pa.types.is_decimal(dtype):
        return f"decimal({dtype.precision},{dtype.scale})"
    if pa.types.is_integer(dtype):
        return "bigint"
    if pa.types.is_boolean(dtype):
        return "boolean"
    return "string"  # VARCHAR on DuckDB; Spark has no unsized varchar


def _sources() -> dict[str, dict]:
    found = {}
    for path in sorted(STAGING.glob("*/_*__sources.yml")):
        for source in yaml.safe_load(path.read_text())["sources"]:
            assert path.parent.name == source["name"], "folder must equal source"
            found[source["name"]] = source
    return found


def test_sources_declare_exactly_the_generated_columns() -> None:
    sources = _sources()
    assert sorted(sources) == sorted(contracts.CONTRACTS)
    for name, source in sources.items():
        tables = {t["name"]: t for t in source["tables"]}
        assert sorted(tables) == sorted(contracts.CONTRACTS[name])
        for table_name, table in tables.items():
            declared = [(c["name"], c["data_type"]) for c in table["columns"]]
            expected = [
                (f.name, _sql_type(f.type)) for f in contracts.schema(name, table_name)
            ]
            assert declared == expected, f"{name}.{table_name}"


def test_every_source_and_column_is_described_with_freshness() -> None:
    for name, source in _sources().items():
        assert source.get("description"), name
        config = source["config"]
        assert config["loaded_at_field"] == "_loaded_at"
        assert "error_after" in config["freshness"]
        assert "{name}" in config["meta"]["external_location"]
        for table in source["tables"]:
            assert table.get("description"), f"{name}.{table['name']}"
            for column in table["columns"]:
                assert column.get("description"), f"{name}.{table['name']}"


def test_reconciliation_registry_lists_every_source_table() -> None:
    macro = (ROOT / "macros" / "source_tables.sql").read_text()
    listed = re.findall(r"\('(\w+)', '(\w+)'\)", macro)
    assert sorted(listed) == sorted(contracts.all_tables())


def test_each_source_table_has_base_and_staging_model() -> None:
    """The structure guide's layout: staging/<source>/ holds the source
    definitions and the stg_ models, staging/<source>/base/ the base models,
    one per source table."""
    for source, table in contracts.all_tables():
        folder = STAGING / source
        assert (folder / f"_{source}__sources.yml").exists()
        assert (folder / "base" / f"base_{source}__{table}.sql").exists()
        assert (folder / f"stg_{source}__{table}.sql").exists()
        assert (folder / f"stg_{source}__quarantined_rows.sql").exists()


def test_only_base_models_read_sources() -> None:
    """Each base model reads one source table, its own, from the base/
    folder of that source's staging folder."""
    pattern = re.compile(r"source\(\s*'(\w+)'\s*,\s*'(\w+)'\s*\)")
    for path in (ROOT / "models").rglob("*.sql"):
        read = set(pattern.findall(path.read_text()))
        if not read and "source(" not in path.read_text():
            continue
        assert path.name.startswith("base_"), path
        assert len(read) == 1, f"{path} reads {sorted(read)}"
        ((source, table),) = read
        assert path == STAGING / source / "base" / f"base_{source}__{table}.sql"
