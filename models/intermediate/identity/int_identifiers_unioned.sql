{# One row per identity record and identifier it carries. Shared
    identifiers (email, phone) belong to whoever uses them; keys (a CRM
    contact id, a shop customer id, a guest order id, a receipt id, a loyalty
    card) are owned by one record and referenced by others: a ticket names
    its CRM contact, a browser the shop account it logged in as, an ERP
    invoice the shop order or receipt it bills, a receipt the loyalty card
    shown at the till. #}
with

records as (
    select * from {{ ref('int_identity_records_unioned') }}
),

shop_orders as (
    select * from {{ ref('stg_shop__orders') }}
),

invoices as (
    select * from {{ ref('stg_erp__invoices') }}
),

tickets as (
    select * from {{ ref('stg_service__tickets') }}
),

web_events as (
    select * from {{ ref('stg_web__events') }}
),

web_identifies as (
    select * from {{ ref('stg_web__identifies') }}
),

emails as (
    select
        record_id,
        'email' as identifier_type,
        email as identifier_value,
        false as is_key_owner
    from records
    where email is not null
),

phones as (
    select
        record_id,
        'phone' as identifier_type,
        phone as identifier_value,
        false as is_key_owner
    from records
    where phone is not null
),

{# Keys a record owns: its own id in the system others reference. #}
owned_keys as (
    select
        record_id,
        case source_table
            when 'crm.contacts' then 'crm_contact_id'
            when 'shop.customers' then 'shop_customer_id'
            when 'shop.orders' then 'shop_order_id'
            when 'pos.receipts' then 'pos_receipt_id'
        end as identifier_type,
        record_key as identifier_value,
        true as is_key_owner
    from records
    where source_table in (
        'crm.contacts', 'shop.customers', 'shop.orders', 'pos.receipts'
    )
    union all
    select
        record_id,
        'loyalty_card' as identifier_type,
        loyalty_card_number as identifier_value,
        source_table = 'loyalty.members' as is_key_owner
    from records
    where loyalty_card_number is not null
),

ticket_contact_references as (
    select
        'service.tickets:' || record_key as record_id,
        'crm_contact_id' as identifier_type,
        crm_contact_id as identifier_value,
        false as is_key_owner
    from tickets
    where crm_contact_id is not null
),

{# A browser references every shop account it was logged in as. #}
web_logins_unioned as (
    select
        anonymous_id,
        user_id
    from web_events
    where user_id is not null
    union all
    select
        anonymous_id,
        user_id
    from web_identifies
    where user_id is not null
),

web_account_references as (
    select distinct
        'web.anonymous_ids:' || anonymous_id as record_id,
        'shop_customer_id' as identifier_type,
        cast(user_id as {{ dbt.type_string() }}) as identifier_value,
        false as is_key_owner
    from web_logins_unioned
    where anonymous_id is not null
),

{# An invoice ties its business partner to what it bills: a guest order
    (by order id), a registered order (by the account that placed it) or a
    store receipt. #}
invoice_references as (
    select distinct
        'erp.business_partners:' || invoices.partner_id as record_id,
        case
            when invoices.pos_receipt_id is not null then 'pos_receipt_id'
            when shop_orders.customer_id is not null then 'shop_customer_id'
            else 'shop_order_id'
        end as identifier_type,
        case
            when invoices.pos_receipt_id is not null
                then invoices.pos_receipt_id
            when shop_orders.customer_id is not null
                then cast(shop_orders.customer_id as {{ dbt.type_string() }})
            else cast(invoices.shop_order_id as {{ dbt.type_string() }})
        end as identifier_value,
        false as is_key_owner
    from invoices
    left join shop_orders
        on invoices.shop_order_id = shop_orders.order_id
    where
        invoices.partner_id is not null
        and (
            invoices.pos_receipt_id is not null
            or invoices.shop_order_id is not null
        )
),

identifiers_unioned as (
    select * from emails
    union all
    select * from phones
    union all
    select * from owned_keys
    union all
    select * from ticket_contact_references
    union all
    select * from web_account_references
    union all
    select * from invoice_references
),

{# Keep references only when the referencing record exists (a quarantined
    ticket or partner has no record). #}
identifiers_of_records as (
    select identifiers_unioned.*
    from identifiers_unioned
    inner join records
        on identifiers_unioned.record_id = records.record_id
)

select * from identifiers_of_records
