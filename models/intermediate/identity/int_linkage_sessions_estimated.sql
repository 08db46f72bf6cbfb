{# Expectation maximisation of the Fellegi-Sunter m probabilities, one
    session per blocking rule of var `linkage_blocking_rules` (as Splink
    trains): a session sees the candidate pairs its rule found, leaves out
    the comparisons the rule blocks on (those agree by construction), holds
    u fixed at its share among random pairs
    (int_linkage_random_pairs_compared; for a comparison the rule only
    narrows, such as the birth date under a birth-year key, among random
    pairs that share that key: `is_conditioned`), and estimates m of every other
    comparison level and the share of matches among the rule's pairs, for
    var `linkage_em_iterations` rounds. Pairs are first reduced to their
    distinct comparison patterns, so every round is a few small
    aggregations whatever the data's size. One row per (blocking_rule,
    comparison_name, comparison_level) of the comparisons a session
    estimates. The rounds are stages of macros/c360_staged_ctes.sql: one
    query on DuckDB, written round by round to work tables on Spark. #}
{{ config(post_hook="{{ drop_work_tables() }}") }}
{%- set comparisons = linkage_comparisons() -%}
{%- set iterations = var('linkage_em_iterations') -%}
{%- set gamma_columns = [] -%}
{%- for comparison in comparisons -%}
    {%- do gamma_columns.append('gamma_' ~ comparison.name) -%}
{%- endfor %}
{%- set stages = [] -%}

{%- set stage_sql -%}
    select * from {{ ref('int_linkage_pairs_compared') }}
{%- endset -%}
{%- do stages.append(
    {'name': 'pairs', 'sql': stage_sql, 'materialize': false}
) -%}

{%- set stage_sql -%}
    select * from {{ ref('int_linkage_random_pairs_compared') }}
{%- endset -%}
{%- do stages.append(
    {'name': 'random_pairs', 'sql': stage_sql, 'materialize': false}
) -%}

{%- set stage_sql -%}
    {% for comparison in comparisons -%}
        {%- set outer = loop -%}
        {%- for label in comparison.labels -%}
            select
                '{{ comparison.name }}' as comparison_name,
                {{ loop.index0 }} as comparison_level,
                '{{ label }}' as level_label,
                {{ comparison.labels | length }} as levels_total
            {% if not (outer.last and loop.last) %}union all{% endif %}
        {% endfor -%}
    {%- endfor %}
{%- endset -%}
{%- do stages.append(
    {'name': 'levels', 'sql': stage_sql, 'materialize': false}
) -%}

{%- set stage_sql -%}
    {% for rule_name in var('linkage_blocking_rules') -%}
        {%- set excluded = linkage_rule_excluded_comparisons(rule_name) %}
        select
            '{{ rule_name }}' as blocking_rule,
            {% for comparison in comparisons -%}
                {% if comparison.name in excluded -%}
                    cast(null as {{ dbt.type_int() }})
                {%- else -%}
                    gamma_{{ comparison.name }}
                {%- endif %} as gamma_{{ comparison.name }}
                {%- if not loop.last %},{% endif %}
            {% endfor %}
        from pairs
        where
            ', ' || blocking_rules || ', ' like '%, {{ rule_name }}, %'
        {% if not loop.last %}union all{% endif %}
    {%- endfor %}
{%- endset -%}
{%- do stages.append(
    {'name': 'pairs_by_rule', 'sql': stage_sql, 'materialize': false}
) -%}

{%- set stage_sql -%}
    select
        blocking_rule,
        {{ dbt_utils.generate_surrogate_key(
            ['blocking_rule'] + gamma_columns
        ) }} as pattern_id,
        {% for comparison in comparisons -%}
            gamma_{{ comparison.name }},
        {% endfor -%}
        count(*) as pairs_in_pattern
    from pairs_by_rule
    group by
        blocking_rule,
        {% for comparison in comparisons -%}
            gamma_{{ comparison.name }}{% if not loop.last %},{% endif %}
        {% endfor %}
{%- endset -%}
{%- do stages.append(
    {'name': 'patterns', 'sql': stage_sql, 'materialize': true}
) -%}

{%- set stage_sql -%}
    {% for comparison in comparisons -%}
        select
            blocking_rule,
            pattern_id,
            '{{ comparison.name }}' as comparison_name,
            gamma_{{ comparison.name }} as comparison_level,
            pairs_in_pattern
        from patterns
        where gamma_{{ comparison.name }} is not null
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
{%- endset -%}
{%- do stages.append(
    {'name': 'pattern_levels', 'sql': stage_sql, 'materialize': true}
) -%}

{# Levels among random pairs: over all of them (blocking_rule null) and,
    for a comparison a rule narrows, over those that share the rule's
    keys that narrow it. #}
{%- set stage_sql -%}
    {% for comparison in comparisons -%}
        select
            cast(null as {{ dbt.type_string() }}) as blocking_rule,
            '{{ comparison.name }}' as comparison_name,
            gamma_{{ comparison.name }} as comparison_level,
            count(*) as pairs_at_level
        from random_pairs
        where gamma_{{ comparison.name }} is not null
        group by gamma_{{ comparison.name }}
        union all
    {% endfor -%}
    {% for rule_name in var('linkage_blocking_rules') -%}
        {%- set narrowed = linkage_rule_conditioned_comparisons(rule_name) -%}
        {%- for comparison_name, keys in narrowed.items() %}
        select
            '{{ rule_name }}' as blocking_rule,
            '{{ comparison_name }}' as comparison_name,
            gamma_{{ comparison_name }} as comparison_level,
            count(*) as pairs_at_level
        from random_pairs
        where
            gamma_{{ comparison_name }} is not null
            {% for key in keys -%}
                and is_same_{{ key }}
            {% endfor %}
        group by gamma_{{ comparison_name }}
        union all
        {%- endfor %}
    {%- endfor %}
    select
        cast(null as {{ dbt.type_string() }}) as blocking_rule,
        cast(null as {{ dbt.type_string() }}) as comparison_name,
        cast(null as {{ dbt.type_int() }}) as comparison_level,
        cast(null as {{ dbt.type_bigint() }}) as pairs_at_level
    where false
{%- endset -%}
{%- do stages.append(
    {'name': 'random_levels_counted', 'sql': stage_sql, 'materialize': true}
) -%}


{# u with one pseudo-count per level, so a level no random pair reached
    (two people sharing a national id) gets a small u, not zero. #}

{%- set stage_sql -%}
    {% for rule_name in var('linkage_blocking_rules') -%}
        {%- set excluded = linkage_rule_excluded_comparisons(rule_name) -%}
        {%- for comparison in comparisons if comparison.name not in excluded %}
        select
            '{{ rule_name }}' as blocking_rule,
            '{{ comparison.name }}' as comparison_name
        union all
        {%- endfor %}
    {%- endfor %}
    select
        cast(null as {{ dbt.type_string() }}) as blocking_rule,
        cast(null as {{ dbt.type_string() }}) as comparison_name
    where false
{%- endset -%}
{%- do stages.append(
    {'name': 'sessions', 'sql': stage_sql, 'materialize': false}
) -%}

{%- set stage_sql -%}
    select
        sessions.blocking_rule,
        levels.comparison_name,
        levels.comparison_level,
        levels.level_label,
        levels.levels_total,
        cast(coalesce(random_levels_counted.pairs_at_level, 0) + 1 as double)
        / (
            sum(coalesce(random_levels_counted.pairs_at_level, 0)) over (
                partition by sessions.blocking_rule, levels.comparison_name
            )
            + levels.levels_total
        ) as u_probability,
        power(2.0, levels.comparison_level)
        / sum(power(2.0, levels.comparison_level)) over (
            partition by sessions.blocking_rule, levels.comparison_name
        ) as m_probability
    from sessions
    inner join levels
        on sessions.comparison_name = levels.comparison_name
    left join random_levels_counted
        on
            levels.comparison_name = random_levels_counted.comparison_name
            and levels.comparison_level
            = random_levels_counted.comparison_level
            and coalesce(random_levels_counted.blocking_rule, '')
            = case
                when {{ linkage_is_conditioned(
                    'sessions.blocking_rule', 'sessions.comparison_name'
                ) | indent(16) }}
                    then sessions.blocking_rule
                else ''
            end
{%- endset -%}
{%- do stages.append(
    {'name': 'parameters_0', 'sql': stage_sql, 'materialize': true}
) -%}

{%- set stage_sql -%}
    select distinct
        blocking_rule,
        0.1 as match_share
    from sessions
{%- endset -%}
{%- do stages.append(
    {'name': 'match_share_0', 'sql': stage_sql, 'materialize': true}
) -%}

{%- for i in range(iterations) %}

{%- set stage_sql -%}
    select
        pattern_levels.blocking_rule,
        pattern_levels.pattern_id,
        max(pattern_levels.pairs_in_pattern) as pairs_in_pattern,
        sum(ln(parameters_{{ i }}.m_probability)) as log_m,
        sum(ln(parameters_{{ i }}.u_probability)) as log_u
    from pattern_levels
    inner join parameters_{{ i }}
        on
            pattern_levels.blocking_rule = parameters_{{ i }}.blocking_rule
            and pattern_levels.comparison_name
            = parameters_{{ i }}.comparison_name
            and pattern_levels.comparison_level
            = parameters_{{ i }}.comparison_level
    group by pattern_levels.blocking_rule, pattern_levels.pattern_id
{%- endset -%}
{%- do stages.append(
    {'name': 'likelihoods_' ~ i, 'sql': stage_sql, 'materialize': false}
) -%}

{%- set stage_sql -%}
    select
        likelihoods_{{ i }}.blocking_rule,
        likelihoods_{{ i }}.pattern_id,
        likelihoods_{{ i }}.pairs_in_pattern,
        1.0 / (
            1.0 + exp(
                least(
                    ln(1.0 - match_share_{{ i }}.match_share)
                    - ln(match_share_{{ i }}.match_share)
                    + likelihoods_{{ i }}.log_u
                    - likelihoods_{{ i }}.log_m,
                    700.0
                )
            )
        ) as match_probability
    from likelihoods_{{ i }}
    inner join match_share_{{ i }}
        on likelihoods_{{ i }}.blocking_rule = match_share_{{ i }}.blocking_rule
{%- endset -%}
{%- do stages.append(
    {'name': 'posteriors_' ~ i, 'sql': stage_sql, 'materialize': false}
) -%}

{%- set stage_sql -%}
    select
        blocking_rule,
        least(greatest(
            sum(pairs_in_pattern * match_probability) / sum(pairs_in_pattern),
            0.000001
        ), 0.999999) as match_share
    from posteriors_{{ i }}
    group by blocking_rule
{%- endset -%}
{%- do stages.append(
    {'name': 'match_share_' ~ (i + 1), 'sql': stage_sql, 'materialize': true}
) -%}

{%- set stage_sql -%}
    select
        pattern_levels.blocking_rule,
        pattern_levels.comparison_name,
        pattern_levels.comparison_level,
        sum(
            pattern_levels.pairs_in_pattern
            * posteriors_{{ i }}.match_probability
        ) as expected_matches
    from pattern_levels
    inner join posteriors_{{ i }}
        on pattern_levels.pattern_id = posteriors_{{ i }}.pattern_id
    group by
        pattern_levels.blocking_rule,
        pattern_levels.comparison_name,
        pattern_levels.comparison_level
{%- endset -%}
{%- do stages.append(
    {'name': 'matches_expected_' ~ i, 'sql': stage_sql, 'materialize': false}
) -%}

{%- set stage_sql -%}
    select
        parameters_{{ i }}.blocking_rule,
        parameters_{{ i }}.comparison_name,
        parameters_{{ i }}.comparison_level,
        parameters_{{ i }}.level_label,
        parameters_{{ i }}.levels_total,
        parameters_{{ i }}.u_probability,
        greatest(
            (coalesce(matches_expected_{{ i }}.expected_matches, 0) + 0.01)
            / (
                sum(
                    coalesce(matches_expected_{{ i }}.expected_matches, 0)
                ) over (
                    partition by
                        parameters_{{ i }}.blocking_rule,
                        parameters_{{ i }}.comparison_name
                )
                + 0.01 * parameters_{{ i }}.levels_total
            ),
            0.000001
        ) as m_probability,
        parameters_{{ i }}.m_probability as previous_m_probability
    from parameters_{{ i }}
    left join matches_expected_{{ i }}
        on
            parameters_{{ i }}.blocking_rule
            = matches_expected_{{ i }}.blocking_rule
            and parameters_{{ i }}.comparison_name
            = matches_expected_{{ i }}.comparison_name
            and parameters_{{ i }}.comparison_level
            = matches_expected_{{ i }}.comparison_level
{%- endset -%}
{%- do stages.append(
    {'name': 'parameters_' ~ (i + 1), 'sql': stage_sql, 'materialize': true}
) -%}

{%- endfor %}

{{ c360_staged_ctes(stages) }}

rule_totals as (
    select
        blocking_rule,
        sum(pairs_in_pattern) as rule_pairs
    from patterns
    group by blocking_rule
),

sessions_estimated as (
    select
        parameters_{{ iterations }}.blocking_rule,
        parameters_{{ iterations }}.comparison_name,
        parameters_{{ iterations }}.comparison_level,
        parameters_{{ iterations }}.level_label,
        parameters_{{ iterations }}.m_probability,
        parameters_{{ iterations }}.u_probability,
        match_share_{{ iterations }}.match_share as rule_match_share,
        match_share_{{ iterations }}.match_share * rule_totals.rule_pairs
            as rule_matches_expected,
        abs(
            parameters_{{ iterations }}.m_probability
            - parameters_{{ iterations }}.previous_m_probability
        ) as last_m_change,
        {{ iterations }} as em_iterations,
        {{ linkage_is_conditioned(
            'parameters_' ~ iterations ~ '.blocking_rule',
            'parameters_' ~ iterations ~ '.comparison_name',
        ) | indent(8) }} as is_conditioned
    from parameters_{{ iterations }}
    inner join match_share_{{ iterations }}
        on
            parameters_{{ iterations }}.blocking_rule
            = match_share_{{ iterations }}.blocking_rule
    inner join rule_totals
        on parameters_{{ iterations }}.blocking_rule = rule_totals.blocking_rule
)

select * from sessions_estimated
