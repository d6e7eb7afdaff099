"""Corroboration: how many independent sources carry each claim.

A claim is carried by its own article and by every article whose claim agrees with it or is
compatible with it in a finding it takes part in. Sources are counted independently: a copy of a
story (`duplicate_of`, syndicated or filed twice) counts as its original, and when articles name
their outlet, articles of one outlet count once. Works on plain values, so the Markdown report
(records) and the HTML page (report.json) count the same way.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

CORROBORATING_STATUSES = ("agree", "compatible")


def source_names(articles: Iterable[Mapping]) -> dict[str, str]:
    """Article id -> the name of the independent source it belongs to.

    `articles` are mappings with `id` and optionally `duplicate_of` and `outlet`. A copy takes its
    original's source; an article's outlet, when it has one, is its source; otherwise the article is.
    """
    by_id = {str(a.get("id")): a for a in articles}

    def original(article_id: str) -> str:
        seen = {article_id}
        while True:
            parent = (by_id.get(article_id) or {}).get("duplicate_of")
            if not parent or str(parent) in seen or str(parent) not in by_id:
                return article_id
            article_id = str(parent)
            seen.add(article_id)

    names = {}
    for article_id in by_id:
        root = original(article_id)
        outlet = (by_id[root] or {}).get("outlet") or (by_id[article_id] or {}).get("outlet")
        names[article_id] = str(outlet) if outlet else root
    return names


def carried_by(claim_articles: Mapping[str, str], findings: Iterable[tuple[str, Iterable[str]]],
               sources: Mapping[str, str]) -> dict[str, list[str]]:
    """Claim id -> the sorted names of the independent sources that carry it (its own included).

    `claim_articles` maps claim id -> article id; `findings` are (status, claim ids) pairs; `sources`
    comes from `source_names`.
    """
    carriers: dict[str, set[str]] = defaultdict(set)
    for cid, article in claim_articles.items():
        carriers[cid].add(sources.get(article, article))
    for status, claim_ids in findings:
        if status not in CORROBORATING_STATUSES:
            continue
        ids = [cid for cid in claim_ids if cid in claim_articles]
        together = {sources.get(claim_articles[cid], claim_articles[cid]) for cid in ids}
        for cid in ids:
            carriers[cid] |= together
    return {cid: sorted(names) for cid, names in carriers.items()}


def compared_claims(status: str, claims: list[str], sides: list[list[str]], pairs: list[dict]
                    ) -> Iterable[tuple[str, list[str]]]:
    """A finding's (status, claim ids) for `carried_by`, one per claim pair it compared: a grouped finding's
    claims do not all carry each other ("around 30" is compatible with 28 and with 31, which conflict)."""
    if not pairs:
        yield status, claims
        return
    for pair in pairs:
        yield status, [cid for i in pair["sides"] for cid in sides[i]]


def corroboration_line(names: list[str]) -> str:
    """'1 source (003)', '3 independent sources (000, 001, 003)'."""
    if len(names) == 1:
        return f"1 source only ({names[0]})"
    return f"{len(names)} independent sources ({', '.join(names)})"
