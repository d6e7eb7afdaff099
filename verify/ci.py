"""CI outputs for `verify check`: GitHub annotations, SARIF 2.1.0 and JUnit XML.

All three are built from a report, the review decisions and the set of failing findings; none
of them runs anything. Locations are the article files, with 1-based lines and columns.
"""
from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from . import __version__
from .records import Claim, Finding, Report
from .review import Reviews

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVEL = {"conflict": "error", "different_scope": "warning", "update": "warning",
               "different_event": "note", "compatible": "note", "agree": "none"}
RULE_HELP = {
    "conflict": "Two sources give values for the same thing that cannot both be true.",
    "different_scope": "One source gives the size of a body, another the number taking part.",
    "update": "A later report raises a running figure, or reports the outcome of a forecast.",
    "different_event": "Figures that would conflict, but are about two different events.",
    "compatible": "Values that differ in wording or precision but admit a common value.",
    "agree": "Sources give the same value.",
}


class ChangedSinceError(Exception):
    """--changed-since could not be worked out (not a git checkout, unknown revision)."""


def claim_position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of an offset; \\r\\n, \\r and \\n end lines."""
    line, start = 1, 0
    i = 0
    while i < offset:
        ch = text[i]
        if ch == "\r" and i + 1 < len(text) and text[i + 1] == "\n":
            i += 1
        if ch in "\r\n":
            line += 1
            start = i + 1
        i += 1
    return line, offset - start + 1


def _relative(path: str, root: Path) -> str:
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def decision_text(decision) -> str:
    """'dismissed by Ann at 2025-05-10T10:00:00+00:00: why', with no trailing colon when there is no note."""
    text = f"{decision.decision} by {decision.by or 'unknown'}" + (f" at {decision.at}" if decision.at else "")
    return f"{text}: {decision.note}" if decision.note.strip() else text


MAX_ANNOTATED_SIDES = 4  # annotations per finding: a grouped finding may have dozens of sides


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotations(report: Report, failing: list[Finding], root: Path) -> list[str]:
    """One `::error` workflow command per failing finding, on the line of each of its sides' first claim."""
    claims = {c.id: c for c in report.claims}
    paths = {a.id: a.path for a in report.articles}
    lines = []
    for finding in failing:
        level = "error" if finding.status == "conflict" else "warning"
        rule = f", rule {finding.rule}" if finding.rule else ""
        title = f"verify {finding.status}: {finding.attribute} ({finding.id}{rule})"
        for side in (finding.sides or [finding.claims])[:MAX_ANNOTATED_SIDES]:
            claim = claims[side[0]]
            lines.append(f"::{level} file={_escape_property(_relative(paths[claim.article], root))},"
                         f"line={claim.line},title={_escape_property(title)}::{_escape_data(finding.explanation)}")
    return lines


def sarif(report: Report, findings: list[Finding], reviews: Reviews, root: Path) -> dict:
    """SARIF 2.1.0: a rule per status, a result per finding, reviewed findings suppressed."""
    claims = {c.id: c for c in report.claims}
    articles = {a.id: a for a in report.articles}
    statuses = sorted({f.status for f in findings}, key=lambda s: list(SARIF_LEVEL).index(s))
    rules = [{"id": f"verify/{status}", "name": status.replace("_", " ").title().replace(" ", ""),
              "shortDescription": {"text": RULE_HELP[status]},
              "defaultConfiguration": {"level": SARIF_LEVEL[status]}} for status in statuses]
    results = []
    for finding in findings:
        locations = [_location(claims[cid], articles, root) for cid in finding.claims]
        message = finding.explanation
        properties = {"event": finding.event, "attribute": finding.attribute, "articles": finding.articles}
        if finding.rule:  # the judgement rule that decided the status; an empty name is no rule
            message += f" (rule {finding.rule}: `verify rules {finding.rule}` explains it)"
            properties["rule"] = finding.rule
        result = {
            "ruleId": f"verify/{finding.status}",
            "ruleIndex": statuses.index(finding.status),
            "level": SARIF_LEVEL[finding.status],
            "message": {"text": message},
            "locations": locations,
            "partialFingerprints": {"verifyFindingId/v1": finding.id},
            "properties": properties,
        }
        decision = reviews.get(finding.id)
        if decision is not None:
            result["suppressions"] = [{
                "kind": "external",
                "status": "accepted",
                "justification": decision_text(decision),
            }]
        results.append(result)
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "verify", "version": __version__, "rules": rules}},
            "results": results,
            "columnKind": "unicodeCodePoints",
        }],
    }


def _location(claim: Claim, articles, root: Path) -> dict:
    article = articles[claim.article]
    line, column = claim_position(article.text, claim.start)
    end_line, end_column = claim_position(article.text, claim.end)
    return {"physicalLocation": {
        "artifactLocation": {"uri": _relative(article.path, root)},
        "region": {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column,
                   "snippet": {"text": claim.text}},
    }}


def junit(report: Report, findings: list[Finding], failing_ids: set[str], reviews: Reviews) -> str:
    """JUnit XML: one test case per finding; failing findings fail, reviewed ones are skipped."""
    claims = {c.id: c for c in report.claims}
    suite = ET.Element("testsuite", name="verify", tests=str(len(findings)),
                       failures=str(sum(1 for f in findings if f.id in failing_ids)),
                       skipped=str(sum(1 for f in findings if reviews.get(f.id) is not None)))
    for finding in findings:
        case = ET.SubElement(suite, "testcase", classname=finding.event or "no-event",
                             name=f"{finding.attribute} {finding.id} ({finding.status})")
        quotes = "\n".join(f"{claims[c].article} line {claims[c].line}: {claims[c].text}" for c in finding.claims)
        if finding.rule:
            quotes += f"\nrule: {finding.rule} (`verify rules {finding.rule}` explains it)"
        decision = reviews.get(finding.id)
        if finding.id in failing_ids:
            failure = ET.SubElement(case, "failure", message=finding.explanation, type=finding.status)
            failure.text = quotes
        elif decision is not None:
            ET.SubElement(case, "skipped", message=f"reviewed: {decision_text(decision)}")
        ET.SubElement(case, "system-out").text = quotes
    return ET.tostring(suite, encoding="unicode", xml_declaration=True) + "\n"


def changed_articles(report: Report, revision: str) -> set[str]:
    """Ids of articles added or changed since a git revision (committed, staged, unstaged or untracked)."""
    def git(*args) -> list[str]:
        try:
            done = subprocess.run(["git", *args], capture_output=True, text=True, timeout=60)
        except OSError as exc:
            raise ChangedSinceError(f"cannot run git: {exc}") from exc
        if done.returncode != 0:
            raise ChangedSinceError(done.stderr.strip() or f"git {' '.join(args)} failed")
        return [line for line in done.stdout.splitlines() if line]

    top = Path(git("rev-parse", "--show-toplevel")[0])
    changed = {(top / p).resolve() for p in git("diff", "--name-only", revision, "--")}
    changed |= {(top / p).resolve() for p in git("ls-files", "--others", "--exclude-standard", "--full-name",
                                                  str(top))}
    return {a.id for a in report.articles if Path(a.path).resolve() in changed}
