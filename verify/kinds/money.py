"""Money: amounts with their currency ("$1.2 billion", "1,200 million dollars", "€300m").

Amounts are never converted between currencies: the same figure in two currencies is a
conflict, a different figure in another currency is left to the text's own conversion.
"""
from __future__ import annotations

from ..records import Claim
from .base import AlignContext, Draft, Sentence
from .quantity import QUANTITY_RULES, Quantity, QuantityKind, amount_subject, currency_differs, draft, quantity_value

MONEY_SUBJECT_SIMILARITY = 0.7  # "fund" ~ "funding"; a bare verb or "amount" links nothing by itself


class MoneyKind(QuantityKind):
    name = "money"
    summary = "An amount of money with its currency: '$1.2 billion', '1,200 million dollars', '€300m'."
    value_type = Quantity
    rules = (currency_differs, *QUANTITY_RULES)

    def extract(self, sentence: Sentence) -> list[Draft]:
        return [draft(self.name, sentence, q, amount_subject(sentence.doc, q), quantity_value(q))
                for q in sentence.quantities if q.kind == "money"]

    def align(self, claims: list[Claim], ctx: AlignContext) -> None:
        """Amounts of one event are one attribute when they are the same figure or name the same thing.

        The same figure in two currencies ("€300 million" / "$300 million") is the same amount
        misreported far more often than two different amounts that happen to share a number.
        Groups are complete-link: an amount joins a group only if it is linked to every amount
        already in it, so "$1.2bn fund" and "$200m pledge" never meet through a chain of look-alikes.
        """
        by_event: dict[str | None, list[Claim]] = {}
        for claim in claims:
            by_event.setdefault(claim.event, []).append(claim)
        for members in by_event.values():
            subjects = [c.subject for c in members]
            sim = ctx.similarity(subjects, subjects)

            def linked(i: int, j: int) -> bool:
                same_figure = members[i].value.point == members[j].value.point  # type: ignore[attr-defined]
                return same_figure or sim[i, j] >= MONEY_SUBJECT_SIMILARITY

            for claim, leader in zip(members, ctx.complete_link(len(members), linked)):
                claim.attribute = f"{self.name}:{members[leader].subject}"


KIND = MoneyKind()
