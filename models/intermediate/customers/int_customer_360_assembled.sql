{# Everything dim_customer_360 publishes, and who each audience may hold.
    One row per customer we know as a person: identity and contact from the
    golden record, demographics, consent per purpose (one state, source and
    time per purpose of the consent_purposes seed), purchases, value and
    segments, service, campaigns, loyalty, and how well the profile is
    evidenced. Customers whose records all come from var
    anonymous_source_tables (web browsers nobody identified) are left out:
    they have no person data, no purchases and cannot be reached. Erased
    customers keep their row and their figures, but every personal column is
    null; an email or phone any erased customer's records carry (a shared
    family or company mailbox) is published on no other profile either. #}
{%- set purposes = dbt_utils.get_column_values(
    ref('consent_purposes'), 'purpose', order_by='purpose', default=[]
) %}
{%- set email_purposes = dbt_utils.get_column_values(
    ref('consent_purposes'), 'purpose', where="channel = 'email'", default=[]
) %}
{%- set anonymous_tables = var('anonymous_source_tables') %}
{%- set money_columns = [
    'gross_sales_reporting', 'discounts_reporting', 'returns_reporting',
    'net_revenue_reporting', 'cost_of_goods_reporting',
    'gross_margin_reporting', 'margin_on_unknown_cost_reporting',
] %}
with

golden_records as (
    select * from {{ ref('int_golden_records_assembled') }}
),

records_resolved as (
    select * from {{ ref('int_records_resolved') }}
),

edges_quarantined as (
    select * from {{ ref('int_identity_edges_quarantined') }}
),

purchases as (
    select * from {{ ref('int_customer_purchases_summarised') }}
),

lifetime_values as (
    select * from {{ ref('int_customer_lifetime_values_predicted') }}
),

segments as (
    select * from {{ ref('int_customer_segments_assigned') }}
),

engagement as (
    select * from {{ ref('int_customer_engagement_summarised') }}
),

consents as (
    select * from {{ ref('int_customer_consents_resolved') }}
),

customers_erased as (
    select * from {{ ref('int_customers_erased') }}
),

email_addresses_suppressed as (
    select * from {{ ref('int_email_addresses_suppressed') }}
),

{# every email and phone of an erased person's records, as the erasure
   ledger's salted hashes (a shared mailbox leaves every profile) #}
identifiers_erased as (
    select distinct
        identifier_type,
        identifier_hash
    from {{ ref('int_erasures_logged') }}
    where identifier_type in ('email', 'phone')
),

{# The as-of date of the value figures (var ltv_as_of_date or the last sale
    day); ages are counted to it too, so a rebuild gives the same ages. #}
as_of as (
    select coalesce(max(as_of_date), current_date) as as_of_date
    from purchases
),

{# Identity evidence: a customer is `single_record`, `strong` (all records
    joined by strong identifiers) or `fuzzy` (a name-and-address or typo
    link was needed). #}
records_summarised as (
    select
        customer_id,
        count(distinct strong_component_id) as strong_components,
        sum(case
            when source_table in (
                {%- for table in anonymous_tables %}
                '{{ table }}'{% if not loop.last %}, {% endif %}
                {%- endfor %}
            ) then 0
            else 1
        end) as known_records
    from records_resolved
    group by customer_id
),

source_systems_listed as (
    select distinct
        customer_id,
        source_system
    from records_resolved
),

source_systems_aggregated as (
    select
        customer_id,
        {{ dbt.listagg('source_system', "','", 'order by source_system') }}
        as source_systems
    from source_systems_listed
    group by customer_id
),

quarantined_records as (
    select record_id_a as record_id from edges_quarantined
    union
    select record_id_b as record_id from edges_quarantined
),

customers_touched_by_quarantine as (
    select distinct records_resolved.customer_id
    from quarantined_records
    inner join records_resolved
        on quarantined_records.record_id = records_resolved.record_id
),

consents_pivoted as (
    select
        customer_id
        {%- for purpose in purposes %},
        max(case when purpose = '{{ purpose }}' then consent_state end)
        as {{ purpose }}_consent_state,
        max(case when purpose = '{{ purpose }}' then decided_in end)
        as {{ purpose }}_consent_source,
        max(case when purpose = '{{ purpose }}' then decided_at end)
        as {{ purpose }}_consent_at
        {%- endfor %}
    from consents
    group by customer_id
),

{# Erasure: the personal columns are nulled here, once, so nothing after
    this step (and no mart reading this one) can see them. #}
{# The latest consent decision for any purpose sent by email: an unsubscribe
    after it suppresses the address, a grant after the unsubscribe lifts
    the suppression. #}
email_consents_decided as (
    select
        customer_id,
        max(decided_at) as decided_at
    from consents
    where purpose in (
        {%- for purpose in email_purposes %}
        '{{ purpose }}'{% if not loop.last %}, {% endif %}
        {%- endfor %}
        {%- if email_purposes | length == 0 %}null{% endif %}
    )
    group by customer_id
),

customers_joined as (
    select
        golden_records.customer_id,
        {%- for column in [
            'first_name', 'last_name', 'street', 'postal_code', 'city',
            'country_code',
        ] %}
        case
            when customers_erased.customer_id is null
                then golden_records.{{ column }}
        end as {{ column }},
        {%- endfor %}
        {%- for column in ['email', 'phone'] %}
        case
            when
                customers_erased.customer_id is null
                and {{ column }}s_erased.identifier_hash is null
                then golden_records.{{ column }}
        end as {{ column }},
        {%- endfor %}
        source_systems_aggregated.source_systems,
        purchases.preferred_channel,
        purchases.preferred_category,
        segments.value_tier,
        segments.lifecycle_stage,
        segments.rfm_cell,
        engagement.loyalty_tier,
        purchases.orders,
        purchases.web_orders,
        purchases.store_orders,
        purchases.purchase_days,
        purchases.gross_sales_reporting,
        purchases.discounts_reporting,
        purchases.returns_reporting,
        purchases.net_revenue_reporting,
        purchases.cost_of_goods_reporting,
        purchases.gross_margin_reporting,
        purchases.margin_on_unknown_cost_reporting,
        purchases.unknown_cost_margin_share,
        purchases.average_order_value_reporting,
        purchases.return_rate,
        lifetime_values.expected_purchases,
        lifetime_values.probability_alive,
        lifetime_values.predicted_margin_value_reporting,
        segments.recency_score,
        segments.frequency_score,
        segments.monetary_score,
        engagement.tickets,
        engagement.open_tickets,
        engagement.average_csat,
        engagement.emails_sent,
        engagement.emails_opened,
        engagement.emails_clicked,
        engagement.loyalty_points_balance,
        engagement.has_unsubscribed,
        purchases.has_unknown_cost_of_goods,
        purchases.first_purchase_at,
        purchases.last_purchase_at,
        engagement.last_ticket_at,
        engagement.last_engaged_at,
        {%- for purpose in purposes %}
        consents_pivoted.{{ purpose }}_consent_state,
        consents_pivoted.{{ purpose }}_consent_source,
        consents_pivoted.{{ purpose }}_consent_at,
        {%- endfor %}
        case
            when email_addresses_suppressed.is_bouncing then 'bounced'
            when email_addresses_suppressed.last_unsubscribed_at
                >= coalesce(
                    email_consents_decided.decided_at,
                    email_addresses_suppressed.last_unsubscribed_at
                )
                then 'unsubscribed'
        end as email_suppression_reason,
        case
            when customers_erased.customer_id is null
                then golden_records.birth_date
        end as birth_date,
        as_of.as_of_date,
        golden_records.first_seen_at,
        golden_records.last_seen_at,
        golden_records.record_count,
        golden_records.source_system_count,
        records_summarised.strong_components,
        customers_erased.customer_id is not null as is_erased,
        customers_touched_by_quarantine.customer_id is not null
        as has_quarantined_links,
        coalesce(purchases.purchase_days, 0) > 0 as is_buyer
    from golden_records
    cross join as_of
    inner join records_summarised
        on golden_records.customer_id = records_summarised.customer_id
    inner join source_systems_aggregated
        on golden_records.customer_id = source_systems_aggregated.customer_id
    left join purchases
        on golden_records.customer_id = purchases.customer_id
    left join lifetime_values
        on golden_records.customer_id = lifetime_values.customer_id
    left join segments
        on golden_records.customer_id = segments.customer_id
    left join engagement
        on golden_records.customer_id = engagement.customer_id
    left join consents_pivoted
        on golden_records.customer_id = consents_pivoted.customer_id
    left join customers_erased
        on golden_records.customer_id = customers_erased.customer_id
    left join identifiers_erased as emails_erased
        on
            emails_erased.identifier_type = 'email'
            and {{ erasure_hash("'email'", 'golden_records.email') }}
            = emails_erased.identifier_hash
    left join identifiers_erased as phones_erased
        on
            phones_erased.identifier_type = 'phone'
            and {{ erasure_hash("'phone'", 'golden_records.phone') }}
            = phones_erased.identifier_hash
    left join customers_touched_by_quarantine
        on golden_records.customer_id
        = customers_touched_by_quarantine.customer_id
    left join email_addresses_suppressed
        on golden_records.email = email_addresses_suppressed.email
    left join email_consents_decided
        on golden_records.customer_id = email_consents_decided.customer_id
    where records_summarised.known_records > 0
),

customer_360 as (
    select
        cast(customer_id as varchar) as customer_id,
        cast(first_name as varchar) as first_name,
        cast(last_name as varchar) as last_name,
        cast(nullif(trim(
            coalesce(first_name, '') || ' ' || coalesce(last_name, '')
        ), '') as varchar) as full_name,
        cast(email as varchar) as email,
        cast(phone as varchar) as phone,
        cast(street as varchar) as street,
        cast(postal_code as varchar) as postal_code,
        cast(city as varchar) as city,
        cast(country_code as varchar) as country_code,
        cast(source_systems as varchar) as source_systems,
        cast(case
            when record_count = 1 then 'single_record'
            when strong_components = 1 then 'strong'
            else 'fuzzy'
        end as varchar) as identity_confidence,
        cast(preferred_channel as varchar) as preferred_channel,
        cast(preferred_category as varchar) as preferred_category,
        cast(coalesce(value_tier, 'prospect') as varchar) as value_tier,
        cast(coalesce(lifecycle_stage, 'prospect') as varchar)
        as lifecycle_stage,
        cast(rfm_cell as varchar) as rfm_cell,
        cast(loyalty_tier as varchar) as loyalty_tier,
        cast(email_suppression_reason as varchar) as email_suppression_reason,
        {%- for purpose in purposes %}
        cast(coalesce({{ purpose }}_consent_state, 'unknown') as varchar)
        as {{ purpose }}_consent_state,
        cast({{ purpose }}_consent_source as varchar)
        as {{ purpose }}_consent_source,
        {%- endfor %}
        cast(
            {{ dbt.datediff('birth_date', 'as_of_date', 'year') }}
            - case
                when extract(month from as_of_date) * 100
                + extract(day from as_of_date)
                < extract(month from birth_date) * 100
                + extract(day from birth_date)
                    then 1
                else 0
            end
            as integer
        ) as age_years,
        cast(record_count as integer) as record_count,
        cast(source_system_count as integer) as source_system_count,
        cast(coalesce(orders, 0) as integer) as orders,
        cast(coalesce(web_orders, 0) as integer) as web_orders,
        cast(coalesce(store_orders, 0) as integer) as store_orders,
        cast(coalesce(purchase_days, 0) as integer) as purchase_days,
        {%- for amount in money_columns %}
        cast(coalesce({{ amount }}, 0) as decimal(18, 2)) as {{ amount }},
        {%- endfor %}
        cast(average_order_value_reporting as decimal(18, 2))
        as average_order_value_reporting,
        cast(return_rate as double) as return_rate,
        cast(expected_purchases as double) as predicted_purchases,
        cast(probability_alive as double) as probability_alive,
        cast(predicted_margin_value_reporting as decimal(18, 2))
        as predicted_margin_value_reporting,
        cast(recency_score as integer) as recency_score,
        cast(frequency_score as integer) as frequency_score,
        cast(monetary_score as integer) as monetary_score,
        cast(coalesce(tickets, 0) as integer) as tickets,
        cast(coalesce(open_tickets, 0) as integer) as open_tickets,
        cast(average_csat as double) as average_csat,
        cast(coalesce(emails_sent, 0) as integer) as emails_sent,
        cast(coalesce(emails_opened, 0) as integer) as emails_opened,
        cast(coalesce(emails_clicked, 0) as integer) as emails_clicked,
        cast(coalesce(loyalty_points_balance, 0) as bigint)
        as loyalty_points_balance,
        cast((
            case when first_name is not null or last_name is not null
                then 1 else 0 end
            + case when email is not null then 1 else 0 end
            + case when phone is not null then 1 else 0 end
            + case when birth_date is not null then 1 else 0 end
            + case when postal_code is not null then 1 else 0 end
        ) / 5.0 as double) as profile_completeness,
        cast(is_buyer as boolean) as is_buyer,
        cast(coalesce(has_unknown_cost_of_goods, false) as boolean)
        as has_unknown_cost_of_goods,
        cast(unknown_cost_margin_share as double) as unknown_cost_margin_share,
        cast(coalesce(has_unsubscribed, false) as boolean) as has_unsubscribed,
        cast(email_suppression_reason is not null as boolean)
        as is_email_suppressed,
        cast(has_quarantined_links as boolean) as has_quarantined_links,
        cast(is_erased as boolean) as is_erased,
        cast(birth_date as date) as birth_date,
        cast(as_of_date as date) as as_of_date,
        cast(first_seen_at as timestamp) as first_seen_at,
        cast(last_seen_at as timestamp) as last_seen_at,
        cast(first_purchase_at as timestamp) as first_purchase_at,
        cast(last_purchase_at as timestamp) as last_purchase_at,
        cast(last_ticket_at as timestamp) as last_ticket_at,
        cast(last_engaged_at as timestamp) as last_engaged_at,
        {%- for purpose in purposes %}
        cast({{ purpose }}_consent_at as timestamp) as {{ purpose }}_consent_at,
        {%- endfor %}
        {# greatest() returns null on any null argument on some engines:
            each argument falls back to the other two #}
        cast(greatest(
            coalesce(last_purchase_at, last_ticket_at, last_engaged_at),
            coalesce(last_ticket_at, last_engaged_at, last_purchase_at),
            coalesce(last_engaged_at, last_purchase_at, last_ticket_at)
        ) as timestamp) as last_interaction_at
    from customers_joined
),

{# Who each activation audience may hold: the audiences' rules, here once
    so that the audiences and the reachable shares of the value segments
    agree by construction. A purpose the consent_purposes seed lacks is
    granted to nobody (fail closed). #}
{%- set granted = {} %}
{%- for purpose in [
    'email_marketing', 'sms_marketing', 'personalisation', 'third_party_sharing',
] %}
{%- do granted.update({purpose: (
    purpose ~ "_consent_state = 'granted'" if purpose in purposes else 'false'
)}) %}
{%- endfor %}
audiences_qualified as (
    select
        *,
        coalesce(
            {{ granted['email_marketing'] }}
            and email is not null
            and not is_email_suppressed
            and not is_erased,
            false
        ) as is_email_marketing_reachable,
        coalesce(
            {{ granted['sms_marketing'] }}
            and phone is not null
            and not is_erased,
            false
        ) as is_sms_marketing_reachable,
        coalesce(
            {{ granted['personalisation'] }}
            and not is_erased,
            false
        ) as is_personalisation_allowed,
        coalesce(
            {{ granted['third_party_sharing'] }}
            and (email is not null or phone is not null)
            and not is_erased,
            false
        ) as is_third_party_sharing_allowed
    from customer_360
)

select * from audiences_qualified
