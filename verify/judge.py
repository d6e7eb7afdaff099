"""Stage 5, judge: claim groups in, `Finding`s out.

Within a group (one attribute of one event) claims with the same article, scope and value
form a cell; every pair of cells from different articles is judged, and a pair inside one
article is reported only when it is a discrepancy. Values are typed and compared with
their tolerances: hedge intervals for counts, day intervals for dates, containment for
places, office/portfolio/country for roles, item-by-item meaning for lists.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from itertools import combinations

from .align import ClaimGroup, items_matched
from .embed import Embedder
from .extract.people import compare_roles
from .extract.places import Gazetteer, fold
from .extract.subjects import FRAMES
from .lexicon.en import NEUTRAL_PREDICATES, RUNNING_FIGURES
from .lexicon.en import UPDATE_CUES as UPDATE_CUE_WORDS
from .records import Claim, Event, Finding

UPDATE_CUES = re.compile(r"\b(?:" + "|".join(UPDATE_CUE_WORDS) + r")\b", re.I)
RUNNING_SIMILARITY = 0.55
UPDATE_CUES = re.compile(r"\b(?:rose|risen|rising|climbed|increased|grew|grown|jumped|reached|now stands|stands at|"
                         r"so far|to date|has reached|updated|revised|latest)\b", re.I)
DIFFERENT_EVENT_WINDOW = 21  # days: events further apart are not mistaken for each other
CONFUSABLE_NAMES = 2  # proper names two events' articles must share to be one story
ROLE_WINDOW = 14  # days: reports further apart may rightly give a person different offices


PREDICATE_SIMILARITY = 0.35


class Judge:
    """Compares typed values; holds the shared read-only helpers it needs."""

    def __init__(self, embedder: Embedder, gazetteer: Gazetteer, country_code, events: list[Event] = ()):
        self.embedder = embedder
        self.gazetteer = gazetteer
        self.country_code = country_code
        self.events = {e.id: e for e in events}

    def comparable(self, a: Claim, b: Claim) -> bool:
        """Are two counts of one unit counts of the same act?

        Not when one did and the other did not ("24 attended", "3 did not attend"), nor when both
        name different specific acts ("12,650 runners started", "dozens of runners were treated").
        Verbs that only say the count was there (attended, took part, was) compare with anything;
        casualty and vote frames already give "deaths", "injured", "votes for" attributes of their own.
        """
        if a.kind != "count":
            return True
        if a.predicate.startswith("not ") != b.predicate.startswith("not "):
            return False
        if "vague" in (a.hedge, b.hedge) and _orders_apart(a, b):
            return False  # "a handful of runners" fell ill; "17,800 runners" started: a part, not a misreport
        if a.size_of or b.size_of or a.subject in FRAMES or b.subject in FRAMES:
            return True  # the size of a thing, or a frame that already names the act
        pa, pb = a.predicate.removeprefix("not "), b.predicate.removeprefix("not ")
        if not pa or not pb or pa == pb:
            return True
        if pa.split()[0] in NEUTRAL_PREDICATES or pb.split()[0] in NEUTRAL_PREDICATES:
            return True
        return float(self.embedder.similarity([pa], [pb])[0, 0]) >= PREDICATE_SIMILARITY

    def is_forecast(self, claim: Claim) -> bool:
        """A figure published before its event took place is a forecast."""
        event = self.events.get(claim.event)
        return bool(event and event.date_low and claim.article_date and claim.article_date < event.date_low)

    # -- value comparisons: (status, explanation) ---------------------------------------
    def compare(self, a: Claim, b: Claim) -> tuple[str, str]:
        kind = a.kind
        if kind in ("count", "money", "percent"):
            return self.compare_quantities(a, b)
        if kind == "date":
            return compare_dates(a, b)
        if kind == "location":
            return self.compare_locations(a, b)
        if kind == "role":
            if a.article_date and b.article_date and abs((a.article_date - b.article_date).days) > ROLE_WINDOW:
                return "compatible", (f"{_q(a)} and {_q(b)} were published more than {ROLE_WINDOW} days apart; "
                                      f"a person's office can change in between.")
            status, reason = compare_roles(a.value, b.value, self.country_code)
            return status, f"{_q(a)} and {_q(b)} describe {a.subject}'s role: {reason}."
        if kind == "list":
            return self.compare_lists(a, b)
        return "compatible", "no comparison for this kind of claim."

    def compare_quantities(self, a: Claim, b: Claim) -> tuple[str, str]:
        if a.currency and b.currency and a.currency != b.currency:
            return "conflict", f"{_q(a)} is in {a.currency} but {_q(b)} is in {b.currency}: the amounts differ."
        overlap = a.low <= b.high and b.low <= a.high
        if a.scope != b.scope:
            member, other = (a, b) if a.scope == "membership" else (b, a)
            if overlap:
                return "compatible", (f"{_q(member)} is the size of the body and {_q(other)} counts those "
                                      f"taking part; the figures are consistent.")
            return "different_scope", (f"{_q(member)} is the size of the body, while {_q(other)} counts those "
                                       f"taking part: different things, not a contradiction.")
        same_value = a.low == b.low and a.high == b.high and a.point == b.point
        if not overlap and self.is_forecast(a) != self.is_forecast(b):
            forecast, outcome = (a, b) if self.is_forecast(a) else (b, a)
            return "update", (f"{_q(forecast)} was published before the event ({forecast.article_date}); "
                              f"{_q(outcome)} reports the outcome.")
        update = self._update(a, b)
        if update:
            return update
        if same_value:
            return "agree", f"{_q(a)} and {_q(b)} give the same figure ({a.value})."
        if overlap:
            return "compatible", f"{_q(a)} ({_range(a)}) and {_q(b)} ({_range(b)}) admit a common value."
        return "conflict", f"{_q(a)} ({_range(a)}) and {_q(b)} ({_range(b)}) cannot both be true for the same thing."

    def _update(self, a: Claim, b: Claim) -> tuple[str, str] | None:
        """A running figure raised by a later report is an update, not a conflict."""
        if not (a.article_date and b.article_date) or a.article_date == b.article_date:
            return None
        early, late = (a, b) if a.article_date < b.article_date else (b, a)
        if late.point == early.point and late.low == early.low and late.high == early.high:
            return None
        if not (self.is_running_figure(early) or UPDATE_CUES.search(late.sentence)):
            return None
        if late.point > early.point:
            return "update", (f"{_q(late)} ({late.article_date}) raises {_q(early)} ({early.article_date}): "
                              f"a running figure updated by a later report.")
        if late.high < early.low:
            return "conflict", (f"{_q(late)} ({late.article_date}) is lower than {_q(early)} "
                                f"({early.article_date}): a running figure should not fall.")
        return None

    def is_running_figure(self, claim: Claim) -> bool:
        sims = self.embedder.similarity([claim.subject], list(RUNNING_FIGURES))
        return bool(sims.size) and float(sims.max()) >= RUNNING_SIMILARITY

    def compare_locations(self, a: Claim, b: Claim) -> tuple[str, str]:
        relation = self.gazetteer.relation(a.value, b.value)
        if relation == "same":
            return "agree", f"{_q(a)} and {_q(b)} name the same place."
        if relation == "within":
            return "compatible", f"{_q(a)} and {_q(b)}: one place lies within the other."
        if relation == "unknown":
            return "compatible", f"{_q(a)} and {_q(b)} may be the same place (one is a wider area)."
        return "conflict", f"{_q(a)} and {_q(b)} put the event in different places."

    def compare_lists(self, a: Claim, b: Claim) -> tuple[str, str]:
        matched = items_matched(a.items, b.items, self.embedder)
        if "partial" in (a.hedge, b.hedge):
            short = a if len(a.items) <= len(b.items) else b
            if len(matched) == len(short.items):
                return "compatible", (f"Every item of the shorter list {_q(short, 40)} has a counterpart; "
                                      f"one list says it is not complete ('including').")
            return "compatible", "One list is explicitly partial ('including'), so the lists need not match."
        if len(a.items) != len(b.items):
            return "conflict", f"{_q(a, 40)} has {len(a.items)} items but {_q(b, 40)} has {len(b.items)}."
        if len(matched) == len(a.items):
            return "agree", f"The {len(a.items)} items of both lists match one to one by meaning."
        missing_a = [a.items[i] for i in range(len(a.items)) if i not in {m[0] for m in matched}]
        missing_b = [b.items[j] for j in range(len(b.items)) if j not in {m[1] for m in matched}]
        return "conflict", (f"The lists differ: '{'; '.join(missing_a)}' in {a.article} has no counterpart, "
                            f"nor '{'; '.join(missing_b)}' in {b.article}.")


def _orders_apart(a: Claim, b: Claim) -> bool:
    """More than ten times apart, whichever is larger."""
    small, large = (a, b) if a.high <= b.high else (b, a)
    return large.low > 10 * max(small.high, 1)


def compare_dates(a: Claim, b: Claim) -> tuple[str, str]:
    if a.date_low is None or b.date_low is None:
        return "compatible", "one of the dates could not be resolved."
    if a.date_low == b.date_low and a.date_high == b.date_high:
        return "agree", f"{_q(a)} and {_q(b)} both resolve to {a.value}."
    if a.date_low <= b.date_high and b.date_low <= a.date_high:
        return "compatible", f"{_q(a)} ({a.value}) and {_q(b)} ({b.value}) overlap."
    return "conflict", f"{_q(a)} resolves to {a.value} but {_q(b)} to {b.value}."


def judge(groups: list[ClaimGroup], events: list[Event], judge_: Judge) -> list[Finding]:
    """All findings: within each group, then different-event pairs across groups."""
    findings: list[Finding] = []
    for group in groups:
        if group.kind == "weekday":
            claim = group.claims[0]
            findings.append(_finding("conflict", group.event, group.attribute, [[claim]],
                                     f"{_q(claim)}: {claim.value}."))
            continue
        cells = _cells(group.claims)
        for (ka, ca), (kb, cb) in combinations(cells.items(), 2):
            if not judge_.comparable(ca[0], cb[0]):
                continue
            status, why = judge_.compare(ca[0], cb[0])
            if ka[0] == kb[0] and status in ("agree", "compatible"):
                continue  # one article repeating itself consistently is not a finding
            if ka[0] == kb[0] and status == "conflict" and group.kind in ("count", "percent", "money"):
                continue  # two figures of one unit in one article are parts of the story ("24 came, 3 left")
            findings.append(_finding(status, group.event, group.attribute, [ca, cb], why))
    findings.extend(_different_events(groups, events, judge_))
    findings.sort(key=lambda f: (f.event or "", f.attribute, f.id))
    return findings


def _cells(claims: list[Claim]) -> dict[tuple, list[Claim]]:
    cells: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in claims:
        cells[(claim.article, claim.scope, _value_key(claim))].append(claim)
    return dict(sorted(cells.items(), key=lambda kv: (kv[0][0], kv[1][0].start)))


def _value_key(claim: Claim):
    if claim.kind in ("count", "money", "percent"):
        return (claim.low, claim.high, claim.point, claim.currency)
    if claim.kind == "date":
        return (claim.date_low, claim.date_high)
    if claim.kind == "location":
        return fold(claim.value)
    if claim.kind == "list":
        return tuple(i.lower() for i in claim.items)
    return claim.value.lower().replace("defense", "defence")


def _different_events(groups: list[ClaimGroup], events: list[Event], judge_: Judge) -> list[Finding]:
    """Same attribute, different events of one kind close in time, values that would otherwise conflict."""
    by_id = {e.id: e for e in events}
    by_attribute: dict[str, list[ClaimGroup]] = defaultdict(list)
    for group in groups:
        if group.kind in ("count", "money", "percent", "list") and group.event in by_id:
            by_attribute[group.attribute].append(group)
    findings = []
    for attribute, same in by_attribute.items():
        for ga, gb in combinations(same, 2):
            ea, eb = by_id[ga.event], by_id[gb.event]
            if ea.type != eb.type or not _confusable(ea, eb):
                continue
            for ca in _cells(ga.claims).values():
                for cb in _cells(gb.claims).values():
                    a, b = ca[0], cb[0]
                    if a.article == b.article or a.scope != b.scope or not judge_.comparable(a, b):
                        continue
                    status, _ = judge_.compare(a, b)
                    if status in ("conflict", "update"):
                        why = (f"{_q(a)} is about {ea.label} and {_q(b)} about {eb.label}: "
                               f"different events, so the figures need not match.")
                        findings.append(_finding("different_event", ea.id, attribute, [ca, cb], why, eb.id))
    return findings


def _confusable(a: Event, b: Event) -> bool:
    """Two events a reader could take for one: close in time and part of one story (shared names)."""
    if a.date_low is not None and b.date_low is not None and abs((a.date_low - b.date_low).days) > DIFFERENT_EVENT_WINDOW:
        return False
    return len(set(a.names) & set(b.names)) >= CONFUSABLE_NAMES


def finding_id(status_family: str, event: str | None, attribute: str, claims: list[Claim], other_event=None) -> str:
    """A fingerprint of what the finding says, not of run order or line numbers."""
    identity = {
        "event": event, "other_event": other_event, "attribute": attribute, "family": status_family,
        "claims": sorted({(c.article, c.value, " ".join(c.text.split())) for c in claims}),
    }
    digest = hashlib.sha256(json.dumps(identity, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    return f"F{digest[:12]}"


def _finding(status, event, attribute, sides: list[list[Claim]], why, other_event=None) -> Finding:
    claims = [c for side in sides for c in side]
    family = "different_event" if status == "different_event" else "same_event"
    return Finding(
        id=finding_id(family, event, attribute, claims, other_event), status=status, event=event,
        attribute=attribute, claims=[c.id for c in claims], explanation=why,
        articles=sorted({c.article for c in claims}), values=[c.value for c in claims], other_event=other_event,
        sides=[[c.id for c in side] for side in sides],
    )


def _q(claim: Claim, limit: int = 60) -> str:
    text = " ".join(claim.text.split())
    if len(text) > limit:
        text = text[:limit - 3] + "..."
    return f"'{text}' ({claim.article})"


def _range(claim: Claim) -> str:
    if claim.low == claim.high:
        return f"exactly {claim.low:,.0f}" if float(claim.low).is_integer() else f"exactly {claim.low:,}"
    high = "no upper bound" if claim.high == float("inf") else f"{claim.high:,.0f}"
    return f"{claim.low:,.0f} to {high}"
