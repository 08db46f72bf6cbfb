"""Spark's string-comparison macros against DuckDB's built-ins, on random
and name-like ASCII pairs (what normalize_name and normalize_street leave).

    python bench/engine_string_macros.py --pairs 20000

Needs pyspark (`make spark-deps`). Renders the Spark implementations of
c360_string_similarity, c360_strings_similar (at every threshold the rules
use) and c360_is_one_edit_apart from macros/ with the pair's columns, runs
them in a local Spark session (no metastore), and compares with DuckDB's
jaro_winkler_similarity and the DuckDB macro's Levenshtein/Damerau answer.
Prints the pairs that disagree, and the time of the threshold tests with
and without c360_strings_similar's bound on name-like pairs.
"""

from __future__ import annotations

import argparse
import random
import re
import time
from pathlib import Path

import duckdb
import jinja2

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


THRESHOLDS = (0.70, 0.80, 0.88, 0.90, 0.92)
LETTERS = "aeinrstlhmouckdgbwfzpjyv"


def spark_macro(name: str, **arguments: str) -> str:
    """The body of macro `spark__<name>` rendered with `arguments`; the
    similarity it calls is the Spark one."""
    text = (ROOT / "macros" / f"{name}.sql").read_text()
    body = re.search(
        rf"macro spark__{name}\(.*?\) -%}}(.*?){{%- endmacro", text, re.S
    ).group(1)
    return jinja2.Template(body).render(
        **arguments,
        c360_string_similarity=lambda left, right: spark_macro(
            "c360_string_similarity", left=left, right=right
        ),
    )


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


def name_like_pairs(count: int, seed: int) -> list[tuple[str, str]]:
    """Pairs of random name-like strings (letters at about their frequency
    in names), a tenth of them one typo apart: what a random sample of
    record pairs compares."""
    rng = random.Random(seed)
    weights = list(range(len(LETTERS), 0, -1))
    found = []
    for _ in range(count):
        a = "".join(rng.choices(LETTERS, weights, k=rng.randint(3, 11)))
        if rng.random() < 0.1:
            i = rng.randrange(len(a))
            b = a[:i] + rng.choice(LETTERS) + a[i + 1 :]
        else:
            b = "".join(rng.choices(LETTERS, weights, k=rng.randint(3, 11)))
        found.append((a, b))
    return found


def threshold_tests(similar: bool) -> str:
    """One boolean column per threshold, by c360_strings_similar or by the
    similarity compared with the threshold."""
    columns = []
    for threshold in THRESHOLDS:
        if similar:
            test = spark_macro(
                "c360_strings_similar", left="a", right="b", threshold=threshold
            )
        else:
            similarity = spark_macro("c360_string_similarity", left="a", right="b")
            test = f"({similarity}) >= {threshold}"
        columns.append(f"{test} as t{int(threshold * 100)}")
    return ", ".join(columns)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    from pyspark.sql import SparkSession

    data = pairs(args.pairs, args.seed) + name_like_pairs(args.pairs, args.seed)
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
        + spark_macro("c360_string_similarity", left="a", right="b")
        + " as similarity, "
        + spark_macro("c360_is_one_edit_apart", left="a", right="b")
        + " as one_edit, "
        + threshold_tests(similar=True)
        + " from p"
    ).collect()
    seconds = time.perf_counter() - started
    theirs = {(r.a, r.b): r for r in rows}
    similarity_off = edit_off = similar_off = 0
    largest = 0.0
    for a, b, similarity, one_edit in duck:
        row = theirs[(a, b)]
        spark_similarity, spark_one_edit = row.similarity, row.one_edit
        for threshold in THRESHOLDS:
            if row[f"t{int(threshold * 100)}"] != (similarity >= threshold):
                similar_off += 1
                if similar_off <= 5:
                    print(f"similar at {threshold} {a!r} {b!r}: {similarity}")
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
        f"(largest gap {largest:.2e}), one-edit on {edit_off}, "
        f"similar-at-threshold on {similar_off} of {len(duck) * len(THRESHOLDS)}; "
        f"Spark {seconds:.1f} s"
    )
    timing = spark.createDataFrame(
        name_like_pairs(args.pairs * 10, args.seed + 1), "a string, b string"
    )
    timing.cache().count()
    timing.createOrReplaceTempView("t")
    for similar in (False, True):
        started = time.perf_counter()
        spark.sql(f"select {threshold_tests(similar)} from t").write.format(
            "noop"
        ).mode("overwrite").save()
        label = "c360_strings_similar" if similar else "similarity >= threshold"
        print(
            f"{label}: {len(THRESHOLDS)} thresholds on {args.pairs * 10} "
            f"name-like pairs in {time.perf_counter() - started:.1f} s"
        )
    return 1 if similarity_off or edit_off or similar_off else 0


if __name__ == "__main__":
    raise SystemExit(main())
