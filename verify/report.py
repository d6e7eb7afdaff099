"""Stage 6, report: a `Report` in, files out (report.json, report.md, report.html, claims.csv, findings.csv).

report.json is a public contract read by CI scripts: fields may be added, never renamed
or dropped. Every file is written to a temporary name and renamed into place, so an
interrupted run leaves the previous reports intact.
"""
from __future__ import annotations

import datetime as dt
import filecmp
import hashlib
import html
import io
import itertools
import json
import os
import re
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO

from .corroboration import carried_by, compared_claims, corroboration_line, source_names
from .html_report import render_html_files
from .records import DISCREPANCY_STATUSES, STATUSES, Report
from .review import inherit_pair_decisions, stale_ids

SCHEMA_VERSION = 1
# What the top of the reports lists as explained away, one line each, in this order.
EXPLAINED_AWAY = ("different_event", "different_scope", "update")
STATUS_WORDS = {"conflict": "conflict", "different_scope": "different scope", "update": "update",
                "different_event": "different event", "compatible": "compatible", "agree": "agree"}


def claim_sources(report: Report) -> dict[str, list[str]]:
    """Claim id -> the independent sources that carry it (see verify/corroboration.py)."""
    sources = source_names({"id": a.id, "duplicate_of": a.duplicate_of, "outlet": getattr(a, "outlet", None)}
                           for a in report.articles)
    return carried_by({c.id: c.article for c in report.claims},
                      (each for f in report.findings for each in compared_claims(f.status, f.claims, f.sides, f.pairs)),
                      sources)

TEXTS_FOLDER = "texts"  # extracted article texts (web pages, table rows), beside report.json


def to_json(report: Report, reviews=None) -> dict:
    """The report as the documented JSON structure (schema_version 1), with review decisions if given."""
    claims_by_id = {c.id: c for c in report.claims}
    decisions = reviews.effective if reviews is not None else {}
    carriers = claim_sources(report)
    main_event = {article: e.id for e in report.events for article in e.main_articles}
    return {
        "schema_version": SCHEMA_VERSION,
        "tool_version": report.tool_version,
        "model": report.model,
        "summary": summary(report, reviews),
        "articles": [
            {"id": a.id, "path": a.path, "date": a.date.isoformat() if a.date else None, "title": a.title,
             "sha256": a.sha256, "source": a.attribution, "duplicate_of": a.duplicate_of,
             "similarity": a.similarity, "outlet": a.outlet, "url": a.url, "format": a.input_format, "row": a.row,
             "text_file": text_file(a), "date_from": a.date_from, "event": main_event.get(a.id)}
            for a in report.articles
        ],
        "events": [
            {"id": e.id, "label": e.label, "type": e.type, "date": e.date, "location": e.location,
             "articles": e.articles, "main_articles": e.main_articles, "participants": e.participants,
             "notes": e.notes}
            for e in report.events
        ],
        "claims": [{**_claim_json(c), "carried_by": carriers[c.id], "independent_sources": len(carriers[c.id])}
                   for c in report.claims],
        "findings": [
            {"id": f.id, "status": f.status, "rule": f.rule, "event": f.event, "other_event": f.other_event,
             "attribute": f.attribute, "claims": f.claims, "sides": f.sides, "articles": f.articles,
             "explanation": f.explanation,
             "quotes": [{"claim": cid, "article": claims_by_id[cid].article, "text": claims_by_id[cid].text,
                         "value": str(claims_by_id[cid].value), "line": claims_by_id[cid].line}
                        for cid in f.claims],
             "review": _review_json(decisions.get(f.id)), "pairs": f.pairs}
            for f in report.findings
        ],
        "stale_reviews": stale_ids(report.findings, reviews),
        "warnings": report.warnings,
    }


def _claim_json(claim) -> dict:
    fields = claim.report_fields()
    fields["low"], fields["high"] = _num(fields["low"]), _num(fields["high"])
    return {"id": claim.id, "article": claim.article, "event": claim.event, "attribute": claim.attribute,
            "kind": claim.kind, "subject": claim.subject, "value": str(claim.value), "text": claim.text,
            "start": claim.start, "end": claim.end, "line": claim.line, "sentence": claim.sentence,
            "speaker": claim.speaker, **fields}


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
    """Counts. Open means undecided; a discrepancy is any status but agree and compatible."""
    by_status = Counter(f.status for f in report.findings)
    decisions = reviews.effective if reviews is not None else {}
    by_decision = Counter(decisions[f.id].decision for f in report.findings if f.id in decisions)
    open_by_status = Counter(f.status for f in report.findings if f.id not in decisions)
    carriers = claim_sources(report)
    return {
        "articles": len(report.articles),
        # Distinct publishers among the articles that count as sources (a copy is its original's outlet).
        "outlets": len({a.outlet.casefold() for a in report.articles if a.outlet and not a.duplicate_of}),
        "events": len(report.events),
        "claims": len(report.claims),
        "findings": len(report.findings),
        "by_status": {s: by_status.get(s, 0) for s in STATUSES},
        "by_decision": {d: by_decision.get(d, 0) for d in ("confirmed", "dismissed", "explained")},
        "open_discrepancies": sum(open_by_status.get(s, 0) for s in DISCREPANCY_STATUSES),
        "open_conflicts": open_by_status.get("conflict", 0),
        "open_by_status": {s: open_by_status.get(s, 0) for s in DISCREPANCY_STATUSES},
        "single_source_claims": sum(1 for names in carriers.values() if len(names) == 1),
    }


def claims_frame(report: Report):
    import pandas as pd  # imported here: `verify review` writes decisions without loading pandas

    columns = ["id", "article", "event", "kind", "attribute", "subject", "value", "text", "start", "end", "line",
               "scope", "hedge", "low", "high", "currency", "date_low", "date_high", "speaker", "sentence",
               "independent_sources", "carried_by"]
    carriers = claim_sources(report)
    rows = [{**c.to_row(), "independent_sources": len(carriers[c.id]), "carried_by": " ".join(carriers[c.id])}
            for c in report.claims]
    return pd.DataFrame(rows, columns=columns) if rows else pd.DataFrame(columns=columns)


def findings_frame(report: Report, reviews=None):
    import pandas as pd

    claims = {c.id: c for c in report.claims}
    decisions = reviews.effective if reviews is not None else {}
    rows = [{
        "id": f.id, "status": f.status, "event": f.event, "other_event": f.other_event, "attribute": f.attribute,
        "articles": " ".join(f.articles), "values": " | ".join(f.values),
        "quotes": " | ".join(f"{claims[c].article}: {' '.join(claims[c].text.split())}" for c in f.claims),
        "claims": " ".join(f.claims), "explanation": f.explanation,
        "decision": decisions[f.id].decision if f.id in decisions else "", "rule": f.rule,
    } for f in report.findings]
    columns = ["id", "status", "event", "other_event", "attribute", "articles", "values", "quotes", "claims",
               "explanation", "decision", "rule"]
    return pd.DataFrame(rows, columns=columns) if rows else pd.DataFrame(columns=columns)


def md_escape(text: str) -> str:
    """Article text shown as literal text in Markdown: no live links, HTML, emphasis or table breaks."""
    text = html.escape(" ".join(str(text).split()), quote=False)
    return re.sub(r"([\\`*_\[\]|~])", r"\\\1", text)


def to_markdown(report: Report, reviews=None) -> str:
    claims = {c.id: c for c in report.claims}
    events = {e.id: e for e in report.events}
    articles = {a.id: a for a in report.articles}
    decisions = reviews.effective if reviews is not None else {}
    carriers = claim_sources(report)
    s = summary(report, reviews)
    out = ["# verify consistency report", ""]
    out.extend(_first_things(report, s, claims, events, articles, decisions))
    out.append("| status | findings | open |")
    out.append("|---|---|---|")
    for status in STATUSES:
        still_open = s["open_by_status"][status] if status in DISCREPANCY_STATUSES else "–"
        out.append(f"| {status} | {s['by_status'][status]} | {still_open} |")
    out.append("")
    out.extend(_single_source(report, carriers, claims))
    out.append("## Articles")
    out.append("")
    out.append("| id | date | outlet | title |")
    out.append("|---|---|---|---|")
    for a in report.articles:
        alike = f", {a.similarity:.0f}% alike" if a.similarity is not None else ""
        copy = f" (copy of {md_escape(a.duplicate_of)}{alike}: counted as one source)" if a.duplicate_of else ""
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
    notes = [(e, note) for e in report.events for note in e.notes]
    if notes:
        # How an event was resolved where a reader should check it (an undated article kept apart).
        out.extend(f"- {md_escape(e.label)}: {md_escape(note)}" for e, note in notes)
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
                rule = f" · rule `{md_escape(f.rule)}`" if f.rule else ""
                out.append(f"- **{f.status}** · {md_escape(f.attribute)} · `{f.id}`{rule}{reviewed}  ")
                out.append(f"  {md_escape(f.explanation)}")
                out.append("")
                out.extend(_side_by_side(f, claims, articles, carriers))
                out.append("")
    stale = stale_ids(report.findings, reviews)
    if stale:
        out.append(f"## Stale review decisions ({len(stale)})")
        out.append("")
        out.append("These decisions name findings that no longer appear; they are kept in the decisions file.")
        out.append("")
        for fid in stale:
            d = decisions[fid]
            out.append(f"- `{fid}` {d.decision} by {md_escape(d.by)} ({d.at}): {md_escape(d.note)}")
        out.append("")
    out.extend(_every_claim(report, carriers, events))
    if report.warnings:
        out.append("## Warnings")
        out.append("")
        for w in report.warnings:
            out.append(f"- {md_escape(w)}")
        out.append("")
    return "\n".join(out)


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _first_things(report: Report, s: dict, claims, events, articles, decisions) -> list[str]:
    """What a reviewer must know, in plain sentences: open conflicts with both quotes, decided conflicts,
    the discrepancies explained away (one line each), then the counts."""
    out = []
    conflicts = sorted((f for f in report.findings if f.status == "conflict"), key=lambda f: (f.attribute, f.id))
    still_open = [f for f in conflicts if f.id not in decisions]
    if still_open:
        out.append(f"**{_count(len(still_open), 'open conflict')}**: sources that cannot both be right, and "
                   f"no decision yet (`verify check` fails on {'it' if len(still_open) == 1 else 'them'}).")
        out.append("")
        for n, f in enumerate(still_open, 1):
            event = events[f.event].label if f.event in events else "no single event"
            rule = f" · rule `{md_escape(f.rule)}`" if f.rule else ""
            out.append(f"{n}. **{md_escape(f.attribute)}** · {md_escape(event)} · `{f.id}`{rule}  ")
            out.append(f"   {md_escape(f.explanation)}")
            for side in f.sides or [[c] for c in f.claims]:
                claim = claims[side[0]]
                article = articles.get(claim.article)
                published = f" (published {article.date})" if article is not None and article.date else ""
                out.append(f"   - {md_escape(claim.article)}{published}, line {claim.line}: "
                           f"“{md_escape(claim.text)}” in “{md_escape(claim.sentence)}”")
        out.append("")
    else:
        out.append("**No open conflict.**" + (" Every conflict has a decision." if conflicts else ""))
        out.append("")
    decided = [f for f in conflicts if f.id in decisions]
    if decided:
        out.append(f"{_count(len(decided), 'conflict')} decided:")
        out.append("")
        for f in decided:
            d = decisions[f.id]
            note = f": {md_escape(d.note)}" if d.note else ""
            out.append(f"- `{f.id}` {md_escape(f.attribute)}: {d.decision} by {md_escape(d.by)}{note}")
        out.append("")
    away = sorted((f for f in report.findings if f.status in EXPLAINED_AWAY),
                  key=lambda f: (EXPLAINED_AWAY.index(f.status), f.attribute, f.id))
    if away:
        out.append(f"{_count(len(away), 'discrepancy', 'discrepancies')} explained away "
                   f"(the figures differ, but do not contradict each other):")
        out.append("")
        for f in away:
            d = decisions.get(f.id)
            state = f"{d.decision} by {md_escape(d.by)}" if d else "open"
            out.append(f"- {STATUS_WORDS[f.status]} · {md_escape(f.attribute)} · `{f.id}` ({state}): "
                       f"{md_escape(f.explanation)}")
        out.append("")
    by_status = ", ".join(_count(s["by_status"][x], STATUS_WORDS[x], "agree" if x == "agree" else
                                 ("compatible" if x == "compatible" else None)) for x in STATUSES)
    out.append(f"{_count(s['articles'], 'article')}, {_count(s['events'], 'event')}, {_count(s['claims'], 'claim')}, "
               f"{_count(s['findings'], 'finding')}: {by_status}. Open: {_count(s['open_conflicts'], 'conflict')}, "
               f"{_count(s['open_discrepancies'], 'discrepancy', 'discrepancies')} in all. "
               f"{_count(s['single_source_claims'], 'figure or fact', 'figures and facts')} "
               f"{'has' if s['single_source_claims'] == 1 else 'have'} one source only.")
    out.append("")
    out.append("*Open* means no review decision yet; a *discrepancy* is any finding that is neither agree nor "
               "compatible.")
    out.append("")
    return out


def _single_source(report: Report, carriers: dict[str, list[str]], claims) -> list[str]:
    """The figures and facts only one source gives: an editor checks these first."""
    alone = [c for c in report.claims if len(carriers[c.id]) == 1]
    conflicts: dict[str, list[str]] = {}
    for f in report.findings:
        if f.status == "conflict":
            for cid in f.claims:
                conflicts.setdefault(cid, []).append(f.id)
    out = [f"## Figures and facts only one source gives ({len(alone)})", ""]
    if not alone:
        return out + ["None: every claim is carried by at least two independent sources.", ""]
    out.append("No other independent source agrees with these (or is compatible with them); check them first.")
    out.append("")
    by_article: dict[str, list] = {}
    for c in alone:
        by_article.setdefault(c.article, []).append(c)
    for article, chosen in by_article.items():
        out.append(f"- **{md_escape(article)}**")
        for c in sorted(chosen, key=lambda c: (c.start, c.id)):
            disputed = "".join(f" (contradicted: conflict `{fid}`)" for fid in conflicts.get(c.id, []))
            out.append(f"  - line {c.line} · {md_escape(c.attribute)}: **{md_escape(str(c.value))}** — "
                       f"“{md_escape(c.text)}”{disputed}")
    out.append("")
    return out


def _every_claim(report: Report, carriers: dict[str, list[str]], events) -> list[str]:
    """Every claim with its corroboration line, by event."""
    out = [f"## Claims and their sources ({len(report.claims)})", ""]
    by_event: dict[str | None, list] = {}
    for c in report.claims:
        by_event.setdefault(c.event, []).append(c)
    for event_id in sorted(by_event, key=lambda e: (e is None, e or "")):
        label = events[event_id].label if event_id in events else "No single event (people, background)"
        out.append(f"### {md_escape(label)}")
        out.append("")
        for c in sorted(by_event[event_id], key=lambda c: (c.attribute, c.article, c.start)):
            out.append(f"- {md_escape(c.attribute)}: **{md_escape(str(c.value))}** — {md_escape(c.article)} "
                       f"line {c.line}, “{md_escape(c.text)}”: {md_escape(corroboration_line(carriers[c.id]))}")
        out.append("")
    return out


MAX_SIDES_SHOWN = 12  # sides of a grouped finding listed in report.md; report.json has them all


def _side_by_side(finding, claims, articles, carriers) -> list[str]:
    """The compared sides as columns: article, date, value, quotes (with line numbers) and sources; a grouped
    finding's many sides as rows instead."""
    sides = finding.sides or [finding.claims]
    if len(sides) > 2:
        return _sides_as_rows(finding, sides, claims, articles, carriers)
    columns = []
    for side in sides:
        first = claims[side[0]]
        date = articles[first.article].date if first.article in articles else None
        quotes = "<br>".join(f"“{md_escape(claims[c].text)}” (line {claims[c].line})" for c in side)
        names = sorted({name for c in side for name in carriers.get(c, [])})
        columns.append((md_escape(first.article), str(date or "?"), md_escape(str(first.value)), quotes,
                        md_escape(corroboration_line(names)) if names else "?"))
    header = "  | | " + " | ".join(f"side {chr(65 + i)}" for i in range(len(columns))) + " |"
    rows = [header, "  |---|" + "---|" * len(columns)]
    for label, index in (("article", 0), ("published", 1), ("value", 2), ("quotes", 3), ("carried by", 4)):
        rows.append(f"  | {label} | " + " | ".join(col[index] for col in columns) + " |")
    return rows


def _sides_as_rows(finding, sides, claims, articles, carriers) -> list[str]:
    rows = [f"  {len(finding.pairs)} claim pairs compared across {len(sides)} sides:", "",
            "  | side | article | published | value | quotes | carried by |", "  |---|---|---|---|---|---|"]
    for n, side in enumerate(sides[:MAX_SIDES_SHOWN], 1):
        first = claims[side[0]]
        date = articles[first.article].date if first.article in articles else None
        quotes = "<br>".join(f"“{md_escape(claims[c].text)}” (line {claims[c].line})" for c in side)
        names = sorted({name for c in side for name in carriers.get(c, [])})
        rows.append(f"  | {n} | {md_escape(first.article)} | {date or '?'} | {md_escape(str(first.value))} "
                    f"| {quotes} | {md_escape(corroboration_line(names)) if names else '?'} |")
    if len(sides) > MAX_SIDES_SHOWN:
        rows.append(f"  | ... | {len(sides) - MAX_SIDES_SHOWN} more sides in report.json | | | | |")
    return rows


Content = str | bytes | Callable[[TextIO], None]
"""What a report file holds: text, bytes (Parquet), or a function that streams text into the open file."""


def _stage(path: Path, data: Content) -> str:
    """Write `data` to a temporary file beside `path`; returns the temporary file's name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; reports are for everyone who can read the folder
        if isinstance(data, bytes):
            with os.fdopen(fd, "wb") as raw:
                raw.write(data)
                raw.flush()
                os.fsync(raw.fileno())
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                if isinstance(data, str):
                    fh.write(data)
                else:
                    data(fh)
                fh.flush()
                os.fsync(fh.fileno())
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return tmp


def atomic_write_all(files: dict[Path, Content]) -> None:
    """Write several files so that none is ever half-written: all are staged first, then renamed.

    An interruption while staging leaves every previous file as it was and no temporary file. A
    streamed file whose content turns out unchanged is left untouched (its modification time too).
    """
    staged: dict[Path, str] = {}
    try:
        for path, data in files.items():
            tmp = _stage(path, data)
            if callable(data) and path.exists() and filecmp.cmp(tmp, path, shallow=False):
                os.unlink(tmp)
                continue
            staged[path] = tmp
        for path, tmp in staged.items():
            os.replace(tmp, path)
    finally:
        for tmp in staged.values():
            if os.path.exists(tmp):
                os.unlink(tmp)


def atomic_write(path: Path, data: str) -> None:
    """Write to a temporary file beside `path`, then rename: never a half-written file."""
    atomic_write_all({Path(path): data})


GENERATED_AT = ',\n  "generated_at": '  # report.json's last member, after everything the run found


def _generated_at(previous: Path, body_digest: str) -> str:
    """Now, unless the report.json already in place says exactly the same: then its time, so that a
    rerun on unchanged articles (`make test`, a pre-commit hook) leaves the files untouched."""
    try:
        old = previous.read_text(encoding="utf-8")
    except (OSError, ValueError):
        old = ""
    body, found, rest = old.rpartition(GENERATED_AT)
    if found and hashlib.sha256(body.encode("utf-8")).hexdigest() == body_digest:
        try:
            return str(json.loads(rest.strip().rstrip("}").strip()))
        except ValueError:
            pass
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def _json_member(key: str, value) -> Iterator[str]:
    """One top-level member of report.json, as json.dumps(indent=2) writes it; a list item by item."""
    yield f"  {json.dumps(key)}: "
    if isinstance(value, list) and value:
        yield "["
        for n, item in enumerate(value):
            yield ("," if n else "") + "\n    " + json.dumps(item, indent=2, ensure_ascii=False).replace("\n", "\n    ")
        yield "\n  ]"
    else:
        yield json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n  ")


def write_json(payload: dict, previous: Path) -> Callable[[TextIO], None]:
    """report.json, streamed: each claim and finding is encoded and written on its own, never the whole
    document as one string. The text is exactly `json.dumps(payload | {"generated_at": ...}, indent=2)`."""
    def write(fh: TextIO) -> None:
        digest = hashlib.sha256()
        fh.write("{\n")
        digest.update(b"{\n")
        for n, key in enumerate([k for k in payload if k != "generated_at"]):
            for chunk in itertools.chain([",\n"] if n else [], _json_member(key, payload[key])):
                fh.write(chunk)
                digest.update(chunk.encode("utf-8"))
        payload["generated_at"] = _generated_at(previous, digest.hexdigest())  # for the pages written after it
        fh.write(GENERATED_AT + json.dumps(payload["generated_at"]) + "\n}\n")

    return write


def _differs(path: Path, data: str | bytes) -> bool:
    try:
        return path.read_bytes() != (data if isinstance(data, bytes) else data.encode("utf-8"))
    except OSError:
        return True


def write_reports(report: Report, out_dir: str | Path, reviews=None) -> list[Path]:
    """Write every report format into `out_dir` (only the files whose content changed); returns their paths."""
    out = Path(out_dir)
    if reviews is not None:
        inherit_pair_decisions(reviews, report.findings)
    payload = to_json(report, reviews)
    claims, findings = claims_frame(report), findings_frame(report, reviews)
    pages: dict[str, str] = {}

    def page(name: str) -> Callable[[TextIO], None]:
        """report.html or report-data.js, rendered once report.json is staged (the page shows its `generated_at`)."""
        def write(fh: TextIO) -> None:
            if not pages:
                pages.update(render_html_files(payload, {a.id: a.text for a in report.articles}))
            fh.write(pages[name])
        return write

    files: dict[Path, Content] = {
        **{out / text_file(a): a.text for a in report.articles if a.extracted},
        out / "report.json": write_json(payload, out / "report.json"),  # first: it settles `generated_at`
        out / "report.md": to_markdown(report, reviews),
        # report.html and the report-data.js it loads on demand (always written, so never a stale one)
        out / "report.html": page("report.html"),
        out / "report-data.js": page("report-data.js"),
        out / "claims.csv": claims.to_csv(index=False),
        out / "findings.csv": findings.to_csv(index=False),
        out / "claims.parquet": _parquet(claims),
        out / "findings.parquet": _parquet(findings),
    }
    atomic_write_all({path: data for path, data in files.items() if callable(data) or _differs(path, data)})
    return list(files)


def _parquet(frame) -> bytes:
    """A table as Parquet bytes (typed columns for pandas and Arrow users; the CSV is the same table)."""
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False)
    return buffer.getvalue()
