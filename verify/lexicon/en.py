"""English word lists and phrase tables used by verify's readers, extractors and kinds.

Only data lives here: sets, tuples and dicts of words. The grammar that uses them (regexes,
parse-tree walks) stays with the code, which builds its patterns from these lists.
"""
from __future__ import annotations

# --- numbers -----------------------------------------------------------------------------
NUMBER_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
NUMBER_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
                "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
NUMBER_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
               "ninety": 90}
NUMBER_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
# Small numbers as words, for counted phrases ("three priorities", "a couple of days").
SMALL_NUMBER_WORDS = {"a": 1, "an": 1, **NUMBER_ONES, **NUMBER_TEENS, "twenty": 20, "a couple of": 2}
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
}
# Vague quantities: point estimate, low, high.
VAGUE_QUANTITIES = {
    "dozens": (48, 24, 144),
    "scores": (60, 40, 200),
    "tens": (30, 20, 99),
    "hundreds": (300, 200, 999),
    "thousands": (3000, 2000, 9999),
    "millions": (3e6, 2e6, 9_999_999),
    "billions": (3e9, 2e9, 9_999_999_999),
    "tens of thousands": (30_000, 20_000, 99_999),
    "hundreds of thousands": (300_000, 200_000, 999_999),
    "tens of millions": (3e7, 2e7, 99_999_999),
    "hundreds of millions": (3e8, 2e8, 999_999_999),
    "tens of billions": (3e10, 2e10, 99_999_999_999),
    "hundreds of billions": (3e11, 2e11, 999_999_999_999),
    "a handful": (4, 2, 6),
    "a couple": (2, 2, 3),
}
# Scale letters glued to a number ("$3bn", "EUR2.5m").
SCALE_ABBREVIATIONS = {"k": 10**3, "m": 10**6, "mn": 10**6, "b": 10**9, "bn": 10**9, "tn": 10**12, "trn": 10**12}

# --- hedges --------------------------------------------------------------------------------
HEDGE_PHRASES = {
    "approx": ["about", "around", "approximately", "approx.", "approx", "roughly", "some",
               "an estimated", "estimated", "close to", "circa", "ca.", "c.", "~", "\u2248",
               "in the region of", "somewhere around"],
    "nearly": ["nearly", "almost", "just shy of", "not quite"],
    "more_than": ["more than", "over", "above", "in excess of", "upwards of", "upward of",
                  "just over", "well over", "greater than", "exceeding", "well above"],
    "at_least": ["at least", "no fewer than", "no less than", "not less than", "not fewer than",
                 "a minimum of", "at a minimum"],
    "up_to": ["up to", "as many as", "as much as"],
    "at_most": ["at most", "no more than", "not more than", "a maximum of", "at a maximum of"],
    "less_than": ["less than", "fewer than", "under", "below", "just under", "just below",
                  "well under", "well below"],
    "exact": ["exactly", "precisely"],
    "between": ["between"],  # only valid together with "X and Y"
}

# --- currencies ----------------------------------------------------------------------------
CURRENCY_SYMBOLS = {
    "US$": "USD", "U.S.$": "USD", "$": "USD", "A$": "AUD", "AU$": "AUD",
    "C$": "CAD", "CA$": "CAD", "HK$": "HKD", "NZ$": "NZD", "S$": "SGD", "R$": "BRL",
    "€": "EUR", "£": "GBP", "¥": "JPY", "₴": "UAH", "₹": "INR", "₽": "RUB",
    "₩": "KRW", "₺": "TRY", "₪": "ILS", "RS": "INR", "RS.": "INR",
}
ISO_CURRENCY_CODES = frozenset(
    "USD EUR GBP JPY CNY RMB UAH RUB CHF INR CAD AUD NZD HKD SGD SEK NOK DKK PLN "
    "CZK HUF RON TRY ILS BRL MXN ZAR KRW SAR AED QAR".split()
)
# Currency words by prefix, so that plurals and spelling variants share a row.
CURRENCY_WORD_PREFIXES = (
    ("dollar", "USD"), ("euro", "EUR"), ("pound", "GBP"), ("sterling", "GBP"),
    ("yen", "JPY"), ("yuan", "CNY"), ("renminbi", "CNY"), ("hryvn", "UAH"),
    ("rouble", "RUB"), ("ruble", "RUB"), ("rupee", "INR"), ("swiss", "CHF"),
    ("franc", "CHF"), ("zlot", "PLN"), ("lira", "TRY"), ("shekel", "ILS"),
)
DOLLAR_ADJECTIVES = {
    "us": "USD", "u.s.": "USD", "american": "USD", "canadian": "CAD",
    "australian": "AUD", "hong kong": "HKD", "new zealand": "NZD", "singapore": "SGD",
}

# --- what is not a count -------------------------------------------------------------------
# A number right after one of these words names a thing rather than counting it:
# "Resolution 2231", "page 5", "Flight 370".
IDENTIFIER_WORDS = frozenset("""
number num art article articles section sections sec chapter chapters chap ch page pages p pp
para paragraph paragraphs clause clauses resolution resolutions res flight flights route routes
room rooms rule rules item items line bus platform gate terminal level stage phase step season
episode ep vol volume version ver amendment highway interstate district ward box suite apartment
apt exit channel track category annex appendix table figure fig exhibit row column col ticket
decree protocol directive regulation title lot block zone sector grade model unit code
""".split())
# Words that precede a year rather than a count ("in 2020 protests erupted").
YEAR_LEADERS = frozenset(
    "in since until till during before after by from the this that last next of early late "
    "mid circa fiscal fy season class".split()
)
# Capitalised words that may stand before a number at the start of a clause.
CAPITALISED_BEFORE_NUMBER = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday i today yesterday tonight".split()
)
# "no one", "the one", "one another": "one" as a pronoun, not a count.
ONE_DETERMINERS = frozenset("no the this that any every each which someone anyone everyone no-one one's".split())
ONE_IDIOMS = frozenset("another other day time way hand side point thing such".split())
# Function words (and a few frequent verbs) end a noun phrase.
NOUN_PHRASE_STOP = frozenset("""
a an the of from in at on to into onto upon who whom whose that which where when while
were was are is be been being am have has had will would shall should can could may might
must do does did done and or but nor for with without within by as than then so if per
each this these those there their they them he she it its we our you your his her i me my
after before during since until till over under above below between among across against
through about around near more less fewer most least also only just not no yet still ago
later earlier said says say told tell tells according including included includes via out
up down off away back here all both some any such what how why again ever even too very
other another same own every either neither one ones whether because although though
unless once per cent percent plus minus versus vs etc
came come comes went go goes fled left got get gets made make makes took take takes gave give
saw see ran run met meet fell rose remain remains stood sat lost won held hold kept keep became
become began begin brought bring fought found sent spent thought
""".split())
IRREGULAR_PLURALS = frozenset("""
people men women children police personnel staff troops cattle sheep fish aircraft deer
feet teeth mice geese livestock crew data media offspring folk kin youth clergy militia
infantry artillery persons
""".split())
NOT_PLURAL = frozenset("gas bus news series species this its was has is yes plus as us thus".split())
# "the 27-member compact": hyphenated nouns after which a number counts something the following
# noun has. A whitelist, so durations, ages and measures ("three-day", "20-year-old") never qualify.
COMPOUND_PLURALS = {
    "member": "members", "seat": "seats", "point": "points", "nation": "nations",
    "country": "countries", "party": "parties", "strong": "members",
    "person": "people", "man": "men", "woman": "women", "judge": "judges",
    "delegate": "delegates", "minister": "ministers", "player": "players",
    "vehicle": "vehicles", "ship": "ships", "vessel": "vessels", "jet": "jets",
    "aircraft": "aircraft", "tank": "tanks", "gun": "guns", "bed": "beds",
    "page": "pages", "article": "articles", "clause": "clauses", "step": "steps",
    "stage": "stages", "part": "parts", "item": "items", "team": "teams",
    "member-state": "member states", "nation-state": "nation states",
}

# --- calendar ------------------------------------------------------------------------------
MONTHS = ("January", "February", "March", "April", "May", "June",
          "July", "August", "September", "October", "November", "December")
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
CALENDAR_NAMES = {*MONTHS, *WEEKDAYS}  # capitalised, but names of no place, person or story
WEEKDAY_ABBREVIATIONS = ("Mon", "Tues", "Tue", "Wed", "Thurs", "Thur", "Thu", "Fri", "Sat", "Sun")
RELATIVE_DAY_OFFSETS = {"the day before yesterday": -2, "the day after tomorrow": 2, "yesterday": -1,
                        "tomorrow": 1, "last night": -1}
# Verbs of change before "by 2000": a quantity, not a year.
CHANGE_VERBS = ("rose", "rise", "rises", "risen", "rising", "fell", "fall", "falls", "fallen", "falling",
                "increase", "increased", "decrease", "decreased", "grew", "grow", "grows", "grown", "dropped",
                "drop", "drops", "cut", "reduce", "reduced", "up", "down", "jumped", "climbed", "decline",
                "declined", "surged", "plunged")
# Words of the future in a clause: what it says is planned or expected, not reported.
FUTURE_MARKERS = ("will", "shall", "'ll", "is to", "are to", "is due to", "are due to", "set to", "scheduled",
                  "expected to", "plan to", "plans to", "going to", "next")

# --- events ---------------------------------------------------------------------------------
# Event classes and the lemmas that name them. The class, not the word, is compared later.
EVENT_TRIGGERS = {
    "meeting": {"meeting", "meet", "summit", "talk", "conference", "session", "gathering", "forum",
                "consultation", "negotiation", "convene", "hearing", "convention", "ministerial", "roundtable",
                "huddle"},
    "visit": {"visit", "trip", "tour"},
    "ceremony": {"ceremony", "inauguration", "funeral", "commemoration", "parade", "celebration",
                 "festival", "opening", "signing", "award", "unveiling"},
    "disaster": {"earthquake", "quake", "tremor", "flood", "flooding", "storm", "hurricane", "cyclone", "typhoon",
                 "tornado", "wildfire", "fire", "blaze", "explosion", "blast", "crash", "collision",
                 "derailment", "landslide", "eruption", "tsunami", "outbreak", "collapse", "accident",
                 "spill", "drought", "avalanche", "mudslide", "heatwave", "epidemic", "cave-in", "rockfall",
                 "inundation"},
    "attack": {"attack", "bombing", "shooting", "raid", "assault", "airstrike", "stabbing", "ambush", "hijacking",
               "hijack", "kidnapping", "piracy"},
    "breach": {"breach", "hack", "cyberattack", "cyber-attack", "intrusion", "leak"},
    "vote": {"election", "vote", "referendum", "ballot", "runoff", "primary", "approve", "adopt", "ratify",
             "approval", "adoption", "ratification"},
    "protest": {"protest", "demonstration", "rally", "march", "walkout", "sit-in", "strike", "stoppage"},
    "contest": {"match", "tournament", "concert", "marathon", "championship", "game", "final", "race", "bout",
                "fight", "rematch", "showdown"},
    "trial": {"trial", "inquest", "inquiry", "study", "sentencing", "verdict", "retrial"},
    "arrest": {"arrest", "detention", "detain"},
    "deal": {"acquisition", "merger", "takeover", "deal", "buyout", "purchase", "acquire", "merge", "bid"},
    "launch": {"launch", "liftoff", "lift-off", "blastoff"},
    "recall": {"recall"},
}
# Plural nouns usually name a series ("regular meetings"), except these plurals that name one event.
PLURAL_EVENTS = {"talk", "flood", "celebration", "festivity"}
# Verb triggers name an event only with a date or place: "will continue to meet regularly" does not.
VERB_TRIGGERS = {"meet", "visit", "convene", "gather", "tour", "vote", "approve", "adopt", "ratify", "acquire",
                 "merge", "arrest", "detain", "launch", "recall", "hack"}
# Verbs of taking part in one gathering: "hosting 30 countries", "35 countries met", "delegations attended".
PARTICIPATION_VERBS = {"meet", "convene", "gather", "host", "attend", "join", "participate", "represent", "send",
                       "bring", "welcome", "assemble"}
# Prepositions that place what happened: "arrested at Calder airport", "broke out outside Casterby".
LOCATION_PREPOSITIONS = {"in", "at", "near", "outside", "inside", "between", "on"}
# Nouns whose "in" names what is owned or invested in ("shares in Brantwick fell"), not a place.
HOLDING_NOUNS = {"share", "stake", "stock", "holding", "interest", "investment", "equity", "position"}
PLACE_PREPOSITIONS = {"in", "at", "to", "near", "outside", "inside", "through", "across", "along", "hit"}
# "the town of Brennick": a name after "of" is a place when the noun before it is one.
PLACE_NOUNS = {"town", "city", "village", "region", "province", "capital", "district", "island", "port", "county",
               "state", "country", "municipality", "valley", "suburb", "borough", "area", "resort", "commune"}
# Words that mark an event as another one than the story's own. On the event's own phrase: "the
# previous election", "its own outbreak", "a separate trial", "last year's fire". Anywhere before it in
# its clause: "Elsewhere in the region, ...", "Neighbouring Ashfell, which declared ...".
DISTINCT_EVENT_MODIFIERS = ("previous", "earlier", "separate", "own", "prior", "last year's", "preparatory",
                            "preceding", "unrelated", "unlinked")
DISTINCT_EVENT_OPENERS = ("elsewhere", "by contrast", "neighbouring", "neighboring", "separately", "meanwhile in")
# A lead sentence presenting the text as someone's statement: its date anchors "today" in the text.
STATEMENT_NOUNS = ("statement", "remarks", "speech", "address", "communique", "communiqué", "declaration",
                   "press release", "transcript", "readout", "op-ed", "letter")

# Words before a bare weekday that put it ahead of the article ("expects to certify the figures by
# Thursday", "will stay closed until Friday"); without them a bare weekday is the latest one past.
FUTURE_CUES = (*FUTURE_MARKERS, "’ll", "is due", "are due", "due to", "expects to", "expect", "expects", "expected",
               "planned for", "aims to", "intends to", "until", "till")

# Phases of what happens, by verb: the day something opened is not the day it closed.
# Verbs that say little of what happened: values hanging on them are not of different acts, and
# dates on them are not of one happening by their verb alone.
LIGHT_PREDICATES = {"be", "have", "do", "make", "get", "give", "take", "put", "stand", "reach", "show", "include",
                    "total", "number", "say", "report", "estimate", "list", "count"}

# Verbs of a figure's change: "the toll rose to five", "inflation eased to 2.8%".
CHANGE_LEMMAS = {"rise", "fall", "increase", "decrease", "grow", "drop", "jump", "climb", "decline", "surge",
                 "plunge", "slip", "ease", "edge", "reach", "hit"}

PHASE_VERBS = {
    "start": {"open", "begin", "start", "launch", "erupt", "ignite", "commence", "break", "convene", "spark"},
    "end": {"close", "end", "conclude", "finish", "adjourn", "wrap", "contain", "extinguish", "lift", "expire"},
    "resume": {"reopen", "resume", "restart", "restore"},
}

# --- speech -----------------------------------------------------------------------------------
REPORTING_LEMMAS = {"say", "state", "tell", "note", "add", "announce", "emphasise", "emphasize", "warn",
                    "stress", "claim", "report", "confirm", "explain", "declare", "insist", "specify",
                    "outline", "assure", "describe", "thank", "urge"}

# --- people and offices ---------------------------------------------------------------------
# Offices; values are the class an office is compared by (a UK "secretary" is a minister).
OFFICES = {
    "minister": "minister", "ministre": "minister", "secretary": "minister", "pm": "prime minister",
    "prime minister": "prime minister", "premier": "prime minister", "chief executive": "ceo",
    "chief executive officer": "ceo",
    "general secretary": "secretary-general", "managing director": "director", "president": "president",
    "vice president": "vice president", "vice-president": "vice president", "chancellor": "chancellor",
    "chief": "chief", "commander": "commander", "general": "general", "admiral": "admiral",
    "mayor": "mayor", "governor": "governor", "ambassador": "ambassador", "envoy": "envoy",
    "spokesperson": "spokesperson", "spokesman": "spokesperson", "spokeswoman": "spokesperson",
    "director": "director", "chair": "chair", "chairman": "chair", "chairwoman": "chair",
    "chairperson": "chair", "ceo": "ceo", "king": "king", "queen": "queen", "prince": "prince",
    "senator": "senator", "commissioner": "commissioner", "secretary-general": "secretary-general",
    "secretary general": "secretary-general", "judge": "judge", "coach": "coach", "captain": "captain",
    "head": "head", "leader": "leader", "sheriff": "sheriff", "superintendent": "superintendent",
    "administrator": "administrator", "councillor": "councillor", "councilor": "councillor",
    "inspector": "inspector", "prosecutor": "prosecutor", "mp": "mp", "lawmaker": "mp",
    "officer": "officer", "returning officer": "returning officer", "member": "member", "investigator": "investigator",
    "mediator": "mediator",
    "co-leader": "leader", "candidate": "candidate",
}
RANK_MODIFIERS = {"deputy", "vice", "acting", "former", "interim", "junior", "assistant", "chief", "presiding",
                  "associate", "lead", "principal", "senior", "external", "independent", "lay", "non-executive",
                  "ordinary", "co"}
# Spelling variants folded before roles are compared.
ROLE_SPELLINGS = {"defense": "defence", "armed forces": "defence", "armees": "defence", "armées": "defence",
                  "labor": "labour", "programme": "program"}
ROLE_FILLER = {"of", "the", "for", "and", "&", "'s", "’s", "des", "de", "la", "du"}
POSSESSIVE_PRONOUNS = {"its", "their", "his", "her", "our"}
DEMONYMS = {
    "british": "GB", "english": "GB", "french": "FR", "german": "DE", "american": "US", "us": "US",
    "ukrainian": "UA", "russian": "RU", "italian": "IT", "spanish": "ES", "polish": "PL", "dutch": "NL",
    "belgian": "BE", "chinese": "CN", "japanese": "JP", "indian": "IN", "canadian": "CA", "turkish": "TR",
    "swedish": "SE", "norwegian": "NO", "danish": "DK", "finnish": "FI", "greek": "GR", "irish": "IE",
    "australian": "AU", "brazilian": "BR", "mexican": "MX", "israeli": "IL", "iranian": "IR",
}

# --- places ------------------------------------------------------------------------------------
CONTINENT_NAMES = {
    "AF": "Africa", "AS": "Asia", "EU": "Europe", "NA": "North America",
    "OC": "Oceania", "SA": "South America", "AN": "Antarctica",
}
# Words by which a place name says what kind of place it is, by level: two names of one level
# with other names are different places ("Tarnley Civic Hall" / "County Hall").
PLACE_TYPE_WORDS = {
    "venue": {"hall", "centre", "center", "arena", "aréna", "stadium", "theatre", "theater", "hotel",
              "airport", "building", "headquarters", "palace", "house", "museum", "church", "cathedral", "school",
              "academy", "hospital", "university", "library", "exchange", "station", "pavilion", "forum", "park",
              "court", "courthouse", "villa", "office", "embassy", "parliament", "ministry"},
    "port": {"port", "harbour", "harbor", "terminal", "quay", "dock", "docks"},
    "locality": {"village", "town", "city", "district", "quarter", "borough", "suburb", "hamlet", "municipality",
                 "county", "province", "region", "valley", "island"},
    "street": {"street", "road", "avenue", "square", "lane", "embankment", "boulevard"},
}
# Common English names GeoNames files under another main name.
COUNTRY_ALIASES = {
    "uk": "GB", "britain": "GB", "great britain": "GB", "united kingdom": "GB", "england": "GB",
    "us": "US", "usa": "US", "america": "US", "united states": "US", "u.s.": "US",
    "russia": "RU", "south korea": "KR", "north korea": "KP", "czech republic": "CZ",
    "the netherlands": "NL", "holland": "NL", "ivory coast": "CI", "turkey": "TR",
}

# --- what a count counts -------------------------------------------------------------------------
# Nouns that say nothing of what was counted until their verb is known: "12 people died".
GENERIC_UNITS = {"people", "person", "individual", "other", "resident", "civilian", "inhabitant", "citizen",
                 "adult", "child", "local", "passenger", "man", "woman", "student", "member", "councillor",
                 "councilor", "lawmaker", "legislator", "mp", "senator", "deputy", "delegate", "worker", "employee"}
# Casualty and vote frames: lemma of the verb or noun that says what happened -> attribute name.
COUNT_FRAMES = {
    "deaths": {"die", "kill", "dead", "death", "fatality", "perish", "drown", "toll", "body", "lose life"},
    "injured": {"injure", "wound", "hurt", "injured", "injury", "wounded"},
    "evacuated": {"evacuate", "evacuation", "flee", "displace", "evacuee", "relocate"},
    "missing": {"missing", "unaccounted"},
    "arrested": {"arrest", "detain", "detention"},
    "rescued": {"rescue"},
    "votes for": {"approve", "back", "support", "favour", "favor", "endorse", "pass", "adopt", "vote"},
    "votes against": {"oppose", "reject", "against"},
    "abstentions": {"abstain", "abstention"},
    "jobs cut": set(),
}
# Job losses, the business-news frame: "cut 400 jobs", "600 job cuts", "shed 350 posts".
JOB_UNITS = {"job", "post", "position", "role", "worker", "employee", "staff"}
JOB_CUT_VERBS = {"cut", "axe", "shed", "eliminate", "slash", "lay", "scrap", "lose", "shrink"}
JOB_CUT_UNITS = {"job cut", "job loss", "layoff", "redundancy", "lay-off"}
# Nouns before a number that say what it counts: "the death toll rose to 19".
COUNT_CONTEXT_NOUNS = ("toll", "number", "total", "tally", "count", "figure", "turnout", "attendance", "population",
                       "magnitude", "rate", "score", "margin", "majority")
# Nouns of bodies whose size "of N" gives: "a group of 31 countries".
BODY_NOUNS = ("group", "coalition", "alliance", "bloc", "union", "club", "league", "network", "grouping",
              "consortium", "federation", "membership")
# Verbs that give the size of their subject: "the union represents 4,500 dockworkers".
SIZE_VERBS = ("has", "have", "had", "groups", "unites", "comprises", "includes", "counts", "numbers", "represents",
              "employs", "brings together")
ATTENDANCE_LEMMAS = {"attend", "participate", "host", "convene", "gather", "represent", "arrive", "send",
                     "meet", "join", "present", "take", "turn", "vote", "sign", "strike", "approve", "back"}
# Verbs whose object is the size of their subject: "has 27 members", "represents 4,500 workers".
POSSESSION_LEMMAS = {"have", "represent", "comprise", "include", "count", "number", "employ", "boast", "group",
                     "unite", "encompass"}
TIME_UNIT_WORDS = ("year", "month", "week", "day", "hour", "minute", "second", "decade", "century", "centuries")
# Verbs that say only that a count was there: comparable with counts of any act.
NEUTRAL_PREDICATES = {"be", "have", "include", "number", "total", "reach", "stand", "attend", "participate", "take",
                      "join", "gather", "meet", "represent", "come", "send", "bring", "host", "convene", "say",
                      "report", "estimate", "put", "count", "arrive", "travel", "involve", "see", "give", "leave",
                      "win", "get", "receive", "cast", "record", "register", "show", "confirm"}

# --- time-varying figures ------------------------------------------------------------------------
# Running figures that later reports legitimately raise (a death toll, a signature count).
RUNNING_FIGURES = ("death toll", "people killed", "people dead", "people injured", "people wounded",
                   "people missing", "people evacuated", "people displaced", "people arrested",
                   "signatures", "signatories", "confirmed cases", "victims", "casualties", "injured",
                   "area burned", "hectares burned", "fire contained", "containment", "firefighters deployed",
                   "homes destroyed", "ships waiting", "people in hospital", "patients treated", "pledges",
                   "share price", "shares rose", "water level", "orbit raised")
UPDATE_CUES = ("rose", "rises", "risen", "rising", "climbed", "increased", "grew", "grown", "jumped", "reached",
               "now stands", "stands at", "so far", "to date", "has reached", "updated", "revised", "latest", "now",
               "currently", "fallen", "fell", "dropped", "by this morning", "as of")
# Words that give the stage of a figure: a provisional figure is updated by a final one.
PROVISIONAL_WORDS = ("provisional", "preliminary", "initial", "early", "final", "certified", "official", "revised",
                     "updated", "partial", "complete")
# Words of a text that corrects an earlier one.
CORRECTION_PHRASES = (r"should have read", r"not [^.;]{1,40} as (?:stated|reported|previously reported)",
                      r"was incorrectly (?:given|stated|reported)", r"has been corrected")
# Verbs by which a sentence names the source of a figure ("the union says", "the association estimates").
NAMED_SOURCE_LEMMAS = {"say", "estimate", "put", "report", "show", "count", "claim", "state", "tell", "announce",
                       "confirm", "list", "record", "calculate", "predict", "forecast"}

# --- lists ----------------------------------------------------------------------------------------
LIST_CONNECTORS = ("of", "covering", "including", "such as", "namely", "as", "include", "included")
PARTIAL_LIST_CONNECTORS = {"including", "such as", "include", "included"}
LIST_HEAD_NOUNS = ("plan", "agenda", "platform", "programme", "program", "package", "list", "manifesto")
NOT_LIST_HEADS = {"is", "was", "has", "as", "this", "its", "us", "his", "includes", "these", "those", "plans", "talks",
                  "news", "years", "months", "weeks", "days", "hours", "times", "terms", "ministers", "officials",
                  "rests", "focuses", "centres", "says", "means"}
CLAUSE_CONJUNCTIONS = ("although", "though", "but", "while", "which", "who", "whereas", "after", "before", "when",
                       "according", "as well")

# --- reader ---------------------------------------------------------------------------------------
# What a "Label:" at the start of a line says about the text after it.
LABEL_ROLES = {
    "source": "attribution",
    "correction": "body",
    "corrections": "body",
    "clarification": "body",
    "update": "body",
    "details": "body",
    "background": "body",
    "context": "body",
    "advertisement": "clutter",
    "read more": "clutter",
    "read also": "clutter",
    "related": "clutter",
    "tags": "clutter",
    "photo": "clutter",
    "video": "clutter",
}
# Headings (a label without its colon, as pages write them) after which the text recounts earlier events.
SECTION_HEADINGS = ("background", "context")
# Labels whose text corrects or updates the article above it: a figure there supersedes the body's.
CORRECTION_LABELS = ("correction", "corrections", "clarification", "update")
ABBREVIATIONS_BEFORE_PERIOD = ("Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Col", "Lt", "Sgt", "Capt", "Gov", "Sen", "Rep",
                               "St", "Mt", "No", "Nos", "vs", "etc", "Jr", "Sr", "Inc", "Ltd", "Co", "Corp", "Jan",
                               "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
                               r"U\.S", r"U\.K", r"U\.N", r"E\.U", r"a\.m", r"p\.m")


# --- units of measure ------------------------------------------------------------------------------
# Written forms of units -> pint unit expressions. Single letters that are also words ("m", "t",
# "l", "g", "in") are left out unless glued to a number in a longer form ("km", "kg").
MEASURE_UNITS = {
    **{w: "meter" for w in ("metre", "metres", "meter", "meters")},
    **{w: "kilometer" for w in ("kilometre", "kilometres", "kilometer", "kilometers", "km")},
    **{w: "centimeter" for w in ("centimetre", "centimetres", "centimeter", "centimeters", "cm")},
    **{w: "millimeter" for w in ("millimetre", "millimetres", "millimeter", "millimeters", "mm")},
    **{w: "foot" for w in ("foot", "feet", "ft")},
    **{w: "inch" for w in ("inch", "inches")},
    **{w: "yard" for w in ("yard", "yards", "yd")},
    **{w: "mile" for w in ("mile", "miles")},
    **{w: "nautical_mile" for w in ("nautical mile", "nautical miles")},
    **{w: "hectare" for w in ("hectare", "hectares", "ha")},
    **{w: "acre" for w in ("acre", "acres")},
    **{w: "kilometer ** 2" for w in ("square kilometre", "square kilometres", "square kilometer", "square kilometers",
                                     "sq km", "km2", "km²")},
    **{w: "mile ** 2" for w in ("square mile", "square miles", "sq mi")},
    **{w: "meter ** 2" for w in ("square metre", "square metres", "square meter", "square meters", "m2", "m²")},
    **{w: "kilogram" for w in ("kilogram", "kilograms", "kilogramme", "kilogrammes", "kg", "kilo", "kilos")},
    **{w: "gram" for w in ("gram", "grams", "gramme", "grammes")},
    **{w: "metric_ton" for w in ("tonne", "tonnes", "metric ton", "metric tons")},
    **{w: "pound" for w in ("lb", "lbs")},  # "pounds" is read as mass only in a sentence about weight
    **{w: "kilometer / hour" for w in ("km/h", "kph", "kmh", "kilometres per hour", "kilometers per hour",
                                       "kilometres an hour", "kilometers an hour")},
    **{w: "mile / hour" for w in ("mph", "miles per hour", "miles an hour")},
    **{w: "knot" for w in ("knot", "knots")},
    **{w: "liter" for w in ("litre", "litres", "liter", "liters")},
    **{w: "gallon" for w in ("gallon", "gallons")},
    **{w: "meter ** 3" for w in ("cubic metre", "cubic metres", "cubic meter", "cubic meters", "m3", "m³")},
    **{w: "degree_Celsius" for w in ("°C", "degrees Celsius", "degrees centigrade", "C°")},
    **{w: "degree_Fahrenheit" for w in ("°F", "degrees Fahrenheit")},
}
# "pounds" is money unless the sentence is about weight.
MASS_WORDS = ("weigh", "weighs", "weighed", "weighing", "weight", "mass", "payload", "heavy", "load", "cargo",
              "kilograms", "kg", "tonnes")

# Units of time -> days, for durations ("a 12-day strike", "90 months", "seven and a half years").
DURATION_UNITS = {
    **{w: "minute" for w in ("minute", "minutes", "min", "mins")},
    **{w: "hour" for w in ("hour", "hours", "hr", "hrs")},
    **{w: "day" for w in ("day", "days")},
    **{w: "week" for w in ("week", "weeks")},
    **{w: "fortnight" for w in ("fortnight", "fortnights")},
    **{w: "month" for w in ("month", "months")},
    **{w: "year" for w in ("year", "years")},
    **{w: "decade" for w in ("decade", "decades")},
}
DAYS_PER_UNIT = {"minute": 1 / 1440, "hour": 1 / 24, "day": 1, "week": 7, "fortnight": 14, "month": 365.25 / 12,
                 "year": 365.25, "decade": 3652.5}
# Words after a length of time that make it a point in time or an age, not a duration.
NOT_DURATION_AFTER = ("ago", "old", "later", "earlier", "before", "after", "from now", "since", "into", "running")

# --- ranks and times of day ------------------------------------------------------------------------
# Superlatives an ordinal ranks by ("the third-largest party", "its second-biggest deal").
SUPERLATIVES = ("largest", "biggest", "smallest", "highest", "lowest", "busiest", "richest", "oldest", "longest",
                "deadliest", "worst", "best", "strongest", "placed", "ranked")
# Nouns after an ordinal that count occasions, not a rank of a thing: "for the second time".
NOT_RANKED_NOUNS = {"time", "times", "day", "week", "month", "year", "half", "quarter", "round", "place", "part",
                    "hand", "thought", "look", "wave", "dose", "term", "attempt", "phase", "stage", "reading"}
# Time zones by their offset from UTC in minutes.
TIME_ZONES = {"UTC": 0, "GMT": 0, "Z": 0, "BST": 60, "IST": 60, "CET": 60, "CEST": 120, "EET": 120, "EEST": 180,
              "MSK": 180, "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420, "MDT": -360,
              "PST": -480, "PDT": -420, "JST": 540, "AEST": 600, "AEDT": 660}
# Words of a publication's name: "the Aldergate Journal of Medicine", "the Northfield Medical Review".
PUBLICATION_WORDS = {"journal", "review", "lancet", "gazette", "times", "post", "herald", "magazine", "newspaper",
                     "bulletin", "proceedings", "annals", "letters", "reports", "record", "chronicle", "courier",
                     "tribune", "telegraph", "observer", "monitor", "digest", "quarterly", "weekly"}
PUBLISHING_VERBS = {"publish", "appear", "print", "report", "carry", "run", "feature"}

# Words that make an event a yardstick for a value rather than its occasion ("up on the previous
# election", "higher than at the last meeting", "compared with last year's summit"), beside the
# comparative tags JJR/RBR (verify/kinds/base.py `_yardstick`).
COMPARISON_WORDS = frozenset({"up", "down", "than", "compared", "versus", "against"})
