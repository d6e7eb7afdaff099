"""Event mentions: where a sentence names a meeting, visit, disaster or other event.

Triggers are typed by event class; a trigger takes the nearest date and place of its
sentence, and the people and organisations there as participants.
"""
from __future__ import annotations

import re

# Event classes and the lemmas that name them. The class, not the word, is compared later.
TRIGGERS = {
    "meeting": {"meeting", "meet", "summit", "talk", "conference", "session", "gathering", "forum",
                "assembly", "consultation", "negotiation", "convene", "hearing", "congress", "convention",
                "ministerial", "roundtable", "summitry", "huddle"},
    "visit": {"visit", "trip", "tour"},
    "ceremony": {"ceremony", "inauguration", "funeral", "commemoration", "parade", "celebration",
                 "festival", "opening", "launch", "signing", "award", "unveiling"},
    "disaster": {"earthquake", "quake", "flood", "flooding", "storm", "hurricane", "cyclone", "typhoon",
                 "tornado", "wildfire", "fire", "blaze", "explosion", "blast", "crash", "collision",
                 "derailment", "landslide", "eruption", "tsunami", "outbreak", "collapse", "accident",
                 "spill", "drought", "avalanche", "mudslide", "heatwave", "epidemic"},
    "attack": {"attack", "bombing", "shooting", "raid", "assault", "airstrike", "stabbing", "ambush"},
    "vote": {"election", "vote", "referendum", "ballot", "runoff", "primary"},
    "protest": {"protest", "demonstration", "rally", "march", "walkout", "sit-in", "strike"},
    "contest": {"match", "tournament", "concert", "marathon", "championship", "game", "final", "race"},
    "trial": {"trial", "inquest", "inquiry"},
}
TRIGGER_CLASS = {lemma: cls for cls, lemmas in TRIGGERS.items() for lemma in lemmas}
# Plural nouns usually name a series ("regular meetings"), except these plurals that name one event.
PLURAL_EVENTS = {"talk", "flood", "celebration", "festivity"}
# Verb triggers name an event only with a date or place: "will continue to meet regularly" does not.
VERB_TRIGGERS = {"meet", "visit", "convene", "gather", "tour"}
PLACE_PREPOSITIONS = {"in", "at", "to", "near", "outside", "inside"}
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
    while left > tok.doc[0].i and tok.doc[left - 1].text[:1].isupper() and tok.doc[left - 1].pos_ in ("PROPN", "NOUN", "ADJ"):
        left -= 1
    span = tok.doc[left:tok.i + 1]
    return span.text if len(span) > 1 else None


def place_candidates(doc, is_place) -> list[tuple[int, int, str]]:
    """(start, end, name) char spans of places an event could be in (after in/at/to, or visited X)."""
    places = []
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC", "FAC", "PERSON", "ORG"):
            continue
        name = re.sub(r"['’]s$", "", re.sub(r"^the\s+", "", ent.text, flags=re.I)).strip()
        if not name:
            continue
        root = ent.root
        # The place must be the object of in/at/to (not a modifier: "the Ramstein format"),
        # or what a visit verb takes ("visited Kyiv").
        governed = (root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS) or (
            root.dep_ == "dobj" and root.head.lemma_.lower() in VERB_TRIGGERS
        )
        if not governed:
            continue
        if ent.label_ in ("PERSON", "ORG") and not is_place(name):
            continue
        if ent.label_ in ("GPE", "LOC", "FAC") or is_place(name):
            offset = ent.text.find(name)
            places.append((ent.start_char + offset, ent.start_char + offset + len(name), name, root))
    return places


def place_belongs_to(place_root, trigger) -> bool:
    """Is the place attached to this trigger: its own phrase ("meeting of X in Brussels") or its verb?"""
    holder = place_root.head.head if place_root.dep_ == "pobj" else place_root.head
    if holder == trigger:
        return True
    # Down the trigger's own of-phrases: "the meeting of the ministers of the coalition in Brussels".
    node = holder
    while node.dep_ in ("pobj", "prep", "compound", "amod", "appos") and node.head is not node:
        node = node.head
        if node == trigger:
            return True
    # The clause the trigger is subject or object of: "A meeting ... has begun in Paris".
    return holder.pos_ in ("VERB", "AUX") and (trigger.head == holder or holder.head == trigger)


def participants(doc) -> tuple[str, ...]:
    names = set()
    for ent in doc.ents:
        if ent.label_ in ("PERSON", "ORG", "NORP"):
            names.add(re.sub(r"['’]s$", "", ent.text).strip().lower())
    return tuple(sorted(names))


def nearest_assignment(targets: list[tuple[int, int]], items: list[tuple[int, int]], max_distance: int | None = None) -> dict[int, int]:
    """Greedily pair each item span with the closest target span, one item per target."""
    pairs = []
    for ti, (ts, te) in enumerate(targets):
        for ii, (is_, ie) in enumerate(items):
            distance = max(is_ - te, ts - ie, 0)
            if max_distance is None or distance <= max_distance:
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
