{{ config(materialized='table') }}
{# a channel outside this list is kept as `unknown` (flagged); a CSAT score
   outside 1-5 becomes null (flagged) #}
{%- set channels = ['phone', 'email', 'chat'] %}
with

source as (
    select * from {{ source('service', 'tickets') }}
),

{# callers' numbers come from the phone system in international form; a
   national number falls back to the default country #}
countries as (
    select * from {{ ref('country_codes') }}
    where country_code = '{{ var("default_country_code") }}'
),

renamed as (
    select
        source.ticket_id,
        {{ known_code(
            "lower(" ~ clean_text('source.channel') ~ ")", channels
        ) }} as channel,
        {{ unknown_code_flag(
            "lower(" ~ clean_text('source.channel') ~ ")", channels
        ) }} as has_unknown_channel,
        {{ name_attributes('source.requester_name', 'requester_name') }},
        {{ email_attributes('source.requester_email', 'requester_email') }},
        {{ phone_attributes(
            'source.requester_phone', name='requester_phone'
        ) }},
        {{ clean_text('source.crm_contact_id') }} as crm_contact_id,
        lower({{ clean_text('source.category') }}) as category,
        lower({{ clean_text('source.resolution') }}) as resolution,
        case
            when source.csat_score between 1 and 5 then source.csat_score
        end as csat_score,
        coalesce(not source.csat_score between 1 and 5, false)
        as has_invalid_csat_score,
        source.resolved_at is null as is_open,
        source.opened_at,
        source.resolved_at,
        source._loaded_at,
        {{ key_occurrence('source.ticket_id', 'source.opened_at') }}
        as key_occurrence
    from source
    cross join countries
),

flagged as (
    select
        *,
        ticket_id as record_key,
        {{ quarantine_reason('ticket_id', [
            (is_bad_timestamp('opened_at'), 'bad_timestamp'),
            ('resolved_at < opened_at', 'resolved_before_opened'),
        ]) }} as quarantine_reason
    from renamed
)

select * from flagged
