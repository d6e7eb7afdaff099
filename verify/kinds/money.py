"""Money: amounts with their currency ("$1.2 billion", "1,200 million dollars", "€300m").

Amounts are never converted between currencies: the same figure in two currencies is a
conflict, a different figure in another currency is left to the text's own conversion.
"""
from __future__ import annotations

import re

from ..extract.quantities import find_quantities
from ..records import Claim
from .base import Draft, JudgeContext, Sentence, quote, rule
from .measure import MASS_CONTEXT
from .quantity import (
    QUANTITY_RULES,
    Quantity,
    QuantityKind,
    _q,
    amount_subject,
    currencies_not_converted,
    currency_differs,
    draft,
    quantity_value,
)

MONEY_SUBJECT_SIMILARITY = 0.7  # "fund" ~ "funding"; a bare verb or "amount" links nothing by itself


EQUIVALENT = re.compile(r"\b(?:equivalent of|equivalent to|worth about|worth roughly|or about|or roughly)"
                        r"\s+(?:\w+\s+)?$",
                        re.I)


@rule("converted-in-text", "compatible", """
    'roughly €2.6 billion, the equivalent of about $3 billion' / 'peak sales of $3 billion'.""")
def converted_in_text(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """One article gives the amount in the other's currency too: the text itself converts it."""
    ca, cb = _q(a).currency, _q(b).currency
    if not (ca and cb) or ca == cb:
        return None
    for claim in (a, b):
        if EQUIVALENT.search(claim.sentence[:max(0, claim.start - claim.sentence_start)][-40:]):
            return f"{quote(claim)} is itself a conversion ('the equivalent of'), not the amount as pledged."
    for claim, other in ((a, cb), (b, ca)):
        if any(q.kind == "money" and q.currency == other for q in find_quantities(claim.sentence)):
            return (f"{quote(claim)} is given with its equivalent in {other} in the same sentence, "
                    f"so the amounts are not in conflict.")
    return None


class MoneyKind(QuantityKind):
    name = "money"
    summary = "An amount of money with its currency: '$1.2 billion', '1,200 million dollars', '€300m'."
    value_type = Quantity
    rules = (converted_in_text, currency_differs, currencies_not_converted, *QUANTITY_RULES)

    def extract(self, sentence: Sentence) -> list[Draft]:
        weight = MASS_CONTEXT.search(sentence.text)
        return [draft(self.name, sentence, q, amount_subject(sentence.doc, q), quantity_value(q))
                for q in sentence.quantities if q.kind == "money"
                and not (weight and _pounds_of_weight(q.text))]



def _pounds_of_weight(text: str) -> bool:
    """"some 680 pounds" in a sentence about a payload is a mass: no £ sign, no millions."""
    return bool(re.search(r"\bpounds?\b", text)) and "£" not in text and not re.search(r"illion|\bbn\b|\bm\b", text)


KIND = MoneyKind()
