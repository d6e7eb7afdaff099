"""Locations: where an event took place ("in Brussels", "at the Corn Exchange in Ansley").

Places compare through the gazetteer: the same place under two names agrees, a district or
city inside a named country is compatible, two places that exclude each other conflict.
"""
from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

from ..gazetteer import fold
from ..records import Claim
from .base import Draft, JudgeContext, Kind, Sentence, quote, rule


@dataclass(frozen=True)
class PlaceName:
    name: str

    def __str__(self) -> str:
        return self.name

    def report_fields(self) -> dict:
        return {}

    def to_json(self) -> dict:
        return {"name": self.name}

    @classmethod
    def from_json(cls, data: dict) -> PlaceName:
        return cls(data["name"])


def _relation(a: Claim, b: Claim, ctx: JudgeContext) -> str:
    return ctx.gazetteer.relation(str(a.value), str(b.value))


@rule("same-place", "agree", """
    'in Kyiv' / 'in Kiev'.""")
def same_place(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """Both name the same place, however it is spelled."""
    if _relation(a, b, ctx) != "same":
        return None
    return f"{quote(a)} and {quote(b)} name the same place."


@rule("place-within", "compatible", """
    'in Geneva' / 'in Switzerland': the city lies within the country.""")
def place_within(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """One place lies within the other."""
    if _relation(a, b, ctx) != "within":
        return None
    return f"{quote(a)} and {quote(b)}: one place lies within the other."


@rule("place-relation-unknown", "compatible", """
    'in Brennick' (a town the gazetteer does not know) / 'in Estonia'.""")
def place_relation_unknown(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """An unknown place against a wider known area: it may lie inside it."""
    if _relation(a, b, ctx) != "unknown":
        return None
    return f"{quote(a)} and {quote(b)} may be the same place (one is a wider area)."


@rule("places-differ", "conflict", """
    'the talks in Geneva' / 'the talks in Vienna' about one round of talks.""")
def places_differ(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """Two places that exclude each other for one event."""
    return f"{quote(a)} and {quote(b)} put the event in different places."


class LocationKind(Kind):
    name = "location"
    summary = "Where an event took place: 'in Brussels', 'at the Corn Exchange in Ansley'."
    value_type = PlaceName
    rules = (same_place, place_within, place_relation_unknown, places_differ)

    def extract(self, sentence: Sentence) -> list[Draft]:
        return [Draft(self.name, self.name, m.trigger, PlaceName(m.place), m.place_start, m.place_end, m)
                for m in sentence.mentions
                if m.place is not None and m.type != "lead" and m.place_start is not None and m.place_end is not None]

    def cell_key(self, claim: Claim) -> Hashable:
        return fold(str(claim.value))


KIND = LocationKind()
