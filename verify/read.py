"""Stage 1, read articles: files in, `Article` records out (text, date, title, segments).

Adds: the decoded text every later offset points into, the publication date from the
` date YYYY-MM-DD` line, the title, and sentence segments tagged with their role, so
that news-site clutter (labels, bylines, tag lines, calls to action) is never mined.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import unicodedata
from pathlib import Path

from rapidfuzz import fuzz

from .lexicon.en import ABBREVIATIONS_BEFORE_PERIOD, CORRECTION_LABELS, LABEL_ROLES
from .records import Article, Segment

ARTICLE_SUFFIXES = (".txt", ".md")
MAX_ARTICLE_BYTES = 5_000_000  # larger files are almost surely not single news articles
MAX_SENTENCE_CHARS = 5_000  # a "sentence" longer than this is not prose (minified data, a pasted table)
NEAR_COPY = 90  # rapidfuzz ratio of two articles' normalised texts above which one is a copy of the other
MIN_COPY_CHARS = 400  # below this length only identical texts count as copies

DATE_LINE = re.compile(r"^[ \t\ufeff]*date[ \t]+(\S+)[ \t]*")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
LABEL = re.compile(r"(?P<label>[A-Z][A-Za-z ]{1,20}):[ \t]*")
CLOCK_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")
BULLET = re.compile(r"^[ \t]*(?:[•·▪‣◦*-]|\d+[.)])[ \t]+")
SENTENCE_END = re.compile(r"[.!?…][\"'”’»)]*$")
# A sentence ends at . ! ? followed by space and an upper-case letter, digit or quote.
SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[\"'”’»)]*\s+(?=[\"'“‘«(]?[A-Z0-9À-Þ])")
ABBREVIATIONS = re.compile(r"(?:\b(?:" + "|".join(ABBREVIATIONS_BEFORE_PERIOD) + r")|\b[A-Z])\.$")


class ArticleError(Exception):
    """An article file that cannot be read as text; the message names the problem."""


def collect_paths(paths: list[str]) -> tuple[list[Path], list[str]]:
    """Article files under the given files and folders (recursive), sorted, with warnings."""
    found: dict[str, Path] = {}
    warnings: list[str] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            warnings.append(f"{raw}: no such file or directory")
            continue
        if path.is_file():
            if path.suffix.lower() in ARTICLE_SUFFIXES:
                found[str(path)] = path
            else:
                warnings.append(f"{raw}: not a .txt or .md file, skipped")
            continue
        before = len(found)
        # os.walk without followlinks cannot loop on a symlink cycle.
        for folder, dirs, files in os.walk(path):
            dirs.sort()
            for name in sorted(files):
                candidate = Path(folder) / name
                if candidate.suffix.lower() in ARTICLE_SUFFIXES and not name.startswith("."):
                    found[str(candidate)] = candidate
        if len(found) == before:
            warnings.append(f"{raw}: no .txt or .md articles in this folder")
    return sorted(found.values(), key=lambda p: (p.stem, str(p))), warnings


def decode(data: bytes, name: str) -> tuple[str, list[str]]:
    """Bytes to text: UTF-8 (BOM dropped), else cp1252, refusing binary files."""
    if b"\x00" in data[:65536]:
        raise ArticleError(f"{name}: binary file (NUL bytes), not an article")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), [f"{name}: not UTF-8, read as Windows-1252"]
    except UnicodeDecodeError:
        return data.decode("latin-1"), [f"{name}: not UTF-8, read as Latin-1"]


def read_article(path: Path) -> Article:
    """Read one article file; raises ArticleError when it cannot be used at all."""
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"{name}: cannot read ({exc.strerror or exc})") from exc
    if len(data) > MAX_ARTICLE_BYTES:
        raise ArticleError(f"{name}: {len(data):,} bytes is larger than an article ({MAX_ARTICLE_BYTES:,} max)")
    text, warnings = decode(data, name)
    if not text.strip():
        raise ArticleError(f"{name}: empty file")
    date, body_start, date_warning = parse_date_line(text)
    if date_warning:
        warnings.append(f"{name}: {date_warning}")
    if date is not None and date > dt.date.today() + dt.timedelta(days=1):
        warnings.append(f"{name}: date line {date.isoformat()} is in the future; relative dates are resolved against it")
    segments = segment(text, body_start)
    overlong = [f"line {seg.line} has {seg.end - seg.start:,} characters without a sentence break"
                for seg in segments if seg.role == "overlong"]
    if not any(s.role in ("body", "list_item") for s in segments):
        if overlong:
            raise ArticleError(f"{name}: {overlong[0]}; not prose, nothing to mine")
        raise ArticleError(f"{name}: no article text after the date line")
    warnings.extend(f"{name}: {problem}; that part is not mined for claims" for problem in overlong)
    return Article(
        id=path.stem,
        path=name,
        text=text,
        date=date,
        title=title_of(segments),
        sha256=hashlib.sha256(data).hexdigest(),
        segments=segments,
        attribution=next((s.text for s in segments if s.role == "attribution"), None),
        warnings=warnings,
    )


def parse_date_line(text: str) -> tuple[dt.date | None, int, str | None]:
    """The publication date, where the first paragraph starts, and a warning if any."""
    match = DATE_LINE.match(text)
    if not match:
        return None, 0, "no ' date YYYY-MM-DD' first line: publication date unknown, relative dates unresolved"
    raw = match.group(1)
    if not ISO_DATE.match(raw):
        return None, match.end(), f"date line '{raw}' is not YYYY-MM-DD: publication date unknown"
    try:
        date = dt.date.fromisoformat(raw)
    except ValueError:
        return None, match.end(), f"date line '{raw}' is not a real calendar date: publication date unknown"
    return date, match.end(), None


def segment(text: str, body_start: int) -> list[Segment]:
    """Split the text into role-tagged sentence segments with exact offsets."""
    segments: list[Segment] = []
    section = "main"
    after_colon = False  # the previous body line announced a list
    seen_body = False
    paragraph = -1
    for line_no, line_start, line_end in _lines(text, body_start):
        line = text[line_start:line_end]
        stripped = line.strip()
        if not stripped:
            continue
        paragraph += 1
        lead = len(line) - len(line.lstrip())
        start = line_start + lead
        end = line_start + len(line.rstrip())
        role = "body"
        label = LABEL.match(text, start, end)
        if label and label.group("label").strip().lower() in LABEL_ROLES:
            name = label.group("label").strip().lower()
            role = LABEL_ROLES[name]
            if name in ("background", "context"):
                section = "background"
            elif name in CORRECTION_LABELS:
                section = "correction"
            if role == "body":
                start = label.end()
                if start >= end:
                    after_colon = False
                    continue
        if role == "body":
            content = text[start:end]
            bullet = BULLET.match(content)
            if bullet:
                start += bullet.end()
                content = text[start:end]
            role = _line_role(content, after_colon, seen_body, bool(bullet))
        if role == "body":
            seen_body = True
            after_colon = text[start:end].rstrip().endswith(":")
            for s_start, s_end in split_sentences(text, start, end):
                kind = "overlong" if s_end - s_start > MAX_SENTENCE_CHARS else role
                segments.append(Segment(s_start, s_end, text[s_start:s_end], line_of(text, s_start), paragraph, kind,
                                        section))
            continue
        if role != "list_item":
            after_colon = False
        segments.append(Segment(start, end, text[start:end], line_no, paragraph, role, section))
    return segments


def _line_role(content: str, after_colon: bool, seen_body: bool, bulleted: bool) -> str:
    if len(content) > MAX_SENTENCE_CHARS and not SENTENCE_BREAK.search(content, 0, MAX_SENTENCE_CHARS):
        return "body"  # split_sentences marks it overlong, so the reader can say why it is not mined
    words = content.split()
    if CLOCK_TIME.search(content) and len(words) <= 14 and not SENTENCE_END.search(content):
        return "clutter"  # byline or timestamp: "Jane Doe, Thursday, 27 March 2025, 13:15"
    if content.endswith("!") and len(words) <= 10:
        return "clutter"  # call to action: "Support ... on Patreon!"
    if "Photo:" in content or "Photo by" in content:
        return "clutter"
    if SENTENCE_END.search(content) or content.endswith(":") or bulleted:
        return "body"
    if after_colon:
        return "list_item"
    if len(words) >= 5 and not seen_body:
        return "title"
    if len(words) >= 12:
        return "body"  # a long line without a full stop is still prose
    return "clutter"  # section names, tag lines, captions


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    cursor = start
    for match in SENTENCE_BREAK.finditer(text, start, end):
        head = text[cursor:match.start()]
        if ABBREVIATIONS.search(head.rstrip("\"'”’»)")):
            continue
        spans.append((cursor, match.start() + len(text[match.start():match.end()].rstrip())))
        cursor = match.end()
    if cursor < end:
        spans.append((cursor, end))
    # Trim trailing spaces each span may carry.
    return [(s, s + len(text[s:e].rstrip())) for s, e in spans if text[s:e].strip()]


def title_of(segments: list[Segment]) -> str:
    for seg in segments:
        if seg.role == "title":
            return seg.text
    for seg in segments:
        if seg.role == "body":
            return seg.text if len(seg.text) <= 120 else seg.text[:117].rstrip() + "..."
    return ""


def _lines(text: str, body_start: int):
    """(line number, start, end) for each line; line 1 starts after the date prefix."""
    line_no = 1
    pos = 0
    for match in re.finditer(r"\r\n|\r|\n", text):
        yield line_no, max(pos, body_start) if line_no == 1 else pos, match.start()
        pos = match.end()
        line_no += 1
    yield line_no, max(pos, body_start) if line_no == 1 else pos, len(text)


def line_of(text: str, offset: int) -> int:
    # \r\n counts once, a lone \r counts as a line break too.
    head = text[:offset]
    return head.count("\n") + head.count("\r") - head.count("\r\n") + 1


def normalised_body(article: Article) -> str:
    """The article's prose, case- and space-folded: what two copies of one story share."""
    body = " ".join(s.text for s in article.segments if s.role in ("body", "list_item"))
    return " ".join(unicodedata.normalize("NFKC", body).casefold().split())


def mark_duplicates(articles: list[Article]) -> list[str]:
    """Mark copies (the same story filed twice, or syndicated with small edits) so they count as one source.

    Candidates share the opening of their prose, so the cost stays linear in the number of articles.
    The first article (in id order) is the original.
    """
    warnings = []
    by_opening: dict[str, list[tuple[Article, str]]] = {}
    for article in articles:
        text = normalised_body(article)
        by_opening.setdefault(text[:80], []).append((article, text))
    for group in by_opening.values():
        for i, (article, text) in enumerate(group):
            for original, original_text in group[:i]:
                if original.duplicate_of:
                    continue
                similarity = fuzz.ratio(text, original_text) if text != original_text else 100.0
                # Short texts share most of their words by chance ("Ministers met in X."): only equal is a copy.
                near_enough = similarity >= NEAR_COPY and min(len(text), len(original_text)) >= MIN_COPY_CHARS
                if similarity == 100.0 or near_enough:
                    article.duplicate_of, article.similarity = original.id, round(similarity, 1)
                    warnings.append(f"{article.path}: {'the same text as' if similarity == 100 else 'a near copy of'} "
                                    f"{original.id} ({similarity:.0f}% alike): counted as one source with it")
                    break
    return warnings


def read_articles(paths: list[str]) -> tuple[list[Article], list[str]]:
    """Read every article under `paths`; a bad file becomes a warning, never a crash."""
    files, warnings = collect_paths(paths)
    articles: list[Article] = []
    seen_ids: dict[str, str] = {}
    for path in files:
        try:
            article = read_article(path)
        except ArticleError as exc:
            warnings.append(str(exc))
            continue
        if article.id in seen_ids:
            warnings.append(f"{path}: article id '{article.id}' already used by {seen_ids[article.id]}, skipped")
            continue
        seen_ids[article.id] = str(path)
        warnings.extend(article.warnings)
        articles.append(article)
    warnings.extend(mark_duplicates(articles))
    return articles, warnings
