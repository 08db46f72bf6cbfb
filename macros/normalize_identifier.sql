{#- An identifier normalised like its kind is everywhere else: emails
    lowercase (also when written "Name <address>"), phones E.164 (national
    numbers in the country joined as `countries`), ids trimmed. -#}
{% macro normalize_identifier(identifier_type, identifier_value, countries='countries') -%}
    case lower({{ clean_text(identifier_type) }})
        when 'email'
            then {{ email_from_written(identifier_value) }}
        when 'phone'
            then {{ normalize_phone(
                identifier_value,
                countries ~ '.calling_code',
                countries ~ '.trunk_prefix',
                countries ~ '.min_national_digits',
                countries ~ '.max_national_digits',
            ) }}
        else {{ clean_text(identifier_value) }}
    end
{%- endmacro %}
