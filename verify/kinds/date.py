"""Dates: the day (or span of days) an event took place, resolved against the article date.

"on Tuesday", "yesterday", "last weekend" and "10 April 2025" are all day intervals, so
two reports compare by overlap whatever words they used.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Hashable
from dataclasses import dataclass

from ..records import Claim
from .base import Draft, JudgeContext, Kind, Sentence, quote, rule


@dataclass(frozen=True)
class DateSpan:
    """An inclusive interval of days; None when the words could not be resolved (no article date)."""

    low: dt.date | None
    high: dt.date | None

    def __str__(self) -> str:
        if self.low is None or self.high is None:
            return "unresolved"
        return self.low.isoformat() if self.low == self.high else f"{self.low.isoformat()}/{self.high.isoformat()}"

    def report_fields(self) -> dict:
        return {"date_low": self.low.isoformat() if self.low else None,
                "date_high": self.high.isoformat() if self.high else None}

    def to_json(self) -> dict:
        return self.report_fields()

    @classmethod
    def from_json(cls, data: dict) -> DateSpan:
        return cls(*(dt.date.fromisoformat(data[k]) if data.get(k) else None for k in ("date_low", "date_high")))


def _span(claim: Claim) -> DateSpan:
    assert isinstance(claim.value, DateSpan)
    return claim.value


@rule("date-unresolved", "compatible", """
    'on Tuesday' in an article without a date line / '10 April 2025'.""")
def date_unresolved(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """One of the dates could not be resolved (no article date to resolve it against)."""
    if _span(a).low is not None and _span(b).low is not None:
        return None
    return "one of the dates could not be resolved."


@rule("same-day", "agree", """
    'on Thursday' (article of Friday 11 April) / 'on 10 April'.""")
def same_day(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """Both wordings resolve to the same day or span."""
    if _span(a) != _span(b):
        return None
    return f"{quote(a)} and {quote(b)} both resolve to {a.value}."


@rule("dates-overlap", "compatible", """
    'last week' / 'on 3 June': the day lies within the week.""")
def dates_overlap(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """One date is a span (a week, a weekend, a month) that contains or overlaps the other."""
    sa, sb = _span(a), _span(b)
    assert sa.low and sa.high and sb.low and sb.high
    if not (sa.low <= sb.high and sb.low <= sa.high):
        return None
    return f"{quote(a)} ({a.value}) and {quote(b)} ({b.value}) overlap."


@rule("dates-differ", "conflict", """
    'the runoff will be held on Sunday, 27 April' / 'in the runoff on 4 May'.""")
def dates_differ(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """The two dates of one event do not overlap."""
    return f"{quote(a)} resolves to {a.value} but {quote(b)} to {b.value}."


class DateKind(Kind):
    name = "date"
    summary = "The day an event took place: 'on Tuesday', 'yesterday', 'last weekend', '10 April 2025'."
    value_type = DateSpan
    rules = (date_unresolved, same_day, dates_overlap, dates_differ)

    def extract(self, sentence: Sentence) -> list[Draft]:
        drafts = []
        for mention in sentence.mentions:
            if mention.date_text is None or mention.date_start is None or mention.date_end is None:
                continue
            subject = mention.trigger if mention.type != "lead" else "lead"
            drafts.append(Draft(self.name, self.name, subject, DateSpan(mention.date_low, mention.date_high),
                                mention.date_start, mention.date_end, mention))
        return drafts

    def cell_key(self, claim: Claim) -> Hashable:
        return (_span(claim).low, _span(claim).high)


KIND = DateKind()
