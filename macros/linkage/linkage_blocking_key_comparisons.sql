{#- Which comparisons a blocking key fixes: pairs found through a rule agree
    on its keys by construction, so those comparisons say nothing about the
    pairs of that rule and are left out of its estimation and its score.
    That includes what a key implies: one postal code is one city and
    region, so a rule on postal code leaves out city and region too (at
    1M persons counting the city again linked thousands of neighbours who
    share only a first name).
    `linkage_rule_excluded_comparisons(rule_name)` lists them for one rule
    of var `linkage_blocking_rules`. -#}
{% macro linkage_blocking_key_comparisons() -%}
    {{ return({
        'name_pair': ['first_name', 'last_name'],
        'first_name': ['first_name'],
        'last_name': ['last_name'],
        'birth_date_digits': ['birth_date'],
        'national_id_hash': ['national_id'],
        'postal_code': ['postal_code', 'city', 'region'],
        'city': ['city'],
        'region': ['region'],
        'email': ['email'],
        'phone': ['phone'],
    }) }}
{%- endmacro %}

{#- Which comparisons a blocking key only narrows: a pair that shares a
    birth year can still have the same birth date, a digit off or only the
    year; one that shares an initial, the same first name or another. Such
    a comparison still tells the rule's pairs apart, so the rule keeps it,
    with its levels weighed against random pairs that share the key too
    (int_linkage_sessions_estimated): among two people born in one year,
    the same birth date is rare and "same year only" the rule. -#}
{% macro linkage_blocking_key_conditions() -%}
    {{ return({
        'first_initial': ['first_name'],
        'last_initial': ['last_name'],
        'birth_year': ['birth_date'],
        'birth_month_day': ['birth_date'],
        'house_number': ['street'],
        'street_name': ['street'],
    }) }}
{%- endmacro %}

{% macro linkage_rule_excluded_comparisons(rule_name) -%}
    {%- set excluded = [] -%}
    {%- for key in var('linkage_blocking_rules')[rule_name] -%}
        {%- for comparison in linkage_blocking_key_comparisons().get(key, []) -%}
            {%- do excluded.append(comparison) -%}
        {%- endfor -%}
    {%- endfor -%}
    {{ return(excluded | unique | list) }}
{%- endmacro %}

{#- The comparisons one rule narrows but does not fix, each with the keys
    of the rule that narrow it: {comparison: [key, ...]}. -#}
{% macro linkage_rule_conditioned_comparisons(rule_name) -%}
    {%- set excluded = linkage_rule_excluded_comparisons(rule_name) -%}
    {%- set conditioned = {} -%}
    {%- for key in var('linkage_blocking_rules')[rule_name] -%}
        {%- for comparison in linkage_blocking_key_conditions().get(key, [])
            if comparison not in excluded -%}
            {%- do conditioned.setdefault(comparison, []).append(key) -%}
        {%- endfor -%}
    {%- endfor -%}
    {{ return(conditioned) }}
{%- endmacro %}

{#- True (as SQL) for the (rule, comparison) rows whose comparison the rule
    narrows: `rule_column` and `comparison_column` name the columns. -#}
{% macro linkage_is_conditioned(rule_column, comparison_column) -%}
    case
        {%- for rule_name in var('linkage_blocking_rules') %}
            {%- for comparison
                in linkage_rule_conditioned_comparisons(rule_name) %}
        when
            {{ rule_column }} = '{{ rule_name }}'
            and {{ comparison_column }} = '{{ comparison }}'
            then true
            {%- endfor %}
        {%- endfor %}
        else false
    end
{%- endmacro %}
