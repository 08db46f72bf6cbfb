{#- A calendar date from date text (`date_text` of the raw value: trimmed,
    separators unified to `-`, time dropped) written in any of the common
    forms, without inventing one:
    - `YYYYMMDD` and `YYYY-MM-DD` (any of - . / or space between the parts,
      a time after the date is ignored) are read year first;
    - `DD?MM?YYYY` / `MM?DD?YYYY` (and `DDMMYYYY` / `MMDDYYYY` written
      without separators, when the first four digits are not a plausible
      year) are read by `part_order`, a SQL expression giving 'dmy', 'mdy'
      or null. A part above 12 can only be the day, so it decides the order
      whatever `part_order` says; when both parts are 12 or below and
      `part_order` is null, the date is ambiguous and comes back null (the
      caller flags it with `is_ambiguous_date`).
    Impossible dates (31.02.) are null. Only digits and the listed
    separators are read: no engine-specific format strings. -#}
{% macro parse_date(expression, part_order='null') -%}
    {%- set parts = date_parts(expression) -%}
    {%- set day_first -%}
        (
            {{ c360_try_cast(parts.first, dbt.type_int()) }} > 12
            or (
                {{ c360_try_cast(parts.second, dbt.type_int()) }} <= 12
                and {{ part_order }} = 'dmy'
            )
        )
    {%- endset -%}
    {%- set month_first -%}
        (
            {{ c360_try_cast(parts.second, dbt.type_int()) }} > 12
            or (
                {{ c360_try_cast(parts.first, dbt.type_int()) }} <= 12
                and {{ part_order }} = 'mdy'
            )
        )
    {%- endset -%}
    case
        when {{ parts.year_first }}
            then {{ date_from_parts(parts.year, parts.first, parts.second) }}
        when {{ parts.year_last }} and {{ parts.first }} = {{ parts.second }}
            then {{ date_from_parts(parts.year, parts.first, parts.second) }}
        when {{ parts.year_last }} and {{ day_first }} and not {{ month_first }}
            then {{ date_from_parts(parts.year, parts.second, parts.first) }}
        when {{ parts.year_last }} and {{ month_first }} and not {{ day_first }}
            then {{ date_from_parts(parts.year, parts.first, parts.second) }}
    end
{%- endmacro %}

{#- True when `expression` is a date with the year last whose day and month
    cannot be told apart (both 12 or below, different, no order known). -#}
{% macro is_ambiguous_date(expression, part_order='null') -%}
    {%- set parts = date_parts(expression) -%}
    coalesce(
        {{ parts.year_last }}
        and {{ c360_try_cast(parts.first, dbt.type_int()) }} <= 12
        and {{ c360_try_cast(parts.second, dbt.type_int()) }} <= 12
        and {{ parts.first }} <> {{ parts.second }}
        and {{ part_order }} is null,
        false
    )
{%- endmacro %}

{#- Raw date text as parse_date reads it: trimmed, a time after the date
    dropped, any run of - . / or spaces written as one `-`; null when empty.
    Compute it once per row (a column) and pass that column on. -#}
{% macro date_text(expression) -%}
    {{ c360_regexp_replace(
        'substr(' ~ clean_text(expression) ~ ', 1, 10)', '[-./ ]+', '-'
    ) }}
{%- endmacro %}

{#- The pieces of a date text as SQL expressions: `year`, `first` and
    `second` (month and day when `year_first`, the two leading parts when
    `year_last`), and the two shape tests. -#}
{% macro date_parts(expression) -%}
    {%- set text = expression -%}
    {%- set compact = c360_regexp_matches(text, '^[0-9]{8}$') -%}
    {%- set compact_year_first -%}
        ({{ compact }} and substr({{ text }}, 1, 4) between '1800' and '2199')
    {%- endset -%}
    {%- set year_first -%}
        coalesce(
            {{ compact_year_first }}
            or {{ c360_regexp_matches(text, '^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$') }},
            false
        )
    {%- endset -%}
    {%- set year_last -%}
        coalesce(
            ({{ compact }} and not {{ compact_year_first }})
            or {{ c360_regexp_matches(text, '^[0-9]{1,2}-[0-9]{1,2}-[0-9]{4}$') }},
            false
        )
    {%- endset -%}
    {%- set separated = "(not " ~ compact ~ ")" -%}
    {%- set year -%}
        case
            when {{ compact_year_first }} then substr({{ text }}, 1, 4)
            when {{ compact }} then substr({{ text }}, 5, 4)
            when {{ separated }} and length({{ dbt.split_part(text, "'-'", 1) }}) = 4
                then {{ dbt.split_part(text, "'-'", 1) }}
            else {{ dbt.split_part(text, "'-'", 3) }}
        end
    {%- endset -%}
    {%- set first -%}
        case
            when {{ compact_year_first }} then substr({{ text }}, 5, 2)
            when {{ compact }} then substr({{ text }}, 1, 2)
            when length({{ dbt.split_part(text, "'-'", 1) }}) = 4
                then {{ dbt.split_part(text, "'-'", 2) }}
            else {{ dbt.split_part(text, "'-'", 1) }}
        end
    {%- endset -%}
    {%- set second -%}
        case
            when {{ compact_year_first }} then substr({{ text }}, 7, 2)
            when {{ compact }} then substr({{ text }}, 3, 2)
            when length({{ dbt.split_part(text, "'-'", 1) }}) = 4
                then {{ dbt.split_part(text, "'-'", 3) }}
            else {{ dbt.split_part(text, "'-'", 2) }}
        end
    {%- endset -%}
    {{ return({
        'year': year, 'first': first, 'second': second,
        'year_first': year_first, 'year_last': year_last,
    }) }}
{%- endmacro %}

{#- A date from text year, month and day; null when it does not exist. -#}
{% macro date_from_parts(year, month, day) -%}
    {{ c360_try_cast(
        year ~ " || '-' || lpad(" ~ month ~ ", 2, '0') || '-' || lpad("
        ~ day ~ ", 2, '0')",
        'date'
    ) }}
{%- endmacro %}
