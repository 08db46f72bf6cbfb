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
        'first_initial': ['first_name'],
        'last_name': ['last_name'],
        'last_initial': ['last_name'],
        'birth_date_digits': ['birth_date'],
        'birth_year': ['birth_date'],
        'national_id_hash': ['national_id'],
        'house_number': ['street'],
        'street_name': ['street'],
        'postal_code': ['postal_code', 'city', 'region'],
        'city': ['city'],
        'region': ['region'],
        'email': ['email'],
        'phone': ['phone'],
    }) }}
{%- endmacro %}

{% macro linkage_rule_excluded_comparisons(rule_name) -%}
    {%- set excluded = [] -%}
    {%- for key in var('linkage_blocking_rules')[rule_name] -%}
        {%- for comparison in linkage_blocking_key_comparisons()[key] -%}
            {%- do excluded.append(comparison) -%}
        {%- endfor -%}
    {%- endfor -%}
    {{ return(excluded | unique | list) }}
{%- endmacro %}
