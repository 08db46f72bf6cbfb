{#- Staged national / tax id columns: keyed SHA-256 hashes of the id (only
    letters and digits, uppercase) and of its two halves, never the id in
    clear. The key is var `national_id_hash_key` (set it from a secret, e.g.
    `--vars` in CI or an env_var in dbt_project.yml, so the hashes cannot be
    reversed by trying every number). -#}
{% macro national_id_attributes(raw_column) -%}
    {%- set normalized -%}
        nullif(upper({{ c360_regexp_replace(raw_column, '[^0-9A-Za-z]', '') }}), '')
    {%- endset -%}
    {%- set half = 'cast(length(' ~ normalized ~ ') / 2 as ' ~ dbt.type_int() ~ ')' -%}
    {%- set key = "'" ~ var('national_id_hash_key') ~ "|'" -%}
    {{ c360_sha256(key ~ ' || ' ~ normalized) }} as national_id_hash,
        {{ c360_sha256(key ~ " || 'head|' || substr(" ~ normalized ~ ', 1, ' ~ half ~ ')') }}
        as national_id_head_hash,
        {{ c360_sha256(key ~ " || 'tail|' || substr(" ~ normalized ~ ', ' ~ half ~ ' + 1)') }}
        as national_id_tail_hash
{%- endmacro %}
