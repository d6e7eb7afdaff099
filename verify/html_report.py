"""The HTML consistency report: a page for a report.json payload, and a data file beside it.

`render_html_files(report, article_texts)` returns {"report.html": page, "report-data.js": data}.
The page has inline CSS and inline JS only (no network, no external images). It opens on what a
reviewer must know (open conflicts with both quotes, the discrepancies explained away one line
each, the counts) and the figures and facts only one source gives; then the findings grouped by
event with each side's quote highlighted in its sentence and how many independent sources carry
it, client-side filters and a text search; then the corpus (articles, a date timeline drawn as
inline SVG, counts by status and review decision), a source-agreement matrix, and every article's
text with the extracted claims highlighted at their exact offsets. It reflows down to a phone's
width, and a tap shows what hovering shows.

A small report is entirely on the page (report-data.js is then written empty, so a stale one from
an earlier large run is never left beside it). On a large report the page keeps the findings in
order of severity up to a size budget and lists the articles without their texts; the other
findings and the highlighted texts go to report-data.js (`window.VERIFY_DATA = {...};`, a script
because Chromium blocks fetch() of a local file), which the page loads only when the reader asks
for more: "show all", a filter or the search, a link to a finding or a claim, or opening an
article. `render_html(report, article_texts)` returns the page alone.

Everything that comes from the report or the articles is untrusted: on the page it is escaped with
`html.escape(..., quote=True)`, and ids that go into attributes and anchors are reduced to
[A-Za-z0-9_-]; from the data file it is put in the page with textContent and setAttribute only.
The page's only inline script is a constant (no data is embedded in it), and a
Content-Security-Policy pins that script by its hash, so even a missed escape could not run code;
when a data file is needed, 'strict-dynamic' lets that script (and only it) add report-data.js,
whose token must match the page's.
Standard library only (and verify.corroboration, itself standard library only).
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import json
import re
from collections import Counter, defaultdict

from .corroboration import carried_by, compared_claims, corroboration_line, source_names

__all__ = ["render_html", "render_html_files", "DATA_FILE"]

STATUS_ORDER = ("conflict", "different_scope", "update", "different_event", "compatible", "agree")
DECISION_ORDER = ("open", "confirmed", "dismissed", "explained")
MATRIX_STATUSES = ("agree", "compatible", "conflict")
AGREEMENT_STATUSES = ("agree", "compatible")  # every other status is a discrepancy
EXPLAINED_AWAY = ("different_event", "different_scope", "update")
STATUS_WORDS = {"different_event": "different event", "different_scope": "different scope", "update": "update"}
ALL = "__all__"
DISCREPANCY = "__discrepancy__"  # status filter: every status but agree and compatible
NO_EVENT = "__none__"

_SAFE_ID = re.compile(r"[^A-Za-z0-9_-]")
_SEP = " \u00b7 "


# ---------------------------------------------------------------- helpers


DATA_FILE = "report-data.js"  # written beside report.html; the page loads it on demand
# The page stays small (issue #13: under 5 MB and quick to open on 1,000 articles): finding cards,
# most severe first, up to this many characters; the others are in the data file.
PAGE_FINDINGS_CHARS = 1_000_000
# Article texts (highlighted, about three times their size) are on the page when all of them come to
# at most this many characters; otherwise every text is in the data file, rendered when opened.
PAGE_TEXT_CHARS = 300_000
MAX_MATRIX_ARTICLES = 40  # the matrix has one cell per pair of articles
MAX_OPEN_CONFLICTS_SHOWN = 25  # open conflicts given with both quotes at the top of the page
MAX_EXPLAINED_AWAY_SHOWN = 10  # one-line summaries shown before "more"; the rest fold away
MAX_EXPLAINED_AWAY_LISTED = 300  # and no more than this in the fold: the filters reach the rest
MAX_DECIDED_SHOWN = 200  # decided conflicts listed in the summary
MAX_SINGLE_SOURCE = 1000  # single-source claims listed


def _esc(value) -> str:
    """Escape any value for HTML text and attribute values (None is empty)."""
    return html.escape("" if value is None else str(value), quote=True)


def _sid(value) -> str:
    """An id safe for attributes and anchors: [A-Za-z0-9_-] only.

    Ids that already are safe stay as they are (so a finding's anchor is `finding-<its id>`);
    others have the offending characters replaced and a short hash appended, so that two ids that
    differ only in such characters do not collide.
    """
    text = "" if value is None else str(value)
    safe = _SAFE_ID.sub("_", text)
    if safe != text or not safe:
        digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        safe = f"{safe}-{digest}" if safe else f"x-{digest}"
    return safe


def _status_rank(status) -> int:
    try:
        return STATUS_ORDER.index(status)
    except ValueError:
        return len(STATUS_ORDER)


def _decision(finding: dict) -> str:
    review = finding.get("review")
    if isinstance(review, dict) and review.get("decision"):
        return str(review["decision"])
    return "open"


def _parse_date(value) -> dt.date | None:
    if not value or not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _short(text, limit: int) -> str:
    text = "" if text is None else str(text)
    return text if len(text) <= limit else text[: max(1, limit - 1)] + "\u2026"


def _offsets_ok(claim: dict, text: str | None) -> bool:
    if text is None:
        return False
    start, end = claim.get("start"), claim.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool):
        return False
    if not (0 <= start < end <= len(text)):
        return False
    return text[start:end] == claim.get("text")


def _css_class(value) -> str:
    return _SAFE_ID.sub("_", str(value))[:40]


# ---------------------------------------------------------------- the page


def render_html(report: dict, article_texts: dict[str, str]) -> str:
    """The HTML page for a report.json payload (see render_html_files for the data file beside it)."""
    return render_html_files(report, article_texts)["report.html"]


def render_html_files(report: dict, article_texts: dict[str, str]) -> dict[str, str]:
    """{"report.html": page, "report-data.js": data} for a report.json payload; article_texts maps
    article id -> decoded file text. Both files are written side by side."""
    article_texts = article_texts or {}
    articles = [a for a in (report.get("articles") or []) if isinstance(a, dict)]
    events = [e for e in (report.get("events") or []) if isinstance(e, dict)]
    claims = [c for c in (report.get("claims") or []) if isinstance(c, dict)]
    findings = [f for f in (report.get("findings") or []) if isinstance(f, dict)]

    articles_by_id = {a.get("id"): a for a in articles}
    events_by_id = {e.get("id"): e for e in events}
    claims_by_id = {c.get("id"): c for c in claims}

    findings = sorted(findings, key=lambda f: (_status_rank(f.get("status")), str(f.get("attribute") or ""),
                                               str(f.get("id") or "")))
    # Each claim links to its most severe finding (findings are sorted by severity).
    claim_finding: dict[str, str] = {}
    claim_finding_count: Counter = Counter()
    for f in findings:
        for cid in _finding_claim_ids(f):
            claim_finding.setdefault(cid, f.get("id"))
            claim_finding_count[cid] += 1

    ctx = _Context(articles_by_id, events_by_id, claims_by_id, article_texts, claim_finding, claim_finding_count,
                   _carriers(articles, claims, findings))

    # Finding cards go on the page most severe first (every discrepancy before any agreement, whatever
    # its status) until the budget is spent; the rest go to the data file. A small report fits whole.
    by_severity = sorted(findings, key=lambda f: (f.get("status") in AGREEMENT_STATUSES, _status_rank(f.get("status")),
                                                  str(f.get("attribute") or ""), str(f.get("id") or "")))
    cards: dict[int, str] = {}
    size = 0
    for f in by_severity:
        card = _finding_html(f, ctx)
        if cards and size + len(card) > PAGE_FINDINGS_CHARS:
            break
        cards[id(f)] = card
        size += len(card)
    shown = [f for f in findings if id(f) in cards]
    rest = [f for f in by_severity if id(f) not in cards]
    lazy_texts = sum(len(ctx.text_of(a.get("id")) or "") for a in articles) > PAGE_TEXT_CHARS

    involvement = Counter(a for f in findings for a in (f.get("articles") or []))
    matrix_articles = articles
    if len(articles) > MAX_MATRIX_ARTICLES:
        top = {aid for aid, _ in involvement.most_common(MAX_MATRIX_ARTICLES)}
        matrix_articles = [a for a in articles if a.get("id") in top]
    notes = []
    if len(matrix_articles) < len(articles):
        notes.append(f"The agreement matrix shows the {len(matrix_articles)} articles with the most findings "
                     f"of {len(articles):,}.")

    data = _data_file(rest, articles if lazy_texts else [], claims, ctx)
    lazy = bool(rest) or lazy_texts
    body = [
        _title(report, articles, events, claims, findings),
        _summary(findings, claims, articles, events, ctx),
        _single_source(claims, findings, ctx),
        "".join(f"<p class=\"legend\">{_esc(note)}</p>" for note in notes),
        _findings_section(shown, findings, events, ctx, cards, rest),
        _corpus(articles, events, claims, findings),
        _matrix(matrix_articles, findings, restrict=len(matrix_articles) < len(articles)),
        _articles_section(articles, claims, ctx, lazy=lazy_texts),
        _extras(report),
        "<div id=\"tip\" class=\"tip\" role=\"status\" hidden></div>",
    ]
    if lazy:  # the script loads the data file only when this says which one belongs to the page
        body.append(f"<div id=\"verify-data\" data-token=\"{_esc(data['token'])}\" hidden></div>")
    script = _SCRIPT
    script_hash = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    # From file:// neither an integrity hash nor 'self' pins the data file strictly (Chromium wants CORS
    # for integrity, and 'self' there admits any local file, even one named by injected markup);
    # 'strict-dynamic' trusts only scripts added by the hash-pinned script, which adds report-data.js.
    dynamic = " 'strict-dynamic'" if lazy else ""
    csp = (f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
           f"script-src 'sha256-{script_hash}'{dynamic}; base-uri 'none'; form-action 'none'")
    title = f"verify report \u2014 {len(articles)} articles, {len(findings)} findings"
    page = "".join([
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{_esc(csp)}\">\n",
        "<meta name=\"referrer\" content=\"no-referrer\">\n",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
        f"<title>{_esc(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n",
        "\n".join(body),
        f"\n<script>{script}</script>\n</body>\n</html>\n",
    ])
    return {"report.html": page, DATA_FILE: data["text"]}


class _Context:
    def __init__(self, articles_by_id, events_by_id, claims_by_id, texts, claim_finding, claim_finding_count,
                 carriers):
        self.articles_by_id = articles_by_id
        self.events_by_id = events_by_id
        self.claims_by_id = claims_by_id
        self.texts = texts
        self.claim_finding = claim_finding
        self.claim_finding_count = claim_finding_count
        self.carriers = carriers  # claim id -> the independent sources that carry it

    def corroboration(self, claim_ids) -> str:
        names = sorted({str(n) for cid in claim_ids for n in self.carriers.get(cid, [])})
        return corroboration_line(names) if names else ""

    def text_of(self, article_id) -> str | None:
        text = self.texts.get(article_id)
        return text if isinstance(text, str) else None

    def event_label(self, event_id) -> str:
        event = self.events_by_id.get(event_id)
        if event is None:
            return "No event assigned" if event_id is None else str(event_id)
        return str(event.get("label") or event_id)


def _carriers(articles, claims, findings) -> dict:
    """Claim id -> independent sources, from report.json's `carried_by`, or counted here for older payloads."""
    if claims and all(isinstance(c.get("carried_by"), list) for c in claims):
        return {c.get("id"): [str(n) for n in c["carried_by"]] for c in claims}
    sources = source_names(articles)
    claim_articles = {c.get("id"): str(c.get("article")) for c in claims}
    compared = (each for f in findings for each in compared_claims(
        str(f.get("status")), _finding_claim_ids(f), f.get("sides") or [], f.get("pairs") or []))
    return carried_by(claim_articles, compared, sources)


def _finding_claim_ids(finding: dict) -> list[str]:
    ids = []
    for side in finding.get("sides") or []:
        for cid in side or []:
            if cid not in ids:
                ids.append(cid)
    for cid in finding.get("claims") or []:
        if cid not in ids:
            ids.append(cid)
    return ids


# ---------------------------------------------------------------- header


def _title(report, articles, events, claims, findings) -> str:
    return ("<header class=\"page-header\">"
            "<h1>verify \u2014 consistency report</h1>"
            "<p class=\"meta\">"
            f"{len(articles)} articles \u00b7 {len(events)} events \u00b7 {len(claims)} claims \u00b7 "
            f"{len(findings)} findings"
            f" \u00b7 tool {_esc(report.get('tool_version'))} \u00b7 model {_esc(report.get('model'))}"
            f" \u00b7 generated {_esc(report.get('generated_at'))}</p></header>")


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _finding_link(f: dict) -> str:
    return f"<a href=\"#finding-{_sid(f.get('id'))}\"><code>{_esc(f.get('id'))}</code></a>"


def _summary(findings, claims, articles, events, ctx: _Context) -> str:
    """What a reviewer must know first, in plain sentences: open conflicts with both quotes, decided
    conflicts, the discrepancies explained away (one line each), then the counts."""
    out = ["<section id=\"summary\" class=\"summary\"><h2>What to know first</h2>"]
    conflicts = [f for f in findings if f.get("status") == "conflict"]
    still_open = [f for f in conflicts if _decision(f) == "open"]
    if still_open:
        out.append(f"<p class=\"lead\"><b>{_plural(len(still_open), 'open conflict')}</b>: sources that cannot "
                   "both be right, and no decision yet.</p><ol class=\"open-conflicts\">")
        for f in still_open[:MAX_OPEN_CONFLICTS_SHOWN]:
            rule = f" \u00b7 rule <code>{_esc(f.get('rule'))}</code>" if f.get("rule") else ""
            out.append(f"<li class=\"open-conflict\" data-finding=\"{_esc(f.get('id'))}\">"
                       f"<b>{_esc(f.get('attribute'))}</b> \u00b7 {_esc(ctx.event_label(f.get('event')))}"
                       f" \u00b7 {_finding_link(f)}{rule}<br>{_esc(f.get('explanation'))}<ul class=\"both-quotes\">")
            quotes = {q.get("claim"): q for q in (f.get("quotes") or []) if isinstance(q, dict)}
            for side in _sides(f, quotes, ctx):
                if not side:
                    continue
                claim = ctx.claims_by_id.get(side[0]) or {}
                quote = quotes.get(side[0]) or {}
                aid = claim.get("article", quote.get("article"))
                date = (ctx.articles_by_id.get(aid) or {}).get("date")
                line = quote.get("line", claim.get("line"))
                out.append(f"<li><code>{_esc(aid)}</code>{' (' + _esc(date) + ')' if date else ''}, line "
                           f"{_esc(line if line is not None else '?')}: "
                           f"<q>{_quote_in_sentence(claim, quote, ctx)}</q></li>")
            out.append("</ul></li>")
        out.append("</ol>")
        if len(still_open) > MAX_OPEN_CONFLICTS_SHOWN:
            out.append(f"<p>\u2026 and {len(still_open) - MAX_OPEN_CONFLICTS_SHOWN} more: filter the findings below "
                       "by status <i>conflict</i> and decision <i>open</i>.</p>")
    else:
        out.append("<p class=\"lead\"><b>No open conflict.</b>"
                   + (" Every conflict has a decision." if conflicts else "") + "</p>")
    decided = [f for f in conflicts if _decision(f) != "open"]
    if decided:
        out.append(f"<p>{_plural(len(decided), 'conflict')} decided:</p><ul class=\"decided-conflicts\">")
        for f in decided[:MAX_DECIDED_SHOWN]:
            review = f.get("review") or {}
            note = f": {_esc(review.get('note'))}" if review.get("note") else ""
            by = f" by {_esc(review.get('by'))}" if review.get("by") else ""
            out.append(f"<li>{_finding_link(f)} {_esc(f.get('attribute'))}: {_esc(_decision(f))}{by}{note}</li>")
        out.append("</ul>")
        if len(decided) > MAX_DECIDED_SHOWN:
            out.append(f"<p>\u2026 and {len(decided) - MAX_DECIDED_SHOWN:,} more: filter the findings below by status "
                       "<i>conflict</i> and a decision.</p>")
    away = sorted((f for f in findings if f.get("status") in EXPLAINED_AWAY),
                  key=lambda f: (EXPLAINED_AWAY.index(f.get("status")), str(f.get("attribute")), str(f.get("id"))))
    if away:
        out.append(f"<p>{_plural(len(away), 'discrepancy', 'discrepancies')} explained away (the figures differ, "
                   "but do not contradict each other):</p>")
        lines = [f"<li class=\"explained-away\">{STATUS_WORDS[f.get('status')]} \u00b7 {_esc(f.get('attribute'))} "
                 f"\u00b7 {_finding_link(f)} ({_esc(_decision(f))}): {_esc(f.get('explanation'))}</li>"
                 for f in away[:MAX_EXPLAINED_AWAY_LISTED]]
        out.append("<ul class=\"away\">" + "".join(lines[:MAX_EXPLAINED_AWAY_SHOWN]) + "</ul>")
        if len(away) > MAX_EXPLAINED_AWAY_SHOWN:
            unlisted = len(away) - len(lines)
            rest = (f"<p>\u2026 and {unlisted:,} more: filter the findings below by status.</p>" if unlisted else "")
            out.append(f"<details><summary>{len(away) - MAX_EXPLAINED_AWAY_SHOWN} more</summary>"
                       "<ul class=\"away\">" + "".join(lines[MAX_EXPLAINED_AWAY_SHOWN:]) + f"</ul>{rest}</details>")
    by_status = Counter(f.get("status") for f in findings)
    open_discrepancies = sum(1 for f in findings
                             if f.get("status") not in AGREEMENT_STATUSES and _decision(f) == "open")
    single = sum(1 for c in claims if len(ctx.carriers.get(c.get("id"), [])) == 1)
    words = {"different_scope": ("different scope", None), "different_event": ("different event", None),
             "compatible": ("compatible", "compatible"), "agree": ("agree", "agree")}
    counts = ", ".join(_plural(by_status.get(x, 0), *words.get(x, (x, None))) for x in STATUS_ORDER)
    out.append(f"<p class=\"totals\">{_plural(len(articles), 'article')}, {_plural(len(events), 'event')}, "
               f"{_plural(len(claims), 'claim')}, {_plural(len(findings), 'finding')}: {counts}. "
               f"Open: {_plural(len(still_open), 'conflict')}, "
               f"{_plural(open_discrepancies, 'discrepancy', 'discrepancies')} in all. "
               f"<a href=\"#single-source\">{_plural(single, 'figure or fact', 'figures and facts')}</a> "
               f"{'has' if single == 1 else 'have'} one source only.</p>")
    out.append("<p class=\"legend\"><i>Open</i> means no review decision yet; a <i>discrepancy</i> is any "
               "finding that is neither agree nor compatible.</p>")
    out.append("</section>")
    return "\n".join(out)


def _single_source(claims, findings, ctx: _Context) -> str:
    """The figures and facts only one independent source gives: an editor checks these first."""
    alone = [c for c in claims if len(ctx.carriers.get(c.get("id"), [])) == 1]
    conflicts: dict = defaultdict(list)
    for f in findings:
        if f.get("status") == "conflict":
            for cid in _finding_claim_ids(f):
                conflicts[cid].append(f)
    out = ["<section id=\"single-source\">",
           f"<details{' open' if len(alone) <= 15 else ''}><summary><h2>Figures and facts only one source gives "
           f"({len(alone)})</h2></summary>"]
    if not alone:
        out.append("<p class=\"empty\">None: every claim is carried by at least two independent sources.</p>")
    else:
        out.append("<p class=\"legend\">No other independent source agrees with these or is compatible with "
                   "them (copies of one story count once); check them first.</p><ul class=\"single-source\">")
        by_article: dict = defaultdict(list)
        for c in alone[:MAX_SINGLE_SOURCE]:
            by_article[c.get("article")].append(c)
        for aid, chosen in by_article.items():
            out.append(f"<li><a href=\"#article-{_sid(aid)}\"><code>{_esc(aid)}</code></a><ul>")
            for c in chosen:
                disputed = "".join(f" (contradicted: <a href=\"#finding-{_sid(f.get('id'))}\">conflict</a>)"
                                   for f in conflicts.get(c.get("id"), []))
                out.append(f"<li class=\"single\">line {_esc(c.get('line'))} \u00b7 {_esc(c.get('attribute'))}: "
                           f"<b>{_esc(c.get('value'))}</b> \u2014 <a href=\"#claim-{_sid(c.get('id'))}\">"
                           f"\u201c{_esc(c.get('text'))}\u201d</a>{disputed}</li>")
            out.append("</ul></li>")
        out.append("</ul>")
        if len(alone) > MAX_SINGLE_SOURCE:
            out.append(f"<p class=\"legend\">The first {MAX_SINGLE_SOURCE:,} of {len(alone):,}; claims.csv gives "
                       "every claim's independent sources.</p>")
    out.append("</details></section>")
    return "\n".join(out)


def _corpus(articles, events, claims, findings) -> str:
    out = []
    # Articles table.
    claims_per_article = Counter(c.get("article") for c in claims)
    findings_per_article = Counter(a for f in findings for a in set(f.get("articles") or []))
    out.append(f"<section id=\"corpus\" style=\"contain-intrinsic-size: auto {60 + 30 * len(articles)}px\">"
               "<h2>Articles</h2>")
    out.append("<div class=\"scroll-x\"><table class=\"articles\"><thead><tr><th>id</th><th>date</th><th>outlet</th><th>title</th>"
               "<th>source</th><th>claims</th><th>findings</th></tr></thead><tbody>")
    for a in articles:
        aid = a.get("id")
        out.append(
            "<tr>"
            f"<td><a href=\"#article-{_sid(aid)}\"><code>{_esc(aid)}</code></a></td>"
            f"<td class=\"nowrap\">{_esc(a.get('date') or 'unknown')}</td>"
            f"<td class=\"outlet\">{_esc(a.get('outlet') or '')}</td>"
            f"<td>{_esc(a.get('title'))}</td>"
            f"<td class=\"source\">{_esc(a.get('source') or '')}</td>"
            f"<td class=\"num\">{claims_per_article.get(aid, 0)}</td>"
            f"<td class=\"num\">{findings_per_article.get(aid, 0)}</td>"
            "</tr>")
    out.append("</tbody></table></div></section>")

    # Timeline.
    out.append("<section id=\"timeline\"><h2>Timeline</h2>")
    out.append("<p class=\"legend\"><span class=\"key-event\"></span> event (label) "
               "<span class=\"key-article\"></span> article publication date \u2014 tap or hover a mark for "
               "details</p>")
    out.append(_timeline_svg(articles, events))
    out.append("</section>")

    # Counts: decisions are for discrepancies; agreements need none, so they are counted apart.
    by_status = Counter(f.get("status") for f in findings)
    by_decision = Counter(_decision(f) for f in findings)
    discrepancy_decisions = Counter(_decision(f) for f in findings if f.get("status") not in AGREEMENT_STATUSES)
    statuses = list(STATUS_ORDER) + sorted(str(s) for s in by_status if s not in STATUS_ORDER)
    decisions = list(DECISION_ORDER) + sorted(d for d in by_decision if d not in DECISION_ORDER)
    out.append("<section id=\"counts\" class=\"counts\"><div><h2>Findings by status</h2>"
               "<table class=\"count-table\" id=\"status-counts\"><tbody>")
    for s in statuses:
        out.append(f"<tr><td><span class=\"badge status-{_css_class(s)}\">{_esc(s)}</span></td>"
                   f"<td class=\"num\">{by_status.get(s, 0)}</td></tr>")
    out.append("</tbody></table></div><div><h2>Findings by review decision</h2>"
               "<table class=\"count-table\" id=\"decision-counts\"><thead><tr><th></th><th>discrepancies</th>"
               "<th>all findings</th></tr></thead><tbody>")
    for d in decisions:
        out.append(f"<tr><td><span class=\"decision decision-{_css_class(d)}\">{_esc(d)}</span></td>"
                   f"<td class=\"num\">{discrepancy_decisions.get(d, 0)}</td>"
                   f"<td class=\"num\">{by_decision.get(d, 0)}</td></tr>")
    out.append("</tbody></table></div></section>")
    return "\n".join(out)


def _layout_rows(items: list[dict], max_rows: int = 8, gap: float = 8.0) -> int:
    """Give each label item (x0, x1) a row so labels in one row do not overlap; returns the row count."""
    rows_end: list[float] = []
    for item in sorted(items, key=lambda i: (i["x0"], i["x1"])):
        for r, end in enumerate(rows_end):
            if item["x0"] > end + gap:
                item["row"] = r
                rows_end[r] = item["x1"]
                break
        else:
            if len(rows_end) < max_rows:
                item["row"] = len(rows_end)
                rows_end.append(item["x1"])
            else:
                r = min(range(len(rows_end)), key=lambda k: rows_end[k])
                item["row"] = r
                rows_end[r] = max(rows_end[r], item["x1"])
    return len(rows_end)


def _timeline_svg(articles, events) -> str:
    dated_events = [(e, _parse_date(e.get("date"))) for e in events]
    dated_articles = [(a, _parse_date(a.get("date"))) for a in articles]
    undated_events = [e for e, d in dated_events if d is None]
    undated_articles = [a for a, d in dated_articles if d is None]
    dated_events = [(e, d) for e, d in dated_events if d is not None]
    dated_articles = [(a, d) for a, d in dated_articles if d is not None]
    all_dates = [d for _, d in dated_events] + [d for _, d in dated_articles]

    extra = []
    if undated_events:
        extra.append("<p class=\"undated\">Undated events: " + ", ".join(
            f"{_esc(e.get('label') or e.get('id'))}" for e in undated_events) + "</p>")
    if undated_articles:
        extra.append("<p class=\"undated\">Articles with unknown date: " + ", ".join(
            f"<code>{_esc(a.get('id'))}</code>" for a in undated_articles) + "</p>")
    if not all_dates:
        return "<p class=\"empty\">No dated events or articles.</p>" + "".join(extra)

    width, left, right = 1000.0, 24.0, 24.0
    dmin, dmax = min(all_dates) - dt.timedelta(days=1), max(all_dates) + dt.timedelta(days=1)
    span = max((dmax - dmin).days, 1)
    if span < 6:  # a single day or a few: give the axis some room
        pad = (6 - span + 1) // 2
        dmin, dmax = dmin - dt.timedelta(days=pad), dmax + dt.timedelta(days=pad)
        span = (dmax - dmin).days
    plot = width - left - right

    def x_of(d: dt.date) -> float:
        return left + (d - dmin).days / span * plot

    char_w, ev_font, ar_font = 6.6, 12, 11

    # Event labels above the axis.
    ev_items = []
    for e, d in sorted(dated_events, key=lambda p: (p[1], str(p[0].get("label")))):
        label = _short(e.get("label") or e.get("id"), 48)
        w = len(label) * char_w
        x = x_of(d)
        if x + w <= width - 2:
            x0, x1, anchor = x - 6, x + w, "start"
        else:
            x0, x1, anchor = x - w, x + 6, "end"
        ev_items.append({"x": x, "x0": x0, "x1": x1, "anchor": anchor, "label": label, "event": e, "date": d})
    ev_rows = max(_layout_rows(ev_items), 1)

    # Article ticks below the axis: one tick per date, labelled with the ids published that day.
    by_date: dict[dt.date, list[dict]] = defaultdict(list)
    for a, d in dated_articles:
        by_date[d].append(a)
    ar_items = []
    for d in sorted(by_date):
        group = by_date[d]
        first = _short(group[0].get("id"), 18)
        label = first if len(group) == 1 else f"{first} +{len(group) - 1}"
        w = len(label) * char_w * ar_font / ev_font
        x = x_of(d)
        if x + w <= width - 2:
            x0, x1, anchor = x - 4, x + w, "start"
        else:
            x0, x1, anchor = x - w, x + 4, "end"
        ar_items.append({"x": x, "x0": x0, "x1": x1, "anchor": anchor, "label": label, "articles": group, "date": d})
    ar_rows = _layout_rows(ar_items) if ar_items else 0

    ev_row_h, ar_row_h = 18, 15
    axis_y = 12 + ev_rows * ev_row_h + 14
    date_label_y = axis_y + 16
    ar_top = date_label_y + 16
    height = ar_top + ar_rows * ar_row_h + 8

    out = [f"<svg id=\"timeline-svg\" class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" "
           f"viewBox=\"0 0 {width:.0f} {height:.0f}\" role=\"img\" aria-label=\"Timeline of events and article dates\">"]
    # Axis ticks.
    steps = (1, 2, 7, 14, 30, 61, 91, 182, 365)
    step = next((s for s in steps if span / s <= 12), 365 * max(1, span // (365 * 12) + 1))
    d = dmin
    prev_year = None
    while d <= dmax:
        x = x_of(d)
        label = d.strftime("%d %b").lstrip("0")
        if d.year != prev_year:
            label += f" {d.year}"
            prev_year = d.year
        out.append(f"<line class=\"grid\" x1=\"{x:.1f}\" y1=\"8\" x2=\"{x:.1f}\" y2=\"{axis_y + 4}\"/>")
        half = len(label) * 3.2
        anchor = "start" if x - half < 2 else ("end" if x + half > width - 2 else "middle")
        out.append(f"<text class=\"axis-label\" x=\"{x:.1f}\" y=\"{date_label_y}\" text-anchor=\"{anchor}\">"
                   f"{_esc(label)}</text>")
        d += dt.timedelta(days=step)
    out.append(f"<line class=\"axis\" x1=\"{left}\" y1=\"{axis_y}\" x2=\"{width - right}\" y2=\"{axis_y}\"/>")

    for item in ar_items:
        x, row = item["x"], item["row"]
        y = ar_top + row * ar_row_h + 10
        names = "; ".join(f"{a.get('id')} \u2014 {a.get('title') or ''}" for a in item["articles"])
        tip = f"{item['date'].isoformat()}: {len(item['articles'])} article(s): {names}"
        out.append(f"<g class=\"article-tick\"><title>{_esc(tip)}</title>"
                   f"<line x1=\"{x:.1f}\" y1=\"{axis_y - 5}\" x2=\"{x:.1f}\" y2=\"{axis_y + 5}\"/>"
                   f"<line class=\"stem\" x1=\"{x:.1f}\" y1=\"{axis_y + 5}\" x2=\"{x:.1f}\" y2=\"{y - 9}\"/>"
                   f"<text x=\"{x + (3 if item['anchor'] == 'start' else -3):.1f}\" y=\"{y}\" "
                   f"text-anchor=\"{item['anchor']}\">{_esc(item['label'])}</text></g>")

    for item in ev_items:
        x, row, e = item["x"], item["row"], item["event"]
        y = axis_y - 14 - row * ev_row_h
        tip = (f"{e.get('label') or e.get('id')} ({item['date'].isoformat()}"
               f"{', ' + str(e.get('location')) if e.get('location') else ''}); "
               f"articles: {', '.join(str(a) for a in (e.get('articles') or []))}")
        out.append(f"<g class=\"event-marker\" data-event=\"{_esc(e.get('id'))}\"><title>{_esc(tip)}</title>"
                   f"<line class=\"stem\" x1=\"{x:.1f}\" y1=\"{axis_y}\" x2=\"{x:.1f}\" y2=\"{y + 3}\"/>"
                   f"<circle cx=\"{x:.1f}\" cy=\"{axis_y}\" r=\"6\"/>"
                   f"<text x=\"{x + (4 if item['anchor'] == 'start' else -4):.1f}\" y=\"{y}\" "
                   f"text-anchor=\"{item['anchor']}\">{_esc(item['label'])}</text></g>")
    out.append("</svg>")
    return "".join(out) + "".join(extra)


# ---------------------------------------------------------------- agreement matrix


def _matrix(articles, findings, restrict: bool = False) -> str:
    ids = [a.get("id") for a in articles]
    known = set(ids)
    for f in findings if not restrict else ():  # articles that only appear in findings still get a row
        for aid in f.get("articles") or []:
            if aid not in known:
                ids.append(aid)
                known.add(aid)
    counts: dict[frozenset, Counter] = defaultdict(Counter)
    for f in findings:
        arts = sorted({str(a) for a in (f.get("articles") or []) if a is not None})
        for i in range(len(arts)):
            for j in range(i + 1, len(arts)):
                counts[frozenset((arts[i], arts[j]))][f.get("status")] += 1

    out = [f"<section id=\"matrix\" style=\"contain-intrinsic-size: auto {160 + 34 * len(ids)}px\">"
           "<h2>Source agreement</h2>",
           "<p class=\"legend\">Each cell counts the findings between two articles as "
           "<b>agree / compatible / conflict</b>; the colour is the conflict share "
           "(green: none, red: all). Tap or hover a cell for details.</p>",
           "<div class=\"scroll-x\"><table id=\"agreement-matrix\" class=\"matrix\"><thead><tr><th></th>"]
    for aid in ids:
        out.append(f"<th scope=\"col\" title=\"{_esc(aid)}\"><code>{_esc(_short(aid, 14))}</code></th>")
    out.append("</tr></thead><tbody>")
    for row in ids:
        out.append(f"<tr><th scope=\"row\" title=\"{_esc(row)}\"><code>{_esc(_short(row, 14))}</code></th>")
        for col in ids:
            if row == col:
                out.append("<td class=\"matrix-diag\">\u2014</td>")
                continue
            c = counts.get(frozenset((str(row), str(col))), Counter())
            agree, compatible, conflict = (c.get(s, 0) for s in MATRIX_STATUSES)
            total = agree + compatible + conflict
            others = {s: n for s, n in c.items() if s not in MATRIX_STATUSES and n}
            tip = f"{row} \u2194 {col}: {agree} agree, {compatible} compatible, {conflict} conflict"
            if others:
                tip += " (also " + ", ".join(f"{n} {s}" for s, n in sorted(others.items(), key=lambda p: str(p[0]))) + ")"
            if total:
                share = conflict / total
                lo, hi = (232, 245, 233), (211, 47, 47)
                rgb = tuple(round(lo[k] + (hi[k] - lo[k]) * share) for k in range(3))
                fg = "#fff" if share > 0.5 else "#1b1b1b"
                style = f"background-color: rgb({rgb[0]}, {rgb[1]}, {rgb[2]}); color: {fg}"
                cls = "matrix-cell"
            else:
                share = 0.0
                style = "background-color: #f4f4f4; color: #888"
                cls = "matrix-cell empty"
            out.append(f"<td class=\"{cls}\" style=\"{style}\" title=\"{_esc(tip)}\" data-agree=\"{agree}\" "
                       f"data-compatible=\"{compatible}\" data-conflict=\"{conflict}\" "
                       f"data-conflict-share=\"{share:.3f}\">{agree} / {compatible} / {conflict}</td>")
        out.append("</tr>")
    out.append("</tbody></table></div></section>")
    return "\n".join(out)


# ---------------------------------------------------------------- findings


def _findings_section(shown, findings, events, ctx: _Context, cards: dict, rest: list) -> str:
    """The filter bar and the cards of `shown` grouped by event; the counts in the filters are of every
    finding, and when some (`rest`) are in the data file, a place where the page adds them on demand."""
    groups: dict = defaultdict(list)
    for f in findings:
        groups[f.get("event")].append(f)
    event_order = {e.get("id"): i for i, e in enumerate(events)}

    def group_key(eid):
        worst = min(_status_rank(f.get("status")) for f in groups[eid])
        event = ctx.events_by_id.get(eid) or {}
        return (worst, eid is None, str(event.get("date") or "9999"), event_order.get(eid, 1 << 30), str(eid))

    ordered = sorted(groups, key=group_key)
    shown_groups: dict = defaultdict(list)
    for f in shown:
        shown_groups[f.get("event")].append(f)

    statuses = Counter(f.get("status") for f in findings)
    decisions = Counter(_decision(f) for f in findings)
    status_opts = [s for s in STATUS_ORDER] + sorted(str(s) for s in statuses if s not in STATUS_ORDER)
    decision_opts = list(DECISION_ORDER) + sorted(d for d in decisions if d not in DECISION_ORDER)

    out = ["<section id=\"findings\"><h2>Findings</h2>", "<div class=\"filters\" id=\"filters\">"]
    discrepancies = sum(1 for f in findings if f.get("status") not in AGREEMENT_STATUSES)
    out.append("<label>Status <select id=\"filter-status\">"
               f"<option value=\"{ALL}\">all ({len(findings)})</option>"
               f"<option value=\"{DISCREPANCY}\">discrepancies ({discrepancies})</option>")
    for s in status_opts:
        out.append(f"<option value=\"{_esc(s)}\">{_esc(s)} ({statuses.get(s, 0)})</option>")
    out.append("</select></label>")
    out.append("<label>Event <select id=\"filter-event\">"
               f"<option value=\"{ALL}\">all ({len(findings)})</option>")
    for eid in ordered:
        value = NO_EVENT if eid is None else eid
        out.append(f"<option value=\"{_esc(value)}\">{_esc(_short(ctx.event_label(eid), 60))} "
                   f"({len(groups[eid])})</option>")
    out.append("</select></label>")
    out.append("<label>Decision <select id=\"filter-decision\">"
               f"<option value=\"{ALL}\">all ({len(findings)})</option>")
    for d in decision_opts:
        out.append(f"<option value=\"{_esc(d)}\">{_esc(d)} ({decisions.get(d, 0)})</option>")
    out.append("</select></label>")
    out.append("<label>Search <input type=\"search\" id=\"search\" placeholder=\"quote, attribute, article\u2026\" "
               "autocomplete=\"off\"></label>")
    out.append("<button type=\"button\" id=\"filter-reset\">Reset</button>")
    if rest:
        out.append(f"<button type=\"button\" id=\"show-all\">Show all {len(findings):,}</button>")
    out.append(f"<span class=\"shown\"><span id=\"shown-count\">{len(shown)}</span> of "
               f"<span id=\"total-count\">{len(findings)}</span> findings shown</span>")
    out.append("</div>")
    if rest:
        rest_discrepancies = sum(1 for f in rest if f.get("status") not in AGREEMENT_STATUSES)
        what = (f"{rest_discrepancies:,} discrepancies and {len(rest) - rest_discrepancies:,} agreements"
                if rest_discrepancies else f"{len(rest):,} agreements")
        out.append(f"<p class=\"legend lazy-note\">This page holds the {len(shown):,} most severe findings; the other "
                   f"{len(rest):,} ({what}) are in <code>{DATA_FILE}</code> beside it, loaded when you press "
                   "<i>Show all</i>, choose a filter, search, or follow a link to one of them.</p>"
                   "<p class=\"lazy-status\" role=\"status\" hidden></p>")

    if not findings:
        out.append("<p class=\"empty\">No findings.</p>")
    for eid in ordered:
        if not shown_groups.get(eid):
            continue
        event = ctx.events_by_id.get(eid) or {}
        value = NO_EVENT if eid is None else eid
        details = []
        if event.get("date"):
            details.append(str(event["date"]))
        if event.get("location"):
            details.append(str(event["location"]))
        if event.get("articles"):
            details.append("articles: " + ", ".join(str(a) for a in event["articles"]))
        count = (f"{len(groups[eid])}" if len(shown_groups[eid]) == len(groups[eid])
                 else f"{len(shown_groups[eid])} of {len(groups[eid])} on this page")
        out.append(f"<section class=\"event-group\" data-event=\"{_esc(value)}\">"
                   f"<h3>{_esc(ctx.event_label(eid))} <span class=\"count\">({count})</span></h3>")
        if details:
            out.append(f"<p class=\"event-meta\">{_esc(_SEP.join(details))}</p>")
        for f in shown_groups[eid]:
            out.append(cards[id(f)])
        out.append("</section>")
    if rest:
        # Cards the page adds from the data file: one followed by a link, then those the filters match.
        out.append("<div id=\"opened-findings\"></div>"
                   "<h3 id=\"more-title\" hidden>More findings <span class=\"count\">(from "
                   f"<code>{DATA_FILE}</code>, most severe first)</span></h3><div id=\"more-findings\"></div>"
                   "<p><button type=\"button\" id=\"show-more\" hidden>Show more</button></p>")
    out.append("</section>")
    return "\n".join(out)


def _finding_html(f: dict, ctx: _Context) -> str:
    fid = f.get("id")
    status = f.get("status")
    decision = _decision(f)
    event_value = NO_EVENT if f.get("event") is None else f.get("event")
    quotes = {q.get("claim"): q for q in (f.get("quotes") or []) if isinstance(q, dict)}

    sides = _sides(f, quotes, ctx)
    rule = f.get("rule")
    rule_html = (f"<span class=\"rule\" title=\"{_esc(f'verify rules {rule}')} explains it\">rule "
                 f"<code>{_esc(rule)}</code></span> " if rule else "")
    discrepancy = "0" if status in AGREEMENT_STATUSES else "1"

    out = [f"<article class=\"finding status-{_css_class(status)}\" id=\"finding-{_sid(fid)}\" "
           f"data-status=\"{_esc(status)}\" data-discrepancy=\"{discrepancy}\" data-event=\"{_esc(event_value)}\" "
           f"data-decision=\"{_esc(decision)}\">",
           "<div class=\"finding-head\">"
           f"<span class=\"badge status-{_css_class(status)}\">{_esc(status)}</span> "
           f"<span class=\"attribute\">{_esc(f.get('attribute'))}</span> "
           f"<span class=\"decision decision-{_css_class(decision)}\">{_esc(decision)}</span> {rule_html}"
           f"<a class=\"permalink\" href=\"#finding-{_sid(fid)}\"><code>{_esc(fid)}</code></a></div>",
           "<div class=\"sides\">"]
    for side in sides:
        out.append(_side_html(side, quotes, ctx))
    out.append("</div>")
    out.append(f"<p class=\"explanation\">{_esc(f.get('explanation'))}</p>")
    if f.get("other_event") is not None:
        out.append(f"<p class=\"other-event\">Other event: {_esc(ctx.event_label(f.get('other_event')))}</p>")
    review = f.get("review")
    if isinstance(review, dict):
        out.append("<p class=\"review\">Review: "
                   f"<span class=\"decision decision-{_css_class(decision)}\">{_esc(decision)}</span>"
                   f"{' by ' + _esc(review.get('by')) if review.get('by') else ''}"
                   f"{' at ' + _esc(review.get('at')) if review.get('at') else ''}"
                   f"{': ' + _esc(review.get('note')) if review.get('note') else ''}</p>")
    else:
        out.append("<p class=\"review\">Review: <span class=\"decision decision-open\">open</span> "
                   "(no decision recorded)</p>")
    out.append("</article>")
    return "\n".join(out)


def _sides(f: dict, quotes: dict, ctx: _Context) -> list[list]:
    """The claim ids of each side compared; older payloads without `sides` get one side per article."""
    sides = [list(s or []) for s in (f.get("sides") or [])]
    if not sides:
        per_article: dict = defaultdict(list)
        for cid in f.get("claims") or []:
            per_article[(ctx.claims_by_id.get(cid) or quotes.get(cid) or {}).get("article")].append(cid)
        sides = list(per_article.values())
    return sides


def _side_html(side: list, quotes: dict, ctx: _Context) -> str:
    first = ctx.claims_by_id.get(side[0]) if side else None
    aid = (first or quotes.get(side[0] if side else None) or {}).get("article")
    article = ctx.articles_by_id.get(aid) or {}
    out = ["<div class=\"side\">",
           f"<div class=\"side-head\"><a href=\"#article-{_sid(aid)}\"><code>{_esc(aid)}</code></a>"
           f" <span class=\"date\">{_esc(article.get('date') or 'date unknown')}</span></div>"]
    if article.get("title"):
        out.append(f"<div class=\"side-title\">{_esc(article.get('title'))}</div>")
    for cid in side:
        claim = ctx.claims_by_id.get(cid) or {}
        quote = quotes.get(cid) or {}
        value = quote.get("value", claim.get("value"))
        line = quote.get("line", claim.get("line"))
        out.append("<div class=\"claim-quote\">"
                   f"<div class=\"value\">value: <b>{_esc(value)}</b></div>"
                   f"<blockquote class=\"quote\">{_quote_in_sentence(claim, quote, ctx)}</blockquote>"
                   f"<div class=\"where\">line {_esc(line if line is not None else '?')} \u00b7 "
                   f"<a href=\"#claim-{_sid(cid)}\">show in article</a></div></div>")
    carried = ctx.corroboration(side)
    if carried:
        out.append(f"<div class=\"carried\">carried by {_esc(carried)}</div>")
    out.append("</div>")
    return "\n".join(out)


def _quote_in_sentence(claim: dict, quote: dict, ctx: _Context) -> str:
    """The claim's sentence with the quote in <mark>, located by the claim's offsets when possible."""
    before, marked, after, cut = _quote_parts(claim, quote, ctx)
    if cut:
        return f"{_esc(before)} <span class=\"sep\">\u2026</span> <mark>{_esc(marked)}</mark>"
    return f"{_esc(before)}<mark>{_esc(marked)}</mark>{_esc(after)}"


def _quote_parts(claim: dict, quote: dict, ctx: _Context) -> tuple[str, str, str, bool]:
    """(text before the quote, the quote, text after it, cut): the quote in its sentence; `cut` when the
    quote was not found in the sentence and follows it after an ellipsis. Shared by page and data file."""
    qtext = claim.get("text", quote.get("text"))
    sentence = claim.get("sentence") or ""
    text = ctx.text_of(claim.get("article"))
    if _offsets_ok(claim, text):
        start, end = claim["start"], claim["end"]
        s = _find_sentence(text, sentence, start) if sentence else None
        if s is not None:
            stop = max(end, s + len(sentence))
            return text[s:start], text[start:end], text[end:stop], False
    qtext = "" if qtext is None else str(qtext)
    if qtext and sentence and qtext in sentence:
        i = sentence.index(qtext)
        return sentence[:i], qtext, sentence[i + len(qtext):], False
    if sentence:
        return sentence, qtext, "", True
    return "", qtext, "", False


def _find_sentence(text: str, sentence: str, start: int) -> int | None:
    """The offset of the occurrence of `sentence` in `text` that contains offset `start`."""
    i = text.find(sentence, max(0, start - len(sentence)))
    while i != -1 and i <= start:
        if start < i + len(sentence):
            return i
        i = text.find(sentence, i + 1)
    return None


# ---------------------------------------------------------------- articles


def _articles_section(articles, claims, ctx: _Context, lazy: bool = False) -> str:
    """Every article with its highlighted text; when `lazy`, the texts are in the data file and each is
    rendered when its article is opened."""
    per_article: dict = defaultdict(list)
    for c in claims:
        per_article[c.get("article")].append(c)
    out = ["<section id=\"articles\"><h2>Article texts</h2>",
           "<p class=\"legend\"><mark class=\"claim\">claim in a finding</mark> "
           "<mark class=\"claim no-finding\">claim without a finding</mark> "
           "<mark class=\"claim depth-2\">overlapping claims</mark> \u2014 text without a highlight is "
           "text the tool extracted nothing from. Click a highlight to go to its finding.</p>"]
    if lazy:
        out.append(f"<p class=\"legend lazy-note\">The texts are in <code>{DATA_FILE}</code> beside this page: "
                   "opening an article loads them.</p><p class=\"lazy-status\" role=\"status\" hidden></p>")
    for a in articles:
        aid = a.get("id")
        text = ctx.text_of(aid)
        mine = sorted(per_article.get(aid, []), key=lambda c: (c.get("start") or 0, -(c.get("end") or 0)))
        linked = sum(1 for c in mine if c.get("id") in ctx.claim_finding)
        lazy_attr = f" data-lazy=\"{_sid(aid)}\"" if lazy else ""
        out.append(f"<details class=\"article\" id=\"article-{_sid(aid)}\"{lazy_attr}>"
                   f"<summary><code>{_esc(aid)}</code> \u00b7 {_esc(a.get('date') or 'date unknown')} \u00b7 "
                   f"{_esc(a.get('title'))} <span class=\"count\">({len(mine)} claims, {linked} in findings)"
                   "</span></summary>")
        meta = []
        if a.get("path"):
            row = f" row {_esc(a.get('row'))}" if a.get("row") is not None else ""
            meta.append(f"file <code>{_esc(a.get('path'))}</code>{row}")
        if a.get("outlet"):
            meta.append(f"outlet {_esc(a.get('outlet'))}")
        if a.get("url"):
            meta.append(f"<code>{_esc(a.get('url'))}</code>")  # shown, not linked: the report makes no requests
        if a.get("text_file") and a.get("text_file") != a.get("path"):
            meta.append(f"text extracted from the {'page' if a.get('format') == 'html' else 'table row'}; "
                        f"offsets refer to <code>{_esc(a.get('text_file'))}</code>")
        if a.get("source"):
            meta.append(_esc(a.get("source")))
        if meta:
            out.append(f"<p class=\"article-meta\">{_SEP.join(meta)}</p>")
        if lazy:
            out.append("<div class=\"article-body\"></div>")
        elif text is None:
            out.append("<p class=\"warning\">The article text was not provided; its claims are listed "
                       "without context.</p><ul class=\"claim-list\">")
            for c in mine:
                out.append(_claim_list_item(c, ctx))
            out.append("</ul>")
        else:
            valid = [c for c in mine if _offsets_ok(c, text)]
            invalid = [c for c in mine if not _offsets_ok(c, text)]
            out.append(f"<div class=\"article-text\">{_highlight(text, valid, ctx)}</div>")
            if invalid:
                out.append(f"<p class=\"warning\">{len(invalid)} claim(s) whose offsets do not match this "
                           "text were not highlighted:</p><ul class=\"claim-list\">")
                for c in invalid:
                    out.append(_claim_list_item(c, ctx))
                out.append("</ul>")
        out.append("</details>")
    out.append("</section>")
    return "\n".join(out)


def _claim_list_item(c: dict, ctx: _Context) -> str:
    cid = c.get("id")
    link = ctx.claim_finding.get(cid)
    target = (f" \u00b7 <a href=\"#finding-{_sid(link)}\">finding</a>" if link else "")
    carried = ctx.corroboration([cid])
    return (f"<li id=\"claim-{_sid(cid)}\"><mark class=\"claim{'' if link else ' no-finding'}\">"
            f"{_esc(c.get('text'))}</mark> \u2014 {_esc(c.get('attribute'))}: {_esc(c.get('value'))}"
            f"{' (' + _esc(carried) + ')' if carried else ''}{target}</li>")


def _highlight(text: str, claims: list[dict], ctx: _Context) -> str:
    """The text with each claim's span in <mark>; overlapping claims are split into flat segments.

    Each segment covered by claims becomes one <mark> (inside one <a> to a finding of its innermost
    claim that has one), with the ids of all covering claims in data-claims and a depth class, so
    nothing nests and the markup stays valid.
    """
    if not claims:
        return _esc(text)
    out = []
    for seg in _segments(text, claims, ctx):
        out.extend(f"<span class=\"claim-anchor\" id=\"claim-{anchor}\"></span>" for anchor in seg["anchors"])
        if not seg["ids"]:
            out.append(_esc(seg["text"]))
            continue
        classes = ["claim"]
        if seg["target"] is None:
            classes.append("no-finding")
        if seg["depth"] > 1:
            classes.append(f"depth-{seg['depth']}")
        mark = (f"<mark class=\"{' '.join(classes)}\" data-claims=\"{_esc(seg['ids'])}\" title=\"{_esc(seg['tip'])}\">"
                f"{_esc(seg['text'])}</mark>")
        if seg["target"] is not None:
            mark = f"<a class=\"claim-link\" href=\"#finding-{_sid(seg['target'])}\">{mark}</a>"
        out.append(mark)
    return "".join(out)


def _segments(text: str, claims: list[dict], ctx: _Context) -> list[dict]:
    """Every boundary of every claim cuts the text into segments: each with its text, the safe ids of the
    claims starting there (anchors) and covering it (ids, innermost first), how deep they nest (at
    most 3), the finding of the innermost claim that has one (target), and the tooltip."""
    starts: dict[int, list[dict]] = defaultdict(list)
    bounds = {0, len(text)}
    for c in claims:
        starts[c["start"]].append(c)
        bounds.add(c["start"])
        bounds.add(c["end"])
    points = sorted(bounds)
    active: list[dict] = []
    out = []
    for a, b in zip(points, points[1:]):
        active = [c for c in active if c["end"] > a]
        anchors = []
        for c in starts.get(a, []):
            active.append(c)
            anchors.append(_sid(c.get("id")))
        if not active:
            out.append({"text": text[a:b], "anchors": anchors, "ids": "", "depth": 0, "target": None, "tip": ""})
            continue
        cover = sorted(active, key=lambda c: (c["end"] - c["start"], c["start"]))
        target = next((ctx.claim_finding[c.get("id")] for c in cover if c.get("id") in ctx.claim_finding), None)
        tip = "; ".join(
            f"{c.get('attribute')}: {c.get('value')}"
            + (f" ({ctx.claim_finding_count[c.get('id')]} finding(s)" if c.get("id") in ctx.claim_finding
               else " (no finding")
            + (f", {ctx.corroboration([c.get('id')])})" if ctx.corroboration([c.get("id")]) else ")")
            for c in cover)
        out.append({"text": text[a:b], "anchors": anchors, "ids": " ".join(_sid(c.get("id")) for c in cover),
                    "depth": min(len(cover), 3), "target": target, "tip": tip})
    return out


# ---------------------------------------------------------------- the data file


def _str(value) -> str:
    return "" if value is None else str(value)


def _data_file(findings: list, articles: list, claims: list, ctx: _Context) -> dict:
    """report-data.js for the findings and article texts that are not on the page: {"token", "text"}.

    Everything is prepared here (quotes cut into their sentences, highlight segments, tooltips, safe ids)
    so that the page's script only builds elements from strings. Findings refer to rows of a claims
    table and a table of articles, since one claim is in many findings:
      articles: {key: [id, safe id, date, title]}
      claims:   [[safe id, value, line, text before, quote, text after, cut], ...]
      findings: [{id, sid, status, disc, event, decision, attribute, rule, explanation, other, review,
                  sides: [[article key, [claim row, ...], carried by], ...]}, ...] (most severe first)
      events:   {event value: label}
      texts:    {safe article id: {segs: [[text] or [text, ids, depth, finding sid, tip, anchors]],
                                   missing: true when the text was not provided, broken: claims not
                                   highlighted: [[safe id, text, attribute, value, carried by, finding sid]]}}
    The token (a hash of the content) is also on the page, which refuses a data file from another run.
    """
    article_rows: dict[str, list] = {}
    claim_rows: list[list] = []
    claim_index: dict = {}
    event_labels: dict[str, str] = {}

    def article_key(aid) -> str:
        key = _str(aid)
        if key not in article_rows:
            article = ctx.articles_by_id.get(aid) or {}
            article_rows[key] = [key, _sid(aid), _str(article.get("date")) or "date unknown",
                                 _str(article.get("title"))]
        return key

    def claim_row(cid, quotes: dict) -> int:
        if cid not in claim_index:
            claim = ctx.claims_by_id.get(cid) or {}
            quote = quotes.get(cid) or {}
            line = quote.get("line", claim.get("line"))
            before, marked, after, cut = _quote_parts(claim, quote, ctx)
            claim_index[cid] = len(claim_rows)
            claim_rows.append([_sid(cid), _str(quote.get("value", claim.get("value"))),
                               "?" if line is None else str(line), before, marked, after, 1 if cut else 0])
        return claim_index[cid]

    def event_value(eid) -> str:
        value = NO_EVENT if eid is None else _str(eid)
        event_labels.setdefault(value, ctx.event_label(eid))
        return value

    finding_rows = []
    for f in findings:
        quotes = {q.get("claim"): q for q in (f.get("quotes") or []) if isinstance(q, dict)}
        sides = []
        for side in _sides(f, quotes, ctx):
            first = ctx.claims_by_id.get(side[0]) if side else None
            aid = (first or quotes.get(side[0] if side else None) or {}).get("article")
            sides.append([article_key(aid), [claim_row(cid, quotes) for cid in side], ctx.corroboration(side)])
        review = f.get("review")
        finding_rows.append({
            "id": _str(f.get("id")), "sid": _sid(f.get("id")), "status": _str(f.get("status")),
            "disc": 0 if f.get("status") in AGREEMENT_STATUSES else 1, "event": event_value(f.get("event")),
            "decision": _decision(f), "attribute": _str(f.get("attribute")), "rule": _str(f.get("rule")),
            "explanation": _str(f.get("explanation")),
            "other": None if f.get("other_event") is None else ctx.event_label(f.get("other_event")),
            "review": ([_str(review.get("by")), _str(review.get("at")), _str(review.get("note"))]
                       if isinstance(review, dict) else None),
            "sides": sides,
        })

    per_article: dict = defaultdict(list)
    for c in claims:
        per_article[c.get("article")].append(c)
    texts = {}
    for a in articles:
        aid = a.get("id")
        text = ctx.text_of(aid)
        mine = sorted(per_article.get(aid, []), key=lambda c: (c.get("start") or 0, -(c.get("end") or 0)))
        valid = [c for c in mine if _offsets_ok(c, text)]
        valid_ids = {id(c) for c in valid}
        broken = [[_sid(c.get("id")), _str(c.get("text")), _str(c.get("attribute")), _str(c.get("value")),
                   ctx.corroboration([c.get("id")]),
                   _sid(ctx.claim_finding[c.get("id")]) if c.get("id") in ctx.claim_finding else None]
                  for c in mine if id(c) not in valid_ids]
        entry: dict = {"broken": broken}
        if text is None:
            entry["missing"] = True
        else:
            entry["segs"] = [[seg["text"]] if not seg["ids"] else
                             [seg["text"], seg["ids"], seg["depth"],
                              None if seg["target"] is None else _sid(seg["target"]), seg["tip"], seg["anchors"]]
                             for seg in (_segments(text, valid, ctx) if valid else [{"text": text, "ids": ""}])]
        texts[_sid(aid)] = entry

    body = {"articles": article_rows, "claims": claim_rows, "findings": finding_rows, "events": event_labels,
            "texts": texts}
    encoded = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
    token = hashlib.sha256(encoded.encode("utf-8", "surrogatepass")).hexdigest()[:24]
    # JSON is a JavaScript expression; U+2028/U+2029 are escaped for engines older than ES2019.
    encoded = encoded.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    text = ("// verify: the parts of report.html it loads on demand (written with it; re-run verify report to "
            "update both).\n" + f"window.VERIFY_DATA = {{\"token\":\"{token}\",{encoded[1:]};\n")
    return {"token": token, "text": text}


# ---------------------------------------------------------------- warnings and stale reviews


def _extras(report: dict) -> str:
    out = []
    stale = report.get("stale_reviews") or []
    if stale:
        out.append(f"<section id=\"stale-reviews\"><h2>Stale review decisions ({len(stale)})</h2>"
                   "<p>Decisions whose finding no longer appears (kept, never deleted):</p><ul>")
        for item in stale:
            out.append(f"<li><code>{_esc(item)}</code></li>")
        out.append("</ul></section>")
    warnings = report.get("warnings") or []
    if warnings:
        out.append(f"<section id=\"warnings\"><h2>Warnings ({len(warnings)})</h2><ul>")
        for w in warnings:
            out.append(f"<li>{_esc(w)}</li>")
        out.append("</ul></section>")
    return "\n".join(out)


# ---------------------------------------------------------------- inline CSS and JS (constants)

_CSS = """
:root { --fg: #1b1b1b; --muted: #666; --line: #ddd; --bg: #fff; --soft: #f7f7f8; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg);
       background: var(--bg); margin: 0 auto; padding: 16px 24px 48px; max-width: 1280px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 24px 0 8px; }
h3 { font-size: 15px; margin: 18px 0 4px; }
code { font: 12px/1.3 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
[hidden] { display: none !important; }
.meta, .legend, .event-meta, .article-meta, .undated { color: var(--muted); margin: 2px 0 8px; }
table { border-collapse: collapse; }
table.articles { width: 100%; } table.articles th, table.articles td { border-bottom: 1px solid var(--line);
  padding: 4px 8px; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; } .nowrap { white-space: nowrap; }
td.source { color: var(--muted); font-size: 12px; }
.counts { display: flex; gap: 48px; flex-wrap: wrap; }
.count-table td, .count-table th { padding: 2px 10px 2px 0; }
.count-table th { font-weight: normal; color: var(--muted); text-align: right; }
svg.timeline { width: 100%; height: auto; background: var(--soft); border: 1px solid var(--line); border-radius: 6px; }
svg.timeline .axis { stroke: #444; stroke-width: 1.5; } svg.timeline .grid { stroke: #e3e3e3; }
svg.timeline .axis-label { font-size: 10px; fill: var(--muted); }
svg.timeline .event-marker circle { fill: #1565c0; stroke: #fff; stroke-width: 1.5; }
svg.timeline .event-marker text { font-size: 12px; fill: #0d47a1; font-weight: 600; }
svg.timeline .stem { stroke: #9aa; stroke-dasharray: 2 2; }
svg.timeline .article-tick line { stroke: #777; stroke-width: 1.5; }
svg.timeline .article-tick line.stem { stroke: #bbb; stroke-width: 1; }
svg.timeline .article-tick text { font-size: 11px; fill: #555; }
.key-event, .key-article { display: inline-block; vertical-align: middle; margin-left: 8px; }
.key-event { width: 10px; height: 10px; border-radius: 50%; background: #1565c0; }
.key-article { width: 2px; height: 12px; background: #777; }
table.matrix th, table.matrix td { border: 1px solid #fff; padding: 6px 8px; text-align: center; }
table.matrix thead th { font-weight: normal; }
table.matrix th[scope=row] { text-align: right; font-weight: normal; position: sticky; left: 0; z-index: 1;
  background: var(--bg); }
.matrix-cell { min-width: 84px; font-variant-numeric: tabular-nums; cursor: default; }
.matrix-diag { background: #fafafa; color: #bbb; }
.badge, .decision { display: inline-block; padding: 1px 7px; border-radius: 10px; font-size: 12px;
  font-weight: 600; color: #fff; background: #777; }
.status-conflict.badge { background: #c62828; } .status-different_scope.badge { background: #ef6c00; }
.status-update.badge { background: #1565c0; } .status-different_event.badge { background: #6a1b9a; }
.status-compatible.badge { background: #00897b; } .status-agree.badge { background: #2e7d32; }
.decision { background: #eceff1; color: #37474f; border: 1px solid #cfd8dc; font-weight: 500; }
.decision-confirmed { background: #ffebee; color: #b71c1c; border-color: #ef9a9a; }
.decision-dismissed { background: #eceff1; color: #455a64; }
.decision-explained { background: #e3f2fd; color: #0d47a1; border-color: #90caf9; }
.decision-open { background: #fff8e1; color: #8d6e00; border-color: #ffe082; }
/* An opaque bar above the cards (z-index over anything a card positions), so nothing shows through. */
.filters { position: sticky; top: 0; z-index: 10; background: var(--bg); display: flex;
  flex-wrap: wrap; gap: 8px 12px; align-items: center; padding: 8px 0; border-bottom: 1px solid var(--line);
  box-shadow: 0 6px 6px -6px rgba(0,0,0,.25); }
.filters label { display: flex; gap: 6px; align-items: center; min-width: 0; }
.filters select, .filters input { font: inherit; padding: 3px 6px; min-width: 0; max-width: 100%; }
.filters input { width: 220px; } .shown { margin-left: auto; color: var(--muted); }
.event-group > h3 .count { color: var(--muted); font-weight: normal; }
.finding { border: 1px solid var(--line); border-left: 5px solid #999; border-radius: 6px; padding: 8px 12px;
  margin: 10px 0; background: #fff; overflow-wrap: anywhere; scroll-margin-top: 9rem; }
.finding.status-conflict { border-left-color: #c62828; } .finding.status-different_scope { border-left-color: #ef6c00; }
.finding.status-update { border-left-color: #1565c0; } .finding.status-different_event { border-left-color: #6a1b9a; }
.finding.status-compatible { border-left-color: #00897b; } .finding.status-agree { border-left-color: #2e7d32; }
.finding:target { box-shadow: 0 0 0 3px #ffca28; }
/* Chromium lays out what is off screen only when it comes near: a large page opens in a fraction of
   the time. The sizes are estimates until then (the sections set theirs), remembered once known. */
.finding { content-visibility: auto; contain-intrinsic-size: auto 320px; }
details.article { content-visibility: auto; contain-intrinsic-size: auto 40px; }
#corpus, #matrix { content-visibility: auto; }
.finding-head { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.finding-head .attribute { font-weight: 600; } .permalink { margin-left: auto; color: var(--muted); }
.sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(300px, 100%), 1fr)); gap: 12px;
  margin: 8px 0; }
.carried, .rule { font-size: 12px; color: var(--muted); } .carried { margin-top: 4px; }
.side { background: var(--soft); border-radius: 6px; padding: 8px 10px; }
.side-head .date { color: var(--muted); margin-left: 6px; }
.side-title { font-size: 12px; color: var(--muted); margin: 2px 0 4px; }
.quote { margin: 4px 0; padding: 4px 8px; border-left: 3px solid #ccc; white-space: pre-line; background: #fff; }
.where { font-size: 12px; color: var(--muted); } .explanation { margin: 4px 0; }
.other-event, .review { margin: 2px 0; font-size: 13px; color: #444; }
mark { background: #fff176; padding: 0 1px; border-radius: 2px; }
mark.claim { background: #fff59d; padding: 0; border-radius: 0; } mark.claim.no-finding { background: #e0e0e0; outline: 1px dashed #999; }
mark.claim.depth-2 { background: #ffd54f; } mark.claim.depth-3 { background: #ffb300; }
a.claim-link { color: inherit; text-decoration: none; } a.claim-link:hover mark { outline: 2px solid #1565c0; }
details.article { border: 1px solid var(--line); border-radius: 6px; margin: 8px 0; padding: 6px 12px; }
details.article summary { cursor: pointer; } details.article summary .count { color: var(--muted); }
.article-text { white-space: pre-wrap; font: 13px/1.55 Georgia, "Times New Roman", serif; margin: 8px 0;
  padding: 10px; background: var(--soft); border-radius: 4px; overflow-wrap: anywhere; }
.warning { color: #8d6e00; } .empty { color: var(--muted); }
.meta, .summary, .single-source, .explanation, .review, .other-event { overflow-wrap: anywhere; }
.summary { border: 1px solid var(--line); border-radius: 6px; padding: 4px 14px 8px; background: var(--soft); }
.summary h2 { margin-top: 8px; } .summary .lead { font-size: 15px; }
.summary ol, .summary ul { padding-left: 22px; } .summary li { margin: 4px 0; }
.both-quotes q { quotes: "\\201c" "\\201d"; } .both-quotes mark { font-weight: 600; }
#single-source summary h2 { display: inline; font-size: 17px; }
#single-source details { margin: 16px 0; }
/* Wide tables scroll inside their own box, never the page. */
.scroll-x { overflow-x: auto; max-width: 100%; -webkit-overflow-scrolling: touch; }
.tip { position: fixed; left: 8px; right: 8px; bottom: 8px; z-index: 20; background: #263238; color: #fff;
  padding: 8px 12px; border-radius: 6px; font-size: 13px; box-shadow: 0 2px 8px rgba(0,0,0,.3);
  overflow-wrap: anywhere; max-width: 720px; margin: 0 auto; }
@media (max-width: 700px) {
  body { padding: 8px 10px 64px; }
  h1 { font-size: 19px; }
  .filters { gap: 6px 8px; font-size: 13px; }
  .filters label { flex: 1 1 45%; } .filters label select, .filters label input { flex: 1 1 auto; width: 0; }
  .shown { margin-left: 0; }
  .counts { gap: 12px; }
  .permalink { margin-left: 0; }
  .matrix-cell { min-width: 64px; }
}
"""

_SCRIPT = r"""
(function () {
  "use strict";
  var ALL = "__all__", DISCREPANCY = "__discrepancy__", PAGE = 200;
  // A constant, never a name read from the page: injected markup cannot make this script load a file.
  var DATA_FILE = "report-data.js";
  var MISSING = "report-data.js not found beside report.html; re-run verify report.";
  var STALE = "report-data.js beside report.html is from another run of verify; re-run verify report.";
  var findings = Array.prototype.slice.call(document.querySelectorAll(".finding"));
  var groups = Array.prototype.slice.call(document.querySelectorAll(".event-group"));
  var fStatus = document.getElementById("filter-status");
  var fEvent = document.getElementById("filter-event");
  var fDecision = document.getElementById("filter-decision");
  var search = document.getElementById("search");
  var shown = document.getElementById("shown-count");
  var reset = document.getElementById("filter-reset");
  var showAll = document.getElementById("show-all");
  var showMore = document.getElementById("show-more");
  var more = document.getElementById("more-findings");
  var moreTitle = document.getElementById("more-title");
  var opened = document.getElementById("opened-findings");
  var holder = document.getElementById("verify-data");  // there when part of the report is in DATA_FILE
  var token = holder ? holder.getAttribute("data-token") : null;
  var tip = document.getElementById("tip");
  if (!fStatus || !fEvent || !fDecision || !search || !shown) { return; }
  var texts = findings.map(function (el) { return (el.textContent || "").toLowerCase(); });

  // ---- the data file: loaded once, when the reader first needs it
  var data = null, loading = false, failure = null, waiting = [];

  function status(text, isError) {
    Array.prototype.forEach.call(document.querySelectorAll(".lazy-status"), function (p) {
      p.textContent = text;
      p.hidden = !text;
      p.classList.toggle("warning", !!isError);
    });
  }

  function withData(ready, failed) {
    if (data) { ready(); return; }
    if (!token) { return; }
    if (failure) { status(failure, true); if (failed) { failed(failure); } return; }
    if (waiting.some(function (w) { return w[0] === ready; })) { return; }
    waiting.push([ready, failed]);
    if (loading) { return; }
    loading = true;
    status("Loading " + DATA_FILE + "\u2026", false);
    var script = document.createElement("script");
    script.src = DATA_FILE;
    script.onload = function () {
      var d = window.VERIFY_DATA;
      finish(d && d.token === token ? null : STALE, d);
    };
    script.onerror = function () { finish(MISSING, null); };
    document.head.appendChild(script);
  }

  function finish(error, d) {
    loading = false;
    if (error) { failure = error; } else { data = prepare(d); }
    status(error || "", !!error);
    var calls = waiting;
    waiting = [];
    calls.forEach(function (w) {
      if (!error) { w[0](); } else if (w[1]) { w[1](error); }
    });
  }

  function prepare(d) {
    d.bySid = {};
    d.claimArticle = {};
    d.findings.forEach(function (f) { d.bySid[f.sid] = f; });
    Object.keys(d.texts).forEach(function (aid) {
      var t = d.texts[aid];
      (t.segs || []).forEach(function (seg) {
        (seg[5] || []).forEach(function (c) { d.claimArticle[c] = aid; });
      });
      t.broken.forEach(function (b) { d.claimArticle[b[0]] = aid; });
    });
    return d;
  }

  // ---- elements from the data file: strings only ever go in through textContent and setAttribute
  function safe(v) { return String(v).replace(/[^A-Za-z0-9_-]/g, "_"); }
  function cls(v) { return safe(v).slice(0, 40); }
  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function add(parent) {
    for (var i = 1; i < arguments.length; i++) {
      var c = arguments[i];
      parent.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return parent;
  }
  function link(href, child, className) {
    var a = add(el("a", className), child);
    a.setAttribute("href", href);
    return a;
  }

  function card(f) {
    var art = el("article", "finding status-" + cls(f.status));
    art.id = "finding-" + safe(f.sid);
    art.setAttribute("data-status", f.status);
    art.setAttribute("data-discrepancy", f.disc ? "1" : "0");
    art.setAttribute("data-event", f.event);
    art.setAttribute("data-decision", f.decision);
    var head = add(el("div", "finding-head"), el("span", "badge status-" + cls(f.status), f.status), " ",
                   el("span", "attribute", f.attribute), " ",
                   el("span", "decision decision-" + cls(f.decision), f.decision), " ");
    if (f.rule) {
      var rule = add(el("span", "rule", "rule "), el("code", null, f.rule));
      rule.setAttribute("title", "verify rules " + f.rule + " explains it");
      add(head, rule, " ");
    }
    add(head, link("#finding-" + safe(f.sid), el("code", null, f.id), "permalink"));
    // Not under an event heading like the cards on the page, so each says its event.
    add(art, head, el("p", "event-meta", "Event: " + (data.events[f.event] || f.event)));
    var sides = el("div", "sides");
    f.sides.forEach(function (side) { sides.appendChild(sideBox(side)); });
    add(art, sides, el("p", "explanation", f.explanation));
    if (f.other !== null) { add(art, el("p", "other-event", "Other event: " + f.other)); }
    var review = add(el("p", "review", "Review: "), el("span", "decision decision-" + cls(f.decision), f.decision));
    if (f.review) {
      add(review, (f.review[0] ? " by " + f.review[0] : "") + (f.review[1] ? " at " + f.review[1] : "") +
                  (f.review[2] ? ": " + f.review[2] : ""));
    } else {
      add(review, " (no decision recorded)");
    }
    return add(art, review);
  }

  function sideBox(side) {
    var article = data.articles[side[0]] || [side[0], safe(side[0]), "date unknown", ""];
    var box = el("div", "side");
    add(box, add(el("div", "side-head"), link("#article-" + safe(article[1]), el("code", null, article[0])), " ",
                 el("span", "date", article[2])));
    if (article[3]) { add(box, el("div", "side-title", article[3])); }
    side[1].forEach(function (i) {
      var c = data.claims[i];
      var quote = el("blockquote", "quote");
      if (c[6]) { add(quote, c[3], " ", el("span", "sep", "\u2026"), " ", el("mark", null, c[4])); }
      else { add(quote, c[3], el("mark", null, c[4]), c[5]); }
      add(box, add(el("div", "claim-quote"), add(el("div", "value", "value: "), el("b", null, c[1])), quote,
                   add(el("div", "where", "line " + c[2] + " \u00b7 "), link("#claim-" + safe(c[0]), "show in article"))));
    });
    if (side[2]) { add(box, el("div", "carried", "carried by " + side[2])); }
    return box;
  }

  // The words a card shows, for the search (built once per finding).
  function searchText(f) {
    if (f.words === undefined) {
      var parts = [f.status, f.attribute, f.decision, f.rule, f.id, data.events[f.event] || "", f.explanation,
                   f.other || ""].concat(f.review || []);
      f.sides.forEach(function (side) {
        parts = parts.concat(data.articles[side[0]] || [], [side[2]]);
        side[1].forEach(function (i) {
          var c = data.claims[i];
          parts.push(c[1], c[3] + c[4] + c[5], "line " + c[2]);
        });
      });
      f.words = parts.join(" ").toLowerCase();
    }
    return f.words;
  }

  function renderArticle(details) {
    var body = details.querySelector(".article-body");
    if (!body || details.getAttribute("data-rendered")) { return; }
    if (!data) {
      body.textContent = "";
      add(body, el("p", "empty", "Loading " + DATA_FILE + "\u2026"));
      withData(function () { renderArticle(details); },
               function (error) { body.textContent = ""; add(body, el("p", "warning", error)); });
      return;
    }
    details.setAttribute("data-rendered", "1");
    var t = data.texts[details.getAttribute("data-lazy")];
    body.textContent = "";
    if (!t) { add(body, el("p", "warning", DATA_FILE + " has no text for this article.")); return; }
    if (t.missing) {
      add(body, el("p", "warning", "The article text was not provided; its claims are listed without context."),
          claimList(t.broken));
      return;
    }
    var text = el("div", "article-text");
    t.segs.forEach(function (seg) {
      if (seg.length === 1) { text.appendChild(document.createTextNode(seg[0])); return; }
      seg[5].forEach(function (c) {
        var anchor = el("span", "claim-anchor");
        anchor.id = "claim-" + safe(c);
        text.appendChild(anchor);
      });
      var mark = el("mark", "claim" + (seg[3] === null ? " no-finding" : "") + (seg[2] > 1 ? " depth-" + seg[2] : ""),
                    seg[0]);
      mark.setAttribute("data-claims", seg[1]);
      mark.setAttribute("title", seg[4]);
      text.appendChild(seg[3] === null ? mark : link("#finding-" + safe(seg[3]), mark, "claim-link"));
    });
    add(body, text);
    if (t.broken.length) {
      add(body, el("p", "warning", t.broken.length + " claim(s) whose offsets do not match this text were not " +
                    "highlighted:"), claimList(t.broken));
    }
  }

  function claimList(items) {
    var list = el("ul", "claim-list");
    items.forEach(function (c) {
      var li = add(el("li"), el("mark", "claim" + (c[5] === null ? " no-finding" : ""), c[1]),
                   " \u2014 " + c[2] + ": " + c[3] + (c[4] ? " (" + c[4] + ")" : ""));
      li.id = "claim-" + safe(c[0]);
      if (c[5] !== null) { add(li, " \u00b7 ", link("#finding-" + safe(c[5]), "finding")); }
      list.appendChild(li);
    });
    return list;
  }

  // ---- filters: the cards on the page, then the findings of the data file that match
  var expanded = false, limit = PAGE, cards = {}, adopted = {};

  function query() {
    return {s: fStatus.value, e: fEvent.value, d: fDecision.value,
            words: search.value.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; })};
  }

  function matches(q, status, discrepancy, event, decision, text) {
    var ok = (q.s === ALL || (q.s === DISCREPANCY ? discrepancy : status === q.s)) &&
             (q.e === ALL || event === q.e) && (q.d === ALL || decision === q.d);
    for (var k = 0; ok && k < q.words.length; k++) {
      if (text.indexOf(q.words[k]) < 0) { ok = false; }
    }
    return ok;
  }

  function apply() {
    var q = query();
    var n = 0;
    findings.forEach(function (el, i) {
      var ok = matches(q, el.getAttribute("data-status"), el.getAttribute("data-discrepancy") === "1",
                       el.getAttribute("data-event"), el.getAttribute("data-decision"), texts[i]);
      el.hidden = !ok;
      if (ok) { n++; }
    });
    groups.forEach(function (g) { g.hidden = !g.querySelector(".finding:not([hidden])"); });
    if (more) { n += applyMore(q); }
    shown.textContent = String(n);
  }

  function applyMore(q) {
    var wanted = expanded || q.s !== ALL || q.e !== ALL || q.d !== ALL || q.words.length > 0;
    if (showAll) { showAll.hidden = wanted; }  // a filter or the search already brings in the data file
    more.textContent = "";  // the cards stay in `cards`, built once
    moreTitle.hidden = true;
    showMore.hidden = true;
    if (!wanted) { return 0; }
    if (!data) { withData(apply); return 0; }
    var hits = data.findings.filter(function (f) {
      return !adopted[f.sid] && matches(q, f.status, f.disc === 1, f.event, f.decision, q.words.length ? searchText(f) : "");
    });
    hits.slice(0, limit).forEach(function (f) { more.appendChild(cards[f.sid] || (cards[f.sid] = card(f))); });
    moreTitle.hidden = hits.length === 0;
    if (hits.length > limit) {
      showMore.hidden = false;
      showMore.textContent = "Show " + Math.min(PAGE, hits.length - limit) + " more (" + (hits.length - limit) +
                             " matching findings not shown yet)";
    }
    return Math.min(hits.length, limit);
  }

  function changed() { limit = PAGE; apply(); }

  function clearFilters() {
    fStatus.value = ALL; fEvent.value = ALL; fDecision.value = ALL; search.value = "";
    expanded = false;
    changed();
  }

  // A card from the data file that a link led to stays, with the cards on the page, whatever "Show all" says.
  function adopt(node) {
    var sid = node.id.slice(8);
    if (adopted[sid]) { return; }
    adopted[sid] = true;
    opened.appendChild(node);
    findings.push(node);
    texts.push((node.textContent || "").toLowerCase());
  }

  function fromData(id) {
    if (id.indexOf("finding-") === 0) {
      var f = data.bySid[id.slice(8)];
      if (!f || !opened) { return null; }
      var node = cards[f.sid] || (cards[f.sid] = card(f));
      adopt(node);
      return node;
    }
    var article = document.getElementById("article-" + (data.claimArticle[id.slice(6)] || ""));
    if (!article) { return null; }
    renderArticle(article);
    return document.getElementById(id);
  }

  function showTip(text) {
    if (tip) { tip.textContent = text; tip.hidden = false; }
  }

  function reveal() {
    var id = decodeURIComponent((window.location.hash || "").slice(1));
    if (!id) { return; }
    var target = document.getElementById(id);
    if (!target && token && /^(finding|claim)-/.test(id)) {
      if (!data) { withData(reveal, showTip); return; }
      target = fromData(id);
    }
    if (!target) { return; }
    var finding = target.closest ? target.closest(".finding") : null;
    if (finding && more && finding.parentNode === more) { adopt(finding); }
    if (finding && finding.hidden) { clearFilters(); }
    var node = target.parentElement;
    while (node) {
      if (node.tagName === "DETAILS") { node.open = true; }
      node = node.parentElement;
    }
    target.scrollIntoView({block: "center"});
  }

  // A tap shows what hovering shows: the title (or SVG <title>) of what was tapped, in a box at the bottom.
  function tipText(node) {
    for (; node && node !== document; node = node.parentNode) {
      if (node.nodeType !== 1) { continue; }
      if (node.id === "tip") { return null; }
      var own = node.querySelector ? node.querySelector(":scope > title") : null;
      if (own && own.textContent) { return own.textContent; }
      if (node.getAttribute("title")) { return node.getAttribute("title"); }
    }
    return null;
  }
  if (tip) {
    document.addEventListener("click", function (event) {
      var text = tipText(event.target);
      if (text) { tip.textContent = text; tip.hidden = false; } else { tip.hidden = true; }
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("details[data-lazy]"), function (d) {
    d.addEventListener("toggle", function () { if (d.open) { renderArticle(d); } });
  });
  [fStatus, fEvent, fDecision].forEach(function (el) { el.addEventListener("change", changed); });
  search.addEventListener("input", changed);
  if (reset) { reset.addEventListener("click", clearFilters); }
  if (showAll) { showAll.addEventListener("click", function () { expanded = true; changed(); }); }
  if (showMore) { showMore.addEventListener("click", function () { limit += PAGE; apply(); }); }
  window.addEventListener("hashchange", reveal);
  apply();
  reveal();
})();
"""
