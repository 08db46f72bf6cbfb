{#- Every macro with engine-specific implementations, on fixed inputs with
    known answers. The build runs this on whichever engine it targets
    (DuckDB in the gate, Spark in the Spark build), so an implementation
    that degrades on one engine fails here. Returns the failing cases. -#}

with

cases as (
    select
        'c360_string_literal' as macro_name,
        'quote and backslash kept' as case_name,
        {{ c360_string_literal("a'b\\c") }}
        = concat('a', chr(39), 'b', chr(92), 'c') as passed
    union all
    select
        'c360_regexp_replace' as macro_name,
        'whitespace class collapses' as case_name,
        {{ c360_regexp_replace(
            "concat('a  b', chr(9), ' c')", '\\s+', ' '
        ) }} = 'a b c' as passed
    union all
    select
        'c360_regexp_replace' as macro_name,
        'word boundary' as case_name,
        {{ c360_regexp_replace(
            "'hauptstrasse 5'", 'strasse\\b', 'str'
        ) }} = 'hauptstr 5' as passed
    union all
    select
        'c360_regexp_matches' as macro_name,
        'escaped plus matches' as case_name,
        {{ c360_regexp_matches(
            "'+4915112345678'", '^\\+[1-9][0-9]{6,14}$'
        ) }} as passed
    union all
    select
        'c360_regexp_matches' as macro_name,
        'escaped plus required' as case_name,
        not {{ c360_regexp_matches(
            "'4915112345678'", '^\\+[1-9][0-9]{6,14}$'
        ) }} as passed
    union all
    select
        'c360_regexp_extract' as macro_name,
        'whole plausible number kept' as case_name,
        {{ c360_regexp_extract(
            "'+4915112345678'", '^\\+[1-9][0-9]{6,14}$'
        ) }} = '+4915112345678' as passed
    union all
    select
        'c360_regexp_extract' as macro_name,
        'no match is null' as case_name,
        {{ c360_regexp_extract(
            "'+0015112345678'", '^\\+[1-9][0-9]{6,14}$'
        ) }} is null as passed
    union all
    select
        'c360_regexp_extract' as macro_name,
        'first match inside the text' as case_name,
        {{ c360_regexp_extract("'ab12cd345'", '[0-9]+') }} = '12' as passed
    union all
    select
        'c360_initcap' as macro_name,
        'after space and hyphen' as case_name,
        {{ c360_initcap("'aNNE-marie van der berg'") }}
        = 'Anne-Marie Van Der Berg' as passed
    union all
    select
        'c360_is_one_edit_apart' as macro_name,
        'swap of neighbours' as case_name,
        {{ c360_is_one_edit_apart("'martha'", "'marhta'") }} as passed
    union all
    select
        'c360_is_one_edit_apart' as macro_name,
        'deletion' as case_name,
        {{ c360_is_one_edit_apart("'martha'", "'marta'") }} as passed
    union all
    select
        'c360_is_one_edit_apart' as macro_name,
        'two edits' as case_name,
        {{ c360_is_one_edit_apart("'martha'", "'mathra'") }} = false as passed
    union all
    select
        'c360_is_one_edit_apart' as macro_name,
        'null stays null' as case_name,
        {{ c360_is_one_edit_apart(
            "cast(null as " ~ dbt.type_string() ~ ")", "'a'"
        ) }} is null as passed
    union all
    select
        'c360_string_similarity' as macro_name,
        'martha marhta' as case_name,
        abs(
            {{ c360_string_similarity("'martha'", "'marhta'") }}
            - 0.961111111111
        ) < 1e-9 as passed
    union all
    select
        'c360_string_similarity' as macro_name,
        'dwayne duane' as case_name,
        abs(
            {{ c360_string_similarity("'dwayne'", "'duane'") }} - 0.84
        ) < 1e-9 as passed
    union all
    select
        'c360_string_similarity' as macro_name,
        'dixon dicksonx' as case_name,
        abs(
            {{ c360_string_similarity("'dixon'", "'dicksonx'") }}
            - 0.813333333333
        ) < 1e-9 as passed
    union all
    select
        'c360_string_similarity' as macro_name,
        'no letter in common' as case_name,
        {{ c360_string_similarity("'abc'", "'xyz'") }} = 0 as passed
    union all
    select
        'c360_string_similarity' as macro_name,
        'equal' as case_name,
        {{ c360_string_similarity("'schmidt'", "'schmidt'") }} = 1 as passed
    union all
    select
        'c360_strings_similar' as macro_name,
        'martha marhta at 0.96' as case_name,
        {{ c360_strings_similar("'martha'", "'marhta'", 0.96) }} as passed
    union all
    select
        'c360_strings_similar' as macro_name,
        'dwayne duane at 0.80, not at 0.85' as case_name,
        {{ c360_strings_similar("'dwayne'", "'duane'", 0.80) }}
        and not {{ c360_strings_similar("'dwayne'", "'duane'", 0.85) }}
            as passed
    union all
    select
        'c360_strings_similar' as macro_name,
        'dixon dicksonx at 0.80, not at 0.92' as case_name,
        {{ c360_strings_similar("'dixon'", "'dicksonx'", 0.80) }}
        and not {{ c360_strings_similar("'dixon'", "'dicksonx'", 0.92) }}
            as passed
    union all
    select
        'c360_strings_similar' as macro_name,
        'no letter in common' as case_name,
        {{ c360_strings_similar("'abc'", "'xyz'", 0.5) }} = false as passed
    union all
    select
        'c360_strings_similar' as macro_name,
        'null stays null' as case_name,
        {{ c360_strings_similar(
            "cast(null as " ~ dbt.type_string() ~ ")", "'a'", 0.5
        ) }} is null as passed
    union all
    select
        'c360_case_by_similarity' as macro_name,
        'dixon dicksonx: the 0.80 branch' as case_name,
        {{ c360_case_by_similarity(
            "'dixon'", "'dicksonx'", [[0.92, "'high'"], [0.80, "'low'"]],
            "'none'"
        ) }} = 'low' as passed
    union all
    select
        'c360_case_by_similarity' as macro_name,
        'martha marhta: the 0.92 branch' as case_name,
        {{ c360_case_by_similarity(
            "'martha'", "'marhta'", [[0.92, "'high'"], [0.80, "'low'"]],
            "'none'"
        ) }} = 'high' as passed
    union all
    select
        'c360_case_by_similarity' as macro_name,
        'no letter in common: otherwise' as case_name,
        {{ c360_case_by_similarity(
            "'abc'", "'xyz'", [[0.9, "'high'"], [0.5, "'low'"]], "'none'"
        ) }} = 'none' as passed
    union all
    select
        'c360_case_by_similarity' as macro_name,
        'null: otherwise' as case_name,
        {{ c360_case_by_similarity(
            "cast(null as " ~ dbt.type_string() ~ ")", "'a'",
            [[0.5, "'high'"]], "'none'"
        ) }} = 'none' as passed
    union all
    select
        'c360_sha256' as macro_name,
        'abc' as case_name,
        {{ c360_sha256("'abc'") }} = '{{
            'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
        }}' as passed
    union all
    select
        'c360_strip_accents' as macro_name,
        'Romanian, Vietnamese, pinyin' as case_name,
        {{ c360_strip_accents("'Ștefănescu Nguyễn Lǚ'") }}
        = 'Stefanescu Nguyen Lu' as passed
    union all
    select
        'c360_strip_accents' as macro_name,
        'umlaut, ligature, stroke, accent' as case_name,
        {{ c360_strip_accents("'Müller Ærø Łódź Crème'") }}
        = 'Mueller Aero Lodz Creme' as passed
    union all
    select
        'c360_try_cast' as macro_name,
        'impossible date' as case_name,
        {{ c360_try_cast("'2023-02-30'", 'date') }} is null as passed
    union all
    select
        'c360_try_cast' as macro_name,
        'integer' as case_name,
        {{ c360_try_cast("'12'", dbt.type_int()) }} = 12 as passed
    union all
    select
        'c360_try_cast' as macro_name,
        'not a number' as case_name,
        {{ c360_try_cast("'x'", dbt.type_int()) }} is null as passed
),

systems as (
    select 'pos' as source_system
    union all
    select 'crm' as source_system
    union all
    select 'shop' as source_system
),

listed as (
    select
        'c360_listagg_sorted' as macro_name,
        'sorted' as case_name,
        {{ c360_listagg_sorted('source_system', "','") }}
        = 'crm,pos,shop' as passed
    from systems
)

select
    macro_name,
    case_name
from cases
where not coalesce(passed, false)
union all
select
    macro_name,
    case_name
from listed
where not coalesce(passed, false)
