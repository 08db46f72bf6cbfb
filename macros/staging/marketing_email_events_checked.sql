{#- Campaign email events checked against the campaigns they belong to:
    an event of a campaign that is not staged is quarantined as
    `orphan_campaign_id`. -#}
{% macro marketing_email_events_checked(rows='staged') -%}
{{ checked_against_parent(
    'base_marketing__email_events', 'base_marketing__campaigns',
    'campaign_id', 'campaign_id', 'orphan_campaign_id', rows=rows
) }}
{%- endmacro %}
