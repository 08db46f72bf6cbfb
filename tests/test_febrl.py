"""The FEBRL loader: every record lands in the contract column that means the
same, the ground truth pairs originals with their duplicates."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest

from c360.febrl import data_dir, load_febrl, read_febrl


def test_febrl4_lands_in_crm_and_loyalty_with_truth(tmp_path):
    manifest = load_febrl("febrl4", tmp_path)
    assert manifest["rows"]["crm.contacts"] == 5000
    assert manifest["rows"]["loyalty.members"] == 5000
    assert manifest["rows"]["shop.orders"] == 0
    assert manifest["true_persons"] == 5000
    contacts = pq.read_table(tmp_path / "crm" / "contacts.parquet").to_pandas()
    source = read_febrl(data_dir() / "dataset4a.csv").set_index("rec_id")
    row = contacts.iloc[0]
    original = source.loc[row["contact_id"]]
    assert row["first_name"] == original["given_name"]
    assert row["birth_date"] == original["date_of_birth"]
    assert row["national_id"] == original["soc_sec_id"]
    assert row["region"] == original["state"]
    assert row["city"] == original["suburb"]
    assert row["street"].startswith(str(original["street_number"] or "").strip())
    truth = pq.read_table(
        tmp_path / "_ground_truth" / "record_person.parquet"
    ).to_pandas()
    assert len(truth) == 10_000
    # every person has one record in each file
    per_person = truth.groupby("person_id")["source_table"].nunique()
    assert (per_person == 2).all()


def test_febrl_dedup_sets_go_to_crm_only(tmp_path):
    manifest = load_febrl("febrl1", tmp_path)
    assert manifest["rows"]["crm.contacts"] == 1000
    assert manifest["rows"]["loyalty.members"] == 0


def test_unknown_data_set_is_one_clear_error(tmp_path):
    with pytest.raises(ValueError, match="unknown data set febrl9"):
        load_febrl("febrl9", tmp_path)
