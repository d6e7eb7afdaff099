"""Lists: "four priorities: a, b, c and d", "pledges of a, b and c", or the lines after a colon.

A list is found by its enumeration (items split by commas or semicolons, the last joined by
"and") and named by the plural noun that announces it. Lists announced with "including" or
"such as" are marked partial: they need not name every item.
"""
from __future__ import annotations

import re
from collections.abc import Hashable
from dataclasses import dataclass

from ..lexicon.en import (
    CLAUSE_CONJUNCTIONS,
    LIST_CONNECTORS,
    LIST_HEAD_NOUNS,
    NOT_LIST_HEADS,
    PARTIAL_LIST_CONNECTORS,
    SMALL_NUMBER_WORDS,
)
from ..records import Claim
from .base import AlignContext, Draft, JudgeContext, Kind, Sentence, quote, rule
from .quantity import same_article_parts

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
        if counted:  # the counted noun nearest the colon: "a group of 30 countries ... outlined four objectives:"
            candidates.append((counted[-1].group("head"), counted[-1].start(), colon + 1, ":"))
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


NAME = r"(?:St\.?\s+)?[A-Z][\w’'.-]*(?:\s+(?:of|de|la|van|von|the|[A-Z][\w’'.-]*))*"
NAME_LIST = re.compile(rf"(?<![\w’'-])(?P<list>{NAME}(?:\s*,\s*(?:the\s+)?{NAME})*,?\s+and\s+(?:the\s+)?{NAME})")


def name_lists(text: str, doc=None) -> list[tuple[int, int, tuple[str, ...]]]:
    """Coordinated proper names: "Oskar Brandvold and Leena Ferris", "Estmark, Valdoria and Corvenia",
    "St Brannock's, Hollins Lane Infants and Millbrook Academy" (two names or more). With the parse,
    a capitalised common noun that opens the sentence is not a name ("Residents of Wenlow, ...")."""
    found = []
    for match in NAME_LIST.finditer(text):
        start, end = match.start("list"), match.end("list")
        while end > start and text[end - 1] in ".,":
            end -= 1  # "... and Hollins Lane Infants." ends the sentence, not the name
        if doc is not None:
            while start < end:
                tok = next((t for t in doc if t.idx == start), None)
                if tok is None or tok.pos_ == "PROPN":
                    break
                nxt = re.match(r"\S+\s+(?:of\s+|the\s+)*", text[start:end])
                if nxt is None:
                    break
                start += nxt.end()
        if re.search(r"\bbetween\s+$", text[max(0, start - 12):start]):
            continue  # "between Hollin and Pennick Cross": the two ends of a stretch, not a list
        body = text[start:end]
        parts = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", body)
        items = tuple(re.sub(r"^the\s+", "", p.strip()) for p in parts if p.strip())
        if len(items) < 2 or any(len(i.split()) > MAX_ITEM_WORDS for i in items):
            continue
        if any(i.split()[0] in SENTENCE_OPENERS for i in items):
            continue
        if doc is not None and _modifies_last_item(doc, start, end, body.rfind(items[-1])):
            continue  # "UK and French Chiefs of Defence": coordinated modifiers of one noun, not a list
        found.append((start, end, items))
    return found


def _modifies_last_item(doc, start: int, end: int, last_offset: int) -> bool:
    """Does the first item hang on a word of the last item (as its modifier) rather than stand beside it?
    So does a nationality word that opens the last item ("the UK and French Chiefs of Defence")."""
    first = next((t for t in doc if t.idx == start), None)
    if first is None or last_offset < 0:
        return False
    last_start = start + last_offset
    last_first = next((t for t in doc if t.idx == last_start), None)
    if last_first is not None and last_first.ent_type_ == "NORP" and last_first.i + 1 < len(doc) and \
            doc[last_first.i + 1].idx < end:
        return True
    node = first
    while node.dep_ in ("compound", "flat") and node.head.idx < last_start:
        node = node.head
    return node.dep_ in ("compound", "amod", "nmod", "poss") and last_start <= node.head.idx < end


def noun_lists(doc) -> list[tuple[int, int, tuple[str, ...]]]:
    """Three or more coordinated nouns, by the parse: "fraud, forgery and breach of trust"."""
    found = []
    for tok in doc:
        if tok.dep_ == "conj" or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        members = [tok]
        node = tok
        while True:
            nxt = next((c for c in node.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")), None)
            if nxt is None:
                break
            members.append(nxt)
            node = nxt
        if len(members) < 3:
            continue
        # The parse finds the members; the text gives the items (its attachments of "of trust" drift).
        start = min(t.idx for m in members for t in m.subtree)
        end = max(t.idx + len(t.text) for m in members for t in m.subtree if not t.is_punct)
        items = tuple(split_items(doc.text[start:end]))
        if len(items) >= 3 and all(len(i.split()) <= MAX_ITEM_WORDS and not re.search(r"\d", i) for i in items):
            found.append((start, end, items))
    return found


def list_head(doc, start: int, end: int) -> str:
    """What a list is a list of: the noun it stands beside ("three delegations — A, B and C"), the
    subject a copula gives it ("the offences were ..."), or the verb it is an argument of."""
    from ..extract.context import span_root

    root = span_root(doc, start, end)
    if root is None:
        return "list"
    if root.dep_ == "appos" and root.head.pos_ in ("NOUN", "PROPN"):
        return root.head.lemma_.lower()
    if root.dep_ == "attr":
        subject = next((c for c in root.head.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject.lemma_.lower()
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ in ("NOUN", "NUM", "PRON"):
            clause = next((g for g in child.children if g.dep_ == "relcl"), None)
            return (clause or child).lemma_.lower()
    head = root.head.head if root.dep_ == "pobj" else root.head
    return head.lemma_.lower()


@dataclass(frozen=True)
class ItemList:
    """The items of a list, in the text's order; `partial` when the text says it is not complete."""

    items: tuple[str, ...]
    partial: bool = False

    def __str__(self) -> str:
        return "; ".join(self.items)

    def report_fields(self) -> dict:
        return {"items": list(self.items), "hedge": "partial" if self.partial else "exact"}

    def to_json(self) -> dict:
        return {"items": list(self.items), "partial": self.partial}

    @classmethod
    def from_json(cls, data: dict) -> ItemList:
        return cls(tuple(data["items"]), data["partial"])


SENTENCE_OPENERS = {"The", "A", "An", "In", "On", "At", "By", "For", "With", "From", "As", "After", "Before", "But",
                    "And", "Its", "Their", "His", "Her", "This", "That", "These", "Those", "When", "While", "If"}
LIST_HEAD_SIMILARITY = 0.45  # objectives ~ priorities ~ goals: heads this close announce one list
LIST_ITEM_MATCH = 0.5  # share of the shorter list's items that must match for two lists to be one list


def _items(claim: Claim) -> ItemList:
    assert isinstance(claim.value, ItemList)
    return claim.value


def _counted(claim: Claim) -> bool:
    """Does the list's quote open with how many items it has ("four goals: ...")?"""
    return bool(re.match(NUMBER_WORD + r"\b", claim.text, re.I))


@rule("partial-list-covered", "compatible", """
    'partners including Poland, Estonia and Latvia' / 'Poland, Estonia, Latvia and Lithuania'.""")
def partial_list_covered(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """A list marked partial ("including") whose every item the other list has."""
    la, lb = _items(a), _items(b)
    if not (la.partial or lb.partial):
        return None
    short, other = (a, b) if len(la.items) <= len(lb.items) else (b, a)
    if len(ctx.items_matched(la.items, lb.items)) != len(_items(short).items):
        return None
    return (f"Every item of the shorter list {quote(short, 40)} has a counterpart; "
            f"one list says it is not complete ('including').")


@rule("partial-list", "compatible", """
    'projects including a bridge and a tunnel' / 'a ring road, a bridge and a port'.""")
def partial_list(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """One list is explicitly partial ("including", "such as"), so the lists need not match."""
    if not (_items(a).partial or _items(b).partial):
        return None
    return "One list is explicitly partial ('including'), so the lists need not match."


@rule("list-contains-other", "compatible", """
    'services calling at Hollin, Aldermoor and Pennick Cross' / 'Hollin and Pennick Cross'.""")
def list_contains_other(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """Every item of the shorter list is in the longer one: one list names more, none contradicts.
    Not when the shorter list gives its number ("three goals: ..."): it says it is whole."""
    la, lb = _items(a), _items(b)
    if len(la.items) == len(lb.items):
        return None
    short = a if len(la.items) < len(lb.items) else b
    if _counted(short):
        return None  # "three priorities: ..." says it is whole; a fourth item elsewhere contradicts it
    if len(ctx.items_matched(la.items, lb.items)) != len(_items(short).items):
        return None
    return f"Every item of {quote(short, 40)} is in the other list, which names more."


@rule("item-count-differs", "conflict", """
    'three priorities: a, b and c' / 'its priorities: a, b, c and d'.""")
def item_count_differs(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """Two complete lists of one thing with a different number of items."""
    la, lb = _items(a), _items(b)
    if len(la.items) == len(lb.items):
        return None
    return f"{quote(a, 40)} has {len(la.items)} items but {quote(b, 40)} has {len(lb.items)}."


@rule("items-match", "agree", """
    'safe skies, safe seas, peace on land' / 'Securing the skies, Ensuring maritime safety, ...'.""")
def items_match(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """Every item of one list has a counterpart of the same meaning in the other."""
    la, lb = _items(a), _items(b)
    if not len(ctx.items_matched(la.items, lb.items)) == len(la.items) == len(lb.items):
        return None
    return f"The {len(la.items)} items of both lists match one to one by meaning."


@rule("items-differ", "conflict", """
    'fraud, forgery and money laundering' / 'fraud, forgery and breach of trust'.""")
def items_differ(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """Some item of one list has no counterpart in the other."""
    la, lb = _items(a), _items(b)
    matched = ctx.items_matched(la.items, lb.items)
    missing_a = [la.items[i] for i in range(len(la.items)) if i not in {m[0] for m in matched}]
    missing_b = [lb.items[j] for j in range(len(lb.items)) if j not in {m[1] for m in matched}]
    return (f"The lists differ: '{'; '.join(missing_a)}' in {a.article} has no counterpart, "
            f"nor '{'; '.join(missing_b)}' in {b.article}.")


class ListKind(Kind):
    name = "list"
    summary = "A list of items: 'four priorities: a, b, c and d', or the lines after a colon."
    value_type = ItemList
    across_events = True
    rules = (partial_list_covered, partial_list, list_contains_other, items_match, same_article_parts,
             item_count_differs, items_differ)

    def compared_texts(self, claim: Claim) -> list[str]:
        return list(_items(claim).items)

    def extract(self, sentence: Sentence) -> list[Draft]:
        if sentence.segment.role != "body" or colon_intro(sentence.text) is not None:
            return []  # a sentence ending with ':' announces the lines after it (extract_article)
        doc = sentence.doc

        def has_finite_verb(start: int, end: int) -> bool:
            return any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") and start <= t.idx < end for t in doc)

        drafts = [self._draft(found.head, found.items, sentence.start + found.start, sentence.start + found.end,
                              found.partial) for found in find_inline_lists(sentence.text, has_finite_verb)]
        taken = [(d.start - sentence.start, d.end - sentence.start) for d in drafts]
        for start, end, items in [*name_lists(sentence.text, doc), *noun_lists(doc)]:
            if any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))
            drafts.append(self._draft(list_head(doc, start, end), items, sentence.start + start, sentence.start + end,
                                      False))
        return drafts

    def extract_article(self, sentences: list[Sentence]) -> list[Draft]:
        """Lists announced by a sentence ending with ':' and given as the lines after it."""
        drafts = []
        for i, sentence in enumerate(sentences):
            if sentence.segment.role != "body":
                continue
            intro = colon_intro(sentence.text)
            if intro is None:
                continue
            following = []
            for nxt in sentences[i + 1:]:
                if nxt.segment.role != "list_item":
                    break
                following.append(nxt.segment)
            items = tuple(s.text.strip() for s in following)
            if len(items) >= 2 and all(len(item.split()) <= MAX_ITEM_WORDS for item in items):
                drafts.append(self._draft(intro[0], items, sentence.start + intro[1], following[-1].end, False))
        return drafts

    def _draft(self, head: str, items: tuple[str, ...], start: int, end: int, partial: bool) -> Draft:
        return Draft(self.name, f"{self.name}:{head}", head, ItemList(tuple(items), partial), start, end)

    def comparable(self, a: Claim, b: Claim, ctx: AlignContext) -> bool:
        """Two lists may be one when most items of the shorter one are in the other ("Estmark, Valdoria
        and Corvenia" / "Estmark, Valdoria and Lusmark"), or when they share an item and their heads
        name one thing (priorities ~ objectives). Lists with nothing in common are about different
        things ("the United Kingdom and France" / "the UK Defence Secretary and the French minister")."""
        la, lb = _items(a).items, _items(b).items
        shared = len(ctx.items_matched(la, lb))
        if shared == 0:
            return False
        if shared >= LIST_ITEM_MATCH * min(len(la), len(lb)):
            return True
        return a.subject == b.subject or float(ctx.similarity([a.subject], [b.subject])[0, 0]) >= LIST_HEAD_SIMILARITY

    def agrees(self, a: Claim, b: Claim) -> bool:
        la, lb = _items(a).items, _items(b).items
        return len(la) == len(lb) and len(self._matched(la, lb)) == len(la)

    @staticmethod
    def _matched(a: tuple[str, ...], b: tuple[str, ...]) -> list:
        # exact text: agreement is checked before the embedding model is at hand
        return [(i, j) for i, x in enumerate(a) for j, y in enumerate(b) if x.lower() == y.lower()]

    def cell_key(self, claim: Claim) -> Hashable:
        return tuple(i.lower() for i in _items(claim).items)


def connected_components(n: int, linked) -> list[int]:
    """Connected components of n items under the pair predicate `linked(i, j)`; returns each item's root."""
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(n):
        for j in range(i + 1, n):
            if find(i) != find(j) and linked(i, j):
                parent[find(i)] = find(j)
    return [find(i) for i in range(n)]


KIND = ListKind()
