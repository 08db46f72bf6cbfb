{#- Staged birth date columns of one raw column (`raw_column`) and its date
    text (`text_column`: `date_text` of the raw value, computed once in an
    earlier CTE so the parser's many references stay cheap):
    - `birth_date`: the date when it is plausible (from var
      `birth_date_min`, and at most var `max_age_years` before the extract,
      to the extract date), read by `parse_date` in the part
      order of `birth_date_part_order` (below);
    - `has_ambiguous_birth_date`: day and month could not be told apart
      (both 12 or below, no order known), so no date was invented;
    - `has_invalid_birth_date`: a value was given but is not a plausible
      date (ambiguous ones included).
    `source_name` looks up var `birth_date_part_order_by_source`; a source
    without an entry uses the record's country (`country_expression`, the record's
    own upper-case ISO code: var `birth_date_month_first_countries` read month first, other
    known countries day first; a record without a country gets no default
    here); dates written with dots are day first everywhere. -#}
{% macro birth_date_attributes(
    raw_column, text_column, loaded_at, source_name, country_expression='null'
) -%}
    {%- set order = birth_date_part_order(raw_column, source_name, country_expression) -%}
    {%- set parsed = parse_date(text_column, order) -%}
    {%- set plausible -%}
        {{ parsed }} between cast('{{ var("birth_date_min") }}' as date)
        and cast({{ loaded_at }} as date)
        and {{ parsed }} >= cast({{ dbt.dateadd(
            'year', -var('max_age_years'), loaded_at
        ) }} as date)
    {%- endset -%}
    case when {{ plausible }} then {{ parsed }} end as birth_date,
        {{ is_ambiguous_date(text_column, order) }} as has_ambiguous_birth_date,
        coalesce(
            {{ text_column }} is not null
            and not coalesce({{ plausible }}, false),
            false
        ) as has_invalid_birth_date
{%- endmacro %}

{#- 'dmy', 'mdy' or null: how a date with the year last is read for one
    source and one record's country (see birth_date_attributes). -#}
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
