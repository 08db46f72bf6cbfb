{# Candidate pairs of linkage profiles: the union of the blocking rules in
    var `linkage_blocking_rules` (a pair is a candidate when it agrees
    exactly on every key of at least one rule), so one mistyped field does
    not hide a pair from every rule. A block of more profiles than var
    `linkage_max_block_profiles` is too common a value to say anything and
    is skipped for that rule. Profiles shared by several records are also
    paired with themselves, so their records can be linked. One row per
    (profile_id_a, profile_id_b), profile_id_a <= profile_id_b, with the
    rules that found it. #}
{%- set rule_names = (
    var('linkage_blocking_rules').keys() | list + ['same_profile']
) | sort -%}

with

profiles as (
    select * from {{ ref('int_linkage_profiles_prepared') }}
),

{% for rule_name, keys in var('linkage_blocking_rules').items() %}
{{ rule_name }}_blocked as (
    select
        profile_id,
        {% for key in keys -%}
            {{ key }},
        {% endfor -%}
        count(*) over (
            partition by {{ keys | join(', ') }}
        ) as block_profiles
    from profiles
    where
        {% for key in keys -%}
            {{ key }} is not null{% if not loop.last %} and {% endif %}
        {%- endfor %}
),

{{ rule_name }}_pairs as (
    select
        left_side.profile_id as profile_id_a,
        right_side.profile_id as profile_id_b,
        '{{ rule_name }}' as blocking_rule
    from {{ rule_name }}_blocked as left_side
    inner join {{ rule_name }}_blocked as right_side
        on
            {% for key in keys -%}
                left_side.{{ key }} = right_side.{{ key }}
                and {% endfor -%}
            left_side.profile_id < right_side.profile_id
    where
        left_side.block_profiles
        <= {{ var('linkage_max_block_profiles') }}
),

{% endfor %}
shared_profiles as (
    select
        profile_id as profile_id_a,
        profile_id as profile_id_b,
        'same_profile' as blocking_rule
    from profiles
    where records_sharing > 1
),

pairs_unioned as (
    {% for rule_name in var('linkage_blocking_rules') -%}
        select * from {{ rule_name }}_pairs
        union all
    {% endfor -%}
    select * from shared_profiles
),

{# Which rules found each pair, as one flag per rule: a plain aggregate,
    where an ordered string aggregate sorted every pair's rules (a third of
    the model's time at 1,000,000 persons). #}
pairs_flagged as (
    select
        profile_id_a,
        profile_id_b,
        {% for rule_name in rule_names -%}
            max(
                case when blocking_rule = '{{ rule_name }}' then 1 else 0 end
            ) as is_found_by_{{ rule_name }}{% if not loop.last %},{% endif %}
        {% endfor %}
    from pairs_unioned
    group by profile_id_a, profile_id_b
),

{# The rules' names in alphabetical order, separated by ", ". #}
pairs_deduplicated as (
    select
        profile_id_a,
        profile_id_b,
        substr(
            {% for rule_name in rule_names -%}
                case
                    when is_found_by_{{ rule_name }} = 1
                        then ', {{ rule_name }}'
                    else ''
                end{% if not loop.last %} ||{% endif %}
            {% endfor %},
            3
        ) as blocking_rules
    from pairs_flagged
)

select * from pairs_deduplicated
