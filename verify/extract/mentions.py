"""Event mentions: where a sentence names a meeting, visit, disaster or other event.

Triggers are typed by event class; a trigger takes the nearest date and place of its
sentence, and the people and organisations there as participants.
"""
from __future__ import annotations

import re

from ..lexicon.en import (
    CALENDAR_NAMES,
    DISTINCT_EVENT_MODIFIERS,
    DISTINCT_EVENT_OPENERS,
    EVENT_TRIGGERS,
    MONTHS,
    PLACE_NOUNS,
    PLACE_PREPOSITIONS,
    PLACE_TYPE_WORDS,
    PLURAL_EVENTS,
    TIME_ZONES,
    VERB_TRIGGERS,
    WEEKDAYS,
)

TRIGGERS = EVENT_TRIGGERS
TRIGGER_CLASS = {lemma: cls for cls, lemmas in TRIGGERS.items() for lemma in lemmas}
# Last words that make a name a site ("Silver Mesa Events Center", "Calder Regional Court", "Port of Halvard").
SITE_WORDS = set().union(*PLACE_TYPE_WORDS.values())
MAX_PLACE_DISTANCE = 160  # characters between trigger and place; beyond that a place is other context


def trigger_tokens(doc):
    """(token, event class) for each token that names an event."""
    found = []
    for tok in doc:
        lemma = tok.lemma_.lower()
        cls = TRIGGER_CLASS.get(lemma) or TRIGGER_CLASS.get(tok.lower_)
        if cls is None:
            continue
        if tok.pos_ == "VERB":
            if lemma not in VERB_TRIGGERS:
                continue
        elif tok.pos_ not in ("NOUN", "PROPN"):
            continue
        elif tok.tag_ in ("NNS", "NNPS") and lemma not in PLURAL_EVENTS:
            continue
        elif tok.dep_ == "compound":
            continue  # "the negotiation process" names a process, not an event
        if lemma == "march" and tok.text[0].isupper():
            continue  # the month
        found.append((tok, cls))
    return found


def year_modifier(tok) -> int | None:
    """A year written into the event's name: "the 2019 floods"."""
    for child in tok.children:
        if child.dep_ in ("nummod", "compound", "amod") and re.fullmatch(r"(19|20)\d\d", child.text):
            return int(child.text)
    return None


DISTINCT_MODIFIER = re.compile(r"\b(?:" + "|".join(re.escape(m) for m in DISTINCT_EVENT_MODIFIERS) + r")\b", re.I)
DISTINCT_OPENER = re.compile(r"\b(?:" + "|".join(re.escape(m) for m in DISTINCT_EVENT_OPENERS) + r")\b", re.I)


def is_distinct(tok) -> bool:
    """Is the event worded as another one than the story's ("its own outbreak", "the previous election",
    "Elsewhere, ..." , "Neighbouring Ashfell, which declared ...")?"""
    own_phrase = " ".join(t.text for c in tok.children if c.i < tok.i for t in c.subtree)
    if DISTINCT_MODIFIER.search(own_phrase):
        return True
    clause = tok
    while clause.head.i != clause.i and clause.pos_ not in ("VERB", "AUX"):
        clause = clause.head
    while clause.dep_ in ("relcl", "acl") and clause.head.i != clause.i:
        clause = clause.head.head if clause.head.pos_ not in ("VERB", "AUX") else clause.head
    before = " ".join(t.text for t in tok.doc if t.i < tok.i and t.i >= clause.left_edge.i)
    return bool(DISTINCT_OPENER.search(before))


def is_definite(tok) -> bool:
    for child in tok.children:
        if child.dep_ in ("det", "poss") and child.lower_ not in ("a", "an", "any", "every", "each"):
            return True
    return False


def event_name(tok) -> str | None:
    """A capitalised name around the trigger: "Munich Security Conference"."""
    if not tok.text[:1].isupper():
        return None
    left = tok.i
    while (left > tok.doc[0].i and tok.doc[left - 1].text[:1].isupper()
           and tok.doc[left - 1].pos_ in ("PROPN", "NOUN", "ADJ")):
        left -= 1
    span = tok.doc[left:tok.i + 1]
    return span.text if len(span) > 1 else None


def place_candidates(doc, is_place) -> list[tuple[int, int, str, object]]:
    """(start, end, name, root token) of places an event could be in: objects of in/at/to, or of "visited".

    Invented or rare town names are often missed or mislabelled by the NER model, so a proper
    noun after "in"/"at" counts as a place too, unless it is a date, a group or a possessive.
    """
    spans = [(ent.start, ent.end, ent.label_) for ent in doc.ents]
    # A name the model misread as a date ("in Morrow") is not covered by it: a date has a number,
    # a lowercase word or a calendar name in it.
    covered = {i for ent in doc.ents if ent.label_ != "DATE" or _reads_as_date(ent) for i in range(ent.start, ent.end)}
    for tok in doc:
        if tok.pos_ == "PROPN" and tok.i not in covered and tok.dep_ == "pobj" and (
                tok.head.lower_ in ("in", "at", "near")
                or tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in PLACE_NOUNS):
            left = tok.i
            while left > 0 and doc[left - 1].pos_ == "PROPN" and doc[left - 1].dep_ == "compound":
                left -= 1
            spans.append((left, tok.i + 1, "PROPN"))
    places = []
    for start, end, label in spans:
        span = doc[start:end]
        if label not in ("GPE", "LOC", "FAC", "PERSON", "ORG", "PROPN"):
            continue
        text = span.text
        name = re.sub(r"['’]s$", "", re.sub(r"^the\s+", "", text, flags=re.I)).strip()
        if not name or name != re.sub(r"['’]s$", "", text).strip() and label == "PERSON":
            continue
        root = span.root
        # The place must be the object of in/at/to (not a modifier: "the Ramstein format"),
        # or what a visit verb takes ("visited Kyiv").
        governed = (root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS) or (
            root.dep_ == "dobj" and root.head.lemma_.lower() in VERB_TRIGGERS
        ) or (root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in PLACE_NOUNS)
        if not governed or text.endswith(("'s", "’s")) or not name[:1].isupper() or len(name) < 3:
            continue
        if name in TIME_ZONES:
            continue  # "the session at 11:15 CEST": a time zone, not a place
        if re.match(r"\.?\s*\d", doc.text[span.end_char:span.end_char + 4]):
            continue  # "No. 10 Downing Street", "Room 4": an identifier, not a place name
        if label in ("PERSON", "ORG", "PROPN") and not is_place(name) and \
                root.head.lower_ not in ("in", "at", "near", "of"):
            continue
        if label in ("PERSON", "ORG") and not is_place(name) and name.split()[-1].lower() not in SITE_WORDS:
            continue  # "a breach at Ostrander-Kell Bank", "the deal for Okafor": a company or a person, not where
        offset = text.find(name)
        places.append((span.start_char + offset, span.start_char + offset + len(name), name, root))
    return places


def _reads_as_date(span) -> bool:
    return any(t.like_num or t.is_lower or t.text in MONTHS or t.text in WEEKDAYS for t in span)


def span_root(doc, start: int, end: int):
    """The token of a character span whose head lies outside it (the span's syntactic root)."""
    tokens = [t for t in doc if start <= t.idx < end]
    for tok in tokens:
        if not (start <= tok.head.idx < end) or tok.head is tok:
            return tok
    return tokens[0] if tokens else None


def belongs_to(root, trigger) -> bool:
    """Is a date or place phrase attached to this trigger in the parse?

    Yes when it modifies the trigger itself ("the 10 April meeting", "today's session",
    "meeting ... in Brussels"), a noun in the trigger's own of-phrases ("the meeting of the
    ministers of the coalition in Brussels"), or the verb the trigger is subject or object of
    ("the flood struck on Friday", "a meeting has begun in Paris"). A reporting verb's date
    ("..., officials said on Sunday") belongs to the statement, not to the event.
    """
    if root is None or trigger is None:
        return False
    holder = root.head.head if root.dep_ == "pobj" or root.head.dep_ == "prep" else root.head
    if holder.lemma_.lower() in PLACE_NOUNS and holder.head is not holder:
        # "struck the town of Velmora": the town phrase stands for the place.
        holder = holder.head.head if holder.dep_ == "pobj" else holder.head
    if holder == trigger or root.head == trigger:
        return True
    node = holder
    while node.dep_ in ("pobj", "prep", "compound", "amod", "appos", "poss", "nmod") and node.head is not node:
        node = node.head
        if node == trigger:
            return True
    if holder.pos_ in ("VERB", "AUX"):
        if trigger.head == holder and trigger.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "pobj", "prep"):
            return True
        if trigger.head.dep_ == "prep" and trigger.head.head == holder and trigger.dep_ == "pobj":
            return True  # "during the meeting ..., they will discuss ... on 10 April"
    return holder.head == trigger and holder.dep_ in ("acl", "relcl")


def participants(doc) -> tuple[str, ...]:
    names = set()
    for ent in doc.ents:
        if ent.label_ in ("PERSON", "ORG", "NORP"):
            names.add(re.sub(r"['’]s$", "", ent.text).strip().lower())
    return tuple(sorted(names))


def article_names(docs) -> tuple[str, ...]:
    """Proper names (people, organisations, places, groups, products) anywhere in an article, case-folded.

    Articles about one story share several of them; the event linker uses the overlap. Named
    entities are taken as the model tags them, and runs of proper nouns too: the small model
    leaves many invented names untagged ("dravicoran", "HALCYON-CV", "Carrow Fen").
    """
    names = set()
    for doc in docs:
        for ent in doc.ents:
            if ent.label_ in ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART"):
                names.add(_name_key(ent.text))
        run: list[str] = []
        for tok in [*doc, None]:
            if tok is not None and tok.pos_ == "PROPN" and not tok.is_sent_start:
                run.append(tok.text)
                continue
            if run:
                names.add(_name_key(" ".join(run)))
                run = []
    return tuple(sorted(n for n in names if len(n) > 2 and n not in CALENDAR_KEYS))



CALENDAR_KEYS = {w.lower() for w in CALENDAR_NAMES}


def _name_key(text: str) -> str:
    return re.sub(r"['’]s$", "", re.sub(r"^the\s+", "", text.strip(), flags=re.I)).strip().lower()


def nearest_assignment(targets: list[tuple[int, int]], items: list[tuple[int, int]], max_distance: int | None = None,
                       allowed=None) -> dict[int, int]:
    """Greedily pair each item span with the closest target span, one item per target.

    `allowed(target index, item index)` limits which pairs may be made at all.
    """
    pairs = []
    for ti, (ts, te) in enumerate(targets):
        for ii, (is_, ie) in enumerate(items):
            distance = max(is_ - te, ts - ie, 0)
            if (max_distance is None or distance <= max_distance) and (allowed is None or allowed(ti, ii)):
                pairs.append((distance, ti, ii))
    pairs.sort()
    chosen: dict[int, int] = {}
    used: set[int] = set()
    for _, ti, ii in pairs:
        if ti in chosen or ii in used:
            continue
        chosen[ti] = ii
        used.add(ii)
    return chosen
