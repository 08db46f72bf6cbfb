{#- Candidate pairs inside blocks of `relation`, without comparing a
    person's repeats with each other: every record links to its twin (the
    first record with the same name, column `twin_column`), and only twins
    are paired with each other inside a block (`block_columns`, equal on
    both sides). `match_rule`, `identifier_type` and `identifier_value` are
    SQL expressions over the relation's columns written with `{side}` before
    each column (filled with nothing or `left_side.`); `where` limits the
    records that take part. Returns (record_id_a, record_id_b, match_rule,
    identifier_type, identifier_value, strength), record_id_a < record_id_b. -#}
{% macro twin_pairs(
    relation, twin_column, block_columns, match_rule, identifier_type,
    identifier_value, strength, where='true'
) -%}
    select
        {{ twin_column }} as record_id_a,
        record_id as record_id_b,
        {{ match_rule | replace('{side}', '') }} as match_rule,
        {{ identifier_type | replace('{side}', '') }} as identifier_type,
        {{ identifier_value | replace('{side}', '') }} as identifier_value,
        '{{ strength }}' as strength
    from {{ relation }}
    where record_id <> {{ twin_column }} and {{ where | replace('{side}', '') }}
    union all
    select
        left_side.record_id as record_id_a,
        right_side.record_id as record_id_b,
        {{ match_rule | replace('{side}', 'left_side.') }} as match_rule,
        {{ identifier_type | replace('{side}', 'left_side.') }}
        as identifier_type,
        {{ identifier_value | replace('{side}', 'left_side.') }}
        as identifier_value,
        '{{ strength }}' as strength
    from {{ relation }} as left_side
    inner join {{ relation }} as right_side
        on
            {%- for column in block_columns %}
            left_side.{{ column }} = right_side.{{ column }}
            and
            {%- endfor %}
            left_side.record_id < right_side.record_id
    where
        left_side.record_id = left_side.{{ twin_column }}
        and right_side.record_id = right_side.{{ twin_column }}
        and {{ where | replace('{side}', 'left_side.') }}
{%- endmacro %}
