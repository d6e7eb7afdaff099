"""What a number counts, in words alignment can compare.

"12 people were killed", "the death toll stands at 12" and "12 deaths" all count deaths;
"47 councillors backed the budget" and "47 votes to 14" both count votes in favour. A few
news frames (casualties, votes) map their many wordings to one attribute; other counts are
named by the head noun of their unit ("30 participating nations" -> "nation"), which
alignment then matches by meaning.
"""
from __future__ import annotations

import re

from ..lexicon.en import (ATTENDANCE_LEMMAS, BODY_NOUNS, COUNT_CONTEXT_NOUNS, COUNT_FRAMES, GENERIC_UNITS,
                          JOB_CUT_UNITS, JOB_CUT_VERBS, JOB_UNITS, POSSESSION_LEMMAS, SIZE_VERBS, TIME_UNIT_WORDS)

FRAMES = COUNT_FRAMES
FRAME_OF = {lemma: frame for frame, lemmas in FRAMES.items() for lemma in lemmas}
# "the death toll rose to 19", "the number of injured has risen to 58": the noun before says what is counted.
CONTEXT_BEFORE = re.compile(
    r"\b((?:[a-z]+\s+)?(?:" + "|".join(COUNT_CONTEXT_NOUNS) + r")"
    r"(?:\s+of\s+(?:people\s+)?[a-z]+)?)\b[^.;:,]{0,60}$", re.I)
# A count right after these nouns is the size of a body, not of an event's attendance.
MEMBERSHIP_BEFORE = re.compile(
    r"\b(?:" + "|".join(BODY_NOUNS) + r"|made up|consists?|consisting|comprises|comprising|composed)\s+of\s+"
    r"(?:some\s+|about\s+)?$", re.I)
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
    from .quantities import Quantity, parse_number_words

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
                found.append(Quantity(start, end, phrase, start, end, value, value, value, "exact", "count", None,
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
    for word in re.findall(r"[a-z]+", (context or "").lower()) + predicate.split():
        if word in FRAME_OF:
            return FRAME_OF[word]
    if context:
        return context
    verb = predicate.removeprefix("not ")
    if head and verb and verb not in ("be", "have", "do"):
        return f"{head} {verb}"
    return None


def _qualified_head(doc, q, head: str) -> str:
    """The head noun with its noun modifiers: "14 new bus lanes" -> "bus lane" (adjectives dropped)."""
    tokens = [t for t in doc if q.unit_start <= t.idx < q.unit_end]
    if not tokens:
        return head
    modifiers = [t.lemma_.lower() for t in tokens[:-1] if t.pos_ in ("NOUN", "PROPN") and t.dep_ == "compound"]
    return " ".join(modifiers + [head])


def amount_subject(doc, q) -> str:
    """What an amount or a percentage is: the noun it modifies ("fund", "pay rise"), what it is "of"
    ("a pledge of €200 million"), or its verb ("offered 5 percent")."""
    tokens = [t for t in doc if q.start <= t.idx < q.end]
    if not tokens:
        return "amount"
    root = next((t for t in tokens if not (q.start <= t.head.idx < q.end) or t.head is t), tokens[-1])
    if root.dep_ in ("nummod", "compound", "amod", "quantmod", "npadvmod") and root.head.pos_ in ("NOUN", "PROPN"):
        noun = root.head
        modifiers = [t.lemma_.lower() for t in noun.children if t.dep_ == "compound" and t.pos_ == "NOUN"]
        return " ".join(modifiers + [noun.lemma_.lower()])
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ == "NOUN":
        return root.head.head.lemma_.lower()  # "a research fund of $1.2 billion", "a pledge of €200 million"
    per_unit = re.match(r"\s+(?:a|an|per|each)\s+([a-z][a-z-]+)", doc.text[q.end:q.end + 30])
    if per_unit:
        return f"per {per_unit.group(1)}"  # "$38 a share", "€4.8 million per day"
    after = re.match(r"\s+(?:in|for|of)\s+([a-z][a-z-]+)", doc.text[q.end:q.end + 30])
    if after:
        return after.group(1).lower()
    if root.head.pos_ == "VERB":
        return root.head.lemma_.lower()
    return "amount"


def predicate(doc, q) -> str:
    """The verb a count is an argument of ("attend", "vote against", "not attend")."""
    tokens = [t for t in doc if q.start <= t.idx < q.end]
    if not tokens:
        return ""
    clause = next((c for c in tokens[-1].children if c.dep_ in ("relcl", "acl") and c.pos_ in ("VERB", "AUX")), None)
    if clause is not None:
        # "the three member states that did not send delegations", "12,650 runners who started"
        negated = any(g.dep_ == "neg" for g in clause.children)
        return ("not " if negated else "") + clause.lemma_.lower()
    node = tokens[-1]
    # Only a verb the count is an argument of: "24 countries attended", "voted against by 14",
    # "rose to 19" -- not a verb further up ("thanked the planners from 30 countries").
    if node.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "npadvmod") and node.head.pos_ in ("VERB", "AUX"):
        node = node.head
    elif (node.dep_ == "pobj" and node.head.dep_ in ("prep", "agent") and node.head.head.pos_ in ("VERB", "AUX")
          and node.head.lower_ not in ("from", "of", "among", "out", "between", "including")):
        node = node.head.head
    else:
        return ""
    words = [node.lemma_.lower()]
    words += [c.lower_ for c in node.children
              if c.dep_ == "prt" or (c.dep_ in ("advmod", "prep") and c.lower_ in ("against", "out", "off"))]
    if any(c.dep_ == "neg" for c in node.children):
        words.insert(0, "not")
    return " ".join(words)


def is_membership(text: str, q, unit: str, doc) -> bool:
    """Does the count give the size of a body ("a group of 31 countries", "has 27 member states")?"""
    before = text[max(0, q.start - 40):q.start]
    if MEMBERSHIP_BEFORE.search(before):
        return True
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
