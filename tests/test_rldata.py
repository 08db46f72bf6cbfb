"""The RLdata loader: every record becomes a CRM contact with its fields in
the columns that mean the same, and the identities become the truth."""

from __future__ import annotations

import pandas as pd
import pyarrow.parquet as pq
import pytest

from c360.febrl import build_febrl
from c360.rldata import load_rldata, read_rldata


def test_rldata500_lands_in_crm_with_its_identities(tmp_path):
    manifest = load_rldata("rldata500", tmp_path)
    assert manifest["rows"]["crm.contacts"] == 500
    assert manifest["rows"]["loyalty.members"] == 0
    # 10 % of the records are duplicates
    assert manifest["true_persons"] == 450
    contacts = pq.read_table(tmp_path / "crm" / "contacts.parquet").to_pandas()
    source = read_rldata("rldata500")
    first = contacts.iloc[0]
    assert (first["first_name"], first["last_name"]) == ("CARSTEN", "MEIER")
    assert first["birth_date"] == "1949-07-22"
    assert pd.isna(first["middle_name"])
    # a second surname is part of the last name
    double = contacts[source["lname_c2"].notna().to_numpy()].iloc[0]
    assert double["last_name"] == "JUNG KLEIN"
    truth = pq.read_table(
        tmp_path / "_ground_truth" / "record_person.parquet"
    ).to_pandas()
    assert truth["record_id"].tolist() == contacts["contact_id"].tolist()
    assert truth["person_id"].tolist() == source["person_id"].tolist()


def test_an_impossible_birth_date_is_kept_as_written(tmp_path):
    load_rldata("rldata10000", tmp_path)
    contacts = pq.read_table(tmp_path / "crm" / "contacts.parquet").to_pandas()
    # ERICH HUBER's duplicate was born on day 77: staging flags it
    assert "1943-01-77" in set(contacts["birth_date"])


def test_unknown_rldata_set_is_one_clear_error(tmp_path):
    with pytest.raises(ValueError, match="unknown data set rldata9"):
        load_rldata("rldata9", tmp_path)


def test_the_benchmark_command_names_every_data_set_it_knows(tmp_path):
    with pytest.raises(ValueError, match="febrl4, rldata500, rldata10000"):
        build_febrl("rldata9", tmp_path, tmp_path)
