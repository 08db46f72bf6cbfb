{#- The comparisons of probabilistic record linkage, in one place. Each
    entry names a comparison, its macro (one file each, named for it), the
    names of its levels from 0 ("disagrees") up to the closest agreement
    (the macro returns the level's number; a value missing on either side
    is null: no evidence, never a mismatch), and the column whose value
    frequency adjusts the top level (term frequency: a rare surname
    agreeing is worth more than "Müller"), if any. -#}
{% macro linkage_comparisons() -%}
    {{ return([
        {'name': 'first_name', 'macro': 'compare_first_names',
         'labels': ['different', 'initial_only', 'similar_0.80',
                    'similar_0.92', 'nickname', 'exact'],
         'tf_column': 'first_name'},
        {'name': 'middle_name', 'macro': 'compare_middle_names',
         'labels': ['different', 'same_initial', 'exact'], 'tf_column': none},
        {'name': 'last_name', 'macro': 'compare_last_names',
         'labels': ['different', 'similar_0.80_or_part', 'similar_0.92',
                    'exact'],
         'tf_column': 'last_name'},
        {'name': 'gender', 'macro': 'compare_genders',
         'labels': ['different', 'same'], 'tf_column': none},
        {'name': 'birth_date', 'macro': 'compare_birth_dates',
         'labels': ['different', 'same_year', 'one_digit_off',
                    'day_month_swapped', 'exact'],
         'tf_column': none},
        {'name': 'national_id', 'macro': 'compare_national_ids',
         'labels': ['different', 'one_half_equal', 'exact'],
         'tf_column': none},
        {'name': 'street', 'macro': 'compare_streets',
         'labels': ['different', 'same_number_similar_name',
                    'same_street_name', 'same_number_and_name'],
         'tf_column': none},
        {'name': 'postal_code', 'macro': 'compare_postal_codes',
         'labels': ['different', 'one_edit', 'exact'],
         'tf_column': 'postal_code'},
        {'name': 'city', 'macro': 'compare_cities',
         'labels': ['different', 'similar_0.88', 'exact'],
         'tf_column': 'city'},
        {'name': 'region', 'macro': 'compare_regions',
         'labels': ['different', 'exact'], 'tf_column': none},
        {'name': 'email', 'macro': 'compare_emails',
         'labels': ['different', 'similar_0.92', 'exact'], 'tf_column': none},
        {'name': 'phone', 'macro': 'compare_phones',
         'labels': ['different', 'one_digit_off', 'exact'], 'tf_column': none},
    ]) }}
{%- endmacro %}
