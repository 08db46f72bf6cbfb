{#- The normalised email of a staged row when it can identify someone: valid
    and not a placeholder (role mailboxes stay: the identity guards decide). -#}
{% macro usable_email(column) -%}
    case
        when is_{{ column }}_valid and not is_{{ column }}_placeholder
            then {{ column }}
    end
{%- endmacro %}
