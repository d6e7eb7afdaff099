"""Score a report against an answer key of labelled statement pairs (`verify eval`).

Answer key: {"events": [...], "pairs": [{"verdict", "event", "attribute",
"a": {"article", "quote"}, "b": {"article", "quote"}, "why"}]}. A claim covers a quote
when its span overlaps the quote's span in the article text.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .records import STATUSES, Claim, Report

NO_CLAIM = "no_claim"  # the tool extracted nothing at one of the quotes
UNALIGNED = "unaligned"  # claims at both quotes, but never compared


class GoldError(ValueError):
    """The answer key cannot be used; the message says where."""


@dataclass
class PairResult:
    index: int
    gold: str
    predicted: str
    attribute: str
    a: dict
    b: dict
    why: str
    finding: str | None = None


@dataclass
class Score:
    results: list[PairResult] = field(default_factory=list)
    unlabelled_conflicts: list[str] = field(default_factory=list)

    def count(self, gold=None, predicted=None) -> int:
        return sum(1 for r in self.results
                   if (gold is None or r.gold == gold) and (predicted is None or r.predicted == predicted))

    @property
    def conflict_precision(self) -> float:
        predicted = self.count(predicted="conflict")
        return self.count("conflict", "conflict") / predicted if predicted else 1.0

    @property
    def conflict_recall(self) -> float:
        gold = self.count(gold="conflict")
        return self.count("conflict", "conflict") / gold if gold else 1.0

    @property
    def false_alarms(self) -> int:
        """Pairs that are not conflicts but were reported as conflicts."""
        return sum(1 for r in self.results if r.gold != "conflict" and r.predicted == "conflict")

    @property
    def different_event_false_alarms(self) -> int:
        return self.count("different_event", "conflict")

    @property
    def accuracy(self) -> float:
        return sum(1 for r in self.results if r.gold == r.predicted) / len(self.results) if self.results else 1.0

    def as_dict(self) -> dict:
        return {
            "pairs": len(self.results),
            "conflict_precision": round(self.conflict_precision, 3),
            "conflict_recall": round(self.conflict_recall, 3),
            "false_alarms": self.false_alarms,
            "different_event_false_alarms": self.different_event_false_alarms,
            "verdict_accuracy": round(self.accuracy, 3),
            "unlabelled_conflicts": len(self.unlabelled_conflicts),
        }


def load_gold(path: str | Path) -> dict:
    try:
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise GoldError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    except json.JSONDecodeError as exc:
        raise GoldError(f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from exc
    if not isinstance(gold, dict) or not isinstance(gold.get("pairs"), list):
        raise GoldError(f"{path}: expected an object with a 'pairs' list")
    for n, pair in enumerate(gold["pairs"]):
        for key in ("verdict", "a", "b"):
            if key not in pair:
                raise GoldError(f"{path}: pair {n} has no '{key}'")
        if pair["verdict"] not in STATUSES:
            raise GoldError(f"{path}: pair {n} has unknown verdict '{pair['verdict']}'")
    return gold


def score(report: Report, gold: dict) -> Score:
    texts = {a.id: a.text for a in report.articles}
    claims_by_article: dict[str, list[Claim]] = {}
    for claim in report.claims:
        claims_by_article.setdefault(claim.article, []).append(claim)
    findings_of: dict[str, list] = {}
    for finding in report.findings:
        for cid in finding.claims:
            findings_of.setdefault(cid, []).append(finding)
    result = Score()
    touched: set[str] = set()
    for n, pair in enumerate(gold["pairs"]):
        side_a = _covering(pair["a"], texts, claims_by_article)
        side_b = _covering(pair["b"], texts, claims_by_article)
        predicted, finding = _predict(side_a, side_b, findings_of, pair.get("attribute", ""))
        if finding:
            touched.add(finding)
        result.results.append(PairResult(n, pair["verdict"], predicted, pair.get("attribute", ""), pair["a"],
                                         pair["b"], pair.get("why", ""), finding))
    result.unlabelled_conflicts = [f.id for f in report.findings if f.status == "conflict" and f.id not in touched]
    return result


def _covering(side: dict, texts: dict[str, str], claims_by_article) -> list[Claim]:
    text = texts.get(side["article"])
    if text is None:
        return []
    start = text.find(side["quote"])
    if start < 0:
        return []
    end = start + len(side["quote"])
    return [c for c in claims_by_article.get(side["article"], []) if c.start < end and start < c.end]


def _predict(side_a: list[Claim], side_b: list[Claim], findings_of, gold_attribute: str) -> tuple[str, str | None]:
    # A claim that contradicts itself (a weekday that does not match its date) makes any pair with it a conflict.
    lone = [f for claim in side_a + side_b for f in findings_of.get(claim.id, []) if len(f.claims) == 1]
    if not side_a or not side_b:
        if lone:
            return lone[0].status, lone[0].id
        return NO_CLAIM, None
    ids_a, ids_b = {c.id for c in side_a}, {c.id for c in side_b}
    candidates = []
    for claim in side_a:
        for finding in findings_of.get(claim.id, []):
            members = set(finding.claims)
            if members & ids_b and members & ids_a:
                candidates.append(finding)
    candidates.extend(lone)
    if candidates:
        kind = gold_attribute.split(":")[0]
        best = min(candidates, key=lambda f: (f.attribute.split(":")[0] != kind, STATUSES.index(f.status)))
        return best.status, best.id
    events_a = {c.event for c in side_a if c.event}
    events_b = {c.event for c in side_b if c.event}
    if events_a and events_b and not events_a & events_b:
        return "different_event", None
    same_article = side_a[0].article == side_b[0].article
    if same_article and any(a.attribute == b.attribute and str(a.value) == str(b.value)
                            for a in side_a for b in side_b):
        return "agree", None
    return UNALIGNED, None
