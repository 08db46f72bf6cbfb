{# Pairs of first names that can be one person's: a nickname and its formal
    name, both ways, and two nicknames of one formal name (Bill, Will). #}
with

nicknames as (
    select * from {{ ref('nicknames') }}
),

pairs_unioned as (
    select
        nickname as name_a,
        formal_name as name_b
    from nicknames
    union
    select
        formal_name as name_a,
        nickname as name_b
    from nicknames
    union
    select
        left_side.nickname as name_a,
        right_side.nickname as name_b
    from nicknames as left_side
    inner join nicknames as right_side
        on left_side.formal_name = right_side.formal_name
    where left_side.nickname <> right_side.nickname
)

select * from pairs_unioned
