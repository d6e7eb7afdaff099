"""Measurements with units: lengths, areas, masses, speeds, volumes, temperatures.

"a 60-metre breach" and "a 60-foot gap" give one breach two widths (60 m is 197 ft);
"14,000 hectares" and "about 34,600 acres" are one area. Values are converted with pint, and
a figure converted from another unit is allowed the rounding a journalist applies: half a unit
of its last significant digit ("about 60 miles" for 97 km, "25.6 feet" for 7.8 m).
"""
from __future__ import annotations

import math
import re
from collections.abc import Hashable
from dataclasses import asdict, dataclass
from functools import lru_cache

from ..extract.units import find_units
from ..lexicon.en import MASS_WORDS, MEASURE_UNITS, RUNNING_FIGURES
from ..records import Claim
from .base import Draft, JudgeContext, Kind, Sentence, quote, rule
from .context_rules import CORRECTION_RULES, SCOPE_RULES, as_of, increment_vs_total
from .quantity import DISTINCTIVE_DIGITS, INF, is_running_figure, same_article_parts, significant_digits

MASS_CONTEXT = re.compile(r"\b(?:" + "|".join(MASS_WORDS) + r")\b", re.I)
POUNDS = {"pound": "pound", "pounds": "pound"}


@lru_cache(maxsize=1)
def _registry():
    """pint's unit registry: built once, read only."""
    import pint

    return pint.UnitRegistry()


@lru_cache(maxsize=256)
def _dimension(unit: str) -> str:
    return str(_registry().Quantity(1, unit).dimensionality)


def _to_base(value: float, unit: str) -> float:
    if value == INF or value == -INF:
        return value
    quantity = _registry().Quantity(value, unit)
    return float(quantity.to_base_units().magnitude)


def rounding(value: float) -> float:
    """Half a unit of the last significant digit: 60 -> 5, 7.8 -> 0.05, 34,600 -> 50, 112 -> 0.5."""
    if value == 0 or not math.isfinite(value):
        return 0.0
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    if "." in text:
        return 0.5 * 10 ** -len(text.split(".")[1])
    digits = text.lstrip("-")
    zeros = len(digits) - len(digits.rstrip("0"))
    return 0.5 * 10 ** zeros


@dataclass(frozen=True)
class Measure:
    """A measured value in its unit (a pint expression), with the interval its wording admits."""

    point: float
    low: float
    high: float
    hedge: str
    unit: str

    def __str__(self) -> str:
        unit = self.unit.replace(" ** 2", "²").replace(" ** 3", "³").replace("_", " ")
        text = f"{self.point:g} {unit}"
        if self.low != self.high:
            high = "∞" if self.high == INF else f"{self.high:g}"
            text += f" ({self.hedge}: {self.low:g}–{high})"
        return text

    @property
    def dimension(self) -> str:
        return _dimension(self.unit)

    def base_interval(self, converted: bool) -> tuple[float, float]:
        """The interval in base units; `converted` widens an exact figure by its rounding."""
        low, high = self.low, self.high
        if converted and self.hedge == "exact":
            slack = rounding(self.point)
            low, high = low - slack, high + slack
        ends = sorted((_to_base(low, self.unit), _to_base(high, self.unit)))
        return ends[0], ends[1]

    def report_fields(self) -> dict:
        return {"hedge": self.hedge, "low": self.low, "high": self.high, "unit": self.unit}

    def to_json(self) -> dict:
        data = asdict(self)
        data["high"] = "inf" if self.high == INF else self.high
        return data

    @classmethod
    def from_json(cls, data: dict) -> Measure:
        data = dict(data)
        if data.get("high") == "inf":
            data["high"] = INF
        return cls(**data)


def _m(claim: Claim) -> Measure:
    assert isinstance(claim.value, Measure)
    return claim.value


def _overlap(a: Claim, b: Claim) -> bool:
    ma, mb = _m(a), _m(b)
    converted = ma.unit != mb.unit
    la, ha = ma.base_interval(converted)
    lb, hb = mb.base_interval(converted)
    return la <= hb and lb <= ha


@rule("same-measure", "agree", """
    'a 60-metre breach' / 'the 60-metre gap'; 'Roughly 14,000 hectares' / 'about 34,600 acres'.""")
def same_measure(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """The same measurement, in the same unit or converted within the rounding of the figures."""
    ma, mb = _m(a), _m(b)
    if ma.unit == mb.unit and (ma.low, ma.high) != (mb.low, mb.high):
        return None
    if ma.unit != mb.unit and not ({ma.hedge, mb.hedge} <= {"exact", "approx"} and _overlap(a, b)):
        return None
    return f"{quote(a)} and {quote(b)} give the same measurement ({ma} = {mb})."


@rule("measures-overlap", "compatible", """
    'peaked at 7.8 metres' / 'crested at nearly 26 feet' (7.8 m is 25.6 ft).""")
def measures_overlap(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """The intervals the two wordings admit overlap once converted to one unit."""
    if not _overlap(a, b):
        return None
    return f"{quote(a)} ({_m(a)}) and {quote(b)} ({_m(b)}) admit a common value."


@rule("unit-mixup", "conflict", """
    'a 60-metre breach' / 'a 60-foot gap': one number, two units; 60 m is 197 ft.""")
def unit_mixup(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """The same number in two units that do not convert to each other's value: one unit is wrong."""
    ma, mb = _m(a), _m(b)
    if ma.unit == mb.unit or ma.point != mb.point:
        return None
    converted = _registry().Quantity(ma.point, ma.unit).to(mb.unit).magnitude
    return (f"{quote(a)} and {quote(b)} give the same number in different units: {ma} is "
            f"{converted:,.1f} {mb.unit.replace('_', ' ')}, so one of the units is wrong.")


@rule("measure-changed", "update", """
    'it has burned 2,400 hectares' (Tuesday) / 'the fire had burned 6,200 hectares by Thursday'.""")
def measure_changed(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """A measurement of an unfolding event given at two times (the area burned, a river's level): the
    later report updates the earlier."""
    ta, tb = as_of(a), as_of(b)
    if ta is None or tb is None or ta == tb:
        return None
    if not (a.context.update_cue or b.context.update_cue or is_running_figure(a, ctx) or is_running_figure(b, ctx)):
        return None
    early, late = (a, b) if ta < tb else (b, a)
    return f"{quote(early)} ({as_of(early)}) and {quote(late)} ({as_of(late)}): the measurement at two times."


@rule("measures-differ", "conflict", """
    'the river peaked at 7.8 metres' / 'the river peaked at 6.2 metres' about one crest.""")
def measures_differ(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """The two measurements cannot both be true of the same thing, whatever the units."""
    return f"{quote(a)} ({_m(a)}) and {quote(b)} ({_m(b)}) cannot both be true for the same thing."


def _subject(sentence: Sentence, start: int, end: int, compound: bool) -> str:
    """What is measured: the noun a compound measure modifies ("breach"), what it is "of" ("land"),
    else the verb it hangs on ("peak")."""
    from ..extract.context import governor, span_root

    root = span_root(sentence.doc, start, end)
    if root is None:
        return "measure"
    if compound or root.dep_ in ("amod", "compound", "nummod"):
        head = root.head
        if head.pos_ in ("NOUN", "PROPN"):
            return head.lemma_.lower()
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj.lemma_.lower()
    pred, _ = governor(root)
    return pred.lemma_.lower()


class MeasureKind(Kind):
    name = "measure"
    summary = "A measurement with its unit: '60 metres', 'a 60-foot gap', '14,000 hectares', '112 km/h'."
    value_type = Measure
    across_events = True
    rules = (*CORRECTION_RULES, same_measure, measures_overlap, unit_mixup, increment_vs_total, measure_changed,
             *SCOPE_RULES, same_article_parts, measures_differ)

    def compared_texts(self, claim: Claim) -> list[str]:
        return list(RUNNING_FIGURES)  # `is_running_figure` compares the subject with these

    def distinctive(self, claim: Claim) -> bool:
        value = claim.value
        assert isinstance(value, Measure)
        return value.hedge == "exact" and significant_digits(value.point) >= DISTINCTIVE_DIGITS

    def extract(self, sentence: Sentence) -> list[Draft]:
        units = dict(MEASURE_UNITS)
        if MASS_CONTEXT.search(sentence.text):
            units.update(POUNDS)
        drafts = []
        for found in find_units(sentence.text, units):
            value = Measure(found.value, found.low, found.high, found.hedge, found.unit)
            subject = _subject(sentence, found.number_start, found.end, found.compound)
            drafts.append(Draft(self.name, f"{self.name}:{subject}", subject, value, sentence.start + found.start,
                                sentence.start + found.end, sentence.mention_for(found.number_start, found.end)))
        return drafts

    def family(self, claim: Claim) -> str | None:
        return _m(claim).dimension

    def agrees(self, a: Claim, b: Claim) -> bool:
        return _overlap(a, b)

    def cell_key(self, claim: Claim) -> Hashable:
        m = _m(claim)
        return (m.unit, m.low, m.high)


KIND = MeasureKind()
