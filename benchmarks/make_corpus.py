#!/usr/bin/env python3
"""Generate a synthetic news corpus with an answer key for `verify eval`.

    python benchmarks/make_corpus.py N OUT_DIR [--seed S]

writes N articles to OUT_DIR/articles/*.txt (first line ` date YYYY-MM-DD <lead>`, then
blank-line separated paragraphs) and the answer key OUT_DIR/gold.json ({"events": [...],
"pairs": [...]}, the `verify eval` format). Every `*.txt` already in OUT_DIR/articles is removed
first, so a rerun with a smaller N leaves no stale articles behind.

The corpus is a few months of invented news: ministerial meetings, disasters, parliamentary and
council votes, local elections, strikes, protests, sports events and corporate announcements.
Each event is covered by 3-8 outlets publishing on the event day or 1-3 days later, each in its
own words (absolute or relative dates, hedged or spelled-out counts, amounts in several formats,
people with their roles, clutter lines and background paragraphs). Phenomena are planted at known
rates and recorded as labelled pairs with exact quotes (each quote occurs exactly once in its
article):

- conflict (about 10% of events): one outlet gives an incompatible count, a date a day off,
  another currency for the same figure or another office for the same person; the planted claim
  is paired with up to four outlets that give the true value;
- compatible: a hedged figure ("around 30", "more than 40", "dozens of", "nearly 5,000")
  against one it admits;
- update: casualty and evacuation figures of disasters rising in later-dated reports;
- different_event: a body that meets again 7-14 days later in another city with a different
  number of participants (claims of the two meetings paired across);
- different_scope: the size of a body against the number taking part;
- agree: the rest (dates in different forms, places, amounts, roles, counts).

Only the standard library is used and every random choice comes from one `random.Random(seed)`,
so the same N and seed give byte-identical output.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from random import Random

START = date(2024, 3, 4)
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
INF = float("inf")

# --------------------------------------------------------------------------------------------
# World: places, names, outlets, bodies
# --------------------------------------------------------------------------------------------

# (country, adjective, currency, cities; the first city is the capital)
COUNTRIES = [
    ("Portugal", "Portuguese", "EUR", ["Lisbon", "Porto", "Coimbra", "Braga", "Faro"]),
    ("Spain", "Spanish", "EUR", ["Madrid", "Barcelona", "Valencia", "Seville", "Bilbao", "Zaragoza"]),
    ("France", "French", "EUR", ["Paris", "Lyon", "Marseille", "Toulouse", "Nantes", "Bordeaux"]),
    ("Italy", "Italian", "EUR", ["Rome", "Milan", "Naples", "Turin", "Bologna", "Genoa"]),
    ("Germany", "German", "EUR", ["Berlin", "Hamburg", "Munich", "Cologne", "Leipzig", "Dresden"]),
    ("the Netherlands", "Dutch", "EUR", ["Amsterdam", "Rotterdam", "Utrecht", "Eindhoven", "Groningen"]),
    ("Belgium", "Belgian", "EUR", ["Brussels", "Antwerp", "Ghent", "Liege"]),
    ("Poland", "Polish", "EUR", ["Warsaw", "Krakow", "Gdansk", "Wroclaw", "Poznan"]),
    ("Greece", "Greek", "EUR", ["Athens", "Thessaloniki", "Patras", "Heraklion"]),
    ("Turkey", "Turkish", "USD", ["Ankara", "Istanbul", "Izmir", "Antalya", "Bursa"]),
    ("Kenya", "Kenyan", "USD", ["Nairobi", "Mombasa", "Kisumu", "Nakuru"]),
    ("Nigeria", "Nigerian", "USD", ["Abuja", "Lagos", "Kano", "Ibadan"]),
    ("Ghana", "Ghanaian", "USD", ["Accra", "Kumasi", "Tamale"]),
    ("South Africa", "South African", "USD", ["Pretoria", "Johannesburg", "Cape Town", "Durban"]),
    ("Egypt", "Egyptian", "USD", ["Cairo", "Alexandria", "Aswan"]),
    ("Morocco", "Moroccan", "USD", ["Rabat", "Casablanca", "Marrakesh", "Tangier"]),
    ("India", "Indian", "USD", ["New Delhi", "Mumbai", "Chennai", "Kolkata", "Pune"]),
    ("Japan", "Japanese", "USD", ["Tokyo", "Osaka", "Kyoto", "Sapporo", "Fukuoka"]),
    ("Indonesia", "Indonesian", "USD", ["Jakarta", "Surabaya", "Bandung", "Medan"]),
    ("the Philippines", "Philippine", "USD", ["Manila", "Cebu", "Davao"]),
    ("Brazil", "Brazilian", "USD", ["Brasilia", "Sao Paulo", "Rio de Janeiro", "Recife", "Porto Alegre"]),
    ("Argentina", "Argentine", "USD", ["Buenos Aires", "Cordoba", "Rosario", "Mendoza"]),
    ("Chile", "Chilean", "USD", ["Santiago", "Valparaiso", "Concepcion"]),
    ("Mexico", "Mexican", "USD", ["Mexico City", "Guadalajara", "Monterrey", "Puebla"]),
    ("Canada", "Canadian", "USD", ["Ottawa", "Toronto", "Montreal", "Vancouver", "Calgary"]),
    ("Australia", "Australian", "USD", ["Canberra", "Sydney", "Melbourne", "Brisbane", "Perth"]),
    ("Britain", "British", "GBP", ["London", "Manchester", "Glasgow", "Cardiff", "Leeds", "Bristol"]),
    ("Norway", "Norwegian", "EUR", ["Oslo", "Bergen", "Trondheim"]),
    ("Sweden", "Swedish", "EUR", ["Stockholm", "Gothenburg", "Malmo"]),
    ("Vietnam", "Vietnamese", "USD", ["Hanoi", "Ho Chi Minh City", "Da Nang"]),
    # invented countries and towns
    ("Ostland", "Ostlandic", "EUR", ["Valdor", "Brennick", "Kessary", "Marrow Point", "Hallenby", "Tessin Bay",
                                     "Oldmere"]),
    ("Carvenia", "Carvenian", "EUR", ["Port Aurel", "Dravik", "Selmont", "Varno", "Kirrin", "Lusk Harbour"]),
    ("Maravel", "Maravelan", "USD", ["Santa Irena", "Cobrada", "Puerto Lenz", "Alcarra", "Villa Orno",
                                     "San Tadeo"]),
    ("Halvaria", "Halvarian", "EUR", ["Halvard", "Emmerstad", "Rosk", "Tellen", "Brovik", "Ardeck"]),
    ("Sundra", "Sundran", "USD", ["Kotapura", "Merang", "Selatu", "Banyu Rasa", "Palindra", "Tanjung Ara"]),
    ("Quessa", "Quessan", "USD", ["Tamra", "El Qadir", "Sarrif", "Oum Dalla", "Bir Kessa"]),
    ("Aldoria", "Aldorian", "EUR", ["Castel Brun", "Ferrano", "Montesca", "Riva Scura", "Poggiolo"]),
    ("Kanderra", "Kanderran", "USD", ["Nyambe", "Kisoro Falls", "Mbaruku", "Lake Tumara", "Ngozi Hill"]),
    ("Eskeland", "Eskelandic", "EUR", ["Farholm", "Nordby", "Skarra", "Ulvsund", "Hjelmvik"]),
    ("Varesh", "Vareshi", "USD", ["Dastgar", "Mirabad", "Qalat Noor", "Sefidkuh"]),
    ("Tessaly", "Tessalian", "EUR", ["Corran", "Maelis", "Dunmore Cross", "Ashgrove", "Pellow"]),
    ("Lomaria", "Lomarian", "USD", ["Ilha Verde", "Sao Bento do Mar", "Caracol", "Lagoa Funda"]),
]

FIRST = ["Ilse", "Dario", "Petra", "Olufemi", "Hana", "Tomas", "Lena", "Sergei", "Mirela", "Amara", "Jonas",
         "Teodor", "Ana", "Joao", "Marta", "Luca", "Giulia", "Pieter", "Sanne", "Katarzyna", "Piotr", "Eleni",
         "Nikos", "Ayse", "Mehmet", "Wanjiru", "Kofi", "Ama", "Thabo", "Nomvula", "Youssef", "Salma", "Priya",
         "Arjun", "Haruto", "Yuki", "Dewi", "Budi", "Maria", "Carlos", "Lucia", "Diego", "Valentina", "Camila",
         "Mateo", "Isabel", "Francois", "Claire", "Hannah", "Felix", "Ingrid", "Magnus", "Astrid", "Liam",
         "Siobhan", "Rhys", "Fiona", "Aisha", "Omar", "Leila", "Ngozi", "Chidi", "Emeka", "Zanele", "Minh",
         "Linh", "Rosa", "Ivana", "Marek", "Zofia", "Elif", "Kemal", "Noor", "Farid", "Keiko", "Ren", "Anika",
         "Bram", "Oskar", "Greta", "Sofia", "Rafael", "Ines", "Nadia", "Viktor", "Tariq", "Mei", "Kwame"]
SURNAMES = ["Varnholt", "Quell", "Saelig", "Brask", "Morrow", "Volkonsky", "Dunst", "Whitcombe", "Sousa",
            "Ferreira", "Moretti", "Bianchi", "de Vries", "Janssen", "Kowalska", "Nowak", "Papadakis", "Yilmaz",
            "Demir", "Otieno", "Mensah", "Boateng", "Nkosi", "Dlamini", "El Amrani", "Benali", "Sharma", "Iyer",
            "Tanaka", "Sato", "Santoso", "Wijaya", "Reyes", "Castillo", "Gomez", "Herrera", "Alvarez",
            "Lefebvre", "Marchand", "Becker", "Hoffmann", "Lindqvist", "Solberg", "Berg", "O'Connell", "Maguire",
            "Price", "Hughes", "Okafor", "Adeyemi", "Balogun", "Nguyen", "Tran", "Pham", "Novak", "Horvath",
            "Kaya", "Aksoy", "Haddad", "Karimi", "Rahimi", "Watanabe", "Kimura", "Eriksen", "Halvorsen",
            "Strand", "Ostrova", "Marin", "Calloway", "Renner", "Ashdown", "Kessler", "Voss", "Lorant",
            "Fenwick", "Hollis", "Adebayo-Cole", "Osei-Lind", "Al-Sayed", "Brekke", "Quint", "Delacroix",
            "Mwangi", "Achterberg", "Sandoval", "Okonkwo", "Farrow", "Lindgren", "Petrov", "Castellano"]

# (name, style); the style sets the preferred date forms, publication lag and clutter
OUTLETS = [
    ("Meridian Wire", "wire"), ("Continental Press Agency", "wire"), ("Global Dispatch", "wire"),
    ("World Desk", "wire"), ("Market Wire", "wire"), ("Northgate Daily", "paper"),
    ("The Evening Ledger", "paper"), ("The Civic Observer", "paper"), ("The Morning Herald", "paper"),
    ("The Standard Courier", "paper"), ("Capital Chronicle", "paper"), ("Eastern Mail", "paper"),
    ("Frontline Report", "paper"), ("The Observer Post", "paper"), ("The Harbour Gazette", "local"),
    ("Riverside Post", "local"), ("Open Street Journal", "local"), ("Plains Tribune", "local"),
    ("Highland Record", "local"), ("Port City Times", "local"), ("Valley Bulletin", "local"),
    ("Coastline Radio", "broadcaster"), ("Channel Seven Newsroom", "broadcaster"), ("Signal FM", "broadcaster"),
    ("Public Radio North", "broadcaster"), ("Newsline 24", "broadcaster"), ("Daybreak News", "broadcaster"),
    ("The Weekly Compass", "analysis"), ("Policy Brief Online", "analysis"), ("Summit Review", "analysis"),
    ("The Lantern", "analysis"), ("The Correspondent", "analysis"), ("Business Ledger", "analysis"),
    ("Sport Central", "paper"), ("Finish Line Daily", "local"), ("The Regional Voice", "local"),
]
LAG_WEIGHTS = {"wire": [60, 30, 7, 3], "paper": [25, 50, 15, 10], "local": [40, 40, 12, 8],
               "broadcaster": [65, 28, 5, 2], "analysis": [5, 40, 30, 25]}
DATE_FORM_WEIGHTS = {
    "wire": {"abs_wd": 30, "abs": 12, "abs_y": 14, "abs_wd_y": 4, "us": 3, "rel_wd": 25, "yesterday": 8, "today": 8},
    "paper": {"abs_wd": 15, "abs": 12, "abs_y": 10, "abs_wd_y": 3, "us": 3, "rel_wd": 30, "yesterday": 17,
              "today": 10},
    "local": {"abs_wd": 8, "abs": 10, "abs_y": 6, "abs_wd_y": 1, "us": 2, "rel_wd": 30, "yesterday": 25,
              "today": 20},
    "broadcaster": {"abs_wd": 6, "abs": 6, "abs_y": 4, "abs_wd_y": 1, "us": 2, "rel_wd": 25, "yesterday": 26,
                    "today": 30},
    "analysis": {"abs_wd": 20, "abs": 18, "abs_y": 22, "abs_wd_y": 5, "us": 3, "rel_wd": 20, "yesterday": 8,
                 "today": 4},
}

# topic: (portfolio, what the ministers agreed, what the fund pays for, a line a minister might say)
TOPICS = [
    ("trade", "cut tariffs on farm goods and machinery", "help small exporters reach new markets",
     "Every border we make easier to cross is a job we keep at home."),
    ("energy", "link their national power grids", "cross-border power lines and battery storage",
     "A grid that stops at the border is a grid that fails in winter."),
    ("health", "build a shared stockpile of vaccines and antibiotics", "a regional stockpile of medicines",
     "The next outbreak will not wait for us to finish our paperwork."),
    ("transport", "tighten security at their ports", "coastal radar and patrol boats",
     "Our ports carry most of our trade and we have left them exposed for too long."),
    ("environment", "share river data and plan jointly for droughts", "reservoirs and flood warning systems",
     "Rivers do not care where our maps draw lines."),
    ("agriculture", "set up a joint grain reserve", "grain silos and an emergency food reserve",
     "A bad harvest in one country should not mean hunger in another."),
    ("fisheries", "set new catch limits for cod and herring", "patrols against illegal fishing",
     "If we do not protect the stocks now there will be nothing left to argue about."),
    ("interior", "coordinate patrols along their shared borders", "border surveillance and police training",
     "Criminal networks cooperate across borders, and so must we."),
    ("finance", "set up a regional development bank", "cheap loans for small businesses",
     "This is money that will stay in the region and work for the region."),
    ("education", "recognise each other's university degrees", "student exchange grants",
     "A degree earned in one of our countries should open doors in all of them."),
    ("foreign", "coordinate their humanitarian aid", "emergency relief for refugees",
     "We are stronger when we speak with one voice."),
    ("digital affairs", "protect the undersea cables that carry their data", "cable repair ships and monitoring",
     "Most of our economy now travels through a few cables on the seabed."),
]
REGIONS = ["Atlantic", "Northern", "Southern", "Eastern", "Western", "Coastal", "Inland", "Highland",
           "Continental", "Mediterranean", "Pacific", "Riverine", "Island", "Arctic", "Lowland", "Southern Cone",
           "Gulf", "Lakes", "Savanna", "Mountain"]
BODIES = [("Council", "the council"), ("Compact", "the compact"), ("Forum", "the forum"),
          ("Alliance", "the alliance"), ("Partnership", "the partnership"), ("Commission", "the commission"),
          ("Cooperation Group", "the group"), ("Conference", "the conference"), ("Initiative", "the initiative")]
TOPIC_WORDS = {"trade": "Trade", "energy": "Energy", "health": "Health", "transport": "Maritime",
               "environment": "Water", "agriculture": "Grain", "fisheries": "Fisheries", "interior": "Border",
               "finance": "Development", "education": "Education", "foreign": "Solidarity",
               "digital affairs": "Digital"}

COMPANY_PREFIX = ["Norvane", "Helix", "Arden", "Koru", "Baltica", "Tessara", "Quantis", "Lumen", "Orrin", "Vantor",
                  "Celdra", "Brightwater", "Ironvale", "Marlow", "Stratos", "Keelson", "Pellan", "Corvid", "Aster",
                  "Halden", "Nexa", "Ostrum", "Silverline", "Redmont", "Calder", "Evergate", "Polaris", "Sable",
                  "Tidewell", "Granmore"]
# sector: (company suffix, facility, what is acquired)
SECTORS = [("Energy", "battery plant", "solar panel maker"), ("Semiconductors", "chip plant", "chip designer"),
           ("Pharma", "vaccine factory", "generic drugmaker"), ("Logistics", "distribution hub", "parcel carrier"),
           ("Steel", "green steel mill", "scrap metal recycler"), ("Foods", "food processing plant", "dairy group"),
           ("Motors", "electric vehicle assembly plant", "charging network operator"),
           ("Telecom", "data centre", "fibre broadband provider"), ("Chemicals", "fertiliser plant", "coatings maker"),
           ("Aerospace", "engine maintenance hangar", "drone maker")]

STRIKE_SECTORS = [  # (workers, union words, employer, what stops)
    ("dockworkers", "Dockworkers' Union", "the port authority", "container traffic"),
    ("rail workers", "Rail Workers' Union", "the national rail operator", "train services"),
    ("nurses", "Nurses' Federation", "the regional health service", "routine operations"),
    ("teachers", "Teachers' Union", "the education ministry", "classes"),
    ("bus drivers", "Transit Workers' Union", "the municipal bus company", "bus services"),
    ("airport staff", "Aviation Workers' Union", "the airport operator", "flights"),
    ("refinery workers", "Energy Workers' Union", "the state oil company", "fuel deliveries"),
    ("postal workers", "Communication Workers' Union", "the national postal service", "parcel deliveries"),
]
PROTEST_CAUSES = [("rising rents", "a coalition of tenants' groups"), ("cuts to hospital budgets",
                  "health workers and patients' groups"), ("a planned motorway through the old town",
                  "residents' associations"), ("the closure of a steelworks", "unions and local business owners"),
                  ("new mining licences near the river", "environmental groups"), ("higher bus fares",
                  "student unions"), ("water shortages", "neighbourhood committees")]
PARTIES = ["the Civic Alliance", "the Green Future party", "the Workers' League", "the Liberal Centre",
           "the People's Movement", "the New Democrats", "the Social Union", "the Citizens' List"]
BILLS = ["a bill overhauling the pension system", "a law tightening rules on short-term rentals",
         "a reform of the state broadcaster", "a bill to expand free school meals", "a new housing law",
         "a bill raising the minimum wage", "a law on renewable energy targets", "a reform of the courts",
         "a bill to nationalise the water utilities", "a new data protection law"]
INSTITUTES = ["the Institute for Regional Studies", "the Centre for Policy Research", "the Open Economy Forum",
              "the Harbour Institute", "the School of Public Affairs", "the Civic Data Lab",
              "the Foundation for Public Finance", "the Disaster Research Centre"]
CLUB_SUFFIX = ["United", "City", "Athletic", "Rovers", "Wanderers", "FC", "Sporting"]
CUPS = ["the National Cup final", "the Continental Shield final", "the League Cup final", "the Champions Trophy final"]

NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS_WORDS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def words(n: int) -> str:
    if n < 20:
        return NUMBER_WORDS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return TENS_WORDS[tens] + ("-" + NUMBER_WORDS[ones] if ones else "")
    hundreds, rest = divmod(n, 100)
    return NUMBER_WORDS[hundreds] + " hundred" + (" and " + words(rest) if rest else "")


def fmt_int(n: int) -> str:
    return f"{n:,}"


def day_month(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]}"


def long_date(d: date) -> str:
    return f"{WEEKDAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def wpick(rng: Random, weights: dict):
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


class World:
    """Stable invented people, bodies and companies, so a minister keeps her name across events."""

    def __init__(self, rng: Random):
        self.rng = rng
        self.used_names: set[str] = set()
        self.people: dict[tuple, str] = {}
        self.countries = {c[0]: c for c in COUNTRIES}
        self.cities = [(city, c[0]) for c in COUNTRIES for city in c[3]]
        self.orgs = self._orgs()
        self.companies = self._companies()
        self.unions: dict[tuple, dict] = {}

    def person(self, *key) -> str:
        if key and key in self.people:
            return self.people[key]
        while True:
            name = f"{self.rng.choice(FIRST)} {self.rng.choice(SURNAMES)}"
            if name not in self.used_names:
                break
        self.used_names.add(name)
        if key:
            self.people[key] = name
        return name

    def _orgs(self) -> list[dict]:
        orgs, seen = [], set()
        while len(orgs) < 60:
            region = self.rng.choice(REGIONS)
            topic = self.rng.choice(TOPICS)
            body, short = self.rng.choice(BODIES)
            name = f"the {region} {TOPIC_WORDS[topic[0]]} {body}"
            if name in seen:
                continue
            seen.add(name)
            members = self.rng.randint(14, 48)
            orgs.append({"name": name, "short": short, "members": members, "topic": topic,
                         "founded": self.rng.randint(1958, 2016), "last": None,
                         "secgen": self.person("secgen", name)})
        return orgs

    def _companies(self) -> list[dict]:
        companies, seen = [], set()
        while len(companies) < 50:
            sector = self.rng.choice(SECTORS)
            name = f"{self.rng.choice(COMPANY_PREFIX)} {sector[0]}"
            if name in seen:
                continue
            seen.add(name)
            hq_city, hq_country = self.rng.choice(self.cities)
            companies.append({"name": name, "sector": sector, "hq": hq_city, "country": hq_country,
                              "ceo": self.person("ceo", name), "cfo": self.person("cfo", name), "last": None})
        return companies

    def union(self, country: str, sector: tuple) -> dict:
        key = (country, sector[0])
        if key not in self.unions:
            adj = self.countries[country][1]
            size = self.rng.choice([1800, 2400, 3000, 4500, 6000, 8000, 12000, 15000, 22000, 30000])
            self.unions[key] = {"name": f"the {adj} {sector[1]}", "members": size,
                                "leader": self.person("union", country, sector[0]),
                                "office": self.rng.choice(["general secretary", "president", "leader"])}
        return self.unions[key]


# --------------------------------------------------------------------------------------------
# Hedged quantities
# --------------------------------------------------------------------------------------------

def steps_for(v: int) -> list[int]:
    if v < 20:
        return [5]
    if v < 100:
        return [10, 5]
    if v < 1000:
        return [100, 50, 10]
    if v < 10000:
        return [1000, 500, 100]
    if v < 100000:
        return [10000, 5000, 1000]
    return [100000, 50000, 10000]


def hedge_options(v: int) -> dict:
    """Hedged renderings of v that admit v, each with the interval it denotes: kind -> (number, lo, hi)."""
    out = {"exact": (v, v, v)}
    if v < 12:
        return out
    for step in steps_for(v):
        x = round(v / step) * step
        if x > 0 and abs(x - v) <= 0.1 * x and "around" not in out:
            out["around"] = (x, 0.9 * x, 1.1 * x)
        x = (v // step) * step
        if x == v:
            x -= step
        if 0 < x < v and x >= 0.7 * v and "more_than" not in out:
            out["more_than"] = (x, x + 1, INF)
        x = -(-v // step) * step
        if x == v:
            x += step
        if x > v and v >= 0.95 * x and "nearly" not in out:
            out["nearly"] = (x, 0.9 * x, x - 1)
        x = (v // step) * step
        if 0 < x <= v and x >= 0.8 * v and "at_least" not in out:
            out["at_least"] = (x, x, INF)
    if 24 <= v <= 99:
        out["dozens"] = (None, 24, 144)
    elif 200 <= v <= 999:
        out["hundreds"] = (None, 200, 999)
    elif 2000 <= v <= 9999:
        out["thousands"] = (None, 2000, 9999)
    elif 20000 <= v <= 99999:
        out["tens_of_thousands"] = (None, 20000, 99999)
    return out


HEDGE_WORDS = {"around": ["around", "about", "some", "roughly", "approximately"],
               "more_than": ["more than", "over"], "nearly": ["nearly", "almost"], "at_least": ["at least"]}
VAGUE_WORDS = {"dozens": "dozens of", "hundreds": "hundreds of", "thousands": "thousands of",
               "tens_of_thousands": "tens of thousands of"}


def number_text(rng: Random, x: int, spell: float = 0.2) -> str:
    if x < 100 and rng.random() < spell:
        return words(x)
    return fmt_int(x) if x >= 10000 or rng.random() < 0.9 else str(x)


def overlaps(a: dict, b: dict) -> bool:
    return a["lo"] <= b["hi"] and b["lo"] <= a["hi"]


def same_figure(a: dict, b: dict) -> str:
    """'agree' when two figures say the same (also the same hedge: "more than 30" twice), else 'compatible'."""
    return "agree" if (a["lo"], a["hi"]) == (b["lo"], b["hi"]) else "compatible"


# --------------------------------------------------------------------------------------------
# Money
# --------------------------------------------------------------------------------------------

SYMBOL = {"USD": "$", "EUR": "€", "GBP": "£"}
CUR_WORD = {"USD": "dollars", "EUR": "euros", "GBP": "pounds"}


def trim(x: float) -> str:
    s = f"{x:.2f}".rstrip("0").rstrip(".")
    return s


def money_text(rng: Random, amount: float, cur: str) -> str:
    sym, word = SYMBOL[cur], CUR_WORD[cur]
    if amount >= 1e9:
        xs, unit, abbr = trim(amount / 1e9), "billion", "bn"
    elif amount >= 1e6:
        xs, unit, abbr = trim(amount / 1e6), "million", "m"
    else:
        return rng.choice([f"{sym}{fmt_int(int(amount))}", f"{fmt_int(int(amount))} {word}"])
    forms = {"sym": 50, "word": 20, "abbr": 8}
    if amount >= 1e9 and (amount / 1e6) == int(amount / 1e6):
        forms["million"] = 15
    if cur == "USD":
        forms["us"] = 4
    form = wpick(rng, forms)
    if form == "sym":
        return f"{sym}{xs} {unit}"
    if form == "word":
        return f"{xs} {unit} {word}"
    if form == "abbr":
        return f"{sym}{xs}{abbr}"
    if form == "us":
        return f"US${xs} {unit}"
    millions = fmt_int(int(amount / 1e6))
    return rng.choice([f"{millions} million {word}", f"{sym}{millions} million"])


# --------------------------------------------------------------------------------------------
# One article being written
# --------------------------------------------------------------------------------------------

MARK = re.compile(r"⟦(\w+)\|(.*?)⟧", re.S)


class Art:
    def __init__(self, rng: Random, world: World, ev: dict, outlet: tuple, pub: date):
        self.rng, self.world, self.ev, self.outlet, self.pub = rng, world, ev, outlet, pub
        self.style = outlet[1]
        self.force: set[str] = set()
        self.over: dict = {}  # planted deviations: key -> value
        self.conflict: str | None = None
        self.reset()

    def reset(self):
        self.info: dict[str, dict] = {}

    def want(self, key: str, p: float) -> bool:
        return key in self.force or self.rng.random() < p

    def mark(self, key: str, text: str, **info) -> str:
        assert key not in self.info, key
        self.info[key] = info
        return f"⟦{key}|{text}⟧"

    # dates ----------------------------------------------------------------------------------
    def date(self, key: str, true: date, mid: bool = False, evening: bool = False) -> str:
        """The event date as an outlet would write it; mid=True when the sentence goes on after it."""
        stated = true
        if key in self.over:
            stated = true + timedelta(days=self.over[key])
        lag = (self.pub - stated).days
        weights = dict(DATE_FORM_WEIGHTS[self.style])
        if lag != 1:
            weights.pop("yesterday")
        if lag != 0:
            weights.pop("today")
        if not 0 <= lag <= 6:
            weights.pop("rel_wd")
        form = wpick(self.rng, weights)
        wd, dm = WEEKDAYS[stated.weekday()], day_month(stated)
        text = {"abs_wd": f"on {wd}, {dm}", "abs": f"on {dm}", "abs_y": f"on {dm} {stated.year}",
                "abs_wd_y": f"on {wd}, {dm} {stated.year}", "us": f"on {MONTHS[stated.month - 1]} {stated.day}",
                "rel_wd": f"on {wd}", "yesterday": "yesterday", "today": "today"}[form]
        if evening and form == "yesterday":
            text = self.rng.choice(["yesterday", "late yesterday", "last night", "yesterday evening"])
        elif evening and form == "today":
            text = self.rng.choice(["today", "early this morning", "this morning"])
        elif evening and form == "rel_wd" and self.rng.random() < 0.3:
            text = f"on {wd} {self.rng.choice(['night', 'evening', 'morning'])}"
        out = self.mark(key, text, kind="date", stated=stated, true=true, form=form)
        if form in ("abs_wd", "abs_wd_y"):
            out += ","  # "on Tuesday, 14 May, it said"; write_article drops the comma before "." or ","
        return out

    def abs_date(self, d: date) -> str:
        return self.rng.choice([f"on {day_month(d)}", f"on {WEEKDAYS[d.weekday()]}, {day_month(d)}",
                                f"on {day_month(d)} {d.year}"])

    # counts ---------------------------------------------------------------------------------
    def count(self, key: str, v: int, noun: str | None, attr: str, weights: dict | None = None,
              fmt: str | None = None, scope: str = "event", running: bool = False, spell: float = 0.2,
              start: bool = False) -> str:
        """A count of v (or the planted value) with an optional hedge; fmt places '{q}' and '{noun}'."""
        planted = key in self.over
        if planted:
            v = self.over[key]
        opts = hedge_options(v)
        weights = dict(weights or {"exact": 50, "around": 12, "more_than": 12, "nearly": 5, "at_least": 4,
                                   "dozens": 6, "hundreds": 6, "thousands": 6, "tens_of_thousands": 6})
        if fmt is not None and "{noun}" not in fmt:
            weights = {k: w for k, w in weights.items() if k not in VAGUE_WORDS}
        if planted:
            weights = {"exact": 1}
        weights = {k: w for k, w in weights.items() if k in opts}
        kind = wpick(self.rng, weights) if weights else "exact"
        x, lo, hi = opts[kind]
        prefix = ""
        if start and kind == "exact":  # style: no numerals at the start of a sentence
            if x < 100:
                spell = 1.0
            else:
                prefix = "A total of "
        if kind in VAGUE_WORDS:
            q = VAGUE_WORDS[kind]
            text = f"{q} {noun}"
        else:
            q = number_text(self.rng, x, spell)
            if kind != "exact":
                q = f"{self.rng.choice(HEDGE_WORDS[kind])} {q}"
            text = (fmt or "{q} {noun}").format(q=q, noun=noun)
        return prefix + self.mark(key, text, kind="count", attr=attr, value=v, lo=lo, hi=hi, exact=kind == "exact",
                                  hedge=kind, scope=scope, running=running, pub=self.pub)

    # money ----------------------------------------------------------------------------------
    def money(self, key: str, amount: float, cur: str, attr: str = "amount:money", hedge: float = 0.08) -> str:
        cur = self.over.get(key, cur)
        if key not in self.over and self.rng.random() < hedge and amount >= 2e6:
            scale = 1e9 if amount >= 1e9 else 1e6
            mag = 10 ** (len(str(int(amount / scale))) - 1)
            floor = (int(amount / scale) // mag) * mag * scale
            if floor == amount:
                floor = amount - mag * scale if amount - mag * scale > 0 else 0
            if floor > 0:
                word = self.rng.choice(["more than", "over"])
                return self.mark(key, f"{word} {money_text(self.rng, floor, cur)}", kind="money", attr=attr,
                                 amount=amount, cur=cur, lo=floor, hi=INF, exact=False)
        return self.mark(key, money_text(self.rng, amount, cur), kind="money", attr=attr, amount=amount, cur=cur,
                         lo=amount, hi=amount, exact=True)

    # people ---------------------------------------------------------------------------------
    def role(self, key: str, name: str, office: str, country: str | None = None, title_ok: bool = True,
             org: str | None = None) -> str:
        """A person with an office ('foreign minister', 'mayor of Porto', "the union's president")."""
        office = self.over.get(key, office)
        forms = []
        if title_ok:
            forms.append(f"{office.title().replace(' Of ', ' of ')} {name}")
        if country:
            forms.append(f"{name}, {country}'s {office}")
            adj = self.world.countries[country][1]
            forms.append(f"the {adj} {office}, {name}")
        elif org:
            forms.append(f"{name}, {org}'s {office}")
            forms.append(f"{org}'s {office}, {name}")
        else:
            forms.append(f"{name}, the {office}")
        text = self.rng.choice(forms)
        out = self.mark(key, text, kind="role", person=name, office=office, attr=f"role:{slug(name)}")
        return out + ("," if ", " in text else "")  # close the apposition; write_article drops ",." and ",,"

    def loc(self, text: str, key: str = "loc") -> str:
        return self.mark(key, text, kind="loc", city=self.ev["city"])


def lazy(rng: Random, options: list):
    """Pick one of several renderings given as functions, so only the chosen one marks its claims."""
    return rng.choice(options)()


def fact(holder: dict, name: str, make):
    """A background fact drawn once per event (or company), so every outlet repeats the same one."""
    facts = holder.setdefault("facts", {})
    if name not in facts:
        facts[name] = make()
    return facts[name]


def surname(name: str) -> str:
    return name.split(" ", 1)[1]


# --------------------------------------------------------------------------------------------
# Clutter shared by all kinds
# --------------------------------------------------------------------------------------------

def clutter_byline(a: Art) -> str:
    hour, minute = a.rng.randint(6, 22), a.rng.choice([0, 5, 12, 18, 24, 30, 41, 47, 55])
    name = a.world.person()
    return f"By {name} | {day_month(a.pub)} {a.pub.year}, {hour:02d}:{minute:02d}"


def clutter_tail(a: Art, tags: list[str]) -> list[str]:
    out = []
    r = a.rng.random()
    if r < 0.15:
        out.append("Tags: " + ", ".join(tags))
    elif r < 0.25:
        out.append(a.rng.choice(["Support independent journalism on Patreon!",
                                 "Sign up for our morning briefing to get stories like this in your inbox.",
                                 "Like our coverage? Share it with a friend.",
                                 "Follow us for more updates on this story."]))
    elif r < 0.32:
        out.append("Related: " + a.rng.choice(["What the latest figures tell us", "Our explainer on the issues",
                                               "Five things to watch this week", "The week in pictures"]))
    return out


FILLERS = {
    "meeting": ["Diplomats said the final statement had been agreed only after late-night haggling over its wording.",
                "Several ministers pressed for quicker payments, while others warned that national budgets were "
                "already stretched.",
                "Officials said a working group would draw up detailed rules before the end of the year.",
                "Business and environmental groups gave the agreement a cautious welcome.",
                "The closing statement was adopted without a formal vote, as is customary.",
                "Some smaller members complained that they had been left out of the drafting."],
    "disaster": ["Power was cut to large parts of the area, and mobile networks were patchy.",
                 "Volunteers set up kitchens in schools and sports halls to feed those who had lost their homes.",
                 "Residents said there had been little warning before disaster struck.",
                 "The army sent trucks, boats and field hospitals to the worst-hit districts.",
                 "Aid agencies appealed for blankets, clean water and medicine.",
                 "Roads into the area were blocked, slowing the arrival of heavy equipment."],
    "vote": ["The opposition said it would challenge parts of the measure in court.",
             "Business groups welcomed the outcome, while unions said they would keep campaigning for changes.",
             "The debate was interrupted twice by protesters in the public gallery.",
             "Supporters said the change was long overdue; critics called it rushed."],
    "election": ["Campaigning had focused on housing, public transport and the cost of living.",
                 "The outgoing mayor conceded defeat shortly after the first results came in.",
                 "Coalition talks are expected to begin within days.",
                 "Smaller parties lost ground across the city, according to the provisional count."],
    "strike": ["Talks between the two sides broke down last month after the employer made what the union called "
               "a final offer.",
               "Passengers and businesses were warned to expect disruption for several days.",
               "The government urged both sides to return to the negotiating table.",
               "Management said contingency plans had kept some essential services running."],
    "protest": ["Marchers carried banners and chanted slogans as they made their way to city hall.",
                "Shops along the route closed early as a precaution.",
                "The government said it was willing to meet the organisers but would not change its plans.",
                "Counter-protesters gathered briefly near the main square but were kept apart by police."],
    "marathon": ["Spectators lined the route and the closing stretch was packed several rows deep.",
                 "Medical teams treated a handful of runners for exhaustion.",
                 "Roads in the city centre were closed for most of the day.",
                 "Organisers said preparations for next year's race would start immediately."],
    "final": ["Fans celebrated late into the night in the city centre.",
              "The winning side had lost the final in each of the previous two seasons.",
              "Both teams had a goal disallowed for offside in a tense first half.",
              "Police said the evening passed without serious incidents."],
    "corporate": ["The company did not say when construction would start.",
                  "Regulators will need to approve the plans before work can begin.",
                  "Unions said they wanted guarantees that existing jobs would be protected.",
                  "Local officials welcomed the news and promised help with permits."],
}


def photo(a: Art, caption: str) -> list[str]:
    return [f"Photo: {caption} ({a.rng.choice(['Meridian Wire', 'staff photographer', 'handout', 'file photo'])})"] \
        if a.rng.random() < 0.12 else []


# --------------------------------------------------------------------------------------------
# Meetings
# --------------------------------------------------------------------------------------------

PART_NOUNS = {"countries": 45, "nations": 12, "member states": 20, "delegations": 15, "governments": 8}


def render_meeting(a: Art):
    ev, r = a.ev, a.rng
    org = ev["org"]
    portfolio, goal, purpose, saying = org["topic"]
    P = portfolio.title() if portfolio != "digital affairs" else "Digital affairs"
    city = ev["city"]
    second = ev.get("first") is not None  # the follow-up meeting of a trap pair
    noun = wpick(r, PART_NOUNS)
    want_count = a.want("count", 0.85)
    want_money = ev["money"] is not None and a.want("money", 0.65)
    want_date = a.want("date", 0.92)

    def C(nouns=None, fmt=None, start=False):
        n = noun if nouns is None or noun in nouns else r.choice(nouns)
        return a.count("count", ev["participants"], n, "count:delegations", fmt=fmt, start=start)

    def D(mid=False):
        return a.date("date", ev["date"], mid=mid) if want_date else ""

    def sp(x):
        return (" " + x) if x else ""

    body = []
    money_in_lead = False
    t = r.randrange(5) if not second else r.choice([0, 2, 5, 6])
    if t == 0:
        if want_count:
            who = f"{P} ministers from {C(['countries', 'nations', 'member states', 'governments'])}"
        else:
            who = f"{P} ministers from {org['name']}"
        if want_money and r.random() < 0.6:
            money_in_lead = True
            tail = f"agreeing to set up a fund worth {a.money('money', *ev['money'])} for {purpose}"
        else:
            tail = f"agreeing to {goal}"
        lead = f"{who} {a.loc(f'met in {city}')}{sp(D(mid=True))}, {tail}."
        if want_count:
            lead += f" The talks were held under the banner of {org['name']}."
    elif t == 1:
        lead = (f"Ministers of {org['name']} agreed to {goal} at talks {a.loc(f'in {city}')}{sp(D())}"
                + (f", with {C()} taking part." if want_count else "."))
    elif t == 2:
        if want_count:
            lead = (f"Delegations from {C(['countries', 'nations'])} gathered {a.loc(f'in {city}')}{sp(D(mid=True))}"
                    f" for a ministerial meeting of {org['name']} that ended with a pledge to {goal}.")
        else:
            lead = (f"{org['name']} held a ministerial meeting {a.loc(f'in {city}')}{sp(D())}, ending with a pledge "
                    f"to {goal}.")
    elif t == 3:
        lead = f"{org['name']} wrapped up a one-day ministerial meeting {a.loc(f'in {city}')}{sp(D())}."
        if want_money:
            money_in_lead = True
            lead += f" Ministers approved {a.money('money', *ev['money'])} for {purpose}."
        else:
            lead += f" Ministers agreed to {goal}."
        if want_count:
            lead += f" {C(fmt='{q} {noun}', start=True)} were represented."
    elif t == 4:
        d = D(mid=True)
        lead = (f"The decision by {org['name']}{sp(d)} to {goal} is the most ambitious step the {org['short'][4:]} "
                f"has taken since it was founded in {org['founded']}, officials and analysts said.")
        if want_count:
            body.append(f"{a.loc(f'Meeting in {city}')}, ministers from {C(['countries', 'nations', 'member states'])}"
                        f" also discussed how to pay for it.")
        else:
            body.append(f"Ministers {a.loc(f'met in {city}')} for the talks, which ran late into the evening.")
    elif t == 5:
        lead = (f"{P} ministers from {org['name']} {a.loc(f'met in {city}')}{sp(D())}"
                + (" for the second time in two weeks." if second else ".")
                + (f" {C(fmt='{q} {noun}', start=True)} sent delegations." if want_count and noun != "delegations" else ""))
        if want_count and "count" not in a.info:
            lead += f" Officials said {C(['delegations'])} attended."
    else:
        cnt = f" from {C(['countries', 'nations', 'member states'])}" if want_count else ""
        lead = f"Delegations{cnt} {a.loc(f'met in {city}')}{sp(D())} for the second meeting of {org['name']} in a fortnight."

    if want_date and "date" not in a.info:
        body.append(f"The ministers met {D()}.")
    if "loc" not in a.info:
        body.append(f"The talks were held {a.loc(f'in {city}')}.")
    if want_count and "count" not in a.info:
        body.append(f"Officials said {C()} took part.")

    # chair and secretary-general
    if a.want("role", 0.65):
        chair = a.role("role", ev["chair"], f"{portfolio} minister", ev["country"])
        body.append(r.choice([
            f"The meeting was chaired by {chair}, who called the outcome \"a real step forward\".",
            f"{chair} chaired the talks. \"{saying[:-1]},\" {surname(ev['chair'])} told reporters afterwards.",
            f"Hosting the talks, {chair} said the agreement showed the {org['short'][4:]} could deliver. "
            f"\"{saying}\"",
        ]))
    else:
        body.append(f"\"{saying[:-1]},\" one minister told reporters as the talks ended.")
    if a.want("role2", 0.3):
        sg = a.role("role2", org["secgen"], "secretary-general", org=org["name"], title_ok=False)
        body.append(f"{sg} said work on the details would start immediately.")
    if want_money and not money_in_lead:
        body.append(lazy(r, [
            lambda: f"Officials said the fund, worth {a.money('money', *ev['money'])}, would pay for {purpose}.",
            lambda: f"Under the plan, members will pay {a.money('money', *ev['money'])} into a joint fund for {purpose}.",
            lambda: f"Ministers signed off on {a.money('money', *ev['money'])} for {purpose}, to be paid out over five years.",
        ]))
    if a.want("member", 0.35) and ev["participants"] != org["members"]:
        M = org["members"]
        body.append(lazy(r, [
            lambda: f"The {org['short'][4:]}, which has {a.count('member', M, 'member states', 'count:member_states', {'exact': 1}, scope='membership')}, "
            f"was founded in {org['founded']}.",
            lambda: f"{a.count('member', M, None, 'count:member_states', {'exact': 1}, fmt='The {q}-member ' + org['short'][4:], scope='membership', spell=0)} "
            f"was set up in {org['founded']} and meets at ministerial level about once a year.",
            lambda: f"{org['name']} groups {a.count('member', M, 'countries', 'count:member_states', {'exact': 1}, scope='membership')}.",
        ]))
        if "count" in a.info and a.info["count"]["exact"] and not a.conflict and r.random() < 0.5:
            missing = M - ev["participants"]
            body.append(f"{words(missing).capitalize() if missing < 20 else missing} member states did not send "
                        f"ministers, citing scheduling problems.")
    if a.want("analyst", 0.3):
        body.append(f"\"The test is whether governments actually pay,\" said {a.world.person()}, a researcher at "
                    f"{r.choice(INSTITUTES)}.")
    if second and r.random() < 0.6:
        first = ev["first"]
        body.append(f"The talks came {(ev['date'] - first['date']).days} days after ministers met in {first['city']} "
                    f"{a.abs_date(first['date'])}.")
    if ev.get("next") is not None and r.random() < 0.5:
        nxt = ev["next"]
        when = "next week" if (nxt["date"] - a.pub).days <= 9 else "later this month"
        body.append(f"Ministers are due to meet again {when} in {nxt['city']}, where the talks will focus on "
                    f"{nxt['focus']}.")
    background = []
    if not second and r.random() < 0.4:  # the follow-up meeting's last meeting is the first one
        other, year = fact(ev, "last_meeting", lambda: (r.choice(a.world.cities)[0], ev["date"].year - r.randint(1, 3)))
        background = [f"The {org['short'][4:]} last held a full ministerial meeting in {year}, "
                      f"in {other}. Critics say it has produced many statements and little money."]
    source = r.choice([f"{org['name']} press office", "wire reports", f"{ev['country']}'s {portfolio} ministry",
                       "official statement"])
    tags = [org['short'][4:], city, portfolio]
    return lead, body, background, source, tags, f"Ministers at the meeting of {org['name']}."


# --------------------------------------------------------------------------------------------
# Disasters
# --------------------------------------------------------------------------------------------

DISASTERS = {
    "earthquake": dict(noun="earthquake", the="the earthquake", verbs=["struck", "hit", "shook"],
                       extra="The quake had a magnitude of {mag} and struck at a depth of {depth} kilometres, "
                             "the national seismological service said.", evac="left their homes"),
    "flood": dict(noun="flash floods", the="the floods", verbs=["swept through", "inundated", "tore through"],
                  extra="Forecasters said {rain} millimetres of rain fell in less than a day.",
                  evac="were evacuated"),
    "wildfire": dict(noun="a wildfire", the="the wildfire", verbs=["tore through", "swept through", "ravaged"],
                     extra="The fire has burned across {ha} hectares of forest and farmland, according to the fire "
                           "service.", evac="were evacuated"),
    "storm": dict(noun="a powerful storm", the="the storm", verbs=["battered", "lashed", "swept through"],
                  extra="Gusts of up to {wind} kilometres an hour brought down power lines and trees.",
                  evac="were evacuated"),
    "landslide": dict(noun="a landslide", the="the landslide", verbs=["buried part of", "struck", "swept through"],
                      extra="Days of heavy rain had loosened the hillside above the town, officials said.",
                      evac="left their homes"),
}


def render_disaster(a: Art):
    ev, r = a.ev, a.rng
    k = DISASTERS[ev["dkind"]]
    city = ev["city"]
    day = (a.pub - ev["date"]).days
    deaths = ev["deaths"][day]
    injured = ev["injured"][day]
    evac = ev["evac"][day]
    risen = day > 0 and deaths > ev["deaths"][0]
    verb = r.choice(k["verbs"])
    want_date = a.want("date", 0.9)
    extra = k["extra"].format(mag=ev["mag"], depth=ev["depth"], rain=ev["rain"], ha=fmt_int(ev["ha"]),
                              wind=ev["wind"])
    noun = k["noun"]
    if ev["dkind"] == "earthquake":
        noun = f"a magnitude {ev['mag']} earthquake"
    Noun = noun[0].upper() + noun[1:]

    def D(mid=False):
        return a.date("date", ev["date"], mid=mid, evening=True) if want_date else ""

    def sp(x):
        return (" " + x) if x else ""

    def death_phrase(fmt_weights, start=False):
        fmt, weights = fmt_weights
        return a.count("deaths", deaths, "people", "count:deaths", weights, fmt=fmt, running=True, start=start)

    clause_forms = [("killing {q} {noun}", {"exact": 5, "at_least": 4, "more_than": 1}),
                    ("leaving {q} {noun} dead", {"exact": 3, "at_least": 2, "dozens": 1})]
    sentence_forms = [("{q} {noun} were killed", {"exact": 5, "at_least": 3}),
                      ("{q} {noun} died", {"exact": 4, "at_least": 4}),
                      ("{q} {noun} have died", {"exact": 3, "more_than": 1, "dozens": 1})]
    body = []
    if day == 0 or not risen or r.random() < 0.3:
        t = r.randrange(3)
        want_deaths = a.want("deaths", 0.9)
        if t == 0 and want_deaths:
            lead = f"{Noun} {a.loc(f'{verb} {city}')}{sp(D())}, {death_phrase(r.choice(clause_forms))}, officials said."
        elif t == 1 and want_deaths:
            lead = f"{death_phrase(r.choice(sentence_forms), start=True)} after {noun} {a.loc(f'{verb} {city}')}{sp(D())}, " \
                   f"emergency services said."
        else:
            lead = f"{Noun} {a.loc(f'{verb} {city}')}{sp(D())}, officials said."
            if want_deaths:
                if r.random() < 0.4:
                    body.append(f"Officials said {death_phrase(('the death toll stands at {q}', {'exact': 1}))}.")
                else:
                    body.append(f"{death_phrase(r.choice(sentence_forms), start=True)}, according to the authorities.")
    else:
        report_day = f" on {WEEKDAYS[a.pub.weekday()]}" if r.random() < 0.5 else ""
        if a.want("deaths", 0.95):
            fmt = r.choice(["rose to {q}", "climbed to {q}", "has risen to {q}"])
            lead = (f"The death toll from {k['the']} in {city} "
                    f"{a.count('deaths', deaths, None, 'count:deaths', {'exact': 1}, fmt=fmt, running=True)}"
                    f"{report_day} as rescuers "
                    f"{r.choice(['searched collapsed buildings', 'kept digging through the debris', 'reached cut-off villages'])}.")
        else:
            lead = f"Rescuers in {city} kept searching for survivors{report_day} as the scale of {k['the']} became clear."
        body.append(f"{k['the'].capitalize()} {a.loc(f'{verb} {city}')}{sp(D())}.")
    if a.want("injured", 0.55):
        inj = r.choice([
            ("{q} {noun} were injured", {"exact": 4, "more_than": 2, "dozens": 2, "hundreds": 2}),
            ("{q} {noun} were taken to hospital", {"exact": 3, "more_than": 2, "around": 1}),
            ("{q} {noun} were hurt", {"exact": 3, "more_than": 2, "dozens": 1}),
        ])
        body.append(f"{a.count('injured', injured, 'people', 'count:injured', inj[1], fmt=inj[0], running=True, start=True)}, "
                    f"{r.choice(['hospital officials said', 'the health ministry said', 'according to the emergency service'])}.")
    if ev["evac"][0] and a.want("evac", 0.5):
        body.append(f"{a.count('evac', evac, 'people', 'count:evacuees', {'exact': 3, 'around': 3, 'more_than': 3, 'nearly': 2, 'thousands': 1}, fmt='{q} {noun} ' + k['evac'], running=True, start=True)}, {r.choice(['the civil protection agency said', 'officials said', 'local authorities said'])}.")
    body.append(extra)
    if a.want("role", 0.55):
        minister = a.role("role", ev["minister"], "interior minister", ev["country"])
        body.append(r.choice([
            f"{minister} {r.choice(['visited the area', 'flew to the region', 'travelled to the scene'])} and promised "
            f"that the government would pay for temporary housing.",
            f"{minister} said the army had been asked to help with the search. \"We will not stop until every "
            f"family has an answer,\" {surname(ev['minister'])} said.",
        ]))
    if a.want("role2", 0.35):
        mayor = a.role("role2", ev["mayor"], f"mayor of {city}", title_ok=False) if r.random() < 0.5 else \
            a.role("role2", ev["mayor"], "mayor", title_ok=True)
        body.append(f"{mayor} said schools would stay closed and asked residents to avoid the worst-hit streets.")
    if ev["money"] and (day > 0 or r.random() < 0.3) and a.want("money", 0.5):
        body.append(lazy(r, [
            lambda: f"The government released {a.money('money', *ev['money'])} in emergency aid.",
            lambda: f"The cabinet approved an emergency package of {a.money('money', *ev['money'])} for repairs and "
            f"temporary shelter.",
        ]))
    background = []
    if r.random() < 0.35:
        other, year, toll = fact(ev, "past_disaster", lambda: (
            r.choice([c for c in a.world.countries[ev["country"]][3] if c != city]), ev["date"].year - r.randint(3, 15),
            r.randint(3, 19)))
        background = [f"In {year}, {k['the'][4:]}s in {other} killed {words(toll)} people and led to "
                      f"calls for better warning systems, many of which have not been built."]
    source = r.choice([f"{ev['country']}'s civil protection agency", "wire reports", "emergency services",
                       f"{city} city hall"])
    return lead, body, background, source, [ev["dkind"], city, ev["country"]], f"Rescue workers in {city}."


# --------------------------------------------------------------------------------------------
# Votes and elections
# --------------------------------------------------------------------------------------------

def render_vote(a: Art):
    ev, r = a.ev, a.rng
    city = ev["city"]
    council = ev["chamber"] == "council"
    members_word = "councillors" if council else "lawmakers"
    body_name = "the city council" if council else f"{ev['country']}'s parliament"
    F, A_ = ev["for"], ev["against"]
    want_date = a.want("date", 0.9)

    def D(mid=False):
        return a.date("date", ev["date"], mid=mid) if want_date else ""

    def sp(x):
        return (" " + x) if x else ""

    def V(style):
        w = {"exact": 1}
        if style == 0:
            return a.count("votes", F, None, "count:votes_for", w, fmt="by {q} votes", spell=0) + f" to {A_}"
        if style == 1:
            return a.count("votes", F, members_word, "count:votes_for", {"exact": 4, "more_than": 2, "nearly": 1}, start=True,
                           fmt="{q} {noun} voted in favour")
        return a.count("votes", F, None, "count:votes_for", w, fmt="with {q} votes in favour", spell=0) + \
            f" and {A_} against"

    body = []
    want_votes = a.want("votes", 0.85)
    what = ev["what"]
    t = r.randrange(3)
    if t == 0:
        who = "Councillors" if council else "Lawmakers"
        lead = f"{who} {a.loc(f'in {city}')} approved {what}{sp(D())}" + (f" {V(0)}." if want_votes else ".")
    elif t == 1:
        lead = (f"{V(1)} {D()} to pass {what}, handing the {'mayor' if council else 'government'} a hard-won victory."
                if want_votes else f"{body_name} passed {what} {D()}, handing the {'mayor' if council else 'government'} "
                                  f"a hard-won victory.")
        lead = re.sub(" +", " ", lead)
        body.append(f"The vote {a.loc(f'in {city}')} followed a debate of more than ten hours.")
    else:
        lead = (f"{what[0].upper() + what[1:]} cleared {body_name} {a.loc(f'in {city}')}{sp(D())}"
                + (f", {V(2)}." if want_votes else "."))
    if want_date and "date" not in a.info:
        body.append(f"The vote took place {D()}.")
    if want_votes and "votes" not in a.info:
        body.append(f"It passed {V(0)}.")
    if a.want("role", 0.6):
        if council:
            p = a.role("role", ev["person"], "mayor", title_ok=True) if r.random() < 0.6 else \
                a.role("role", ev["person"], f"mayor of {city}", title_ok=False)
        else:
            p = a.role("role", ev["person"], f"{ev['portfolio']} minister", ev["country"])
        body.append(r.choice([
            f"{p} said the vote was \"a promise kept\" and thanked {members_word} who had crossed party lines.",
            f"{p}, who steered the measure through weeks of negotiations, said the work of putting it into "
            f"practice would start at once.",
        ]))
    if ev["money"] and a.want("money", 0.55):
        body.append(lazy(r, [
            lambda: f"The measure is expected to cost {a.money('money', *ev['money'])} over five years.",
            lambda: f"Officials put the cost of the plan at {a.money('money', *ev['money'])}.",
        ]))
    if a.want("member", 0.3) and ev["for"] != ev["seats"]:
        fmt = "the {q}-seat " + ("council" if council else "chamber")
        body.append(f"Opposition {members_word} said the margin in "
                    f"{a.count('member', ev['seats'], None, 'count:seats', {'exact': 1}, fmt=fmt, scope='membership', spell=0)} "
                    f"showed how divided the {'city' if council else 'country'} remained.")
    if r.random() < 0.4:
        body.append(f"Several dozen protesters gathered outside during the debate, some holding signs against the plan.")
    background = []
    if r.random() < 0.3:
        background = ["A similar proposal was rejected in {} by a narrow margin.".format(
            fact(ev, "rejected", lambda: ev["date"].year - r.randint(2, 6)))]
    source = r.choice([f"{body_name}", "wire reports", "parliamentary records" if not council else "city hall"])
    return lead, body, background, source, ["politics", city], f"{members_word.capitalize()} during the debate."


def render_election(a: Art):
    ev, r = a.ev, a.rng
    city = ev["city"]
    want_date = a.want("date", 0.9)
    W, S = ev["won"], ev["seats"]
    party = ev["party"]

    def D(mid=False):
        return a.date("date", ev["date"], mid=mid) if want_date else ""

    def sp(x):
        return (" " + x) if x else ""

    body = []
    want_seats = a.want("seats", 0.85)
    seat_q = lambda fmt, w=None: a.count("seats", W, "seats", "count:seats", w or {"exact": 1}, fmt=fmt)  # noqa: E731
    t = r.randrange(3)
    if t == 0:
        lead = (f"{party} won the municipal election {a.loc(f'in {city}')}{sp(D())}"
                + (f", taking {seat_q('{q} of the ' + str(S) + ' seats')} on the city council." if want_seats else "."))
    elif t == 1:
        lead = (f"Voters {a.loc(f'in {city}')} handed {party} control of the city council{sp(D())}"
                + (f", with the party winning {seat_q('{q} {noun}', {'exact': 4, 'more_than': 1})}." if want_seats else "."))
    else:
        lead = (f"{party} emerged as the largest party in the {city} council election held{sp(D())}, "
                f"according to official results.")
        body.append(f"The count {a.loc(f'in {city}')} finished shortly after midnight.")
        if want_seats:
            body.append(f"The party secured {seat_q('{q} {noun}', {'exact': 3, 'nearly': 1, 'more_than': 1})}, "
                        f"the electoral commission said.")
    if want_date and "date" not in a.info:
        body.append(f"The vote was held {D()}.")
    if a.want("role", 0.65):
        p = a.role("role", ev["person"], "party leader", title_ok=False) if r.random() < 0.5 else \
            a.role("role", ev["person"], "mayoral candidate", title_ok=False)
        body.append(f"{p} told supporters the result was \"a mandate for change\".")
    body.append(f"Turnout was {ev['turnout']} percent, {'up' if ev['turnout'] > 55 else 'down'} on the previous "
                f"election.")
    if a.want("member", 0.25):
        body.append(f"A majority on {a.count('member', S, None, 'count:seats', {'exact': 1}, fmt='the {q}-member council', scope='membership', spell=0)} "
                    f"requires {S // 2 + 1} seats.")
    background = []
    if r.random() < 0.3:
        background = [f"The party governed the city for most of the 1990s before losing power to a coalition."]
    return lead, body, background, r.choice(["electoral commission", "wire reports", "official results"]), \
        ["election", city], f"Supporters celebrate in {city}."


# --------------------------------------------------------------------------------------------
# Strikes and protests
# --------------------------------------------------------------------------------------------

def render_strike(a: Art):
    ev, r = a.ev, a.rng
    city = ev["city"]
    workers, _, employer, stops = ev["sector"]
    union = ev["union"]
    want_date = a.want("date", 0.9)

    def D(mid=False):
        return a.date("date", ev["date"], mid=mid) if want_date else ""

    def sp(x):
        return (" " + x) if x else ""

    want_count = a.want("count", 0.85)
    W = ev["strikers"]
    wts = {"exact": 4, "more_than": 3, "around": 2, "nearly": 1, "thousands": 1, "hundreds": 1}
    body = []
    t = r.randrange(3)
    if t == 0 and want_count:
        lead = (f"{a.count('count', W, workers, 'count:strikers', wts, start=True)} {a.loc(f'in {city}')} walked off the job"
                f"{sp(D())} in a {ev['hours']}-hour strike over pay, halting {stops}.")
    elif t == 1:
        lead = (f"A {ev['hours']}-hour strike by {workers} brought {stops} {a.loc(f'in {city}')} to a standstill"
                f"{sp(D())}, {union['name']} said.")
        if want_count:
            body.append(f"The union said {a.count('count', W, 'workers', 'count:strikers', wts)} had joined the stoppage.")
    else:
        lead = f"{workers.capitalize()} {a.loc(f'in {city}')} went on strike{sp(D())}, demanding a {ev['raise']} percent pay rise."
        if want_count:
            body.append(f"{a.count('count', W, 'workers', 'count:strikers', wts, fmt='{q} {noun} took part', start=True)}, "
                        f"according to the union.")
    if want_date and "date" not in a.info:
        body.append(f"The stoppage began {D()}.")
    if a.want("role", 0.65):
        p = a.role("role", union["leader"], union["office"], org="the union", title_ok=False)
        body.append(f"{p} said members had been left with no choice. \"We have waited two years for a fair offer,\" "
                    f"{surname(union['leader'])} said.")
    if ev["money"] and a.want("money", 0.5):
        body.append(f"{employer.capitalize()} said the strike was costing {a.money('money', *ev['money'])} a day and "
                    f"urged the union to return to talks.")
    if a.want("member", 0.3) and W != union["members"]:
        body.append(f"The union, which represents "
                    f"{a.count('member', union['members'], workers, 'count:members', {'exact': 1}, scope='membership')}, "
                    f"has not ruled out further action.")
    if r.random() < 0.4:
        body.append(f"Pickets gathered at the main gates from early morning, and a rally was held at midday.")
    background = []
    if r.random() < 0.3:
        since = fact(ev, "last_strike", lambda: ev["date"].year - r.randint(4, 12))
        background = [f"It is the first strike in the sector since {since}, when a "
                      f"three-day walkout ended with a deal on overtime pay."]
    return lead, body, background, r.choice([union["name"][4:], "wire reports", employer[4:]]), \
        ["strike", city, workers], f"Pickets outside the gates in {city}."


def render_protest(a: Art):
    ev, r = a.ev, a.rng
    city = ev["city"]
    cause, who = ev["cause"]
    want_date = a.want("date", 0.9)

    def D(mid=False):
        return a.date("date", ev["date"], mid=mid, evening=True) if want_date else ""

    def sp(x):
        return (" " + x) if x else ""

    want_count = a.want("count", 0.85)
    N = ev["marchers"]
    wts = {"exact": 3, "around": 4, "more_than": 3, "thousands": 1, "tens_of_thousands": 2}
    body = []
    if want_count and r.random() < 0.6:
        lead = (f"{a.count('count', N, 'people', 'count:protesters', wts, start=True)} marched {a.loc(f'through {city}')}{sp(D())}"
                f" to protest against {cause}, police said.")
    else:
        lead = f"Protesters {a.loc(f'marched through {city}')}{sp(D())} against {cause}, in a rally organised by {who}."
        if want_count:
            body.append(f"Police estimated the crowd at {a.count('count', N, None, 'count:protesters', {'exact': 3, 'around': 2}, fmt='{q}')}.")
    if want_date and "date" not in a.info:
        body.append(f"The march took place {D()}.")
    if a.want("arrests", 0.5):
        body.append(f"Police said {a.count('arrests', ev['arrests'], 'people', 'count:arrests', {'exact': 1})} were "
                    f"arrested after scuffles near the end of the route.")
    if a.want("role", 0.55):
        p = a.role("role", ev["police"], "police chief", title_ok=True) if r.random() < 0.5 else \
            a.role("role", ev["police"], f"police chief of {city}", title_ok=False)
        body.append(f"{p} said the march had been \"largely peaceful\".")
    body.append(f"Organisers said they would return every weekend until the authorities changed course.")
    background = []
    if r.random() < 0.25:
        background = [f"Similar protests in {ev['date'].year - 1} forced the government to delay its plans."]
    return lead, body, background, r.choice(["police statement", "wire reports", "organisers"]), \
        ["protest", city], f"Marchers in central {city}."


# --------------------------------------------------------------------------------------------
# Sports
# --------------------------------------------------------------------------------------------

def render_sport(a: Art):
    ev, r = a.ev, a.rng
    city = ev["city"]
    want_date = a.want("date", 0.9)

    def D(mid=False):
        return a.date("date", ev["date"], mid=mid) if want_date else ""

    def sp(x):
        return (" " + x) if x else ""

    body = []
    want_count = a.want("count", 0.8)
    if ev["sport"] == "marathon":
        wts = {"exact": 3, "more_than": 3, "around": 3, "nearly": 1, "thousands": 1, "tens_of_thousands": 1}
        lead = (f"{ev['winner']} of {ev['winner_country']} won the {city} Marathon{sp(D())} in {ev['time']}, "
                f"{r.choice(['pulling clear in the final five kilometres', 'breaking away at the halfway mark', 'outsprinting two rivals on the finishing straight'])}.")
        body.append(f"The race {a.loc(f'in {city}')} was run in {r.choice(['cool, dry conditions', 'steady rain', 'unseasonable heat'])}.")
        if want_count:
            body.append(lazy(r, [
                lambda: f"{a.count('count', ev['runners'], 'runners', 'count:runners', wts, start=True)} started the race, organisers said.",
                lambda: f"Organisers said {a.count('count', ev['runners'], 'runners', 'count:runners', wts)} took part this year.",
            ]))
        role_office, key_person = "race director", ev["director"]
    else:
        wts = {"exact": 4, "nearly": 2, "more_than": 2, "around": 2, "tens_of_thousands": 1}
        lead = (f"{ev['winner']} beat {ev['loser']} {ev['score']} to win {ev['cup']} {a.loc(f'in {city}')}{sp(D())}.")
        if want_count:
            body.append(lazy(r, [
                lambda: f"{a.count('count', ev['crowd'], 'spectators', 'count:spectators', wts, start=True)} watched at {ev['stadium']}.",
                lambda: f"The match at {ev['stadium']} drew a crowd of "
                f"{a.count('count', ev['crowd'], None, 'count:spectators', {'exact': 3, 'nearly': 1, 'more_than': 1}, fmt='{q}', spell=0)}.",
            ]))
        role_office, key_person = "head coach", ev["coach"]
    if want_date and "date" not in a.info:
        body.append(f"The {'race' if ev['sport'] == 'marathon' else 'final'} was held {D()}.")
    if a.want("role", 0.6):
        if ev["sport"] == "marathon":
            p = a.role("role", key_person, role_office, title_ok=True) if r.random() < 0.5 else \
                a.role("role", key_person, role_office, title_ok=False)
            body.append(f"{p} said the event had gone \"as smoothly as we could have hoped\".")
        else:
            p = a.role("role", key_person, role_office, org=ev["winner"], title_ok=False)
            body.append(f"{p} said his players had \"earned every minute of this\".".replace(
                "his", r.choice(["his", "her"])))
    if ev["money"] and a.want("money", 0.45):
        body.append(f"The {'winner' if ev['sport'] == 'marathon' else 'club'} takes home prize money of "
                    f"{a.money('money', *ev['money'], hedge=0)}.")
    background = []
    if r.random() < 0.25:
        background = [f"The event was first held in {fact(ev, 'first_held', lambda: r.randint(1950, 1995))} and has "
                      f"grown every year since."]
    return lead, body, background, r.choice(["race organisers" if ev["sport"] == "marathon" else "match report",
                                             "wire reports"]), ["sport", city], f"The finish in {city}."


# --------------------------------------------------------------------------------------------
# Corporate
# --------------------------------------------------------------------------------------------

def render_corporate(a: Art):
    ev, r = a.ev, a.rng
    co = ev["company"]
    city = ev["city"]
    want_date = a.want("date", 0.88)

    def D(mid=False):
        return a.date("date", ev["date"], mid=mid) if want_date else ""

    def sp(x):
        return (" " + x) if x else ""

    body = []
    want_money = a.want("money", 0.9)
    want_jobs = a.want("count", 0.75)
    jobs_w = {"exact": 3, "around": 3, "more_than": 2, "hundreds": 1, "thousands": 1}
    if ev["deal"] == "plant":
        facility = co["sector"][1]
        money = a.money("money", *ev["money"]) if want_money else ""
        lead = (f"{co['name']} said{sp(D())} it would build a {facility} {a.loc(f'in {city}')}"
                + (f", investing {money}" if money else "") + ".")
        if want_jobs:
            body.append(lazy(r, [
                lambda: f"The company expects the site to create {a.count('count', ev['jobs'], 'jobs', 'count:jobs', jobs_w)} once it is running.",
                lambda: f"{a.count('count', ev['jobs'], 'new jobs', 'count:jobs', jobs_w, start=True)} are expected at the site, the company said.",
            ]))
    else:
        target = ev["target"]
        money = a.money("money", *ev["money"]) if want_money else ""
        lead = (f"{co['name']} agreed{sp(D())} to buy {target}" + (f" for {money}" if money else "")
                + f", in a deal announced {a.loc(f'in {city}')}.")
        body.append(f"{target} is {ev['target_desc']} with operations in several countries.")
        if want_jobs:
            body.append(f"The combined group will employ {a.count('count', ev['jobs'], 'people', 'count:jobs', jobs_w)}.")
    if want_date and "date" not in a.info:
        body.append(f"The announcement came {D()}.")
    if a.want("role", 0.7):
        p = a.role("role", co["ceo"], "chief executive", org=co["name"], title_ok=r.random() < 0.5)
        body.append(r.choice([
            f"{p} said the decision reflected \"strong and lasting demand\" for the group's products.",
            f"\"This is the biggest bet we have made in a decade,\" said {p}.",
        ]))
    if a.want("role2", 0.25):
        p = a.role("role2", co["cfo"], "chief financial officer", org=co["name"], title_ok=False)
        body.append(f"{p} said the deal would be paid for from cash and new borrowing.")
    if r.random() < 0.5:
        body.append(f"Shares in the company {r.choice(['rose', 'fell', 'were little changed'])} in early trading.")
    if a.want("analyst", 0.3):
        body.append(f"\"The numbers look ambitious,\" said {a.world.person()}, an analyst at "
                    f"{r.choice(['Harbourview Capital', 'Stone Bridge Securities', 'Linden Research'])}.")
    background = []
    if r.random() < 0.3:
        background = [f"{co['name']}, based in {co['hq']}, reported revenue of "
                      f"{money_text(r, *fact(co, 'revenue', lambda: (r.choice([1.8e9, 2.6e9, 4.1e9, 7.5e9, 12e9]), r.choice(['USD', 'EUR']))))} "
                      f"last year."]
    return lead, body, background, r.choice(["company statement", "wire reports", "stock exchange filing"]), \
        ["business", co["name"]], f"The company's headquarters in {co['hq']}."


RENDER = {"meeting": render_meeting, "disaster": render_disaster, "vote": render_vote, "election": render_election,
          "strike": render_strike, "protest": render_protest, "sport": render_sport, "corporate": render_corporate}


def capitalize_starts(p: str) -> str:
    out, start, i = [], True, 0
    while i < len(p):
        ch = p[i]
        if ch == "⟦":
            j = p.index("|", i)
            out.append(p[i:j + 1])
            i = j + 1
            continue
        if start and ch.isalpha():
            out.append(ch.upper())
            start = False
        else:
            if start and ch.isdigit():
                start = False
            out.append(ch)
            if ch in ".!?" and i + 1 < len(p) and p[i + 1] == " ":
                start = True
        i += 1
    return "".join(out)


def write_article(a: Art, tries: int = 12) -> None:
    """Render the article, retrying until every claim phrase occurs exactly once in the text."""
    for attempt in range(tries):
        a.reset()
        lead, body, background, source, tags, caption = RENDER[a.ev["kind"]](a)
        rng = a.rng
        pool = FILLERS[a.ev.get("sport", a.ev["kind"])]
        for filler in rng.sample(pool, rng.randint(1, 3)):
            body.insert(rng.randint(min(1, len(body)), len(body)), filler)
        paras = [capitalize_starts(p) for p in body]
        if rng.random() < 0.12:
            paras.insert(0, clutter_byline(a))
        if rng.random() < 0.55:
            paras.insert(min(1, len(paras)), f"Source: {source}")
        if rng.random() < 0.2 and paras:
            i = rng.randrange(len(paras))
            if not paras[i].startswith(("Source:", "By ")):
                paras[i] = "Details: " + paras[i]
        if rng.random() < 0.45 and len(paras) >= 3:
            paras.insert(rng.randint(2, len(paras) - 1), "Advertisement:")
        paras[1:1] = photo(a, caption) if paras else []
        if background:
            paras += ["Background:"] + [capitalize_starts(p) for p in background]
        paras += clutter_tail(a, tags)
        text = f" date {a.pub.isoformat()} {capitalize_starts(lead)}\n\n" + "\n\n".join(paras) + "\n"
        text = text.replace("⟧,.", "⟧.").replace("⟧,,", "⟧,").replace("⟧,\"", "⟧\"")
        quotes = {m.group(1): m.group(2) for m in MARK.finditer(text)}
        plain = MARK.sub(lambda m: m.group(2), text)
        assert "⟦" not in plain and "⟧" not in plain
        for key, info in a.info.items():
            info["quote"] = quotes[key]
            info["unique"] = plain.count(quotes[key]) == 1
        if all(info["unique"] for info in a.info.values()) or attempt == tries - 1:
            a.text = plain
            a.info = {k: v for k, v in a.info.items() if v["unique"]}
            return


# --------------------------------------------------------------------------------------------
# Events
# --------------------------------------------------------------------------------------------

KIND_WEIGHTS = {"meeting": 24, "disaster": 19, "vote": 10, "election": 5, "strike": 9, "protest": 6, "sport": 10,
                "corporate": 13}
COVERAGE = {3: 20, 4: 22, 5: 20, 6: 15, 7: 12, 8: 11}
CONFLICT_RATE = 0.10  # share of events with one planted conflict
TRAP_RATE = 0.35  # share of meetings followed 7-14 days later by another meeting of the same body


class Builder:
    def __init__(self, n: int, seed: int):
        self.n = n
        self.rng = Random(seed)
        self.world = World(self.rng)
        est_events = n / 5.3
        self.span = max(120, min(540, int(est_events * 0.45)))
        self.events: list[dict] = []
        self.busy: dict[str, list[date]] = {}
        self.articles: list[Art] = []

    # scheduling -----------------------------------------------------------------------------
    def pick_city(self, d: date, country: str | None = None, avoid: str | None = None) -> tuple[str, str]:
        cities = [c for c in self.world.cities if (country is None or c[1] == country) and c[0] != avoid]
        for _ in range(200):
            city, ctry = self.rng.choice(cities)
            if all(abs((d - other).days) > 4 for other in self.busy.get(city, [])):
                break
        self.busy.setdefault(city, []).append(d)
        return city, ctry

    def pick_date(self, weekdays: tuple | None = None) -> date:
        d = START + timedelta(days=self.rng.randrange(self.span))
        if weekdays:
            while d.weekday() not in weekdays:
                d += timedelta(days=1)
        return d

    def coverage(self, remaining: int) -> int:
        k = wpick(self.rng, COVERAGE)
        if remaining <= 8:
            return remaining
        if remaining - k < 3:
            k = remaining - 3
        return k

    # event facts ----------------------------------------------------------------------------
    def new_event(self, kind: str, **kw) -> dict:
        ev = {"id": None, "kind": kind, "money": None, **kw}
        self.events.append(ev)
        return ev

    def make_meeting(self, d: date | None = None, org: dict | None = None, avoid: str | None = None) -> dict:
        r = self.rng
        if org is None:
            d = self.pick_date((0, 1, 2, 3, 4))
            free = [o for o in self.world.orgs if o["last"] is None or abs((d - o["last"]).days) > 60]
            org = r.choice(free or self.world.orgs)
        org["last"] = d
        city, country = self.pick_city(d, avoid=avoid)
        M = org["members"]
        P = max(11, M - r.choice([0, 1, 1, 2, 2, 3, 3, 4, 5, 6, 8]))
        P = min(P, M)
        money = None
        if r.random() < 0.6:
            cur = self.world.countries[country][2] if r.random() < 0.6 else r.choice(["USD", "EUR"])
            money = (r.choice([150e6, 200e6, 250e6, 300e6, 400e6, 450e6, 500e6, 600e6, 750e6, 800e6, 1.2e9, 1.5e9,
                               1.8e9, 2.4e9, 3e9, 4.5e9]), cur)
        chair = self.world.person("minister", country, org["topic"][0])
        return self.new_event("meeting", org=org, city=city, country=country, date=d, participants=P, money=money,
                              chair=chair, first=None, next=None,
                              label=f"Ministerial meeting of {org['name']} in {city}")

    def make_disaster(self) -> dict:
        r = self.rng
        d = self.pick_date()
        city, country = self.pick_city(d)
        dkind = r.choice(list(DISASTERS))
        deaths = [r.choice([3, 4, 5, 6, 7, 8, 9, 11, 12, 14, 16, 18, 21, 23, 27, 31, 38, 44, 52, 67, 85])]
        injured = [deaths[0] * r.randint(2, 6) + r.randint(1, 9)]
        evac = [r.choice([0, 0, 600, 1200, 2400, 3100, 4800, 7500, 12000, 18000, 26000]) if dkind != "landslide"
                else r.choice([0, 150, 300, 450])]
        for _ in range(3):
            grow = r.random() < 0.6
            deaths.append(deaths[-1] + (max(1, int(deaths[-1] * r.uniform(0.15, 0.6))) if grow else 0))
            injured.append(injured[-1] + (int(injured[-1] * r.uniform(0.1, 0.4)) if r.random() < 0.4 else 0))
            evac.append(evac[-1] + (int(evac[-1] * r.uniform(0.2, 0.8)) // 100 * 100 if r.random() < 0.4 else 0))
        money = None
        if r.random() < 0.55:
            money = (r.choice([5e6, 10e6, 12e6, 20e6, 25e6, 40e6, 60e6, 75e6, 100e6, 150e6]),
                     self.world.countries[country][2])
        return self.new_event(
            "disaster", dkind=dkind, city=city, country=country, date=d, deaths=deaths, injured=injured, evac=evac,
            money=money, mag=r.choice([5.4, 5.8, 6.1, 6.3, 6.6, 6.9, 7.2]), depth=r.choice([8, 10, 12, 18, 25, 33]),
            rain=r.choice([120, 150, 180, 210, 260]), ha=r.choice([2400, 5100, 8600, 12000, 19500]),
            wind=r.choice([110, 130, 150, 170]), minister=self.world.person("minister", country, "interior"),
            mayor=self.world.person("mayor", city),
            label=f"{DISASTERS[dkind]['noun'].replace('a ', '', 1).capitalize()} in {city}")

    def make_vote(self) -> dict:
        r = self.rng
        d = self.pick_date((0, 1, 2, 3, 4))
        if r.random() < 0.5:
            city, country = self.pick_city(d)
            seats = r.choice([31, 41, 45, 51, 55, 61, 65, 75])
            F = r.randint(seats // 2 + 1, seats - 3)
            A_ = r.randint(1, seats - F)
            money = (r.choice([350e6, 480e6, 620e6, 900e6, 1.2e9, 1.4e9, 2.1e9]), self.world.countries[country][2])
            return self.new_event("vote", chamber="council", city=city, country=country, date=d, seats=seats,
                                  **{"for": F}, against=A_, money=money,
                                  what=f"the city's budget for {d.year + 1}",
                                  person=self.world.person("mayor", city), portfolio=None,
                                  label=f"{city} city council approves the {d.year + 1} budget")
        country = r.choice(COUNTRIES)
        capital = country[3][0]
        if any(abs((d - o).days) <= 4 for o in self.busy.get(capital, [])):
            d += timedelta(days=7)
        self.busy.setdefault(capital, []).append(d)
        seats = r.choice([150, 200, 225, 300, 350, 400, 450])
        F = r.randint(seats // 2 + 1, int(seats * 0.7))
        A_ = r.randint(seats // 5, seats - F)
        portfolio = r.choice(["finance", "labour", "justice", "housing", "economy"])
        money = (r.choice([1.2e9, 2.5e9, 3.8e9, 6e9, 9e9]), country[2]) if r.random() < 0.6 else None
        what = r.choice(BILLS)
        return self.new_event("vote", chamber="parliament", city=capital, country=country[0], date=d, seats=seats,
                              **{"for": F}, against=A_, money=money, what=what,
                              person=self.world.person("minister", country[0], portfolio), portfolio=portfolio,
                              label=f"{country[0]}'s parliament passes {what}")

    def make_election(self) -> dict:
        r = self.rng
        d = self.pick_date((6,))
        city, country = self.pick_city(d)
        seats = r.choice([31, 41, 45, 51, 61, 65])
        won = r.randint(seats // 3, seats // 2 + 5)
        party = r.choice(PARTIES)
        return self.new_event("election", city=city, country=country, date=d, seats=seats, won=won, party=party,
                              turnout=r.randint(38, 72), person=self.world.person("candidate", city, party),
                              label=f"Municipal election in {city}")

    def make_strike(self) -> dict:
        r = self.rng
        d = self.pick_date((0, 1, 2, 3, 4))
        city, country = self.pick_city(d)
        sector = r.choice(STRIKE_SECTORS)
        union = self.world.union(country, sector)
        strikers = int(union["members"] * r.uniform(0.45, 0.95)) // 100 * 100 or 100
        money = (r.choice([1.2e6, 2.5e6, 3.4e6, 4.8e6, 6e6, 12e6]), self.world.countries[country][2]) \
            if r.random() < 0.6 else None
        return self.new_event("strike", city=city, country=country, date=d, sector=sector, union=union,
                              strikers=strikers, hours=r.choice([24, 48]), money=money,
                              **{"raise": r.choice([6, 7, 8, 9, 10, 12])},
                              label=f"Strike by {sector[0]} in {city}")

    def make_protest(self) -> dict:
        r = self.rng
        d = self.pick_date((5, 6) if r.random() < 0.7 else None)
        city, country = self.pick_city(d)
        return self.new_event("protest", city=city, country=country, date=d, cause=r.choice(PROTEST_CAUSES),
                              marchers=r.choice([1800, 2600, 4200, 6500, 9000, 14000, 23000, 38000, 61000]),
                              arrests=r.randint(2, 40), police=self.world.person("police", city),
                              label=f"Protest march in {city}")

    def make_sport(self) -> dict:
        r = self.rng
        if r.random() < 0.5:
            d = self.pick_date((6,))
            city, country = self.pick_city(d)
            winner_country = r.choice(COUNTRIES)[0]
            money = (r.choice([50_000, 100_000, 150_000, 250_000]), r.choice(["USD", "EUR"])) \
                if r.random() < 0.6 else None
            return self.new_event("sport", sport="marathon", city=city, country=country, date=d,
                                  runners=r.choice([8400, 12500, 17800, 24300, 31600, 42000]),
                                  winner=self.world.person(), winner_country=winner_country,
                                  time=f"2:{r.randint(4, 14):02d}:{r.randint(0, 59):02d}",
                                  director=self.world.person("director", city), money=money,
                                  label=f"{city} Marathon")
        d = self.pick_date((2, 5, 6))
        city, country = self.pick_city(d)
        clubs = r.sample([c for c, _ in self.world.cities], 2)
        winner = f"{clubs[0]} {r.choice(CLUB_SUFFIX)}"
        loser = f"{clubs[1]} {r.choice(CLUB_SUFFIX)}"
        cup = r.choice(CUPS)
        money = (r.choice([400_000, 1.5e6, 2e6, 3.5e6]), self.world.countries[country][2]) if r.random() < 0.5 else None
        return self.new_event("sport", sport="final", city=city, country=country, date=d, winner=winner, loser=loser,
                              cup=cup, score=r.choice(["2-1", "1-0", "3-1", "2-0", "3-2"]),
                              stadium=f"the {r.choice(['National', 'Municipal', 'Harbour', 'Olympic', 'Central'])} Stadium",
                              crowd=r.randint(18000, 82000), coach=self.world.person("coach", winner), money=money,
                              label=f"{cup[4:].capitalize()} in {city}")

    def make_corporate(self) -> dict:
        r = self.rng
        d = self.pick_date((0, 1, 2, 3, 4))
        free = [c for c in self.world.companies if c["last"] is None or abs((d - c["last"]).days) > 45]
        co = r.choice(free or self.world.companies)
        co["last"] = d
        if r.random() < 0.6:
            city, country = self.pick_city(d)
            amount = r.choice([85e6, 120e6, 240e6, 450e6, 600e6, 1.2e9, 2.3e9, 3.6e9])
            return self.new_event("corporate", deal="plant", company=co, city=city, country=country, date=d,
                                  money=(amount, r.choice(["USD", "USD", "EUR", self.world.countries[country][2]])),
                                  jobs=r.choice([150, 240, 400, 650, 900, 1200, 1500, 2300, 3400]),
                                  label=f"{co['name']} announces a {co['sector'][1]} in {city}")
        city, country = co["hq"], co["country"]
        self.busy.setdefault(city, []).append(d)
        target = f"{r.choice(COMPANY_PREFIX)} {r.choice(['Group', 'Holdings', 'Industries', 'Networks'])}"
        amount = r.choice([450e6, 1.2e9, 2.3e9, 3.6e9, 5.4e9, 8.1e9])
        return self.new_event("corporate", deal="acquisition", company=co, city=city, country=country, date=d,
                              target=target, target_desc=f"a {co['sector'][2]}", money=(amount, r.choice(["USD", "EUR"])),
                              jobs=r.choice([2400, 5200, 8800, 12500, 19000]),
                              label=f"{co['name']} agrees to buy {target}")

    # coverage -------------------------------------------------------------------------------
    def cover(self, ev: dict, k: int) -> list[Art]:
        r = self.rng
        outlets = r.sample(OUTLETS, k)
        arts = []
        for outlet in outlets:
            lag = r.choices(range(4), weights=LAG_WEIGHTS[outlet[1]])[0]
            arts.append(Art(r, self.world, ev, outlet, ev["date"] + timedelta(days=lag)))
        ev["arts"] = arts
        return arts

    def plant_conflict(self, ev: dict, arts: list[Art]) -> None:
        """Choose one outlet and one attribute to get wrong; the rendering reads a.over."""
        r = self.rng
        kinds = ["date"]
        count_key = {"meeting": "count", "disaster": "deaths", "vote": "votes", "election": "seats",
                     "strike": "count", "protest": "count", "sport": "count", "corporate": "count"}[ev["kind"]]
        kinds += [count_key, count_key]
        if ev.get("money"):
            kinds.append("money")
        kinds.append("role")
        kind = r.choice(kinds)
        if kind == "deaths":
            by_day = Counter(a.pub for a in arts)
            shared = [a for a in arts if by_day[a.pub] >= 2]
            if not shared:
                kind = "date"
        if kind == "deaths":
            victim = r.choice(shared)
            partners = [a for a in arts if a is not victim and a.pub == victim.pub]
        else:
            victim = r.choice(arts)
            partners = [a for a in arts if a is not victim]
        victim.conflict = kind
        victim.force.add(kind)
        for a in r.sample(partners, min(len(partners), 2)):
            a.force.add(kind)
        ev["conflict"] = (kind, victim)

    def conflict_value(self, ev: dict, victim: Art, kind: str) -> None:
        r = self.rng
        if kind == "date":
            lag = (victim.pub - ev["date"]).days
            victim.over["date"] = 1 if lag >= 1 and r.random() < 0.5 else -1
        elif kind == "money":
            cur = ev["money"][1]
            victim.over["money"] = r.choice([c for c in ("USD", "EUR", "GBP") if c != cur])
        elif kind == "role":
            office = {"meeting": lambda: f"{ev['org']['topic'][0]} minister", "disaster": lambda: "interior minister",
                      "vote": lambda: "mayor" if ev["chamber"] == "council" else f"{ev['portfolio']} minister",
                      "election": lambda: "party leader", "strike": lambda: ev["union"]["office"],
                      "protest": lambda: "police chief",
                      "sport": lambda: "race director" if ev["sport"] == "marathon" else "head coach",
                      "corporate": lambda: "chief executive"}[ev["kind"]]()
            alternatives = {"mayor": ["deputy mayor", "city treasurer"], "party leader": ["deputy leader"],
                            "general secretary": ["president", "treasurer"], "president": ["general secretary",
                                                                                           "vice-president"],
                            "leader": ["general secretary", "treasurer"], "police chief": ["deputy police chief"],
                            "race director": ["race doctor", "press officer"], "head coach": ["sporting director",
                                                                                              "assistant coach"],
                            "chief executive": ["chief financial officer", "chairman"]}
            if office.endswith(" minister"):
                port = office[:-len(" minister")]
                others = [t[0] for t in TOPICS if t[0] != port] + ["defence", "justice"]
                alt = f"{r.choice(others)} minister"
            else:
                alt = r.choice(alternatives[office])
            victim.over["role"] = alt
        else:
            true = {"count": {"meeting": "participants", "strike": "strikers", "protest": "marchers",
                              "corporate": "jobs"}.get(ev["kind"]),
                    "votes": "for", "seats": "won"}.get(kind)
            if ev["kind"] == "sport":
                true = "runners" if ev["sport"] == "marathon" else "crowd"
            if kind == "deaths":
                v = ev["deaths"][(victim.pub - ev["date"]).days]
                partners = [a for a in ev["arts"] if a is not victim and a.pub == victim.pub]
            else:
                v = ev[true]
                partners = [a for a in ev["arts"] if a is not victim]
            intervals = [a.info[kind] for a in partners if kind in a.info]
            best = None
            for _ in range(40):
                delta = max(2, int(round(v * r.uniform(0.12, 0.35))))
                if v >= 1000:
                    delta = max(100, delta // 100 * 100)
                m = v + delta if r.random() < 0.5 else v - delta
                if kind == "count" and ev["kind"] == "meeting" and m > ev["org"]["members"]:
                    continue
                if m > 1 and all(not (i["lo"] <= m <= i["hi"]) for i in intervals):
                    best = m
                    break
            if best is None:
                best = v + max(2, v // 2) * 3
            victim.over[kind] = best

    # the corpus -----------------------------------------------------------------------------
    def build(self) -> None:
        r = self.rng
        remaining = self.n
        while remaining > 0:
            kind = wpick(r, KIND_WEIGHTS)
            k = self.coverage(remaining)
            if kind == "meeting" and r.random() < TRAP_RATE and remaining - k >= 3:
                first = self.make_meeting()
                k2 = self.coverage(remaining - k)
                gap = r.randint(7, 14)
                d2 = first["date"] + timedelta(days=gap)
                while d2.weekday() > 4:
                    d2 += timedelta(days=1)
                second = self.make_meeting(d2, first["org"], avoid=first["city"])
                # a clearly different turnout at the follow-up
                M = first["org"]["members"]
                for _ in range(20):
                    p2 = max(8, first["participants"] - r.randint(3, 9))
                    if abs(p2 - first["participants"]) >= 3:
                        break
                second["participants"] = p2
                second["first"] = first
                first["next"] = {"city": second["city"], "date": second["date"],
                                 "focus": r.choice(["how the money will be spent", "joint patrols",
                                                    "a timetable for the plan", "technical details"])}
                second["label"] = f"Follow-up meeting of {first['org']['name']} in {second['city']}"
                first["trap"] = second
                self.cover(first, k)
                self.cover(second, k2)
                remaining -= k + k2
                assert M >= p2
                continue
            ev = getattr(self, f"make_{kind}")()
            self.cover(ev, k)
            remaining -= k
        # events in date order, then ids
        self.events.sort(key=lambda e: (e["date"], e["label"]))
        for i, ev in enumerate(self.events, 1):
            ev["id"] = f"e{i:04d}_{ev['kind']}_{slug(ev['city'])}"
        # conflicts, rendering
        with_conflict = {id(ev) for ev in r.sample(self.events, round(CONFLICT_RATE * len(self.events)))}
        for ev in self.events:
            ev["conflict"] = None
            if id(ev) in with_conflict:
                self.plant_conflict(ev, ev["arts"])
            victim = ev["conflict"][1] if ev["conflict"] else None
            for a in ev["arts"]:
                if a is not victim:
                    write_article(a)
            if victim is not None:
                self.conflict_value(ev, victim, ev["conflict"][0])
                write_article(victim)
                if ev["conflict"][0] not in victim.info:  # the phrase could not be made unique
                    victim.conflict = None
                    ev["conflict"] = None
            self.articles += ev["arts"]
        order = sorted(self.articles, key=lambda a: (a.pub, r.random()))
        for i, a in enumerate(order, 1):
            a.id = f"a{i:05d}_{slug(a.outlet[0]).replace('_', '-')}"

    # the answer key -------------------------------------------------------------------------
    def pairs_for(self, ev: dict) -> list[dict]:
        r = self.rng
        arts = ev["arts"]
        special, plain = [], []

        def side(a, key):
            return {"article": a.id, "quote": a.info[key]["quote"]}

        def attr_of(a, key):
            return a.info[key].get("attr", "date" if key == "date" else "location" if key == "loc" else key)

        def add(bucket, verdict, a, b, key, why, keyb=None, event=None):
            bucket.append({"verdict": verdict, "event": (event or ev)["id"], "attribute": attr_of(a, key),
                           "a": side(a, key), "b": side(b, keyb or key), "why": why})

        conflict = ev.get("conflict")
        victim = conflict[1] if conflict else None
        keys = sorted({k for a in arts for k in a.info})
        for key in keys:
            having = [a for a in arts if key in a.info]
            for i, a in enumerate(having):
                for b in having[i + 1:]:
                    if victim in (a, b):
                        if conflict[0] != key:
                            continue
                        bad, good = (a, b) if a is victim else (b, a)
                        why = self.conflict_why(ev, key, bad, good)
                        if why:
                            add(special, "conflict", bad, good, key, why)
                        continue
                    ia, ib = a.info[key], b.info[key]
                    kind = ia["kind"]
                    if kind == "count":
                        if ia["running"] and a.pub != b.pub:
                            early, late = (a, b) if a.pub < b.pub else (b, a)
                            ie, il = early.info[key], late.info[key]
                            if il["value"] > ie["value"] and il["lo"] > ie["hi"]:
                                add(special, "update", early, late, key,
                                    f"The {ia['attr'].split(':')[1].replace('_', ' ')} figure rises from "
                                    f"{ie['value']} in the report of {day_month(early.pub)} to {il['value']} in the "
                                    f"report of {day_month(late.pub)}, a running count revised upwards.")
                            elif il["value"] == ie["value"] and overlaps(ia, ib):
                                add(plain, same_figure(ia, ib), a, b, key, self.count_why(ia, ib))
                            continue
                        if overlaps(ia, ib):
                            add(plain, same_figure(ia, ib), a, b, key, self.count_why(ia, ib))
                    elif kind == "date":
                        add(plain, "agree", a, b, key, f"'{ia['quote']}' ({self.date_note(a, ia)}) and "
                            f"'{ib['quote']}' ({self.date_note(b, ib)}) name the same day.")
                    elif kind == "loc":
                        add(plain, "agree", a, b, key, f"Both place the {self.noun(ev)} in {ev['city']}.")
                    elif kind == "money":
                        if ia["cur"] == ib["cur"] and overlaps(ia, ib):
                            exact = same_figure(ia, ib) == "agree"
                            add(plain, same_figure(ia, ib), a, b, key,
                                f"'{ia['quote']}' and '{ib['quote']}' "
                                + ("are the same amount." if exact else "admit the same amount."))
                    elif kind == "role":
                        if ia["office"] == ib["office"]:
                            add(plain, "agree", a, b, key,
                                f"Both give {ia['person']} the office of {ia['office']}.")
        # different scope: the size of a body against the number taking part
        for a in arts:
            if "member" in a.info and "count" in a.info and a is not victim and r.random() < 0.5:
                im, ic = a.info["member"], a.info["count"]
                if ic["hi"] < im["value"]:
                    add(special, "different_scope", a, a, "count",
                        f"{im['value']} is the size of the whole body; '{ic['quote']}' counts those taking part.",
                        keyb="member")
                    break
        # different events: the follow-up meeting of the same body
        trap = ev.get("trap")
        if trap:
            cands = []
            for key in ("count", "loc", "date"):
                trap_victim = trap["conflict"][1] if trap.get("conflict") else None
                for a in arts:
                    for b in trap["arts"]:
                        if a is victim or b is trap_victim:
                            continue
                        if key in a.info and key in b.info:
                            if key == "count" and overlaps(a.info[key], b.info[key]):
                                continue
                            cands.append((key, a, b))
            r.shuffle(cands)
            taken = set()
            for key, a, b in cands:
                if key in taken and len(taken) < 2:
                    continue
                if key == "count":
                    why = (f"{a.info['count']['value']} took part in the {day_month(ev['date'])} meeting in "
                           f"{ev['city']}, {b.info['count']['value']} in the separate "
                           f"{day_month(trap['date'])} meeting in {trap['city']}.")
                elif key == "loc":
                    why = (f"{ev['city']} and {trap['city']} host two separate meetings of the same body, "
                           f"{(trap['date'] - ev['date']).days} days apart.")
                else:
                    why = (f"'{a.info['date']['quote']}' is the first meeting ({day_month(ev['date'])}); "
                           f"'{b.info['date']['quote']}' is the follow-up ({day_month(trap['date'])}).")
                add(special, "different_event", a, b, key, why)
                taken.add(key)
                if len([p for p in special if p["verdict"] == "different_event"]) >= r.randint(1, 3):
                    break
        # keep all planted conflicts (up to four partners), a few other specials, then fill
        out = [p for p in special if p["verdict"] == "conflict"][:4]
        rest = [p for p in special if p["verdict"] != "conflict"]
        r.shuffle(rest)
        by_verdict: dict[str, list] = {}
        for p in rest:
            by_verdict.setdefault(p["verdict"], []).append(p)
        for v in ("update", "different_event", "different_scope"):
            limit = {"update": 2, "different_event": 3, "different_scope": 1}[v]
            out += by_verdict.get(v, [])[:limit]
        target = r.randint(2, 4)
        r.shuffle(plain)
        # prefer compatible pairs and a spread of attributes
        plain.sort(key=lambda p: (p["verdict"] != "compatible" or r.random() < 0.4, r.random()))
        seen_attr: Counter = Counter()
        fill = max(1, target - len(out)) if out else target
        chosen = []
        for p in sorted(plain, key=lambda p: seen_attr[p["attribute"]]):
            if len(chosen) >= fill:
                break
            if seen_attr[p["attribute"]] >= 1 and any(seen_attr[q["attribute"]] == 0 for q in plain):
                continue
            chosen.append(p)
            seen_attr[p["attribute"]] += 1
        if len(chosen) < fill:
            chosen += [p for p in plain if p not in chosen][:fill - len(chosen)]
        return out + chosen

    def noun(self, ev: dict) -> str:
        return {"meeting": "meeting", "disaster": ev.get("dkind", "disaster"), "vote": "vote", "election": "election",
                "strike": "strike", "protest": "march", "sport": "event", "corporate": "announcement"}[ev["kind"]]

    def date_note(self, a: Art, info: dict) -> str:
        if info["form"].startswith("abs") or info["form"] == "us":
            return f"{long_date(info['stated'])}"
        return f"in an article dated {long_date(a.pub)}, that is {long_date(info['stated'])}"

    def count_why(self, ia: dict, ib: dict) -> str:
        if ia["exact"] and ib["exact"]:
            return f"Both give {ia['value']}."
        if same_figure(ia, ib) == "agree":
            return f"'{ia['quote']}' and '{ib['quote']}' say the same."
        hedged, other = (ia, ib) if not ia["exact"] else (ib, ia)
        if other["exact"]:
            return f"'{hedged['quote']}' admits the {other['value']} given by the other report."
        return f"'{ia['quote']}' and '{ib['quote']}' both admit the true figure of {ia['value']}."

    def conflict_why(self, ev: dict, key: str, bad: Art, good: Art) -> str | None:
        ib, ig = bad.info[key], good.info[key]
        if key == "date":
            if ib["stated"] == ig["stated"]:
                return None
            return (f"'{ib['quote']}' ({self.date_note(bad, ib)}) puts the {self.noun(ev)} a day away from "
                    f"'{ig['quote']}' ({self.date_note(good, ig)}).")
        if key == "money":
            if not ig["exact"] or ig["amount"] != ib["amount"] or ig["cur"] == ib["cur"]:
                return None
            return f"The same figure is given in {ib['cur']} by one outlet and in {ig['cur']} by the other."
        if key in ("role", "role2"):
            if ib["office"] == ig["office"]:
                return None
            return f"{ib['person']} is called {ib['office']} in one report and {ig['office']} in the other."
        if ib["kind"] == "count":
            if ig["lo"] <= ib["value"] <= ig["hi"]:
                return None
            if ib["running"] and bad.pub != good.pub:
                # a running toll can rise between reports but not fall: only a fall is a contradiction
                early, late = (ib, ig) if bad.pub < good.pub else (ig, ib)
                if early["lo"] <= late["hi"]:
                    return None
                return (f"'{early['quote']}' ({day_month(early['pub'])}) is higher than the later "
                        f"'{late['quote']}' ({day_month(late['pub'])}); a running toll does not fall, so one "
                        f"of the two reports is wrong.")
            return (f"'{ib['quote']}' ({ib['value']}) cannot be reconciled with '{ig['quote']}' "
                    f"(true figure {ig['value']}) in a report of the same "
                    + ("day." if ib["running"] else "event."))
        return None

    def gold(self) -> dict:
        events, pairs = [], []
        for ev in self.events:
            ids = sorted(a.id for a in ev["arts"])
            if ev.get("trap"):
                ids = sorted(set(ids) | {a.id for a in ev["trap"]["arts"] if ev["city"] in a.text})
            events.append({"id": ev["id"], "label": ev["label"], "date": ev["date"].isoformat(),
                           "location": ev["city"], "articles": ids})
            pairs += self.pairs_for(ev)
        return {"events": events, "pairs": pairs}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of articles (at least 3)")
    ap.add_argument("out", type=Path, help="output folder (articles/ and gold.json)")
    ap.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    args = ap.parse_args(argv)
    if args.n < 3:
        ap.error("N must be at least 3")
    started = time.perf_counter()
    b = Builder(args.n, args.seed)
    b.build()
    gold = b.gold()
    art_dir = args.out / "articles"
    art_dir.mkdir(parents=True, exist_ok=True)
    for old in art_dir.glob("*.txt"):
        old.unlink()
    for a in b.articles:
        (art_dir / f"{a.id}.txt").write_text(a.text, encoding="utf-8")
    (args.out / "gold.json").write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    verdicts = Counter(p["verdict"] for p in gold["pairs"])
    order = ["agree", "compatible", "conflict", "update", "different_event", "different_scope"]
    print(f"make_corpus: {len(b.articles)} articles, {len(gold['events'])} events, {len(gold['pairs'])} pairs ("
          + ", ".join(f"{v} {verdicts.get(v, 0)}" for v in order)
          + f") -> {args.out} in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
