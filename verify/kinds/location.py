"""Locations: where something happened ("arrested at his villa in Saltmere", "a briefing at Tarnley
Civic Hall", "the fire broke out in a hayfield just east of Orlen", "derailed between Hollin and
Aldermoor stations").

A place phrase is named by the happening it situates, like a date (`date_words.happening`), and
read as a level: a venue (a named hall, centre, airport or villa), a locality (a town, district or
country), a site (a field, levee or village placed by a name: "a hayfield east of Orlen") or a
stretch between two places. Places compare through the names they hold and the gazetteer: one name
in both is one place told in more or less detail; a venue and the town around it are compatible;
two venues, two towns or two sites with no name in common, for one happening, conflict.
"""
from __future__ import annotations

import re
from collections.abc import Hashable
from dataclasses import dataclass

from ..extract.date_words import happening
from ..extract.mentions import TRIGGER_CLASS
from ..gazetteer import fold
from ..lexicon.en import CALENDAR_NAMES, HOLDING_NOUNS, LOCATION_PREPOSITIONS, PLACE_TYPE_WORDS
from ..records import Claim
from .base import AlignContext, Draft, JudgeContext, Kind, Sentence, quote, rule
from .quantity import same_article_parts
from .situated import same_happening

VENUE_WORDS = PLACE_TYPE_WORDS["venue"] | PLACE_TYPE_WORDS["port"] | PLACE_TYPE_WORDS["street"] | {
    "spaceport", "complex", "site", "base", "plant", "factory", "mine", "camp", "prison", "headquarters"}
LOCALITY_WORDS = PLACE_TYPE_WORDS["locality"]
# Parts of a town: "the Dockside district" may lie in "Merrick" whatever the gazetteer knows.
SUB_LOCALITY_WORDS = {"district", "quarter", "borough", "suburb", "neighbourhood", "neighborhood", "ward", "old town"}
DIRECTION_WORDS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "outside",
                   "near", "between"}
NOT_PLACE_ENTITIES = ("DATE", "TIME", "PERSON", "MONEY", "PERCENT", "CARDINAL", "WORK_OF_ART", "LAW", "PRODUCT",
                      "NORP", "QUANTITY")
MAX_PLACE_WORDS = 10  # a place phrase longer than this has run into a clause
NAME_MATCH = 0.9  # share of characters two spellings of one place name have in common (Tromsø / Tromso)


@dataclass(frozen=True)
class Place:
    """A place as written, with the proper names in it (`anchors`), its head noun and its level."""

    name: str
    anchors: tuple[str, ...] = ()
    head: str = ""
    level: str = "locality"  # "venue", "locality", "sub_locality", "site" or "stretch"

    def __str__(self) -> str:
        return self.name

    def report_fields(self) -> dict:
        return {}

    def to_json(self) -> dict:
        return {"name": self.name, "anchors": list(self.anchors), "head": self.head, "level": self.level}

    @classmethod
    def from_json(cls, data: dict) -> Place:
        return cls(data["name"], tuple(data.get("anchors", ())), data.get("head", ""), data.get("level", "locality"))


def _place(claim: Claim) -> Place:
    assert isinstance(claim.value, Place)
    return claim.value


def _shared_anchor(a: Place, b: Place, ctx: JudgeContext) -> str | None:
    """A name both places hold, or a place of one that the gazetteer puts inside a place of the other."""
    for x in a.anchors:
        for y in b.anchors:
            if fold(x) in fold(y) or fold(y) in fold(x) or ctx.gazetteer.relation(x, y) in ("same", "within"):
                return x
    return None


@rule("same-place", "agree", """
    'in Kyiv' / 'in Kiev'; 'declared at Granary Hall' / 'at Granary Hall'.""")
def same_place(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """Both name the same place, however it is spelled."""
    pa, pb = _place(a), _place(b)
    if fold(pa.name) != fold(pb.name) and ctx.gazetteer.relation(pa.name, pb.name) != "same":
        return None
    return f"{quote(a)} and {quote(b)} name the same place."


@rule("stretches-differ", "conflict", """
    'between Hollin and Aldermoor stations' / 'between Aldermoor and Pennick Cross'.""")
def stretches_differ(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """Two stretches of route between different pairs of places."""
    pa, pb = _place(a), _place(b)
    if pa.level != "stretch" or pb.level != "stretch":
        return None
    ends_a, ends_b = {fold(x) for x in pa.anchors}, {fold(x) for x in pb.anchors}
    if ends_a == ends_b:
        return None
    return f"{quote(a)} and {quote(b)} are stretches between different places."


@rule("place-in-more-detail", "compatible", """
    'read out in Ansley' / 'at the Corn Exchange in Ansley's Old Town'; 'in Geneva' / 'in Switzerland'.""")
def place_in_more_detail(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """One place is the other told in more detail, or lies within it: they share a name, or the
    gazetteer puts one inside the other."""
    shared = _shared_anchor(_place(a), _place(b), ctx)
    if shared is None:
        return None
    return f"{quote(a)} and {quote(b)} both place it at {shared}, one in more detail."


@rule("venue-and-town", "compatible", """
    'at the Danube Congress Centre' / 'in Vienna'; 'the city's Vítkovice district' / 'in Ostrava'.""")
def venue_and_town(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """A venue and a town, or a part of a town and a town: the one may lie in the other."""
    levels = {_place(a).level, _place(b).level}
    if levels not in ({"venue", "locality"}, {"sub_locality", "locality"}, {"venue", "sub_locality"}):
        return None
    return f"{quote(a)} may lie in {quote(b)}: one names a {_place(a).level}, the other a {_place(b).level}."


@rule("place-unnamed", "compatible", """
    'at his office in the council headquarters' / 'at Dunmore Regional Council's headquarters'.""")
def place_unnamed(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """One place is given by its kind only ("the council headquarters"), with no name to contradict."""
    if _place(a).anchors and _place(b).anchors:
        return None
    return "one place is not named, only described."


@rule("locations-differ", "conflict", """
    'arrested at his villa in Saltmere' / 'arrested at Calder airport'; 'a briefing at Tarnley Civic
    Hall' / 'at County Hall in Wexcombe'; 'in a hayfield just east of Orlen' / 'outside Casterby'.""")
def locations_differ(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """Two places with no name in common, neither inside the other, for one happening."""
    return f"{quote(a)} and {quote(b)} put it in different places."


class LocationKind(Kind):
    name = "location"
    summary = "Where something happened: 'arrested at Calder airport', 'at the Nová Aréna', 'in Brussels'."
    value_type = Place
    # `comparable` already demands one happening: agreeing places and mutual best matches need less
    # of the wording, as dates do.
    agree_link_score = 0.3
    mutual_link_score = 0.35
    rules = (same_place, stretches_differ, place_in_more_detail, venue_and_town, place_unnamed, same_article_parts,
             locations_differ)

    def extract(self, sentence: Sentence) -> list[Draft]:
        """Every place phrase after a preposition of place that names a place and situates something:
        what happened there names the claim, as for dates."""
        if sentence.segment.role != "body":
            return []
        doc = sentence.doc
        drafts: list[Draft] = []
        taken: list[tuple[int, int]] = []
        for prep in doc:
            if prep.dep_ != "prep" or prep.lower_ not in LOCATION_PREPOSITIONS:
                continue
            found = _place_phrase(prep, sentence)
            if found is None:
                continue
            start, end, place = found
            if any(s <= start and end <= e for s, e in taken):
                continue  # "in Ansley's Old Town" inside "at the Corn Exchange in Ansley's Old Town"
            situated = happening(doc, start, end)
            if situated is None:
                continue
            taken.append((start, end))
            drafts.append(Draft(self.name, self.name, situated[0], place, sentence.start + start,
                                sentence.start + end, sentence.mention_for(start, end)))
        return drafts

    def comparable(self, a: Claim, b: Claim, ctx: AlignContext) -> bool:
        """Places of one happening (`situated.same_happening`)."""
        return same_happening(a, b, ctx)

    def cell_key(self, claim: Claim) -> Hashable:
        return fold(_place(claim).name)


def _place_phrase(prep, sentence: Sentence) -> tuple[int, int, Place] | None:
    """The place a preposition introduces, as (start, end, Place) in sentence offsets; None when its
    object names no place (a date, a person, a plain "hospital")."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.ent_type_ in NOT_PLACE_ENTITIES:
        return None
    if prep.lower_ == "in" and prep.head.lemma_.lower() in HOLDING_NOUNS:
        return None  # "shares in Brantwick", "a stake in the port operator": what is owned, not where
    if pobj.pos_ == "NOUN" and pobj.lemma_.lower() in TRIGGER_CLASS:
        return None  # "at a briefing at Tarnley Civic Hall": an event; its own "at" gives the place
    tokens = [t for t in pobj.subtree if not _in_clause(t, pobj)]
    if any(t.like_num or t.ent_type_ in ("DATE", "TIME") for t in tokens[:2]):
        return None  # "at 11:15 CEST", "in 2023": times, not places
    while tokens and (tokens[-1].is_punct or tokens[-1].pos_ in ("CCONJ", "ADP", "DET")):
        tokens.pop()
    if not tokens or len(tokens) > MAX_PLACE_WORDS:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = sentence.text[start:end]
    anchors = _anchors(tokens, sentence)
    if not anchors:
        return None  # "at the airport", "in hospital": nothing names which
    head = pobj.lemma_.lower() if pobj.pos_ == "NOUN" else text.split()[-1].lower()
    if not _placelike(tokens, pobj, head, anchors, sentence):
        return None  # "in Brantwick's history", "published in the Annals of Vaccine Science"
    if prep.lower_ == "between":
        if len(anchors) < 2:
            return None
        return start, end, Place(text, anchors, head, "stretch")
    return start, end, Place(text, anchors, head, _level(pobj, head, anchors, sentence))


def _in_clause(token, pobj) -> bool:
    """Is the token in a relative clause or apposition hanging on the place ("..., where farmers fear")?"""
    node = token
    while node.i != pobj.i:
        if node.dep_ in ("relcl", "acl", "appos", "advcl", "conj", "cc") and node.head.i == pobj.i or \
                node.dep_ in ("relcl", "acl", "advcl"):
            return True
        node = node.head
    return False


def _anchors(tokens, sentence: Sentence) -> tuple[str, ...]:
    """The proper names in a place phrase ("Saltmere", "Tarnley Civic Hall", "Ansley", "Old Town")."""
    names: list[str] = []
    run: list = []
    for tok in [*tokens, None]:
        if tok is not None and (tok.pos_ == "PROPN" or tok.ent_type_ in ("GPE", "LOC", "FAC")) and \
                tok.ent_type_ not in ("PERSON", "DATE", "TIME") and tok.text not in CALENDAR_NAMES:
            run.append(tok)
            continue
        if run:
            name = re.sub(r"['’]s$", "", " ".join(t.text for t in run)).strip()
            if len(name) > 1 and not (run[0].is_sent_start and not sentence.gazetteer.is_place(name) and len(run) == 1):
                names.append(name)
            run = []
    return tuple(names)


def _placelike(tokens, pobj, head: str, anchors: tuple[str, ...], sentence: Sentence) -> bool:
    """Does the phrase name a place: a place entity or gazetteer place, a word for a kind of place, a
    direction ("east of Orlen"), or a bare proper name the tagger does not call something else?"""
    if any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in tokens) or \
            any(sentence.gazetteer.is_place(a) for a in anchors):
        return True
    words = {t.lower_ for t in tokens} | {t.lemma_.lower() for t in tokens}
    if words & (VENUE_WORDS | LOCALITY_WORDS | DIRECTION_WORDS):
        return True
    return pobj.pos_ == "PROPN" and pobj.ent_type_ == "" and not any(t.dep_ == "poss" for t in tokens)


def _level(pobj, head: str, anchors: tuple[str, ...], sentence: Sentence) -> str:
    # A name's last word says what it is ("Tarnley Civic Hall", "Skerrin Point Spaceport"); its first
    # may not ("Port Aldwick" is a town).
    words = {a.split()[-1].lower() for a in anchors} | {head}
    if words & VENUE_WORDS:
        return "venue"
    if words & SUB_LOCALITY_WORDS:
        return "sub_locality"
    if pobj.pos_ == "NOUN" and head not in LOCALITY_WORDS:
        return "site"  # "a hayfield just east of Orlen", "the levee at Ashby Lode"
    return "locality"


KIND = LocationKind()
