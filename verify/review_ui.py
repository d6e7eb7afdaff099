"""Terminal views for `verify review`: the open-findings table, one finding in context, and the
interactive loop. Reads report.json (what the reviewer saw), writes decisions through `review`."""
from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .records import DISCREPANCY_STATUSES
from .review import DECISION_HELP, Reviews, decide, reviewer_name

KEYS = {"c": "confirmed", "d": "dismissed", "e": "explained"}


class ReportMissing(Exception):
    """No usable report.json to review."""


def load_report(path: str | Path) -> dict:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ReportMissing(f"{path} not found: run `verify report PATHS` first, or pass --report") from exc
    except (OSError, ValueError) as exc:
        raise ReportMissing(f"{path}: not a readable report.json ({exc}); run `verify report` again") from exc
    if not isinstance(data, dict) or "findings" not in data:
        raise ReportMissing(f"{path}: not a verify report (no findings)")
    return data


def open_findings(data: dict, reviews: Reviews, show_all: bool = False) -> list[dict]:
    return [f for f in data["findings"]
            if show_all or (f["status"] in DISCREPANCY_STATUSES and reviews.get(f["id"]) is None)]


def find(data: dict, finding_id: str) -> dict:
    """A finding by id or unambiguous id prefix."""
    matches = [f for f in data["findings"] if f["id"] == finding_id] or \
              [f for f in data["findings"] if f["id"].startswith(finding_id)]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise LookupError(f"no finding {finding_id} in the report; `verify review` lists them")
    raise LookupError(f"{finding_id} matches {len(matches)} findings; give more of the id")


def list_findings(data: dict, reviews: Reviews, show_all: bool, console: Console | None = None) -> None:
    console = console or Console()
    rows = open_findings(data, reviews, show_all)
    if not rows:
        console.print("No open findings: every discrepancy has a decision.")
        return
    table = Table(title=f"{len(rows)} {'findings' if show_all else 'open findings'}")
    for column in ("id", "status", "event", "attribute", "values per article", "decision"):
        table.add_column(column, overflow="fold")
    for f in rows:
        values = "\n".join(f"{q['article']}: {q['value']}" for q in _first_per_article(f["quotes"]))
        decision = reviews.get(f["id"])
        table.add_row(f["id"], f["status"], f.get("event") or "-", f["attribute"], escape(values),
                      decision.decision if decision else "open")
    console.print(table)


def _first_per_article(quotes: list[dict]) -> list[dict]:
    seen, result = set(), []
    for quote in quotes:
        if quote["article"] not in seen:
            seen.add(quote["article"])
            result.append(quote)
    return result


def show(data: dict, finding: dict, reviews: Reviews, console: Console | None = None) -> None:
    """One finding: explanation, then each quote highlighted inside its sentence."""
    console = console or Console()
    claims = {c["id"]: c for c in data["claims"]}
    decision = reviews.get(finding["id"])
    console.print(f"[bold]{finding['id']}[/bold]  {finding['status']}  {escape(finding['attribute'])}  "
                  f"event: {escape(finding.get('event') or '-')}")
    console.print(escape(finding["explanation"]))
    for cid in finding["claims"]:
        claim = claims[cid]
        sentence, quote = claim["sentence"], claim["text"]
        at = sentence.find(quote)
        shown = (escape(sentence[:at]) + "[reverse]" + escape(quote) + "[/reverse]" + escape(sentence[at + len(quote):])
                 if at >= 0 else "[reverse]" + escape(quote) + "[/reverse]")
        console.print(f"  {escape(claim['article'])} line {claim['line']} (value {escape(str(claim['value']))}):")
        console.print(f"    {shown}")
    if decision:
        console.print(f"decision: [bold]{decision.decision}[/bold] by {escape(decision.by)} at {decision.at}: "
                      f"{escape(decision.note)}")
    else:
        console.print("decision: open")


def interactive(data: dict, reviews: Reviews, reviewer: str | None, console: Console | None = None) -> None:
    """Step through open findings; each answer is saved at once, so quitting loses nothing."""
    console = console or Console()
    pending = open_findings(data, reviews)
    if not pending:
        console.print("No open findings.")
        return
    by = reviewer_name(reviewer)
    keys = ", ".join(f"[{k}] {v} ({DECISION_HELP[v]})" for k, v in KEYS.items())
    for n, finding in enumerate(pending, 1):
        console.rule(f"{n} of {len(pending)}")
        show(data, finding, reviews, console)
        answer = click.prompt(f"{keys}, [s] skip, [q] quit", type=click.Choice(["c", "d", "e", "s", "q"]),
                              show_choices=False)
        if answer == "q":
            break
        if answer == "s":
            continue
        note = click.prompt("note", default="", show_default=False)
        while KEYS[answer] == "dismissed" and not note.strip():
            note = click.prompt("a dismissal needs a reason; note")
        decide(reviews, finding, KEYS[answer], note, by)
        console.print(f"saved: {KEYS[answer]}")
