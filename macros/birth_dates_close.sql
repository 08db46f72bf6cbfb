{#- True when two birth dates (date expressions) are equal or one typing
    error apart: one digit off, or day and month swapped. Null when either
    is missing. The edit distance is computed only for dates that are
    neither equal nor swapped. -#}
{% macro birth_dates_close(left, right) -%}
    (
        case
            when {{ left }} is null or {{ right }} is null
                then cast(null as {{ dbt.type_boolean() }})
            when {{ left }} = {{ right }} then true
            when extract(year from {{ left }}) = extract(year from {{ right }})
                and extract(month from {{ left }}) = extract(day from {{ right }})
                and extract(day from {{ left }}) = extract(month from {{ right }})
                then true
            else
                {{ c360_is_one_edit_apart(
                    'cast(' ~ left ~ ' as ' ~ dbt.type_string() ~ ')',
                    'cast(' ~ right ~ ' as ' ~ dbt.type_string() ~ ')'
                ) }}
        end
    )
{%- endmacro %}
