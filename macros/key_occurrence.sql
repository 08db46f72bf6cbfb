{#- Numbers the rows sharing a record key, latest extract and latest change
    first, so that only the newest copy of a repeated record is staged. -#}
{% macro key_occurrence(record_key, changed_at) -%}
    row_number() over (
        partition by {{ record_key }}
        order by _loaded_at desc, {{ changed_at }} desc
    )
{%- endmacro %}
