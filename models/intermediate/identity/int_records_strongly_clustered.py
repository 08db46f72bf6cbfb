"""First clustering pass: components of the identity records over the strong
edges only (keys, and shared emails or phones with agreeing first names).
The weak edges are judged against these groups before the final pass."""

from c360.identity.clustering import cluster_records


def model(dbt, session):
    dbt.config(materialized="table")
    records = dbt.ref("int_identity_records_unioned")
    edges = dbt.ref("int_identity_edges_proposed")
    strong_edges = f"""
        select record_id_a, record_id_b
        from ({edges.sql_query()}) as edges
        where status = 'proposed' and strength = 'strong'
    """
    return cluster_records(
        session, records.sql_query(), strong_edges, "strong_component_id"
    )
