"""Stage 5, judge: claim groups in, `Finding`s out.

Within a group (one attribute of one event) claims with the same article and value form a
cell; for every pair of cells the rules of the claims' kind are tried in order and the first
that holds decides the status (its name is the finding's `rule`). A pair inside one article is
reported only when it is a discrepancy. Two claims that read alike but were not grouped (a
look-alike pair) get a finding only when a rule explains their different values. Across groups,
figures of two look-alike events that would otherwise conflict get a `different_event` finding
(rule `events-differ`).

Explanations that need no action (agree, compatible, different_event) are then grouped: one finding
per event (or pair of events), attribute and status, holding every claim pair it covers. Their number
grows with the events and attributes a reader must look at, not with the square of the articles, and
their id depends only on that key, so it does not change when an unrelated article is added.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from itertools import combinations

import numpy as np

from .align import ClaimGroup, SimilarityTools
from .gazetteer import Gazetteer
from .kinds import Registry
from .kinds.base import Kind, Rule, decide, events_differ
from .records import Claim, Event, Finding

DIFFERENT_EVENT_WINDOW = 21  # days: events further apart are not mistaken for each other
CONFUSABLE_NAMES = 2  # proper names two events' articles must share to be one story
AGREEMENT = ("agree", "compatible")
EXPLAINED = ("update", "different_scope", "different_event")  # what a look-alike pair's finding may say
GROUPED = ("different_event", "compatible", "agree")  # need no action: one finding per event (pair) and attribute
NOT_BEFORE = re.compile(r"\bnot\s+(?:the\s+|a\s+|an\s+)?$", re.I)  # "..., not 14,000 acres as stated above"


class Context:
    """The read-only helpers rules use (`verify.kinds.base.JudgeContext`)."""

    def __init__(self, tools: SimilarityTools, gazetteer: Gazetteer, country_code: Callable[[str], str | None],
                 events: Sequence[Event] = ()):
        self.tools = tools
        self.gazetteer = gazetteer
        self._country_code = country_code
        self.events = {e.id: e for e in events}
        self.superseded: set[str] = set()  # claims that their own article corrects
        self.quoted: set[str] = set()  # wrong values a correction quotes ("not 14,000 acres as stated")
        self.by_article: dict[str, list[Claim]] = {}  # every aligned claim, by article

    def similarity(self, a: list[str], b: list[str]) -> np.ndarray:
        return self.tools.similarity(a, b)

    def items_matched(self, a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int, float]]:
        return self.tools.items_matched(a, b)

    def country_code(self, word: str) -> str | None:
        return self._country_code(word)

    def claims_of_article(self, article: str) -> list[Claim]:
        return self.by_article.get(article, [])

    def articles(self) -> list[str]:
        return sorted(self.by_article)


def judge(groups: list[ClaimGroup], events: list[Event], kinds: Registry, ctx: Context) -> list[Finding]:
    """All findings: within each group, then different-event pairs across groups."""
    findings: list[Finding] = []
    everything = [c for g in groups if not g.look_alike for c in g.claims]
    ctx.superseded, ctx.quoted = _superseded(everything, kinds)
    ctx.by_article = defaultdict(list)
    for claim in everything:
        ctx.by_article[claim.article].append(claim)
    for group in groups:
        kind = kinds.get(group.kind)
        if group.look_alike:
            a, b = group.claims
            verdict = decide(kind.rules, a, b, ctx)
            if verdict is not None and verdict.status in EXPLAINED:
                findings.append(_finding(verdict.rule, group.event, group.attribute, [[a], [b]], verdict.explanation))
            continue
        for claim in group.claims:
            for claim_rule in kind.claim_rules:
                why = claim_rule.check(claim, ctx)
                if why is not None:
                    findings.append(_finding(claim_rule, group.event, group.attribute, [[claim]], why))
        for ca, cb in combinations(_cells(group.claims, kind).values(), 2):
            verdict = decide(kind.rules, ca[0], cb[0], ctx)
            if verdict is None or verdict.status is None:
                continue
            if ca[0].article == cb[0].article and verdict.status in AGREEMENT:
                continue  # one article repeating itself consistently is not a finding
            findings.append(_finding(verdict.rule, group.event, group.attribute, [ca, cb], verdict.explanation))
    findings.extend(_different_events(groups, events, kinds, ctx))
    findings = group_explanations(findings)
    findings.sort(key=lambda f: (f.event or "", f.attribute, f.id))
    return findings


def group_explanations(findings: list[Finding]) -> list[Finding]:
    """One finding per (status, event, other event, attribute) for the statuses in GROUPED; others as they are.

    The grouped finding's sides are the distinct sides of its pairs (first seen first), its `pairs` say
    which sides each pair compared and which rule decided it.
    """
    kept: list[Finding] = []
    grouped: dict[tuple, list[Finding]] = defaultdict(list)
    for f in findings:
        if f.status in GROUPED and len(f.sides) == 2:
            grouped[(f.status, f.event, f.other_event, f.attribute)].append(f)
        else:
            kept.append(f)
    for (status, event, other_event, attribute), members in grouped.items():
        sides: dict[tuple[str, ...], int] = {}
        pairs = []
        for f in members:
            index = [sides.setdefault(tuple(side), len(sides)) for side in f.sides]
            pairs.append({"id": f.id, "sides": index, "rule": f.rule, "explanation": f.explanation})
        claims = list(dict.fromkeys(cid for side in sides for cid in side))
        values = {cid: value for f in members for cid, value in zip(f.claims, f.values)}
        rules = Counter(f.rule for f in members)
        articles = sorted({a for f in members for a in f.articles})
        explanation = members[0].explanation
        if len(members) > 1:
            explanation += f" ({len(members)} pairs of claims in all, from {len(articles)} articles)"
        kept.append(Finding(
            id=group_id(status, event, attribute, other_event), status=status, event=event, attribute=attribute,
            claims=claims, explanation=explanation, articles=articles, values=[values[c] for c in claims],
            other_event=other_event, sides=[list(side) for side in sides],
            rule=min(rules, key=lambda r: (-rules[r], r)), pairs=pairs,
        ))
    return kept


def group_id(status: str, event: str | None, attribute: str, other_event: str | None = None) -> str:
    """A grouped finding's id: its key only, so adding or removing a claim pair keeps it."""
    return finding_id(f"grouped:{status}", event, attribute, [], other_event)


def _superseded(claims: list[Claim], kinds: Registry) -> tuple[set[str], set[str]]:
    """Claims an article corrects itself ("CORRECTION: ... 14,000 hectares, not 14,000 acres as stated"):
    (the body's claims with the corrected value, the wrong values quoted in the correction)."""
    quoted = [c for c in claims if c.context.correction
              and NOT_BEFORE.search(c.sentence[:max(0, c.start - c.sentence_start)])]
    superseded = {c.id for c in claims for q in quoted
                  if c.article == q.article and c.kind == q.kind and not c.context.correction
                  and kinds.get(c.kind).agrees(c, q)}
    # "CORRECTION: ... misstated the size of the trial. The trial enrolled 24,860 participants.": the
    # note gives only the right value; the body's other value of that figure is the one corrected.
    quoted_ids = {q.id for q in quoted}
    corrections = [c for c in claims if c.context.correction and c.id not in quoted_ids]
    superseded |= {c.id for c in claims for r in corrections
                   if c.article == r.article and c.kind == r.kind and not c.context.correction
                   and (c.attribute == r.attribute or c.subject == r.subject) and not kinds.get(c.kind).agrees(c, r)}
    return superseded, quoted_ids


def _cells(claims: list[Claim], kind: Kind) -> dict[tuple, list[Claim]]:
    cells: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in claims:
        cells[(claim.article, kind.cell_key(claim))].append(claim)
    return dict(sorted(cells.items(), key=lambda kv: (kv[0][0], kv[1][0].start)))


def _different_events(groups: list[ClaimGroup], events: list[Event], kinds: Registry, ctx: Context) -> list[Finding]:
    """Figures of one thing in two look-alike events (one kind, close in time, one story) whose values
    would otherwise conflict: a `different_event` finding says why they may differ."""
    by_id = {e.id: e for e in events}
    by_event: dict[str, list[ClaimGroup]] = defaultdict(list)
    for group in groups:
        if kinds.get(group.kind).across_events and group.event in by_id and not group.look_alike:
            by_event[group.event or ""].append(group)
    findings = []
    for ea_id, eb_id in combinations(sorted(by_event), 2):
        ea, eb = by_id[ea_id], by_id[eb_id]
        if ea.type != eb.type or not _confusable(ea, eb):
            continue
        for ga in by_event[ea_id]:
            kind = kinds.get(ga.kind)
            for gb in by_event[eb_id]:
                if gb.kind != ga.kind:
                    continue
                for ca in _cells(ga.claims, kind).values():
                    for cb in _cells(gb.claims, kind).values():
                        a, b = ca[0], cb[0]
                        if (a.article == b.article or kind.family(a) != kind.family(b) or kind.agrees(a, b)
                                or not kind.comparable(a, b, ctx.tools)):
                            continue
                        verdict = decide(kind.rules, a, b, ctx)
                        if verdict is not None and verdict.status not in AGREEMENT:
                            why = events_differ.check(a, b, ctx)
                            findings.append(_finding(events_differ, ea.id, ga.attribute, [ca, cb], why, eb.id))
    return findings


def _confusable(a: Event, b: Event) -> bool:
    """Two events a reader could take for one: close in time and part of one story (shared names)."""
    if a.date_low is not None and b.date_low is not None and \
            abs((a.date_low - b.date_low).days) > DIFFERENT_EVENT_WINDOW:
        return False
    return len(set(a.names) & set(b.names)) >= CONFUSABLE_NAMES


def finding_id(status_family: str, event: str | None, attribute: str, claims: list[Claim], other_event=None) -> str:
    """A fingerprint of what the finding says, not of run order or line numbers."""
    identity = {
        "event": event, "other_event": other_event, "attribute": attribute, "family": status_family,
        "claims": sorted({(c.article, str(c.value), " ".join(c.text.split())) for c in claims}),
    }
    digest = hashlib.sha256(json.dumps(identity, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    return f"F{digest[:12]}"


def _finding(decided_by: Rule, event, attribute, sides: list[list[Claim]], why, other_event=None) -> Finding:
    status = decided_by.status
    assert status is not None
    claims = [c for side in sides for c in side]
    family = "different_event" if status == "different_event" else "same_event"
    fid = finding_id(family, event, attribute, claims, other_event)
    return Finding(
        id=fid, status=status, event=event,
        attribute=attribute, claims=[c.id for c in claims], explanation=why,
        articles=sorted({c.article for c in claims}), values=[str(c.value) for c in claims], other_event=other_event,
        sides=[[c.id for c in side] for side in sides], rule=decided_by.name,
        pairs=[{"id": fid, "sides": [0, 1], "rule": decided_by.name, "explanation": why}] if len(sides) == 2 else [],
    )
