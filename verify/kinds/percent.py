"""Percentages: a share or a change in per cent ("38.2 percent", "4.5%", "more than a third")."""
from __future__ import annotations

from .base import Draft, Sentence
from .quantity import QUANTITY_RULES, Quantity, QuantityKind, amount_subject, draft, quantity_value


class PercentKind(QuantityKind):
    name = "percent"
    summary = "A percentage: '38.2 percent', '4.5%', 'a quarter of a percentage point'."
    value_type = Quantity
    rules = QUANTITY_RULES

    def extract(self, sentence: Sentence) -> list[Draft]:
        return [draft(self.name, sentence, q, amount_subject(sentence.doc, q), quantity_value(q))
                for q in sentence.quantities if q.kind == "percent"]



KIND = PercentKind()
