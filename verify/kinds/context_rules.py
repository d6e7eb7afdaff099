"""Rules every kind may apply: what the sentences around two values say about them.

Not a kind (no KIND here). These rules read the claims' context (verify/extract/context.py):
a correction note, a provisional or final figure, the time, place and named source a claim is
given for. They come after a kind's agreement rules, so they only ever explain away two values
that differ: into an update, a different event or a different scope, never into a conflict.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from rapidfuzz import fuzz

from ..extract.mentions import TRIGGER_CLASS
from ..lexicon.en import LIGHT_PREDICATES, ORDINAL_WORDS, PARTICIPATION_VERBS, SMALL_NUMBER_WORDS
from ..records import Claim
from .base import JudgeContext, quote, rule

PREDICATE_SIMILARITY = 0.35  # verbs less alike than this name different acts (attend~sign 0.31, enrol~recruit 0.50)
QUALIFIER_NUMBERS = {**{w: n for w, n in SMALL_NUMBER_WORDS.items() if w not in ("a", "an", "a couple of")},
                     "both": 2, "all": "all"}
SAME_OCCASION_DAYS = 2  # explicit times this close are one occasion reported with a day's slack
SOURCE_MATCH = 80  # rapidfuzz token_set_ratio of two namings of one source ("the union" / "the UHWF union")
PROVISIONAL = {"provisional", "preliminary", "initial", "early", "partial"}
FINAL = {"final", "certified", "official", "revised", "updated", "complete"}


def as_of(claim: Claim) -> dt.date | None:
    """When a figure held: the time its sentence gives for it, else the day it was published."""
    return claim.context.time_high or claim.article_date


def _one_side(a: Claim, b: Claim, has: Callable[[Claim], bool]) -> tuple[Claim, Claim] | None:
    """(the claim that has it, the other) when exactly one of the two has it, else None."""
    if has(a) == has(b):
        return None
    return (a, b) if has(a) else (b, a)


@rule("superseded-by-correction", None, """
    '14,000 acres' (body, corrected in the same article's CORRECTION note to 14,000 hectares) /
    'about 34,600 acres' (another article): the corrected figure is no longer the article's claim.""")
def superseded_by_correction(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """A figure its own article corrects is not compared with other articles (its correction is), and
    the wrong value a correction quotes is compared with nothing."""
    if {a.id, b.id} & ctx.quoted:
        return "a correction quotes this value as wrong"
    if a.article == b.article or not ({a.id, b.id} & ctx.superseded):
        return None
    return "the article corrects this figure itself"


@rule("corrected-by-note", "update", """
    'Roughly 14,000 acres of farmland ... are under water' / 'CORRECTION: The area under water is 14,000
    hectares, not 14,000 acres as stated above.'""")
def corrected_by_note(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """Within one article, a correction ("should have read", a CORRECTION note) replaces the figure above it."""
    split = _one_side(a, b, lambda c: c.context.correction)
    if a.article != b.article or split is None:
        return None
    right, wrong = split
    return f"{quote(right)} corrects {quote(wrong)} in the same article."


@rule("provisional-vs-final", "update", """
    'Provisional turnout was 58.6 percent' / 'Final turnout was 58.9 percent'.""")
def provisional_vs_final(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """A provisional figure and a final (certified, official) one: the final one updates it."""
    stages = {a.context.provisional, b.context.provisional}
    if not (stages & PROVISIONAL and stages & FINAL):
        return None
    early, late = (a, b) if a.context.provisional in PROVISIONAL else (b, a)
    return (f"{quote(early)} is a {early.context.provisional} figure; "
            f"{quote(late)} is the {late.context.provisional} one.")


def _times(a: Claim, b: Claim) -> tuple[tuple[dt.date, dt.date], tuple[dt.date, dt.date]] | None:
    ta = (a.context.time_low, a.context.time_high)
    tb = (b.context.time_low, b.context.time_high)
    if None in ta or None in tb:
        return None
    return ta, tb  # type: ignore[return-value]


def _apart(ta: tuple[dt.date, dt.date], tb: tuple[dt.date, dt.date]) -> bool:
    gap = max((tb[0] - ta[1]).days, (ta[0] - tb[1]).days)
    return gap > SAME_OCCASION_DAYS


RECENT_DAYS = 30  # an undated report's figure is taken to be of the month before it was published


@rule("times-differ", "different_event", """
    'the committee lowered rates by half a point on a 5-4 vote' (on 23 January) / 'The Monetary Policy
    Committee voted 7-2 for the reduction' (6 March).""")
def times_differ(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """The two values are given for different past occasions: figures of two events, not one.

    A claim's occasion is the time its clause gives, else the date of its event. Future periods
    (forecasts for 2025 and for 2026) are different scopes instead (`periods-differ`).
    """
    occasions = []
    for claim in (a, b):
        event = ctx.events.get(claim.event or "")
        if claim.context.time_low and claim.context.time_high:
            occasions.append((claim.context.time_low, claim.context.time_high))
        elif event is not None and event.date_low and event.date_high:
            occasions.append((event.date_low, event.date_high))
        elif claim.article_date is not None and not claim.context.future:
            # An undated event's figure held some time before its report was published.
            occasions.append((claim.article_date - dt.timedelta(days=RECENT_DAYS), claim.article_date))
        else:
            return None
    if not _apart(occasions[0], occasions[1]):
        return None
    if any(claim.context.future for claim in (a, b)):
        return None
    if not (a.context.time_text or b.context.time_text):
        return None  # neither sentence says when: the events' dates alone do not make two occasions
    when = [c.context.time_text or "the event's date" for c in (a, b)]
    return (f"{quote(a)} is given for {when[0]} and {quote(b)} for {when[1]}: different occasions, "
            f"so the values need not match.")


@rule("periods-differ", "different_scope", """
    'CPI inflation is expected to average 2.1% in 2026' / 'inflation to average 2.6% this year'.""")
def periods_differ(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """The two values are given for different periods (a forecast for this year and for next year)."""
    times = _times(a, b)
    if times is None:
        return None
    (low_a, high_a), (low_b, high_b) = times
    periods = (high_a - low_a).days > SAME_OCCASION_DAYS or (high_b - low_b).days > SAME_OCCASION_DAYS
    disjoint = high_a < low_b or high_b < low_a
    # "this year" / "next year" touch, yet are two periods; a day misreported by one is one occasion.
    if not (_apart(*times) or (periods and disjoint)):
        return None
    return (f"{quote(a)} is for {a.context.time_text} and {quote(b)} for {b.context.time_text}: "
            f"different periods.")


def _named(source: str) -> bool:
    """Does a source name someone ("the Valley Relief League", "Mayor Ilona Kovač") or describe one body
    ("the regional audit office", "an expert report commissioned by the prosecution"), not only a kind
    of source ("the statement", "officials"), which may be the other source's own?"""
    bare = re.sub(r"^(?:The|A|An|the|a|an)\s+", "", source)
    return bool(re.search(r"\b[A-Z]", bare)) or len(bare.split()) >= DESCRIBED_SOURCE_WORDS


DESCRIBED_SOURCE_WORDS = 3  # "regional audit office": a description this long picks out one body


@rule("sources-differ", "different_scope", """
    'about 1,800 volunteers', the Valley Relief League said / 'Mayor Ilona Kovač said 2,500
    volunteers had helped': two named sources, two estimates.""")
def sources_differ(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """Each figure is attributed to a different named source: two estimates, not a contradiction to settle."""
    sa, sb = a.context.source, b.context.source
    if not (_named(sa) and _named(sb)) or fuzz.token_set_ratio(sa.lower(), sb.lower()) >= SOURCE_MATCH:
        return None
    return f"{quote(a)} is {sa}'s figure and {quote(b)} is {sb}'s: two sources' estimates."


@rule("places-differ", "different_scope", """
    'Turnout in Ansley itself reached 63.1 percent' / 'Provisional turnout was 58.6 percent' (the
    whole region).""")
def places_differ(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """The figures are given for different places, or one for a place within the other's area. Where
    the event itself took place ("hosting 30 countries in Brussels", "passed by 47 votes at City Hall")
    narrows nothing; where one part of it did ("640 were enrolled at Brookmere Medical Center") does."""
    pa, pb = _scope_places(a, ctx), _scope_places(b, ctx)
    if pa == pb:
        return None
    relations = {ctx.gazetteer.relation(x, y) for x in pa for y in pb}
    if relations and relations <= {"same"}:
        return None
    where_a = ", ".join(sorted(pa)) or "the whole area"
    where_b = ", ".join(sorted(pb)) or "the whole area"
    return f"{quote(a)} is given for {where_a} and {quote(b)} for {where_b}: different scopes."


def _scope_places(claim: Claim, ctx: JudgeContext) -> set[str]:
    event = ctx.events.get(claim.event or "")
    venues = ([event.location] if event is not None and event.location else []) + (event.places if event else [])
    return set(claim.context.places) | {p for p in claim.context.act_places
                                        if not any(ctx.gazetteer.relation(p, v) == "same" for v in venues)}


@rule("planned-vs-reported", "different_scope", """
    'once the river falls below 5 metres' (a condition) / 'The Tessel peaked at 7.8 metres'; 'the fund
    will reach EUR 1,200 million' / '€150 million has been put in'.""")
def planned_vs_reported(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """One value is what will (or would) happen, the other what did: a plan, forecast or condition is
    not a report of the same figure."""
    split = _one_side(a, b, lambda c: c.context.future)
    if split is None:
        return None
    planned, reported = split
    return f"{quote(planned)} is what is planned or expected; {quote(reported)} is what was reported."


@rule("increment-vs-total", "different_scope", """
    'The death toll has risen to seven after two passengers died in hospital' / 'Five people died'.""")
def increment_vs_total(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """One value is how much a figure changed, the other a figure itself: a part, not the same count."""
    split = _one_side(a, b, lambda c: c.context.increment)
    if split is None:
        return None
    change, total = split
    return f"{quote(change)} is a change of the figure; {quote(total)} is the figure itself."


def qualifiers(frame: str) -> set[str]:
    """Words of a frame that pick out which part of a thing is meant: ordinals, number words, ages
    ("first dose", "both doses", "five-year-olds", "the second round")."""
    found = set()
    for word in re.findall(r"[a-z]+(?:-[a-z]+)*", frame):
        if word in ORDINAL_WORDS:
            found.add(word)
        elif word in QUALIFIER_NUMBERS:
            found.add(str(QUALIFIER_NUMBERS[word]))
    for age in re.findall(r"\b([a-z]+|\d+)[\s-]+year[\s-]+olds?\b", frame):
        found.add(f"age {SMALL_NUMBER_WORDS.get(age, age)}")
    return found


@rule("qualifiers-differ", "different_scope", """
    '92% of children receive their first MMR dose' / '89% of five-year-olds have had both doses'.""")
def qualifiers_differ(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """The sentences pick out different parts of a thing (the first dose and both doses, one age
    group and another): the values are of different things."""
    qa, qb = qualifiers(a.context.frame), qualifiers(b.context.frame)
    if not (qa and qb) or qa == qb:
        return None
    return (f"{quote(a)} is about {', '.join(sorted(qa - qb) or qa)} and {quote(b)} about "
            f"{', '.join(sorted(qb - qa) or qb)}: different parts of the figure.")


@rule("acts-differ", "different_scope", """
    'The prosecution had sought a nine-year term' / 'was sentenced to seven and a half years';
    'delegations from 47 countries attended' / 'the declaration was signed by 44 countries'.""")
def acts_differ(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """The values are of different acts (sought and imposed, attended and signed), not two accounts of one."""
    pa, pb = a.context.predicate, b.context.predicate
    if not pa or not pb or pa == pb or pa in LIGHT_PREDICATES or pb in LIGHT_PREDICATES:
        return None
    if a.context.relation in ("compound", "amod", "nummod") or b.context.relation in ("compound", "amod", "nummod"):
        return None  # "a 12-day strike": the noun, not a verb, says what the value is
    if float(ctx.similarity([pa], [pb])[0, 0]) >= PREDICATE_SIMILARITY:
        return None
    if {pa, pb} <= PARTICIPATION_VERBS or (TRIGGER_CLASS.get(pa) is not None
                                           and TRIGGER_CLASS.get(pa) == TRIGGER_CLASS.get(pb)):
        return None  # "hosting around 30 countries" / "ministers from 35 countries met": one meeting
    return f"{quote(a)} ({pa}) and {quote(b)} ({pb}) are values of different acts."


# In the order kinds apply them, after their own agreement rules and before their conflict rules.
CORRECTION_RULES = (superseded_by_correction, corrected_by_note, provisional_vs_final)
SCOPE_RULES = (times_differ, periods_differ, planned_vs_reported, sources_differ, places_differ,
               qualifiers_differ, acts_differ)
