"""Money: amounts with their currency ("$1.2 billion", "1,200 million dollars", "€300m").

Amounts are never converted between currencies: the same figure in two currencies is a
conflict, a different figure in another currency is left to the text's own conversion.
"""
from __future__ import annotations

from .base import Draft, Sentence
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



KIND = MoneyKind()
