"""Identity resolution helpers that run inside the dbt build."""
