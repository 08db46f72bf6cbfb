{#- True when two birth dates (date expressions) are equal or one typing
    error apart: one digit off, or day and month swapped. Null when either
    is missing. -#}
{% macro birth_dates_close(left, right) -%}
    (
        {{ c360_edit_distance(
            'cast(' ~ left ~ ' as ' ~ dbt.type_string() ~ ')',
            'cast(' ~ right ~ ' as ' ~ dbt.type_string() ~ ')'
        ) }} <= 1
        or (
            extract(year from {{ left }}) = extract(year from {{ right }})
            and extract(month from {{ left }}) = extract(day from {{ right }})
            and extract(day from {{ left }}) = extract(month from {{ right }})
        )
    )
{%- endmacro %}
