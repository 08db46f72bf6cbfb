{#- Connected components in SQL, for engines without the scipy clustering
    of src/c360/identity/clustering.py (Spark cannot run dbt Python models in
    a session). Every record starts labelled with its own id; each round
    takes the smallest label among a record and its neighbours, then the
    label of that label (pointer jumping, so a chain of n records settles
    in about log n rounds). Rounds are written to two work tables beside
    the model and stop when no label changes; a graph that has not settled
    after var identity_clustering_max_rounds fails the model rather than
    publish half-joined groups. Labels end as the smallest record id of the
    component, as the Python pass names them.
    records_sql: a query with column record_id; edges_sql: a query with
    record_id_a and record_id_b. Returns the query the model selects
    (record_id, <label>); drop the work tables with
    drop_work_tables() in a post-hook. -#}
{% macro records_connected(records_sql, edges_sql, label) -%}
    {%- set prefix = this.schema ~ '.' ~ this.identifier ~ '__' -%}
    {%- if not execute -%}
        {{ return('select record_id, record_id as ' ~ label ~ ' from (' ~ records_sql ~ ') as records') }}
    {%- endif -%}
    {#- what an earlier run left -#}
    {%- do drop_work_tables() -%}
    {%- do run_query(
        'create table ' ~ prefix ~ 'neighbours as'
        ~ ' select record_id_a as record_id, record_id_b as neighbour_id'
        ~ ' from (' ~ edges_sql ~ ') as edges'
        ~ ' union all select record_id_b, record_id_a'
        ~ ' from (' ~ edges_sql ~ ') as edges'
    ) -%}
    {%- do run_query(
        'create table ' ~ prefix ~ 'labels_a as'
        ~ ' select record_id, record_id as label'
        ~ ' from (' ~ records_sql ~ ') as records'
    ) -%}
    {%- set state = namespace(current='labels_a', next='labels_b', settled=false) -%}
    {%- for round in range(var('identity_clustering_max_rounds')) if not state.settled -%}
        {%- do run_query('drop table if exists ' ~ prefix ~ state.next) -%}
        {%- do run_query(
            'create table ' ~ prefix ~ state.next ~ ' as'
            ~ ' with neighbour_labels as ('
            ~ '   select neighbours.record_id, min(labels.label) as label'
            ~ '   from ' ~ prefix ~ 'neighbours as neighbours'
            ~ '   inner join ' ~ prefix ~ state.current ~ ' as labels'
            ~ '     on neighbours.neighbour_id = labels.record_id'
            ~ '   group by neighbours.record_id),'
            ~ ' lowered as ('
            ~ '   select labels.record_id,'
            ~ '     case when neighbour_labels.label < labels.label'
            ~ '       then neighbour_labels.label else labels.label end as label'
            ~ '   from ' ~ prefix ~ state.current ~ ' as labels'
            ~ '   left join neighbour_labels'
            ~ '     on labels.record_id = neighbour_labels.record_id)'
            ~ ' select lowered.record_id,'
            ~ '   case when jumped.label < lowered.label'
            ~ '     then jumped.label else lowered.label end as label'
            ~ ' from lowered'
            ~ ' left join lowered as jumped'
            ~ '   on lowered.label = jumped.record_id'
        ) -%}
        {%- set changed = run_query(
            'select count(*) from ' ~ prefix ~ state.current ~ ' as before_round'
            ~ ' inner join ' ~ prefix ~ state.next ~ ' as after_round'
            ~ '   on before_round.record_id = after_round.record_id'
            ~ ' where before_round.label <> after_round.label'
        ).columns[0].values()[0] -%}
        {%- set state.settled = (changed == 0) -%}
        {%- set state.current, state.next = state.next, state.current -%}
    {%- endfor -%}
    {%- if not state.settled -%}
        {{ exceptions.raise_compiler_error(
            this ~ ': the identity graph has not settled after '
            ~ var('identity_clustering_max_rounds')
            ~ ' rounds (var identity_clustering_max_rounds)'
        ) }}
    {%- endif -%}
    {{ return('select record_id, label as ' ~ label ~ ' from ' ~ prefix ~ state.current) }}
{%- endmacro %}
