{#- Similarity of two short strings in [0, 1] (Jaro-Winkler where the engine
    has it): 1 for equal strings, near 1 for a typo, low for other words. -#}
{% macro c360_string_similarity(left, right) -%}
    {{ return(adapter.dispatch('c360_string_similarity', 'c360')(left, right)) }}
{%- endmacro %}

{% macro default__c360_string_similarity(left, right) -%}
    case when {{ left }} = {{ right }} then 1.0 else 0.0 end
{%- endmacro %}

{% macro duckdb__c360_string_similarity(left, right) -%}
    jaro_winkler_similarity({{ left }}, {{ right }})
{%- endmacro %}

{% macro postgres__c360_string_similarity(left, right) -%}
    {#- needs the fuzzystrmatch extension -#}
    1.0 - levenshtein({{ left }}, {{ right }})::numeric
        / greatest(length({{ left }}), length({{ right }}), 1)
{%- endmacro %}

{#- Jaro-Winkler as DuckDB computes it (prefix weight 0.1 over at most four
    letters, applied above a Jaro similarity of 0.7), in Spark's array
    functions: the inputs are bound once (`p`), letters of the left string
    are matched in order to the first unmatched equal letter of the right
    one within the window (`aggregate`), then transpositions and the common
    prefix are counted. Characters are letters (Spark) where DuckDB counts
    bytes, so the two agree on the ASCII names and streets this project
    compares (normalize_name, normalize_street). -#}
{% macro spark__c360_string_similarity(left, right) -%}
    transform(array(named_struct('a', {{ left }}, 'b', {{ right }})), p ->
        case
            when p.a is null or p.b is null then cast(null as double)
            when length(p.a) = 0 or length(p.b) = 0 then cast(0.0 as double)
            when p.a = p.b then cast(1.0 as double)
            else transform(array(aggregate(
                sequence(1, length(p.a)),
                named_struct(
                    'used', array_repeat(false, length(p.b)),
                    'matched', cast(array() as array<string>)
                ),
                (acc, i) -> transform(array(array_min(filter(
                    sequence(1, length(p.b)),
                    k -> abs(k - i) <= greatest(
                            floor(greatest(length(p.a), length(p.b)) / 2) - 1, 0)
                        and not acc.used[k - 1]
                        and substr(p.b, k, 1) = substr(p.a, i, 1)
                ))), j -> named_struct(
                    'used', if(j is null, acc.used,
                        transform(acc.used, (u, k) -> u or k + 1 = j)),
                    'matched', if(j is null, acc.matched,
                        concat(acc.matched, array(substr(p.a, i, 1))))
                ))[0]
            )), s -> transform(array(named_struct(
                'm', size(s.matched),
                'right_matched', filter(
                    transform(sequence(1, length(p.b)),
                        k -> if(s.used[k - 1], substr(p.b, k, 1), null)),
                    x -> x is not null)
            )), c -> case when c.m = 0 then cast(0.0 as double) else
                transform(array(
                    (c.m / length(p.a) + c.m / length(p.b)
                        + (c.m - floor(size(filter(sequence(1, c.m),
                            k -> s.matched[k - 1] != c.right_matched[k - 1])) / 2))
                        / c.m) / 3.0
                ), jaro -> if(jaro > 0.7,
                    jaro + size(filter(sequence(1, least(4, length(p.a), length(p.b))),
                        k -> substr(p.a, 1, k) = substr(p.b, 1, k))) * 0.1 * (1.0 - jaro),
                    jaro))[0]
            end)[0])[0]
        end
    )[0]
{%- endmacro %}
