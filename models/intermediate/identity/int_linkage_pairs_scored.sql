{# Every candidate pair of linkage profiles with its evidence, field by
    field: `weight_<comparison>` is the partial match weight of the level
    the pair reached (log2 m/u from int_linkage_parameters_estimated; for
    an exact agreement on a term-frequency field, log2 of m over how common
    that very value is; 0 when a side is missing). For each blocking rule
    that found the pair, the prior is log2 of the match odds among that
    rule's pairs (int_linkage_sessions_estimated) and the weights of the
    comparisons the rule blocks on are left out (they agree by
    construction); `match_weight` is the highest such sum over the pair's
    rules (`deciding_blocking_rule`), and `match_probability` its
    probability. A profile paired with itself takes the lowest prior and
    every weight. `linkage_verdict`: `link` from var
    `linkage_link_min_probability`, `review` from var
    `linkage_review_min_probability`, else `no_link`. One row per pair. #}
{%- set comparisons = linkage_comparisons() %}
with

pairs as (
    select * from {{ ref('int_linkage_pairs_compared') }}
),

parameters as (
    select * from {{ ref('int_linkage_parameters_estimated') }}
),

term_frequencies as (
    select * from {{ ref('int_linkage_term_frequencies_counted') }}
),

sessions as (
    select * from {{ ref('int_linkage_sessions_estimated') }}
),

priors as (
    select
        blocking_rule,
        ln(max(rule_match_share) / (1.0 - max(rule_match_share))) / ln(2.0)
            as prior_weight
    from sessions
    group by blocking_rule
),

lowest_prior as (
    select min(prior_weight) as prior_weight
    from priors
),

pairs_weighed as (
    select
        pairs.profile_id_a,
        pairs.profile_id_b,
        pairs.blocking_rules,
        pairs.is_name_order_swapped,
        {% for comparison in comparisons -%}
            {%- set p = 'parameters_' ~ comparison.name -%}
            pairs.gamma_{{ comparison.name }},
            {% if comparison.tf_column -%}
                {%- set tf = 'frequencies_' ~ comparison.name -%}
                case
                    when pairs.gamma_{{ comparison.name }} is null then 0.0
                    when pairs.gamma_{{ comparison.name }}
                        = {{ comparison.labels | length - 1 }}
                        and {{ tf }}.term_frequency is not null
                        then ln(
                            {{ p }}.m_probability
                            / greatest({{ tf }}.term_frequency, 0.000001)
                        ) / ln(2.0)
                    else {{ p }}.match_weight
                end as weight_{{ comparison.name }},
            {%- else -%}
                coalesce({{ p }}.match_weight, 0.0)
                as weight_{{ comparison.name }},
            {%- endif %}
        {% endfor -%}
        ', ' || pairs.blocking_rules || ', ' as rules_delimited
    from pairs
    {% for comparison in comparisons -%}
        {%- set p = 'parameters_' ~ comparison.name %}
    left join parameters as {{ p }}
        on
            {{ p }}.comparison_name = '{{ comparison.name }}'
            and pairs.gamma_{{ comparison.name }} = {{ p }}.comparison_level
        {%- if comparison.tf_column -%}
            {%- set tf = 'frequencies_' ~ comparison.name %}
    left join term_frequencies as {{ tf }}
        on
            {{ tf }}.column_name = '{{ comparison.tf_column }}'
            and pairs.a_{{ comparison.tf_column }} = {{ tf }}.column_value
        {%- endif %}
    {%- endfor %}
),

{# One score per blocking rule that found the pair: the rule's prior plus
    the weights of the comparisons it does not block on. #}
pairs_scored_by_rule as (
    select
        pairs_weighed.*,
        {% for rule_name in var('linkage_blocking_rules') -%}
            {%- set excluded = linkage_rule_excluded_comparisons(rule_name) %}
        case
            when pairs_weighed.rules_delimited like '%, {{ rule_name }}, %'
                then priors_{{ rule_name }}.prior_weight
                {%- for comparison in comparisons
                    if comparison.name not in excluded %}
                + pairs_weighed.weight_{{ comparison.name }}
                {%- endfor %}
        end as score_{{ rule_name }},
        {% endfor -%}
        case
            when pairs_weighed.profile_id_a = pairs_weighed.profile_id_b
                then lowest_prior.prior_weight
                {%- for comparison in comparisons %}
                + pairs_weighed.weight_{{ comparison.name }}
                {%- endfor %}
        end as score_same_profile
    from pairs_weighed
    cross join lowest_prior
    {% for rule_name in var('linkage_blocking_rules') -%}
    left join priors as priors_{{ rule_name }}
        on priors_{{ rule_name }}.blocking_rule = '{{ rule_name }}'
    {% endfor %}
),

pairs_scored as (
    {%- set scores = ['score_same_profile'] -%}
    {%- for rule_name in var('linkage_blocking_rules') -%}
        {%- do scores.append('score_' ~ rule_name) -%}
    {%- endfor %}
    select
        *,
        greatest({{ scores | join(', ') }}) as match_weight
    from pairs_scored_by_rule
),

pairs_probable as (
    select
        *,
        1.0 / (1.0 + power(2.0, -least(greatest(match_weight, -60), 60)))
            as match_probability
    from pairs_scored
),

pairs_judged as (
    select
        profile_id_a,
        profile_id_b,
        blocking_rules,
        case
            {% for score in scores -%}
            when {{ score }} = match_weight
                then '{{ score | replace('score_', '') }}'
            {% endfor -%}
        end as deciding_blocking_rule,
        is_name_order_swapped,
        {% for comparison in comparisons -%}
            gamma_{{ comparison.name }},
            weight_{{ comparison.name }},
        {% endfor -%}
        match_weight,
        match_probability,
        case
            when match_probability
                >= {{ var('linkage_link_min_probability') }} then 'link'
            when match_probability
                >= {{ var('linkage_review_min_probability') }} then 'review'
            else 'no_link'
        end as linkage_verdict
    from pairs_probable
)

select * from pairs_judged
