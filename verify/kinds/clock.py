"""Times of day: "at 3.10am", "shortly after 3 a.m.", "10:44 local time (UTC+3)", "08:44 UTC".

A time with its zone or UTC offset is compared in UTC, so "11:15 CEST" and "5:15 a.m. EDT" agree
and "10:44 (UTC+3)" and "08:44 UTC" do not (10:44 at UTC+3 is 07:44 UTC). Without a zone on both
sides, the local times are compared. "Shortly after", "around" and "just before" widen a time.
"""
from __future__ import annotations

import re
from collections.abc import Hashable
from dataclasses import asdict, dataclass

from ..extract.date_words import happening
from ..lexicon.en import TIME_ZONES
from ..records import Claim
from .base import Draft, JudgeContext, Kind, Sentence, quote, rule
from .context_rules import CORRECTION_RULES
from .quantity import same_article_parts

ZONES = "|".join(sorted(TIME_ZONES, key=len, reverse=True))
CLOCK = re.compile(
    rf"(?<![\d:.])(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?(?:\s*(?P<ampm>[ap]\.?\s?m\b\.?))?"
    rf"(?:\s*(?P<zone>{ZONES})\b|\s+(?P<local>local time))?"
    rf"(?:\s*\((?:UTC|GMT)\s*(?P<off>[+\-−]\s*\d{{1,2}}(?::?\d{{2}})?)\))?", re.I)
# Hedges before a time and the window they give, in minutes (before, after).
TIME_HEDGES = {"shortly after": (0, 30), "just after": (0, 20), "soon after": (0, 45), "around": (-15, 15),
               "about": (-15, 15), "at about": (-15, 15), "shortly before": (-30, 0), "just before": (-20, 0)}
HEDGE_BEFORE = re.compile(r"\b(" + "|".join(sorted(TIME_HEDGES, key=len, reverse=True)) + r")\s+$", re.I)


@dataclass(frozen=True)
class ClockTime:
    """Minutes after midnight (local), the UTC offset in minutes when known, and the window a hedge gives."""

    minutes: int
    offset: int | None = None
    before: int = 0  # a hedge's window: minutes before and after
    after: int = 0

    def __str__(self) -> str:
        text = f"{self.minutes // 60:02d}:{self.minutes % 60:02d}"
        if self.offset is not None:
            sign = "+" if self.offset >= 0 else "-"
            minutes = f":{abs(self.offset) % 60:02d}" if self.offset % 60 else ""
            text += f" (UTC{sign}{abs(self.offset) // 60}{minutes})"
        if self.before or self.after:
            text += f" ({self.before:+d} to {self.after:+d} min)"
        return text

    def window(self, in_utc: bool) -> tuple[int, int]:
        base = self.minutes - (self.offset or 0 if in_utc else 0)
        return base + self.before, base + self.after

    def report_fields(self) -> dict:
        return {}

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> ClockTime:
        return cls(**data)


def _t(claim: Claim) -> ClockTime:
    assert isinstance(claim.value, ClockTime)
    return claim.value


def _overlap(a: Claim, b: Claim) -> bool:
    ta, tb = _t(a), _t(b)
    utc = ta.offset is not None and tb.offset is not None
    la, ha = ta.window(utc)
    lb, hb = tb.window(utc)
    return la <= hb and lb <= ha


@rule("same-time", "agree", """
    '11:15 CEST' / '5:15 a.m. EDT': one moment in two time zones.""")
def same_time(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """The same moment, in one zone or two."""
    ta, tb = _t(a), _t(b)
    if ta.before or ta.after or tb.before or tb.after or not _overlap(a, b):
        return None
    return f"{quote(a)} and {quote(b)} give the same time."


@rule("times-overlap", "compatible", """
    'shortly after 3 a.m.' / 'It was 3.10am'.""")
def times_overlap(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """The windows the two wordings admit overlap."""
    if not _overlap(a, b):
        return None
    return f"{quote(a)} ({a.value}) and {quote(b)} ({b.value}) admit a common time."


@rule("clock-times-differ", "conflict", """
    '10:44 local time (UTC+3)' / '08:44 UTC': 10:44 at UTC+3 is 07:44 UTC.""")
def clock_times_differ(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """The two times of one moment do not match, in UTC when both give a zone."""
    return f"{quote(a)} ({a.value}) and {quote(b)} ({b.value}) are different times."


def _offset(match: re.Match) -> int | None:
    if match.group("off"):
        raw = match.group("off").replace("−", "-").replace(" ", "")
        sign = -1 if raw.startswith("-") else 1
        digits = raw[1:].replace(":", "")
        hours, minutes = (int(digits[:-2]), int(digits[-2:])) if len(digits) > 2 else (int(digits), 0)
        return sign * (hours * 60 + minutes)
    if match.group("zone"):
        return TIME_ZONES[match.group("zone").upper()]
    return None


class ClockKind(Kind):
    name = "clock"
    summary = "A time of day, with its time zone: 'at 3.10am', '10:44 local time (UTC+3)', '08:44 UTC'."
    value_type = ClockTime
    rules = (*CORRECTION_RULES, same_time, times_overlap, same_article_parts, clock_times_differ)

    def extract(self, sentence: Sentence) -> list[Draft]:
        if sentence.segment.role != "body":
            return []
        drafts = []
        for match in CLOCK.finditer(sentence.text):
            if not (match.group("m") or match.group("ampm")):
                continue  # a bare number is no time of day
            hour, minute = int(match.group("h")), int(match.group("m") or 0)
            ampm = (match.group("ampm") or "").lower().replace(".", "").replace(" ", "")
            if ampm and not 1 <= hour <= 12:
                continue
            if ampm == "pm" and hour < 12:
                hour += 12
            elif ampm == "am" and hour == 12:
                hour = 0
            if not ampm and not match.group("zone") and not match.group("off") and not match.group("local") \
                    and not re.search(r"\b(?:at|by|until|from|since|after|before)\s+$", sentence.text[:match.start()]):
                continue  # "a 7.5 rating", "3.10" alone: only a time when the text says so
            hedge = HEDGE_BEFORE.search(sentence.text[max(0, match.start() - 20):match.start()])
            before, after = TIME_HEDGES[hedge.group(1).lower()] if hedge else (0, 0)
            start = match.start() - (len(hedge.group(0)) if hedge else 0)
            what = happening(sentence.doc, match.start(), match.end())
            subject = what[0] if what else "time"
            drafts.append(Draft(self.name, f"{self.name}:{subject}", subject,
                                ClockTime(hour * 60 + minute, _offset(match), before, after),
                                sentence.start + start, sentence.start + match.end(),
                                sentence.mention_for(match.start(), match.end())))
        return drafts

    def agrees(self, a: Claim, b: Claim) -> bool:
        return _overlap(a, b)

    def cell_key(self, claim: Claim) -> Hashable:
        t = _t(claim)
        return (t.minutes, t.offset, t.before, t.after)


KIND = ClockKind()
