{#- Campaign email events checked against the campaigns they belong to:
    an event of a campaign that is not staged is quarantined as
    `orphan_campaign_id`. -#}
{% macro marketing_email_events_checked(rows='staged') -%}
{%- set joins -%}
    left join ({{ passed_rows('base_marketing__campaigns') }}) as campaigns
        on base.campaign_id = campaigns.campaign_id
{%- endset -%}
{{ checked_rows('base_marketing__email_events', joins, [
    ('campaigns.campaign_id is null', 'orphan_campaign_id'),
], rows=rows) }}
{%- endmacro %}
