{#- True when the profile `b` holds `a`'s names the other way round (first
    name in the last-name field and back, each within a typo) and not in
    the same order. -#}
{% macro linkage_name_order_swapped(a, b) -%}
    coalesce(
        {{ c360_strings_similar(a ~ '.first_name', b ~ '.last_name', 0.92) }}
        and {{ c360_strings_similar(a ~ '.last_name', b ~ '.first_name', 0.92) }}
        and not {{ c360_strings_similar(
            a ~ '.first_name', b ~ '.first_name', 0.80
        ) }},
        false
    )
{%- endmacro %}
