"""Reference data the generator draws from: names, places, products, currencies.

Everything here is invented for the simulation. Surnames are composed from
parts so that the name space is large enough for a million people to look
like a real population (common names repeat, most combinations are rare).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Country:
    code: str
    currency: str
    calling_code: str
    trunk_prefix: str
    national_digits: int
    language: str
    weight: float
    cities: tuple[tuple[str, str], ...]  # (city, postal code prefix)
    street_words: tuple[str, ...]
    street_suffixes: tuple[tuple[str, str], ...]  # (full, abbreviation)


COUNTRIES: tuple[Country, ...] = (
    Country(
        "DE", "EUR", "49", "0", 11, "de", 0.32,
        (("Berlin", "10"), ("Hamburg", "20"), ("München", "80"),
         ("Köln", "50"), ("Frankfurt am Main", "60"), ("Stuttgart", "70"),
         ("Düsseldorf", "40"), ("Leipzig", "04"), ("Dortmund", "44"),
         ("Essen", "45"), ("Bremen", "28"), ("Dresden", "01"),
         ("Hannover", "30"), ("Nürnberg", "90"), ("Freiburg", "79"),
         ("Münster", "48"), ("Bonn", "53"), ("Kiel", "24")),
        ("Haupt", "Bahnhof", "Linden", "Schiller", "Goethe", "Berg", "Garten",
         "Kirch", "Mühlen", "Rosen", "Wald", "Schul", "Birken", "Eichen",
         "Friedrich", "Parks", "Brunnen", "Markt"),
        (("straße", "str."), ("weg", "wg."), ("allee", "al."), ("platz", "pl.")),
    ),
    Country(
        "FR", "EUR", "33", "0", 9, "fr", 0.16,
        (("Paris", "75"), ("Lyon", "69"), ("Marseille", "13"),
         ("Toulouse", "31"), ("Nice", "06"), ("Nantes", "44"),
         ("Strasbourg", "67"), ("Montpellier", "34"), ("Bordeaux", "33"),
         ("Lille", "59"), ("Rennes", "35"), ("Grenoble", "38")),
        ("de la République", "Victor Hugo", "Jean Jaurès", "de la Gare",
         "des Écoles", "du Moulin", "Pasteur", "de l'Église", "Gambetta",
         "du Château", "des Lilas", "Voltaire"),
        (("rue", "r."), ("avenue", "av."), ("boulevard", "bd"),
         ("place", "pl.")),
    ),
    Country(
        "NL", "EUR", "31", "0", 9, "nl", 0.08,
        (("Amsterdam", "10"), ("Rotterdam", "30"), ("Den Haag", "25"),
         ("Utrecht", "35"), ("Eindhoven", "56"), ("Groningen", "97"),
         ("Tilburg", "50"), ("Haarlem", "20")),
        ("Kerk", "Molen", "Linden", "Dorps", "Heren", "Keizers", "Prinsen",
         "Brug", "Beuken", "Wilhelmina", "Juliana", "Oranje"),
        (("straat", "str."), ("laan", "ln."), ("weg", "wg."),
         ("plein", "pln.")),
    ),
    Country(
        "GB", "GBP", "44", "0", 10, "en", 0.16,
        (("London", "E"), ("Manchester", "M"), ("Birmingham", "B"),
         ("Leeds", "LS"), ("Glasgow", "G"), ("Liverpool", "L"),
         ("Bristol", "BS"), ("Edinburgh", "EH"), ("Cardiff", "CF"),
         ("Sheffield", "S"), ("Nottingham", "NG"), ("Oxford", "OX")),
        ("High", "Station", "Church", "Victoria", "Park", "Mill", "Queen",
         "King", "Manor", "Green", "Albert", "York", "Oak", "Elm"),
        (("Street", "St"), ("Road", "Rd"), ("Avenue", "Ave"), ("Lane", "Ln"),
         ("Close", "Cl")),
    ),
    Country(
        "US", "USD", "1", "1", 10, "en", 0.18,
        (("New York", "100"), ("Chicago", "606"), ("Los Angeles", "900"),
         ("Houston", "770"), ("Phoenix", "850"), ("Philadelphia", "191"),
         ("San Antonio", "782"), ("San Diego", "921"), ("Dallas", "752"),
         ("Austin", "787"), ("Seattle", "981"), ("Denver", "802"),
         ("Boston", "021"), ("Portland", "972")),
        ("Main", "Oak", "Maple", "Washington", "Lake", "Hill", "Pine",
         "Cedar", "Elm", "Park", "Lincoln", "Jefferson", "Sunset", "River"),
        (("Street", "St"), ("Avenue", "Ave"), ("Boulevard", "Blvd"),
         ("Road", "Rd"), ("Drive", "Dr")),
    ),
    Country(
        "CH", "CHF", "41", "0", 9, "de", 0.10,
        (("Zürich", "80"), ("Genève", "12"), ("Basel", "40"), ("Bern", "30"),
         ("Lausanne", "10"), ("Luzern", "60"), ("St. Gallen", "90"),
         ("Winterthur", "84")),
        ("Bahnhof", "See", "Dorf", "Kirch", "Berg", "Sonnen", "Linden",
         "Alpen", "Rhein", "Garten"),
        (("strasse", "str."), ("weg", "wg."), ("gasse", "g."),
         ("platz", "pl.")),
    ),
)

FIRST_NAMES: dict[str, dict[str, tuple[str, ...]]] = {
    "de": {
        "f": ("Anna", "Maria", "Katharina", "Sophie", "Lena", "Julia", "Laura",
              "Sarah", "Lisa", "Hannah", "Johanna", "Elisabeth", "Christina",
              "Sabine", "Petra", "Monika", "Ursula", "Claudia", "Stefanie",
              "Andrea", "Franziska", "Jülide", "Zoë", "Greta", "Ida", "Marlene",
              "Theresa", "Susanne", "Barbara", "Margarete", "Leonie", "Mia",
              "Emilia", "Charlotte", "Helga", "Ingrid", "Nicole", "Jessica",
              "Birgit", "Gabriele"),
        "m": ("Thomas", "Michael", "Andreas", "Stefan", "Christian", "Matthias",
              "Alexander", "Johannes", "Maximilian", "Jürgen", "Klaus",
              "Wolfgang", "Peter", "Markus", "Tobias", "Florian", "Sebastian",
              "Daniel", "Jan", "Lukas", "Jonas", "Felix", "Paul", "Leon",
              "Friedrich", "Wilhelm", "Heinrich", "Karl", "Günther", "Dieter",
              "Bernd", "Uwe", "Rüdiger", "Joachim", "Benedikt", "Niklas",
              "Moritz", "Simon", "Philipp", "Robert"),
    },
    "fr": {
        "f": ("Marie", "Camille", "Léa", "Chloé", "Manon", "Inès", "Sophie",
              "Isabelle", "Nathalie", "Céline", "Aurélie", "Élodie", "Juliette",
              "Amélie", "Margaux", "Hélène", "Françoise", "Catherine",
              "Sandrine", "Valérie", "Émilie", "Claire", "Anaïs", "Océane",
              "Brigitte", "Christine", "Pauline", "Mathilde", "Lucie", "Zoé"),
        "m": ("Jean", "Pierre", "Nicolas", "Julien", "Thomas", "Antoine",
              "François", "Louis", "Hugo", "Lucas", "Mathieu", "Guillaume",
              "Sébastien", "Olivier", "Philippe", "Jérôme", "Stéphane",
              "Frédéric", "Laurent", "Benoît", "Théo", "Raphaël", "Étienne",
              "Clément", "Alexandre", "Maxime", "Vincent", "Christophe",
              "Michel", "Gaël"),
    },
    "nl": {
        "f": ("Emma", "Sanne", "Anouk", "Lotte", "Femke", "Fleur", "Eva",
              "Iris", "Lieke", "Maaike", "Marieke", "Ingrid", "Annemieke",
              "Saskia", "Noor", "Julia", "Sophie", "Lisa", "Tessa", "Esther"),
        "m": ("Daan", "Sem", "Lucas", "Bram", "Thijs", "Jeroen", "Pieter",
              "Willem", "Joost", "Sander", "Maarten", "Bas", "Ruben", "Tim",
              "Kees", "Hendrik", "Johannes", "Stijn", "Niels", "Wouter"),
    },
    "en": {
        "f": ("Mary", "Elizabeth", "Jennifer", "Patricia", "Linda", "Barbara",
              "Susan", "Jessica", "Sarah", "Karen", "Margaret", "Emily",
              "Olivia", "Charlotte", "Amelia", "Sophia", "Isabella", "Emma",
              "Abigail", "Katherine", "Rebecca", "Victoria", "Rachel",
              "Hannah", "Alexandra", "Samantha", "Jacqueline", "Deborah",
              "Christina", "Megan", "Chloe", "Lauren", "Zoe", "Grace", "Ruby",
              "Alice", "Eleanor", "Lucy", "Joanne", "Heather"),
        "m": ("James", "John", "Robert", "Michael", "William", "David",
              "Richard", "Joseph", "Thomas", "Charles", "Christopher", "Daniel",
              "Matthew", "Anthony", "Andrew", "Joshua", "Kenneth", "Steven",
              "Edward", "Benjamin", "Samuel", "Jonathan", "Nicholas",
              "Alexander", "Patrick", "Timothy", "Gregory", "Oliver", "Harry",
              "George", "Jack", "Henry", "Frederick", "Peter", "Liam", "Noah",
              "Ethan", "Jacob", "Lucas", "Nathan"),
    },
}

# Surnames are prefix + suffix per language; a few common whole names are
# weighted up so that frequent surnames exist as they do in real populations.
SURNAME_PARTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "de": (
        ("Müll", "Schmi", "Schnei", "Fisch", "Web", "Meyer", "Wagn", "Beck",
         "Hoff", "Schulz", "Koch", "Bauer", "Richt", "Klein", "Wolf", "Schrö",
         "Neu", "Schwarz", "Zimmer", "Braun", "Krüg", "Hof", "Hart", "Lang",
         "Werner", "Lehm", "Kraus", "Stein", "Jäg", "Otto", "Sommer", "Groß",
         "Seid", "Heil", "Brand", "Haas", "Schrei", "Graf", "Dietr", "Ziegl",
         "Kuhn", "Kühn", "Pohl", "Engel", "Horn", "Busch", "Bergm", "Thom",
         "Voigt", "Sauer", "Arnold", "Wolff", "Pfeif", "Roth", "Lorenz"),
        ("er", "mann", "berg", "hardt", "ner", "ke", "stein", "feld", "bach",
         "inger", "el", "ert", "hof", "dorf", "meier", "huber", "ler", "s",
         "rich", "wald"),
    ),
    "fr": (
        ("Mart", "Bern", "Dub", "Thom", "Rob", "Rich", "Pet", "Dur", "Lef",
         "Mor", "Laur", "Sim", "Mich", "Garn", "Dav", "Bertr", "Rouss",
         "Vinc", "Fourn", "Gir", "Bonn", "Dup", "Lamb", "Font", "Roug",
         "Merc", "Blanc", "Guér", "Boy", "Chev", "Franç", "Gaut", "Perr",
         "Mass", "Mull", "Henr", "Roch", "Nic", "Cl", "Brun"),
        ("in", "and", "ois", "eau", "ard", "et", "ier", "ière", "on", "el",
         "ault", "ac", "y", "ot", "aud", "ès", "ain", "ot"),
    ),
    "nl": (
        ("de Jong", "Jans", "de Vries", "van den Berg", "van Dijk", "Bakk",
         "Viss", "Smit", "Meij", "de Boer", "Mulder", "de Groot", "Bos",
         "Vos", "Peters", "Hendriks", "van Leeuw", "Dekk", "Brouw",
         "de Wit", "Dijkst", "Smits", "de Graaf", "van der Meer", "Kok"),
        ("", "en", "er", "sma", "stra", "ink", "s", "man"),
    ),
    "en": (
        ("Smith", "John", "Willi", "Brown", "Jon", "Mill", "Davi", "Wilson",
         "Ander", "Tay", "Thom", "Moor", "Jack", "Mart", "Lee", "Whit",
         "Harr", "Clark", "Lew", "Rob", "Walk", "Hall", "Allen", "Young",
         "King", "Wright", "Scott", "Green", "Bak", "Adam", "Nel", "Hill",
         "Camp", "Mitch", "Rob", "Cart", "Phill", "Evan", "Turn", "Park",
         "Coll", "Edward", "Stew", "Morr", "Murph", "Cook", "Rog", "Mor",
         "Cooper", "Pet", "Bail", "Reed", "Kell", "How", "Ward", "Cox"),
        ("", "son", "s", "ley", "ton", "ford", "well", "er", "ins", "worth",
         "man", "field", "wood", "by", "ham", "ell", "ard"),
    ),
}

# Nicknames the people in the simulation use. Deliberately not identical to
# the project's nickname seed: a real population uses forms no list holds.
NICKNAMES: dict[str, tuple[str, ...]] = {
    "Elizabeth": ("Liz", "Beth", "Betty", "Lisa"),
    "Katherine": ("Kate", "Kathy", "Katie"),
    "Margaret": ("Maggie", "Peggy", "Meg"),
    "Jennifer": ("Jenny", "Jen"),
    "Patricia": ("Pat", "Trish"),
    "Rebecca": ("Becky", "Becca"),
    "Victoria": ("Vicky", "Tori"),
    "Alexandra": ("Alex", "Sandra"),
    "Samantha": ("Sam",),
    "Jacqueline": ("Jackie",),
    "Deborah": ("Debbie", "Deb"),
    "Christina": ("Chris", "Tina"),
    "Abigail": ("Abby",),
    "Susan": ("Sue", "Susie"),
    "Barbara": ("Barb", "Babs"),
    "William": ("Bill", "Will", "Billy"),
    "Robert": ("Bob", "Rob", "Bobby"),
    "Richard": ("Rick", "Dick", "Rich"),
    "James": ("Jim", "Jimmy", "Jamie"),
    "John": ("Johnny", "Jack"),
    "Michael": ("Mike", "Mick"),
    "Joseph": ("Joe", "Joey"),
    "Thomas": ("Tom", "Tommy"),
    "Charles": ("Charlie", "Chuck"),
    "Christopher": ("Chris",),
    "Daniel": ("Dan", "Danny"),
    "Matthew": ("Matt",),
    "Anthony": ("Tony",),
    "Andrew": ("Andy", "Drew"),
    "Joshua": ("Josh",),
    "Kenneth": ("Ken", "Kenny"),
    "Steven": ("Steve",),
    "Edward": ("Ed", "Eddie", "Ted"),
    "Benjamin": ("Ben",),
    "Samuel": ("Sam",),
    "Jonathan": ("Jon",),
    "Nicholas": ("Nick",),
    "Alexander": ("Alex", "Xander"),
    "Timothy": ("Tim",),
    "Gregory": ("Greg",),
    "Frederick": ("Fred", "Freddie"),
    "Henry": ("Harry", "Hank"),
    "Katharina": ("Kathi", "Katja", "Kati"),
    "Elisabeth": ("Lisa", "Liesel", "Elli"),
    "Johanna": ("Hanna",),
    "Franziska": ("Franzi",),
    "Margarete": ("Grete", "Gretel"),
    "Stefanie": ("Steffi",),
    "Gabriele": ("Gabi",),
    "Susanne": ("Susi",),
    "Christian": ("Chris",),
    "Johannes": ("Hannes", "Jo", "Hans"),
    "Maximilian": ("Max",),
    "Matthias": ("Matze", "Hias"),
    "Andreas": ("Andi",),
    "Sebastian": ("Basti",),
    "Tobias": ("Tobi",),
    "Friedrich": ("Fritz",),
    "Wilhelm": ("Willi",),
    "Heinrich": ("Heinz",),
    "Joachim": ("Jochen",),
    "Benedikt": ("Beni",),
    "Philipp": ("Phil",),
    "Florian": ("Flo",),
    "Nicolas": ("Nico",),
    "Guillaume": ("Guillou",),
    "Christophe": ("Chris",),
    "Isabelle": ("Isa", "Babette"),
    "Catherine": ("Cathy",),
    "Mathilde": ("Mathou",),
    "Alexandre": ("Alex",),
    "Maxime": ("Max",),
    "Willem": ("Wim",),
    "Hendrik": ("Henk",),
    "Pieter": ("Piet",),
    "Annemieke": ("Anne",),
}

EMAIL_DOMAINS: dict[str, tuple[str, ...]] = {
    "DE": ("gmx.de", "web.de", "t-online.de", "gmail.com", "outlook.de",
           "posteo.de"),
    "FR": ("orange.fr", "free.fr", "gmail.com", "laposte.net", "hotmail.fr",
           "sfr.fr"),
    "NL": ("gmail.com", "ziggo.nl", "kpnmail.nl", "hotmail.nl", "outlook.com"),
    "GB": ("gmail.com", "btinternet.com", "hotmail.co.uk", "yahoo.co.uk",
           "outlook.com", "sky.com"),
    "US": ("gmail.com", "yahoo.com", "outlook.com", "aol.com", "icloud.com",
           "comcast.net"),
    "CH": ("bluewin.ch", "gmx.ch", "gmail.com", "sunrise.ch", "hispeed.ch"),
}

ROLE_PREFIXES: tuple[str, ...] = ("info", "office", "kontakt", "contact",
                                  "admin", "sales", "hello")
COMPANY_WORDS: tuple[str, ...] = ("alpen", "nordwind", "atelier", "studio",
                                  "bäckerei", "praxis", "kanzlei", "agentur",
                                  "consulting", "design", "handwerk", "bistro",
                                  "garage", "fleur", "solutions", "partners")
PLACEHOLDER_EMAILS: tuple[str, ...] = ("test@test.com", "noemail@example.com",
                                       "none@none.com", "x@x.com",
                                       "no.email@no.email")
PLACEHOLDER_PHONES: tuple[str, ...] = ("0000000000", "1234567890",
                                       "+49 000 0000000", "999999999")

CATEGORIES: tuple[tuple[str, float, float], ...] = (
    # (category, typical list price in EUR, cost ratio)
    ("Womenswear", 59.0, 0.42),
    ("Menswear", 55.0, 0.43),
    ("Kids", 29.0, 0.45),
    ("Shoes", 89.0, 0.48),
    ("Accessories", 25.0, 0.35),
    ("Home", 39.0, 0.50),
    ("Beauty", 19.0, 0.38),
    ("Sports", 69.0, 0.52),
    ("Electronics", 149.0, 0.72),
)
PRODUCT_ADJECTIVES: tuple[str, ...] = ("Classic", "Organic", "Slim", "Cozy",
                                       "Urban", "Premium", "Everyday", "Light",
                                       "Vintage", "Essential", "Sport",
                                       "Relaxed")

# Exchange rates: units of EUR per unit of currency, per year. The FX seed of
# the dbt project holds the same reference rates; the generator only needs
# them to price products in the customer's currency.
EUR_PER_UNIT: dict[str, float] = {"EUR": 1.0, "GBP": 1.17, "USD": 0.92,
                                  "CHF": 1.04}

RETURN_REASONS: tuple[str, ...] = ("damaged", "wrong_size", "not_as_described",
                                   "changed_mind", "late_delivery",
                                   "wrong_item")
TICKET_CATEGORIES: tuple[str, ...] = ("delivery", "return", "payment",
                                      "product_question", "complaint",
                                      "account", "loyalty")
TICKET_RESOLUTIONS: tuple[str, ...] = ("solved", "refund_issued",
                                       "replacement_sent", "no_action",
                                       "escalated")
CONSENT_PURPOSES: tuple[str, ...] = ("email_marketing", "sms_marketing",
                                     "personalisation", "third_party_sharing")
WEB_EVENT_TYPES: tuple[str, ...] = ("page_view", "product_view",
                                    "add_to_cart", "checkout_started",
                                    "order_completed")
