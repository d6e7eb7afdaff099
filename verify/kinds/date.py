"""Dates: the day (or span of days) an event took place, resolved against the article date.

"on Tuesday", "yesterday", "last weekend" and "10 April 2025" are all day intervals, so
two reports compare by overlap whatever words they used.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Hashable
from dataclasses import dataclass

from ..extract.context import governor, span_root
from ..extract.date_words import BOUNDS, happening
from ..lexicon.en import CHANGE_LEMMAS, MONTHS, PHASE_VERBS, WEEKDAYS
from ..records import Claim
from .base import AlignContext, Draft, JudgeContext, Kind, Sentence, quote, rule
from .context_rules import CORRECTION_RULES
from .quantity import same_article_parts
from .situated import HAPPEN_VERBS, same_happening


@dataclass(frozen=True)
class DateSpan:
    """An inclusive interval of days; None when the words could not be resolved (no article date)."""

    low: dt.date | None
    high: dt.date | None
    # Which part of what happened the date is of: "start" (opened, broke out), "end" (closed, was
    # contained), "resume", "whole" (took place, the summit itself) or "act" (any other verb).
    phase: str = "whole"

    def __str__(self) -> str:
        if self.low is None or self.high is None:
            return "unresolved"
        return self.low.isoformat() if self.low == self.high else f"{self.low.isoformat()}/{self.high.isoformat()}"

    def report_fields(self) -> dict:
        return {"date_low": self.low.isoformat() if self.low else None,
                "date_high": self.high.isoformat() if self.high else None}

    def to_json(self) -> dict:
        return {**self.report_fields(), "phase": self.phase}

    @classmethod
    def from_json(cls, data: dict) -> DateSpan:
        low, high = (dt.date.fromisoformat(data[k]) if data.get(k) else None for k in ("date_low", "date_high"))
        return cls(low, high, data.get("phase", "whole"))


# A date on these verbs dates a figure, not an event: its state when it has a value ("inflation was
# 3.1% in January", "by Wednesday 37 ships were waiting") or its change ("the toll rose to five on Monday").
STATE_VERBS = {"be", "stand", "remain", "wait", "total", "average", "sit", "lie", "hold"}
PHASE_OF = {verb: phase for phase, verbs in PHASE_VERBS.items() for verb in verbs}
DATELINE = re.compile(r"^[A-Z][A-Z .'’-]+,\s")  # "KESTRELFORD, Nov 3 (ANS) -": when the story was filed
OCCASIONS_APART = 14  # days: a misreported date is off by days; dates further apart are two occasions


def _phase(head) -> str:
    """The phase of what a date is of, from the word it hangs on (see `DateSpan.phase`)."""
    lemma = head.lemma_.lower()
    if lemma in PHASE_OF:
        return PHASE_OF[lemma]
    if head.pos_ in ("VERB", "AUX") and lemma not in HAPPEN_VERBS:
        return "act"
    return "whole"  # "took place", "was held", "the summit on 10 June"


def _bound(claim: Claim) -> str:
    """The preposition that makes a date a bound of what happened ("until", "from", "by"), or ""."""
    last = claim.subject.rsplit(" ", 1)[-1]
    return last if last in BOUNDS and " " in claim.subject else ""


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
    if (_span(a).low, _span(a).high) != (_span(b).low, _span(b).high):
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


@rule("occasions-apart", "different_event", """
    'the phase II study first presented in Lisbon on 14 October 2023' / 'The results were presented in
    Vienna on Saturday, 30 August' (2025).""")
def occasions_apart(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """The dates lie weeks apart: an earlier (or later) occasion, not one event dated twice (a misreported
    date is off by days; 'the cut on 23 January' and 'last week's cut' are two cuts)."""
    sa, sb = _span(a), _span(b)
    assert sa.low and sa.high and sb.low and sb.high
    gap = max((sb.low - sa.high).days, (sa.low - sb.high).days)
    if gap <= OCCASIONS_APART:
        return None
    return f"{quote(a)} ({a.value}) and {quote(b)} ({b.value}) are dates of different occasions."


@rule("planned-and-held", "update", """
    'the summit will open on Monday 9 June' (a preview) / 'the summit opened on Tuesday, 10 June'
    (a report after it).""")
def planned_and_held(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """A date announced before it came and one reported after it: the later report updates the plan."""
    def ahead(claim: Claim) -> bool | None:
        span = _span(claim)
        if claim.article_date is None or span.low is None:
            return None
        return span.low > claim.article_date
    if ahead(a) is None or ahead(b) is None or ahead(a) == ahead(b):
        return None
    plan, report = (a, b) if ahead(a) else (b, a)
    if report.article_date is None or plan.article_date is None or report.article_date <= plan.article_date:
        return None
    return f"{quote(plan)} was announced before the date; {quote(report)} reports when it happened."


@rule("weekday-week-unsaid", "compatible", """
    'the fire began on a scorching Monday afternoon' (a long read published 15 August) / 'the fire started
    on Monday afternoon' (a report of 5 August).""")
def weekday_week_unsaid(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """Both name the same weekday and one gives no day of the month: which week is only inferred from the
    publication date, and a later article often means an earlier week."""
    days = [_weekdays(a.text), _weekdays(b.text)]
    if len(days[0]) != 1 or days[0] != days[1]:
        return None
    if _names_day_of_month(a.text) and _names_day_of_month(b.text):
        return None
    return f"{quote(a)} and {quote(b)} name the same weekday; the week is not said."


def _weekdays(text: str) -> set[str]:
    return {day for day in WEEKDAYS if re.search(rf"\b{day}", text, flags=re.IGNORECASE)}


def _names_day_of_month(text: str) -> bool:
    return bool(re.search(r"\d", text)) and any(month.lower() in text.lower() for month in MONTHS)


@rule("dates-differ", "conflict", """
    'the runoff will be held on Sunday, 27 April' / 'in the runoff on 4 May'.""")
def dates_differ(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """The two dates of one event do not overlap."""
    return f"{quote(a)} resolves to {a.value} but {quote(b)} to {b.value}."


class DateKind(Kind):
    name = "date"
    summary = "The day an event took place: 'on Tuesday', 'yesterday', 'last weekend', '10 April 2025'."
    value_type = DateSpan
    # `comparable` already demands one happening, phase and bound: agreeing dates and mutual best
    # matches need less of the wording (reports' dates of one meeting score 0.35-0.6 on the
    # development corpus).
    agree_link_score = 0.3
    mutual_link_score = 0.35
    rules = (*CORRECTION_RULES, date_unresolved, same_day, dates_overlap, occasions_apart, planned_and_held,
             same_article_parts, weekday_week_unsaid, dates_differ)

    def extract(self, sentence: Sentence) -> list[Draft]:
        """Every resolved date that says when something happened or will happen ("the first case was
        confirmed on 27 January", "the runoff on 4 May", "Sunday's election"), named by what happened.

        Left out: dates in titles and bylines, a wire story's dateline ("KESTRELFORD, Nov 3 (ANS) -"),
        and a date that only says when a figure held ("inflation was 3.1% in January"), which is that
        figure's time, not an event's date."""
        if sentence.segment.role != "body":
            return []
        valued = {span_root(sentence.doc, q.start, q.end) for q in sentence.quantities}
        figure_verbs = {governor(r)[0].i for r in valued if r is not None
                        and governor(r)[0].lemma_.lower() in STATE_VERBS}
        figure_verbs |= {t.i for t in sentence.doc if t.pos_ == "VERB" and t.lemma_.lower() in CHANGE_LEMMAS}
        valuing_verbs = {governor(r)[0].i for r in valued if r is not None}
        drafts = []
        for date in sentence.dates:
            if date.low is None or DATELINE.match(sentence.text[:date.end + 2]):
                continue
            situated = happening(sentence.doc, date.start, date.end)
            if situated is None:
                continue
            what, head = situated
            if head in figure_verbs:
                continue
            if what.endswith(" by") and head in valuing_verbs:
                continue  # "had burned 2,400 hectares by Tuesday": the time of a running figure
            low = date.low
            if what.endswith(" by") and sentence.reference is not None \
                    and date.high is not None and sentence.reference <= date.high:
                low = min(low, sentence.reference)  # "certify the figures by Thursday": any day until then
            drafts.append(Draft(self.name, self.name, what, DateSpan(low, date.high, _phase(sentence.doc[head])),
                                sentence.start + date.start, sentence.start + date.end,
                                sentence.mention_for(date.start, date.end)))
        return drafts

    def comparable(self, a: Claim, b: Claim, ctx: AlignContext) -> bool:
        """Dates of one happening: the same phase of it (the day a fire broke out is not the day it
        tore through the hills or was contained; the day a summit took place is any of its days), the
        same bound ("until Friday"), and one happening (`situated.same_happening`): the day shares
        rose is not the day they closed lower."""
        if {_bound(a), _bound(b)} - {"", "by"} and _bound(a) != _bound(b):
            return False  # "closed until Friday" is the end of a closure, "closed today" its start
        phases = {_span(a).phase, _span(b).phase} - {"whole"}
        if len(phases) > 1 or phases & set(PHASE_VERBS):
            return len(phases) == 1
        return same_happening(a, b, ctx)

    def cell_key(self, claim: Claim) -> Hashable:
        return (_span(claim).low, _span(claim).high)


KIND = DateKind()
