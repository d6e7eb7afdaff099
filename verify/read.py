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
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

from rapidfuzz import fuzz

from .lexicon.en import ABBREVIATIONS_BEFORE_PERIOD, CORRECTION_LABELS, LABEL_ROLES, SECTION_HEADINGS
from .records import Article, Segment

ARTICLE_SUFFIXES = (".txt", ".md")
PAGE_SUFFIXES = (".html", ".htm")  # saved web pages: the main text is extracted (verify/pages.py)
TABLE_SUFFIXES = (".csv", ".jsonl", ".json", ".parquet")  # one article per row (verify/tables.py)
MAX_ARTICLE_BYTES = 5_000_000  # larger files are almost surely not single news articles
MAX_SENTENCE_CHARS = 5_000  # a "sentence" longer than this is not prose (minified data, a pasted table)
NEAR_COPY = 90  # rapidfuzz ratio of two articles' normalised texts above which one is a copy of the other
MIN_COPY_CHARS = 400  # below this length only identical texts count as copies

DATE_LINE = re.compile(r"^[ \t\ufeff]*date[ \t]+(\S+)[ \t]*")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
URL = re.compile(r"https?://\S+")
REPORTED_BY = re.compile(r"\bas reported by (?P<outlet>[^,;]+)$")
OUTLET_CITING = re.compile(r"(?P<outlet>.+?)\s+(?:with reference to|citing)\s")
LABEL = re.compile(r"(?P<label>[A-Z][A-Za-z ]{1,20}):[ \t]*")
CLOCK_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")
BULLET = re.compile(r"^[ \t]*(?:[•·▪‣◦*-]|\d+[.)])[ \t]+")
SENTENCE_END = re.compile(r"[.!?…][\"'”’»)]*$")
# A sentence ends at . ! ? followed by space and an upper-case letter, digit or quote.
SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[\"'”’»)]*\s+(?=[\"'“‘«(]?[A-Z0-9À-Þ])")
ABBREVIATIONS = re.compile(r"(?:\b(?:" + "|".join(ABBREVIATIONS_BEFORE_PERIOD) + r")|\b[A-Z])\.$")

TITLE_MIN_WORDS = 5  # shorter lines before the body are site furniture ("All Sections")
TITLE_MAX_WORDS = 20  # headlines are shorter; a longer unit without a full stop is prose
CAPTION_MAX_WORDS = 8  # a name before "Photo:" on the same line is the caption ("Volodymyr Zelenskyy. Photo: ...")
LIST_ITEM_MAX_WORDS = 14  # as long as the extractor accepts list items
# Labels and bullets that open a new unit wherever they stand in a line.
INLINE_LABEL = re.compile(r"(?<!\S)(?P<label>" + "|".join(re.escape(name[0].upper() + name[1:]) for name in LABEL_ROLES)
                          + r"):(?=\s|$)")
INLINE_BULLET = re.compile(r"(?<=\s)[•▪‣◦](?=\s)")
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
# A full date as papers print it: "3 March 2019", "March 3, 2019", "Mar. 3, 2019", "2019-03-03", "03/03/2019".
_FULL_DATE = (rf"(?:\d{{1,2}} (?:{_MONTH}|{_MONTH_ABBR}),? \d{{4}}|(?:{_MONTH}|{_MONTH_ABBR}) \d{{1,2}},? \d{{4}}"
              rf"|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{4}})")
HEAD_CHARS = 600  # where an article without a date line prints its own date: the first lines
# "Published 12 May 2021", "Posted on: 2021-05-12", "Updated: March 3, 2019 10:02"
PUBLISHED_LABEL = re.compile(rf"(?im)^[^\n]{{0,80}}?\b(?:published|posted|updated|last updated|date)"
                             rf"(?: on)?:?\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? )?(?P<date>{_FULL_DATE})")
# "MANILA, March 3, 2019 (Reuters) -": a place in capitals, the date, then the agency or a dash.
_CAPITAL = "A-ZÀ-ÖØ-Þ"
WIRE_DATELINE = re.compile(rf"(?m)^[{_CAPITAL}][{_CAPITAL} .'’-]+(?:, [{_CAPITAL}][\w .'’-]+)?,? (?P<date>{_FULL_DATE})"
                           rf"\s*(?:\(|[-–—])")
# "Harbour Times | World | By Ana Ruiz | 4 March 2019, 08:15": a byline line's date with its time.
BYLINE_DATE = re.compile(rf"(?m)^[^\n]{{0,120}}?(?P<date>{_FULL_DATE}),? \d{{1,2}}[:.]\d{{2}}")
_NAME = r"[A-Z][\w'’.-]+ [A-Z][\w'’-]+?"  # two capitalised words; the last may run into the weekday
# "Jane Doe, John Roe, Thursday, 27 March 2025, 13:15": names, then a date and a clock time.
BYLINE = re.compile(rf"(?:By )?(?:{_NAME}(?:, | and ))*{_NAME},? ?"
                    rf"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? )?(?:\d{{1,2}} {_MONTH}|{_MONTH} \d{{1,2}},?) "
                    rf"\d{{4}},? \d{{1,2}}:\d{{2}}(?: ?[ap]\.?m\.?)?(?=\s|$)")
# Site furniture a copied page starts with, before the headline on the same line.
SITE_MENU = re.compile(r"\s*(?:All Sections|Skip to (?:main )?content|Sign in|Log in)(?=\s+[A-Z])")
WORD = re.compile(r"\S+")
BY_LINE = re.compile(r"By [A-Z][\w'’.-]+ [A-Z]")
NAME_GLUE = {"of", "the", "and", "for", "de", "da", "di", "du", "del", "la", "le", "van", "von", "in", "on", "at", "to",
             "by", "a", "an", "&", "/", "-", "–", "—", "|", "via"}
# Words that open a sentence rather than a list item (items may start with "The" or "A").
SENTENCE_OPENERS = {"He", "She", "It", "They", "We", "I", "You", "There", "Here", "In", "On", "At", "But", "And",
                    "However", "Meanwhile", "According", "After", "Before", "When", "While", "As", "If"}
# Capitalised words that open the sentence a source line ran into ("Source: wire reports The meeting ...").
SOURCE_ENDERS = SENTENCE_OPENERS | {"The", "A", "An", "This", "These", "Those", "Its", "His", "Her", "Their", "Our",
                                    "Around", "About", "Some", "More", "Nearly", "Almost", "Many", "Most"}
CALL_TO_ACTION = re.compile(r"(?:Support|Subscribe|Follow|Donate|Join|Sign up|Share|Like|Read|Download|Listen)\b")


class ArticleError(Exception):
    """An article (file, page or table row) that cannot be read as text; the message names it and the problem."""


def collect_paths(paths: list[str]) -> tuple[list[Path], list[str]]:
    """Article files under the given files and folders (recursive), sorted, with warnings.

    Folders give articles and saved pages; a table (.csv, .jsonl, .json, .parquet) is read only
    when named, so a folder's data files (an answer key, a report.json) are never taken for articles.
    """
    found: dict[str, Path] = {}
    warnings: list[str] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            warnings.append(f"{raw}: no such file or directory")
            continue
        if path.is_file():
            if path.suffix.lower() in ARTICLE_SUFFIXES + PAGE_SUFFIXES + TABLE_SUFFIXES:
                found[str(path)] = path
            else:
                warnings.append(f"{raw}: not an article (.txt, .md, .html, .htm) or a table "
                                f"(.csv, .jsonl, .json, .parquet), skipped")
            continue
        before = len(found)
        # os.walk without followlinks cannot loop on a symlink cycle.
        for folder, dirs, files in os.walk(path):
            dirs.sort()
            for name in sorted(files):
                candidate = Path(folder) / name
                if candidate.suffix.lower() in ARTICLE_SUFFIXES + PAGE_SUFFIXES and not name.startswith("."):
                    found[str(candidate)] = candidate
        if len(found) == before:
            warnings.append(f"{raw}: no .txt or .md articles or .html pages in this folder")
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


def read_file_bytes(path: Path) -> bytes:
    """A file's bytes, refusing what cannot be read or is too large to be one article."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    if len(data) > MAX_ARTICLE_BYTES:
        raise ArticleError(f"{path}: {len(data):,} bytes is larger than an article ({MAX_ARTICLE_BYTES:,} max)")
    return data


def read_article(path: Path) -> Article:
    """Read one article file; raises ArticleError when it cannot be used at all."""
    data = read_file_bytes(path)
    text, warnings = decode(data, str(path))
    return parse_article(text, article_id=path.stem, path=str(path), sha256=hashlib.sha256(data).hexdigest(),
                         warnings=warnings)


def parse_article(text: str, article_id: str, path: str, sha256: str | None = None, warnings: list[str] | None = None,
                  name: str | None = None, missing_date: str | None = None) -> Article:
    """An article from its decoded text in the seed format; raises ArticleError when there is nothing to mine.

    `name` is how messages refer to it (the file, or "articles.csv row 3"); `missing_date` replaces
    the warning about a missing date line for texts that never had one (pages, table rows), and
    an empty one leaves it out (the caller has said it once for a whole table).
    """
    name = name or path
    warnings = list(warnings or [])
    if not text.strip():
        raise ArticleError(f"{name}: empty file")
    date, body_start, date_warning = parse_date_line(text)
    date_from = "date line" if date is not None else None
    if date is None and body_start == 0:
        found = date_in_text(text)
        if found is not None:
            date, said = found
            date_from = "text"
            date_warning = f"no ' date YYYY-MM-DD' first line: publication date {date.isoformat()} taken from '{said}'"
    if date_warning and body_start == 0 and missing_date is not None and date_from is None:
        date_warning = missing_date
    if date_warning:
        warnings.append(f"{name}: {date_warning}")
    if date is not None and date > dt.date.today() + dt.timedelta(days=1):
        warnings.append(f"{name}: date line {date.isoformat()} is in the future; "
                        "relative dates are resolved against it")
    segments = segment(text, body_start)
    overlong = [f"line {seg.line} has {seg.end - seg.start:,} characters without a sentence break"
                for seg in segments if seg.role == "overlong"]
    if not any(s.role in ("body", "list_item") for s in segments):
        segments = [replace(s, role="body") if s.role == "title" else s for s in segments]
    if not any(s.role in ("body", "list_item") for s in segments):
        if overlong:
            raise ArticleError(f"{name}: {overlong[0]}; not prose, nothing to mine")
        raise ArticleError(f"{name}: no article text after the date line")
    warnings.extend(f"{name}: {problem}; that part is not mined for claims" for problem in overlong)
    sources = [s.text for s in segments if s.role == "attribution"]
    outlet, url = outlet_of(sources)
    return Article(
        id=article_id,
        path=path,
        text=text,
        date=date,
        date_from=date_from,
        title=title_of(segments),
        sha256=sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest(),
        segments=segments,
        # The "Source: <outlet> <url>" line says who published the article, not where its information came from.
        attribution=next((line for line in sources if not URL.search(line)), None),
        warnings=warnings,
        outlet=outlet,
        url=url,
    )


def outlet_of(source_lines: list[str]) -> tuple[str | None, str | None]:
    """The publishing outlet and URL from an article's "Source:" lines.

    "Source: Kyiv Independent https://..." (what `verify add` writes) names both; a line without a
    URL names the outlet only in the usual attribution idioms ("European Pravda with reference to
    the ministry", "the ministry, as reported by European Pravda"). Otherwise it names where the
    information came from ("Source: emergency services"), and the outlet stays unknown.
    """
    for line in reversed(source_lines):  # the outlet line `verify add` writes is the last one
        body = line.split(":", 1)[-1].strip()
        link = URL.search(body)
        if link:
            url = link.group().rstrip(".,;)")
            return body[:link.start()].strip(" -–—|,") or urlsplit(url).hostname, url
    for line in source_lines:
        body = line.split(":", 1)[-1].strip()
        match = REPORTED_BY.search(body) or OUTLET_CITING.match(body)
        if match:
            outlet = re.sub(r"^(?:an?|the)\s+|\s+(?:correspondents?|reporters?|journalists?)$", "",
                            match.group("outlet").strip(" ,."))
            if outlet and outlet[0].isupper():
                return outlet, None
    return None, None


def format_seed(paragraphs: list[str], date: dt.date | None = None, title: str | None = None,
                outlet: str | None = None, url: str | None = None) -> str:
    """An article in the seed format: ` date YYYY-MM-DD <first paragraph>`, paragraphs, `Source: <outlet> <url>`.

    The title leads unless the text already opens with it. Without a date the date line is left out,
    and without a URL the Source line (the reader would take a bare outlet name for an attribution).
    """
    paragraphs = [" ".join(p.split()) for p in paragraphs if p.strip()]
    title = " ".join((title or "").split())
    opening = " ".join(" ".join(paragraphs[:3]).casefold().split())[:len(title) + 300]
    if title and title.rstrip(".…").casefold() not in opening:
        paragraphs.insert(0, title)
    if url:
        paragraphs.append(f"Source: {outlet or urlsplit(url).hostname} {url}")
    text = "\n\n".join(paragraphs) + "\n"
    return f" date {date.isoformat()} {text}" if date else text


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


def date_in_text(text: str) -> tuple[dt.date, str] | None:
    """The publication date an article without a date line gives at its head, and the words that give it.

    Read from a "Published"/"Posted"/"Updated" label, a wire dateline ("MANILA, March 3, 2019 (Reuters) -")
    or a byline's date and time, all in the first lines: a full date with its year. A date in the story's
    prose ("the quake of 3 March 2019") dates the event, not the article, and is left to the extractor.
    """
    import dateparser  # only articles without a date line need it

    head = text[:HEAD_CHARS]
    for pattern in (PUBLISHED_LABEL, WIRE_DATELINE, BYLINE_DATE):
        for match in pattern.finditer(head):
            raw = match.group("date")
            parsed = dateparser.parse(raw, languages=["en"], settings={
                "STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]})
            if parsed is not None:
                return parsed.date(), match.group(0).strip().rstrip("(-–— ")
    return None


def segment(text: str, body_start: int) -> list[Segment]:
    """Split the text into role-tagged sentence segments with exact offsets.

    Line breaks are only a hint: each line is first cut into units at the structure a line can
    hide when an export ran paragraphs together (labels, bullets, bylines, captions, lists after
    a colon), and each unit is then read as a paragraph of its own.
    """
    segments: list[Segment] = []
    section = "main"
    after_colon = False  # the previous body unit announced a list
    seen_body = False
    paragraph = -1
    for _, line_start, line_end in _lines(text, body_start):
        if not text[line_start:line_end].strip():
            continue
        units = _units(text, line_start, line_end)
        if not segments:
            units = _split_site_menu(text, units)
        for index, (unit_start, unit_end, hint) in enumerate(units):
            paragraph += 1
            unit = text[unit_start:unit_end]
            start = unit_start + len(unit) - len(unit.lstrip())
            end = unit_start + len(unit.rstrip())
            role = "clutter" if hint == "clutter" else "body"
            if hint is None and text[start:end].lower() in SECTION_HEADINGS:
                section = "background"  # a page's "Background" heading, a label without its colon
                after_colon = False
                continue
            label = LABEL.match(text, start, end) if hint is None else None
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
                sentences = split_sentences(text, start, end)
                last_in_line = index == len(units) - 1
                for n, (s_start, s_end) in enumerate(sentences):
                    kind = "overlong" if s_end - s_start > MAX_SENTENCE_CHARS else role
                    if n == len(sentences) - 1 and n > 0 and _trailing_clutter(text[s_start:s_end], last_in_line):
                        kind = "clutter"
                    segments.append(Segment(s_start, s_end, text[s_start:s_end], line_of(text, s_start), paragraph,
                                            kind, section))
                continue
            if role != "list_item":
                after_colon = False
            segments.append(Segment(start, end, text[start:end], line_of(text, start), paragraph, role, section))
    return segments


def _line_role(content: str, after_colon: bool, seen_body: bool, bulleted: bool) -> str:
    """The role of one unit (a line, or a piece of a run-together line) from its shape and position."""
    if len(content) > MAX_SENTENCE_CHARS and not SENTENCE_BREAK.search(content, 0, MAX_SENTENCE_CHARS):
        return "body"  # split_sentences marks it overlong, so the reader can say why it is not mined
    words = content.split()
    if CLOCK_TIME.search(content) and len(words) <= 14 and not SENTENCE_END.search(content):
        return "clutter"  # byline or timestamp: "Jane Doe, Thursday, 27 March 2025, 13:15"
    if content.count(" | ") >= 2 and len(words) <= 24:
        return "clutter"  # outlet, section, byline, date: "Desert Ledger | Sports | By Tomas Iriarte | June 15, 2019"
    if BY_LINE.match(content) and len(words) <= 8:
        return "clutter"  # "By Greg Halloran, Packaging World Weekly"
    one_sentence = not _has_sentence_break(content)
    if content.endswith("!") and len(words) <= 10 and one_sentence:
        return "clutter"  # call to action: "Support ... on Patreon!"
    if "Photo:" in content or "Photo by" in content:
        return "clutter"
    if SENTENCE_END.search(content) or content.endswith(":") or bulleted:
        return "body"
    if after_colon:
        return "list_item"
    # A title is short and one sentence: a long unit without a final full stop is prose that lost
    # its punctuation (a one-line export), never a title that would swallow the body.
    if TITLE_MIN_WORDS <= len(words) <= TITLE_MAX_WORDS and one_sentence and not seen_body:
        return "title"
    if len(words) >= 12 or not one_sentence:
        return "body"  # a long line without a full stop is still prose
    return "clutter"  # section names, tag lines, captions


def _has_sentence_break(content: str) -> bool:
    return len(split_sentences(content, 0, len(content))) > 1


def _trailing_clutter(sentence: str, last_in_line: bool) -> bool:
    """A site's tail run into the last paragraph: a tag line with a time, or a call to action."""
    words = sentence.split()
    if CLOCK_TIME.search(sentence) and len(words) <= 14 and not SENTENCE_END.search(sentence):
        return True  # "ZelenskyyUkraineFrance Zelenskyy 19:58"
    return last_in_line and sentence.endswith("!") and len(words) <= 10 and bool(CALL_TO_ACTION.match(sentence))


def _units(text: str, start: int, end: int) -> list[tuple[int, int, str | None]]:
    """Cut one line into units (start, end, hint) at the structure it hides; hint "clutter" or None.

    A line of a well-formatted file is usually one unit. A line that holds a whole article
    (an export that dropped its line breaks) is cut before each label ("Source:", "Details:",
    "Photo:" ...), each bullet, around a byline with its timestamp, around a photo caption, and
    between the items of a list announced by a colon.
    """
    breaks: dict[int, str | None] = {start: None}

    def cut(position: int, hint: str | None = None) -> None:
        if start <= position < end:
            breaks[position] = hint if position not in breaks or hint else breaks[position]

    for match in BYLINE.finditer(text, start, end):
        cut(match.start(), "clutter")
        cut(match.end())
    for match in INLINE_BULLET.finditer(text, start, end):
        cut(match.start())
    labels = list(INLINE_LABEL.finditer(text, start, end))
    for i, match in enumerate(labels):
        role = LABEL_ROLES[match.group("label").lower()]
        next_label = labels[i + 1].start() if i + 1 < len(labels) else end
        if role == "clutter":
            caption_start = match.start()
            if match.group("label") in ("Photo", "Video"):
                caption_start = _caption_start(text, max([p for p in breaks if p <= match.start()]), match.start())
            cut(caption_start, "clutter")
            if match.group("label") == "Advertisement":
                cut(match.end())  # an advertisement slot has nothing after its label
            elif text[start:match.start()].strip():
                # Only a label inside a line needs its end guessed; at the start of a line it runs to the end.
                cut(_name_run_end(text, match.end(), next_label))
        elif role == "attribution":
            cut(match.start())
            cut(_attribution_end(text, match.end(), next_label))
        else:
            cut(match.start())
    positions = sorted(breaks)
    units = [(a, b, breaks[a]) for a, b in zip(positions, positions[1:] + [end])]
    result: list[tuple[int, int, str | None]] = []
    for unit_start, unit_end, hint in units:
        if not text[unit_start:unit_end].strip():
            continue
        if hint is None:
            result.extend(unit for unit in _list_units(text, unit_start, unit_end) if text[unit[0]:unit[1]].strip())
        else:
            result.append((unit_start, unit_end, hint))
    return result


def _split_site_menu(text: str, units: list[tuple[int, int, str | None]]) -> list[tuple[int, int, str | None]]:
    """The first unit without the site menu a copied page starts with ("All Sections Meeting of ...")."""
    if not units:
        return units
    first_start, first_end, hint = units[0]
    menu = SITE_MENU.match(text, first_start, first_end)
    if hint is not None or menu is None:
        return units
    return [(first_start, menu.end(), "clutter"), (menu.end(), first_end, hint), *units[1:]]


def _caption_start(text: str, unit_start: int, label_start: int) -> int:
    """A caption is the label and the name before it ("Volodymyr Zelenskyy. Photo: ...")."""
    before = split_sentences(text, unit_start, label_start)
    if before:
        words = text[before[-1][0]:before[-1][1]].split()
        if len(words) <= CAPTION_MAX_WORDS and all(w[0].isupper() or w in NAME_GLUE for w in words):
            return before[-1][0]
    return label_start


def _attribution_end(text: str, start: int, end: int) -> int:
    """Where a "Source:" line's text ends when the line break after it is gone.

    At its first full stop, or where a sentence visibly begins: a capitalised opener ("The",
    "Around", "He") after a word that does not bind it to the name ("Ministry of The Interior"),
    or a capitalised word right after a lower-case one ("press release Quorvex will pay").
    """
    first = split_sentences(text, start, end)
    if first:
        end = first[0][1]
    words = list(WORD.finditer(text, start, end))
    for previous, word in zip(words, words[1:]):
        before, token = previous.group(), word.group()
        if before.lower() in NAME_GLUE or before.lower() in ("with", "from", "citing", "per"):
            continue
        if token in SOURCE_ENDERS or (token[0].isupper() and before[0].islower() and before[-1].isalpha()):
            return word.start()
    return end


def _name_run_end(text: str, start: int, end: int) -> int:
    """Where a label's name-like content ends ("Photo: Office of the President| A meeting has begun").

    The run takes capitalised words and the small words between them; when it stops at a lower-case
    word, its last capitalised word opens the next sentence ("... the President | A meeting").
    """
    words = list(WORD.finditer(text, start, end))
    last_capital = None
    for n, word in enumerate(words):
        token = word.group()
        if token[0].isupper() or token[0].isdigit():
            if SENTENCE_END.search(token):
                return word.end()
            last_capital = n
            continue
        if token.lower() in NAME_GLUE:
            continue
        if last_capital is not None and (
                last_capital == 0 or not re.search(r"[,;:]$", words[last_capital - 1].group())):
            return words[last_capital].start()
        return word.start()
    return end


def _list_units(text: str, start: int, end: int) -> list[tuple[int, int, None]]:
    """Cut a list run into its sentence ("priorities: Securing the skies Ensuring maritime safety He said ...").

    After a colon followed by a capital, items are the stretches between a lower-case word and
    the next capitalised one; they must be short, not end on a small word, and not open like a
    sentence. At least two items make a list; the rest of the sentence is a unit of its own.
    """
    for colon in re.finditer(r":\s+(?=[A-Z])", text[start:end]):
        items_start = start + colon.end()
        sentence_end = next((e for s, e in split_sentences(text, items_start, end)), end)
        words = list(WORD.finditer(text, items_start, sentence_end))
        bounds = [items_start] + [word.start() for previous, word in zip(words, words[1:])
                                  if word.group()[0].isupper() and previous.group()[0].islower()]
        pieces = list(zip(bounds, bounds[1:] + [sentence_end]))
        items = []
        for piece_start, piece_end in pieces:
            piece = text[piece_start:piece_end].strip()
            piece_words = piece.split()
            ends_sentence = bool(SENTENCE_END.search(piece)) or (piece_end == sentence_end < end)
            if (ends_sentence or len(piece_words) > LIST_ITEM_MAX_WORDS or piece_words[0] in SENTENCE_OPENERS
                    or piece_words[-1].lower() in NAME_GLUE):
                break
            items.append(piece_start)
        if len(items) >= 2:
            cuts = [start, start + colon.start() + 1, *items]
            rest = pieces[len(items)][0] if len(items) < len(pieces) else None
            if rest is not None:
                cuts.append(rest)
            cuts = sorted(set(cuts))
            head = [(a, b, None) for a, b in zip(cuts, cuts[1:] + [end])]
            if rest is not None:  # the rest of the line may announce another list
                return head[:-1] + _list_units(text, rest, end)
            return head
    return [(start, end, None)]


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


def same_url_key(url: str) -> str:
    """A URL as two copies of one page share it: no scheme, "www.", fragment, tracking query or final slash."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").removeprefix("www.")
    query = "&".join(q for q in parts.query.split("&") if q and not q.startswith(("utm_", "fbclid", "gclid")))
    return f"{host}{parts.path.rstrip('/')}" + (f"?{query}" if query else "")


def copy_similarity(text: str, original_text: str) -> float | None:
    """How alike two normalised bodies are (0-100) when one is a copy of the other, else None."""
    similarity = fuzz.ratio(text, original_text) if text != original_text else 100.0
    # Short texts share most of their words by chance ("Ministers met in X."): only equal is a copy.
    near_enough = similarity >= NEAR_COPY and min(len(text), len(original_text)) >= MIN_COPY_CHARS
    return round(similarity, 1) if similarity == 100.0 or near_enough else None


def original_of(article: Article, candidates: list[Article]) -> tuple[Article, float, str] | None:
    """The article among `candidates` that `article` is a copy of, its similarity and why, or None.

    A copy has the same URL, or a body that opens like the other's and is the same or 90% alike.
    """
    key = same_url_key(article.url) if article.url else None
    text = normalised_body(article)
    originals = [c for c in candidates if not c.duplicate_of and c is not article]
    for other in originals:
        if key and other.url and same_url_key(other.url) == key:
            return other, round(fuzz.ratio(text, normalised_body(other)), 1), "the same URL as"
    for other in originals:
        other_text = normalised_body(other)
        if other_text[:80] != text[:80]:
            continue
        similarity = copy_similarity(text, other_text)
        if similarity is not None:
            return other, similarity, "the same text as" if similarity == 100 else "a near copy of"
    return None


def mark_duplicates(articles: list[Article]) -> list[str]:
    """Mark copies (the same story filed twice, or syndicated with small edits) so they count as one source.

    A copy has the same URL as an earlier article, or its body is the same or 90% alike. Candidates
    share the opening of their prose, so the cost stays linear in the number of articles. The first
    article (in id order) is the original.
    """
    warnings = []
    by_url: dict[str, Article] = {}
    for article in articles:
        key = same_url_key(article.url) if article.url else None
        if key in by_url:
            found = original_of(article, [by_url[key]])
            _mark(article, *found, warnings)
        elif key:
            by_url[key] = article
    by_opening: dict[str, list[Article]] = {}
    for article in articles:
        if not article.duplicate_of:
            by_opening.setdefault(normalised_body(article)[:80], []).append(article)
    for group in by_opening.values():
        for i, article in enumerate(group):
            found = original_of(article, group[:i])
            if found:
                _mark(article, *found, warnings)
    return warnings


def _mark(article: Article, original: Article, similarity: float, why: str, warnings: list[str]) -> None:
    article.duplicate_of, article.similarity = original.id, similarity
    warnings.append(f"{describe(article)}: {why} {original.id} ({similarity:.0f}% alike): "
                    "counted as one source with it")


def read_articles(paths: list[str], columns: dict[str, str] | None = None) -> tuple[list[Article], list[str]]:
    """Read every article under `paths`; a bad file or table row becomes a warning, never a crash.

    `columns` names the columns of tables ({"text": "article_content", ...}) where the usual
    names are not used.
    """
    files, warnings = collect_paths(paths)
    articles: list[Article] = []
    for path in files:
        suffix = path.suffix.lower()
        try:
            if suffix in TABLE_SUFFIXES:
                from .tables import read_table_articles

                rows, row_warnings = read_table_articles(path, columns)
                warnings.extend(row_warnings)
                articles.extend(rows)
                continue
            if suffix in PAGE_SUFFIXES:
                from .pages import read_page

                articles.append(read_page(path))
            else:
                articles.append(read_article(path))
        except ArticleError as exc:
            warnings.append(str(exc))
    articles, more = unique_articles(articles)
    return articles, warnings + more


def describe(article: Article) -> str:
    """How messages name an article: its file, or its table and row."""
    return f"{article.path} row {article.row}" if article.row is not None else article.path


def unique_articles(articles: list[Article]) -> tuple[list[Article], list[str]]:
    """Drop articles whose id is already taken (with a warning each), then mark copies; returns the warnings."""
    warnings: list[str] = []
    kept: list[Article] = []
    seen_ids: dict[str, Article] = {}
    for article in articles:
        if article.id in seen_ids:
            warnings.append(f"{describe(article)}: article id '{article.id}' already used by "
                            f"{describe(seen_ids[article.id])}, skipped")
            continue
        seen_ids[article.id] = article
        warnings.extend(article.warnings)
        kept.append(article)
    warnings.extend(mark_duplicates(kept))
    return kept, warnings
