{#- Staged birth date columns of one raw column (`raw_column`), from its date
    text (`text_column`: `date_text` of the raw value) and the date read from
    it (`parsed_column`: `birth_date_parsed` of the same arguments). Both are
    computed once per row in earlier CTEs, so the parser's long expression is
    written out once, not in every check that refers to the date:
    - `birth_date`: the date when it is plausible (from var
      `birth_date_min`, and at most var `max_age_years` before the extract,
      to the extract date);
    - `has_ambiguous_birth_date`: day and month could not be told apart
      (both 12 or below, no order known), so no date was invented;
    - `has_invalid_birth_date`: a value was given but is not a plausible
      date (ambiguous ones included).
    `source_name` and `country_expression` as for `birth_date_parsed`. -#}
{% macro birth_date_attributes(
    raw_column, text_column, parsed_column, loaded_at, source_name,
    country_expression='null'
) -%}
    {%- set order = birth_date_part_order(
        raw_column, source_name, country_expression
    ) -%}
    {%- set plausible -%}
        {{ parsed_column }} between cast('{{ var("birth_date_min") }}' as date)
        and cast({{ loaded_at }} as date)
        and {{ parsed_column }} >= cast({{ dbt.dateadd(
            'year', -var('max_age_years'), loaded_at
        ) }} as date)
    {%- endset -%}
    case when {{ plausible }} then {{ parsed_column }} end as birth_date,
        {{ is_ambiguous_date(text_column, order) }} as has_ambiguous_birth_date,
        coalesce(
            {{ text_column }} is not null
            and not coalesce({{ plausible }}, false),
            false
        ) as has_invalid_birth_date
{%- endmacro %}

{#- The date a birth date's text (`text_column`, `date_text` of `raw_column`)
    names, read by `parse_date` in the part order of `birth_date_part_order`
    (below), not yet checked for plausibility (`birth_date_attributes` does
    that). `source_name` looks up var `birth_date_part_order_by_source`; a
    source without an entry uses the record's country (`country_expression`,
    the record's own upper-case ISO code: var
    `birth_date_month_first_countries` read month first, other known
    countries day first; a record without a country gets no default here);
    dates written with dots are day first everywhere. -#}
{% macro birth_date_parsed(
    raw_column, text_column, source_name, country_expression='null'
) -%}
    {{ parse_date(
        text_column,
        birth_date_part_order(raw_column, source_name, country_expression)
    ) }}
{%- endmacro %}

{#- 'dmy', 'mdy' or null: how a date with the year last is read for one
    source and one record's country (see birth_date_parsed). -#}
{% macro birth_date_part_order(raw_column, source_name, country_expression) -%}
    {%- set by_source = var('birth_date_part_order_by_source', {}) -%}
    {%- if source_name in by_source -%}
        '{{ by_source[source_name] }}'
    {%- else -%}
        case
            when {{ country_expression }} in (
                {%- for c in var('birth_date_month_first_countries') -%}
                    '{{ c }}'{% if not loop.last %}, {% endif %}
                {%- endfor -%}
            ) then 'mdy'
            when {{ country_expression }} is not null then 'dmy'
            when {{ raw_column }} like '%.%' then 'dmy'
        end
    {%- endif -%}
{%- endmacro %}
