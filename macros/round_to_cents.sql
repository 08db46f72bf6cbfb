{#- An amount rounded to the cent, half away from zero, as decimal(18, 2),
    with the same result on every engine. Rounding a double is where
    engines part: DuckDB rounds the double's binary value, Spark its
    shortest decimal text, so 69.445 (stored as 69.44499...) became 69.44
    on one and 69.45 on the other. Here the rounding is plain IEEE
    arithmetic that both compute alike: scale by 100, add a half, floor.
    Exact for amounts below 1e13. -#}
{% macro round_to_cents(expression) -%}
    cast(
        sign(cast({{ expression }} as double))
        * floor(abs(cast({{ expression }} as double)) * 100 + 0.5) / 100
        as decimal(18, 2)
    )
{%- endmacro %}
