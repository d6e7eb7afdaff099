"""Lists: "four priorities: a, b, c and d", "pledges of a, b and c", or the lines after a colon.

A list is found by its enumeration (items split by commas or semicolons, the last joined by
"and") and named by the plural noun that announces it. Lists announced with "including" or
"such as" are marked partial: they need not name every item.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon.en import (CLAUSE_CONJUNCTIONS, LIST_CONNECTORS, LIST_HEAD_NOUNS, NOT_LIST_HEADS, PARTIAL_LIST_CONNECTORS,
                          SMALL_NUMBER_WORDS)

NUMBER_WORD = r"(?:" + "|".join(w for w, n in SMALL_NUMBER_WORDS.items() if 2 <= n <= 12) + r"|\d+)"
# A plural noun (or "plan") joined to its items by one of these words: "pledges of a, b and c".
CONNECTED_HEAD = re.compile(r"\b(?P<head>[a-z]+s|" + "|".join(LIST_HEAD_NOUNS) + r")"
                            r"\s+(?P<connector>" + "|".join(LIST_CONNECTORS) + r")\s+")
COUNTED_HEAD = re.compile(rf"\b{NUMBER_WORD}[\s-]+(?:[\w’'-]+\s+){{0,2}}?(?P<head>[a-z]+s|plan)\b", re.I)
PARTIAL_CONNECTORS = PARTIAL_LIST_CONNECTORS
CLAUSE_END = re.compile(r",\s+(?:" + "|".join(w.replace(" ", r"\s+") for w in CLAUSE_CONJUNCTIONS) + r")\b"
                        r"|\s[—–]\s|[\"“”]|\.\s*$|\.$")
NOT_HEADS = NOT_LIST_HEADS
MAX_ITEM_WORDS = 14


@dataclass(frozen=True)
class FoundList:
    head: str  # "priorities", "plan"
    start: int  # offset of the announcing phrase in the sentence
    end: int  # end of the last item
    items: tuple[str, ...]
    partial: bool


def split_items(text: str) -> list[str]:
    """'a, b, c and d' / 'a; b; and c' -> items."""
    separator = ";" if ";" in text else ","
    parts = [p.strip() for p in text.split(separator)]
    if parts and separator == "," and len(parts) >= 1 and not parts[-1].startswith("and ") and " and " in parts[-1]:
        last = parts.pop()
        cut = last.rfind(" and ")
        parts += [last[:cut].strip(), last[cut + 5:].strip()]
    items = [re.sub(r"^(?:and|or)\s+", "", p).strip(" .") for p in parts]
    return [i for i in items if i]


def find_inline_lists(sentence: str, has_finite_verb=lambda start, end: False) -> list[FoundList]:
    """Lists written inside one sentence: after a colon, or after "<plural noun> of/covering/including".

    `has_finite_verb(start, end)` says whether a span of the sentence holds a finite verb; comma
    lists whose items have one are clauses, not list items ("in Brussels on 10 April, they plan ...").
    """
    candidates = []
    colon = sentence.find(":")
    if colon > 0:
        intro = sentence[:colon]
        counted = [m for m in COUNTED_HEAD.finditer(intro) if m.group("head").lower() not in NOT_HEADS]
        plain = re.search(r"\b([a-z]+s|plan)\s*$", intro)
        if counted:
            candidates.append((counted[0].group("head"), counted[0].start(), colon + 1, ":"))
        elif plain and plain.group(1) not in NOT_HEADS:
            candidates.append((plain.group(1), plain.start(), colon + 1, ":"))
    for match in CONNECTED_HEAD.finditer(sentence):
        if match.group("head") not in NOT_HEADS and (colon < 0 or match.start() > colon):
            counted = list(COUNTED_HEAD.finditer(sentence[:match.end("head")]))
            start = counted[-1].start() if counted and counted[-1].end() == match.end("head") else match.start()
            candidates.append((match.group("head"), start, match.end(), match.group("connector")))
    for head, start, body_start, connector in candidates:
        stop = CLAUSE_END.search(sentence, body_start)
        body_end = stop.start() if stop else len(sentence)
        body = sentence[body_start:body_end]
        if "," not in body and ";" not in body:
            continue
        items = split_items(body)
        enough = 2 if connector == ":" else 3
        if len(items) < enough or any(len(item.split()) > MAX_ITEM_WORDS for item in items):
            continue
        if items[0][:1].isdigit():
            continue  # "representatives of 31 countries, including ...": a count, not a list
        if ";" not in body and has_finite_verb(body_start, body_end):
            continue
        end = body_start + len(body.rstrip(" ."))
        return [FoundList(_head_word(head), start, end, tuple(items), connector in PARTIAL_CONNECTORS)]
    return []


def colon_intro(sentence: str) -> tuple[str, int] | None:
    """A sentence that ends with ':' and announces the lines after it: its head noun and where it starts."""
    if not sentence.rstrip().endswith(":"):
        return None
    intro = sentence.rstrip()[:-1]
    counted = list(re.finditer(rf"\b{NUMBER_WORD}[\s-]+(?:[\w’'-]+\s+){{0,2}}?([a-z]+s)\b", intro, re.I))
    if counted:
        return _head_word(counted[-1].group(1)), counted[-1].start()
    plain = re.search(r"\b([a-z]+s)\s*$", intro)
    if plain and plain.group(1).lower() not in NOT_HEADS:
        return _head_word(plain.group(1)), plain.start()
    return None


def _head_word(head: str) -> str:
    head = head.lower()
    if head.endswith("plan"):
        return "plan"
    return head
