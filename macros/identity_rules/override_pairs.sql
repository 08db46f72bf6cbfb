{#- Rule family "overrides": a person's decision that two records are one
    customer (`force_link` rows of the identity_overrides seed), whatever
    the other rules say. A decision written twice counts once.
    `overrides` is the seed's relation. -#}
{% macro override_pairs(overrides) -%}
    select distinct
        least(record_id, other_record_id) as record_id_a,
        greatest(record_id, other_record_id) as record_id_b,
        'override_force_link' as match_rule,
        'override' as identifier_type,
        reason as identifier_value,
        'strong' as strength
    from {{ overrides }}
    where action = 'force_link'
{%- endmacro %}
