"""Typed records passed between the pipeline stages.

Every stage takes and returns these plain dataclasses; none of them holds behaviour
beyond small conveniences, so any stage can be tested on hand-built records.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Protocol

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
    section: str  # "main", "background" (recounts earlier events) or "correction" (corrects the text above)


@dataclass
class Article:
    id: str
    path: str
    text: str  # decoded file text; every offset in verify points into this string
    date: dt.date | None
    title: str
    sha256: str
    date_from: str | None = None  # where the date was read: "date line", "text" (a dateline, a "Published" label)
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
    paragraph: int = -1  # the article paragraph of its sentence
    distinct: bool = False  # worded as another event than the story's ("the previous election", "its own outbreak")
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
    places: list[str] = field(default_factory=list)  # every place its mentions give ("Caldera Bay", "City Hall")
    main_articles: list[str] = field(default_factory=list)  # articles whose own story it is (not only recounted)
    notes: list[str] = field(default_factory=list)  # how it was resolved, where a reader should know ("undated...")

    @property
    def date(self) -> str | None:
        if self.date_low is None or self.date_high is None:
            return None
        if self.date_low == self.date_high:
            return self.date_low.isoformat()
        return f"{self.date_low.isoformat()}/{self.date_high.isoformat()}"


class ClaimValue(Protocol):
    """What every kind's typed value offers the stages that do not know its kind."""

    def __str__(self) -> str:  # the human-readable, normalised value shown in reports
        ...

    def report_fields(self) -> dict:  # flat fields of report.json's claims (low, high, unit, items, ...)
        ...

    def to_json(self) -> dict:  # a JSON-able form for the cache; the kind's value type reads it back
        ...


@dataclass(frozen=True)
class ClaimContext:
    """The parse-derived context of one claim (offsets are not stored: only what compares)."""

    predicate: str = ""  # lemma of the governing verb or event noun: "evacuate", "confirm", "breach"
    relation: str = ""  # how the value hangs on it: a preposition ("by", "to", "at") or a dependency ("nsubj")
    frame: str = ""  # the value's clause, lower-cased, the value itself masked as "#"
    words: tuple[str, ...] = ()  # the frame's content words as lemmas
    holder: str = ""  # whose value it is: the named subject or possessor ("Harlow First", "Nordvest Investment Bank")
    places: tuple[str, ...] = ()  # places that narrow the claim down ("Wenlow", "Ansley")
    # Places where the clause's act happened ("hosting 30 countries in Brussels", "lie in Wenlow
    # district"): a scope unless it is where the claim's event took place.
    act_places: tuple[str, ...] = ()
    time_text: str = ""  # an explicit time the clause gives ("in January", "on Sunday", "by Thursday")
    time_low: dt.date | None = None
    time_high: dt.date | None = None
    source: str = ""  # a named source the sentence gives for it ("the Valley Relief League")
    negated: bool = False
    future: bool = False  # the clause speaks of what will happen
    provisional: str = ""  # "provisional", "final", "preliminary"...: a stage of a figure
    update_cue: bool = False  # "now", "has risen", "so far": the figure is a running one at its date
    increment: bool = False  # the value is another figure's change ("rose by 2", "after two more died")
    correction: bool = False  # the claim corrects an earlier statement ("should have read", a CORRECTION note)

    def to_json(self) -> dict:
        data = dict(self.__dict__)
        data["places"] = list(self.places)
        data["act_places"] = list(self.act_places)
        data["words"] = list(self.words)
        for key in ("time_low", "time_high"):
            data[key] = data[key].isoformat() if data[key] else None
        return data

    @classmethod
    def from_json(cls, data: dict) -> ClaimContext:
        data = dict(data)
        data["places"] = tuple(data.get("places", ()))
        data["act_places"] = tuple(data.get("act_places", ()))
        data["words"] = tuple(data.get("words", ()))
        for key in ("time_low", "time_high"):
            data[key] = dt.date.fromisoformat(data[key]) if data.get(key) else None
        return cls(**data)


# report.json's kind-specific claim fields, with the value they take when a kind does not set them.
REPORT_FIELD_DEFAULTS = {"scope": "event", "hedge": "exact", "low": None, "high": None, "unit": None,
                         "currency": None, "items": None, "date_low": None, "date_high": None}


@dataclass
class Claim:
    """One checkable statement: an attribute of an event (or of a person) and its typed value.

    `kind` names the claim kind (verify/kinds/) whose value type `value` is: a quantity with its
    interval and unit, a date span, a place, a role, a list... The fields here are the ones every
    kind shares: where the quote is, what it is about, and which event it belongs to.
    """

    id: str
    article: str
    kind: str
    attribute: str  # normalised by alignment, e.g. "count:country", "date", "location", "role:john healey"
    subject: str  # what the value is about: unit phrase, person, list head, event phrase
    value: ClaimValue  # typed, normalised value of the claim's kind; str(value) is what reports show
    text: str  # exact quote: article.text[start:end] == text
    start: int
    end: int
    line: int
    sentence: str
    sentence_start: int
    speaker: str | None = None  # who the article says makes the statement
    event: str | None = None  # event id, filled by event resolution
    mention: str | None = None  # the event mention the claim is attached to, if any
    article_date: dt.date | None = None
    section: str = "main"
    context: ClaimContext = field(default_factory=ClaimContext)  # what the claim is about, from its sentence's parse

    def report_fields(self) -> dict:
        """The kind-specific fields of report.json, with their defaults where the kind has none."""
        return {**REPORT_FIELD_DEFAULTS, **self.value.report_fields()}

    def to_row(self) -> dict:
        row = {name: getattr(self, name) for name in (
            "id", "article", "kind", "attribute", "subject", "text", "start", "end", "line", "sentence",
            "sentence_start", "speaker", "event", "mention", "section")}
        row["value"] = str(self.value)
        row["article_date"] = self.article_date.isoformat() if self.article_date else None
        row.update(self.report_fields())
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
    # The claim pairs it covers, each {"id", "sides": [i, j] (indexes into `sides`), "rule", "explanation"}:
    # one pair for a finding about two sides, many for a grouped explanation (agree, compatible,
    # different_event: one finding per event, or pair of events, and attribute).
    pairs: list[dict] = field(default_factory=list)


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
