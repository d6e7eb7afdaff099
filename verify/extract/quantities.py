"""Find counts, money amounts and percentages in English text.

Every mention becomes a :class:`Quantity` carrying a point estimate plus the
interval its wording admits ("around 30" -> [27, 33], "more than 30" ->
[31, inf], "hundreds of" -> [200, 999]), so that claims from different sources
can later be compared by interval overlap rather than by string equality.

The module is pure and deterministic: standard library only (its word lists come from
`verify.lexicon.en`), every regex is a module-level constant, and nothing is cached between calls.

How it works, in brief:

1. Spans that contain digits but are *not* amounts (dates, times, phone
   numbers, year ranges) are marked in a blocked-character mask.
2. A single scanner regex finds numeric cores: digit numbers, number words
   ("forty-seven", "a dozen") and vague plurals ("hundreds", "tens of thousands").
3. Each core is grown leftwards (currency symbol, hedge words) and rightwards
   (scale word, range tail, "+", percent sign, currency word, head noun) and
   then vetted by a few heuristics (identifiers, years, pronoun "one").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ..lexicon.en import (
    CAPITALISED_BEFORE_NUMBER,
    COMPOUND_PLURALS,
    CURRENCY_SYMBOLS,
    CURRENCY_WORD_PREFIXES,
    DOLLAR_ADJECTIVES,
    HEDGE_PHRASES,
    IDENTIFIER_WORDS,
    IRREGULAR_PLURALS,
    ISO_CURRENCY_CODES,
    MONTH_ABBREVIATIONS,
    MONTHS,
    NOT_PLURAL,
    NOUN_PHRASE_STOP,
    NUMBER_ONES,
    NUMBER_SCALES,
    NUMBER_TEENS,
    NUMBER_TENS,
    ONE_DETERMINERS,
    ONE_IDIOMS,
    SCALE_ABBREVIATIONS,
    VAGUE_QUANTITIES,
    YEAR_LEADERS,
)

__all__ = ["Quantity", "find_quantities", "hedge_before", "hedge_interval", "parse_number_words"]

INF = float("inf")


@dataclass(frozen=True)
class Quantity:
    """One count/amount mention.

    ``value`` is the number as stated (midpoint for ranges, a typical value for
    vague words); ``[low, high]`` is what the wording admits, so for strict
    bounds ("more than 30" -> [31, inf]) value may lie just outside it.

    Compound adjectives ("the 27-member compact", "a five-point plan") give a
    count whose ``unit`` is the hyphenated noun in the plural ("members",
    "points"; "12-strong" -> "members"), whose unit offsets point at that noun
    as written ("member") and whose ``holder`` is the noun phrase after the
    compound ("compact", "plan").  Durations and measures ("three-day",
    "20-year-old", "10-mile") are never counts.

    Partitives ("3,200 of its members", "22 of the bloc's member states") set
    ``partitive`` and take the noun phrase after the determiner as ``unit``,
    with ``text`` covering the whole phrase.  When the whole is itself a
    number ("30 of the 31 countries") the first mention ends before it
    ("30 of the", unit "") and the second is a quantity of its own
    ("31 countries").  Digits with a pronoun ("12 of whom", "3 of them") are
    partitive with unit ""; word numbers with a pronoun ("two of them") and
    "one of ..." stay pronouns and are not reported.

    Vote tallies ("by 312 votes to 215", "a 5-4 vote") give two counts with
    unit "votes", ``role`` "for" then "against".  The noun is written once,
    so the mention that does not contain it has an empty unit span at its
    number_end.
    """

    start: int  # char offset of the whole mention (hedge word included)
    end: int  # text[start:end] == self.text
    text: str
    number_start: int  # offsets of just the numeric expression incl. hedge
    number_end: int
    value: float  # point estimate in base units
    low: float  # inclusive interval admitted by the wording
    high: float
    hedge: str  # exact|approx|at_least|more_than|at_most|less_than|up_to|nearly|vague
    kind: str  # count|money|percent
    currency: str | None  # ISO 4217 code for money, else None
    unit: str  # head noun phrase (lower-cased) / currency code / "%"
    unit_start: int
    unit_end: int
    # Optional extras; defaults keep positional/keyword constructors working.
    holder: str = ""  # "the 27-member compact": the thing that has the members ("compact")
    partitive: bool = False  # "3,200 of its members", "30 of the 31 countries", "12 of whom"
    role: str = ""  # "312 votes to 215": "for" on the first number, "against" on the second


# ---------------------------------------------------------------------------
# Number words
# ---------------------------------------------------------------------------

_ONES = NUMBER_ONES
_TEENS = NUMBER_TEENS
_TENS = NUMBER_TENS
_SCALES = NUMBER_SCALES
# Words that multiply what precedes them; a word number containing one of
# these is "big enough" to be a count even without a following noun.
_MULTIPLIERS = frozenset({"hundred", "dozen", *_SCALES})


def _alt(words) -> str:
    # Longest first so that e.g. "seventeen" is preferred over "seven".
    return "|".join(sorted(words, key=len, reverse=True))


def parse_number_words(s: str) -> float | None:
    """Parse an English number written in words.

    'forty-seven' -> 47, 'thirty one' -> 31, 'a hundred' -> 100,
    'two thousand five hundred' -> 2500, 'twelve' -> 12, 'dozen' -> 12,
    'half a million' -> 500000.  Returns None for anything that is not a
    well-formed number ('one two', 'hundred', 'apple', '12').
    """
    if not isinstance(s, str):
        return None
    tokens = re.sub(r"[-\u2010\u2011\u2013]", " ", s.lower()).strip(" \t\r\n.,;:!?").split()
    if not tokens or len(tokens) > 40:
        return None
    best = _number_prefix(tokens)
    if best is None or best[0] != len(tokens):
        return None
    return float(best[1])


def _number_prefix(tokens: list[str]) -> tuple[int, float] | None:
    """Longest prefix of lower-cased tokens that is a number: (n_tokens, value).

    A single left-to-right pass over a tiny grammar; once a token breaks the
    grammar no longer prefix can be valid, so scanning stops there (this keeps
    "one one one ..." linear).
    """
    if not tokens:
        return None
    if tokens[0] == "zero":
        return (1, 0.0)
    # "half a million", "half a dozen": only as a complete phrase.
    if tokens[0] == "half":
        if len(tokens) >= 3 and tokens[1] in ("a", "an"):
            mult = _multiplier_value(tokens[2])
            if mult is not None:
                return (3, mult / 2)
        return None

    total = 0
    current = 0
    last = None  # category of the previous token; drives the grammar below
    last_scale = math.inf  # scales must strictly decrease: "two million three thousand"
    i = 0
    if tokens[0] in ("a", "an"):
        # "a hundred", "a dozen": the article stands for "one".
        if len(tokens) < 2 or tokens[1] not in _MULTIPLIERS:
            return None
        current, last, i = 1, "unit", 1

    best = None
    after_and = False
    for k in range(i, len(tokens)):
        tok = tokens[k]
        if last == "dozen":
            break  # nothing may follow "dozen"
        if tok == "and":
            # British "two hundred and fifty", "one thousand and five".
            if last not in ("hundred", "scale") or after_and:
                break
            after_and = True
            continue
        if after_and and not (tok in _ONES or tok in _TEENS or tok in _TENS):
            break
        after_and = False
        if tok in _ONES:
            if last not in (None, "tens", "hundred", "scale"):
                break
            current += _ONES[tok]
            last = "unit"
        elif tok in _TEENS or tok in _TENS:
            if last not in (None, "hundred", "scale"):
                break
            current += _TEENS.get(tok) or _TENS[tok]
            last = "teen" if tok in _TEENS else "tens"
        elif tok == "hundred":
            if last not in ("unit", "teen", "tens") or not 0 < current < 100:
                break
            current *= 100
            last = "hundred"
        elif tok in _SCALES:
            scale = _SCALES[tok]
            if last not in ("unit", "teen", "tens", "hundred") or scale >= last_scale:
                break
            total += current * scale
            current = 0
            last, last_scale = "scale", scale
        elif tok == "dozen":
            if last is None:
                current = 12  # bare "dozen" means one dozen
            elif last in ("unit", "teen", "tens") and last_scale == math.inf:
                current *= 12  # "two dozen"
            else:
                break
            last = "dozen"
        else:
            break
        best = (k + 1, float(total + current))
    return best


def _multiplier_value(word: str) -> int | None:
    if word == "hundred":
        return 100
    if word == "dozen":
        return 12
    return _SCALES.get(word)


# ---------------------------------------------------------------------------
# Scanner regexes
# ---------------------------------------------------------------------------

_SP = r"[ \t\u00a0\u202f]"  # horizontal whitespace, incl. (narrow) no-break space

# Digit numbers.  Grouped forms come first so "12,500" is not read as "12".
_DIGITS_BODY = r"""
(?P<num>
    [0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?                 # 12,500  1,000,000.5
  | [0-9]{1,3}(?:\.[0-9]{3})+(?![0-9])                     # 1.000.000 (European)
  # 1 000 000, 31\u00a0000, 31\u200b000
  | [0-9]{1,3}(?:[ \u00a0\u202f\u2009\u200b\u200c\u200d\u2060\ufeff][0-9]{3}){1,6}(?![0-9])
  | [0-9]+(?:\.[0-9]+)?                                     # 30, 1.2
)
(?P<abbr>bn|mn|tn|[mkb])?     # attached scale: "$3bn", "EUR2.5m" (validated later)
(?!\w)                        # "31st", "A320", "10km", "1e6" are not amounts
(?![.,/:][0-9])               # nor are "1.2.3", "10/04", "13:15" or "2,5"
"""
# Not inside a larger token: "G7", "F-16", "COVID-19", "#5", second half of "1.2".
_DIGITS_LOOKBEHIND = r"(?<![\w#\u2116\u00a7])(?<![0-9][.,/:])(?<!\w[-\u2013])"

_W_FIRST = _alt([*_ONES, *_TEENS, *_TENS, "zero"])
_W_ANY = _alt([*_ONES, *_TEENS, *_TENS, "zero", "hundred", "dozen", *_SCALES])
_W_MULT = _alt(_MULTIPLIERS)
# A run of number words; it must start with a digit-word or "a/an/half a"
# + multiplier, so "several thousand" never yields "thousand".
_WORDS_BODY = rf"""
\b(?:(?:an?|half{_SP}+an?){_SP}+(?:{_W_MULT})|(?:{_W_FIRST}))\b
(?:(?:-|{_SP}+(?:and{_SP}+)?)(?:{_W_ANY})\b){{0,10}}
"""

_VAGUE_BODY = rf"""
\b(?:
    (?:tens|hundreds){_SP}+of{_SP}+(?:thousands|millions|billions)
  | dozens|hundreds|thousands|millions|billions
  | (?:tens|scores)(?={_SP}+of\b)
  | a{_SP}+(?:handful|couple)(?={_SP}+of\b)
)\b
"""

_CORE_RE = re.compile(
    rf"(?P<vague>{_VAGUE_BODY})|(?P<words>{_WORDS_BODY})|(?P<digits>{_DIGITS_LOOKBEHIND}{_DIGITS_BODY})",
    re.IGNORECASE | re.VERBOSE,
)
# Second number of a range: same shapes, but it legitimately follows "-".
_TAIL_DIGITS_RE = re.compile(_DIGITS_BODY, re.IGNORECASE | re.VERBOSE)
_TAIL_WORDS_RE = re.compile(_WORDS_BODY, re.IGNORECASE | re.VERBOSE)

# point estimate, low, high for vague expressions.
_VAGUE = VAGUE_QUANTITIES

_ABBR_SCALE = SCALE_ABBREVIATIONS
# "m", "k" and "b" are only trusted next to a currency ("5m" may be metres).
_MONEY_ONLY_ABBR = frozenset({"k", "m", "b"})

_SCALE_AFTER_RE = re.compile(
    rf"(?:{_SP}?(?P<abbr>bn|mn|tn|trn)\b|{_SP}+(?P<word>hundred|thousand|million|billion|trillion)\b)",
    re.IGNORECASE,
)

# --- currencies -------------------------------------------------------------

_SYMBOLS = CURRENCY_SYMBOLS
_ISO_CODES = ISO_CURRENCY_CODES
_ISO_ALT = _alt(_ISO_CODES)
# Right-anchored: searched in the few characters before a number.
_CUR_PREFIX_RE = re.compile(
    rf"""(?:
        (?<![A-Za-z])(?P<sym>US\$|U\.S\.\$|AU\$|A\$|CA\$|C\$|HK\$|NZ\$|S\$|R\$|Rs\.?)
      | (?P<bare>[$€£¥₴₹₽₩₺₪])
      | (?<![\w])(?P<code>(?-i:{_ISO_ALT}))
    ){_SP}?$""",
    re.VERBOSE,
)
# Currency words by prefix, so that plurals and spelling variants share a row.
_CUR_WORD_PREFIXES = CURRENCY_WORD_PREFIXES
_DOLLAR_ADJ = DOLLAR_ADJECTIVES
_CUR_SUFFIX_RE = re.compile(
    rf"""{_SP}+(?:
        (?:(?P<adj>US|U\.S\.|American|Canadian|Australian|Hong{_SP}+Kong|New{_SP}+Zealand|Singapore){_SP}+)?
        (?P<word>dollars?|euros?|pounds?(?:{_SP}+sterling)?|sterling|yen|yuan|renminbi
                 |hryvni?as?|hryvnya|hryvnyas|roubles?|rubles?|rupees?|(?:swiss{_SP}+)?francs?
                 |zloty|zlotys|zlotych|liras?|shekels?)\b
      | (?P<code>(?-i:{_ISO_ALT}))\b
      | (?P<grn>\u0433\u0440\u043d)(?!\w)\.?   # Ukrainian "грн"
    )
    | {_SP}?(?P<sym>[$€£¥₴₹₽₩₺₪])(?!{_SP}?[0-9])   # "30 €", continental style
    """,
    re.IGNORECASE | re.VERBOSE,
)

# Currency repeated on the upper end of a range.
_CUR_REPEAT_RE = re.compile(rf"(?:[A-Z]{{1,2}}\$|[$€£¥₴₹₽₩₺₪]|(?:{_ISO_ALT}){_SP})")

_PCT_RE = re.compile(
    rf"(?:{_SP}?(?P<sign>%)|{_SP}+(?P<points>percentage{_SP}+points?)\b|{_SP}+(?P<word>per{_SP}?cent|percent|pct)\b)",
    re.IGNORECASE,
)

# --- hedges -----------------------------------------------------------------

_HEDGE_PHRASES = HEDGE_PHRASES
_HEDGE_OF = {p: h for h, ps in _HEDGE_PHRASES.items() for p in ps}


def _phrase_re(p: str) -> str:
    return rf"{_SP}+".join(re.escape(w) for w in p.split())


_HEDGE_RE = re.compile(
    rf"(?<![\w])(?P<h>{'|'.join(_phrase_re(p) for p in sorted(_HEDGE_OF, key=len, reverse=True))}){_SP}*$",
    re.IGNORECASE,
)

_RANGE_SEP_RE = re.compile(
    rf"(?:{_SP}*(?P<dash>[-\u2013\u2014]){_SP}*|{_SP}+(?P<word>to|or|and){_SP}+)", re.IGNORECASE
)
_PLUS_RE = re.compile(r"(?:(?P<plus>\+(?![0-9])|-plus\b)|(?P<odd>[-\u2013]odd\b))", re.IGNORECASE)
_OR_MORE_RE = re.compile(
    rf"{_SP}+or{_SP}+(?:(?P<more>more|above|over|greater|higher)|(?P<less>fewer|less|under|below|lower))\b",
    re.IGNORECASE,
)
_OF_RE = re.compile(rf"{_SP}+of\b", re.IGNORECASE)

# --- identifiers, years, pronoun "one" --------------------------------------

# A number right after one of these words names a thing rather than counting
# it: "Resolution 2231", "page 5", "Flight 370".
_ID_WORDS = IDENTIFIER_WORDS
_ID_MARKS = frozenset("#\u2116\u00a7")  # "#5", "No 5" sign, section sign
# "No. 10 Downing Street"; case-sensitive so that the determiner "no" is not caught.
_NO_ABBREVIATIONS = frozenset({"No", "No.", "no.", "Nos.", "NO", "NO."})
# The word just before a position; glued only when it ends in "." ("No.10").
_WORD_BEFORE_RE = re.compile(r"([^\W\d_][\w'\u2019.&-]*)(?:[ \t\u00a0]|(?<=\.))$")
# Words that precede a year rather than a count ("in 2020 protests erupted").
_YEAR_LEADERS = YEAR_LEADERS
_SENTENCE_BREAK = set(".!?:;\"'\u201c\u201d\u2018\u2019([{\u2014\u2013-\u2022*|>\n")
_CAPITAL_OK = CAPITALISED_BEFORE_NUMBER
_ONE_DETERMINERS = ONE_DETERMINERS
_ONE_IDIOMS = ONE_IDIOMS

_LETTERS_RE = re.compile(r"[A-Za-z]+")
_EURO_GROUPS_RE = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+")
_SPACES_RE = re.compile(r"[ \u00a0\u202f\u2009\u200b\u200c\u200d\u2060\ufeff]")  # group separators, zero-width too
_YEAR_RE = re.compile(r"(?:19|20)[0-9]{2}|2100")

# --- head noun ---------------------------------------------------------------

_UNIT_WORD_RE = re.compile(rf"{_SP}*(?:\r?\n{_SP}*)?([^\W\d_][\w'\u2019-]*)")
# Function words (and a few frequent verbs) end a noun phrase.
_STOP = NOUN_PHRASE_STOP
_IRREGULAR_PLURALS = IRREGULAR_PLURALS
_NOT_PLURAL = NOT_PLURAL

# --- compound adjectives, partitives, votes -----------------------------------

# "the 27-member compact": hyphenated nouns after which a number counts
# something the following noun has.  A whitelist, so durations, ages and
# measures ("three-day", "20-year-old", "10-mile", "5-storey") never qualify.
_COMPOUND_PLURALS = COMPOUND_PLURALS
_HYPHENS = "-\u2010\u2011"
_HYPHENS_RX = "\\-\u2010\u2011"  # the same, for use inside a regex character class
_COMPOUND_RE = re.compile(
    rf"[{_HYPHENS_RX}](?P<noun>(?:member|nation)[{_HYPHENS_RX}]state"
    rf"|{_alt(k for k in _COMPOUND_PLURALS if '-' not in k)})(?![\w{_HYPHENS_RX}])",
    re.IGNORECASE,
)
# "30 of the 31 countries", "3,200 of its members", "22 of the bloc's member states".
_PART_OF_RE = re.compile(rf"{_SP}+of{_SP}+", re.IGNORECASE)
_PART_DET_RE = re.compile(
    rf"""(?P<det>
        (?:(?i:the){_SP}+)?(?:[A-Z][\w.&-]*{_SP}+){{0,3}}[^\W\d_][\w.&-]*(?:['\u2019]s|s['\u2019])  # the bloc's
      | (?i:the|its|their|his|her|our|your|these|those)
    ){_SP}+""",
    re.VERBOSE,
)
_PART_PRONOUN_RE = re.compile(r"(?:them|us|you|whom|which|these|those)\b", re.IGNORECASE)
# "312 votes to 215", "two votes to one", "a 5-4 vote".
_VOTE_HINT_RE = re.compile(r"[^.;\n]{0,24}?\bvotes?\b", re.IGNORECASE)
_VOTES_TO_RE = re.compile(rf"{_SP}+(?P<noun>votes?)\b{_SP}+to{_SP}+", re.IGNORECASE)
_VOTE_DASH_RE = re.compile(
    rf"[-\u2013](?P<num>[0-9]{{1,3}}(?:,[0-9]{{3}})+|[0-9]+)(?![\w.,/:-]){_SP}+(?P<noun>votes?)\b", re.IGNORECASE
)

# --- spans that look numeric but are not amounts ------------------------------

_MONTH = r"(?:" + "|".join((*MONTHS, *MONTH_ABBREVIATIONS)) + r")\b\.?"
_DAY = r"[0-9]{1,2}(?:st|nd|rd|th)?\b"
_MASK_RES = (
    # 10 April / 4-5 April 2025 / 27th of March
    re.compile(rf"\b{_DAY}(?:\s*(?:-|\u2013|to|and)\s*{_DAY})?\s+(?:of\s+)?{_MONTH}(?:,?\s+[0-9]{{4}}\b)?"),
    # April 10 / April 10, 2025 / April 2025
    re.compile(rf"\b{_MONTH}\s+(?:{_DAY}(?:\s*[-\u2013]\s*{_DAY})?(?:,?\s+[0-9]{{4}}\b)?|[0-9]{{4}}\b)"),
    # 10/04/2025, 2025-04-10, 10.04.2025 (same separator twice)
    re.compile(r"\b[0-9]{1,4}([/.\-])[0-9]{1,2}\1[0-9]{1,4}\b"),
    # 10/4, 24/7, 04/2025
    re.compile(r"\b[0-9]{1,2}/[0-9]{1,4}\b"),
    # 2024-25, 2020-2024, 2024/25
    re.compile(r"\b(?:1[89]|20)[0-9]{2}\s*[-\u2013/]\s*(?:(?:1[89]|20)[0-9]{2}|[0-9]{2})\b"),
    # 13:15, 19:58:02, 9:30 pm
    re.compile(r"\b[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:\s*(?:[ap]\.m\.|[ap]m\b))?", re.IGNORECASE),
    # 5 pm, 10.30 a.m., 5 o'clock, 1900 GMT
    re.compile(r"\b[0-9]{1,2}(?:\.[0-9]{2})?\s*(?:[ap]\.m\.|[ap]m\b)", re.IGNORECASE),
    re.compile(r"\b[0-9]{1,2}\s*o['\u2019]clock\b", re.IGNORECASE),
    re.compile(r"\b[0-9]{1,4}\s*(?:GMT|UTC|BST|CET|CEST|EET|EEST|EST|EDT|PST|PDT|Kyiv time)\b"),
    # +44 20 7946 0958
    re.compile(r"\+[0-9]{1,3}(?:[ \u00a0.\-]?\(?[0-9]{1,5}\)?){2,6}"),
    # (555) 123-4567, 555-123-4567, 020 7946 0958
    re.compile(r"(?:\(\d{3}\)\s*|\b\d{3}[ .\-])\d{3}[ .\-]\d{4}\b"),
    re.compile(r"\b0\d{2,4}[ \-]\d{3,4}[ \-]\d{3,4}\b"),
)
# 555-0199; filtered in code so that round ranges like "500-1000" survive.
_SHORT_PHONE_RE = re.compile(r"\b(\d{3})-(\d{4})\b")


# ---------------------------------------------------------------------------
# Public entry point
# ---------------------------------------------------------------------------


def find_quantities(text: str) -> list[Quantity]:
    """All counts/amounts in text, in order of start offset, non-overlapping."""
    if not isinstance(text, str) or not text:
        return []
    mask = _blocked_mask(text)
    out: list[Quantity] = []
    pos = prev_end = 0
    while True:
        m = _CORE_RE.search(text, pos)
        if m is None:
            break
        try:
            pair = _vote_pair(text, m, mask)
            q = None if pair else _build(text, m, mask, prev_end)
        except (ValueError, ArithmeticError, InvalidOperation, OverflowError):
            pair = q = None  # defensive: a weird input must never abort extraction
        if pair:
            out.extend(pair)
            prev_end = pos = pair[1].end
            continue
        if q is None:
            pos = m.start() + 1
            continue
        out.append(q)
        prev_end = pos = max(q.end, m.start() + 1)
    return out


# ---------------------------------------------------------------------------
# Internals
# ---------------------------------------------------------------------------


def _blocked_mask(text: str) -> bytearray | None:
    """Mark characters that belong to dates, times and phone numbers."""
    mask = None
    for rx in _MASK_RES:
        for m in rx.finditer(text):
            s, e = m.span()
            if mask is None:
                mask = bytearray(len(text))
            mask[s:e] = b"\x01" * (e - s)
    for m in _SHORT_PHONE_RE.finditer(text):
        a, b = m.group(1), m.group(2)
        if a.endswith("00") and b.endswith("00"):
            continue  # "500-1000" is a range, "555-0199" a phone number
        s, e = m.span()
        if mask is None:
            mask = bytearray(len(text))
        mask[s:e] = b"\x01" * (e - s)
    return mask


def _blocked(mask: bytearray | None, s: int, e: int) -> bool:
    return mask is not None and mask.find(1, s, e) != -1


def _digits_value(raw: str, decimal_dot: bool) -> Decimal:
    """Decimal value of a digit string matched by _DIGITS_BODY.

    decimal_dot: read a lone ".ddd" as a decimal point (next to a scale word,
    percent or currency) rather than European thousands grouping.
    """
    if "," in raw:
        return Decimal(raw.replace(",", ""))
    if _SPACES_RE.search(raw):
        return Decimal(_SPACES_RE.sub("", raw))
    if _EURO_GROUPS_RE.fullmatch(raw) and (raw.count(".") > 1 or not decimal_dot):
        return Decimal(raw.replace(".", ""))
    return Decimal(raw)


def _words_at(text: str, s: int, e: int) -> tuple[int, Decimal, bool] | None:
    """Longest prefix of text[s:e] that is a well-formed number in words.

    Returns (end offset, value, contains a multiplier word)."""
    toks = list(_LETTERS_RE.finditer(text, s, e))
    words = [t.group().lower() for t in toks]
    best = _number_prefix(words)
    if best is None:
        return None
    k, val = best
    return toks[k - 1].end(), Decimal(str(val)), bool(_MULTIPLIERS.intersection(words[:k]))


def _unit_after(text: str, p: int) -> tuple[str, int, int]:
    """Head noun phrase starting at p: up to 3 words, stopping at function words."""
    words: list[str] = []
    us = ue = prev_end = p
    first_cap = False
    while len(words) < 3:
        m = _UNIT_WORD_RE.match(text, ue)
        if m is None:
            break
        w = m.group(1)
        if w[-1] in "-'\u2019":
            w = w.rstrip("-'\u2019")
        lw = w.lower()
        if not w or len(w) > 40 or lw in _STOP or any(c.isdigit() for c in w):
            break
        if ue == p and m.start(1) == p:
            break  # glued to the number ("30x"): not a unit
        if words:
            if w[0].isupper() and not first_cap:
                break  # "30 countries Trump said": a capital starts a new phrase
            if lw.endswith(("ed", "ly")):
                break  # "one soldier died" / "... killed": verbs, adverbs
        else:
            first_cap = w[0].isupper()
            us = m.start(1)
        words.append(lw)
        prev_end, ue = ue, m.start(1) + len(w)
        if _looks_plural(lw):
            break  # the plural head noun closes the phrase
    # A lone trailing participle is a verb ("thousands marched", "30 killed"),
    # but an adjective before a noun is kept ("30 wounded soldiers").
    if words and words[-1].endswith("ed") and not _looks_plural(words[-1]):
        words.pop()
        ue = prev_end
    if not words:
        return "", p, p
    return " ".join(words), us, ue


def _looks_plural(w: str) -> bool:
    if w in _IRREGULAR_PLURALS:
        return True
    if w in _NOT_PLURAL or len(w) < 3:
        return False
    return w.endswith("s") and not w.endswith(("ss", "us", "is", "'s", "\u2019s"))


def _word_before(text: str, s: int, lo: int) -> str:
    m = _WORD_BEFORE_RE.search(text, max(lo, s - 40), s)
    return m.group(1) if m else ""


def _is_sentence_start(text: str, s: int) -> bool:
    """True if position s starts a sentence/line (nothing but punctuation before)."""
    i = s - 1
    while i >= 0 and text[i] in " \t\u00a0\u202f\r":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_BREAK


def _capitalised_word_before(text: str, s: int) -> bool:
    """'Boeing 737', 'Windows 10', 'EU 27': a name glued to a number is an identifier."""
    m = _WORD_BEFORE_RE.search(text, max(0, s - 40), s)
    if m is None:
        return False
    w = m.group(1)
    lw = w.lower()
    if not w[0].isupper() or lw in _CAPITAL_OK or lw.endswith(("'s", "\u2019s", "s'")):
        return False
    if _is_sentence_start(text, m.start(1)):
        # Any sentence starts with a capital: only names are suspicious there,
        # not function words as in "The 30 countries", "Only 30 came".
        return lw not in _STOP
    return True


def _digit_scale(text: str, m: re.Match) -> tuple[int, str | None, int]:
    """Scale of a digits match: attached ("$3bn") or a following word ("3 billion").

    Returns (multiplier, abbreviation or None, end offset)."""
    abbr = (m.group("abbr") or "").lower() or None
    if abbr:
        return _ABBR_SCALE[abbr], abbr, m.end()
    sm = _SCALE_AFTER_RE.match(text, m.end())
    if sm is None:
        return 1, None, m.end()
    if sm.group("abbr"):
        abbr = sm.group("abbr").lower()
        return _ABBR_SCALE[abbr], abbr, sm.end()
    return _multiplier_value(sm.group("word").lower()), None, sm.end()


def _match_second_number(text: str, p: int, src: str):
    """Upper end of a range at p: (end, value before scale, scale, abbreviation).

    The value is a digit string (converted later) or a Decimal for words."""
    if src == "digits":
        m = _TAIL_DIGITS_RE.match(text, p)
        if m is None:
            return None
        scale, abbr, end = _digit_scale(text, m)
        return end, m.group("num"), scale, abbr
    m = _TAIL_WORDS_RE.match(text, p)
    w = _words_at(text, m.start(), m.end()) if m else None
    if w is None:
        return None
    end, val, _ = w
    # Split off a final (largest) scale word so that it can carry over to the
    # lower end: "one to two million" -> 1e6..2e6.
    scale = _SCALES.get(_LETTERS_RE.findall(text, m.start(), end)[-1].lower(), 1)
    if scale != 1 and val / scale < 1000:
        return end, val / scale, scale, None
    return end, val, 1, None


def _build(text: str, m: re.Match, mask: bytearray | None, prev_end: int) -> Quantity | None:
    cs, ce = m.span()
    if _blocked(mask, cs, ce):
        return None
    src = "vague" if m.group("vague") else "words" if m.group("words") else "digits"

    # ---- the numeric core ------------------------------------------------
    raw = None  # digit string, converted once we know whether "." is decimal
    abbr = None
    scale = 1
    has_multiplier = False
    vague_key = None
    num = Decimal(0)
    if src == "vague":
        vague_key = " ".join(m.group("vague").lower().split())
    elif src == "words":
        w = _words_at(text, cs, ce)
        if w is None:
            return None
        ce, num, has_multiplier = w
    else:
        raw = m.group("num")
        if len(raw) > 1 and raw[0] == "0" and raw[1] != ".":
            return None  # "007", "05": codes and date parts
        scale, abbr, ce = _digit_scale(text, m)
        has_multiplier = scale != 1
    p = ce  # right edge of what has been consumed so far

    # ---- leftwards: currency symbol, then hedge ------------------------------
    start = cs
    currency = None
    cur_span = None
    if src != "vague":
        cm = _CUR_PREFIX_RE.search(text, max(prev_end, cs - 12), cs)
        if cm:
            tok = cm.group("sym") or cm.group("bare") or cm.group("code")
            currency = _SYMBOLS.get(tok.upper()) or ("CNY" if tok == "RMB" else tok)
            cur_span = (cm.start(), cm.start() + len(tok))
            start = cm.start()
    hedge = "exact"
    hedge_start = None
    if src != "vague":
        hm = _HEDGE_RE.search(text, max(prev_end, start - 30), start)
        if hm:
            hedge = _HEDGE_OF[" ".join(hm.group("h").lower().split())]
            hedge_start = hm.start()
    before = _word_before(text, hedge_start if hedge_start is not None else start, prev_end)
    lead = before.lower()

    # ---- rightwards: range tail ----------------------------------------------
    rng = None
    pct_glued = text.startswith("%", p)
    if src != "vague" and not pct_glued:
        rs = _RANGE_SEP_RE.match(text, p)
        if rs:
            sep = (rs.group("word") or rs.group("dash")).lower()
            if hedge == "between":
                ok = sep != "or"
            else:
                # "and" needs "between"; "rose from 20 to 30" is a change, not a range.
                ok = sep != "and" and not (sep == "to" and lead == "from")
            at = rs.end()
            if ok and currency:
                cm2 = _CUR_REPEAT_RE.match(text, at)  # "$1bn-$2bn"
                if cm2:
                    at = cm2.end()
            second = _match_second_number(text, at, src) if ok else None
            if second and not _blocked(mask, at, second[0]):
                end2, raw2, scale2, abbr2 = second
                lo_scale = scale if (scale != 1 or has_multiplier) else None
                hi_val = _digits_value(raw2, scale2 != 1) if isinstance(raw2, str) else raw2
                lo_val = _digits_value(raw, scale != 1) if raw is not None else num
                if lo_scale is None and scale2 != 1 and lo_val < hi_val:
                    lo_scale = scale2  # "1-2 million": the scale applies to both ends
                lo_total = lo_val * (lo_scale or 1)
                hi_total = hi_val * scale2
                if hi_total > lo_total:
                    rng = (lo_total, hi_total)
                    p = end2
                    if abbr2 and not abbr:
                        abbr = abbr2
                    has_multiplier = has_multiplier or scale2 != 1
    if hedge == "between" and rng is None:
        hedge, hedge_start = "exact", None  # "between" without "and Y" is not a hedge
    if src != "vague" and currency is None and p < len(text) - 1 and text[p] in _HYPHENS:
        cpd = _COMPOUND_RE.match(text, p)
        if cpd is not None:
            # "the 27-member compact", "a five-point plan", "a 20-30-member group"
            if abbr in _MONEY_ONLY_ABBR:
                return None
            if (src == "digits" and hedge == "exact" and rng is None
                    and _looks_like_identifier(text, cs, lead, before)):
                return None
            value, low, high, hedge = _value_interval(src, None, rng, raw, scale, "count", num, hedge)
            if value is None:
                return None
            noun = re.sub(f"[{_HYPHENS_RX}]", "-", cpd.group("noun").lower())
            holder, _, h_e = _holder_after(text, cpd.end())
            start = hedge_start if hedge_start is not None else start
            end = h_e if holder else cpd.end()
            return Quantity(
                start=start, end=end, text=text[start:end], number_start=start, number_end=p,
                value=value, low=low, high=high, hedge=hedge, kind="count", currency=None,
                unit=_COMPOUND_PLURALS[noun], unit_start=cpd.start("noun"), unit_end=cpd.end("noun"),
                holder=holder,
            )
    if rng is None and src != "vague" and p < len(text) - 1 and text[p] in "-\u2013\u2010\u2011":
        nxt = text[p + 1]
        if nxt.isdigit():
            return None  # "3-1" score, code or malformed range
        if nxt.isalpha() and not _PLUS_RE.match(text, p):
            return None  # "20-year-old", "two-day": compound adjective, not a count

    # ---- "+" / "-plus" / "-odd" ----------------------------------------------
    pm = _PLUS_RE.match(text, p) if src != "vague" else None
    if pm:
        p = pm.end()
        if hedge == "exact":
            hedge = "at_least" if pm.group("plus") else "approx"
    number_end = p

    # ---- percent / currency word / "of" ------------------------------------------
    kind = "count"
    unit, us, ue = "", number_end, number_end
    end = number_end
    pct = _PCT_RE.match(text, p) if src != "vague" else None
    if pct:
        kind = "percent"
        if pct.group("points"):
            unit, us, ue = "percentage points", pct.start("points"), pct.end("points")
        else:
            g = "sign" if pct.group("sign") else "word"
            unit, us, ue = "%", pct.start(g), pct.end(g)
        end = p = pct.end()
    else:
        after = p
        if src == "vague":
            om = _OF_RE.match(text, p)
            if om:
                after = om.end()
        cw = _CUR_SUFFIX_RE.match(text, after)
        if cw:
            if cw.group("sym"):
                currency = _SYMBOLS[cw.group("sym")]
            elif cw.group("grn"):
                currency = "UAH"
            elif cw.group("code"):
                code = cw.group("code")
                currency = "CNY" if code == "RMB" else code
            else:
                word = cw.group("word").lower()
                currency = next(c for w, c in _CUR_WORD_PREFIXES if word.startswith(w))
                if currency == "USD" and cw.group("adj"):
                    currency = _DOLLAR_ADJ.get(" ".join(cw.group("adj").lower().split()), "USD")
            us, ue = cw.span(next(g for g in ("adj", "word", "code", "grn", "sym") if cw.group(g)))
            ue = cw.end()
            end = p = cw.end()
        if currency:
            kind = "money"
            unit = currency
            if not cw:
                us, ue = cur_span
    if abbr in _MONEY_ONLY_ABBR and kind != "money":
        return None  # "5m" without a currency is more likely metres

    # ---- "30 or more" ------------------------------------------------------------
    om2 = _OR_MORE_RE.match(text, p) if src != "vague" else None
    if om2:
        if hedge == "exact" and rng is None:
            hedge = "at_least" if om2.group("more") else "at_most"
        end = p = om2.end()

    # ---- head noun for counts ------------------------------------------------------
    partitive = ""  # "", "noun", "number" or "pronoun": what follows "N of (the|its|...)"
    if kind == "count":
        after = p
        if src == "vague":
            om = _OF_RE.match(text, p)
            if om:
                after = om.end()
        unit, u_s, u_e = _unit_after(text, after)
        if unit:
            us, ue, end = u_s, u_e, u_e
        else:
            us = ue = number_end
            part = _partitive_after(text, p, mask)
            if part is not None:
                # "3,200 of its members" / "30 of the" (31 countries) / "12 of whom"
                partitive, unit, u_s, u_e, end = part
                if unit:
                    us, ue = u_s, u_e

    # ---- vetting ---------------------------------------------------------------------
    if kind == "count" and src == "words":
        if not unit and not has_multiplier and partitive != "number":
            return None  # "two of them", "three said": word numbers need a noun or a scale
        if num == 1 and not has_multiplier and rng is None:
            first = unit.split(" ", 1)[0] if unit else ""
            if lead in _ONE_DETERMINERS or first in _ONE_IDIOMS or not unit or partitive:
                return None  # "no one", "the one", "one another", "one day", "one of the"
    if kind == "count" and src == "digits" and hedge == "exact" and rng is None and currency is None:
        # "gave the Alliance 31 seats": a small number and a plural noun after a *determined* name count
        # something; "Windows 10 users" (no determiner) stays an identifier.
        counted_noun = (bool(unit) and unit.endswith("s") and len(raw or "") <= 2
                        and re.search(r"\b(?:the|a|an)\s+[A-Z][\w'’-]*\s+$", text[max(0, cs - 40):cs]) is not None)
        if _looks_like_identifier(text, cs, lead, before, counted_noun):
            return None  # "No. 10", "Resolution 2231", "page 5", "# 5", "Boeing 737"
    if (
        kind == "count"
        and src == "digits"
        and scale == 1
        and rng is None
        and _YEAR_RE.fullmatch(raw or "")
    ):
        last_word = unit.rsplit(" ", 1)[-1] if unit else ""
        if not _looks_plural(last_word) or lead in _YEAR_LEADERS:
            return None  # "in 2025", "the 2024 budget": a year, not a count

    # ---- values and intervals ----------------------------------------------------------
    value, low, high, hedge = _value_interval(src, vague_key, rng, raw, scale, kind, num, hedge)
    if value is None:
        return None

    start = hedge_start if hedge_start is not None else start
    return Quantity(
        start=start,
        end=end,
        text=text[start:end],
        number_start=start,
        number_end=number_end,
        value=value,
        low=low,
        high=high,
        hedge=hedge,
        kind=kind,
        currency=currency if kind == "money" else None,
        unit=unit,
        unit_start=us,
        unit_end=ue,
        partitive=bool(partitive),
    )


def _value_interval(src, vague_key, rng, raw, scale, kind, num, hedge):
    """(value, low, high, hedge) of a numeric core; value is None if not finite."""
    if src == "vague":
        v, lo, hi = _VAGUE[vague_key]
        return float(v), float(lo), float(hi), "vague"
    if rng is not None:
        lo_f, hi_f = float(rng[0]), float(rng[1])
        return (lo_f + hi_f) / 2, lo_f, hi_f, "approx"
    if raw is not None:
        num = _digits_value(raw, scale != 1 or kind != "count")
    value = float(num * scale)
    if not math.isfinite(value):
        return None, 0.0, 0.0, hedge
    low, high = _interval(value, hedge, kind == "count" and value.is_integer())
    return value, low, high, hedge


def _looks_like_identifier(text: str, cs: int, lead: str, before: str, counted_noun: bool = False) -> bool:
    """'No. 10', 'Resolution 2231', 'page 5', '# 5', 'Boeing 737': a name, not a count.

    A small number before a plural noun counts it even after a name: "gave the Alliance 31 seats".
    """
    return (
        lead.rstrip(".") in _ID_WORDS
        or before in _NO_ABBREVIATIONS
        or text[max(0, cs - 2):cs].strip() in _ID_MARKS
        or (not counted_noun and _capitalised_word_before(text, cs))
    )


def _holder_after(text: str, p: int) -> tuple[str, int, int]:
    """Noun phrase after a compound adjective: 'compact', 'peace plan', 'UN Security Council'.

    Like _unit_after, but the holder is normally singular: a later word that
    looks plural is taken for a verb ('the council approves') and left out,
    and a possessive closes the phrase ('the 27-nation bloc's leaders' -> 'bloc')."""
    words: list[str] = []
    hs = he = p
    first_cap = False
    while len(words) < 3:
        m = _UNIT_WORD_RE.match(text, he)
        if m is None or (he == p and m.start(1) == p):
            break
        w = m.group(1).rstrip("-'\u2019")
        lw = w.lower()
        poss = lw.endswith(("'s", "\u2019s"))
        if poss:
            w, lw = w[:-2], lw[:-2]
        if not w or len(w) > 40 or lw in _STOP or any(c.isdigit() for c in w):
            break
        if words and (
            (w[0].isupper() and not first_cap) or lw.endswith(("ed", "ly")) or _looks_plural(lw)
        ):
            break
        if not words:
            first_cap = w[0].isupper()
            hs = m.start(1)
        words.append(lw)
        he = m.start(1) + len(w)
        if poss or (len(words) == 1 and _looks_plural(lw)):
            break  # "two 12-member teams": a plural first word is the whole holder
    if not words:
        return "", p, p
    return " ".join(words), hs, he


def _partitive_after(text: str, p: int, mask: bytearray | None):
    """'N of (the|its|<Name>'s) <plural noun>' etc. right after a number ending at p.

    Returns (what, unit, unit_start, unit_end, end) with what in "noun"
    ("3,200 of its members"), "number" ("30 of the" + "31 countries": the whole
    is a quantity of its own, so the span stops before it) or "pronoun"
    ("12 of whom"), or None."""
    om = _PART_OF_RE.match(text, p)
    if om is None:
        return None
    q = om.end()
    dm = _PART_DET_RE.match(text, q)
    if dm is not None:
        r = dm.end()
        nm = _CORE_RE.match(text, r)
        if nm is not None:
            if _blocked(mask, nm.start(), nm.end()) or _YEAR_RE.fullmatch(nm.group()):
                return None  # "30 of the 2020 protests": leave the year alone
            return "number", "", p, p, dm.end("det")
        unit, us, ue = _unit_after(text, dm.end("det"))
        if unit and _looks_plural(unit.rsplit(" ", 1)[-1]):
            return "noun", unit, us, ue, ue
    pm = _PART_PRONOUN_RE.match(text, q)
    if pm is not None:
        return "pronoun", "", p, p, pm.end()
    return None


def _vote_pair(text: str, m: re.Match, mask: bytearray | None) -> tuple[Quantity, Quantity] | None:
    """'312 votes to 215', 'two votes to one', 'a 5-4 vote': the for and against counts."""
    if m.group("vague") or _VOTE_HINT_RE.match(text, m.end()) is None:
        return None
    cs = m.start()
    src = "words" if m.group("words") else "digits"
    if src == "words":
        w = _words_at(text, cs, m.end())
        if w is None:
            return None
        ce, first, _ = w
    else:
        raw = m.group("num")
        if len(raw) > 1 and raw[0] == "0" and raw[1] != ".":
            return None
        scale, abbr, ce = _digit_scale(text, m)
        if abbr in _MONEY_ONLY_ABBR:
            return None
        first = _digits_value(raw, scale != 1) * scale
    tm = _VOTES_TO_RE.match(text, ce)
    if tm is not None:
        s2 = tm.end()
        sec = _match_second_number(text, s2, "digits") or _match_second_number(text, s2, "words")
        if sec is None:
            return None
        e2, raw2, scale2, abbr2 = sec
        if abbr2 in _MONEY_ONLY_ABBR:
            return None
        second = (_digits_value(raw2, scale2 != 1) if isinstance(raw2, str) else raw2) * scale2
        e1, us1, ue1, ne2, us2 = tm.end("noun"), tm.start("noun"), tm.end("noun"), e2, e2
    else:
        dm = _VOTE_DASH_RE.match(text, ce) if src == "digits" and scale == 1 else None
        if dm is None:
            return None
        s2, ne2, e2 = dm.start("num"), dm.end("num"), dm.end("noun")
        second = _digits_value(dm.group("num"), False)
        e1, us1, ue1, us2 = ce, ce, ce, dm.start("noun")
    if _blocked(mask, cs, e2):
        return None
    v1, v2 = float(first), float(second)
    if not (math.isfinite(v1) and math.isfinite(v2)):
        return None
    q1 = Quantity(
        start=cs, end=e1, text=text[cs:e1], number_start=cs, number_end=ce, value=v1, low=v1, high=v1,
        hedge="exact", kind="count", currency=None, unit="votes", unit_start=us1, unit_end=ue1, role="for",
    )
    q2 = Quantity(
        start=s2, end=e2, text=text[s2:e2], number_start=s2, number_end=ne2, value=v2, low=v2, high=v2,
        hedge="exact", kind="count", currency=None, unit="votes", unit_start=us2, unit_end=e2,
        role="against",
    )
    return q1, q2


def hedge_interval(value: float, hedge: str, integral: bool) -> tuple[float, float]:
    """The interval a hedge word admits around a value ("about 30" -> (27, 33), "more than 40" -> (41, inf))."""
    return _interval(value, hedge, integral)


def hedge_before(text: str, start: int) -> tuple[str, int]:
    """The hedge that ends right before `start` ("about ", "more than "): (hedge, where it starts).
    ("exact", start) when there is none."""
    match = _HEDGE_RE.search(text, max(0, start - 40), start)
    if match is None or match.end() != start:
        return "exact", start
    return _HEDGE_OF.get(re.sub(r"\s+", " ", match.group("h").lower()), "exact"), match.start("h")


def _interval(v: float, hedge: str, integral: bool) -> tuple[float, float]:
    """Interval admitted by a hedge word around the point value v."""
    # +-10 %, at least +-1 for whole counts, so "around 30" -> [27, 33].
    d = max(1.0, math.floor(v / 10 + 0.5)) if integral else v / 10
    if hedge == "approx":
        return (max(0.0, v - d), v + d)
    if hedge == "nearly":
        return (max(0.0, v - d), v)
    if hedge == "more_than":
        return (v + 1 if integral else (v * 1.0001 if v > 0 else 1e-9), INF)
    if hedge == "at_least":
        return (v, INF)
    if hedge in ("up_to", "at_most"):
        return (0.0, v)
    if hedge == "less_than":
        return (0.0, max(0.0, v - 1) if integral else v * 0.9999)
    return (v, v)
