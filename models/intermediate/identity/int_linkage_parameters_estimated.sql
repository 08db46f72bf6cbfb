{# The Fellegi-Sunter parameters of every comparison level, estimated from
    this build's data without labels: u is the level's share among random
    pairs (with one pseudo-count per level), m the average of the EM
    sessions that estimate it (int_linkage_sessions_estimated), each
    weighted by the matches it expects (a session's estimate of a
    comparison its rule only narrows is conditional on that rule's keys
    and stays the rule's own, in the scores of int_linkage_pairs_scored).
    `match_weight` = log2(m / u): what
    agreeing at this level adds to the evidence that two records are one
    person. One row per (comparison_name, comparison_level). #}
with

sessions as (
    select * from {{ ref('int_linkage_sessions_estimated') }}
),

parameters_averaged as (
    select
        comparison_name,
        comparison_level,
        max(level_label) as level_label,
        sum(m_probability * rule_matches_expected)
        / nullif(sum(rule_matches_expected), 0) as m_probability,
        max(u_probability) as u_probability,
        count(*) as em_sessions,
        max(last_m_change) as last_m_change
    from sessions
    where not is_conditioned
    group by comparison_name, comparison_level
),

parameters_weighed as (
    select
        comparison_name,
        comparison_level,
        level_label,
        m_probability,
        u_probability,
        em_sessions,
        last_m_change,
        ln(greatest(m_probability, 0.000001) / u_probability) / ln(2.0)
            as match_weight
    from parameters_averaged
)

select * from parameters_weighed
