"""Percentages and percentage points: a share in per cent ("38.2 percent", "4.5%") and a change in
percentage points or basis points ("1.5 percentage points", "125 basis points", "a quarter-point cut").

A per cent and a percentage point are different units and never compared: "inflation of 2%" is
not "a rise of 2 points". Basis points are hundredths of a percentage point, so "25 basis points"
and "a quarter of a percentage point" agree, while "125 basis points" and "1.5 percentage points"
conflict.
"""
from __future__ import annotations

import re

from ..extract.quantities import hedge_before, hedge_interval
from ..records import Claim
from .base import Draft, Sentence
from .quantity import (
    PERCENT_IN_SENTENCE,
    QUANTITY_RULES,
    Quantity,
    QuantityKind,
    _q,
    amount_subject,
    draft,
    quantity_value,
)

POINT = "percentage point"
BASIS_POINTS = {"basis point", "basis points", "bp", "bps"}
FRACTION = {"quarter": 0.25, "half": 0.5, "three quarters": 0.75, "three-quarters": 0.75}
FRACTIONAL_POINT = re.compile(
    r"\b(?:(?:a|one)\s+)?(?P<frac>three[\s-]quarters|quarter|half)(?:\s+of\s+an?|\s+an?)?[\s-]+"
    r"(?:percentage[\s-]+)?points?\b", re.I)


def _points(value: float, q) -> Quantity:
    return Quantity(point=value, low=q.low * value / q.value if q.value else q.low,
                    high=q.high * value / q.value if q.value else q.high, hedge=q.hedge, unit=POINT)


class PercentKind(QuantityKind):
    name = "percent"
    summary = ("A percentage or a change in percentage points: '38.2 percent', '125 basis points', "
               "'a quarter-point cut'.")
    value_type = Quantity
    rules = QUANTITY_RULES

    def extract(self, sentence: Sentence) -> list[Draft]:
        doc, text = sentence.doc, sentence.text
        drafts = []
        taken: list[tuple[int, int]] = []
        for q in sentence.quantities:
            unit = q.unit.lower()
            if q.kind == "percent" and unit.startswith("percentage point"):
                value = _points(q.value, q)
            elif q.kind == "percent":
                value = quantity_value(q, unit="%")
            elif q.kind == "count" and unit in BASIS_POINTS:
                value = _points(q.value / 100, q)
            elif q.kind == "count" and unit in ("point", "points") and PERCENT_IN_SENTENCE.search(text):
                value = _points(q.value, q)  # "a lead of more than thirteen points" next to vote shares
            else:
                continue
            taken.append((q.start, q.end))
            drafts.append(draft(self.name, sentence, q, percent_subject(doc, q), value))
        for match in FRACTIONAL_POINT.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            fraction = FRACTION[match.group("frac").lower().replace("-", " ")]
            hedge, start = hedge_before(text, match.start())
            low, high = hedge_interval(fraction, hedge, False)
            value = Quantity(point=fraction, low=low, high=high, hedge=hedge, unit=POINT)
            subject = _subject_of_span(doc, match.start(), match.end())
            drafts.append(Draft(self.name, f"{self.name}:{subject}", subject, value, sentence.start + start,
                                sentence.start + match.end(), sentence.mention_for(match.start(), match.end())))
        return drafts

    def family(self, claim: Claim) -> str | None:
        return "points" if _q(claim).unit == POINT else "percent"


def percent_subject(doc, q) -> str:
    """What a percentage is of: what it is "of" ("of the vote", "of five-year-olds"), else, for a
    change ("reduced heart attacks by 26 per cent", "cut its main rate to 4.25%"), the thing that
    changed, else what `amount_subject` finds."""
    from ..extract.context import governor, span_root

    root = span_root(doc, q.start, q.end)
    if root is None:
        return amount_subject(doc, q)
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return _noun_phrase(obj)
    pred, relation = governor(root)
    if pred.pos_ in ("VERB", "AUX") and relation in ("by", "to", "from", "at", "attr", "nsubj", "dobj"):
        for dep in ("dobj", "nsubjpass", "nsubj"):
            obj = next((c for c in pred.children if c.dep_ == dep and c.i != root.i and c.pos_ in ("NOUN", "PROPN")),
                       None)
            if obj is not None:
                return _noun_phrase(obj)
    return amount_subject(doc, q)


def _noun_phrase(noun) -> str:
    """A noun with its noun modifiers, as lemmas: "heart attacks" -> "heart attack"."""
    modifiers = [t.lemma_.lower() for t in noun.children if t.dep_ in ("compound", "amod") and t.i < noun.i
                 and t.pos_ in ("NOUN", "ADJ", "PROPN")]
    return " ".join(modifiers + [noun.lemma_.lower()])


def _subject_of_span(doc, start: int, end: int) -> str:
    """"a quarter-point cut" -> "cut"; "by a quarter of a percentage point" -> the verb ("cut")."""
    tokens = [t for t in doc if start <= t.idx < end]
    if not tokens:
        return "amount"
    last = tokens[-1]
    if last.head.pos_ in ("NOUN", "PROPN") and last.head.i > last.i:
        return last.head.lemma_.lower()
    node = last
    while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
        node = node.head
    return node.lemma_.lower()


KIND = PercentKind()
