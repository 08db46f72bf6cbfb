{#- The erasure ledger's salted hash of an identifier: SHA-256 of the
    secret var `erasure_hash_key`, the identifier type and the normalised
    value. Used both to write the ledger and to find the identifiers it
    names again, so it must stay one macro. -#}
{% macro erasure_hash(identifier_type, identifier_value) -%}
    {{ c360_sha256(
        "'" ~ var('erasure_hash_key') ~ "|' || " ~ identifier_type
        ~ " || '|' || " ~ identifier_value
    ) }}
{%- endmacro %}
