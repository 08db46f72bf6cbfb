{#- True when two strings are at least `threshold` similar by
    c360_string_similarity (null when either is null). The comparison
    rules test a similarity against a threshold; written through this
    macro, an engine whose similarity is costly can first rule out the
    pairs that cannot reach it. -#}
{% macro c360_strings_similar(left, right, threshold) -%}
    {{ return(adapter.dispatch('c360_strings_similar', 'c360')(
        left, right, threshold
    )) }}
{%- endmacro %}

{% macro default__c360_strings_similar(left, right, threshold) -%}
    ({{ c360_string_similarity(left, right) }} >= {{ threshold }})
{%- endmacro %}

{#- Spark runs its Jaro-Winkler (array functions, interpreted) at tens of
    microseconds a pair. Most pairs of different names share too few
    letters to reach any threshold, and a cheap upper bound
    (spark_similarity_bound) shows it. A pair whose bound is below the
    threshold (with 1e-9 to spare for rounding) is not similar; the others
    get the full similarity. Same answer as the similarity alone, null for
    a null side. -#}
{% macro spark__c360_strings_similar(left, right, threshold) -%}
    (case
        when length({{ left }}) > 0 and length({{ right }}) > 0
            and {{ spark_similarity_bound(left, right) }} < {{ threshold }} - 1e-9
            then false
        else {{ c360_string_similarity(left, right) }} >= {{ threshold }}
    end)
{%- endmacro %}

{#- An upper bound on Jaro-Winkler in Spark's native string functions:
    Jaro's matched letters m are at most the letters the two strings share
    counted with repeats (c, from `replace`), and its transposition term is
    at most 1, so Jaro <= (c/|a| + c/|b| + 1) / 3; Jaro-Winkler grows with
    Jaro for the pair's own common prefix (up to four letters), so the same
    formula on that bound bounds it. For two non-empty strings. -#}
{% macro spark_similarity_bound(left, right) -%}
    transform(array(aggregate(
        array_distinct(transform(sequence(1, length({{ left }})),
            k -> substr({{ left }}, k, 1))),
        0,
        (shared, letter) -> shared + least(
            length({{ left }})
                - length(replace({{ left }}, letter, '')),
            length({{ right }})
                - length(replace({{ right }}, letter, ''))
        )
    )), shared -> transform(array(
        case when shared = 0 then cast(0.0 as double) else
            (shared / length({{ left }}) + shared / length({{ right }})
                + 1.0) / 3.0
        end
    ), jaro -> if(jaro > 0.7,
        jaro + (
            {%- for k in range(1, 5) %}
            if(least(length({{ left }}), length({{ right }})) >= {{ k }}
                and substr({{ left }}, 1, {{ k }})
                = substr({{ right }}, 1, {{ k }}), 1, 0)
            {%- if not loop.last %} +{% endif %}
            {%- endfor %}
        ) * 0.1 * (1.0 - jaro),
        jaro))[0])[0]
{%- endmacro %}
