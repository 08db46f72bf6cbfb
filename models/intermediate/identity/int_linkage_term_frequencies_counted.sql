{# How often each value of a term-frequency field occurs among linkage
    profiles (first name, last name, postal code, city: the `tf_column`s
    of `linkage_comparisons()`): the chance that two people agree on this
    very value, which replaces the average u of an exact agreement. One row
    per (column_name, column_value). #}
with

profiles as (
    select * from {{ ref('int_linkage_profiles_prepared') }}
),

{% set tf_columns = [] -%}
{%- for comparison in linkage_comparisons() if comparison.tf_column -%}
    {%- do tf_columns.append(comparison.tf_column) -%}
{%- endfor %}
values_counted as (
    {% for column in tf_columns -%}
        select
            '{{ column }}' as column_name,
            {{ column }} as column_value,
            count(*) as profiles_with_value
        from profiles
        where {{ column }} is not null
        group by {{ column }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

frequencies as (
    select
        column_name,
        column_value,
        profiles_with_value,
        cast(profiles_with_value as double)
        / sum(profiles_with_value) over (partition by column_name)
            as term_frequency
    from values_counted
)

select * from frequencies
