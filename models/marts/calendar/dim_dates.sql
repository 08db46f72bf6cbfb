{# One row per day from var min_valid_date to the end of
    var calendar_last_year: the calendar BI tools join dates to, and the
    time spine of the semantic layer (MetricFlow fills and offsets time
    series on it). #}
with

days as (
    {{ dbt.date_spine(
        'day',
        "cast('" ~ var('min_valid_date') ~ "' as date)",
        "cast('" ~ (var('calendar_last_year') + 1) ~ "-01-01' as date)",
    ) }}
),

calendar as (
    select
        cast(date_day as date) as date_day,
        cast(extract(year from date_day) as integer) as calendar_year,
        cast(extract(month from date_day) as integer) as calendar_month,
        cast(extract(quarter from date_day) as integer) as calendar_quarter
    from days
)

select * from calendar
