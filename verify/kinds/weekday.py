"""Weekdays that contradict their own date: "on Saturday, 3 November" when 3 November was a Sunday.

A claim of this kind is a discrepancy on its own: one of the two words is wrong, and a reader
cannot tell which day the article means.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..lexicon.en import WEEKDAYS
from ..records import Claim
from .base import Draft, JudgeContext, Kind, Sentence, claim_rule, quote


@dataclass(frozen=True)
class WeekdayMismatch:
    """A weekday named next to a date that falls on another weekday."""

    named: int  # the weekday the text names, Monday = 0
    low: dt.date
    high: dt.date

    def __str__(self) -> str:
        return f"{WEEKDAYS[self.named]} named, but {self.low} is a {WEEKDAYS[self.low.weekday()]}"

    def report_fields(self) -> dict:
        return {"date_low": self.low.isoformat(), "date_high": self.high.isoformat()}

    def to_json(self) -> dict:
        return {"named": self.named, **self.report_fields()}

    @classmethod
    def from_json(cls, data: dict) -> WeekdayMismatch:
        return cls(data["named"], dt.date.fromisoformat(data["date_low"]), dt.date.fromisoformat(data["date_high"]))


@claim_rule("weekday-mismatch", "conflict", """
    'The agreement, signed on Thursday, 27 February 2026, ...': 27 February 2026 was a Friday.""")
def weekday_mismatch(claim: Claim, ctx: JudgeContext) -> str | None:
    """A weekday named next to a date that falls on another weekday: one of them is wrong."""
    return f"{quote(claim)}: {claim.value}."


class WeekdayKind(Kind):
    name = "weekday"
    summary = "A weekday that does not match the date it is written with: 'Saturday, 3 November' (a Sunday)."
    value_type = WeekdayMismatch
    claim_rules = (weekday_mismatch,)

    def extract(self, sentence: Sentence) -> list[Draft]:
        return [Draft(self.name, self.name, date.text, WeekdayMismatch(date.weekday, date.low, date.high),
                      sentence.start + date.start, sentence.start + date.end)
                for date in sentence.dates
                if date.weekday_mismatch and date.low and date.high and date.weekday is not None]


KIND = WeekdayKind()
