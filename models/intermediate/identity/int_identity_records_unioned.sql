{# One row per source record that can say who a person is: the records the
    identity graph clusters. Transactions that belong to one of these records
    (registered shop orders, invoices, ledger entries, web events, email
    events, consent events) are not records of their own: they follow their
    parent record or their identifier. Names, emails, phones and addresses
    arrive normalised by staging; here they only get one shape. #}
with

crm_contacts as (
    select * from {{ ref('stg_crm__contacts') }}
),

shop_customers as (
    select * from {{ ref('stg_shop__customers') }}
),

shop_orders as (
    select * from {{ ref('stg_shop__orders') }}
    where is_guest_checkout and not is_anonymous
),

business_partners as (
    select * from {{ ref('stg_erp__business_partners') }}
),

loyalty_members as (
    select * from {{ ref('stg_loyalty__members') }}
),

tickets as (
    select * from {{ ref('stg_service__tickets') }}
),

receipts as (
    select * from {{ ref('stg_pos__receipts') }}
    where not is_anonymous
),

web_events as (
    select * from {{ ref('stg_web__events') }}
),

web_identifies as (
    select * from {{ ref('stg_web__identifies') }}
),

crm_records as (
    select
        record_key,
        'crm' as source_system,
        'crm.contacts' as source_table,
        first_name_normalized as first_name,
        last_name_normalized as last_name,
        first_name as first_name_display,
        last_name as last_name_display,
        street as street_display,
        city as city_display,
        {{ usable_email('email') }} as email,
        is_email_role_mailbox,
        {{ usable_phone('phone_e164') }} as phone,
        street_normalized as street,
        postal_code,
        city_normalized as city,
        country_code,
        cast(null as {{ dbt.type_string() }}) as loyalty_card_number,
        birth_date,
        middle_name_normalized as middle_name,
        gender,
        region,
        national_id_hash,
        national_id_head_hash,
        national_id_tail_hash,
        coalesce(created_at, updated_at) as first_seen_at,
        coalesce(updated_at, created_at) as last_seen_at
    from crm_contacts
),

shop_customer_records as (
    select
        record_key,
        'shop' as source_system,
        'shop.customers' as source_table,
        first_name_normalized as first_name,
        last_name_normalized as last_name,
        first_name as first_name_display,
        last_name as last_name_display,
        street as street_display,
        city as city_display,
        {{ usable_email('email') }} as email,
        is_email_role_mailbox,
        {{ usable_phone('phone_e164') }} as phone,
        street_normalized as street,
        postal_code,
        city_normalized as city,
        country_code,
        cast(null as {{ dbt.type_string() }}) as loyalty_card_number,
        cast(null as date) as birth_date,
        cast(null as {{ dbt.type_string() }}) as middle_name,
        cast(null as {{ dbt.type_string() }}) as gender,
        cast(null as {{ dbt.type_string() }}) as region,
        cast(null as {{ dbt.type_string() }}) as national_id_hash,
        cast(null as {{ dbt.type_string() }}) as national_id_head_hash,
        cast(null as {{ dbt.type_string() }}) as national_id_tail_hash,
        coalesce(created_at, updated_at) as first_seen_at,
        coalesce(updated_at, created_at) as last_seen_at
    from shop_customers
),

guest_order_records as (
    select
        record_key,
        'shop' as source_system,
        'shop.orders' as source_table,
        guest_first_name_normalized as first_name,
        guest_last_name_normalized as last_name,
        guest_first_name as first_name_display,
        guest_last_name as last_name_display,
        cast(null as {{ dbt.type_string() }}) as street_display,
        cast(null as {{ dbt.type_string() }}) as city_display,
        {{ usable_email('guest_email') }} as email,
        is_guest_email_role_mailbox as is_email_role_mailbox,
        {{ usable_phone('guest_phone_e164') }} as phone,
        cast(null as {{ dbt.type_string() }}) as street,
        shipping_postal_code as postal_code,
        cast(null as {{ dbt.type_string() }}) as city,
        shipping_country_code as country_code,
        cast(null as {{ dbt.type_string() }}) as loyalty_card_number,
        cast(null as date) as birth_date,
        cast(null as {{ dbt.type_string() }}) as middle_name,
        cast(null as {{ dbt.type_string() }}) as gender,
        cast(null as {{ dbt.type_string() }}) as region,
        cast(null as {{ dbt.type_string() }}) as national_id_hash,
        cast(null as {{ dbt.type_string() }}) as national_id_head_hash,
        cast(null as {{ dbt.type_string() }}) as national_id_tail_hash,
        ordered_at as first_seen_at,
        ordered_at as last_seen_at
    from shop_orders
),

business_partner_records as (
    select
        record_key,
        'erp' as source_system,
        'erp.business_partners' as source_table,
        first_name_normalized as first_name,
        last_name_normalized as last_name,
        first_name as first_name_display,
        last_name as last_name_display,
        street as street_display,
        city as city_display,
        {{ usable_email('email') }} as email,
        is_email_role_mailbox,
        {{ usable_phone('phone_e164') }} as phone,
        street_normalized as street,
        postal_code,
        city_normalized as city,
        country_code,
        cast(null as {{ dbt.type_string() }}) as loyalty_card_number,
        cast(null as date) as birth_date,
        cast(null as {{ dbt.type_string() }}) as middle_name,
        cast(null as {{ dbt.type_string() }}) as gender,
        cast(null as {{ dbt.type_string() }}) as region,
        cast(null as {{ dbt.type_string() }}) as national_id_hash,
        cast(null as {{ dbt.type_string() }}) as national_id_head_hash,
        cast(null as {{ dbt.type_string() }}) as national_id_tail_hash,
        coalesce(created_at, changed_at) as first_seen_at,
        coalesce(changed_at, created_at) as last_seen_at
    from business_partners
),

loyalty_records as (
    select
        record_key,
        'loyalty' as source_system,
        'loyalty.members' as source_table,
        first_name_normalized as first_name,
        last_name_normalized as last_name,
        first_name as first_name_display,
        last_name as last_name_display,
        street as street_display,
        city as city_display,
        {{ usable_email('email') }} as email,
        is_email_role_mailbox,
        {{ usable_phone('phone_e164') }} as phone,
        street_normalized as street,
        postal_code,
        city_normalized as city,
        country_code,
        card_number as loyalty_card_number,
        birth_date,
        cast(null as {{ dbt.type_string() }}) as middle_name,
        cast(null as {{ dbt.type_string() }}) as gender,
        region,
        national_id_hash,
        national_id_head_hash,
        national_id_tail_hash,
        coalesce(enrolled_at, updated_at) as first_seen_at,
        coalesce(updated_at, enrolled_at) as last_seen_at
    from loyalty_members
),

{# A ticket carries one free-text requester name: its first word is read as
    the first name and its last word as the last name. #}
ticket_records as (
    select
        record_key,
        'service' as source_system,
        'service.tickets' as source_table,
        nullif(
            {{ dbt.split_part('requester_name_normalized', "' '", 1) }}, ''
        ) as first_name,
        case
            when requester_name_normalized like '% %'
                then {{ dbt.split_part(
                    'requester_name_normalized', "' '", -1
                ) }}
        end as last_name,
        nullif(
            {{ dbt.split_part('requester_name', "' '", 1) }}, ''
        ) as first_name_display,
        case
            when requester_name like '% %'
                then {{ dbt.split_part('requester_name', "' '", -1) }}
        end as last_name_display,
        cast(null as {{ dbt.type_string() }}) as street_display,
        cast(null as {{ dbt.type_string() }}) as city_display,
        {{ usable_email('requester_email') }} as email,
        is_requester_email_role_mailbox as is_email_role_mailbox,
        {{ usable_phone('requester_phone_e164') }} as phone,
        cast(null as {{ dbt.type_string() }}) as street,
        cast(null as {{ dbt.type_string() }}) as postal_code,
        cast(null as {{ dbt.type_string() }}) as city,
        cast(null as {{ dbt.type_string() }}) as country_code,
        cast(null as {{ dbt.type_string() }}) as loyalty_card_number,
        cast(null as date) as birth_date,
        cast(null as {{ dbt.type_string() }}) as middle_name,
        cast(null as {{ dbt.type_string() }}) as gender,
        cast(null as {{ dbt.type_string() }}) as region,
        cast(null as {{ dbt.type_string() }}) as national_id_hash,
        cast(null as {{ dbt.type_string() }}) as national_id_head_hash,
        cast(null as {{ dbt.type_string() }}) as national_id_tail_hash,
        opened_at as first_seen_at,
        coalesce(resolved_at, opened_at) as last_seen_at
    from tickets
),

receipt_records as (
    select
        record_key,
        'pos' as source_system,
        'pos.receipts' as source_table,
        cast(null as {{ dbt.type_string() }}) as first_name,
        cast(null as {{ dbt.type_string() }}) as last_name,
        cast(null as {{ dbt.type_string() }}) as first_name_display,
        cast(null as {{ dbt.type_string() }}) as last_name_display,
        cast(null as {{ dbt.type_string() }}) as street_display,
        cast(null as {{ dbt.type_string() }}) as city_display,
        cast(null as {{ dbt.type_string() }}) as email,
        false as is_email_role_mailbox,
        {{ usable_phone('customer_phone_e164') }} as phone,
        cast(null as {{ dbt.type_string() }}) as street,
        cast(null as {{ dbt.type_string() }}) as postal_code,
        cast(null as {{ dbt.type_string() }}) as city,
        store_country_code as country_code,
        loyalty_card_number,
        cast(null as date) as birth_date,
        cast(null as {{ dbt.type_string() }}) as middle_name,
        cast(null as {{ dbt.type_string() }}) as gender,
        cast(null as {{ dbt.type_string() }}) as region,
        cast(null as {{ dbt.type_string() }}) as national_id_hash,
        cast(null as {{ dbt.type_string() }}) as national_id_head_hash,
        cast(null as {{ dbt.type_string() }}) as national_id_tail_hash,
        purchased_at as first_seen_at,
        purchased_at as last_seen_at
    from receipts
),

{# A browser (anonymous id) is a record from its first to its last event;
    the shop accounts it logged in as are its identifiers. #}
web_activity_unioned as (
    select
        anonymous_id,
        occurred_at as seen_at
    from web_events
    union all
    select
        anonymous_id,
        identified_at as seen_at
    from web_identifies
),

web_records as (
    select
        anonymous_id as record_key,
        'web' as source_system,
        'web.anonymous_ids' as source_table,
        cast(null as {{ dbt.type_string() }}) as first_name,
        cast(null as {{ dbt.type_string() }}) as last_name,
        cast(null as {{ dbt.type_string() }}) as first_name_display,
        cast(null as {{ dbt.type_string() }}) as last_name_display,
        cast(null as {{ dbt.type_string() }}) as street_display,
        cast(null as {{ dbt.type_string() }}) as city_display,
        cast(null as {{ dbt.type_string() }}) as email,
        false as is_email_role_mailbox,
        cast(null as {{ dbt.type_string() }}) as phone,
        cast(null as {{ dbt.type_string() }}) as street,
        cast(null as {{ dbt.type_string() }}) as postal_code,
        cast(null as {{ dbt.type_string() }}) as city,
        cast(null as {{ dbt.type_string() }}) as country_code,
        cast(null as {{ dbt.type_string() }}) as loyalty_card_number,
        cast(null as date) as birth_date,
        cast(null as {{ dbt.type_string() }}) as middle_name,
        cast(null as {{ dbt.type_string() }}) as gender,
        cast(null as {{ dbt.type_string() }}) as region,
        cast(null as {{ dbt.type_string() }}) as national_id_hash,
        cast(null as {{ dbt.type_string() }}) as national_id_head_hash,
        cast(null as {{ dbt.type_string() }}) as national_id_tail_hash,
        min(seen_at) as first_seen_at,
        max(seen_at) as last_seen_at
    from web_activity_unioned
    where anonymous_id is not null
    group by anonymous_id
),

records_unioned as (
    select * from crm_records
    union all
    select * from shop_customer_records
    union all
    select * from guest_order_records
    union all
    select * from business_partner_records
    union all
    select * from loyalty_records
    union all
    select * from ticket_records
    union all
    select * from receipt_records
    union all
    select * from web_records
),

{# the record id leads, as ids do (column order of STYLE.md) #}
records_keyed as (
    select  -- noqa: ST06
        source_table || ':' || record_key as record_id,
        source_system,
        source_table,
        record_key,
        first_name,
        last_name,
        first_name_display,
        last_name_display,
        street_display,
        city_display,
        email,
        is_email_role_mailbox,
        phone,
        street,
        postal_code,
        city,
        country_code,
        loyalty_card_number,
        birth_date,
        middle_name,
        gender,
        region,
        national_id_hash,
        national_id_head_hash,
        national_id_tail_hash,
        first_seen_at,
        last_seen_at
    from records_unioned
)

select * from records_keyed
