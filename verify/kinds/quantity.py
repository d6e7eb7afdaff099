"""What counts, amounts and percentages share: an interval value, its extraction and its rules.

Not a kind of its own (it defines no KIND): count.py, money.py and percent.py build on it.
A quantity keeps the interval its wording admits ("around 30" is 27 to 33, "more than 40" has
no upper bound), so two figures are compared by overlap, never by string equality.
"""
from __future__ import annotations

import math
import re
from collections.abc import Hashable
from dataclasses import asdict, dataclass

from ..lexicon.en import RUNNING_FIGURES
from ..lexicon.en import UPDATE_CUES as UPDATE_CUE_WORDS
from ..records import Claim
from .base import Draft, JudgeContext, Kind, Sentence, quote, rule
from .context_rules import CORRECTION_RULES, SCOPE_RULES, as_of, increment_vs_total

INF = float("inf")
RUNNING_SIMILARITY = 0.55  # a subject this close to a running figure ("people dead" ~ "death toll") is one
PERCENT_UNITS = {"%", "percentage point", "percentage points"}  # shown with a % sign
UPDATE_CUES = re.compile(r"\b(?:" + "|".join(UPDATE_CUE_WORDS) + r")\b", re.I)
# A running total ("the death toll", "in all", "so far") only grows; other running figures move either way.
TOTAL_CUES = re.compile(r"\b(?:toll|in all|in total|so far|to date|total|cumulative|altogether)\b", re.I)


@dataclass(frozen=True)
class Quantity:
    """A figure with the interval its wording admits, in base units (a million is 1e6)."""

    point: float  # the number as stated (midpoint of a range, a typical value for vague words)
    low: float
    high: float  # float("inf") for an open upper bound ("more than 40")
    hedge: str = "exact"  # exact|approx|at_least|more_than|at_most|less_than|up_to|nearly|vague|between
    unit: str = ""  # counted noun ("country"), currency code, or "%"
    currency: str | None = None  # ISO 4217 code, for money
    scope: str = "event"  # "event" (happened at/for the event) or "membership" (the size of a body)
    predicate: str = ""  # the verb the figure is an argument of ("attend", "not attend")
    size_of: str = ""  # "the 27-member compact": the thing whose size the figure is

    def __str__(self) -> str:
        prefix = f"{self.currency} " if self.currency else ""
        suffix = " pp" if self.unit == "percentage point" else "%" if self.unit in PERCENT_UNITS else ""
        if self.low == self.high:
            return f"{prefix}{_fmt(self.point)}{suffix}"
        return f"{prefix}{_fmt(self.point)}{suffix} ({self.hedge}: {_fmt(self.low)}–{_fmt(self.high)})"

    def report_fields(self) -> dict:
        return {"scope": self.scope, "hedge": self.hedge, "low": self.low, "high": self.high,
                "unit": self.unit or None, "currency": self.currency}

    def to_json(self) -> dict:
        data = asdict(self)
        data["high"] = "inf" if self.high == INF else self.high
        return data

    @classmethod
    def from_json(cls, data: dict) -> Quantity:
        data = dict(data)
        if data.get("high") == "inf":
            data["high"] = INF
        return cls(**data)

    def overlaps(self, other: Quantity) -> bool:
        return self.low <= other.high and other.low <= self.high

    def same_figure(self, other: Quantity) -> bool:
        return (self.low, self.high, self.point) == (other.low, other.high, other.point)

    def interval(self) -> str:
        if self.low == self.high:
            return f"exactly {self.low:,.0f}" if float(self.low).is_integer() else f"exactly {self.low:,}"
        high = "no upper bound" if self.high == INF else f"{self.high:,.0f}"
        return f"{self.low:,.0f} to {high}"


def _fmt(x: float) -> str:
    if x == INF:
        return "∞"
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}"


def quantity_value(q, **context) -> Quantity:
    """The typed value of a scanned quantity (`verify.extract.quantities.Quantity`)."""
    return Quantity(point=q.value, low=q.low, high=q.high, hedge=q.hedge, unit=context.pop("unit", q.unit),
                    currency=q.currency, **context)


def draft(kind: str, sentence: Sentence, q, subject: str, value: Quantity) -> Draft:
    return Draft(kind=kind, attribute=f"{kind}:{subject}", subject=subject, value=value,
                 start=sentence.start + q.start, end=sentence.start + q.end,
                 mention=sentence.mention_for(q.start, q.end))


class QuantityKind(Kind):
    """Shared behaviour of count, money and percent."""

    across_events = True

    def compared_texts(self, claim: Claim) -> list[str]:
        return list(RUNNING_FIGURES)  # `is_running_figure` compares the subject with these

    def cell_key(self, claim: Claim) -> Hashable:
        v = claim.value
        assert isinstance(v, Quantity)
        return (v.scope, v.low, v.high, v.point, v.currency)

    def agrees(self, a: Claim, b: Claim) -> bool:
        return _q(a).overlaps(_q(b)) and _q(a).currency == _q(b).currency

    def distinctive(self, claim: Claim) -> bool:
        return _q(claim).hedge == "exact" and significant_digits(_q(claim).point) >= DISTINCTIVE_DIGITS


# A sentence that gives a share: its "points" are percentage points (the percent kind's), not a score.
PERCENT_IN_SENTENCE = re.compile(r"%|\bper\s?cent\b|\bpercent\b", re.I)
# An exact figure of three significant digits or more ("386 sites", "4.25%", "8,412 patients") is
# rarely given for two different things of one story; "14 seats" or "€2.5 million" may well be.
DISTINCTIVE_DIGITS = 3


def significant_digits(value: float) -> int:
    """8,412 -> 4; 4.25 -> 3; 2,500,000 -> 2; 0.25 -> 2."""
    if value == 0 or not math.isfinite(value):
        return 0
    text = f"{abs(value):.6f}".rstrip("0").rstrip(".")
    if "." in text:
        return len(text.replace(".", "").lstrip("0"))
    return len(text.lstrip("0").rstrip("0"))


def _q(claim: Claim) -> Quantity:
    assert isinstance(claim.value, Quantity)
    return claim.value


def is_forecast(claim: Claim, ctx: JudgeContext) -> bool:
    """A figure published before its event took place is a forecast."""
    event = ctx.events.get(claim.event or "")
    return bool(event and event.date_low and claim.article_date and claim.article_date < event.date_low)


def is_running_figure(claim: Claim, ctx: JudgeContext) -> bool:
    """A figure of an unfolding event that reports on other days legitimately change (a toll, cases,
    the area burned, firefighters deployed, ships waiting): its subject or verb reads like one."""
    words = [w for w in (claim.subject, f"{claim.subject} {claim.context.predicate}") if w.strip()]
    sims = ctx.similarity(words, list(RUNNING_FIGURES))
    return bool(sims.size) and float(sims.max()) >= RUNNING_SIMILARITY


def _order(a: Claim, b: Claim) -> tuple[Claim, Claim] | None:
    """(earlier, later) of two figures by when they held (`as_of`), when that differs."""
    ta, tb = as_of(a), as_of(b)
    if ta is None or tb is None or ta == tb:
        return None
    return (a, b) if ta < tb else (b, a)


def _changed(a: Claim, b: Claim, ctx: JudgeContext) -> tuple[Claim, Claim, bool] | None:
    """(earlier, later, cumulative) when two different figures are one figure reported at two times.

    A figure changes over time when it is a running one (a toll, a count of cases) or a sentence
    says so ("has risen to", "now", "by Thursday"); a cumulative running figure only grows.
    """
    order = _order(a, b)
    if order is None:
        return None
    early, late = order
    if _q(late).same_figure(_q(early)):
        return None
    running = is_running_figure(early, ctx) or is_running_figure(late, ctx)
    if not (running or late.context.update_cue or early.context.update_cue or UPDATE_CUES.search(late.sentence)):
        return None
    return early, late, running and bool(TOTAL_CUES.search(late.sentence))


@rule("currency-differs", "conflict", """
    'a €300 million pledge' (wire) / 'a $300 million pledge' (magazine): the same amount misreported
    in another currency.""")
def currency_differs(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """Two articles give one amount in different currencies.

    The same figure in two currencies is far more often one amount misreported than two amounts
    that happen to share a number; amounts are never converted. Inside one article a second
    currency is a conversion ("€2.6 billion, the equivalent of about $3 billion"), not a conflict.
    """
    va, vb = _q(a), _q(b)
    if a.article == b.article or not (va.currency and vb.currency) or va.currency == vb.currency:
        return None
    if va.point != vb.point:
        return None  # other figures in other currencies: `currencies-not-converted`
    return f"{quote(a)} is in {va.currency} but {quote(b)} is in {vb.currency}: the amounts differ."


@rule("currencies-not-converted", None, """
    'a fund of €1.2 billion' / 'roughly $1.4 billion': other figures in other currencies are not
    compared, because amounts are never converted at a guessed rate.""")
def currencies_not_converted(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """Different figures in different currencies are not compared: verify does not convert money."""
    va, vb = _q(a), _q(b)
    if not (va.currency and vb.currency) or va.currency == vb.currency:
        return None
    return "amounts in different currencies are not converted"


@rule("scope-within-range", "compatible", """
    'a group of 31 countries' / '30 countries took part': the body and those taking part, and the
    figures are consistent.""")
def scope_within_range(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """The size of a body and the number taking part, with figures that fit together."""
    va, vb = _q(a), _q(b)
    if va.scope == vb.scope or not va.overlaps(vb):
        return None
    member, other = (a, b) if va.scope == "membership" else (b, a)
    return (f"{quote(member)} is the size of the body and {quote(other)} counts those "
            f"taking part; the figures are consistent.")


@rule("scope-differs", "different_scope", """
    'a group of 31 countries' / 'convened counterparts from 30 countries': the size of the body
    against the number taking part.""")
def scope_differs(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """One figure is the size of a body, the other counts those taking part: not the same thing."""
    va, vb = _q(a), _q(b)
    if va.scope == vb.scope:
        return None
    member, other = (a, b) if va.scope == "membership" else (b, a)
    return (f"{quote(member)} is the size of the body, while {quote(other)} counts those "
            f"taking part: different things, not a contradiction.")


@rule("forecast-vs-outcome", "update", """
    'around 40 countries are expected' (published the day before) / '31 countries attended'
    (published after the meeting).""")
def forecast_vs_outcome(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """A figure published before the event and one published after it: the outcome updates the forecast."""
    if _q(a).overlaps(_q(b)) or is_forecast(a, ctx) == is_forecast(b, ctx):
        return None
    forecast, outcome = (a, b) if is_forecast(a, ctx) else (b, a)
    return (f"{quote(forecast)} was published before the event ({forecast.article_date}); "
            f"{quote(outcome)} reports the outcome.")


@rule("running-figure-raised", "update", """
    'killing 14 people' (1 August) / 'the death toll rose to 23' (2 August): a toll raised by a
    later report.""")
def running_figure_raised(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """A running figure (a toll, a count of cases or signatures) raised by a later report."""
    changed = _changed(a, b, ctx)
    if changed is None or _q(changed[1]).point <= _q(changed[0]).point:
        return None
    early, late, _ = changed
    return (f"{quote(late)} ({as_of(late)}) raises {quote(early)} ({as_of(early)}): "
            f"a running figure updated by a later report.")


@rule("running-figure-fell", "conflict", """
    'the death toll rose to 23' (2 August) / '14 people died' (3 August): a toll cannot fall.""")
def running_figure_fell(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """A running total (a death toll, "in all", "so far") that a later report puts lower."""
    changed = _changed(a, b, ctx)
    if changed is None or not changed[2] or not _q(changed[1]).high < _q(changed[0]).low:
        return None
    early, late, _ = changed
    return (f"{quote(late)} ({as_of(late)}) is lower than {quote(early)} "
            f"({as_of(early)}): a running total should not fall.")


@rule("figure-revised", "update", """
    'By Wednesday, 37 ships were waiting' / 'The number of ships waiting had fallen to 12 by Tuesday
    evening'; 'roughly a 40% chance' / 'now price about a 70% chance'.""")
def figure_revised(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """A figure the sentences give for two times ("by Thursday", "now"), which may move either way."""
    changed = _changed(a, b, ctx)
    if changed is None or changed[2]:
        return None
    early, late, _ = changed
    return f"{quote(early)} ({as_of(early)}) and {quote(late)} ({as_of(late)}): the figure at two times."


@rule("same-value", "agree", """
    'forty-seven countries' / '47 countries'; '$1.2 billion' / '1,200 million dollars'.""")
def same_value(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """The same figure, however it is written."""
    if not _q(a).same_figure(_q(b)):
        return None
    return f"{quote(a)} and {quote(b)} give the same figure ({a.value})."


@rule("hedge-intervals-overlap", "compatible", """
    'around 30 countries' (27 to 33) / '31 countries'; 'hundreds of planners' / '200 planners'.""")
def hedge_intervals_overlap(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """The intervals the two wordings admit overlap: both can be true."""
    va, vb = _q(a), _q(b)
    if not va.overlaps(vb):
        return None
    return f"{quote(a)} ({va.interval()}) and {quote(b)} ({vb.interval()}) admit a common value."


@rule("same-article-parts", None, """
    '24 countries came, 3 stayed away' in one article: two counts of countries, both true.""")
def same_article_parts(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """Two different figures of one unit in one article are parts of the story, not a conflict."""
    if a.article != b.article:
        return None
    return "two figures of one article are parts of its story"


@rule("values-differ", "conflict", """
    'more than 40 countries' / '35 countries' about the same meeting.""")
def values_differ(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """The intervals do not overlap: both figures cannot be true of the same thing."""
    va, vb = _q(a), _q(b)
    return f"{quote(a)} ({va.interval()}) and {quote(b)} ({vb.interval()}) cannot both be true for the same thing."


def lemma_phrase(doc, start: int, end: int) -> str:
    """The words of a span, lower-cased, its last word as its lemma: "member states" -> "member state"."""
    inside = [t for t in doc if t.idx >= start and t.idx + len(t.text) <= end]
    last = inside[-1].i if inside else -1
    return " ".join(t.lemma_.lower() if t.i == last else t.lower_ for t in inside if t.is_alpha)


VALUED_BY = ("worth", "valued", "totalling", "totaling", "costing")  # "a fund worth $1.2 billion"


def amount_subject(doc, q) -> str:
    """What an amount or a percentage is: the noun it modifies ("fund", "pay rise"), what it is "of"
    ("a pledge of €200 million"), or its verb ("offered 5 percent")."""
    tokens = [t for t in doc if q.start <= t.idx < q.end]
    if not tokens:
        return "amount"
    root = next((t for t in tokens if not (q.start <= t.head.idx < q.end) or t.head is t), tokens[-1])
    if root.dep_ in ("nummod", "compound", "amod", "quantmod", "npadvmod") and root.head.pos_ in ("NOUN", "PROPN"):
        noun = root.head
        modifiers = [t.lemma_.lower() for t in noun.children if t.dep_ == "compound" and t.pos_ == "NOUN"
                     and not q.start <= t.idx < q.end]  # not the value's own "per cent"
        return " ".join(modifiers + [noun.lemma_.lower()])
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ == "NOUN":
        return root.head.head.lemma_.lower()  # "a research fund of $1.2 billion", "a pledge of €200 million"
    valued = root.head if root.head.lower_ in VALUED_BY else root.head.head if root.head.head.lower_ in VALUED_BY \
        else None
    # "a maritime security fund worth 1,200 million dollars": the noun just before "worth" (the parser
    # often hangs "worth" on a noun further back).
    before = doc[valued.i - 1] if valued is not None and valued.i > 0 else None
    if valued is not None and (before is not None and before.pos_ == "NOUN" or valued.head.pos_ == "NOUN"):
        noun = before if before is not None and before.pos_ == "NOUN" else valued.head
        modifiers = [t.lemma_.lower() for t in noun.children if t.dep_ == "compound" and t.pos_ == "NOUN"]
        return " ".join(modifiers + [noun.lemma_.lower()])
    per_unit = re.match(r"\s+(?:a|an|per|each)\s+([a-z][a-z-]+)", doc.text[q.end:q.end + 30])
    if per_unit:
        return f"per {per_unit.group(1)}"  # "$38 a share", "€4.8 million per day"
    after = re.match(r"\s+(?:in|for|of)\s+([a-z][a-z-]+)", doc.text[q.end:q.end + 30])
    if after:
        return after.group(1).lower()
    if root.head.pos_ == "VERB":
        return root.head.lemma_.lower()
    return "amount"


def predicate_token(doc, q):
    """The verb a quantity is an argument of, or a relative clause's verb on it; None if neither."""
    tokens = [t for t in doc if q.start <= t.idx < q.end]
    if not tokens:
        return None
    clause = next((c for c in tokens[-1].children if c.dep_ in ("relcl", "acl") and c.pos_ in ("VERB", "AUX")), None)
    if clause is not None:
        return clause  # "the three member states that did not send delegations", "12,650 runners who started"
    node = tokens[-1]
    # Only a verb the count is an argument of: "24 countries attended", "voted against by 14",
    # "rose to 19" -- not a verb further up ("thanked the planners from 30 countries").
    if node.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "npadvmod") and node.head.pos_ in ("VERB", "AUX"):
        return node.head
    if (node.dep_ == "pobj" and node.head.dep_ in ("prep", "agent") and node.head.head.pos_ in ("VERB", "AUX")
            and node.head.lower_ not in ("from", "of", "among", "out", "between", "including")):
        return node.head.head
    return None


def predicate(doc, q) -> str:
    """The verb a count is an argument of ("attend", "vote against", "not attend")."""
    node = predicate_token(doc, q)
    if node is None:
        return ""
    words = [node.lemma_.lower()]
    if node.dep_ not in ("relcl", "acl"):
        words += [c.lower_ for c in node.children
                  if c.dep_ == "prt" or (c.dep_ in ("advmod", "prep") and c.lower_ in ("against", "out", "off"))]
    if any(c.dep_ == "neg" for c in node.children):
        words.insert(0, "not")
    return " ".join(words)


# Rules every quantity kind applies after its own gates, in this order.
QUANTITY_RULES = (*CORRECTION_RULES, scope_within_range, scope_differs, increment_vs_total, forecast_vs_outcome,
                  same_value,
                  hedge_intervals_overlap, running_figure_raised, running_figure_fell, figure_revised, *SCOPE_RULES,
                  same_article_parts, values_differ)
