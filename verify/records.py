"""Typed records passed between the pipeline stages.

Every stage takes and returns these plain dataclasses; none of them holds behaviour
beyond small conveniences, so any stage can be tested on hand-built records.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

STATUSES = ("conflict", "different_scope", "update", "different_event", "compatible", "agree")
"""Finding statuses, most severe first (the order reports use)."""

DISCREPANCY_STATUSES = ("conflict", "different_scope", "update", "different_event")


@dataclass(frozen=True)
class Segment:
    """A sentence-sized piece of an article, with its place in the decoded file text."""

    start: int
    end: int
    text: str
    line: int  # 1-based line number of `start`
    paragraph: int  # index of the paragraph (block of lines) it belongs to
    role: str  # "body", "list_item", "title", "attribution", "clutter"
    section: str  # "main" or "background": background sections recount earlier events


@dataclass
class Article:
    id: str
    path: str
    text: str  # decoded file text; every offset in verify points into this string
    date: dt.date | None
    title: str
    sha256: str
    segments: list[Segment] = field(default_factory=list)
    attribution: str | None = None  # the article's "Source:" line, if any
    warnings: list[str] = field(default_factory=list)
    duplicate_of: str | None = None  # a copy of another article (syndicated or filed twice): one source
    similarity: float | None = None  # how much of its text it shares with that article (0-100)
    outlet: str | None = None  # who published it: the "Source: <outlet> <url>" line, page metadata or a table column
    url: str | None = None  # where it was published, when known
    input_format: str = "text"  # "text" (a .txt/.md file read as is), "html" (a saved page) or "table" (a row)
    row: int | None = None  # for a table row: its number, 1 for the first row under the header

    @property
    def extracted(self) -> bool:
        """True when `text` was built from the input (a page's main text, a row's cells), not read from a file."""
        return self.input_format != "text"


@dataclass
class EventMention:
    """A place in an article where an event (meeting, visit, disaster...) is named."""

    id: str
    article: str
    type: str  # event class: "meeting", "visit", "disaster", ... or "named"
    trigger: str  # the word or phrase that names the event
    start: int  # offsets of the trigger
    end: int
    line: int
    sentence: str
    sentence_start: int
    date_low: dt.date | None = None
    date_high: dt.date | None = None
    date_text: str | None = None
    date_start: int | None = None
    date_end: int | None = None
    place: str | None = None
    place_start: int | None = None
    place_end: int | None = None
    participants: tuple[str, ...] = ()
    article_names: tuple[str, ...] = ()  # proper names anywhere in the article: what story it is part of
    definite: bool = False  # "the meeting": refers back to an event named before
    name: str | None = None  # proper name of a named event ("Ukraine Defense Contact Group")
    event: str | None = None  # filled by event resolution


@dataclass
class Event:
    id: str
    label: str
    type: str
    date_low: dt.date | None
    date_high: dt.date | None
    location: str | None
    articles: list[str]
    mentions: list[str]
    participants: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # proper names in its articles: what story it belongs to

    @property
    def date(self) -> str | None:
        if self.date_low is None:
            return None
        if self.date_low == self.date_high:
            return self.date_low.isoformat()
        return f"{self.date_low.isoformat()}/{self.date_high.isoformat()}"


@dataclass
class Claim:
    """One checkable statement: an attribute of an event (or of a person) and its value.

    `kind` says how `value` is typed: "count"/"money"/"percent" use low/high/point,
    "date" uses date_low/date_high, "location"/"role" use `value` text,
    "list" uses `items`, "weekday" flags a weekday that does not match its date.
    """

    id: str
    article: str
    kind: str
    attribute: str  # normalised, e.g. "count:country", "date", "location", "role:john healey"
    subject: str  # what the value is about: unit phrase, person, list head, event phrase
    value: str  # human-readable normalised value
    text: str  # exact quote: article.text[start:end] == text
    start: int
    end: int
    line: int
    sentence: str
    sentence_start: int
    speaker: str | None = None  # who the article says makes the statement
    event: str | None = None  # event id, filled by event resolution
    mention: str | None = None  # the event mention the claim is attached to, if any
    low: float | None = None
    high: float | None = None
    point: float | None = None
    hedge: str = "exact"
    unit: str = ""
    currency: str | None = None
    scope: str = "event"  # "event" (happened at/for the event) or "membership" (size of a body)
    predicate: str = ""  # the verb a count is an argument of ("attend", "vote against"), for comparability
    size_of: str = ""  # for "a five-point plan", "the 27-member compact": the thing whose size the count is
    date_low: dt.date | None = None
    date_high: dt.date | None = None
    items: tuple[str, ...] = ()
    article_date: dt.date | None = None
    section: str = "main"

    def to_row(self) -> dict:
        row = asdict(self)
        row["items"] = list(self.items)
        for key in ("date_low", "date_high", "article_date"):
            row[key] = row[key].isoformat() if row[key] else None
        return row


@dataclass
class Finding:
    id: str
    status: str
    event: str | None
    attribute: str
    claims: list[str]
    explanation: str
    articles: list[str] = field(default_factory=list)
    values: list[str] = field(default_factory=list)  # one per claim, same order
    other_event: str | None = None  # for different_event: the event of the second side
    sides: list[list[str]] = field(default_factory=list)  # claim ids of each side compared
    rule: str = ""  # name of the judgement rule that decided the status (`verify rules NAME` explains it)


@dataclass
class Report:
    """Everything one run produced; the report writers only read this."""

    articles: list[Article]
    mentions: list[EventMention]
    events: list[Event]
    claims: list[Claim]
    findings: list[Finding]
    warnings: list[str]
    tool_version: str
    model: str
    stats: dict = field(default_factory=dict)  # articles read from the cache, texts encoded...

    # Conveniences for notebooks (`verify.run(...)`); the writers live in verify/report.py.
    def claims_frame(self):
        """The claims as a pandas DataFrame with the columns of claims.csv."""
        from .report import claims_frame

        return claims_frame(self)

    def findings_frame(self, reviews=None):
        """The findings as a pandas DataFrame with the columns of findings.csv (decisions from `reviews`, if given)."""
        from .report import findings_frame

        return findings_frame(self, reviews)

    def to_json(self, reviews=None) -> dict:
        """The report as the documented report.json structure."""
        from .report import to_json

        return to_json(self, reviews)

    def write(self, out_dir, reviews=None) -> list:
        """Write report.json, report.md, report.html, claims.csv and findings.csv into `out_dir`."""
        from .report import write_reports

        return write_reports(self, out_dir, reviews)
