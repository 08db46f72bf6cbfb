{# Every staged consent event is attributed (to customers, or to nobody
    with a null customer): none is lost on the way to the consent model.
    Returns a row when the counts differ. #}
with

staged as (
    select count(*) as staged_events
    from {{ ref('stg_consent__consent_events') }}
),

attributed as (
    select count(distinct consent_event_id) as attributed_events
    from {{ ref('int_consent_events_attributed') }}
),

mismatches as (
    select
        staged.staged_events,
        attributed.attributed_events
    from staged
    cross join attributed
    where staged.staged_events <> attributed.attributed_events
)

select * from mismatches
