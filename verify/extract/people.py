"""People and their roles: "UK Defence Secretary John Healey", "Name, the health minister,".

A role is parsed into parts (office, portfolio, jurisdiction) so that "Defence Secretary"
and "UK Defense Secretary" agree while "finance minister" and "foreign minister" do not.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..lexicon.en import OFFICES, RANK_MODIFIERS, ROLE_FILLER, ROLE_SPELLINGS

SPELLING = ROLE_SPELLINGS
FILLER = ROLE_FILLER
ROLE_WORD = re.compile(r"[A-Za-zÀ-ÿ][\w.'’-]*$")


@dataclass(frozen=True)
class RoleParts:
    office: str  # office class, e.g. "minister"
    portfolio: tuple[str, ...]  # e.g. ("defence",)
    jurisdiction: str | None  # e.g. "GB", when the role names a country
    rank: tuple[str, ...]  # deputy, vice, former...


def role_parts(role: str, country_of=None) -> RoleParts | None:
    """Parse a role phrase; None when it names no office. `country_of(word)` maps UK/British to a code."""
    text = role.lower().replace("’", "'")
    for old, new in SPELLING.items():
        text = re.sub(rf"\b{re.escape(old)}\b", new, text)
    words = [w.strip(",.") for w in re.split(r"\s+", text) if w.strip(",.")]
    # Two-word offices first, so "prime minister" is not read as a minister of "prime".
    found = next(
        ((OFFICES[" ".join(words[i:i + size])], set(range(i, i + size)))
         for size in (2, 1) for i in range(len(words) - size + 1)
         if " ".join(words[i:i + size]) in OFFICES),
        None,
    )
    if found is None:
        return None
    office, used = found
    rank = tuple(sorted(w for j, w in enumerate(words) if w in RANK_MODIFIERS and j not in used))
    jurisdiction = None
    portfolio = []
    for j, word in enumerate(words):
        if j in used or word in FILLER or word in RANK_MODIFIERS:
            continue
        bare = re.sub(r"'s$", "", word)
        if bare != word and bare not in ("its", "their", "his", "her"):
            # "Valdoria's finance minister", "the union's president": whose office it is, not its portfolio.
            jurisdiction = jurisdiction or (country_of(bare) if country_of else None) or bare
            continue
        if bare in ("its", "their", "his", "her", "our"):
            continue
        code = country_of(bare) if country_of else None
        if code:
            jurisdiction = jurisdiction or code
            continue
        if bare in ("mp",):
            continue
        portfolio.append(bare)
    return RoleParts(office, tuple(sorted(set(portfolio))), jurisdiction, rank)


def compare_roles(a: str, b: str, country_of=None) -> tuple[str, str]:
    """('agree' | 'compatible' | 'conflict', reason) for two roles of one person."""
    pa, pb = role_parts(a, country_of), role_parts(b, country_of)
    if pa is None or pb is None:
        return "compatible", "one of the roles names no office"
    if pa.office != pb.office and {pa.office, pb.office} != {"minister", "chief"}:
        return "conflict", f"different offices: {pa.office} vs {pb.office}"
    if pa.portfolio and pb.portfolio and not _portfolios_overlap(pa.portfolio, pb.portfolio):
        return "conflict", f"different portfolios: {' '.join(pa.portfolio)} vs {' '.join(pb.portfolio)}"
    if pa.jurisdiction and pb.jurisdiction and pa.jurisdiction != pb.jurisdiction:
        return "conflict", f"different countries: {pa.jurisdiction} vs {pb.jurisdiction}"
    if pa.rank != pb.rank and (pa.rank or pb.rank):
        return "conflict", f"different rank: {' '.join(pa.rank) or 'full'} vs {' '.join(pb.rank) or 'full'}"
    if pa == pb:
        return "agree", "same office, portfolio and country"
    return "compatible", "same office; one description is less specific"


def _portfolios_overlap(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """'harbour' ~ 'harbours', 'finance' ~ 'finances'; 'finance' is not 'foreign'."""
    return any(x == y or (min(len(x), len(y)) >= 4 and fuzz.ratio(x, y) >= 85) for x in a for y in b)


def role_before(tokens, name_start: int) -> tuple[int, int] | None:
    """Token span of a title right before a name ("UK Defence Secretary" John Healey, "the CEO, Jo Bloggs")."""
    if name_start > 1 and tokens[name_start - 1].text == ",":
        span = role_before(tokens, name_start - 1)
        if span is not None:
            return span
        return None
    j = name_start - 1
    start = None
    while j >= 0:
        tok = tokens[j]
        word = tok.text
        if word in ("'s", "’s") and j > 0:
            j -= 1
            continue
        if tok.is_punct or tok.pos_ in ("DET", "VERB", "AUX", "ADP", "PRON", "CCONJ", "SCONJ") and word.lower() not in OFFICES:
            break
        if not ROLE_WORD.match(word):
            break
        start = j
        j -= 1
        if name_start - j > 7:
            break
    if start is None:
        return None
    words = " ".join(t.text.lower() for t in tokens[start:name_start])
    if not any(re.search(rf"\b{re.escape(o)}\b", words) for o in OFFICES):
        return None
    return start, name_start


def role_after(tokens, name_end: int) -> tuple[int, int] | None:
    """Token span of an appositive role after a name ("Name, the health minister,")."""
    if name_end >= len(tokens) or tokens[name_end].text != ",":
        return None
    j = name_end + 1
    if j < len(tokens) and tokens[j].lower_ in ("the", "a", "an"):
        j += 1
    start = j
    while j < len(tokens) and j - start < 8 and not tokens[j].is_punct and tokens[j].pos_ not in ("VERB", "AUX", "PRON"):
        j += 1
    if j == start or j >= len(tokens) or tokens[j].text not in (",", ".", ";"):
        return None
    words = " ".join(t.text.lower() for t in tokens[start:j])
    if not any(re.search(rf"\b{re.escape(o)}\b", words) for o in OFFICES):
        return None
    return start, j
