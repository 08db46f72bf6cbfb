{# Everything dim_customer_360 publishes, and who each audience may hold.
    One row per customer we know as a person, assembled from one model per
    subject, each joined once on the customer id: identity and contact
    (int_customer_profiles_masked, erasure already applied), consent and
    email suppression (int_customer_consents_pivoted), purchases, value and
    segments (int_customer_values_summarised), service, campaigns and
    loyalty (int_customer_engagement_summarised). Customers who never
    bought are `prospect`, with zero figures. #}
{%- set purposes = dbt_utils.get_column_values(
    ref('consent_purposes'), 'purpose', order_by='purpose', default=[]
) %}
{%- set money_columns = [
    'gross_sales_reporting', 'discounts_reporting', 'returns_reporting',
    'net_revenue_reporting', 'cost_of_goods_reporting',
    'gross_margin_reporting', 'margin_on_unknown_cost_reporting',
] %}
{%- set text_type = dbt.type_string() %}

with

profiles as (
    select * from {{ ref('int_customer_profiles_masked') }}
),

consents as (
    select * from {{ ref('int_customer_consents_pivoted') }}
),

customer_values as (
    select * from {{ ref('int_customer_values_summarised') }}
),

engagement as (
    select * from {{ ref('int_customer_engagement_summarised') }}
),

{# The as-of date of the value figures (var ltv_as_of_date or the last sale
    day); ages are counted to it too, so a rebuild gives the same ages. #}
as_of as (
    select coalesce(max(as_of_date), current_date) as as_of_date
    from customer_values
),

customers_joined as (
    select
        profiles.customer_id,
        profiles.first_name,
        profiles.last_name,
        profiles.street,
        profiles.postal_code,
        profiles.city,
        profiles.country_code,
        profiles.email,
        profiles.phone,
        profiles.source_systems,
        customer_values.preferred_channel,
        customer_values.preferred_category,
        customer_values.value_tier,
        customer_values.lifecycle_stage,
        customer_values.rfm_cell,
        engagement.loyalty_tier,
        customer_values.orders,
        customer_values.web_orders,
        customer_values.store_orders,
        customer_values.purchase_days,
        customer_values.gross_sales_reporting,
        customer_values.discounts_reporting,
        customer_values.returns_reporting,
        customer_values.net_revenue_reporting,
        customer_values.cost_of_goods_reporting,
        customer_values.gross_margin_reporting,
        customer_values.margin_on_unknown_cost_reporting,
        customer_values.unknown_cost_margin_share,
        customer_values.average_order_value_reporting,
        customer_values.return_rate,
        customer_values.expected_purchases,
        customer_values.probability_alive,
        customer_values.predicted_margin_value_reporting,
        customer_values.recency_score,
        customer_values.frequency_score,
        customer_values.monetary_score,
        engagement.tickets,
        engagement.open_tickets,
        engagement.average_csat,
        engagement.emails_sent,
        engagement.emails_opened,
        engagement.emails_clicked,
        engagement.loyalty_points_balance,
        engagement.has_unsubscribed,
        customer_values.has_unknown_cost_of_goods,
        customer_values.first_purchase_at,
        customer_values.last_purchase_at,
        engagement.last_ticket_at,
        engagement.last_engaged_at,
        {%- for purpose in purposes %}
        consents.{{ purpose }}_consent_state,
        consents.{{ purpose }}_consent_source,
        consents.{{ purpose }}_consent_at,
        {%- endfor %}
        consents.email_suppression_reason,
        profiles.birth_date,
        as_of.as_of_date,
        profiles.first_seen_at,
        profiles.last_seen_at,
        profiles.record_count,
        profiles.source_system_count,
        profiles.strong_components,
        profiles.is_erased,
        profiles.has_quarantined_links,
        coalesce(customer_values.purchase_days, 0) > 0 as is_buyer
    from profiles
    cross join as_of
    left join consents
        on profiles.customer_id = consents.customer_id
    left join customer_values
        on profiles.customer_id = customer_values.customer_id
    left join engagement
        on profiles.customer_id = engagement.customer_id
),

customer_360 as (
    select
        cast(customer_id as {{ text_type }}) as customer_id,
        cast(first_name as {{ text_type }}) as first_name,
        cast(last_name as {{ text_type }}) as last_name,
        cast(nullif(trim(
            coalesce(first_name, '') || ' ' || coalesce(last_name, '')
        ), '') as {{ text_type }}) as full_name,
        cast(email as {{ text_type }}) as email,
        cast(phone as {{ text_type }}) as phone,
        cast(street as {{ text_type }}) as street,
        cast(postal_code as {{ text_type }}) as postal_code,
        cast(city as {{ text_type }}) as city,
        cast(country_code as {{ text_type }}) as country_code,
        cast(source_systems as {{ text_type }}) as source_systems,
        cast(case
            when record_count = 1 then 'single_record'
            when strong_components = 1 then 'strong'
            else 'fuzzy'
        end as {{ text_type }}) as identity_confidence,
        cast(preferred_channel as {{ text_type }}) as preferred_channel,
        cast(preferred_category as {{ text_type }}) as preferred_category,
        cast(coalesce(value_tier, 'prospect') as {{ text_type }}) as value_tier,
        cast(coalesce(lifecycle_stage, 'prospect') as {{ text_type }})
        as lifecycle_stage,
        cast(rfm_cell as {{ text_type }}) as rfm_cell,
        cast(loyalty_tier as {{ text_type }}) as loyalty_tier,
        cast(email_suppression_reason as {{ text_type }})
        as email_suppression_reason,
        {%- for purpose in purposes %}
        cast(
            coalesce({{ purpose }}_consent_state, 'unknown') as {{ text_type }}
        )
        as {{ purpose }}_consent_state,
        cast({{ purpose }}_consent_source as {{ text_type }})
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
        {{ round_to_cents('average_order_value_reporting') }}
        as average_order_value_reporting,
        cast(return_rate as double) as return_rate,
        cast(expected_purchases as double) as predicted_purchases,
        cast(probability_alive as double) as probability_alive,
        {{ round_to_cents('predicted_margin_value_reporting') }}
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
