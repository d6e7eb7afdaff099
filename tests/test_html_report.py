"""The HTML consistency report (verify/html_report.py): structure, escaping, offsets, and in a real browser.

The unit tests need nothing beyond the standard library. The browser tests need the `playwright` pip
package and the Debian Chromium at /usr/bin/chromium; they are skipped (saying how to install) when
either is missing. No browser is ever downloaded (`playwright install` is not used).
"""
from __future__ import annotations

import html
import json
import os
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from verify import html_report
from verify.html_report import DATA_FILE, STATUS_ORDER, _sid, render_html, render_html_files

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-quic"]

PHONE = {"width": 390, "height": 844}
XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"
XSS_BREAKOUT = '"><svg onload=alert(2)>'
XSS = f"{XSS_SCRIPT} {XSS_IMG} {XSS_BREAKOUT}"


# ---------------------------------------------------------------- a tiny DOM from html.parser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Node:
    def __init__(self, tag: str, attrs: dict, parent: Node | None):
        self.tag, self.attrs, self.parent, self.children = tag, attrs, parent, []

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self):
        for c in self.children:
            if isinstance(c, Node):
                yield c
                yield from c.iter()

    def find_all(self, tag: str | None = None, **attrs) -> list[Node]:
        out = []
        for n in self.iter():
            if tag is not None and n.tag != tag:
                continue
            if all((n.attrs.get(k.rstrip("_").replace("_", "-")) == v) if v is not True
                   else (k.rstrip("_").replace("_", "-") in n.attrs) for k, v in attrs.items()):
                out.append(n)
        return out

    def by_id(self, ident: str) -> Node | None:
        return next((n for n in self.iter() if n.attrs.get("id") == ident), None)

    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())


class TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: (v if v is not None else "") for k, v in attrs}, self.cur)
        self.cur.children.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Node(tag, {k: (v or "") for k, v in attrs}, self.cur))

    def handle_endtag(self, tag):
        node = self.cur
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.cur = node.parent

    def handle_data(self, data):
        self.cur.children.append(data)


def parse(page: str) -> Node:
    builder = TreeBuilder()
    builder.feed(page)
    builder.close()
    return builder.root


# ---------------------------------------------------------------- payloads


def seed_texts(report: dict) -> dict[str, str]:
    return {a["id"]: (SEEDS / f"{a['id']}.txt").read_text(encoding="utf-8-sig")
            for a in report["articles"] if (SEEDS / f"{a['id']}.txt").is_file()}


@pytest.fixture(scope="module")
def seeds_payload(seeds_report):
    from verify.report import to_json

    report = json.loads(json.dumps(to_json(seeds_report)))  # exactly what report.json holds
    return report, seed_texts(report)


def _claim(cid, article, text, quote, attribute, value, event, occurrence=0, **extra):
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    line = text.count("\n", 0, start) + 1
    sentence = next(s for s in re.split(r"(?<=[.!?])\s+", text.replace("\n", " ")) if quote in s)
    claim = {"id": cid, "article": article, "event": event, "attribute": attribute, "kind": attribute.split(":")[0],
             "subject": None, "value": value, "text": quote, "start": start, "end": start + len(quote),
             "line": line, "sentence": sentence, "speaker": None, "scope": "event", "hedge": "exact", "low": None,
             "high": None, "unit": None, "currency": None, "items": None, "date_low": None, "date_high": None}
    claim.update(extra)
    return claim


def _finding(fid, status, event, attribute, claims, explanation, review=None, other_event=None):
    return {"id": fid, "status": status, "event": event, "other_event": other_event, "attribute": attribute,
            "claims": [c["id"] for c in claims], "sides": [[c["id"]] for c in claims],
            "articles": sorted({c["article"] for c in claims}, key=[c["article"] for c in claims].index),
            "explanation": explanation,
            "quotes": [{"claim": c["id"], "article": c["article"], "text": c["text"], "value": c["value"],
                        "line": c["line"]} for c in claims],
            "review": review}


def small_payload():
    """Three articles with texts, one without; conflicts, an update, decisions, overlapping and broken claims."""
    texts = {
        "a": ("\ufeff date 2025-05-01 The council met in Lyon on 1 May.\n\n40 delegates attended the summit. "
              "Mayor Jane Roe said the budget is $3 million & rising."),
        "b": (" date 2025-05-02 The council met in Lyon on Thursday, 1 May.\n\n45 delegates attended the summit, "
              "a quagga of officials said. The budget is $3 million."),
        "c": (" date 2025-05-09 A week after the council met in Lyon, 41 delegates were counted. "
              "The budget is now $4 million, with 12 injured in a later protest."),
    }
    texts["a"] = texts["a"].lstrip("\ufeff")  # verify drops the BOM: offsets point into the decoded text
    a, b, c = texts["a"], texts["b"], texts["c"]
    claims = [
        _claim("a:c000", "a", a, "Lyon", "location", "Lyon", "e1"),
        _claim("a:c001", "a", a, "40 delegates", "count:delegate", "40", "e1"),
        _claim("a:c002", "a", a, "40 delegates attended the summit", "event:summit", "summit", "e1"),  # contains c001
        _claim("a:c003", "a", a, "delegates attended", "misc:x", "x", "e1"),  # crosses c001's end
        _claim("a:c004", "a", a, "$3 million & rising", "amount:budget", "3000000 USD", "e1"),
        _claim("a:c005", "a", a, "Jane Roe", "role:jane roe", "Mayor", "e1"),  # in no finding
        _claim("b:c000", "b", b, "Lyon", "location", "Lyon", "e1"),
        _claim("b:c001", "b", b, "45 delegates", "count:delegate", "45", "e1"),
        _claim("b:c002", "b", b, "$3 million", "amount:budget", "3000000 USD", "e1"),
        _claim("c:c000", "c", c, "41 delegates", "count:delegate", "41", "e1"),
        _claim("c:c001", "c", c, "$4 million", "amount:budget", "4000000 USD", "e2"),
        _claim("c:c002", "c", c, "12 injured", "count:injured", "12", "e2"),
    ]
    broken = dict(_claim("c:c003", "c", c, "Lyon", "location", "Lyon", "e1"))
    broken["start"] += 3  # offsets that do not match the text: listed, not highlighted
    broken["end"] += 3
    claims.append(broken)
    claims.append({**_claim("d:c000", "c", c, "Lyon", "location", "Lyon", "e1"), "id": "d:c000", "article": "d"})
    by = {x["id"]: x for x in claims}
    findings = [
        _finding("F00000000agree", "agree", "e1", "location", [by["a:c000"], by["b:c000"]],
                 "'Lyon' (a) and 'Lyon' (b) name the same place."),
        _finding("F000000conflict1", "conflict", "e1", "count:delegate", [by["a:c001"], by["b:c001"]],
                 "'40 delegates' (a) and '45 delegates' (b) cannot both be true: zebraword."),
        _finding("F000000conflict2", "conflict", "e1", "count:delegate", [by["a:c001"], by["c:c000"]],
                 "'40 delegates' (a) and '41 delegates' (c) cannot both be true.",
                 review={"decision": "dismissed", "note": "a typo <b>fixed</b> & checked", "by": "Ann",
                         "at": "2025-05-10T10:00:00+00:00"}),
        _finding("F0000000compat", "compatible", None, "amount:budget", [by["a:c004"], by["b:c002"]],
                 "'$3 million & rising' (a) and '$3 million' (b) admit a common value."),
        _finding("F000000000upd", "update", "e2", "amount:budget", [by["b:c002"], by["c:c001"]],
                 "The later report raises the budget.",
                 review={"decision": "explained", "note": "budget revised", "by": "Bo", "at": "2025-05-11"}),
        _finding("F00000diffevent", "different_event", "e2", "count:delegate", [by["c:c000"], by["b:c001"]],
                 "Different events.", other_event="e1"),
        _finding("F0000000nottext", "agree", "e1", "location", [by["d:c000"], by["b:c000"]],
                 "'Lyon' (d) and 'Lyon' (b) agree."),
    ]
    report = {
        "schema_version": 1, "tool_version": "0.1.0", "model": "m", "generated_at": "2025-05-12T00:00:00+00:00",
        "summary": {},
        "articles": [
            {"id": "a", "path": "x/a.txt", "date": "2025-05-01", "title": "Council meets in Lyon", "sha256": "",
             "source": "Source: Agence A"},
            {"id": "b", "path": "x/b.txt", "date": "2025-05-02", "title": "Lyon council: 45 delegates", "sha256": "",
             "source": None},
            {"id": "c", "path": "x/c.txt", "date": "2025-05-09", "title": "A week later", "sha256": "", "source": None},
            {"id": "d", "path": "x/d.txt", "date": None, "title": "No text here", "sha256": "", "source": None},
        ],
        "events": [
            {"id": "e1", "label": "meeting in Lyon, 2025-05-01", "type": "meeting", "date": "2025-05-01",
             "location": "Lyon", "articles": ["a", "b", "c"], "participants": []},
            {"id": "e2", "label": "protest in Lyon, 2025-05-08", "type": "protest", "date": "2025-05-08",
             "location": "Lyon", "articles": ["c"], "participants": []},
            {"id": "e3", "label": "undated thing", "type": "other", "date": None, "location": None,
             "articles": [], "participants": []},
        ],
        "claims": claims,
        "findings": findings,
        "stale_reviews": ["Fgone"],
        "warnings": ["x/e.txt: empty file"],
    }
    return report, {k: v for k, v in texts.items()}


def xss_payload():
    """Every string the page shows carries the payload; the article id itself is hostile too."""
    evil_id = 'e"><script>alert(3)</script>'
    text = f" date 2025-05-01 Breaking: {XSS} 30 people met in Lyon.\nSecond line {XSS}."
    c1 = _claim(f"{evil_id}:c0", evil_id, text, XSS_SCRIPT, f"count:{XSS}", XSS, "ev" + XSS)
    c2 = _claim(f"{evil_id}:c1", evil_id, text, "30 people", "count:people", "30", "ev" + XSS)
    c1["sentence"] = f"Breaking: {XSS} 30 people met in Lyon."
    other_text = f" date 2025-05-02 About 31 people met. {XSS}"
    c3 = _claim("o:c0", "o", other_text, "31 people", "count:people", "31", "ev" + XSS)
    findings = [
        _finding("F1" + XSS, "conflict", "ev" + XSS, f"count:{XSS}", [c2, c3], f"Explanation {XSS}",
                 review={"decision": "confirmed", "note": f"note {XSS}", "by": XSS, "at": XSS}),
        _finding("F2", XSS, "ev" + XSS, f"count:{XSS}", [c1, c3], f"Other {XSS}",
                 review={"decision": XSS, "note": XSS, "by": "x", "at": "y"}),
    ]
    report = {
        "schema_version": 1, "tool_version": XSS, "model": XSS, "generated_at": XSS, "summary": {},
        "articles": [
            {"id": evil_id, "path": XSS, "date": "2025-05-01", "title": f"Title {XSS}", "sha256": XSS,
             "source": f"Source: {XSS}"},
            {"id": "o", "path": "o.txt", "date": "2025-05-02", "title": f"Other {XSS}", "sha256": "", "source": None},
        ],
        "events": [{"id": "ev" + XSS, "label": f"Event {XSS}", "type": XSS, "date": "2025-05-01",
                    "location": XSS, "articles": [evil_id, "o"], "participants": [XSS]}],
        "claims": [c1, c2, c3],
        "findings": findings,
        "stale_reviews": [XSS],
        "warnings": [f"warning {XSS}"],
    }
    return report, {evil_id: text, "o": other_text}


def large_payload(n_articles: int = 1000, per_article: int = 7, n_findings: int = 21000):
    """A corpus the size of issue #13's 1,000 synthetic articles (about 7,000 claims and 21,000 findings, in
    the same proportions of statuses), generated without a model. Every 500th finding is a grouped one
    with three sides, `pairs` and `members`."""
    statuses = (["conflict"] * 11 + ["different_scope"] * 2 + ["update"] + ["different_event"] * 45
                + ["compatible"] * 6 + ["agree"] * 35)
    filler = "The talks went on late into the evening and resumed the next morning. " * 3
    articles, texts, claims = [], {}, {}
    for i in range(n_articles):
        aid = f"a{i:04d}_outlet-{i % 36}"
        parts, spans = [f" date 2024-{3 + i // 200:02d}-{1 + i % 28:02d}\n"], []
        for k in range(per_article):
            quote = f"{10 + (i * 7 + k) % 90} delegates"
            sentence = f"In session {k}, {quote} from City{i % 50} met to discuss item {k}."
            start = sum(len(x) for x in parts) + sentence.index(quote)
            spans.append((k, quote, sentence, start))
            parts.append(sentence + " " + filler + "\n")
        text = "".join(parts)
        texts[aid] = text
        event = f"ev{i // 5:03d}"
        for k, quote, sentence, start in spans:
            assert text[start:start + len(quote)] == quote
            claims[(i, k)] = {"id": f"{aid}:c{k:03d}", "article": aid, "event": event, "attribute": f"count:item {k}",
                              "kind": "count", "value": quote.split()[0], "text": quote, "start": start,
                              "end": start + len(quote), "line": text.count("\n", 0, start) + 1,
                              "sentence": sentence, "scope": "event", "hedge": "exact"}
        articles.append({"id": aid, "path": f"/corpus/{aid}.txt", "date": f"2024-{3 + i // 200:02d}-{1 + i % 28:02d}",
                         "title": f"Delegates meet in City{i % 50}, report {i}", "sha256": "", "source": None,
                         "outlet": f"Outlet {i % 36}"})
    events = [{"id": f"ev{e:03d}", "label": f"meeting in City{(e * 5) % 50}, event {e}", "type": "meeting",
               "date": f"2024-{3 + e // 40:02d}-{1 + (e * 5) % 28:02d}", "location": f"City{(e * 5) % 50}",
               "articles": [a["id"] for a in articles[e * 5:e * 5 + 5]], "participants": []}
              for e in range((n_articles + 4) // 5)]
    findings = []
    for j in range(n_findings):
        a, k = j % n_articles, j % per_article
        b = (a + 1 + j // n_articles) % n_articles
        group = [claims[(a, k)], claims[(b, k)]] + ([claims[((b + 1) % n_articles, k)]] if j % 500 == 0 else [])
        status = statuses[j % len(statuses)]
        f = _finding(f"F{j:06d}", status, group[0]["event"], group[0]["attribute"], group,
                     f"'{group[0]['text']}' ({group[0]['article']}) and '{group[1]['text']}' ({group[1]['article']}): "
                     f"{status} number {j}.", other_event=group[1]["event"] if status == "different_event" else None)
        if len(group) > 2:
            f["members"] = [f"F{j:06d}a", f"F{j:06d}b"]
            f["pairs"] = [{"id": f"F{j:06d}a", "sides": [0, 1], "rule": "r", "explanation": "one pair"},
                          {"id": f"F{j:06d}b", "sides": [1, 2], "rule": "r", "explanation": "another pair"}]
        findings.append(f)
    report = {"schema_version": 1, "tool_version": "0.1.0", "model": "m", "generated_at": "2025-01-01T00:00:00+00:00",
              "summary": {}, "articles": articles, "events": events, "claims": list(claims.values()),
              "findings": findings, "stale_reviews": [], "warnings": []}
    return report, texts


@pytest.fixture(scope="module")
def large_files():
    report, texts = large_payload()
    return report, texts, render_html_files(report, texts)


def read_data(data_js: str) -> dict:
    """The object report-data.js assigns to window.VERIFY_DATA."""
    body = data_js.split("window.VERIFY_DATA = ", 1)[1].strip()
    assert body.endswith(";")
    return json.loads(body[:-1])


# ---------------------------------------------------------------- unit tests

EXTERNAL = re.compile(r"""(?:\bsrc|\bhref|\baction|\bposter|\bdata)\s*=\s*["']?\s*(?:https?:)?//""", re.I)


def _assert_self_contained(page: str):
    assert not EXTERNAL.search(page), EXTERNAL.search(page).group(0)
    assert "<link" not in page.lower() and "@import" not in page and "url(" not in page
    doc = parse(page)
    for script in doc.find_all("script"):
        assert "src" not in script.attrs
    assert not doc.find_all("img") and not doc.find_all("iframe")
    csp = doc.find_all("meta", http_equiv="Content-Security-Policy")
    assert csp and "default-src 'none'" in csp[0].attrs["content"]


@pytest.mark.parametrize("payload", ["seeds", "small"])
def test_page_is_self_contained(payload, seeds_payload):
    report, texts = seeds_payload if payload == "seeds" else small_payload()
    _assert_self_contained(render_html(report, texts))


def test_script_is_pinned_by_the_csp(seeds_payload):
    import base64
    import hashlib
    page = render_html(*seeds_payload)
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    csp = parse(page).find_all("meta", http_equiv="Content-Security-Policy")[0].attrs["content"]
    assert f"script-src 'sha256-{digest}'" in csp


def test_seeds_titles_quotes_and_elements(seeds_payload):
    report, texts = seeds_payload
    page = render_html(report, texts)
    doc = parse(page)
    for article in report["articles"]:
        assert html.escape(article["title"], quote=True) in page
        assert doc.by_id(f"article-{_sid(article['id'])}") is not None
    for finding in report["findings"]:
        for quote in finding["quotes"]:
            assert html.escape(quote["text"], quote=True) in page
        assert html.escape(finding["explanation"], quote=True) in page
    for event in report["events"]:
        assert html.escape(event["label"], quote=True) in page

    matrix = doc.by_id("agreement-matrix")
    assert matrix is not None and matrix.tag == "table"
    n = len(report["articles"])
    assert len([td for td in matrix.iter() if "matrix-cell" in td.classes()]) == n * (n - 1)
    svg = doc.by_id("timeline-svg")
    assert svg is not None and svg.tag == "svg"
    markers = [g for g in svg.iter() if "event-marker" in g.classes()]
    assert len(markers) == sum(1 for e in report["events"] if e["date"])
    for ident in ("filter-status", "filter-event", "filter-decision"):
        assert doc.by_id(ident).tag == "select"
    assert doc.by_id("search").tag == "input"
    assert doc.by_id("shown-count").text() == str(len(report["findings"]))

    elements = [n for n in doc.iter() if "finding" in n.classes()]
    assert len(elements) == len(report["findings"])
    by_id = {f"finding-{_sid(f['id'])}": f for f in report["findings"]}
    for el in elements:
        f = by_id[el.attrs["id"]]
        assert el.attrs["data-status"] == f["status"]
        assert el.attrs["data-event"] == (f["event"] if f["event"] is not None else "__none__")
        assert el.attrs["data-decision"] == ((f.get("review") or {}).get("decision") or "open")
        assert el.find_all("mark"), "each quote is marked in its sentence"


def _claim_texts(doc: Node, article_id: str) -> tuple[str, dict[str, str]]:
    """The article's rendered text and, per claim id, the concatenated text of its highlight segments."""
    section = doc.by_id(f"article-{_sid(article_id)}")
    body = next(n for n in section.iter() if "article-text" in n.classes())
    pieces: dict[str, str] = {}
    for mark in body.find_all("mark"):
        for cid in mark.attrs.get("data-claims", "").split():
            pieces[cid] = pieces.get(cid, "") + mark.text()
    return body.text(), pieces


@pytest.mark.parametrize("payload", ["seeds", "small"])
def test_claim_highlights_are_the_exact_text_at_the_offsets(payload, seeds_payload):
    report, texts = seeds_payload if payload == "seeds" else small_payload()
    doc = parse(render_html(report, texts))
    highlighted = 0
    for article in report["articles"]:
        text = texts.get(article["id"])
        if text is None:
            continue
        shown, pieces = _claim_texts(doc, article["id"])
        assert shown == text, "the whole article text is shown, unaltered"
        for claim in report["claims"]:
            if claim["article"] != article["id"]:
                continue
            if text[claim["start"]:claim["end"]] != claim["text"]:
                assert _sid(claim["id"]) not in pieces
                continue
            assert pieces[_sid(claim["id"])] == text[claim["start"]:claim["end"]] == claim["text"]
            assert doc.by_id(f"claim-{_sid(claim['id'])}") is not None
            highlighted += 1
    assert highlighted >= (40 if payload == "seeds" else 10)


def test_highlights_link_to_a_finding_of_their_claim():
    report, texts = small_payload()
    doc = parse(render_html(report, texts))
    findings = {f"#finding-{_sid(f['id'])}": f for f in report["findings"]}
    links = [a for a in doc.find_all("a") if "claim-link" in a.classes()]
    assert links
    for link in links:
        finding = findings[link.attrs["href"]]
        claims = link.find_all("mark")[0].attrs["data-claims"].split()
        assert any(_sid(c) in claims for c in finding["claims"])
    # The most severe finding wins: a:c001 is in two conflicts and links to one of them.
    _, pieces = _claim_texts(doc, "a")
    assert pieces[_sid("a:c001")] == "40 delegates"
    marks = [m for m in doc.find_all("mark") if m.attrs.get("data-claims") == " ".join(
        _sid(c) for c in ("a:c001", "a:c002"))]
    assert marks and marks[0].parent.attrs["href"].startswith("#finding-F000000conflict")
    # A claim in no finding is highlighted but not linked; a broken one is listed, not highlighted.
    jane = [m for m in doc.find_all("mark") if m.attrs.get("data-claims") == _sid("a:c005")][0]
    assert "no-finding" in jane.classes() and jane.parent.tag != "a"
    assert doc.by_id(f"claim-{_sid('c:c003')}").tag == "li"
    assert "text was not provided" in doc.by_id("article-d").text()


def test_small_report_order_matrix_counts_and_decisions():
    report, texts = small_payload()
    page = render_html(report, texts)
    doc = parse(page)
    elements = [n for n in doc.iter() if "finding" in n.classes()]
    # Within each event group, conflicts first, then by the documented order.
    for group in [n for n in doc.iter() if "event-group" in n.classes()]:
        ranks = [STATUS_ORDER.index(n.attrs["data-status"]) for n in group.iter() if "finding" in n.classes()]
        assert ranks == sorted(ranks)
    first_group = next(n for n in doc.iter() if "event-group" in n.classes())
    assert first_group.attrs["data-event"] == "e1"
    assert {n.attrs["data-decision"] for n in elements} == {"open", "dismissed", "explained"}
    assert Counter(n.attrs["data-event"] for n in elements) == Counter({"e1": 4, "e2": 2, "__none__": 1})

    counts = {}
    matrix = doc.by_id("agreement-matrix")
    head = [th.attrs["title"] for th in matrix.find_all("th", scope="col")]
    for tr in matrix.find_all("tr")[1:]:
        row = tr.find_all("th")[0].attrs["title"]
        for col, td in zip(head, tr.find_all("td")):
            if row != col:
                counts[(row, col)] = td.text()
                assert td.text() == f"{td.attrs['data-agree']} / {td.attrs['data-compatible']} / " \
                                    f"{td.attrs['data-conflict']}"
                assert "title" in td.attrs and "style" in td.attrs
    assert counts[("a", "b")] == counts[("b", "a")] == "1 / 1 / 1"
    assert counts[("a", "c")] == "0 / 0 / 1"
    assert counts[("b", "c")] == "0 / 0 / 0"  # an update and a different_event: neither of the three
    assert counts[("b", "d")] == "1 / 0 / 0"
    assert "1 update" in [td for td in matrix.iter() if td.attrs.get("title", "").startswith("b \u2194 c")][0].attrs[
        "title"]

    # Header counts, review notes (escaped), stale reviews and warnings.
    status_table = doc.by_id("status-counts").text()
    assert "conflict2" in status_table.replace(" ", "").replace("\n", "")
    assert "a typo &lt;b&gt;fixed&lt;/b&gt; &amp; checked" in page
    assert doc.by_id("stale-reviews") is not None and "Fgone" in doc.by_id("stale-reviews").text()
    assert "x/e.txt: empty file" in doc.by_id("warnings").text()
    assert "undated thing" in page  # an undated event is listed under the timeline
    # The quote is marked inside its sentence.
    conflict = doc.by_id("finding-F000000conflict1")
    quotes = [n for n in conflict.iter() if "quote" in n.classes()]
    assert [q.find_all("mark")[0].text() for q in quotes] == ["40 delegates", "45 delegates"]
    assert quotes[0].text() == "40 delegates attended the summit."


def test_sanitized_ids():
    assert _sid("F90d6f2fb2b7b") == "F90d6f2fb2b7b"
    assert _sid("000_3a41-x") == "000_3a41-x"
    for hostile in ['a"><b', "a b", "a:c001", "", "é", "a/../b"]:
        assert re.fullmatch(r"[A-Za-z0-9_-]+", _sid(hostile))
    assert _sid("a b") != _sid("a_b") and _sid("a:b") != _sid("a;b")


def test_xss_payloads_are_escaped():
    report, texts = xss_payload()
    page = render_html(report, texts)
    body = page.split("<body>", 1)[1]
    for raw in (XSS_SCRIPT, XSS_IMG, XSS_BREAKOUT, "<script>alert(3)", "<svg onload"):
        assert raw not in page, raw
    for raw in (XSS_SCRIPT, XSS_IMG, XSS_BREAKOUT):
        assert html.escape(raw, quote=True) in body
    assert body.count("<script") == 1  # only the page's own script
    assert "<img" not in page and "<svg onload" not in page
    # "onerror=" only ever appears as escaped text right after "&lt;img src=x ".
    assert all(page[i - 14:i] == "&lt;img src=x " for i in (m.start() for m in re.finditer("onerror=", page)))
    doc = parse(page)
    for node in doc.iter():
        for name, value in node.attrs.items():
            assert not name.startswith("on"), (node.tag, name)
            if name in ("id", "href") and value.startswith(("#", "article-", "finding-", "claim-")):
                assert re.fullmatch(r"#?[A-Za-z0-9_-]+", value), value
    _assert_self_contained(page)
    # The script itself carries no data.
    script = re.findall(r"<script>(.*?)</script>", page, re.S)[0]
    assert "alert" not in script and "Lyon" not in script


def _order(doc: Node, *ids: str) -> list[int]:
    """Document positions of the elements with these ids."""
    position = {n.attrs.get("id"): i for i, n in enumerate(doc.iter()) if n.attrs.get("id")}
    return [position[i] for i in ids]


def test_page_opens_on_what_a_reviewer_must_know():
    report, texts = small_payload()
    doc = parse(render_html(report, texts))
    assert _order(doc, "summary", "single-source", "findings", "corpus", "matrix", "articles") == \
        sorted(_order(doc, "summary", "single-source", "findings", "corpus", "matrix", "articles"))
    summary = doc.by_id("summary")
    text = " ".join(summary.text().split())
    assert "1 open conflict: sources that cannot both be right" in text
    (item,) = [n for n in summary.iter() if "open-conflict" in n.classes()]
    assert item.attrs["data-finding"] == "F000000conflict1"
    assert [m.text() for m in item.find_all("mark")] == ["40 delegates", "45 delegates"]  # both quotes
    assert "cannot both be true: zebraword" in item.text()
    decided = next(n for n in summary.iter() if "decided-conflicts" in n.classes())
    assert "F000000conflict2" in decided.text() and "dismissed by Ann" in decided.text()
    away = [" ".join(n.text().split()) for n in summary.iter() if "explained-away" in n.classes()]
    assert [line.split(" \u00b7 ")[0] for line in away] == ["different event", "update"]
    assert "(open)" in away[0] and "(explained)" in away[1]
    assert "Open: 1 conflict, 2 discrepancies in all." in text
    assert "Open means no review decision yet; a discrepancy is any finding that is neither agree nor compatible" \
        in text


def test_seeds_page_says_no_open_conflict(seeds_payload):
    doc = parse(render_html(*seeds_payload))
    text = " ".join(doc.by_id("summary").text().split())
    payload = seeds_payload[0]
    explained = sum(f["status"] not in ("agree", "compatible", "conflict") for f in payload["findings"])
    assert explained and "No open conflict." in text and f"{explained} discrepancies explained away" in text
    assert not [n for n in doc.by_id("summary").iter() if "open-conflict" in n.classes()]


def test_each_claim_shows_its_independent_sources():
    report, texts = small_payload()  # no carried_by fields: the page counts them from the findings
    doc = parse(render_html(report, texts))
    agree = doc.by_id("finding-F00000000agree")
    carried = [" ".join(n.text().split()) for n in agree.iter() if "carried" in n.classes()]
    # b's Lyon also agrees with d's (another finding): every agreement it takes part in counts.
    assert carried == ["carried by 2 independent sources (a, b)", "carried by 3 independent sources (a, b, d)"]
    conflict = doc.by_id("finding-F000000conflict1")
    carried = [" ".join(n.text().split()) for n in conflict.iter() if "carried" in n.classes()]
    assert carried == ["carried by 1 source only (a)", "carried by 1 source only (b)"]
    single = " ".join(doc.by_id("single-source").text().split())
    assert "Figures and facts only one source gives" in single
    for quote in ("Jane Roe", "12 injured", "45 delegates"):
        assert f"\u201c{quote}\u201d" in single
    per_article = {}
    for item in doc.by_id("single-source").find_all("li"):
        link = item.find_all("a")[0]
        if link.attrs["href"].startswith("#article-"):
            per_article[link.text()] = [" ".join(n.text().split()) for n in item.find_all("li")]
    assert set(per_article) == {"a", "b", "c"}  # d's only claim agrees with b's
    assert not [line for line in per_article["a"] + per_article["b"] if "Lyon" in line]  # a's and b's Lyon agree
    assert [line for line in per_article["c"] if "Lyon" in line]  # c's Lyon is in no agreement
    # The article text's highlights say it too, on hover and on tap.
    jane = [m for m in doc.find_all("mark") if m.attrs.get("data-claims") == _sid("a:c005")][0]
    assert "1 source only (a)" in jane.attrs["title"]
    # From report.json, the page uses the counts verify wrote.
    report["claims"][0]["carried_by"] = ["a", "x", "y"]
    for claim in report["claims"][1:]:
        claim["carried_by"] = [claim["article"]]
    doc = parse(render_html(report, texts))
    assert "carried by 3 independent sources (a, x, y)" in " ".join(doc.by_id("finding-F00000000agree").text().split())


def test_rule_is_shown_on_a_finding_and_an_empty_rule_is_absent():
    report, texts = small_payload()
    for f in report["findings"]:
        f["rule"] = "count-intervals-disjoint" if f["id"] == "F000000conflict1" else ""
    doc = parse(render_html(report, texts))
    rules = [n for n in doc.iter() if "rule" in n.classes()]
    assert [n.find_all("code")[0].text() for n in rules] == ["count-intervals-disjoint"]
    assert rules[0].attrs["title"] == "verify rules count-intervals-disjoint explains it"
    assert doc.by_id("finding-F000000conflict1") in [a for a in doc.iter() if rules[0] in list(a.iter())]


def test_discrepancy_filter_counts_every_status_but_agree_and_compatible(seeds_payload):
    report, texts = seeds_payload
    doc = parse(render_html(report, texts))
    option = next(o for o in doc.by_id("filter-status").find_all("option") if o.attrs["value"] == "__discrepancy__")
    expected = sum(1 for f in report["findings"] if f["status"] not in ("agree", "compatible"))
    assert option.text() == f"discrepancies ({expected})"
    flagged = [n for n in doc.iter() if "finding" in n.classes() and n.attrs.get("data-discrepancy") == "1"]
    assert len(flagged) == expected


# ---------------------------------------------------------------- a large report: the page and its data file


def test_large_report_page_is_small_and_every_finding_is_on_it_or_in_the_data_file(large_files):
    report, texts, files = large_files
    page, data_js = files["report.html"], files[DATA_FILE]
    assert set(files) == {"report.html", DATA_FILE}
    assert len(page.encode("utf-8")) < 5_000_000, "issue #13: report.html under 5 MB on 1,000 articles"
    data = read_data(data_js)
    doc = parse(page)
    on_page = {n.attrs["id"] for n in doc.iter() if "finding" in n.classes()}
    in_data = [f["sid"] for f in data["findings"]]
    assert on_page and in_data and not on_page & set(in_data)
    # Every finding is reachable exactly once: a card on the page or a finding in the data file.
    assert sorted(on_page | {f"finding-{sid}" for sid in in_data}) == sorted(
        f"finding-{_sid(f['id'])}" for f in report["findings"])
    assert len(in_data) == len(set(in_data))
    # The page holds the most severe ones: every card on it is a discrepancy, conflicts first.
    statuses = {f"finding-{_sid(f['id'])}": f["status"] for f in report["findings"]}
    assert {statuses[i] for i in on_page} == {"conflict"}
    ranks = [0 if f["disc"] else 1 for f in data["findings"]]
    assert ranks == sorted(ranks), "the data file lists the other discrepancies before the agreements"
    # Each article is listed with its summary; its highlighted text is in the data file.
    lazy = [d for d in doc.find_all("details") if "article" in d.classes()]
    assert len(lazy) == len(report["articles"]) and all(d.attrs.get("data-lazy") for d in lazy)
    assert set(data["texts"]) == {_sid(a["id"]) for a in report["articles"]}
    for claim in report["claims"][:50]:
        segs = data["texts"][_sid(claim["article"])]["segs"]
        marked = "".join(seg[0] for seg in segs if len(seg) > 1 and _sid(claim["id"]) in seg[1].split())
        assert marked == claim["text"]
        assert "".join(seg[0] for seg in segs) == texts[claim["article"]]
    # The page is tied to this data file by its token, and the CSP lets only the page's script add it.
    token = doc.by_id("verify-data").attrs["data-token"]
    assert token == data["token"]
    csp = doc.find_all("meta", http_equiv="Content-Security-Policy")[0].attrs["content"]
    assert "'strict-dynamic'" in csp and "'self'" not in csp and "unsafe-eval" not in csp
    _assert_self_contained(page)
    # The filters count every finding, not only those on the page.
    option = next(o for o in doc.by_id("filter-status").find_all("option") if o.attrs["value"] == "__discrepancy__")
    discrepancies = sum(f["status"] not in ("agree", "compatible") for f in report["findings"])
    assert option.text() == f"discrepancies ({discrepancies})"
    assert doc.by_id("total-count").text() == str(len(report["findings"]))
    assert doc.by_id("shown-count").text() == str(len(on_page))


def test_large_report_summary_keeps_the_open_conflicts_on_top_and_stays_short(large_files):
    report, _, files = large_files
    doc = parse(files["report.html"])
    summary = doc.by_id("summary")
    conflicts = [n for n in summary.iter() if "open-conflict" in n.classes()]
    assert len(conflicts) == html_report.MAX_OPEN_CONFLICTS_SHOWN
    assert all(len(n.find_all("mark")) >= 2 for n in conflicts)
    away = [n for n in summary.iter() if "explained-away" in n.classes()]
    assert len(away) == html_report.MAX_EXPLAINED_AWAY_LISTED
    assert "more: filter the findings below by status" in summary.text()


def test_findings_with_any_number_of_sides_render_on_the_page_and_in_the_data_file(large_files):
    report, _, files = large_files
    grouped = [f for f in report["findings"] if len(f["sides"]) == 3]
    data = {f["sid"]: f for f in read_data(files[DATA_FILE])["findings"]}
    doc = parse(files["report.html"])
    cards = {n.attrs["id"]: n for n in doc.iter() if "finding" in n.classes()}
    for f in grouped:
        card = cards.get(f"finding-{_sid(f['id'])}")
        if card is not None:
            assert len([n for n in card.iter() if "side" in n.classes()]) == 3
        else:
            assert len(data[_sid(f["id"])]["sides"]) == 3
    report, texts = small_payload()
    f = report["findings"][1]  # a conflict, given a third side the way grouped findings carry it
    f["sides"].append(["c:c000"])
    f["claims"].append("c:c000")
    f["members"] = ["Fm1", "Fm2"]
    f["pairs"] = [{"id": "Fm1", "sides": [0, 1], "rule": "r", "explanation": "x"},
                  {"id": "Fm2", "sides": [0, 2], "rule": "r", "explanation": "y"}]
    card = parse(render_html(report, texts)).by_id("finding-F000000conflict1")
    assert [n.find_all("code")[0].text() for n in card.iter() if "side-head" in n.classes()] == ["a", "b", "c"]


def test_small_report_needs_no_data_file():
    report, texts = small_payload()
    files = render_html_files(report, texts)
    assert files["report.html"] == render_html(report, texts)
    data = read_data(files[DATA_FILE])  # written empty, so that no stale one is left beside the page
    assert data["findings"] == [] and data["texts"] == {}
    doc = parse(files["report.html"])
    assert doc.by_id("verify-data") is None and doc.by_id("show-all") is None
    assert "strict-dynamic" not in files["report.html"]
    assert all(not d.attrs.get("data-lazy") for d in doc.find_all("details"))


def test_data_file_holds_hostile_text_as_json_strings(monkeypatch):
    monkeypatch.setattr(html_report, "PAGE_FINDINGS_CHARS", 0)  # all but one finding, and every text, lazy
    monkeypatch.setattr(html_report, "PAGE_TEXT_CHARS", 0)
    report, texts = xss_payload()
    files = render_html_files(report, texts)
    page, data = files["report.html"], read_data(files[DATA_FILE])
    assert len(data["findings"]) == 1 and len(data["texts"]) == 2
    flat = json.dumps(data, ensure_ascii=False)
    assert XSS_SCRIPT in flat and XSS_IMG in flat  # kept as text: the page puts it in with textContent only
    for raw in (XSS_SCRIPT, XSS_IMG, XSS_BREAKOUT, "<svg onload"):
        assert raw not in page, raw
    assert all(re.fullmatch(r"[A-Za-z0-9_-]+", key) for key in data["texts"])
    assert all(re.fullmatch(r"[A-Za-z0-9_-]+", f["sid"]) for f in data["findings"])
    _assert_self_contained(page)
    # The script that renders the data carries no data, and never uses innerHTML or eval.
    script = re.findall(r"<script>(.*?)</script>", page, re.S)[0]
    assert "innerHTML" not in script and "eval(" not in script and "alert" not in script


# ---------------------------------------------------------------- browser tests


def _browser_unavailable() -> str | None:
    if not Path(CHROMIUM).exists():
        return ("Chromium not found at /usr/bin/chromium: install it with `apt-get install -y chromium` "
                "(and `.venv/bin/pip install playwright`; never `playwright install`)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return ("playwright is not installed: `.venv/bin/pip install playwright` "
                "(uses /usr/bin/chromium; never `playwright install`)")
    return None


@pytest.fixture(scope="module")
def browser():
    reason = _browser_unavailable()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the browser tests: {reason}")  # .ci/run installs Chromium
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    # launch() gives every run a fresh temporary profile, removed on close.
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Opened:
    def __init__(self, page, errors, requests, dialogs):
        self.page, self.errors, self.requests, self.dialogs = page, errors, requests, dialogs


@pytest.fixture
def open_page(browser, tmp_path):
    contexts = []

    def _open(report, texts, name="report.html", phone=False):
        path = tmp_path / name
        path.write_text(render_html(report, texts), encoding="utf-8")
        context = (browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True) if phone
                   else browser.new_context(viewport={"width": 1280, "height": 900}))
        contexts.append(context)
        errors, requests, dialogs = [], [], []
        page = context.new_page()
        page.on("console", lambda m: errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

        def route(r):
            if r.request.url.startswith("file://"):
                r.continue_()
            else:
                requests.append(r.request.url)
                r.abort()

        context.route("**/*", route)
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        return Opened(page, errors, requests, dialogs)

    yield _open
    for context in contexts:
        context.close()


def _visible(page) -> int:
    return page.locator(".finding:visible").count()


def test_browser_seeds_filters_search_matrix_and_screenshot(open_page, seeds_payload):
    report, texts = seeds_payload
    opened = open_page(report, texts)
    page = opened.page
    total = len(report["findings"])
    assert _visible(page) == total
    assert page.inner_text("#shown-count") == str(total)

    by_status = Counter(f["status"] for f in report["findings"])
    for status, expected in by_status.items():
        page.select_option("#filter-status", status)
        assert _visible(page) == expected
        assert page.inner_text("#shown-count") == str(expected)
        assert {page.locator(".finding:visible").nth(i).get_attribute("data-status")
                for i in range(expected)} == {status}
    page.select_option("#filter-status", "conflict")
    assert _visible(page) == by_status.get("conflict", 0)
    page.select_option("#filter-status", "__all__")
    assert _visible(page) == total

    event = next(f["event"] for f in report["findings"] if f["event"])
    page.select_option("#filter-event", event)
    assert _visible(page) == sum(1 for f in report["findings"] if f["event"] == event)
    page.select_option("#filter-event", "__all__")
    page.select_option("#filter-decision", "open")
    assert _visible(page) == sum(1 for f in report["findings"] if not (f.get("review") or {}).get("decision"))
    page.select_option("#filter-decision", "__all__")

    term = report["findings"][0]["attribute"]
    page.fill("#search", term)
    expected = page.evaluate(
        "t => Array.from(document.querySelectorAll('.finding'))"
        ".filter(e => e.textContent.toLowerCase().includes(t.toLowerCase())).length", term)
    assert 0 < expected < total
    assert _visible(page) == expected and page.inner_text("#shown-count") == str(expected)
    page.fill("#search", "no finding says zzqqxx")
    assert _visible(page) == 0 and page.inner_text("#shown-count") == "0"
    page.click("#filter-reset")
    assert _visible(page) == total

    matrix = page.locator("#agreement-matrix")
    assert matrix.is_visible()
    n = len(report["articles"])
    assert page.locator("#agreement-matrix td.matrix-cell").count() == n * (n - 1)
    assert page.locator("#timeline-svg").is_visible()

    # A claim highlight leads to its finding and reveals it even when the filters hide it.
    page.select_option("#filter-status", "different_event" if by_status.get("different_event") else "conflict")
    link = page.locator("#articles a.claim-link").first
    target = link.get_attribute("href")
    page.locator("#articles details").first.evaluate("d => d.open = true")
    page.evaluate("h => { location.hash = h; }", target)
    page.wait_for_function("h => location.hash === h", arg=target)
    page.wait_for_timeout(100)
    assert page.locator(target).is_visible()

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.click("#filter-reset")
    page.evaluate("window.scrollTo(0, 0)")
    height = min(page.evaluate("document.documentElement.scrollHeight"), 2500)
    page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True,
                    clip={"x": 0, "y": 0, "width": 1280, "height": height})
    assert (ARTIFACTS / "report.png").stat().st_size > 10_000
    assert opened.errors == [] and opened.requests == [] and opened.dialogs == []


def test_browser_small_report_filters(open_page):
    report, texts = small_payload()
    opened = open_page(report, texts)
    page = opened.page
    assert _visible(page) == 7
    page.select_option("#filter-status", "conflict")
    assert _visible(page) == 2 and page.inner_text("#shown-count") == "2"
    page.select_option("#filter-decision", "dismissed")
    assert _visible(page) == 1
    assert page.locator(".finding:visible").get_attribute("id") == "finding-F000000conflict2"
    page.select_option("#filter-status", "__all__")
    page.select_option("#filter-decision", "explained")
    assert _visible(page) == 1
    page.select_option("#filter-decision", "__all__")
    page.fill("#search", "ZEBRAWORD")
    assert _visible(page) == 1 and page.inner_text("#shown-count") == "1"
    page.fill("#search", "delegates  45")  # every word must match, in any order
    assert _visible(page) == page.evaluate(
        "Array.from(document.querySelectorAll('.finding')).filter(e => "
        "e.textContent.toLowerCase().includes('delegates') && e.textContent.includes('45')).length")
    # Event groups with nothing shown are hidden too.
    page.fill("#search", "")
    page.select_option("#filter-event", "e2")
    assert _visible(page) == 2
    assert page.locator(".event-group:visible").count() == 1
    assert opened.errors == [] and opened.requests == [] and opened.dialogs == []


def test_browser_xss_page_is_inert(open_page):
    report, texts = xss_payload()
    opened = open_page(report, texts, "xss.html")
    page = opened.page
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    page.wait_for_timeout(200)
    text = page.inner_text("body")
    assert XSS_SCRIPT in text and XSS_IMG in text and XSS_BREAKOUT in text
    assert page.locator("img").count() == 0
    assert page.locator("script").count() == 1
    assert page.locator("svg [onload]").count() == 0
    assert opened.dialogs == [], opened.dialogs
    # Filters still work on hostile values (the option value equals the attribute after parsing).
    page.select_option("#filter-status", "conflict")
    assert _visible(page) == 1
    page.select_option("#filter-status", XSS)
    assert _visible(page) == 1
    page.select_option("#filter-status", "__all__")
    page.select_option("#filter-event", "ev" + XSS)
    assert _visible(page) == 2
    assert opened.errors == [] and opened.requests == [] and opened.dialogs == []


def _no_sideways_scroll(page, within: str = "body") -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page scrolls sideways: {width} px wide"
    wide = page.evaluate("""within => Array.from(document.querySelectorAll(within + ' *')).filter(e => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.right > window.innerWidth + 1 && !e.closest('.scroll-x') && !e.closest('svg');
      }).map(e => e.tagName + '.' + e.className).slice(0, 5)""", within)
    assert wide == [], wide


@pytest.mark.parametrize("payload", ["seeds", "small", "xss"])
def test_browser_phone_width_never_scrolls_sideways(open_page, seeds_payload, payload):
    report, texts = {"seeds": lambda: seeds_payload, "small": small_payload, "xss": xss_payload}[payload]()
    opened = open_page(report, texts, f"{payload}.html", phone=True)
    page = opened.page
    _no_sideways_scroll(page)
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    _no_sideways_scroll(page)
    # The matrix scrolls inside its own box, which stays within the screen.
    box = page.locator("#agreement-matrix").locator("xpath=..")
    assert box.get_attribute("class") == "scroll-x"
    assert box.bounding_box()["x"] + box.bounding_box()["width"] <= PHONE["width"]
    assert opened.errors == [] and opened.requests == [] and opened.dialogs == []


def test_browser_phone_first_screen_names_the_open_conflicts(open_page):
    report, texts = small_payload()
    page = open_page(report, texts, phone=True).page
    item = page.locator("#summary li.open-conflict")
    assert item.count() == 1
    top = item.bounding_box()["y"]
    assert 0 <= top and top + 60 <= PHONE["height"], f"the open conflict starts at {top} px"
    assert item.locator("mark").all_inner_texts() == ["40 delegates", "45 delegates"]
    marks = item.locator("mark")
    assert all(marks.nth(i).bounding_box()["y"] < PHONE["height"] for i in range(2)), "both quotes on the first screen"
    # Its link leads to the finding's card.
    item.locator("a[href='#finding-F000000conflict1']").tap()
    page.wait_for_function("location.hash === '#finding-F000000conflict1'")
    assert page.locator("#finding-F000000conflict1").is_visible()


def test_browser_tap_shows_what_hover_shows(open_page, seeds_payload):
    report, texts = seeds_payload
    page = open_page(report, texts, phone=True).page
    tip = page.locator("#tip")
    assert not tip.is_visible()
    cell = page.locator("#agreement-matrix td.matrix-cell").nth(2)
    cell.scroll_into_view_if_needed()
    cell.tap()
    assert tip.is_visible() and tip.inner_text() == cell.get_attribute("title")
    marker = page.locator("#timeline-svg g.event-marker circle").first
    marker.scroll_into_view_if_needed()
    marker.tap()
    expected = page.locator("#timeline-svg g.event-marker title").first.text_content()
    assert tip.is_visible() and tip.inner_text() == expected
    page.locator("h1").tap()
    assert not tip.is_visible()


def test_browser_sticky_filter_bar_is_opaque_and_filters_work_on_a_phone(open_page, seeds_payload):
    report, texts = seeds_payload
    opened = open_page(report, texts, phone=True)
    page = opened.page
    bar = page.locator("#filters")
    colour = bar.evaluate("e => getComputedStyle(e).backgroundColor")
    assert re.fullmatch(r"rgb\(\d+, \d+, \d+\)", colour), f"the bar lets cards show through: {colour}"
    # Scrolled into the findings, the bar stays on top: every point of it is the bar, not a card.
    page.evaluate("document.querySelectorAll('.finding')[3].scrollIntoView({block: 'start'})")
    box = bar.bounding_box()
    assert box["y"] == 0 and box["width"] <= PHONE["width"]
    for x in range(int(box["x"]) + 2, int(box["x"] + box["width"]) - 2, 40):
        for y in (2, box["height"] / 2, box["height"] - 2):
            inside = page.evaluate("([x, y]) => !!document.elementFromPoint(x, y).closest('#filters')", [x, y])
            assert inside, (x, y)
    expected = sum(1 for f in report["findings"] if f["status"] not in ("agree", "compatible"))
    page.select_option("#filter-status", "__discrepancy__")
    assert _visible(page) == expected == int(page.inner_text("#shown-count"))
    page.select_option("#filter-decision", "open")
    assert _visible(page) == expected  # nothing decided yet: every discrepancy is open
    page.select_option("#filter-status", "agree")
    assert {page.locator(".finding:visible").nth(i).get_attribute("data-status") for i in range(_visible(page))} \
        == {"agree"}
    _no_sideways_scroll(page)
    assert opened.errors == [] and opened.requests == [] and opened.dialogs == []


# ---------------------------------------------------------------- browser: a large report and its data file


@pytest.fixture
def open_files(browser, tmp_path):
    """Write report.html (and report-data.js unless data is False, or the given text) in a folder and open it."""
    contexts = []

    def _open(files, folder="big", data=True, phone=False):
        where = tmp_path / folder
        where.mkdir()
        (where / "report.html").write_text(files["report.html"], encoding="utf-8")
        if data:
            (where / DATA_FILE).write_text(files[DATA_FILE] if data is True else data, encoding="utf-8")
        context = (browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True) if phone
                   else browser.new_context(viewport={"width": 1280, "height": 900}))
        contexts.append(context)
        errors, requests, dialogs = [], [], []
        page = context.new_page()
        page.on("console", lambda m: errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        context.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://")
                      else (requests.append(r.request.url), r.abort()))
        page.goto((where / "report.html").as_uri())
        page.wait_for_load_state("load")
        return Opened(page, errors, requests, dialogs)

    yield _open
    for context in contexts:
        context.close()


def _data_loaded(page) -> bool:
    return page.evaluate("typeof window.VERIFY_DATA === 'object'")


def test_browser_large_report_opens_on_the_discrepancies_and_loads_the_rest_on_demand(open_files, large_files):
    report, texts, files = large_files
    opened = open_files(files)
    page = opened.page
    # The first screen: the open conflicts, with both quotes; nothing loaded yet.
    first = page.locator("#summary li.open-conflict").first
    box = first.bounding_box()
    assert box["y"] + box["height"] <= 900, f"the first open conflict ends at {box['y'] + box['height']} px"
    assert first.locator("mark").count() >= 2  # every side's quote
    assert not _data_loaded(page)
    on_page = page.locator(".finding").count()
    assert int(page.inner_text("#shown-count")) == on_page < len(report["findings"])

    # An agreement that is not on the page: the status filter loads the data file and shows it.
    data = read_data(files[DATA_FILE])
    agreement = next(f for f in data["findings"] if f["status"] == "agree")
    assert page.locator(f"#finding-{agreement['sid']}").count() == 0
    page.select_option("#filter-status", "agree")
    page.wait_for_selector("#more-findings .finding")
    assert _data_loaded(page)
    cards = page.locator(".finding:visible")
    assert {cards.nth(i).get_attribute("data-status") for i in range(cards.count())} == {"agree"}
    assert cards.count() == int(page.inner_text("#shown-count")) == 200  # the first page of them
    assert page.locator("#show-more").is_visible()
    page.click("#show-more")
    assert page.locator(".finding:visible").count() == 400
    # The search reaches it too, and it reads like a card on the page (escaped quotes, marks, sides).
    page.fill("#search", agreement["id"])
    card = page.locator(f"#finding-{agreement['sid']}")
    assert card.is_visible() and page.inner_text("#shown-count") == "1"
    assert card.locator(".side").count() == len(agreement["sides"]) and card.locator("mark").count() >= 2
    # text_content: off screen, content-visibility leaves a card without layout, hence without innerText
    assert agreement["explanation"] in card.text_content()

    # A link to a finding in the data file shows it, whatever the filters.
    page.click("#filter-reset")
    assert page.locator("#more-findings .finding").count() == 0 and page.locator("#show-all").is_visible()
    other = data["findings"][-1]
    page.evaluate("h => { location.hash = h; }", f"#finding-{other['sid']}")
    page.wait_for_selector(f"#opened-findings #finding-{other['sid']}")
    assert page.locator(f"#finding-{other['sid']}").is_visible()

    # "Show all" lists the findings of the data file after those on the page.
    page.click("#show-all")
    assert not page.locator("#show-all").is_visible()
    assert page.locator("#more-findings .finding").count() == 200

    # Opening an article renders its text with the claims highlighted at their offsets.
    article = report["articles"][500]
    details = page.locator(f"#article-{_sid(article['id'])}")
    details.evaluate("d => { d.open = true; }")
    details.scroll_into_view_if_needed()
    page.wait_for_selector(f"#article-{_sid(article['id'])} .article-text")
    assert details.locator(".article-text").text_content() == texts[article["id"]]
    mine = [c for c in report["claims"] if c["article"] == article["id"]]
    marks = details.locator("mark.claim")
    assert sorted(marks.nth(i).text_content() for i in range(marks.count())) == sorted(c["text"] for c in mine)
    # A claim's "show in article" link opens its article.
    claim = next(c for c in report["claims"] if c["article"] == report["articles"][900]["id"])
    page.evaluate("h => { location.hash = h; }", f"#claim-{_sid(claim['id'])}")
    page.wait_for_function("() => document.querySelector('#article-" + _sid(claim["article"]) + "').open")
    assert page.locator(f"#claim-{_sid(claim['id'])}").count() == 1

    # No CSP violation, no request leaving the machine, no dialog: any of them would be a console error.
    assert opened.errors == [] and opened.requests == [] and opened.dialogs == []
    assert page.locator("script").count() == 2  # the page's own, and report-data.js


def test_browser_missing_or_stale_data_file_says_so(open_files, large_files):
    _, _, files = large_files
    opened = open_files(files, folder="missing", data=False)
    page = opened.page
    page.click("#show-all")
    status = page.locator("#findings .lazy-status")
    status.wait_for(state="visible")
    assert status.inner_text() == "report-data.js not found beside report.html; re-run verify report."
    page.locator("details.article").first.evaluate("d => { d.open = true; }")
    body = page.locator("details.article").first.locator(".article-body")
    assert body.text_content() == "report-data.js not found beside report.html; re-run verify report."
    assert [e for e in opened.errors if "ERR_FILE_NOT_FOUND" not in e] == []

    stale = open_files(files, folder="stale", data='window.VERIFY_DATA = {"token": "another run"};\n').page
    stale.select_option("#filter-status", "agree")
    status = stale.locator("#findings .lazy-status")
    status.wait_for(state="visible")
    assert "from another run of verify; re-run verify report" in status.inner_text()
    assert stale.locator("#more-findings .finding").count() == 0


def test_browser_hostile_text_from_the_data_file_is_inert(open_files, monkeypatch):
    monkeypatch.setattr(html_report, "PAGE_FINDINGS_CHARS", 0)
    monkeypatch.setattr(html_report, "PAGE_TEXT_CHARS", 0)
    report, texts = xss_payload()
    opened = open_files(render_html_files(report, texts), folder="xss")
    page = opened.page
    page.click("#show-all")
    page.wait_for_selector("#more-findings .finding")
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    page.wait_for_function("() => document.querySelectorAll('.article-text').length === 2")
    text = page.locator("#findings").text_content() + page.locator("#articles").text_content()
    assert XSS_SCRIPT in text and XSS_IMG in text and XSS_BREAKOUT in text
    assert page.locator("img").count() == 0 and page.locator("svg [onload]").count() == 0
    assert page.locator("script").count() == 2
    assert page.locator("#more-findings .finding").get_attribute("data-status") == XSS  # the hostile status
    assert opened.dialogs == [] and opened.errors == [] and opened.requests == []


def test_browser_large_report_phone_width(open_files, large_files):
    _, _, files = large_files
    opened = open_files(files, folder="phone", phone=True)
    page = opened.page
    # What the large page adds: the filter bar's button, the note, the cards from the data file; checking
    # every element of a 40,000-element page would lay out all of it.
    within = "#summary, #filters, #findings > .legend, #more-findings"
    _no_sideways_scroll(page, within)
    page.locator("#show-all").tap()
    page.wait_for_selector("#more-findings .finding")
    page.locator("#more-findings .finding").first.scroll_into_view_if_needed()
    _no_sideways_scroll(page, within)
    assert opened.errors == [] and opened.requests == [] and opened.dialogs == []
