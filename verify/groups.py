"""One report per story (`verify report table.csv --group-by story`) and the index page that links them.

Each group's reports go to a folder of their own under the output folder; index.md and
index.html list the groups with their counts and link each one's report. Group values come
from the table, so a folder's name is a slug of the value plus a hash of it: data never
becomes a path of its own.
"""
from __future__ import annotations

import hashlib
import html
import re
from pathlib import Path

from .records import DISCREPANCY_STATUSES, Report
from .report import atomic_write_all, md_escape, summary, write_reports
from .review import inherit_pair_decisions


def group_folder(label: str) -> str:
    """The folder of one group's reports: readable, unique and safe whatever the value holds."""
    slug = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")[:50].strip("-") or "group"
    return f"{slug}-{hashlib.sha256(label.encode('utf-8')).hexdigest()[:8]}"


def write_group_reports(reports: dict[str, Report], out_dir: str | Path, reviews=None) -> list[Path]:
    """Write each group's reports into its folder, then index.md and index.html; returns the index paths."""
    out = Path(out_dir)
    rows = []
    for label, report in reports.items():
        folder = group_folder(label)
        if reviews is not None:
            inherit_pair_decisions(reviews, report.findings)
        write_reports(report, out / folder, reviews)
        counts = summary(report, reviews)
        rows.append({"label": label, "folder": folder, **counts,
                     "conflicts": counts["by_status"]["conflict"],
                     "discrepancies": sum(counts["by_status"][s] for s in DISCREPANCY_STATUSES),
                     "warnings": len(report.warnings)})
    files = {out / "index.md": index_markdown(rows), out / "index.html": index_html(rows)}
    atomic_write_all(files)
    return list(files)


COLUMNS = (("articles", "articles"), ("outlets", "outlets"), ("events", "events"), ("claims", "claims"),
           ("findings", "findings"), ("conflicts", "conflicts"), ("discrepancies", "discrepancies"),
           ("open_discrepancies", "open"), ("warnings", "warnings"))


def index_markdown(rows: list[dict]) -> str:
    out = ["# verify: one report per story", "",
           f"{len(rows)} stories, {sum(r['articles'] for r in rows)} articles, "
           f"{sum(r['conflicts'] for r in rows)} conflicts. Each story's reports are in its folder.", "",
           "| story | " + " | ".join(title for _, title in COLUMNS) + " | report |",
           "|---|" + "---|" * (len(COLUMNS) + 1)]
    for r in rows:
        out.append(f"| {md_escape(r['label'])} | " + " | ".join(str(r[key]) for key, _ in COLUMNS)
                   + f" | [report.md]({r['folder']}/report.md) · [report.html]({r['folder']}/report.html) |")
    return "\n".join(out) + "\n"


def index_html(rows: list[dict]) -> str:
    esc = html.escape
    head = "".join(f"<th>{esc(title)}</th>" for _, title in COLUMNS)
    body = "\n".join(
        f"<tr><td><a href=\"{esc(r['folder'])}/report.html\">{esc(r['label'])}</a></td>"
        + "".join(f"<td class=\"num{' bad' if key == 'conflicts' and r[key] else ''}\">{r[key]}</td>"
                  for key, _ in COLUMNS)
        + f"<td><a href=\"{esc(r['folder'])}/report.md\">report.md</a></td></tr>"
        for r in rows)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>verify \u2014 {len(rows)} stories</title>
<style>
body {{ font: 14px/1.5 system-ui, sans-serif; margin: 24px; color: #1b1f24; }}
table {{ border-collapse: collapse; }} th, td {{ border-bottom: 1px solid #d0d7de; padding: 4px 10px; text-align: left; }}
td.num {{ text-align: right; font-variant-numeric: tabular-nums; }} td.bad {{ color: #b42318; font-weight: 600; }}
</style></head><body>
<h1>verify \u2014 one report per story</h1>
<p>{len(rows)} stories, {sum(r['articles'] for r in rows)} articles, {sum(r['conflicts'] for r in rows)} conflicts.</p>
<table><thead><tr><th>story</th>{head}<th></th></tr></thead>
<tbody>
{body}
</tbody></table>
</body></html>
"""
