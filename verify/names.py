"""People's names: one key per person however the name is spelled (rapidfuzz).

"Zelenskyy" and "Zelensky", "Al-Sayed" and "Al Sayed", "Sébastien" in NFC or NFD are one
person; "Ana" and "Anika" are not.
"""
from __future__ import annotations

import unicodedata
from collections import defaultdict

from rapidfuzz import fuzz

SURNAME_MATCH = 85  # rapidfuzz ratio of two surnames of one person: Zelenskyy ~ Zelensky (93), Al-Sayed ~ Al Sayed
GIVEN_NAME_MATCH = 80  # given names of one person: Sergei ~ Sergey (83), not Ana ~ Anika (75)


# Letters Unicode does not decompose into a base letter and an accent.
TRANSLITERATION = str.maketrans({"æ": "ae", "Æ": "Ae", "ø": "o", "Ø": "O", "ß": "ss", "ł": "l", "Ł": "L", "đ": "d",
                                 "Đ": "D", "ð": "d", "þ": "th", "œ": "oe", "Œ": "Oe"})


def fold_name(name: str) -> str:
    """A name's comparison key: accents and case off, hyphens as spaces ("Kjær" and "Kjaer" are one)."""
    text = unicodedata.normalize("NFKD", name.translate(TRANSLITERATION))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(text.replace("-", " ").replace("’", "'").split())


def same_person(a: str, b: str) -> bool:
    """Two spellings of one person's name: surnames close, given names (if both given) close."""
    fa, fb = fold_name(a).split(), fold_name(b).split()
    if not fa or not fb:
        return False
    # Compound surnames ("Adebayo-Cole" / "Adebayo Cole", "Al-Sayed") fold to several words: compare tails.
    for size in (2, 1):
        if size == 2 and (len(fa) < 3 or len(fb) < 3):
            continue  # two words are a given name and a surname, not a compound surname
        ta, tb = " ".join(fa[-size:]), " ".join(fb[-size:])
        if len(fa) >= size and len(fb) >= size and fuzz.ratio(ta, tb) >= SURNAME_MATCH:
            rest_a, rest_b = fa[:-size], fb[:-size]
            if not rest_a or not rest_b:
                return True
            return fuzz.ratio(rest_a[0], rest_b[0]) >= GIVEN_NAME_MATCH or rest_a[0][0] == rest_b[0][0] and (
                len(rest_a[0]) <= 2 or len(rest_b[0]) <= 2)
    return fuzz.ratio(" ".join(fa), " ".join(fb)) >= SURNAME_MATCH


def resolve_people(mentions: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """Map every (article, spelling) of a person to one canonical name (the longest spelling seen).

    A bare surname ("Healey") stands for the full name used in the same article, never for a
    namesake in another one. Full names are matched across articles within blocks of similar
    surnames, so the cost stays near-linear in the number of names.
    """
    full_in_article: dict[str, list[str]] = defaultdict(list)
    for article, name in mentions:
        if len(fold_name(name).split()) > 1:
            full_in_article[article].append(name)
    local: dict[tuple[str, str], str] = {}
    for article, name in mentions:
        if len(fold_name(name).split()) > 1:
            local[(article, name)] = name
            continue
        matches = sorted((n for n in full_in_article[article] if same_person(name, n)), key=lambda n: (-len(n), n))
        local[(article, name)] = matches[0] if matches else name
    blocks: dict[str, list[str]] = defaultdict(list)
    for name in sorted(set(local.values()), key=lambda n: (-len(n), n)):
        blocks[fold_name(name).split()[-1][:3]].append(name)
    canonical: dict[str, str] = {}
    for names in blocks.values():
        groups: list[list[str]] = []
        for name in names:
            for group in groups:
                if all(same_person(name, other) for other in group):
                    group.append(name)
                    break
            else:
                groups.append([name])
        canonical.update({name: group[0] for group in groups for name in group})
    return {key: canonical[name] for key, name in local.items()}
