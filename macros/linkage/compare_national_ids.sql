{#- National / tax ids, compared by their keyed hashes only: 2 equal,
    1 one half equal (one typing error in the other half), 0 different,
    null when either is missing. -#}
{% macro compare_national_ids(a, b) -%}
    case
        when {{ a }}national_id_hash is null
            or {{ b }}national_id_hash is null then null
        when {{ a }}national_id_hash = {{ b }}national_id_hash then 2
        when {{ a }}national_id_head_hash = {{ b }}national_id_head_hash
            or {{ a }}national_id_tail_hash = {{ b }}national_id_tail_hash
            then 1
        else 0
    end
{%- endmacro %}
