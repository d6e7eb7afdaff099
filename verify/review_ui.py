"""Terminal views for `verify review`: the open-findings table, one finding in context, and the
interactive loop. Reads report.json (what the reviewer saw), writes decisions through `review`."""
from __future__ import annotations

import json
import shlex
from dataclasses import dataclass
from pathlib import Path

import click
from rich import box
from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from .review import DECISION_HELP, Reviews, decide, is_discrepancy, review_key, reviewer_name

KEYS = {"c": "confirmed", "d": "dismissed", "e": "explained"}
DEFAULT_OUT = "reports"
DEFAULT_REPORT = f"{DEFAULT_OUT}/report.json"
MAX_QUOTES = 8  # quotes shown per finding: a grouped finding may hold dozens
DEFAULT_REVIEWS = f"{DEFAULT_OUT}/reviews.json"
# Terminal widths from which the review list adds a column (ids are never wrapped; columns go first).
EVENT_COLUMN_WIDTH = 110
RULE_COLUMN_WIDTH = 130


class ReportMissing(Exception):
    """No usable report.json to review."""


@dataclass(frozen=True)
class ReviewFiles:
    """The report and decisions file a review works on, so printed commands can name them."""

    report: str = DEFAULT_REPORT
    reviews: str = DEFAULT_REVIEWS

    def options(self) -> list[str]:
        """The options a `verify review` command needs to reach these files (none for the defaults)."""
        options = []
        if Path(self.report) != Path(DEFAULT_REPORT):
            options += ["--report", str(self.report)]
        if Path(self.reviews) != Path(DEFAULT_REVIEWS):
            options += ["--reviews", str(self.reviews)]
        return options

    def command(self, *args: str) -> str:
        """A `verify review ...` command line that works as printed, from the current folder."""
        return shlex.join(["verify", "review", *args, *self.options()])


def load_report(path: str | Path) -> dict:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ReportMissing(f"{path} not found: run `verify report PATHS` or `verify check PATHS` first "
                            f"(they write it), or pass --report") from exc
    except (OSError, ValueError) as exc:
        raise ReportMissing(f"{path}: not a readable report.json ({exc}); run `verify report` again") from exc
    if not isinstance(data, dict) or "findings" not in data:
        raise ReportMissing(f"{path}: not a verify report (no findings)")
    return data


def open_findings(data: dict, reviews: Reviews, show_all: bool = False,
                  statuses: tuple[str, ...] = ()) -> list[dict]:
    """Open discrepancies (or every finding with show_all), conflicts first, optionally of some statuses only."""
    chosen = [f for f in data["findings"]
              if (show_all or (is_discrepancy(f["status"]) and reviews.get(f["id"]) is None))
              and (not statuses or f["status"] in statuses)]
    return sorted(chosen, key=lambda f: review_key(f["status"], f.get("event"), f["attribute"], f["id"]))


def find(data: dict, finding_id: str) -> dict:
    """A finding by id or unambiguous id prefix."""
    matches = [f for f in data["findings"] if f["id"] == finding_id] or \
              [f for f in data["findings"] if f["id"].startswith(finding_id)]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise LookupError(f"no finding {finding_id} in the report; `verify review` lists them")
    raise LookupError(f"{finding_id} matches {len(matches)} findings; give more of the id")


def rule_of(finding: dict) -> str | None:
    """The judgement rule that decided the finding; an empty name means none is recorded."""
    rule = finding.get("rule")
    return str(rule) if rule else None


def short_article_ids(article_ids) -> dict[str, str]:
    """Each article id cut to the shortest prefix (3 characters or more) that still tells them apart."""
    ids = sorted({str(a) for a in article_ids})
    for length in range(3, max((len(a) for a in ids), default=3) + 1):
        if len({a[:length] for a in ids}) == len(ids):
            return {a: a[:length] for a in ids}
    return {a: a for a in ids}


def list_findings(data: dict, reviews: Reviews, show_all: bool, statuses: tuple[str, ...] = (),
                  files: ReviewFiles = ReviewFiles(), console: Console | None = None) -> None:
    """The findings as a table that fits the terminal: ids whole, columns dropped or shortened first."""
    console = console or Console()
    rows = open_findings(data, reviews, show_all, statuses)
    kind = ("findings" if show_all else "open discrepancies") if not statuses else \
        f"{'' if show_all else 'open '}{' or '.join(statuses)} findings"
    if not rows:
        console.print(f"No {kind}." + ("" if show_all or statuses else " Every discrepancy has a decision."))
        return
    width = console.width
    events = {e["id"]: e.get("label") or e["id"] for e in data.get("events") or []}
    short = short_article_ids(q["article"] for f in rows for q in f["quotes"])
    with_event = width >= EVENT_COLUMN_WIDTH
    with_rule = width >= RULE_COLUMN_WIDTH and any(rule_of(f) for f in rows)
    table = Table(title=f"{len(rows)} {kind}", box=box.SIMPLE_HEAD, pad_edge=False, title_justify="left")
    id_width = max(len(f["id"]) for f in rows)
    table.add_column("id", no_wrap=True, min_width=id_width)
    table.add_column("status", no_wrap=True)
    if with_event:
        table.add_column("event", overflow="fold", ratio=2)
    table.add_column("attribute", overflow="fold", ratio=2)
    table.add_column("values", overflow="fold", ratio=3)
    if with_rule:
        table.add_column("rule", overflow="fold", ratio=1)
    if show_all:
        table.add_column("decision", no_wrap=True)
    for f in rows:
        cells = [f["id"], f["status"]]
        if with_event:
            cells.append(escape(events.get(f.get("event"), f.get("event") or "-")))
        cells.append(escape(f["attribute"]))
        cells.append(escape(", ".join(f"{short[q['article']]}: {q['value']}" for q in _first_per_article(f["quotes"]))))
        if with_rule:
            cells.append(escape(rule_of(f) or "-"))
        if show_all:
            decision = reviews.get(f["id"])
            cells.append(decision.decision if decision else "open")
        table.add_row(*cells)
    console.print(table)
    if any(short[a] != a for a in short):
        console.print("values per article; article ids are shortened to their first characters", style="dim")
    console.print(f"show one: {escape(files.command('ID'))}; step through them: "
                  f"{escape(files.command('--interactive'))}", style="dim", soft_wrap=True)


def _first_per_article(quotes: list[dict]) -> list[dict]:
    seen, result = set(), []
    for quote in quotes:
        if quote["article"] not in seen:
            seen.add(quote["article"])
            result.append(quote)
    return result


def decide_hint(finding_id: str, files: ReviewFiles) -> str:
    """The command that records a decision on one finding, as printed by `verify check` and `verify review ID`."""
    return files.command(finding_id, "--decide", "confirmed")


def show(data: dict, finding: dict, reviews: Reviews, files: ReviewFiles = ReviewFiles(),
         console: Console | None = None, hints: bool = True) -> None:
    """One finding: explanation, then each quote highlighted inside its sentence, its rule and decision
    (with the command that changes it, unless `hints` is off, as in the interactive review)."""
    console = console or Console()
    claims = {c["id"]: c for c in data["claims"]}
    decision = reviews.get(finding["id"])
    events = {e["id"]: e.get("label") or e["id"] for e in data.get("events") or []}
    event = events.get(finding.get("event"), finding.get("event") or "-")
    console.print(f"[bold]{finding['id']}[/bold]  {finding['status']}  {escape(finding['attribute'])}  "
                  f"event: {escape(event)}", soft_wrap=True)
    console.print(escape(finding["explanation"]))
    for cid in finding["claims"][:MAX_QUOTES]:
        claim = claims[cid]
        sentence, quote = claim["sentence"], claim["text"]
        at = sentence.find(quote)
        shown = (escape(sentence[:at]) + "[reverse]" + escape(quote) + "[/reverse]" + escape(sentence[at + len(quote):])
                 if at >= 0 else "[reverse]" + escape(quote) + "[/reverse]")
        console.print(Padding(f"{escape(claim['article'])} line {claim['line']} (value {escape(str(claim['value']))}):",
                              (0, 0, 0, 2), expand=False))
        console.print(Padding(Text.from_markup(shown), (0, 0, 0, 4), expand=False))
    if len(finding["claims"]) > MAX_QUOTES:
        more = len(finding["claims"]) - MAX_QUOTES
        console.print(Padding(f"... and {more} more quotes ({len(finding.get('pairs') or [])} claim pairs in all; "
                              "report.md and report.html show them)", (0, 0, 0, 2), expand=False))
    rule = rule_of(finding)
    if rule:
        console.print(f"rule: {escape(rule)} (`verify rules {escape(rule)}` explains it)", soft_wrap=True)
    if decision:
        note = f": {escape(decision.note)}" if decision.note else ""
        console.print(f"decision: [bold]{decision.decision}[/bold] by {escape(decision.by)} at {decision.at}{note}")
        if hints:
            console.print(f"take it back: {escape(files.command(finding['id'], '--decide', 'open'))}",
                          soft_wrap=True, style="dim")
    else:
        console.print("decision: open")
        if hints:
            console.print(f"decide: {escape(decide_hint(finding['id'], files))} "
                          f"(or dismissed / explained, with --note \"why\")", soft_wrap=True, style="dim")


def interactive(data: dict, reviews: Reviews, reviewer: str | None, statuses: tuple[str, ...] = (),
                console: Console | None = None) -> None:
    """Step through open discrepancies, conflicts first; each answer is saved at once, so quitting loses nothing.

    End of input (Ctrl-D, or a script's input running out) is a quit, like `q`.
    """
    console = console or Console()
    pending = open_findings(data, reviews, statuses=statuses)
    if not pending:
        console.print("No open discrepancies.")
        return
    by = reviewer_name(reviewer)
    keys = ", ".join(f"[{k}] {v} ({DECISION_HELP[v]})" for k, v in KEYS.items())
    saved = 0
    try:
        for n, finding in enumerate(pending, 1):
            if reviews.get(finding["id"]) is not None:
                continue  # decided meanwhile by someone else (decide() refreshes `reviews` from the file)
            console.rule(f"{n} of {len(pending)}")
            show(data, finding, reviews, console=console, hints=False)
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
            saved += 1
            console.print(f"saved: {KEYS[answer]}")
    except click.exceptions.Abort:
        # click turns end of input and Ctrl-C at a prompt into Abort: stop here, nothing is half-done.
        console.print("")
        console.print("stopped at the end of input")
    console.print(f"{saved} decision(s) recorded in {reviews.path}")
