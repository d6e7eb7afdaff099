"""Counts: how many of something ("31 countries", "forty-seven delegations", "at least 12 people").

What a number counts, in words alignment can compare:

"12 people were killed", "the death toll stands at 12" and "12 deaths" all count deaths;
"47 councillors backed the budget" and "47 votes to 14" both count votes in favour. A few
news frames (casualties, votes) map their many wordings to one attribute; other counts are
named by the head noun of their unit ("30 participating nations" -> "nation"), which
alignment then matches by meaning.
"""
from __future__ import annotations

import re

from ..lexicon.en import (
    ATTENDANCE_LEMMAS,
    BODY_NOUNS,
    COUNT_CONTEXT_NOUNS,
    COUNT_FRAMES,
    GENERIC_UNITS,
    JOB_CUT_UNITS,
    JOB_CUT_VERBS,
    JOB_UNITS,
    MEASURE_UNITS,
    POSSESSION_LEMMAS,
    SIZE_VERBS,
    TIME_UNIT_WORDS,
)
from ..records import Claim
from .base import AlignContext, Draft, JudgeContext, Sentence, rule
from .quantity import (
    PERCENT_IN_SENTENCE,
    QUANTITY_RULES,
    Quantity,
    QuantityKind,
    _q,
    draft,
    lemma_phrase,
    predicate,
    predicate_token,
    quantity_value,
)

FRAMES = COUNT_FRAMES
FRAME_OF = {lemma: frame for frame, lemmas in FRAMES.items() for lemma in lemmas}
# "the death toll rose to 19", "the number of injured has risen to 58": the noun before says what is counted.
CONTEXT_BEFORE = re.compile(
    r"\b((?:[a-z]+\s+)?(?:" + "|".join(COUNT_CONTEXT_NOUNS) + r")"
    r"(?:\s+of\s+(?:[a-z]+\s+){0,2}[a-z]+)?)\b[^.;:,]{0,60}$", re.I)
# A count right after these nouns is the size of a body, not of an event's attendance.
MEMBERSHIP_BEFORE = re.compile(
    r"\b(?:" + "|".join(BODY_NOUNS) + r"|made up|consists?|consisting|comprises|comprising|composed)\s+of\s+"
    r"(?:some\s+|about\s+)?$", re.I)
PARTITIVE_WHOLE = re.compile(
    r"\d[\d,.]*\s+(?:\w+\s+)?(?:of|out of)\s+(?:(?:the|its|their|his|her)\s+)?(?:[\w'’]+['’]s\s+)?$", re.I)
MEMBERSHIP_UNIT = re.compile(r"\bmembers?\b", re.I)
# "The compact groups 18 countries", "the union represents 4,500 dockworkers": verbs that give a size,
# matched on the text too because the small parser often reads "groups" as a noun.
MEMBERSHIP_VERB_BEFORE = re.compile(
    r"\b(?:" + "|".join(SIZE_VERBS) + r")\s+(?:some\s+|about\s+|around\s+|roughly\s+|nearly\s+|more than\s+)?$",
    re.I)
TIME_UNITS = re.compile(r"^(?:" + "|".join(TIME_UNIT_WORDS) + r")s?$")


BARE_WORD_NUMBER = re.compile(r"\b(?:to|at)\s+((?:[a-z]+[- ]){0,4}[a-z]+)\b")


def bare_word_numbers(text: str, taken: list[tuple[int, int]]):
    """Numbers in words with no noun after them, where a running figure says what they count:
    "the death toll has risen to eleven", "the tally stands at forty-two"."""
    from ..extract.quantities import Quantity as Scanned
    from ..extract.quantities import parse_number_words

    found = []
    for match in BARE_WORD_NUMBER.finditer(text):
        words = match.group(1).split(" ")
        for size in range(len(words), 0, -1):
            phrase = " ".join(words[:size])
            value = parse_number_words(phrase)
            if value is None:
                continue
            start = match.start(1)
            end = start + len(phrase)
            if context_before(text, match.start()) and not any(s < end and start < e for s, e in taken):
                found.append(Scanned(start, end, phrase, start, end, value, value, value, "exact", "count", None,
                                      "", end, end))
            break
    return found


def context_before(text: str, start: int) -> str | None:
    match = CONTEXT_BEFORE.search(text[max(0, start - 90):start])
    return match.group(1).lower() if match else None


def count_subject(doc, q, unit: str, predicate: str) -> str | None:
    """What a count counts: a frame name ("deaths", "votes for") or the unit's head noun with the
    nouns that qualify it ("bus lane", "member state"); None when nothing says what was counted."""
    head = unit.split()[-1] if unit else ""
    if getattr(q, "holder", ""):
        return head  # "the 27-member compact": a size, not an act
    if getattr(q, "role", "") == "against":
        return "votes against"
    if head in ("vote", "ballot"):
        return "votes against" if "against" in doc.text[q.end:q.end + 15] else "votes for"
    if head in JOB_UNITS and predicate.split()[-1:] and predicate.split()[-1] in JOB_CUT_VERBS or (
            unit in JOB_CUT_UNITS):
        return "jobs cut"  # "cut 400 jobs", "600 job cuts", "350 layoffs"
    if head and head not in GENERIC_UNITS:
        if q.value == 1 and q.low == q.high:
            return None  # "one country", "a single plan": rhetoric far more often than a count to check
        return _qualified_head(doc, q, head)
    context = context_before(doc.text, q.start)
    verb_token = predicate_token(doc, q)
    complements = [c for c in verb_token.children if c.dep_ in COMPLEMENT_DEPS] if verb_token is not None else []
    # "Seven people are now confirmed dead": the clause's complement says what was counted too.
    words = re.findall(r"[a-z]+", (context or "").lower()) + predicate.split()
    objects = [f"{verb_token.lemma_.lower()} {c.lemma_.lower()}" for c in verb_token.children
               if c.dep_ == "dobj"] if verb_token is not None else []
    for word in words + [c.lemma_.lower() for c in complements] + objects:
        if word in FRAME_OF:
            return FRAME_OF[word]
    if context:
        return TRAILING_PREPOSITION.sub("", CONTAINER_OF.sub("", context))
    verb = predicate.removeprefix("not ")
    # "Five people are in hospital", "4,300 members went on strike": where they are says what they are.
    where = _state_phrase(complements)
    if head and verb in ("be", "have", "do") and where:
        return f"{head} {where}"
    if head and verb and verb not in ("be", "have", "do"):
        return f"{head} {verb}" + (f" {where}" if where else "")
    return None


COMPLEMENT_DEPS = ("acomp", "oprd", "xcomp", "attr", "prep")
STATE_PREPOSITIONS = ("in", "on", "at", "under", "without")  # "in hospital", "on strike", "without power"
# "the number of confirmed cases" counts confirmed cases: the container noun says nothing.
TRAILING_PREPOSITION = re.compile(r"\s+(?:across|in|of|at|on|from|by|for|to|with)$")
CONTAINER_OF = re.compile(r"^(?:the\s+)?(?:[a-z]+\s+)?(?:" + "|".join(COUNT_CONTEXT_NOUNS) + r")\s+of\s+")


def _state_phrase(complements) -> str:
    """'in hospital', 'on strike': a preposition of state with a common noun, from a clause's complements."""
    for prep in complements:
        if prep.dep_ == "prep" and prep.lower_ in STATE_PREPOSITIONS:
            noun = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None)
            if noun is not None:
                return f"{prep.lower_} {noun.lemma_.lower()}"
    return ""


def _qualified_head(doc, q, head: str) -> str:
    """The head noun with its noun modifiers: "14 new bus lanes" -> "bus lane" (adjectives dropped)."""
    tokens = [t for t in doc if q.unit_start <= t.idx < q.unit_end]
    if not tokens:
        return head
    modifiers = [t.lemma_.lower() for t in tokens[:-1] if t.pos_ in ("NOUN", "PROPN") and t.dep_ == "compound"]
    return " ".join(modifiers + [head])


def is_membership(text: str, q, unit: str, doc) -> bool:
    """Does the count give the size of a body ("a group of 31 countries", "has 27 member states")?"""
    before = text[max(0, q.start - 40):q.start]
    if MEMBERSHIP_BEFORE.search(before):
        return True
    if PARTITIVE_WHOLE.search(before):
        return True  # "34 of the 79 seats", "1,213,000 of the region's 2.06 million voters": the whole
    if MEMBERSHIP_VERB_BEFORE.search(before) and not any(t.lemma_.lower() in ATTENDANCE_LEMMAS for t in doc):
        return True
    holder = getattr(q, "holder", "")
    if holder and re.search(r"member|nation|seat|state|country", unit):
        return True  # "the 27-member compact", "the 61-seat council"
    tokens = [t for t in doc if q.start <= t.idx < q.end]
    if tokens and tokens[-1].dep_ == "dobj" and tokens[-1].head.lemma_.lower() in POSSESSION_LEMMAS:
        return True  # "the union represents 4,500 dockworkers", "the alliance has 27 members"
    if MEMBERSHIP_UNIT.search(unit):
        return not any(t.lemma_.lower() in ATTENDANCE_LEMMAS for t in doc)
    return False


NOT_COUNTED_UNITS = {"basis point", "basis points", "bp", "bps", "percentage points"}
# "points" beside a vote share or a rate are percentage points (the percent kind's); elsewhere they are a
# score ("Whitacre finished with 24 points"), counted like anything else.
POINTS = {"point", "points"}
# Head nouns at least this close count the same thing (country~nation 0.77, state~country 0.58).
SUBJECT_SIMILARITY = 0.55
PREDICATE_SIMILARITY = 0.35  # verbs at least this close name the same act (attend~participate); lower: other acts
ORDERS_APART = 10  # a vague figure this many times smaller than another counts a part, not the whole


def _orders_apart(a: Claim, b: Claim) -> bool:
    small, large = (_q(a), _q(b)) if _q(a).high <= _q(b).high else (_q(b), _q(a))
    return large.low > ORDERS_APART * max(small.high, 1)


@rule("negation-differs", None, """
    '24 countries attended' / 'the three countries that did not attend': those who did and those
    who did not are not compared.""")
def negation_differs(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """One count is of those who did something, the other of those who did not."""
    if _q(a).predicate.startswith("not ") == _q(b).predicate.startswith("not "):
        return None
    return "one count is of those who did, the other of those who did not"


@rule("part-of-large", None, """
    'a handful of runners fell ill' / '17,800 runners started'; 'Three firefighters were treated for smoke'
    / 'About 260 firefighters are battling the blaze'.""")
def part_of_large(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """A count many times smaller than another, of a vague size or of another act, counts a part of it."""
    if not _orders_apart(a, b):
        return None
    if "vague" not in (_q(a).hedge, _q(b).hedge) and a.context.predicate == b.context.predicate:
        return None
    return "a count far smaller than the other counts a part of it"


class CountKind(QuantityKind):
    name = "count"
    summary = "How many of something: '31 countries', 'forty-seven delegations', 'at least 12 people'."
    value_type = Quantity
    rules = (negation_differs, part_of_large, *QUANTITY_RULES)

    def comparable(self, a: Claim, b: Claim, ctx: AlignContext) -> bool:
        """Counts of one thing: the same counted noun or frame, or nouns close in meaning (countries,
        nations); "16 counts" and "nine firms" never are."""
        if a.subject == b.subject:
            return True
        if a.subject in FRAMES and b.subject in FRAMES:
            return False
        return float(ctx.similarity([a.subject], [b.subject])[0, 0]) >= SUBJECT_SIMILARITY

    def extract(self, sentence: Sentence) -> list[Draft]:
        doc, text = sentence.doc, sentence.text
        scanned = [q for q in sentence.quantities if q.kind == "count"]
        scanned += bare_word_numbers(text, [(q.start, q.end) for q in sentence.quantities])
        drafts = []
        for q in scanned:
            if q.unit and TIME_UNITS.match(q.unit.split()[-1]):
                continue  # durations ("15 years") are not counts of anything in the story
            if q.unit and (q.unit.split()[0].lower() in MEASURE_UNITS or q.unit.lower() in NOT_COUNTED_UNITS
                           or (q.unit.lower() in POINTS and PERCENT_IN_SENTENCE.search(text))):
                continue  # measures ("7.8 metres") and percentage points are kinds of their own
            if not q.unit and context_before(text, q.start) is None:
                continue  # a bare number with nothing saying what it counts
            verb = predicate(doc, q)
            unit = lemma_phrase(doc, q.unit_start, q.unit_end)
            subject = count_subject(doc, q, unit, verb)
            if subject is None:
                continue  # "two of them", "40 people were there": nothing says what was counted
            value = quantity_value(q, unit=unit, predicate=verb, size_of=q.holder,
                                   scope="membership" if is_membership(text, q, unit, doc) else "event")
            drafts.append(draft(self.name, sentence, q, subject, value))
        return drafts



KIND = CountKind()
