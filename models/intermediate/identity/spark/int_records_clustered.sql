{#- Spark's final clustering pass (the Python model beside it runs on every
    other engine; dbt_project.yml enables one by target): components over
    every accepted edge, in SQL rounds (macros/records_connected.sql). -#}
{{ config(post_hook="{{ drop_work_tables() }}") }}
{{ records_connected(
    records_sql='select record_id from ' ~ ref('int_identity_records_unioned'),
    edges_sql='select record_id_a, record_id_b from '
        ~ ref('int_identity_edges_guarded')
        ~ " where status = 'accepted'",
    label='component_id',
) }}
