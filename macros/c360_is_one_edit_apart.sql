{#- True when two strings are at most one single-character edit apart
    (insert, delete, substitute, or a swap of neighbours where the engine
    supports it); null when either is null. -#}
{% macro c360_is_one_edit_apart(left, right) -%}
    {{ return(adapter.dispatch('c360_is_one_edit_apart', 'c360')(left, right)) }}
{%- endmacro %}

{% macro default__c360_is_one_edit_apart(left, right) -%}
    (case when {{ left }} = {{ right }} then 0 else 99 end) <= 1
{%- endmacro %}

{#- Damerau-Levenshtein is about ten times slower than Levenshtein in
    DuckDB, so it only decides the pairs Levenshtein cannot: one edit
    (Levenshtein <= 1) is one edit either way, and a swap of neighbours
    (Damerau 1) is two Levenshtein edits, so Levenshtein >= 3 rules it
    out. -#}
{% macro duckdb__c360_is_one_edit_apart(left, right) -%}
    (
        case
            when levenshtein({{ left }}, {{ right }}) <= 1 then true
            when levenshtein({{ left }}, {{ right }}) >= 3 then false
            else damerau_levenshtein({{ left }}, {{ right }}) <= 1
        end
    )
{%- endmacro %}

{% macro postgres__c360_is_one_edit_apart(left, right) -%}
    {#- needs the fuzzystrmatch extension -#}
    levenshtein({{ left }}, {{ right }}) <= 1
{%- endmacro %}

{#- Spark has Levenshtein but not Damerau-Levenshtein: two strings of the
    same length and two Levenshtein edits apart are one swap apart when
    swapping some pair of neighbours in the left one gives the right one. -#}
{% macro spark__c360_is_one_edit_apart(left, right) -%}
    transform(array(named_struct('a', {{ left }}, 'b', {{ right }})), p ->
        case
            when p.a is null or p.b is null then cast(null as boolean)
            when levenshtein(p.a, p.b) <= 1 then true
            when levenshtein(p.a, p.b) >= 3 or length(p.a) <> length(p.b)
                then false
            else exists(
                sequence(1, greatest(length(p.a) - 1, 1)),
                i -> concat(
                    substr(p.a, 1, i - 1), substr(p.a, i + 1, 1),
                    substr(p.a, i, 1), substr(p.a, i + 2)
                ) = p.b
            )
        end
    )[0]
{%- endmacro %}
