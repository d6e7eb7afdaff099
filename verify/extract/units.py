"""Numbers with a unit of measure: "60 metres", "a 60-foot gap", "112km/h", "seven and a half years".

The counts scanner (quantities.py) leaves these out on purpose: a measure is not a count of
things. Here a number (digits or words, with the hedge before it) followed by a unit from a
table the caller gives (`{surface form: canonical unit}`) is one `UnitMention`, whether written
with a space, a hyphen ("a 12-day strike") or glued ("10km").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .quantities import hedge_before, hedge_interval, parse_number_words

NUMBER_WORD = (r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
               r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
               r"thousand|a|an|half|quarter)")
DIGITS = r"\d{1,3}(?:[,\u00a0\u202f]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
WORDS = rf"{NUMBER_WORD}(?:[\s-]+(?:and[\s-]+)?{NUMBER_WORD})*"
FRACTIONS = {"a half": 0.5, "and a half": 0.5, "a quarter": 0.25, "three quarters": 0.75, "half": 0.5}


@dataclass(frozen=True)
class UnitMention:
    start: int  # offsets in the text: the hedge, the number and the unit
    end: int
    value: float
    low: float
    high: float
    hedge: str
    unit: str  # canonical unit from the caller's table
    number_start: int
    compound: bool  # "a 60-metre breach": the measure modifies the noun after it


def _number(text: str) -> float | None:
    text = text.strip().lower().replace("\u00a0", "").replace("\u202f", "")
    if re.fullmatch(DIGITS, text):
        return float(text.replace(",", ""))
    half = re.fullmatch(r"(.+?)[\s-]+and[\s-]+a[\s-]+(half|quarter)", text)
    if half:
        whole = _number(half.group(1))
        return whole + FRACTIONS[f"a {half.group(2)}"] if whole is not None else None
    if text in FRACTIONS:
        return FRACTIONS[text]
    if text in ("a", "an"):
        return 1.0
    value = parse_number_words(text.replace("-", " "))
    return value


def find_units(text: str, units: dict[str, str]) -> list[UnitMention]:
    """Every number followed by one of `units` (longest surface form first), left to right."""
    if not units:
        return []
    alternation = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
    pattern = re.compile(
        rf"(?<![\w.,])(?:(?P<between>between\s+)?(?P<first>{DIGITS}|{WORDS})\s*(?:-|–|\bto\b|\band\b)\s*)?"
        rf"(?P<num>{DIGITS}|{WORDS})(?P<sep>[\s-]|-and-a-half-|)(?P<unit>{alternation})(?![\w²³])",
        re.IGNORECASE)
    found: list[UnitMention] = []
    for match in pattern.finditer(text):
        value = _number(match.group("num"))
        first = _number(match.group("first")) if match.group("first") else None
        if value is None:
            continue
        if first is not None and match.group("num").strip().lower() in FRACTIONS:
            value, first = first + value, None  # "seven and a half years": one number, not a range
        if first is not None and first < value:  # "between two and four years", "10-12 km"
            unit = units.get(match.group("unit")) or units.get(match.group("unit").lower())
            if unit is not None:
                found.append(UnitMention(match.start(), match.end(), (first + value) / 2, first, value, "between",
                                         unit, match.start(), False))
            continue
        unit_text = match.group("unit")
        unit = units.get(unit_text) or units.get(unit_text.lower())
        if unit is None:
            continue
        if match.group("sep") == "-and-a-half-":
            value += 0.5
        hedge, hedge_start = hedge_before(text, match.start())
        low, high = hedge_interval(value, hedge, False)  # a measure is continuous: "more than 5 metres" is above 5
        compound = match.group("sep").startswith("-")
        found.append(UnitMention(hedge_start, match.end(), value, low, high, hedge, unit, match.start(), compound))
    return found
