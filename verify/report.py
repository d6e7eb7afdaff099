"""Stage 6, report: a `Report` in, files out (report.json, report.md, report.html, claims.csv, findings.csv).

report.json is a public contract read by CI scripts: fields may be added, never renamed
or dropped. Every file is written to a temporary name and renamed into place, so an
interrupted run leaves the previous reports intact.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import os
import re
import tempfile
from collections import Counter
from pathlib import Path

import pandas as pd

from .html_report import render_html
from .records import DISCREPANCY_STATUSES, STATUSES, Report

SCHEMA_VERSION = 1
TEXTS_FOLDER = "texts"  # extracted article texts (web pages, table rows), beside report.json


def to_json(report: Report, reviews=None) -> dict:
    """The report as the documented JSON structure (schema_version 1), with review decisions if given."""
    claims_by_id = {c.id: c for c in report.claims}
    decisions = reviews.decisions if reviews is not None else {}
    return {
        "schema_version": SCHEMA_VERSION,
        "tool_version": report.tool_version,
        "model": report.model,
        "summary": summary(report, reviews),
        "articles": [
            {"id": a.id, "path": a.path, "date": a.date.isoformat() if a.date else None, "title": a.title,
             "sha256": a.sha256, "source": a.attribution, "duplicate_of": a.duplicate_of,
             "similarity": a.similarity, "outlet": a.outlet, "url": a.url, "format": a.input_format, "row": a.row,
             "text_file": text_file(a)}
            for a in report.articles
        ],
        "events": [
            {"id": e.id, "label": e.label, "type": e.type, "date": e.date, "location": e.location,
             "articles": e.articles, "participants": e.participants}
            for e in report.events
        ],
        "claims": [
            {"id": c.id, "article": c.article, "event": c.event, "attribute": c.attribute, "kind": c.kind,
             "subject": c.subject, "value": c.value, "text": c.text, "start": c.start, "end": c.end,
             "line": c.line, "sentence": c.sentence, "speaker": c.speaker, "scope": c.scope,
             "hedge": c.hedge, "low": _num(c.low), "high": _num(c.high), "unit": c.unit or None,
             "currency": c.currency, "items": list(c.items) or None,
             "date_low": c.date_low.isoformat() if c.date_low else None,
             "date_high": c.date_high.isoformat() if c.date_high else None}
            for c in report.claims
        ],
        "findings": [
            {"id": f.id, "status": f.status, "rule": f.rule, "event": f.event, "other_event": f.other_event,
             "attribute": f.attribute, "claims": f.claims, "sides": f.sides, "articles": f.articles,
             "explanation": f.explanation,
             "quotes": [{"claim": cid, "article": claims_by_id[cid].article, "text": claims_by_id[cid].text,
                         "value": claims_by_id[cid].value, "line": claims_by_id[cid].line}
                        for cid in f.claims],
             "review": _review_json(decisions.get(f.id))}
            for f in report.findings
        ],
        "stale_reviews": sorted(fid for fid in decisions if fid not in {f.id for f in report.findings}),
        "warnings": report.warnings,
    }


def text_file(article) -> str:
    """The file an article's offsets point into: the article file itself, or its extracted text beside the report.

    A page's main text or a table row's cells are written to `texts/` in the report folder
    (relative to report.json). The name is a slug of the id plus a hash of it: ids are data
    (file stems, table cells) and never become a path of their own.
    """
    if not article.extracted:
        return article.path
    slug = re.sub(r"[^A-Za-z0-9_.-]+", "-", article.id).strip("-.")[:60] or "article"
    return f"{TEXTS_FOLDER}/{slug}-{hashlib.sha256(article.id.encode('utf-8')).hexdigest()[:8]}.txt"


def _review_json(decision) -> dict | None:
    if decision is None:
        return None
    return {"decision": decision.decision, "note": decision.note, "by": decision.by, "at": decision.at}


def _num(x):
    if x is None:
        return None
    if x == float("inf"):
        return None  # JSON has no infinity: an open upper bound is null
    return int(x) if float(x).is_integer() else x


def summary(report: Report, reviews=None) -> dict:
    by_status = Counter(f.status for f in report.findings)
    decisions = reviews.decisions if reviews is not None else {}
    by_decision = Counter(decisions[f.id].decision for f in report.findings if f.id in decisions)
    return {
        "articles": len(report.articles),
        # Distinct publishers among the articles that count as sources (a copy is its original's outlet).
        "outlets": len({a.outlet.casefold() for a in report.articles if a.outlet and not a.duplicate_of}),
        "events": len(report.events),
        "claims": len(report.claims),
        "findings": len(report.findings),
        "by_status": {s: by_status.get(s, 0) for s in STATUSES},
        "by_decision": {d: by_decision.get(d, 0) for d in ("confirmed", "dismissed", "explained")},
        "open_discrepancies": sum(1 for f in report.findings
                                  if f.status in DISCREPANCY_STATUSES and f.id not in decisions),
    }


def claims_frame(report: Report) -> pd.DataFrame:
    columns = ["id", "article", "event", "kind", "attribute", "subject", "value", "text", "start", "end", "line",
               "scope", "hedge", "low", "high", "currency", "date_low", "date_high", "speaker", "sentence"]
    rows = [c.to_row() for c in report.claims]
    return pd.DataFrame(rows, columns=columns) if rows else pd.DataFrame(columns=columns)


def findings_frame(report: Report, reviews=None) -> pd.DataFrame:
    claims = {c.id: c for c in report.claims}
    decisions = reviews.decisions if reviews is not None else {}
    rows = [{
        "id": f.id, "status": f.status, "event": f.event, "other_event": f.other_event, "attribute": f.attribute,
        "articles": " ".join(f.articles), "values": " | ".join(f.values),
        "quotes": " | ".join(f"{claims[c].article}: {' '.join(claims[c].text.split())}" for c in f.claims),
        "claims": " ".join(f.claims), "explanation": f.explanation,
        "decision": decisions[f.id].decision if f.id in decisions else "",
    } for f in report.findings]
    columns = ["id", "status", "event", "other_event", "attribute", "articles", "values", "quotes", "claims",
               "explanation", "decision"]
    return pd.DataFrame(rows, columns=columns) if rows else pd.DataFrame(columns=columns)


def md_escape(text: str) -> str:
    """Article text shown as literal text in Markdown: no live links, HTML, emphasis or table breaks."""
    text = html.escape(" ".join(str(text).split()), quote=False)
    return re.sub(r"([\\`*_\[\]|~])", r"\\\1", text)


def to_markdown(report: Report, reviews=None) -> str:
    claims = {c.id: c for c in report.claims}
    events = {e.id: e for e in report.events}
    articles = {a.id: a for a in report.articles}
    decisions = reviews.decisions if reviews is not None else {}
    s = summary(report, reviews)
    out = ["# verify consistency report", ""]
    out.append(f"{s['articles']} articles, {s['events']} events, {s['claims']} claims, {s['findings']} findings; "
               f"{s['open_discrepancies']} open discrepancies (not yet reviewed).")
    out.append("")
    out.append("| status | findings |")
    out.append("|---|---|")
    for status in STATUSES:
        out.append(f"| {status} | {s['by_status'][status]} |")
    out.append("")
    out.append("## Articles")
    out.append("")
    out.append("| id | date | outlet | title |")
    out.append("|---|---|---|---|")
    for a in report.articles:
        copy = (f" (copy of {md_escape(a.duplicate_of)}, {a.similarity:.0f}% alike: counted as one source)"
                if a.duplicate_of else "")
        out.append(f"| {md_escape(a.id)} | {a.date or 'unknown'} | {md_escape(a.outlet or '?')} | "
                   f"{md_escape(a.title[:90])}{copy} |")
    out.append("")
    extracted = [a for a in report.articles if a.extracted]
    if extracted:
        out.append(f"Quotes, offsets and line numbers of the {len(extracted)} web pages and table rows refer to "
                   f"their extracted text, kept in `{TEXTS_FOLDER}/` beside this report (report.json's `text_file` "
                   f"names each one).")
        out.append("")
    out.append("## Events")
    out.append("")
    out.append("| event | date | place | articles |")
    out.append("|---|---|---|---|")
    for e in report.events:
        out.append(f"| {md_escape(e.label)} | {e.date or '?'} | {md_escape(e.location or '?')} | "
                   f"{', '.join(md_escape(a) for a in e.articles)} |")
    out.append("")
    sections = [("Conflicts", ("conflict",)),
                ("Other discrepancies", tuple(x for x in DISCREPANCY_STATUSES if x != "conflict")),
                ("Agreements", ("compatible", "agree"))]
    for title, statuses in sections:
        chosen = [f for f in report.findings if f.status in statuses]
        out.append(f"## {title} ({len(chosen)})")
        out.append("")
        if not chosen:
            out.append("None.")
            out.append("")
            continue
        by_event: dict[str | None, list] = {}
        for f in sorted(chosen, key=lambda f: (statuses.index(f.status), f.attribute, f.id)):
            by_event.setdefault(f.event, []).append(f)
        for event_id in sorted(by_event, key=lambda e: (e is None, e or "")):
            label = events[event_id].label if event_id in events else "No single event (people, background)"
            out.append(f"### {md_escape(label)}")
            out.append("")
            for f in by_event[event_id]:
                decision = decisions.get(f.id)
                reviewed = (f" · reviewed: **{decision.decision}** by {md_escape(decision.by)}"
                            f"{': ' + md_escape(decision.note) if decision.note else ''}") if decision else (
                    " · open" if f.status in DISCREPANCY_STATUSES else "")
                out.append(f"- **{f.status}** · {md_escape(f.attribute)} · `{f.id}`{reviewed}  ")
                out.append(f"  {md_escape(f.explanation)}")
                out.append("")
                out.extend(_side_by_side(f, claims, articles))
                out.append("")
    stale_ids = sorted(fid for fid in decisions if fid not in {f.id for f in report.findings})
    if stale_ids:
        out.append(f"## Stale review decisions ({len(stale_ids)})")
        out.append("")
        out.append("These decisions name findings that no longer appear; they are kept in the decisions file.")
        out.append("")
        for fid in stale_ids:
            d = decisions[fid]
            out.append(f"- `{fid}` {d.decision} by {md_escape(d.by)} ({d.at}): {md_escape(d.note)}")
        out.append("")
    if report.warnings:
        out.append("## Warnings")
        out.append("")
        for w in report.warnings:
            out.append(f"- {md_escape(w)}")
        out.append("")
    return "\n".join(out)


def _side_by_side(finding, claims, articles) -> list[str]:
    """The compared sides as columns: article, date, value and quotes (with line numbers)."""
    sides = finding.sides or [finding.claims]
    columns = []
    for side in sides:
        first = claims[side[0]]
        date = articles[first.article].date if first.article in articles else None
        quotes = "<br>".join(f"“{md_escape(claims[c].text)}” (line {claims[c].line})" for c in side)
        columns.append((md_escape(first.article), str(date or "?"), md_escape(first.value), quotes))
    header = "  | | " + " | ".join(f"side {chr(65 + i)}" for i in range(len(columns))) + " |"
    rows = [header, "  |---|" + "---|" * len(columns)]
    for label, index in (("article", 0), ("published", 1), ("value", 2), ("quotes", 3)):
        rows.append(f"  | {label} | " + " | ".join(col[index] for col in columns) + " |")
    return rows


def _stage(path: Path, data: str) -> str:
    """Write `data` to a temporary file beside `path`; returns the temporary file's name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; reports are for everyone who can read the folder
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return tmp


def atomic_write_all(files: dict[Path, str]) -> None:
    """Write several files so that none is ever half-written: all are staged first, then renamed.

    An interruption while staging leaves every previous file as it was and no temporary file.
    """
    staged: dict[Path, str] = {}
    try:
        for path, data in files.items():
            staged[path] = _stage(path, data)
        for path, tmp in staged.items():
            os.replace(tmp, path)
    finally:
        for tmp in staged.values():
            if os.path.exists(tmp):
                os.unlink(tmp)


def atomic_write(path: Path, data: str) -> None:
    """Write to a temporary file beside `path`, then rename: never a half-written file."""
    atomic_write_all({Path(path): data})


def write_reports(report: Report, out_dir: str | Path, reviews=None) -> list[Path]:
    """Write every report format into `out_dir`; returns the paths written."""
    out = Path(out_dir)
    payload = to_json(report, reviews)
    payload["generated_at"] = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
    files = {
        **{out / text_file(a): a.text for a in report.articles if a.extracted},
        out / "report.json": json.dumps(payload, indent=2, ensure_ascii=False) + "\n",
        out / "report.md": to_markdown(report, reviews),
        out / "report.html": render_html(payload, {a.id: a.text for a in report.articles}),
        out / "claims.csv": claims_frame(report).to_csv(index=False),
        out / "findings.csv": findings_frame(report, reviews).to_csv(index=False),
    }
    atomic_write_all(files)
    return list(files)
