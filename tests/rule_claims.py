"""Hand-built claims and a light judge context for the rule tests (tests/test_rules*.py).

No spaCy parse and no embedding model: a claim is a `Claim` record built field by field, and the
judge context's similarity is a small table of the pairs a test needs (`StubEmbedder`). Every
wording here is invented for the tests.
"""
from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import lru_cache

import numpy as np

from verify.align import SimilarityTools
from verify.gazetteer import Gazetteer
from verify.judge import Context
from verify.kinds import Registry
from verify.kinds.agent import Post
from verify.kinds.base import Verdict, decide
from verify.kinds.clock import ClockTime
from verify.kinds.date import DateSpan
from verify.kinds.duration import Duration
from verify.kinds.lists import ItemList
from verify.kinds.location import Place
from verify.kinds.measure import Measure
from verify.kinds.ordinal import Rank
from verify.kinds.quantity import INF, Quantity
from verify.kinds.role import Role
from verify.lexicon.en import DAYS_PER_UNIT, DEMONYMS
from verify.records import Claim, ClaimContext, Event

__all__ = ["INF", "Event", "claim", "clock", "context", "count", "date", "day", "decided", "duration", "items",
           "measure", "money", "percent", "place", "post", "rank", "registry", "role", "verdict"]

# Similarities of the pairs the tests compare, as the shipped model (all-MiniLM-L6-v2) gives them. Every
# other pair of different texts is 0.0 here, so a test sees only the similarity it asks for; identical
# texts are 1.0.
SIMILAR = {
    ("attend", "sign"): 0.31,
    ("attend", "participate"): 0.53,
    ("safe skies", "securing the skies"): 0.74,
    ("safe seas", "ensuring maritime safety"): 0.66,
    ("peace on land", "a lasting peace on land"): 0.91,
}


class StubEmbedder:
    """What `SimilarityTools` asks of an embedder: a cosine similarity matrix, from a table."""

    def __init__(self, table: Mapping[tuple[str, str], float] = SIMILAR):
        self.table = {**dict(table), **{(y, x): s for (x, y), s in table.items()}}

    def pair(self, x: str, y: str) -> float:
        if x.strip().lower() == y.strip().lower():
            return 1.0
        return self.table.get((x, y), 0.0)

    def similarity(self, a: list[str], b: list[str]) -> np.ndarray:
        return np.array([[self.pair(x, y) for y in b] for x in a], dtype=np.float32).reshape(len(a), len(b))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()


@lru_cache(maxsize=1)
def registry() -> Registry:
    return Registry.default()


def country_code(word: str) -> str | None:
    """As `verify.extract.Resources.country_code`: a country name or a demonym to its ISO code."""
    place = gazetteer().lookup(word)
    if place.kind == "country":
        return place.country
    return DEMONYMS.get(word.lower())


def context(events: Iterable[Event] = (), claims: Iterable[Claim] = (), superseded: Iterable[str] = (),
            quoted: Iterable[str] = (), similar: Mapping[tuple[str, str], float] = SIMILAR) -> Context:
    """The judge's context (`verify.judge.Context`) with a table for similarity and the real gazetteer."""
    ctx = Context(SimilarityTools(StubEmbedder(similar), country_code), gazetteer(), country_code, list(events))
    ctx.superseded = set(superseded)
    ctx.quoted = set(quoted)
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_article[c.article].append(c)
    ctx.by_article = by_article
    return ctx


_ids = itertools.count(1)


def claim(kind: str, value, text: str, *, article: str = "a", sentence: str | None = None, subject: str = "thing",
          event: str | None = "E1", published: dt.date | None = None, attribute: str | None = None,
          **parse) -> Claim:
    """A claim of `kind` quoting `text` (inside `sentence`, which defaults to the quote itself); `parse`
    holds the `ClaimContext` fields (predicate, places, time_text, future, ...)."""
    sentence = text if sentence is None else sentence
    start = max(sentence.find(text), 0)
    return Claim(id=f"{article}-{next(_ids)}", article=article, kind=kind, attribute=attribute or f"{kind}:{subject}",
                 subject=subject, value=value, text=text, start=start, end=start + len(text), line=1,
                 sentence=sentence, sentence_start=0, event=event, article_date=published,
                 context=ClaimContext(**parse))


def verdict(kind: str, a: Claim, b: Claim, ctx: Context) -> Verdict | None:
    """The verdict of the kind's whole rule chain on the pair, as the judge reaches it."""
    return decide(registry().get(kind).rules, a, b, ctx)


def decided(kind: str, a: Claim, b: Claim, ctx: Context) -> tuple[str | None, str] | None:
    """(status, rule name) of the kind's rule chain on the pair; None when no rule holds."""
    found = verdict(kind, a, b, ctx)
    return None if found is None else (found.status, found.rule.name)


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


# Values, as the extractors would build them.

def count(point: float, low: float | None = None, high: float | None = None, hedge: str = "exact",
          unit: str = "country", scope: str = "event", predicate: str = "") -> Quantity:
    return Quantity(point=point, low=point if low is None else low, high=point if high is None else high,
                    hedge=hedge, unit=unit, scope=scope, predicate=predicate)


def money(point: float, currency: str, low: float | None = None, high: float | None = None,
          hedge: str = "exact", scope: str = "event") -> Quantity:
    return Quantity(point=point, low=point if low is None else low, high=point if high is None else high,
                    hedge=hedge, unit=currency, currency=currency, scope=scope)


def percent(point: float, low: float | None = None, high: float | None = None, hedge: str = "exact") -> Quantity:
    return Quantity(point=point, low=point if low is None else low, high=point if high is None else high,
                    hedge=hedge, unit="%")


def date(low: str | None, high: str | None = None, phase: str = "whole") -> DateSpan:
    return DateSpan(day(low) if low else None, day(high or low) if (high or low) else None, phase)


def clock(hour: int, minute: int = 0, offset: int | None = None, before: int = 0, after: int = 0) -> ClockTime:
    return ClockTime(hour * 60 + minute, offset, before, after)


def duration(point: float, unit: str, hedge: str = "exact", low: float | None = None,
             high: float | None = None) -> Duration:
    """`low` and `high` in the unit as written (a hedge's interval); the value keeps them in days."""
    days = DAYS_PER_UNIT[unit]
    low = point if low is None else low
    high = point if high is None else high
    return Duration(point, low * days, high * days if high != INF else INF, hedge, unit)


def measure(point: float, unit: str, hedge: str = "exact", low: float | None = None,
            high: float | None = None) -> Measure:
    return Measure(point, point if low is None else low, point if high is None else high, hedge, unit)


def rank(position: int, superlative: str = "", within: str = "") -> Rank:
    return Rank(position, superlative, within)


def items(*entries: str, partial: bool = False) -> ItemList:
    return ItemList(tuple(entries), partial)


def place(name: str, *anchors: str, level: str = "locality", head: str = "") -> Place:
    return Place(name, tuple(anchors), head or name.split()[-1].lower(), level)


def post(person: str, title: str) -> Post:
    return Post(person, title)


def role(title: str) -> Role:
    return Role(title)
