{# Every staged consent event and every salvaged denial is attributed (to
    customers, or to nobody with a null customer): none is lost on the way
    to the consent model. Returns a row when the counts differ. #}
with

staged as (
    select count(*) as staged_events
    from {{ ref('stg_consent__consent_events') }}
),

salvaged as (
    select count(*) as salvaged_denials
    from {{ ref('stg_consent__consent_denials_salvaged') }}
),

attributed as (
    select
        count(distinct case when not is_salvaged then consent_decision_key end)
        as attributed_events,
        count(distinct case when is_salvaged then consent_decision_key end)
        as attributed_denials
    from {{ ref('int_consent_events_attributed') }}
),

mismatches as (
    select
        staged.staged_events,
        attributed.attributed_events,
        salvaged.salvaged_denials,
        attributed.attributed_denials
    from staged
    cross join salvaged
    cross join attributed
    where
        staged.staged_events <> attributed.attributed_events
        or salvaged.salvaged_denials <> attributed.attributed_denials
)

select * from mismatches
