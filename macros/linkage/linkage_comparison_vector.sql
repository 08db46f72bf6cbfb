{#- One column `gamma_<name>` per comparison of `linkage_comparisons()` for
    a pair whose sides' columns start with `a` and `b` (prefixes such as
    `left_` or `records_a.`; `nickname`: the nickname-pair
    test compare_first_names needs). -#}
{% macro linkage_comparison_vector(a, b, nickname) -%}
    {%- for comparison in linkage_comparisons() -%}
        {%- set compare = context[comparison.macro] -%}
        {%- if comparison.name == 'first_name' -%}
            {{ compare(a, b, nickname) }}
        {%- else -%}
            {{ compare(a, b) }}
        {%- endif %} as gamma_{{ comparison.name }}
        {%- if not loop.last %},
        {% endif -%}
    {%- endfor -%}
{%- endmacro %}
