{#- The compared columns of one side of a linkage pair: `alias`'s columns
    as `<prefix><column>`. With `swapped` (a SQL condition), first and last
    name trade places on this side, so a record written last-name-first is
    compared name for name. -#}
{% macro linkage_side_columns(alias, prefix, swapped=none) -%}
    {%- set columns = [
        'middle_name', 'gender', 'birth_date_digits', 'national_id_hash',
        'national_id_head_hash', 'national_id_tail_hash', 'house_number',
        'street_name', 'postal_code', 'city', 'region', 'email', 'phone',
    ] -%}
    {%- if swapped -%}
        case when {{ swapped }} then {{ alias }}.last_name
            else {{ alias }}.first_name end as {{ prefix }}first_name,
        case when {{ swapped }} then {{ alias }}.first_name
            else {{ alias }}.last_name end as {{ prefix }}last_name,
    {%- else -%}
        {{ alias }}.first_name as {{ prefix }}first_name,
        {{ alias }}.last_name as {{ prefix }}last_name,
    {%- endif %}
    {% for column in columns -%}
        {{ alias }}.{{ column }} as {{ prefix }}{{ column }}
        {%- if not loop.last %},
    {% endif -%}
    {%- endfor -%}
{%- endmacro %}
