"""Find date expressions in English news text and resolve them to day intervals.

Spans are found with our own regexes (``dateparser.search`` is slow and fires on
ordinary words such as "may" or "march"); resolution against the article's
publication date is our own code, with dateutil's ``relativedelta`` for
month/year arithmetic.

Every mention resolves to an inclusive ``[low, high]`` interval of days, so
callers can compare mentions from different articles by interval overlap
without caring whether one said "last week" and another "Tuesday, 8 April".
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from ..lexicon.en import (
    CHANGE_VERBS,
    FUTURE_CUES,
    MONTH_ABBREVIATIONS,
    MONTHS,
    RELATIVE_DAY_OFFSETS,
    SMALL_NUMBER_WORDS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
)

__all__ = ["DateMention", "find_dates", "shift_from"]


@dataclass(frozen=True)
class DateMention:
    start: int  # char offsets in the input text; text[start:end] == self.text
    end: int
    text: str  # e.g. "Thursday, 27 March 2025", "10 April", "tomorrow", "last weekend"
    low: dt.date | None  # inclusive interval; None when it cannot be resolved
    high: dt.date | None
    relative: bool  # True for expressions resolved against the reference date
    weekday: int | None  # weekday named in the text (Monday=0), if any
    weekday_mismatch: bool  # named weekday disagrees with the explicit date it is attached to
    granularity: str  # "day", "weekend", "week", "month", "year", "range"


# --------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------

_MONTHS = MONTHS
_WEEKDAYS = WEEKDAYS

# Keyed by the first three letters, which are unique for both lists.
_MONTH_NUM = {name[:3].lower(): i for i, name in enumerate(_MONTHS, 1)}
_WEEKDAY_NUM = {name[:3].lower(): i for i, name in enumerate(_WEEKDAYS)}

_NUMBER_WORDS = SMALL_NUMBER_WORDS

# Month and weekday names are matched case-sensitively (Title case): this is what
# keeps "they may meet" and "a march through the city" out.
_MONTH_FULL = r"(?:" + "|".join(_MONTHS) + r")\b"
_MONTH = (
    r"(?:(?:" + "|".join(_MONTHS) + r")\b"
    r"|(?:" + "|".join(MONTH_ABBREVIATIONS) + r")\b\.?)"
)
_WEEKDAY_FULL = r"(?:" + "|".join(_WEEKDAYS) + r")\b"
_WEEKDAY = (
    r"(?:(?:" + "|".join(_WEEKDAYS) + r")\b"
    r"|(?:" + "|".join(WEEKDAY_ABBREVIATIONS) + r")\b\.?)"
)
_DAY = r"(?:3[01]|[12][0-9]|0?[1-9])"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)[0-9]{2}"
# A year must not run on into an id, a percentage, a decimal or a season "2024-25".
_YEAR_END = r"(?![\w%]|[.,:/\-–][0-9])"
_YEAR_OPT = rf"(?:,?\s+(?P<year>{_YEAR}){_YEAR_END})?"
# A day number must not be glued to other digits, a time ("13:15") or a path.
_DAY_START = r"(?<![\w.:/\-–])"
# Weekday glued to the previous word still counts: scraped bylines look like
# "Anastasia ProtzThursday, 27 March 2025".
_WEEKDAY_START = r"(?<![A-Z0-9_])"
_QUAL = r"(?i:early|mid|late|(?:end|start|beginning|middle)\s+of)"
# Prepositions that make a bare month name or year a date ("in April", "by 2030").
# "before"/"after" are left out: they name a period outside the one mentioned.
_PREP = r"(?i:in|since|during|until|till|by|throughout|from)"
_COUNT = (
    r"(?:[0-9]{1,3}|a\s+couple\s+of|"
    + "|".join(sorted((w for w in _NUMBER_WORDS if " " not in w), key=len, reverse=True))
    + r")"
)

# --------------------------------------------------------------------------
# Patterns
# --------------------------------------------------------------------------

_ISO = re.compile(
    rf"(?<![\w.:/\-])(?P<year>{_YEAR})-(?P<mon>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12][0-9]|3[01])"
    r"(?:(?=T[0-9])|(?![\w/\-]|[.,:][0-9]))"  # allow an ISO time to follow
)
_SLASH = re.compile(
    rf"(?<![\w.:/\-])(?P<a>[0-9]{{1,2}})/(?P<b>[0-9]{{1,2}})/(?P<year>{_YEAR})"
    r"(?![\w/\-]|[.,:][0-9])"
)
_WD_PREFIX = rf"(?:{_WEEKDAY_START}(?P<wd>{_WEEKDAY}),?\s+(?:the\s+)?|{_DAY_START})"
_DMY = re.compile(
    rf"{_WD_PREFIX}(?P<day>{_DAY}){_ORD}(?:\s+of)?\s+(?P<mon>{_MONTH}){_YEAR_OPT}"
)
_MDY = re.compile(
    rf"(?:{_WEEKDAY_START}(?P<wd>{_WEEKDAY}),?\s+|(?<![\w.:/\-–]))"
    rf"(?P<mon>{_MONTH})\s+(?P<day>{_DAY}){_ORD}(?![\w:]|[.,][0-9]){_YEAR_OPT}"
)
_RANGE_SEP = r"(?:\s*[-–—]\s*|\s+(?:to|until|till|through)\s+)"
_DMY_RANGE = re.compile(
    rf"{_DAY_START}(?P<d1>{_DAY}){_ORD}{_RANGE_SEP}(?P<day>{_DAY}){_ORD}(?:\s+of)?\s+"
    rf"(?P<mon>{_MONTH}){_YEAR_OPT}"
)
_MDY_RANGE = re.compile(
    rf"{_DAY_START}(?P<mon>{_MONTH})\s+(?P<d1>{_DAY}){_ORD}{_RANGE_SEP}(?P<day>{_DAY}){_ORD}"
    rf"(?![\w:]|[.,][0-9]){_YEAR_OPT}"
)
_MONTH_YEAR = re.compile(
    rf"(?<![\w])(?:(?P<qual>{_QUAL})(?:-|\s+))?(?P<mon>{_MONTH}),?\s+(?:of\s+)?"
    rf"(?P<year>{_YEAR}){_YEAR_END}"
)
# "in April", "since early May", "by the end of March". The preposition is not
# part of the mention text; the qualifier is (it narrows the interval).
_MONTH_PREP = re.compile(
    rf"(?<![\w])(?:(?P<prep>{_PREP})\s+(?:the\s+)?)?"
    rf"(?P<span>(?:(?P<qual>{_QUAL})(?:-|\s+))?(?P<mon>{_MONTH_FULL}))(?![\w'’])"
)
_YEAR_PREP = re.compile(
    rf"(?<![\w])(?:(?P<prep>{_PREP})\s+(?:the\s+(?=(?i:end|start|beginning|middle)))?)?"
    rf"(?P<span>(?:(?P<qual>{_QUAL})(?:-|\s+))?(?P<year>{_YEAR})){_YEAR_END}"
)
_REL_DAY = re.compile(
    r"(?<![\w])(?P<span>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow"
    r"|(?:yesterday|tomorrow)(?:\s+(?:morning|afternoon|evening|night))?"
    r"|today|tonight|this\s+(?:morning|afternoon|evening)|last\s+night)(?![\w])",
    re.IGNORECASE,
)
_REL_PERIOD = re.compile(
    r"(?<![\w])(?P<span>(?P<mod>earlier\s+this|later\s+this|this\s+past|this\s+coming"
    r"|this|last|next|past|coming)\s+(?P<unit>weekend|week|month|year))(?![\w])",
    re.IGNORECASE,
)
_THE_WEEKEND = re.compile(
    r"(?<![\w])(?:over|at|during|on)\s+(?P<span>the\s+weekend)(?![\w])", re.IGNORECASE
)
_WEEKDAY_REL = re.compile(
    r"(?<![\w])(?:(?i:on)\s+)?"
    r"(?P<span>(?:(?P<mod>(?i:this\s+coming|this\s+past|on\s+coming|last|next|this|coming|past))\s+)?"
    rf"(?P<wd>{_WEEKDAY_FULL})(?:\s+(?i:morning|afternoon|evening|night))?)(?![\w])"
)
# "two days ago", "a week later", "a day earlier". "before"/"after" are left out:
# "two days before the vote" is anchored to the vote, not to the article.
_SHIFT = re.compile(
    rf"(?<![\w.,])(?P<span>(?P<num>{_COUNT})\s+(?P<unit>day|week|fortnight|month|year)s?"
    r"\s+(?P<dir>ago|later|earlier))(?![\w])",
    re.IGNORECASE,
)
# "Its statement that day", "on the same day": the day the text last named; unresolved alone.
_THAT_DAY = re.compile(r"(?<![\w])(?P<span>(?:that|the\s+same)\s+(?:day|morning|afternoon|evening|night))(?![\w])",
                       re.IGNORECASE)
_NEXT_DAY = re.compile(
    r"(?<![\w])(?P<span>the\s+(?P<dir>next|following|previous|preceding)\s+"
    r"(?P<unit>day|morning|evening|night))(?![\w])",
    re.IGNORECASE,
)

# Context guards, checked on a short window around the match.
_BEFORE_THE = re.compile(r"\bthe\s+$", re.IGNORECASE)  # "the last week" is a duration
_BEFORE_DURATION = re.compile(r"\b(?:over|within|for|during|in)\s+$", re.IGNORECASE)
_BEFORE_USA = re.compile(r"\bUSA\s+$")  # the newspaper
_HOLIDAY_WORD = re.compile(
    r"\b(?:Good|Black|Ash|Holy|Maundy|Super|Cyber|Easter|Bloody|Palm|Shrove|Whit|Giving)\s+$"
)
_NEWSPAPER_AFTER = re.compile(
    r"\s+(?:Times|Telegraph|Mirror|Express|Post|Herald|Mail|Independent|Tribune|Star|Sport|People)\b"
)
_CAPITALISED_AFTER = re.compile(r"\s+[A-Z][a-z]")  # "by April Smith": a name, not a month
# "fell by 2000" is a quantity, not a year.
_CHANGE_VERB_BEFORE = re.compile(r"\b(?:" + "|".join(CHANGE_VERBS) + r")\s+$", re.IGNORECASE)

_WINDOW = 24  # characters of left context the guards look at


# --------------------------------------------------------------------------
# Calendar helpers
# --------------------------------------------------------------------------

def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _month_interval(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), _month_end(year, month)


def _add(date: dt.date, n: int, unit: str) -> dt.date:
    unit = unit.lower()
    if unit == "day":
        return date + dt.timedelta(days=n)
    if unit == "week":
        return date + dt.timedelta(weeks=n)
    if unit == "fortnight":
        return date + dt.timedelta(weeks=2 * n)
    if unit == "month":
        return date + relativedelta(months=n)
    return date + relativedelta(years=n)


def _closest_year(month: int, day: int, ref: dt.date) -> int | None:
    """Year that puts day/month closest to ref; ties go to the past (news looks back)."""
    best: tuple[int, int] | None = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            distance = abs((dt.date(year, month, day) - ref).days)
        except ValueError:  # 29 February in a common year, or year out of range
            continue
        if best is None or distance < best[0]:
            best = (distance, year)
    return None if best is None else best[1]


def _closest_month_year(month: int, ref: dt.date) -> int:
    """Year that puts a bare month closest to ref's month; ties go to the past."""
    here = ref.year * 12 + ref.month
    return min(
        (ref.year - 1, ref.year, ref.year + 1),
        key=lambda y: (abs(y * 12 + month - here), y),
    )


def _qualifier_part(qual: str | None) -> str | None:
    """Map "early"/"start of"/... to one of early, mid, late."""
    if not qual:
        return None
    q = qual.lower()
    if q.startswith(("early", "start", "beginning")):
        return "early"
    if q.startswith(("mid", "middle")):
        return "mid"
    return "late"  # late, end of


def _narrow_month(year: int, month: int, part: str | None) -> tuple[dt.date, dt.date]:
    low, high = _month_interval(year, month)
    if part == "early":
        return low, low.replace(day=10)
    if part == "mid":
        return low.replace(day=11), low.replace(day=20)
    if part == "late":
        return low.replace(day=21), high
    return low, high


def _narrow_year(year: int, part: str | None) -> tuple[dt.date, dt.date]:
    if part == "early":
        return dt.date(year, 1, 1), dt.date(year, 4, 30)
    if part == "mid":
        return dt.date(year, 5, 1), dt.date(year, 8, 31)
    if part == "late":
        return dt.date(year, 9, 1), dt.date(year, 12, 31)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _norm(s: str) -> str:
    return " ".join(s.lower().split())


def _left(text: str, start: int) -> str:
    return text[max(0, start - _WINDOW):start]


def _make(
    m: re.Match[str],
    group: str | int,
    low: dt.date | None,
    high: dt.date | None,
    *,
    relative: bool,
    granularity: str,
    weekday: int | None = None,
    mismatch: bool = False,
) -> DateMention:
    start, end = m.span(group)
    return DateMention(start, end, m.string[start:end], low, high, relative, weekday,
                       mismatch, granularity)


def _weekday_of(m: re.Match[str]) -> int | None:
    wd = m.groupdict().get("wd")
    return _WEEKDAY_NUM[wd[:3].lower()] if wd else None


# --------------------------------------------------------------------------
# Handlers: one per pattern, each returns a mention or None (not a date)
# --------------------------------------------------------------------------

_Handler = Callable[[re.Match[str], str, "dt.date | None"], "DateMention | None"]


def _explicit_day(m: re.Match[str], year: int, month: int, day: int) -> DateMention:
    try:
        date = dt.date(year, month, day)
    except ValueError:  # "31 February": keep the span, but it resolves to nothing
        return _make(m, 0, None, None, relative=False, granularity="day",
                     weekday=_weekday_of(m))
    wd = _weekday_of(m)
    return _make(m, 0, date, date, relative=False, granularity="day", weekday=wd,
                 mismatch=wd is not None and wd != date.weekday())


def _on_iso(m, text, ref):
    return _explicit_day(m, int(m["year"]), int(m["mon"]), int(m["day"]))


def _on_slash(m, text, ref):
    a, b = int(m["a"]), int(m["b"])
    # Day/month is the default; flip only when that is impossible and month/day is not.
    day, month = (b, a) if a <= 12 < b else (a, b)
    return _explicit_day(m, int(m["year"]), month, day)


def _on_day_month(m, text, ref):
    month, day = _MONTH_NUM[m["mon"][:3].lower()], int(m["day"])
    if m["year"]:
        return _explicit_day(m, int(m["year"]), month, day)
    year = _closest_year(month, day, ref) if ref is not None else None
    if year is None:  # no reference (or an impossible day): year unknown
        return _make(m, 0, None, None, relative=False, granularity="day",
                     weekday=_weekday_of(m))
    return _explicit_day(m, year, month, day)


def _on_range(m, text, ref):
    month, d1, d2 = _MONTH_NUM[m["mon"][:3].lower()], int(m["d1"]), int(m["day"])
    if m["year"]:
        year: int | None = int(m["year"])
    else:
        year = _closest_year(month, d1, ref) if ref is not None else None
    try:
        if year is None or d2 < d1:
            raise ValueError
        low, high = dt.date(year, month, d1), dt.date(year, month, d2)
    except ValueError:
        low = high = None
    return _make(m, 0, low, high, relative=False, granularity="range")


def _on_month_year(m, text, ref):
    month = _MONTH_NUM[m["mon"][:3].lower()]
    low, high = _narrow_month(int(m["year"]), month, _qualifier_part(m["qual"]))
    return _make(m, 0, low, high, relative=False, granularity="month")


def _on_month_prep(m, text, ref):
    prep, qual = m["prep"], m["qual"]
    if not prep and not qual:
        return None  # bare "April" may be a person's name
    if prep and prep.lower() == "by" and not qual and _CAPITALISED_AFTER.match(text, m.end()):
        return None  # "written by April Smith"
    month = _MONTH_NUM[m["mon"][:3].lower()]
    if ref is None:
        return _make(m, "span", None, None, relative=False, granularity="month")
    low, high = _narrow_month(_closest_month_year(month, ref), month, _qualifier_part(qual))
    return _make(m, "span", low, high, relative=False, granularity="month")


def _on_year(m, text, ref):
    if not m["prep"] and not m["qual"]:
        return None  # a bare four-digit number is too often a count or an id
    if (m["prep"] or "").lower() == "by" and _CHANGE_VERB_BEFORE.search(_left(text, m.start())):
        return None
    low, high = _narrow_year(int(m["year"]), _qualifier_part(m["qual"]))
    return _make(m, "span", low, high, relative=False, granularity="year")


_REL_DAY_OFFSET = RELATIVE_DAY_OFFSETS


def _on_rel_day(m, text, ref):
    key = _norm(m["span"])
    if key == "today" and _BEFORE_USA.search(_left(text, m.start("span"))):
        return None
    if key == "last night" and _BEFORE_THE.search(_left(text, m.start("span"))):
        return None
    # "yesterday evening" shifts like "yesterday"; "today", "this morning" etc. are 0.
    offset = _REL_DAY_OFFSET.get(key, _REL_DAY_OFFSET.get(key.split(" ", 1)[0], 0))
    if ref is None:
        return _make(m, "span", None, None, relative=True, granularity="day")
    date = ref + dt.timedelta(days=offset)
    return _make(m, "span", date, date, relative=True, granularity="day")


def _period(ref: dt.date, mod: str, unit: str) -> tuple[dt.date, dt.date]:
    """Interval for "<mod> <unit>", e.g. ("last", "week"), ("earlier this", "month")."""
    day = dt.timedelta(days=1)
    if mod in ("past", "this past"):
        mod = "last"
    if unit == "weekend":
        friday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(days=4)
        if mod == "last":
            friday -= dt.timedelta(weeks=1)
        elif mod == "next" or (mod in ("coming", "this coming") and ref.weekday() == 6):
            friday += dt.timedelta(weeks=1)
        # Friday is included because news use "weekend" loosely.
        return friday, friday + 2 * day

    if unit == "week":
        low = ref - dt.timedelta(days=ref.weekday())
        high = low + 6 * day
        step = dt.timedelta(weeks=1)
        if mod == "last":
            return low - step, high - step
        if mod in ("next", "coming", "this coming"):
            return low + step, high + step
    elif unit == "month":
        low, high = _month_interval(ref.year, ref.month)
        if mod == "last":
            return _month_interval((low - day).year, (low - day).month)
        if mod in ("next", "coming", "this coming"):
            return _month_interval((high + day).year, (high + day).month)
    else:  # year
        low, high = dt.date(ref.year, 1, 1), dt.date(ref.year, 12, 31)
        if mod == "last":
            return dt.date(ref.year - 1, 1, 1), dt.date(ref.year - 1, 12, 31)
        if mod in ("next", "coming", "this coming"):
            return dt.date(ref.year + 1, 1, 1), dt.date(ref.year + 1, 12, 31)

    # "earlier this X" excludes the reference day itself, "later this X" too,
    # unless that would leave an empty interval.
    if mod == "earlier this":
        return low, max(low, ref - day)
    if mod == "later this":
        return min(high, ref + day), high
    return low, high  # "this X"


def _on_rel_period(m, text, ref):
    mod, unit = _norm(m["mod"]), m["unit"].lower()
    if mod in ("last", "next", "past", "coming") and _BEFORE_THE.search(_left(text, m.start())):
        return None  # "over the next month", "in the past week": durations
    if ref is None:
        return _make(m, "span", None, None, relative=True, granularity=unit)
    low, high = _period(ref, mod, unit)
    return _make(m, "span", low, high, relative=True, granularity=unit)


def _on_the_weekend(m, text, ref):
    if ref is None:
        return _make(m, "span", None, None, relative=True, granularity="weekend")
    # "over the weekend": the one just gone on Mon-Thu, the current one Fri-Sun.
    low, high = _period(ref, "this" if ref.weekday() >= 4 else "last", "weekend")
    return _make(m, "span", low, high, relative=True, granularity="weekend")


# A future cue in the same clause before the weekday: no sentence end, no other clause's verb between.
_FUTURE_BEFORE = re.compile(r"\b(?:" + "|".join(re.escape(c) for c in FUTURE_CUES) + r")\b[^.;!?]{0,60}$", re.I)


def _on_weekday(m, text, ref):
    mod = _norm(m["mod"]) if m["mod"] else ""
    start = m.start("span")
    if not mod and (_HOLIDAY_WORD.search(_left(text, start))
                    or _NEWSPAPER_AFTER.match(text, m.end("wd"))):
        return None  # "Good Friday", "the Sunday Times"
    if mod in ("last", "next", "past", "coming") and _BEFORE_THE.search(_left(text, start)):
        return None  # "the last Friday of the month"
    wd = _WEEKDAY_NUM[m["wd"][:3].lower()]
    if ref is None:
        return _make(m, "span", None, None, relative=True, granularity="day", weekday=wd)
    if mod in ("next", "coming", "this coming", "on coming"):
        delta = (wd - ref.weekday()) % 7 or 7  # strictly after ref
    elif mod in ("last", "past", "this past"):
        delta = -((ref.weekday() - wd) % 7 or 7)  # strictly before ref
    elif _FUTURE_BEFORE.search(text[max(0, start - 80):start]):
        delta = (wd - ref.weekday()) % 7  # "will reopen on Monday": the next one, on or after ref
    else:
        # No future cue: news mostly looks back, so the most recent one on or before ref.
        delta = -((ref.weekday() - wd) % 7)
    date = ref + dt.timedelta(days=delta)
    return _make(m, "span", date, date, relative=True, granularity="day", weekday=wd)


def _shift_delta(m: re.Match[str]) -> tuple[int, str]:
    """Signed count and unit for a _SHIFT match."""
    n = int(m["num"]) if m["num"].isdigit() else _NUMBER_WORDS[_norm(m["num"])]
    return (-n if m["dir"].lower() in ("ago", "earlier") else n), m["unit"].lower()


def _on_shift(m, text, ref):
    # "a week later" / "two days earlier" are really relative to some event in the
    # story; lacking that we anchor them on ref like "ago". Callers that know the
    # anchor can re-resolve with shift_from(anchor, mention.text).
    if ref is None:
        return _make(m, "span", None, None, relative=True, granularity="day")
    n, unit = _shift_delta(m)
    date = _add(ref, n, unit)
    return _make(m, "span", date, date, relative=True, granularity="day")


def _on_next_day(m, text, ref):
    if _BEFORE_DURATION.search(_left(text, m.start())):
        return None  # "over the next day or two"
    if ref is None:
        return _make(m, "span", None, None, relative=True, granularity="day")
    # Anchored on ref for want of a better anchor; see shift_from.
    step = 1 if m["dir"].lower() in ("next", "following") else -1
    date = ref + dt.timedelta(days=step)
    return _make(m, "span", date, date, relative=True, granularity="day")


def _on_that_day(m, text, ref):
    return _make(m, "span", None, None, relative=True, granularity="day")


# Order only breaks ties between equally long candidates at the same offset.
_RULES: tuple[tuple[re.Pattern[str], _Handler], ...] = (
    (_ISO, _on_iso),
    (_SLASH, _on_slash),
    (_DMY_RANGE, _on_range),
    (_MDY_RANGE, _on_range),
    (_DMY, _on_day_month),
    (_MDY, _on_day_month),
    (_MONTH_YEAR, _on_month_year),
    (_MONTH_PREP, _on_month_prep),
    (_YEAR_PREP, _on_year),
    (_REL_DAY, _on_rel_day),
    (_REL_PERIOD, _on_rel_period),
    (_THE_WEEKEND, _on_the_weekend),
    (_WEEKDAY_REL, _on_weekday),
    (_SHIFT, _on_shift),
    (_NEXT_DAY, _on_next_day),
    (_THAT_DAY, _on_that_day),
)


# --------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------

def _select(candidates: list[tuple[DateMention, int]]) -> list[DateMention]:
    """Keep non-overlapping candidates, preferring the longest in each overlapping cluster."""
    candidates.sort(key=lambda c: (c[0].start, -c[0].end, c[1]))
    chosen: list[DateMention] = []
    i, n = 0, len(candidates)
    while i < n:
        # Clusters of transitively overlapping candidates are tiny, so the
        # quadratic greedy inside one is cheap even on megabytes of text.
        j, cluster_end = i + 1, candidates[i][0].end
        while j < n and candidates[j][0].start < cluster_end:
            cluster_end = max(cluster_end, candidates[j][0].end)
            j += 1
        picked: list[DateMention] = []
        for mention, _ in sorted(candidates[i:j],
                                 key=lambda c: (c[0].start - c[0].end, c[0].start, c[1])):
            if all(mention.end <= p.start or mention.start >= p.end for p in picked):
                picked.append(mention)
        chosen.extend(sorted(picked, key=lambda p: p.start))
        i = j
    return chosen


def find_dates(text: str, reference: dt.date | None) -> list[DateMention]:
    """All date mentions in text, sorted by start, non-overlapping, resolved against reference."""
    if not isinstance(text, str) or not text:
        return []
    if isinstance(reference, dt.datetime):  # datetimes do not compare with dates
        reference = reference.date()
    candidates: list[tuple[DateMention, int]] = []
    for order, (pattern, handler) in enumerate(_RULES):
        for m in pattern.finditer(text):
            try:
                mention = handler(m, text, reference)
            except (ValueError, OverflowError):  # arithmetic past year 1 or 9999
                continue
            if mention is not None:
                candidates.append((mention, order))
    return _select(candidates)


def shift_from(anchor: dt.date, mention_text: str) -> tuple[dt.date, dt.date] | None:
    """Re-resolve a shift expression ("a week later", "two days earlier", "the next
    day", "the previous day", "that day") against ``anchor`` instead of the publication date.

    Returns None for anything else, including "N days ago", which is anchored on
    the publication date by meaning.
    """
    if not isinstance(mention_text, str):
        return None
    t = mention_text.strip()
    try:
        m = _SHIFT.fullmatch(t)
        if m and m["dir"].lower() != "ago":
            n, unit = _shift_delta(m)
            date = _add(anchor, n, unit)
            return date, date
        if _THAT_DAY.fullmatch(t):
            return anchor, anchor
        m = _NEXT_DAY.fullmatch(t)
        if m:
            step = 1 if m["dir"].lower() in ("next", "following") else -1
            date = anchor + dt.timedelta(days=step)
            return date, date
    except (ValueError, OverflowError):
        return None
    return None
