{#-
    The settings this build ran with, as JSON: vars from dbt_project.yml
    overridden by any --vars. Checks that run after the build (`c360
    validate`) read them here, so they judge the marts by the settings that
    made them. A setting another check needs is added to the list below.
-#}
{%- set names = [
    "anonymous_source_tables",
    "lifecycle_days",
    "max_age_years",
    "max_customer_net_revenue_reporting",
    "reporting_currency",
    "value_tier_shares",
] -%}

{%- for name in names %}
{%- set value = tojson(var(name)) %}
select
    cast('{{ name }}' as {{ dbt.type_string() }}) as setting_name,
    cast({{ c360_string_literal(value) }} as {{ dbt.type_string() }})
        as setting_json
{%- if not loop.last %}
union all
{%- endif %}
{%- endfor %}
