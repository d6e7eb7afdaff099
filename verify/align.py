"""Stage 4, align: claims in, claims grouped by what they speak of.

Adds: one person key per person however the name is spelled (rapidfuzz), one attribute
key per kind of quantity however it is worded ("countries" / "participating nations",
embedding similarity), one list key per list of an event, and the groups of claims
that the judge compares: same event, same attribute.
"""
from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from .embed import Embedder
from .extract.subjects import FRAMES
from .records import Claim

SUBJECT_SIMILARITY = 0.55  # head nouns at least this close count the same thing (country~nation 0.77, state~country 0.58)
MONEY_SUBJECT_SIMILARITY = 0.7  # "fund" ~ "funding"; a bare verb or "amount" links nothing by itself
LIST_HEAD_SIMILARITY = 0.45  # objectives ~ priorities ~ goals
LIST_ITEM_MATCH = 0.5  # share of items that must match for two lists to be one list
ITEM_SIMILARITY = 0.5  # two list items say the same thing
SURNAME_MATCH = 85  # Zelenskyy ~ Zelensky, Al-Sayed ~ Al Sayed
GIVEN_NAME_MATCH = 80  # Sergei ~ Sergey (83), not Ana ~ Anika (75)


@dataclass
class ClaimGroup:
    """Claims about one attribute of one event (or of one person), to be judged together."""

    event: str | None
    attribute: str
    kind: str
    claims: list[Claim] = field(default_factory=list)


def fold_name(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
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


def _cluster(labels: list[str], embedder: Embedder, threshold: float) -> dict[str, str]:
    """Single-link clusters of phrases by embedding similarity; maps each to its cluster's most common phrase."""
    unique = sorted(set(labels))
    if not unique:
        return {}
    sim = embedder.similarity(unique, unique)
    heads = sorted({label.split()[-1] for label in unique})
    head_sim = embedder.similarity(heads, heads)
    head_index = {h: i for i, h in enumerate(heads)}

    def linked(i, j):
        *mods_i, head_i = unique[i].split()
        *mods_j, head_j = unique[j].split()
        if mods_i and mods_j and mods_i != mods_j and sim[i, j] < threshold:
            return False  # "bus lane" is not "cycle lane"
        return head_sim[head_index[head_i], head_index[head_j]] >= threshold

    roots = _complete_link(len(unique), linked)
    counts = defaultdict(int)
    for label in labels:
        counts[label] += 1
    members = defaultdict(list)
    for label, root in zip(unique, roots):
        members[root].append(label)
    result = {}
    for group in members.values():
        name = max(group, key=lambda x: (counts[x], -len(x), x))
        for label in group:
            result[label] = name
    return result


def items_matched(a: tuple[str, ...], b: tuple[str, ...], embedder: Embedder) -> list[tuple[int, int, float]]:
    """Greedy one-to-one matching of list items by meaning: (index in a, index in b, similarity)."""
    if not a or not b:
        return []
    sim = embedder.similarity(list(a), list(b))
    pairs = sorted(((float(sim[i, j]), i, j) for i in range(len(a)) for j in range(len(b))), reverse=True)
    used_a, used_b, matched = set(), set(), []
    for score, i, j in pairs:
        if score < ITEM_SIMILARITY or i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        matched.append((i, j, score))
    return sorted(matched)


def align(claims: list[Claim], embedder: Embedder) -> list[ClaimGroup]:
    """Normalise attributes across the corpus and group claims by (event, attribute)."""
    people = resolve_people([(c.article, c.subject) for c in claims if c.kind == "role"])
    for claim in claims:
        if claim.kind == "role":
            claim.attribute = f"role:{fold_name(people[(claim.article, claim.subject)])}"
    for kind in ("count", "percent"):
        # Frame names ("deaths", "votes for") are already canonical: only free wording is clustered.
        subset = [c for c in claims if c.kind == kind and c.subject not in FRAMES]
        names = _cluster([c.subject for c in subset], embedder, SUBJECT_SIMILARITY)
        for claim in subset:
            claim.attribute = f"{kind}:{names[claim.subject]}"
    _align_money([c for c in claims if c.kind == "money"], embedder)
    _align_lists([c for c in claims if c.kind == "list"], embedder)
    groups: dict[tuple, ClaimGroup] = {}
    for claim in claims:
        if claim.event is None and claim.kind != "role":
            continue  # a figure of no known event has nothing to be compared with (roles belong to people)
        if claim.kind == "weekday":
            key = (claim.event, claim.attribute, claim.id)  # a wrong weekday is judged on its own
        else:
            key = (claim.event, claim.attribute, "")
        group = groups.setdefault(key, ClaimGroup(claim.event, claim.attribute, claim.kind))
        group.claims.append(claim)
    return [groups[k] for k in sorted(groups, key=lambda k: (k[0] or "", k[1], k[2]))]


def _union_find(n: int, linked) -> list[int]:
    """Connected components of n items under the pair predicate `linked(i, j)`; returns each item's root."""
    parent = list(range(n))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(n):
        for j in range(i + 1, n):
            if find(i) != find(j) and linked(i, j):
                parent[find(i)] = find(j)
    return [find(i) for i in range(n)]


def _by_event(claims: list[Claim]) -> dict[str | None, list[Claim]]:
    grouped: dict[str | None, list[Claim]] = defaultdict(list)
    for claim in claims:
        grouped[claim.event].append(claim)
    return grouped


def _complete_link(n: int, linked) -> list[int]:
    """Groups in which every member is linked to every other; returns each item's group leader.

    Unlike single-link, a chain of look-alikes ("business" ~ "job" ~ "employee") never joins
    its ends.
    """
    groups: list[list[int]] = []
    for i in range(n):
        for group in groups:
            if all(linked(i, j) for j in group):
                group.append(i)
                break
        else:
            groups.append([i])
    leader = [0] * n
    for group in groups:
        for i in group:
            leader[i] = group[0]
    return leader


def _align_money(money: list[Claim], embedder: Embedder) -> None:
    """Amounts of one event are one attribute when they are the same figure or name the same thing.

    The same figure in two currencies ("€300 million" / "$300 million") is the same amount misreported
    far more often than two different amounts that happen to share a number. Groups are complete-link:
    an amount joins a group only if it is linked to every amount already in it, so "$1.2bn fund" and
    "$200m pledge" never meet through a chain of look-alikes.
    """
    for members in _by_event(money).values():
        subjects = [c.subject for c in members]
        sim = embedder.similarity(subjects, subjects)

        def linked(i, j):
            return members[i].point == members[j].point or sim[i, j] >= MONEY_SUBJECT_SIMILARITY

        for claim, leader in zip(members, _complete_link(len(members), linked)):
            claim.attribute = f"money:{members[leader].subject}"


def _align_lists(lists: list[Claim], embedder: Embedder) -> None:
    """Lists of one event whose heads or items match get one attribute key."""
    for members in _by_event(lists).values():
        heads = [c.subject for c in members]
        head_sim = embedder.similarity(heads, heads)

        def linked(i, j):
            if head_sim[i, j] >= LIST_HEAD_SIMILARITY:
                return True
            matched = items_matched(members[i].items, members[j].items, embedder)
            return len(matched) / max(1, min(len(members[i].items), len(members[j].items))) >= LIST_ITEM_MATCH

        roots = _union_find(len(members), linked)
        for claim, root in zip(members, roots):
            claim.attribute = f"list:{members[root].subject}"
