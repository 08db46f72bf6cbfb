{#- Latin letters as plain ASCII letters: German umlauts and ß are spelled
    out first (ü -> ue, ß -> ss) so that "Müller" and "Mueller" agree; then
    every letter without a decomposition is transliterated (æ -> ae,
    œ -> oe, þ -> th, ø -> o, ł -> l, đ/ð -> d, ı -> i, ħ -> h, ŧ -> t,
    ŋ -> n, ĸ -> k, ſ -> s, in both cases); last, diacritics are removed
    (é -> e), which the engine does (dispatched). Engines without a
    strip_accents use one translate table over Latin-1, Latin Extended-A
    and -B and Latin Extended Additional (Vietnamese, Romanian ș ț, pinyin
    ǎ): the letter DuckDB's strip_accents gives for each
    (test_the_portable_accent_table_strips_what_duckdb_strips). -#}
{% macro c360_strip_accents(expression) -%}
    {%- set ns = namespace(sql=expression) -%}
    {%- for letter, ascii in [
        ('ä', 'ae'), ('ö', 'oe'), ('ü', 'ue'), ('ß', 'ss'),
        ('Ä', 'Ae'), ('Ö', 'Oe'), ('Ü', 'Ue'), ('ẞ', 'SS'),
        ('æ', 'ae'), ('Æ', 'Ae'), ('œ', 'oe'), ('Œ', 'Oe'),
        ('þ', 'th'), ('Þ', 'Th'),
        ('ǣ', 'ae'), ('ǽ', 'ae'), ('Ǣ', 'Ae'), ('Ǽ', 'Ae'),
    ] -%}
        {%- set ns.sql = "replace(" ~ ns.sql ~ ", '" ~ letter ~ "', '" ~ ascii ~ "')" -%}
    {%- endfor -%}
    {%- set single = "translate(" ~ ns.sql ~ ", 'øØǿǾłŁđĐðÐıħĦŧŦŋŊĸſẛŀĿ', 'oOoOlLdDdDihHtTnNksslL')" -%}
    {{ return(adapter.dispatch('c360_strip_accents', 'c360')(single)) }}
{%- endmacro %}

{% macro default__c360_strip_accents(expression) -%}
    translate(
        {{ expression }},
        'àáâãåçèéêëìíîïñòóôõùúûýÿāăąćĉċčďēĕėęěĝğġģĥĩīĭįĵķĺļľńņňōŏőŕŗřśŝşšţťũūŭůűųŵŷźżžơưǎǐǒǔǖǘǚǜǟǡǧǩǫǭǰǵǹǻȁȃȅȇȉȋȍȏȑȓȕȗșțȟȧȩȫȭȯȱȳḁḃḅḇḉḋḍḏḑḓḕḗḙḛḝḟḡḣḥḧḩḫḭḯḱḳḵḷḹḻḽḿṁṃṅṇṉṋṍṏṑṓṕṗṙṛṝṟṡṣṥṧṩṫṭṯṱṳṵṷṹṻṽṿẁẃẅẇẉẋẍẏẑẓẕẖẗẘẙạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹÀÁÂÃÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÙÚÛÝĀĂĄĆĈĊČĎĒĔĖĘĚĜĞĠĢĤĨĪĬĮİĴĶĹĻĽŃŅŇŌŎŐŔŖŘŚŜŞŠŢŤŨŪŬŮŰŲŴŶŸŹŻŽƠƯǍǏǑǓǕǗǙǛǞǠǦǨǪǬǴǸǺȀȂȄȆȈȊȌȎȐȒȔȖȘȚȞȦȨȪȬȮȰȲḀḂḄḆḈḊḌḎḐḒḔḖḘḚḜḞḠḢḤḦḨḪḬḮḰḲḴḶḸḺḼḾṀṂṄṆṈṊṌṎṐṒṔṖṘṚṜṞṠṢṤṦṨṪṬṮṰṲṴṶṸṺṼṾẀẂẄẆẈẊẌẎẐẒẔẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ',
        'aaaaaceeeeiiiinoooouuuyyaaaccccdeeeeegggghiiiijklllnnnooorrrssssttuuuuuuwyzzzouaiouuuuuaagkoojgnaaaeeiioorruusthaeooooyabbbcdddddeeeeefghhhhhiikkkllllmmmnnnnoooopprrrrsssssttttuuuuuvvwwwwwxxyzzzhtwyaaaaaaaaaaaaeeeeeeeeiioooooooooooouuuuuuuyyyyAAAAACEEEEIIIINOOOOUUUYAAACCCCDEEEEEGGGGHIIIIIJKLLLNNNOOORRRSSSSTTUUUUUUWYYZZZOUAIOUUUUUAAGKOOGNAAAEEIIOORRUUSTHAEOOOOYABBBCDDDDDEEEEEFGHHHHHIIKKKLLLLMMMNNNNOOOOPPRRRRSSSSSTTTTUUUUUVVWWWWWXXYZZZAAAAAAAAAAAAEEEEEEEEIIOOOOOOOOOOOOUUUUUUUYYYY'
    )
{%- endmacro %}

{% macro duckdb__c360_strip_accents(expression) -%}
    strip_accents({{ expression }})
{%- endmacro %}
