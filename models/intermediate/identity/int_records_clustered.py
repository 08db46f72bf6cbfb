"""Final clustering pass: components of the identity records over every
accepted edge (int_identity_edges_guarded), before the size guard."""

from c360.identity.clustering import cluster_records


def model(dbt, session):
    dbt.config(materialized="table")
    records = dbt.ref("int_identity_records_unioned")
    edges = dbt.ref("int_identity_edges_guarded")
    accepted_edges = f"""
        select record_id_a, record_id_b
        from ({edges.sql_query()}) as edges
        where status = 'accepted'
    """
    return cluster_records(
        session, records.sql_query(), accepted_edges, "component_id"
    )
