{#- The select that compares pairs: from `sided` (a CTE with each side's
    columns prefixed `a_` and `b_`, see linkage_side_columns) it keeps
    `carried_columns` and adds one `gamma_<name>` column per comparison of
    `linkage_comparisons()`. Needs a `nickname_pairs` CTE
    (int_nickname_pairs_expanded) for compare_first_names. -#}
{% macro linkage_pairs_compared(sided, carried_columns=[]) -%}
    select
        {% for column in carried_columns -%}
            {{ sided }}.{{ column }},
        {% endfor -%}
        {% for comparison in linkage_comparisons() -%}
            {%- set compare = context[comparison.macro] -%}
            {%- if comparison.name == 'first_name' -%}
                {{ compare(
                    sided ~ '.a_', sided ~ '.b_',
                    'nickname_pairs.name_a is not null'
                ) }}
            {%- else -%}
                {{ compare(sided ~ '.a_', sided ~ '.b_') }}
            {%- endif %} as gamma_{{ comparison.name }}
            {%- if not loop.last %},
        {% endif -%}
        {%- endfor %}
    from {{ sided }}
    left join nickname_pairs
        on
            {{ sided }}.a_first_name = nickname_pairs.name_a
            and {{ sided }}.b_first_name = nickname_pairs.name_b
{%- endmacro %}
