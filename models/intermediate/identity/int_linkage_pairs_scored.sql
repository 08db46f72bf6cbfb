{# Every candidate pair of linkage profiles with its evidence, field by
    field. For each blocking rule that found the pair, a score: the prior
    (log2 of the match odds among that rule's pairs,
    int_linkage_sessions_estimated) plus, per comparison,
    - one the rule does not block on: the weight of the level the pair
      reached (log2 m/u from int_linkage_parameters_estimated; for an exact
      agreement on a term-frequency field, log2 of m over how common that
      very value is);
    - one a key of the rule fixes (pairs of the rule agree on it by
      construction, so the prior holds it): only how much rarer or more
      common the pair's value is than an average agreement (log2 of u over
      the value's frequency), so a rare surname in a surname block still
      counts for more than "Mueller";
    - one a key of the rule only narrows (the birth date under a birth-year
      key): the rule's own weight for the level, estimated among pairs
      that share the key, plus the same term-frequency term;
    and 0 for a side without a value or a level no session estimated
    (no evidence either way). `match_weight` is the highest score
    over the pair's rules (`deciding_blocking_rule`); `prior_weight` and
    `weight_<comparison>` are that rule's prior and terms, so they add up
    to `match_weight`, and `match_probability` is its probability. A
    profile paired with itself takes the lowest prior and every weight.
    `linkage_verdict`: `link` from var `linkage_link_min_probability`,
    `review` from var `linkage_review_min_probability`, else `no_link`.
    One row per pair. #}
{%- set comparisons = linkage_comparisons() %}
{%- set rules = var('linkage_blocking_rules') | list %}
{%- set levels_of = {} %}
{%- set tf_of = {} %}
{%- for comparison in comparisons %}
    {%- do levels_of.update({comparison.name: comparison.labels | length}) %}
    {%- do tf_of.update({comparison.name: comparison.tf_column}) %}
{%- endfor %}
{#- contribution[rule][comparison]: the SQL of that comparison's term in
    that rule's score, for the comparisons the rule fixes or narrows (the
    others add their plain weight). #}
{%- set contribution = {} %}
{%- for rule_name in rules %}
    {%- set terms = {} %}
    {%- for name in linkage_rule_excluded_comparisons(rule_name) %}
        {%- do terms.update({name: (
            'tf_adjustment_' ~ name if tf_of[name] else '0.0'
        )}) %}
    {%- endfor %}
    {%- for name in linkage_rule_conditioned_comparisons(rule_name) %}
        {%- set cases = [] %}
        {%- for level in range(levels_of[name]) %}
            {%- do cases.append(
                'when ' ~ level ~ ' then w_' ~ rule_name ~ '__' ~ name
                ~ '__' ~ level
            ) %}
        {%- endfor %}
        {%- set term = 'coalesce(case gamma_' ~ name ~ ' ' ~ cases | join(' ')
            ~ ' end, 0.0)' %}
        {%- if tf_of[name] %}
            {%- set term = term ~ ' + tf_adjustment_' ~ name %}
        {%- endif %}
        {%- do terms.update({name: term}) %}
    {%- endfor %}
    {%- do contribution.update({rule_name: terms}) %}
{%- endfor %}
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

{# The rules' own weights of the levels of the comparisons they narrow,
    as one row: w_<rule>__<comparison>__<level>. #}
conditioned_weights as (
    select
        {% for rule_name in rules -%}
            {%- for name in linkage_rule_conditioned_comparisons(rule_name) -%}
                {%- for level in range(levels_of[name]) %}
        max(
            case
                when
                    blocking_rule = '{{ rule_name }}'
                    and comparison_name = '{{ name }}'
                    and comparison_level = {{ level }}
                    then ln(greatest(m_probability, 0.000001) / u_probability)
                    / ln(2.0)
            end
        ) as w_{{ rule_name }}__{{ name }}__{{ level }},
                {%- endfor %}
            {%- endfor %}
        {%- endfor %}
        count(*) as session_rows
    from sessions
    where is_conditioned
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
                {%- set exact = comparison.labels | length - 1 -%}
                case
                    when pairs.gamma_{{ comparison.name }} is null then 0.0
                    when pairs.gamma_{{ comparison.name }} = {{ exact }}
                        and {{ tf }}.term_frequency is not null
                        and {{ p }}.m_probability is not null
                        then ln(
                            {{ p }}.m_probability
                            / greatest({{ tf }}.term_frequency, 0.000001)
                        ) / ln(2.0)
                    else coalesce({{ p }}.match_weight, 0.0)
                end as weight_{{ comparison.name }},
                case
                    when pairs.gamma_{{ comparison.name }} = {{ exact }}
                        and {{ tf }}.term_frequency is not null
                        and {{ p }}.u_probability is not null
                        then ln(
                            {{ p }}.u_probability
                            / greatest({{ tf }}.term_frequency, 0.000001)
                        ) / ln(2.0)
                    else 0.0
                end as tf_adjustment_{{ comparison.name }},
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

{# One score per blocking rule that found the pair (see above). #}
pairs_scored_by_rule as (
    select
        pairs_weighed.*,
        conditioned_weights.*,
        {% for rule_name in rules -%}
        priors_{{ rule_name }}.prior_weight as prior_{{ rule_name }},
        case
            when pairs_weighed.rules_delimited like '%, {{ rule_name }}, %'
                then priors_{{ rule_name }}.prior_weight
                {%- for comparison in comparisons %}
                + {{ contribution[rule_name].get(
                    comparison.name, 'weight_' ~ comparison.name
                ) }}
                {%- endfor %}
        end as score_{{ rule_name }},
        {% endfor -%}
        lowest_prior.prior_weight as prior_same_profile,
        case
            when pairs_weighed.profile_id_a = pairs_weighed.profile_id_b
                then lowest_prior.prior_weight
                {%- for comparison in comparisons %}
                + pairs_weighed.weight_{{ comparison.name }}
                {%- endfor %}
        end as score_same_profile
    from pairs_weighed
    cross join lowest_prior
    cross join conditioned_weights
    {% for rule_name in rules -%}
    left join priors as priors_{{ rule_name }}
        on priors_{{ rule_name }}.blocking_rule = '{{ rule_name }}'
    {% endfor %}
),

{%- set scores = ['score_same_profile'] -%}
{%- for rule_name in rules -%}
    {%- do scores.append('score_' ~ rule_name) -%}
{%- endfor %}

pairs_scored as (
    select
        *,
        greatest({{ scores | join(', ') }}) as match_weight
    from pairs_scored_by_rule
),

pairs_decided as (
    select
        *,
        case
            {% for score in scores -%}
            when {{ score }} = match_weight
                then '{{ score | replace('score_', '') }}'
            {% endfor -%}
        end as deciding_blocking_rule,
        1.0 / (1.0 + power(2.0, -least(greatest(match_weight, -60), 60)))
            as match_probability
    from pairs_scored
),

pairs_judged as (
    select
        profile_id_a,
        profile_id_b,
        blocking_rules,
        deciding_blocking_rule,
        is_name_order_swapped,
        case deciding_blocking_rule
            {% for score in scores -%}
            {%- set rule_name = score | replace('score_', '') %}
            when '{{ rule_name }}' then prior_{{ rule_name }}
            {%- endfor %}
        end as prior_weight,
        {% for comparison in comparisons -%}
            gamma_{{ comparison.name }},
            {%- set special = [] %}
            {%- for rule_name in rules
                if comparison.name in contribution[rule_name] %}
                {%- do special.append(rule_name) %}
            {%- endfor %}
            {%- if special %}
            case deciding_blocking_rule
                {%- for rule_name in special %}
                when '{{ rule_name }}'
                    then {{ contribution[rule_name][comparison.name] }}
                {%- endfor %}
                else weight_{{ comparison.name }}
            end as weight_{{ comparison.name }},
            {%- else %}
            weight_{{ comparison.name }},
            {%- endif %}
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
    from pairs_decided
)

select * from pairs_judged
