"""Spark's string-comparison macros against DuckDB's built-ins, on random
and name-like ASCII pairs (what normalize_name and normalize_street leave).

    python bench/engine_string_macros.py --pairs 20000

Needs pyspark (`make spark-deps`). Renders the Spark implementations of
c360_string_similarity and c360_is_one_edit_apart from macros/ with the
pair's columns, runs them in a local Spark session (no metastore), and
compares with DuckDB's jaro_winkler_similarity and the DuckDB macro's
Levenshtein/Damerau answer. Prints the pairs that disagree.
"""

from __future__ import annotations

import argparse
import random
import re
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
NAMES = [
    "martha",
    "marhta",
    "dwayne",
    "duane",
    "dixon",
    "dicksonx",
    "jones",
    "johnson",
    "meyer",
    "meier",
    "maier",
    "schmidt",
    "schmitt",
    "smith",
    "smyth",
    "jansen",
    "janssen",
    "hansen",
    "hanssen",
    "mueller",
    "muller",
    "hauptstr",
    "hauptst",
    "bahnhofstr",
    "bahnhofst",
    "lindenweg",
    "lindenwg",
    "crate",
    "trace",
]


def spark_macro(name: str, left: str, right: str) -> str:
    """The body of macro `spark__<name>` with its two arguments filled in."""
    text = (ROOT / "macros" / f"{name}.sql").read_text()
    body = re.search(
        rf"macro spark__{name}\(left, right\) -%}}(.*?){{%- endmacro", text, re.S
    ).group(1)
    return body.replace("{{ left }}", left).replace("{{ right }}", right)


def pairs(count: int, seed: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    found = [(a, b) for a in NAMES for b in NAMES]
    while len(found) < count:
        a = "".join(rng.choice("abcdeo") for _ in range(rng.randint(0, 10)))
        if rng.random() < 0.5 and a:
            i = rng.randrange(len(a))
            b = a[:i] + rng.choice("abcdeo") + a[i + 1 :]
            if rng.random() < 0.5 and len(b) > 1:
                j = rng.randrange(len(b) - 1)
                b = b[:j] + b[j + 1] + b[j] + b[j + 2 :]
        else:
            b = "".join(rng.choice("abcdeo") for _ in range(rng.randint(0, 10)))
        found.append((a, b))
    return found


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    from pyspark.sql import SparkSession

    data = pairs(args.pairs, args.seed)
    con = duckdb.connect()
    con.execute("create table p (a varchar, b varchar)")
    con.executemany("insert into p values (?, ?)", data)
    duck = con.execute(
        "select a, b, jaro_winkler_similarity(a, b),"
        " case when levenshtein(a, b) <= 1 then true"
        " when levenshtein(a, b) >= 3 then false"
        " else damerau_levenshtein(a, b) <= 1 end from p"
    ).fetchall()
    spark = (
        SparkSession.builder.config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )
    spark.createDataFrame(data, "a string, b string").createOrReplaceTempView("p")
    started = time.perf_counter()
    rows = spark.sql(
        "select a, b, "
        + spark_macro("c360_string_similarity", "a", "b")
        + " as similarity, "
        + spark_macro("c360_is_one_edit_apart", "a", "b")
        + " as one_edit from p"
    ).collect()
    seconds = time.perf_counter() - started
    theirs = {(r.a, r.b): (r.similarity, r.one_edit) for r in rows}
    similarity_off = edit_off = 0
    largest = 0.0
    for a, b, similarity, one_edit in duck:
        spark_similarity, spark_one_edit = theirs[(a, b)]
        gap = abs(similarity - spark_similarity)
        largest = max(largest, gap)
        if gap > 1e-12:
            similarity_off += 1
            if similarity_off <= 5:
                print(f"similarity {a!r} {b!r}: {similarity} / {spark_similarity}")
        if one_edit != spark_one_edit:
            edit_off += 1
            if edit_off <= 5:
                print(f"one edit {a!r} {b!r}: DuckDB {one_edit} Spark {spark_one_edit}")
    print(
        f"{len(duck)} pairs: Jaro-Winkler differs on {similarity_off} "
        f"(largest gap {largest:.2e}), one-edit on {edit_off}; "
        f"Spark {seconds:.1f} s"
    )
    return 1 if similarity_off or edit_off else 0


if __name__ == "__main__":
    raise SystemExit(main())
