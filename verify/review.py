"""Stage 7, review: reviewers' decisions on findings, kept in one committed JSON file.

The file (`reports/reviews.json` by default) maps finding ids to a decision with its note, who
made it, when, and a snapshot of the finding's quotes, so a reader sees what was decided without
running the tool. It is sorted and versioned like a baseline, written atomically, and a file that
cannot be parsed is refused with the line of the problem, never overwritten.

Every change is a read-modify-write under a file lock (`reviews.json.lock` beside the file): the
file is read again once the lock is held, so decisions recorded at the same time by other
processes or reviewers are kept, never overwritten by a stale copy.

Vocabulary, used by every output: a finding is *open* while it has no decision; a *discrepancy* is a
finding whose status is neither agree nor compatible (`DISCREPANCY_STATUSES`).
"""
from __future__ import annotations

import datetime as dt
import json
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from filelock import FileLock, Timeout

from .records import DISCREPANCY_STATUSES, Finding, Report

REVIEWS_SCHEMA_VERSION = 1
DECISIONS = ("confirmed", "dismissed", "explained")
DECISION_HELP = {
    "confirmed": "a real discrepancy the team accepts as known",
    "dismissed": "not a discrepancy; say why in the note",
    "explained": "a real difference with a known explanation",
}
# How far a finding must go to fail a check: conflicts only, or any discrepancy (neither agree nor compatible).
FAIL_LEVELS = {"conflict": ("conflict",), "discrepancy": DISCREPANCY_STATUSES}
# The order reviewers meet discrepancies in: what fails CI first, then what most often hides a conflict.
REVIEW_ORDER = ("conflict", "update", "different_scope", "different_event", "compatible", "agree")
LOCK_TIMEOUT = 60.0  # seconds to wait for another process's decision before giving up with a message
T = TypeVar("T")


class ReviewsError(Exception):
    """The decisions file cannot be used; the message names the file, line and problem."""


@dataclass
class Decision:
    decision: str
    note: str
    by: str
    at: str
    snapshot: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        return {"decision": self.decision, "note": self.note, "by": self.by, "at": self.at,
                "snapshot": self.snapshot}


@dataclass
class Reviews:
    path: Path
    decisions: dict[str, Decision] = field(default_factory=dict)  # as saved in the file
    # Grouped findings' decisions taken from their pairs' (see `inherit_pair_decisions`); never saved.
    inherited: dict[str, Decision] = field(default_factory=dict)

    def get(self, finding_id: str) -> Decision | None:
        return self.decisions.get(finding_id) or self.inherited.get(finding_id)

    @property
    def effective(self) -> dict[str, Decision]:
        """Every decision that applies to a finding: saved ones, and those grouped findings inherit."""
        return {**self.inherited, **self.decisions}


def load_reviews(path: str | Path) -> Reviews:
    """Read the decisions file; a missing file is an empty set of decisions."""
    path = Path(path)
    if not path.exists():
        return Reviews(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ReviewsError(f"{path}: cannot read the review decisions ({exc})") from exc
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ReviewsError(f"{path}: line {exc.lineno}, column {exc.colno}: {exc.msg}. Fix the file by hand "
                           f"(or restore it from git); verify will not overwrite it while it is broken.") from exc
    if not isinstance(data, dict) or not isinstance(data.get("decisions"), dict):
        raise ReviewsError(f"{path}: expected an object with a 'decisions' object")
    version = data.get("schema_version", 1)
    if not isinstance(version, int) or version > REVIEWS_SCHEMA_VERSION:
        raise ReviewsError(f"{path}: schema_version {version!r} is newer than this verify understands "
                           f"({REVIEWS_SCHEMA_VERSION}); upgrade verify")
    decisions = {}
    for finding_id, entry in data["decisions"].items():
        if not isinstance(entry, dict) or entry.get("decision") not in DECISIONS:
            raise ReviewsError(f"{path}: decision for {finding_id} must be one of {', '.join(DECISIONS)}")
        decisions[finding_id] = Decision(entry["decision"], str(entry.get("note", "")), str(entry.get("by", "")),
                                         str(entry.get("at", "")), entry.get("snapshot") or {})
    return Reviews(path, decisions)


def lock_path(path: str | Path) -> Path:
    path = Path(path)
    return path.with_name(path.name + ".lock")


def update_reviews(path: str | Path, change: Callable[[Reviews], T]) -> tuple[Reviews, T]:
    """Apply `change` to the decisions file as it is on disk now, under a file lock, and save it.

    Returns the saved decisions and what `change` returned. A file that cannot be parsed raises
    ReviewsError before anything is written.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(lock_path(path)), timeout=LOCK_TIMEOUT)
        lock.acquire()
    except Timeout as exc:
        raise ReviewsError(f"{path}: another verify has held {lock_path(path)} for {LOCK_TIMEOUT:.0f} s; "
                           f"try again when it has finished") from exc
    except OSError as exc:
        raise ReviewsError(f"{path}: cannot lock the review decisions ({exc.strerror or exc})") from exc
    try:
        reviews = load_reviews(path)
        result = change(reviews)
        try:
            save_reviews(reviews)
        except OSError as exc:
            raise ReviewsError(f"{path}: cannot write the review decisions ({exc.strerror or exc})") from exc
        return reviews, result
    finally:
        lock.release()


def save_reviews(reviews: Reviews) -> None:
    """Write sorted, versioned JSON atomically (temporary file, then rename)."""
    from .report import atomic_write

    payload = {"schema_version": REVIEWS_SCHEMA_VERSION,
               "decisions": {fid: reviews.decisions[fid].to_json() for fid in sorted(reviews.decisions)}}
    atomic_write(reviews.path, json.dumps(payload, indent=2, sort_keys=True, ensure_ascii=False) + "\n")


def reviewer_name(explicit: str | None) -> str:
    """--by, else git's user.name, else 'unknown'."""
    if explicit:
        return explicit
    try:
        name = subprocess.run(["git", "config", "user.name"], capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        name = ""
    return name or "unknown"


def snapshot(finding: dict) -> dict:
    """What the reviewer saw: status, event, attribute and the quotes, from a report.json finding."""
    return {"status": finding["status"], "event": finding.get("event"), "attribute": finding["attribute"],
            "explanation": finding["explanation"],
            "quotes": [{"article": q["article"], "text": q["text"], "line": q["line"]} for q in finding["quotes"]]}


def decide(reviews: Reviews, finding: dict, decision: str, note: str, by: str) -> Decision:
    """Record a decision (read-modify-write under the lock); `reviews` is refreshed from the file."""
    if decision not in DECISIONS:
        raise ValueError(f"decision must be one of {', '.join(DECISIONS)}")
    entry = Decision(decision, note, by, dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
                     snapshot(finding))

    def record(current: Reviews) -> None:
        current.decisions[finding["id"]] = entry

    saved, _ = update_reviews(reviews.path, record)
    reviews.decisions = saved.decisions
    return entry


def reopen(reviews: Reviews, finding_id: str, pair_ids: Iterable[str] = ()) -> Decision | None:
    """Take a decision back, so the finding is open again; returns the decision removed, if any.

    A grouped finding whose decision is only inherited from its pairs (`pair_ids`) is reopened by
    taking back those pairs' decisions.
    """
    inherited_only = finding_id not in reviews.decisions and finding_id in reviews.inherited
    ids = list(pair_ids) if inherited_only else [finding_id]

    def take_back(current: Reviews) -> Decision | None:
        removed = [current.decisions.pop(fid, None) for fid in ids]
        return next((d for d in removed if d is not None), None)

    saved, removed = update_reviews(reviews.path, take_back)
    reviews.decisions = saved.decisions
    reviews.inherited.pop(finding_id, None)
    return removed


def is_open(finding_id: str, reviews: Reviews) -> bool:
    """Open means undecided, whatever the status."""
    return reviews.get(finding_id) is None


def review_key(status: str, event: str | None, attribute: str, finding_id: str) -> tuple:
    """The order reviewers see findings in, everywhere: by REVIEW_ORDER, then event, attribute, id."""
    rank = REVIEW_ORDER.index(status) if status in REVIEW_ORDER else len(REVIEW_ORDER)
    return rank, event or "", attribute, finding_id


def is_discrepancy(status: str) -> bool:
    """Every status that is neither agree nor compatible."""
    return status in DISCREPANCY_STATUSES


def failing(findings: list[Finding], reviews: Reviews, fail_on: str, articles: set[str] | None = None) -> list[Finding]:
    """Open findings at or above the failure level (optionally only those touching `articles`)."""
    statuses = FAIL_LEVELS[fail_on]
    chosen = [f for f in findings if f.status in statuses and is_open(f.id, reviews)
              and (articles is None or set(f.articles) & articles)]
    return sorted(chosen, key=lambda f: review_key(f.status, f.event, f.attribute, f.id))


def stale(report: Report, reviews: Reviews) -> list[str]:
    """Decisions whose finding no longer appears: reported, never deleted."""
    return stale_ids(report.findings, reviews)


def stale_ids(findings: Iterable[Finding | dict], reviews: Reviews | None) -> list[str]:
    """Saved decisions that name no finding, nor a claim pair now inside a grouped finding."""
    if reviews is None:
        return []
    present = set()
    for f in findings:
        fid, pairs = (f["id"], f.get("pairs") or []) if isinstance(f, dict) else (f.id, f.pairs)
        present.add(fid)
        present.update(p["id"] for p in pairs)
    return sorted(fid for fid in reviews.decisions if fid not in present)


def inherit_pair_decisions(reviews: Reviews, findings: Iterable[Finding | dict]) -> Reviews:
    """Let grouped findings keep the decisions recorded on their pairs before explanations were grouped.

    A grouped finding with no decision of its own takes its pairs' decision when every one of its
    pairs was decided, and alike (the latest of them); a new pair in the group leaves it open. `reviews`
    is returned, its `inherited` set; nothing is written to the file.
    """
    reviews.inherited = {}
    for f in findings:
        fid, pairs = (f["id"], f.get("pairs") or []) if isinstance(f, dict) else (f.id, f.pairs)
        if fid in reviews.decisions or not pairs or all(p["id"] == fid for p in pairs):
            continue
        earlier = [reviews.decisions.get(p["id"]) for p in pairs]
        if all(d is not None for d in earlier) and len({d.decision for d in earlier if d is not None}) == 1:
            reviews.inherited[fid] = max((d for d in earlier if d is not None), key=lambda d: d.at)
    return reviews
