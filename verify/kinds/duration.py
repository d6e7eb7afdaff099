"""Durations: how long something lasted or was set to last ("a 12-day strike", "90 months").

"90 months", "seven and a half years" and "7.5 years" are one prison term; "a 12-day strike"
and "the nine-day stoppage" are two lengths for one strike. Durations compare in days, so
months and years convert exactly; "four years six months" is one duration.
"""
from __future__ import annotations

import re
from collections.abc import Hashable
from dataclasses import asdict, dataclass

from ..extract.units import UnitMention, find_units
from ..lexicon.en import DAYS_PER_UNIT, DURATION_UNITS, NOT_DURATION_AFTER
from ..records import Claim
from .base import AlignContext, Draft, JudgeContext, Kind, Sentence, quote, rule
from .context_rules import CORRECTION_RULES, SCOPE_RULES
from .measure import _subject
from .quantity import INF, same_article_parts
from .situated import same_happening

NOT_A_DURATION = re.compile(r"^[\s-]*(?:" + "|".join(NOT_DURATION_AFTER) + r")\b", re.I)
CONVERSION_SLACK = 0.01  # a duration converted between months and years is exact; 1% covers rounding


@dataclass(frozen=True)
class Duration:
    """A length of time as written (`point` `unit`), with its interval in days."""

    point: float
    low: float  # days
    high: float  # days
    hedge: str
    unit: str  # the unit as written: "month", "year", "day"...
    text: str = ""  # "four years six months": a compound duration keeps its words

    def __str__(self) -> str:
        text = self.text or f"{self.point:g} {self.unit}{'' if self.point == 1 else 's'}"
        if self.hedge not in ("exact",):
            high = "∞" if self.high == INF else f"{self.high:g}"
            text += f" ({self.hedge}: {self.low:g}–{high} days)"
        return text

    def report_fields(self) -> dict:
        return {"hedge": self.hedge, "low": self.low, "high": self.high, "unit": "day"}

    def to_json(self) -> dict:
        data = asdict(self)
        data["high"] = "inf" if self.high == INF else self.high
        return data

    @classmethod
    def from_json(cls, data: dict) -> Duration:
        data = dict(data)
        if data.get("high") == "inf":
            data["high"] = INF
        return cls(**data)


def _d(claim: Claim) -> Duration:
    assert isinstance(claim.value, Duration)
    return claim.value


def _overlap(a: Claim, b: Claim) -> bool:
    da, db = _d(a), _d(b)
    slack = CONVERSION_SLACK if da.unit != db.unit else 0.0
    return da.low * (1 - slack) <= db.high * (1 + slack) and db.low * (1 - slack) <= da.high * (1 + slack)


@rule("same-duration", "agree", """
    '90 months in prison' / 'seven and a half years' / '7.5 years'.""")
def same_duration(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """The same length of time, in the same or other units."""
    da, db = _d(a), _d(b)
    if da.hedge != "exact" or db.hedge != "exact" or not _overlap(a, b):
        return None
    return f"{quote(a)} and {quote(b)} give the same duration ({da} = {db})."


@rule("durations-overlap", "compatible", """
    'faces up to 10 years' / 'was handed 7.5 years'; 'between two and four years' / '3.1 years'.""")
def durations_overlap(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """The intervals the two wordings admit overlap."""
    if not _overlap(a, b):
        return None
    return f"{quote(a)} ({_d(a)}) and {quote(b)} ({_d(b)}) admit a common duration."


@rule("durations-differ", "conflict", """
    'a 12-day strike' / 'the nine-day stoppage' about one strike.""")
def durations_differ(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """The two lengths of time cannot both be true of the same thing."""
    return f"{quote(a)} ({_d(a)}) and {quote(b)} ({_d(b)}) cannot both be the length of the same thing."


def _merged(found: list[UnitMention], text: str) -> list[tuple[int, int, float, float, float, str, str, bool, int]]:
    """Mentions as (start, end, point, low days, high days, hedge, unit, compound, number start), with
    "four years six months" and "two years and three months" joined into one."""
    out: list[tuple[int, int, float, float, float, str, str, bool, int]] = []
    for mention in found:
        days = DAYS_PER_UNIT[mention.unit]
        item = (mention.start, mention.end, mention.value, mention.low * days, mention.high * days, mention.hedge,
                mention.unit, mention.compound, mention.number_start)
        if out and re.fullmatch(r"[\s,]*(?:and\s+)?", text[out[-1][1]:mention.start]) and out[-1][5] == "exact" \
                and DAYS_PER_UNIT[out[-1][6]] > days:
            prev = out.pop()
            item = (prev[0], mention.end, prev[2], prev[3] + mention.low * days, prev[4] + mention.high * days,
                    mention.hedge, prev[6], False, prev[8])
        out.append(item)
    return out


class DurationKind(Kind):
    name = "duration"
    summary = "How long something lasted or was set to last: 'a 12-day strike', '90 months', 'two days of talks'."
    value_type = Duration
    across_events = True
    rules = (*CORRECTION_RULES, same_duration, durations_overlap, *SCOPE_RULES, same_article_parts,
             durations_differ)
    # `comparable` demands one happening ("a 12-day strike" / "the nine-day stoppage"), so the rest of
    # the wording may differ as much as dates' (see DateKind).
    agree_link_score = 0.3
    mutual_link_score = 0.3

    def comparable(self, a: Claim, b: Claim, ctx: AlignContext) -> bool:
        """Lengths of one happening (`situated.same_happening`): a strike's length is not its talks'."""
        return same_happening(a, b, ctx)

    def extract(self, sentence: Sentence) -> list[Draft]:
        text = sentence.text
        drafts = []
        for start, end, point, low, high, hedge, unit, compound, number_start in _merged(
                find_units(text, DURATION_UNITS), text):
            if NOT_A_DURATION.match(text[end:end + 12]) or text[end:end + 4].startswith("-old"):
                continue  # "15 years ago", "the 54-year-old", "two days later"
            words = text[number_start:end] if end - number_start > len(f"{point:g} {unit}") + 6 else ""
            value = Duration(point, low, high, hedge, unit, words)
            subject = _subject(sentence, number_start, end, compound)
            drafts.append(Draft(self.name, f"{self.name}:{subject}", subject, value, sentence.start + start,
                                sentence.start + end, sentence.mention_for(number_start, end)))
        return drafts

    def agrees(self, a: Claim, b: Claim) -> bool:
        return _overlap(a, b)

    def cell_key(self, claim: Claim) -> Hashable:
        d = _d(claim)
        return (round(d.low, 3), round(d.high, 3))


KIND = DurationKind()
