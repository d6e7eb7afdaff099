"""Score a report against an answer key of labelled statement pairs (`verify eval`).

Answer key: {"events": [...], "pairs": [{"verdict", "event", "attribute",
"a": {"article", "quote"}, "b": {"article", "quote"}, "why"}]}. A claim covers a quote
when its span overlaps the quote's span in the article text.

Two formats share that shape and are told apart by content (`key_format`):
- the project's own key (tests/data/dev/gold.json): every event lists its "articles";
  `score` predicts one verdict per pair;
- the shared corpus key (../shared/corpus/dev/<story>/gold.json): events without "articles",
  a different_event pair's "event" may be a list of two events, and a weekday that contradicts
  its own date is a conflict pair with "match_any_b"; `score_shared` gives the figures of the
  corpus's reference scorer (../shared/eval/score.py), and `evaluate_corpus` runs a whole corpus.
"""
from __future__ import annotations

import json
import time
from collections.abc import Callable
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
        for side in ("a", "b"):
            if not isinstance(pair[side], dict) or not all(isinstance(pair[side].get(k), str)
                                                           for k in ("article", "quote")):
                raise GoldError(f"{path}: pair {n} side '{side}' needs an 'article' and a 'quote' string")
    return gold


PROJECT_KEY, SHARED_KEY = "project", "shared"


def key_format(gold: dict) -> str:
    """Which answer-key format `gold` is in, read from its content.

    The shared corpus format marks itself by "match_any_b" or a list of two events on a pair, or by
    events that do not list their articles (the project's own key lists them on every event).
    A key without events is the project's format, as it always was.
    """
    pairs = [p for p in gold.get("pairs", []) if isinstance(p, dict)]
    if any("match_any_b" in p or isinstance(p.get("event"), list) for p in pairs):
        return SHARED_KEY
    events = [e for e in gold.get("events") or [] if isinstance(e, dict)]
    if events and not any("articles" in e for e in events):
        return SHARED_KEY
    return PROJECT_KEY


def score(report: Report, gold: dict) -> Score:
    texts = {a.id: a.text for a in report.articles}
    claims_by_article: dict[str, list[Claim]] = {}
    for claim in report.claims:
        claims_by_article.setdefault(claim.article, []).append(claim)
    findings_of: dict[str, list] = {}
    for each in report.findings:
        for cid in each.claims:
            findings_of.setdefault(cid, []).append(each)
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
            if _compares(finding, ids_a, ids_b):
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


def _compares(finding, ids_a: set[str], ids_b: set[str]) -> bool:
    """The finding compared a claim of one side with a claim of the other (in one of its pairs, when grouped)."""
    if not finding.pairs:
        members = set(finding.claims)
        return bool(members & ids_a and members & ids_b)
    for pair in finding.pairs:
        x, y = (set(finding.sides[i]) for i in pair["sides"])
        if (x & ids_a and y & ids_b) or (x & ids_b and y & ids_a):
            return True
    return False


# ---------------------------------------------------------------------------------------------------
# The shared corpus key and its reference scorer.
#
# Ported from the reference scorer of the shared development corpus, ../shared/eval/score.py (its
# `main` and `corpus`), which is not part of this package and is never imported at run time. The
# figures must be exactly that scorer's, so the logic follows it step by step; only repeated work is
# computed once. tests/test_eval_shared.py checks agreement with the script whenever it is at hand.
#
# A claim covers a gold quote when it comes from the same article and its [start, end) span overlaps
# an occurrence of the quote in the article's text. A gold conflict is found when one conflict finding
# holds claims covering both quotes (for "match_any_b" pairs, a conflict finding covering quote a is
# enough). A conflict finding that matches no gold conflict counts against precision; one that holds
# both quotes of a non-conflict pair is also a false alarm on that pair. A non-conflict pair is judged
# right when a finding covering both quotes has its verdict (agree and compatible count for each
# other), or, for different_event, when the two quotes' claims sit in different events.


def _spans(text: str, quote: str) -> list[tuple[int, int]]:
    out, i = [], text.find(quote)
    while i >= 0:
        out.append((i, i + len(quote)))
        i = text.find(quote, i + 1)
    return out


def _pair_text(p: dict) -> str:
    return f'{p["a"]["article"]}:"{p["a"]["quote"]}" vs {p["b"]["article"]}:"{p["b"]["quote"]}"'


def score_shared(report: dict, gold: dict, texts: dict[str, str]) -> dict:
    """The reference scorer's figures for one story.

    `report` is report.json's structure (`report_dict`), `gold` a loaded key, `texts` each article's
    text by id (`article_texts`). Returns the reference scorer's result, plus "conflicts_found" and
    "conflict_findings_matching" (the numerators of recall and precision).
    """
    claims = {c["id"]: c for c in report.get("claims", [])}
    findings = report.get("findings", [])
    bad_offsets = 0
    for c in claims.values():
        t = texts.get(c["article"])
        if t is None or t[c["start"]:c["end"]] != c.get("text"):
            bad_offsets += 1
    spans_of: dict[tuple[str, str], list[tuple[int, int]]] = {}

    def covers(cid, side) -> bool:
        c = claims.get(cid)
        if not c or c["article"] != side["article"]:
            return False
        key = (side["article"], side["quote"])
        if key not in spans_of:
            spans_of[key] = _spans(texts.get(side["article"], ""), side["quote"])
        return any(c["start"] < e and s < c["end"] for s, e in spans_of[key])

    def findings_covering(p: dict) -> list[dict]:
        hits = []
        for f in findings:
            cids = f.get("claims", [])
            ca = [c for c in cids if covers(c, p["a"])]
            cb = [c for c in cids if covers(c, p["b"])]
            if p.get("match_any_b") and f.get("status") == "conflict" and ca:
                hits.append(f)
            elif ca and cb and (len(set(ca) | set(cb)) > 1 or p["a"]["article"] == p["b"]["article"]):
                # one claim may carry both quotes only inside one article (a weekday that contradicts its own date)
                hits.append(f)
        return hits

    def claims_covering(side: dict) -> list[str]:
        return [c for c in claims if covers(c, side)]

    gold_conf = [p for p in gold["pairs"] if p["verdict"] == "conflict"]
    traps = [p for p in gold["pairs"] if p["verdict"] != "conflict"]
    conf_hits = [findings_covering(p) for p in gold_conf]
    missed = [p for p, hits in zip(gold_conf, conf_hits) if not any(f["status"] == "conflict" for f in hits)]
    conflict_findings = [f for f in findings if f.get("status") == "conflict"]

    def matches_gold_conflict(f: dict) -> bool:
        return any(f in hits for hits in conf_hits)  # `in` compares like the reference (==)

    unmatched = [f for f in conflict_findings if not matches_gold_conflict(f)]
    false_alarms: list[dict] = []
    trap_right = 0
    traps_wrong = []
    for p in traps:
        fs = findings_covering(p)
        if any(f["status"] == "conflict" and not matches_gold_conflict(f) for f in fs):
            false_alarms.append(p)
            continue
        fs = [f for f in fs if f["status"] != "conflict"]
        v = p["verdict"]
        statuses = {f["status"] for f in fs}
        if v == "different_event":
            ea = {claims[c].get("event") for c in claims_covering(p["a"])}
            eb = {claims[c].get("event") for c in claims_covering(p["b"])}
            right = "different_event" in statuses or bool(ea and eb and not (ea & eb))
        else:
            right = v in statuses or bool(v in ("agree", "compatible") and statuses & {"agree", "compatible"})
        trap_right += bool(right)
        if not right:
            traps_wrong.append(f'{v} (got {sorted(statuses) or "nothing"}): {_pair_text(p)}')
    n_c, n_t = len(gold_conf), len(traps)
    tp = len(conflict_findings) - len(unmatched)
    return {
        "conflict_recall": round((n_c - len(missed)) / n_c, 3) if n_c else None,
        "conflict_precision": round(tp / len(conflict_findings), 3) if conflict_findings
        else (1.0 if not n_c else 0.0),
        "conflict_findings": len(conflict_findings),
        "gold_conflicts": n_c,
        "trap_false_alarms": len(false_alarms),
        "traps": n_t,
        "traps_right": trap_right,
        "claims_bad_offsets": bad_offsets,
        "missed": [_pair_text(p) for p in missed],
        "false_alarms": [f'{p["verdict"]}: {_pair_text(p)}' for p in false_alarms],
        "traps_wrong": traps_wrong,
        "unmatched_total": len(unmatched),
        "unmatched_conflicts": [[claims[c]["text"] if c in claims else c for c in f["claims"]]
                                for f in unmatched][:20],
        "conflicts_found": n_c - len(missed),
        "conflict_findings_matching": tp,
        **grouping_shared(report, gold, unmatched),
    }


def grouping_shared(report: dict, gold: dict, unmatched_conflicts: list[dict]) -> dict:
    """How well articles were grouped by event, for a key that maps each article to its own event
    ("articles": {"000_1a2b3c4d": "E1", ...}, as the look-alike set's keys do); {} for other keys.

    Pairwise counts over the story's articles: "grouping_tp" pairs one event in both key and report,
    "grouping_fp" pairs the report puts together and the key does not, "grouping_fn" the reverse.
    "cross_event_conflicts" counts conflict findings that match no gold conflict and set an article of
    one event against an article of another (an approximation: an article may recount the other event).
    """
    key = gold.get("articles")
    if not isinstance(key, dict) or not key:
        return {}
    predicted = {a["id"]: a.get("event") for a in report.get("articles", [])}
    ids = sorted(key)
    tp = fp = fn = 0
    for x in range(len(ids)):
        for y in range(x + 1, len(ids)):
            a, b = ids[x], ids[y]
            same_gold = key[a] == key[b]
            same_predicted = predicted.get(a) is not None and predicted.get(a) == predicted.get(b)
            tp += same_gold and same_predicted
            fp += same_predicted and not same_gold
            fn += same_gold and not same_predicted
    claims = {c["id"]: c for c in report.get("claims", [])}
    cross = 0
    for finding in unmatched_conflicts:
        events = {key.get(claims[c]["article"]) for c in finding.get("claims", []) if c in claims}
        cross += len(events - {None}) > 1
    return {"grouping_tp": tp, "grouping_fp": fp, "grouping_fn": fn, "cross_event_conflicts": cross,
            "ungrouped_articles": sum(predicted.get(a) is None for a in ids)}


def grouping_f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1 of a grouping of articles into events."""
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def total_shared(results: list[dict]) -> dict:
    """The reference scorer's corpus totals over the stories' `score_shared` results.

    Counts: gold (gold conflicts), found, flagged (conflict findings), tp (those matching a gold
    conflict), false_alarms, traps (non-conflict pairs), right (those judged right), bad (claims
    whose offsets miss their text); recall = found/gold, precision = tp/flagged.
    """
    tot = dict(gold=0, found=0, flagged=0, tp=0, false_alarms=0, traps=0, right=0, bad=0)
    for r in results:
        tot["gold"] += r["gold_conflicts"]
        tot["found"] += r["gold_conflicts"] - len(r["missed"])
        tot["flagged"] += r["conflict_findings"]
        tot["tp"] += r["conflict_findings"] - r["unmatched_total"]
        tot["false_alarms"] += r["trap_false_alarms"]
        tot["traps"] += r["traps"]
        tot["right"] += r["traps_right"]
        tot["bad"] += r["claims_bad_offsets"]
    rec = tot["found"] / tot["gold"] if tot["gold"] else 1.0
    prec = tot["tp"] / tot["flagged"] if tot["flagged"] else (1.0 if not tot["gold"] else 0.0)
    grouped = [r for r in results if "grouping_tp" in r]
    if grouped:
        counts = {k: sum(r[k] for r in grouped) for k in ("grouping_tp", "grouping_fp", "grouping_fn",
                                                         "cross_event_conflicts", "ungrouped_articles")}
        p, r, f1 = grouping_f1(counts["grouping_tp"], counts["grouping_fp"], counts["grouping_fn"])
        return dict(tot, recall=rec, precision=prec, **counts, grouping_precision=p, grouping_recall=r,
                    grouping_f1=f1)
    return dict(tot, recall=rec, precision=prec)


def grouping_line(total: dict) -> str | None:
    """The event grouping figures of `total_shared`, when some key mapped articles to events."""
    if "grouping_f1" not in total:
        return None
    return (f'event grouping: pairwise F1 {total["grouping_f1"]:.2f} (precision {total["grouping_precision"]:.2f}, '
            f'recall {total["grouping_recall"]:.2f}), articles without an event {total["ungrouped_articles"]}, '
            f'conflict findings across two events {total["cross_event_conflicts"]}/{total["flagged"]}')


def total_line(total: dict) -> str:
    """The totals in the reference scorer's words (`score.py --corpus`'s last line)."""
    return (f'total: conflict recall {total["recall"]:.2f} ({total["found"]}/{total["gold"]}), '
            f'precision {total["precision"]:.2f} ({total["tp"]}/{total["flagged"]}), '
            f'false alarms {total["false_alarms"]}, non-conflicts right {total["right"]}/{total["traps"]}, '
            f'bad offsets {total["bad"]}')


def article_texts(folder: str | Path) -> dict[str, str]:
    """The texts the reference scorer reads: every .txt directly in `folder`, by file stem."""
    return {p.stem: p.read_text(encoding="utf-8", errors="replace") for p in Path(folder).glob("*.txt")}


def texts_for(report: Report, paths: list[str]) -> dict[str, str]:
    """Article texts for a run on `paths`: the reference scorer's reading of each folder and .txt
    file given, and the report's own decoded text for any other article (pages, table rows)."""
    texts: dict[str, str] = {}
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            texts.update(article_texts(path))
        elif path.suffix.lower() == ".txt" and path.is_file():
            texts[path.stem] = path.read_text(encoding="utf-8", errors="replace")
    for article in report.articles:
        texts.setdefault(article.id, article.text)
    return texts


def report_dict(report: Report) -> dict:
    """The report as report.json holds it, which is what the reference scorer reads."""
    from .report import to_json

    return json.loads(json.dumps(to_json(report), ensure_ascii=False))


def corpus_stories(corpus_dir: str | Path) -> list[Path]:
    """The stories of a corpus: every sub-folder holding a gold.json, sorted by name."""
    return sorted(p for p in Path(corpus_dir).iterdir() if (p / "gold.json").exists())


def evaluate_corpus(corpus_dir: str | Path, model_path: str | None = None, out_dir: str | Path | None = None,
                    log: Callable[[str], None] | None = None) -> dict:
    """Run the pipeline once per story of the corpus, with one set of loaded models, and score each
    story as the reference scorer does.

    Returns {"stories": [{"story": name, "articles": n, **score_shared(...)}], "total": total_shared(...)}.
    With `out_dir`, each story's reports are written to out_dir/<story>/ (the layout the reference
    scorer's --corpus reads). Raises GoldError for an unusable key (before any pipeline run).
    """
    from .embed import Embedder
    from .pipeline import build_resources, run

    say = log or (lambda message: None)
    stories = corpus_stories(corpus_dir)
    if not stories:
        raise GoldError(f"{corpus_dir}: no sub-folder holds a gold.json")
    keys = {story.name: load_gold(story / "gold.json") for story in stories}
    resources, embedder = build_resources(), Embedder(model_path)
    results = []
    for story in stories:
        started = time.perf_counter()
        report = run([str(story)], resources=resources, embedder=embedder)
        for warning in report.warnings:
            say(f"warning: {story.name}: {warning}")
        if out_dir is not None:
            from .report import write_reports

            write_reports(report, Path(out_dir) / story.name)
        result = score_shared(report_dict(report), keys[story.name], article_texts(story))
        results.append({"story": story.name, "articles": len(report.articles), **result})
        say(f"{story.name}: {len(report.articles)} articles, {time.perf_counter() - started:.1f} s")
    return {"stories": results, "total": total_shared(results)}
